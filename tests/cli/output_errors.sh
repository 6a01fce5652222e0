#!/usr/bin/env bash
# Output and input failures say their cause first, in one line naming the file (issue 16
# item 10): a full disk (a 150 KiB tmpfs; skipped with a reason where mount is not
# permitted), merge of a missing file and of a directory, and a shard whose run table is
# wrong. Usage: output_errors.sh ALIGNSIM SOURCE_DIR WORK_DIR
set -euo pipefail
alignsim="$(realpath "$1")" source_dir="$(realpath "$2")" work="$3"
rm -rf "$work" && mkdir -p "$work" && cd "$work"
tiny="$source_dir/tests/golden/tiny.yaml"

# expect CODE TEXT ARGS...: alignsim ARGS exits CODE, and its stderr, without warnings,
# is one line that starts with TEXT and carries no HDF5 diagnostic.
expect() {
  local code="$1" text="$2"; shift 2
  set +e; "$alignsim" "$@" > out.txt 2> err_all.txt; local got=$?; set -e
  grep -v ': warning: ' err_all.txt > err.txt || true
  [ "$got" = "$code" ] || { echo "alignsim $* exited $got, expected $code"; cat err_all.txt; exit 1; }
  [ "$(wc -l < err.txt)" = 1 ] || { echo "alignsim $*: stderr is not one line:"; cat err.txt; exit 1; }
  ! grep -q 'HDF5-DIAG' err_all.txt || { echo "alignsim $*: HDF5 printed its own diagnostic:"; cat err_all.txt; exit 1; }
  case "$(cat err.txt)" in
    "$text"*) ;;
    *) echo "alignsim $*: message does not start with '$text':"; cat err.txt; exit 1 ;;
  esac
}

# Disk full, at 1 and 2 threads (with 2 the writer stage runs on any oneTBB worker);
# --no-resource-check, or the up-front disk estimate would refuse the run first.
mkdir full
if mount -t tmpfs -o size=150k tmpfs full 2> mount_error.txt; then
  trap 'umount "$work/full" 2> /dev/null || true' EXIT
  for threads in 1 2; do
    rm -rf full/* full/.[!.]*
    expect 1 "alignsim run: results file '$work/full/w.h5': No space left on device (HDF5 failed while" \
      run "$tiny" --threads "$threads" -o "$work/full/w.h5" --quiet --no-resource-check
    [ "$(wc -c < err.txt)" -lt 600 ] || { echo "disk-full message is $(wc -c < err.txt) characters"; cat err.txt; exit 1; }
    [ ! -e full/w.h5 ] || { echo "a failed run left full/w.h5"; exit 1; }
  done
  umount full && trap - EXIT
else
  echo "SKIP disk full: cannot mount a tmpfs here ($(head -1 mount_error.txt))"
fi

# Merge inputs that are not shard files.
expect 2 "alignsim merge: shard file 'missing.h5': no such file" merge missing.h5 -o merged.h5 --quiet
mkdir a_directory
expect 2 "alignsim merge: shard file 'a_directory': is a directory, not a shard file" \
  merge a_directory -o merged.h5 --quiet

# A run table with the right length but a wrong run number (was: "holds 3 runs, expected 3").
for i in 0 1; do "$alignsim" run "$tiny" --shard "$i/2" -o "shard_$i.h5" --quiet > /dev/null 2>&1; done
if /usr/bin/python3 -c 'import h5py' 2> /dev/null; then
  cp shard_0.h5 bad_runs.h5
  # Rewritten through HDF5 (which drops the checksum trailer), then sealed again as the
  # writer seals a shard, so the run table is what merge finds wrong.
  /usr/bin/python3 - <<'PY'
import h5py
with h5py.File("bad_runs.h5", "r+") as f:
    f["run"][1] = 7
data = open("bad_runs.h5", "rb").read()
state = 14695981039346656037
for byte in data:
    state = ((state ^ byte) * 1099511628211) % (1 << 64)
with open("bad_runs.h5", "ab") as f:
    f.write(b"alignsim" + state.to_bytes(8, "little"))
PY
  expect 2 "alignsim merge: shard file 'bad_runs.h5' (shard 0/2) has a wrong run table: row 1 holds run 7, expected run 2" \
    merge bad_runs.h5 shard_1.h5 -o merged.h5 --quiet
else
  echo "SKIP run table: /usr/bin/python3 has no h5py (python3-h5py)"
fi
[ ! -e merged.h5 ] || { echo "a refused merge created its output"; exit 1; }
echo "output errors: cause first, one line, naming the file"
