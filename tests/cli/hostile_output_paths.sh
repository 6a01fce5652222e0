#!/usr/bin/env bash
# Output paths that are not alignsim's to replace (docs/safety.md): `--overwrite` replaces
# an earlier results or shard file and nothing else; an output that is one of the inputs
# is refused; a dangling link at -o is refused before any run; a scenario's `name:`
# cannot send the default output outside the working directory. Each refusal is one line
# with a non-zero exit and leaves the path exactly as it was.
# Usage: hostile_output_paths.sh ALIGNSIM SOURCE_DIR WORK_DIR
set -euo pipefail
alignsim="$1" source_dir="$2" work="$3"
rm -rf "$work" && mkdir -p "$work" && cd "$work"
cp "$source_dir/tests/golden/tiny.yaml" tiny.yaml
# Scaled budget: tiny.yaml's own budget draws a caution line, which would hide the one-line check.
quiet=(--quiet --set budget.initial_marketing_usd_per_day=40)
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# What a path is, to compare before and after: type, device numbers, inode, content hash.
fingerprint() {
  local hash=-
  [ -f "$1" ] && [ ! -L "$1" ] && hash=$(sha256sum < "$1")
  echo "$(stat -c '%F %t:%T %i' "$1") $hash"
}

# refuse CASE PATH CODE MESSAGE_REGEX ALIGNSIM_ARGS...: alignsim must exit CODE with exactly
# one stderr line matching MESSAGE_REGEX, and leave PATH as it was.
refuse() {
  local case="$1" path="$2" code="$3" message="$4" before status=0 failures_before=$failures
  shift 4
  before=$(fingerprint "$path")
  "$alignsim" "$@" > stdout.txt 2> stderr.txt || status=$?
  [ "$status" -eq "$code" ] || fail "$case: exit $status, expected $code ($(head -c 300 stderr.txt))"
  [ "$(wc -l < stderr.txt)" -eq 1 ] || { fail "$case: stderr is not one line:"; cat stderr.txt; }
  grep -Eq "$message" stderr.txt || fail "$case: message '$(cat stderr.txt)' does not match '$message'"
  [ "$(fingerprint "$path")" = "$before" ] || fail "$case: $path was changed"
  [ -z "$(find . -maxdepth 1 -name '.*.tmp-*' -o -maxdepth 1 -name '.*.lock' -o -maxdepth 1 -name '.*.journal')" ] ||
    fail "$case: left $(find . -maxdepth 1 -name '.*' ! -name .)"
  [ "$failures" -gt "$failures_before" ] || echo "ok: $case"
}

# 1. Devices, FIFOs, sockets and files alignsim did not write are never replaced.
if mknod null c 1 3 2> mknod.txt; then
  refuse "device node, --overwrite" null 1 "'null': it is a character device, not a regular file" \
    run tiny.yaml -o null --overwrite "${quiet[@]}"
  refuse "device node" null 1 "'null': it is a character device" run tiny.yaml -o null "${quiet[@]}"
else
  echo "SKIP: device node case: mknod needs root with CAP_MKNOD ($(cat mknod.txt))"
fi
mkfifo fifo
refuse "FIFO, --overwrite" fifo 1 "'fifo': it is a FIFO, not a regular file" run tiny.yaml -o fifo --overwrite "${quiet[@]}"
/usr/bin/python3 -c 'import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' socket
refuse "socket, --overwrite" socket 1 "'socket': it is a socket, not a regular file" \
  run tiny.yaml -o socket --overwrite "${quiet[@]}"
echo "my notes" > notes.txt
refuse "text file, --overwrite" notes.txt 1 "'notes.txt' exists and it is not an HDF5 file; --overwrite replaces only" \
  run tiny.yaml -o notes.txt --overwrite "${quiet[@]}"
if /usr/bin/python3 -c 'import h5py, sys; h5py.File(sys.argv[1], "w").attrs["kind"] = "data"' other.h5 2> h5py.txt; then
  refuse "another program's HDF5 file, --overwrite" other.h5 1 \
    "'other.h5' exists and it is an HDF5 file, but not a results, shard or calibration file of alignsim" \
    run tiny.yaml -o other.h5 --overwrite "${quiet[@]}"
else
  echo "SKIP: another program's HDF5 file: /usr/bin/python3 cannot write one with h5py ($(tail -1 h5py.txt))"
fi
mkdir directory.h5
refuse "directory, --overwrite" directory.h5 1 "'directory.h5': a directory of that name exists" \
  run tiny.yaml -o directory.h5 --overwrite "${quiet[@]}"

# ... but an earlier results file or shard is replaced, with the same bytes.
"$alignsim" run tiny.yaml -o results.h5 "${quiet[@]}" > /dev/null
cp results.h5 reference.h5
"$alignsim" run tiny.yaml -o results.h5 --overwrite "${quiet[@]}" > /dev/null || fail "--overwrite of a results file"
cmp -s results.h5 reference.h5 || fail "the replaced results file differs"
"$alignsim" run tiny.yaml -o shard0.h5 --shard 0/2 "${quiet[@]}" > /dev/null
"$alignsim" run tiny.yaml -o shard1.h5 --shard 1/2 "${quiet[@]}" > /dev/null
"$alignsim" run tiny.yaml -o shard0.h5 --shard 0/2 --overwrite "${quiet[@]}" > /dev/null || fail "--overwrite of a shard"
echo "ok: an earlier results file and shard are replaced"

# 12. A link at -o, dangling or not, is refused before any run starts (no banner printed).
ln -s nowhere.h5 dangling.h5
refuse "dangling symbolic link" dangling.h5 1 "'dangling.h5': it is a dangling symbolic link \(to 'nowhere.h5'\)" \
  run tiny.yaml -o dangling.h5 --set budget.initial_marketing_usd_per_day=40
[ ! -e nowhere.h5 ] || fail "the dangling link's target was created"
ln -s results.h5 link.h5
refuse "symbolic link to a results file, --overwrite" link.h5 1 "'link.h5': it is a symbolic link \(to 'results.h5'\)" \
  run tiny.yaml -o link.h5 --overwrite "${quiet[@]}"
cmp -s results.h5 reference.h5 || fail "the link's target changed"

# 2. An output that is one of the inputs, by any path or link, is refused.
mkdir sub
printf 'extends: ../tiny.yaml\nname: child\n' > sub/child.yaml
ln tiny.yaml hardlink.yaml
refuse "output is the scenario" tiny.yaml 2 "results file 'tiny.yaml' is the input file 'tiny.yaml'" \
  run tiny.yaml -o tiny.yaml --overwrite "${quiet[@]}"
refuse "output is the scenario by another path" tiny.yaml 2 "results file 'sub/../tiny.yaml' is the input file 'tiny.yaml'" \
  run tiny.yaml -o sub/../tiny.yaml --overwrite "${quiet[@]}"
refuse "output is a hard link to the scenario" tiny.yaml 2 "results file 'hardlink.yaml' is the input file 'tiny.yaml'" \
  run tiny.yaml -o hardlink.yaml --overwrite "${quiet[@]}"
refuse "output is a file the scenario extends" tiny.yaml 2 "results file 'tiny.yaml' is the input file 'tiny.yaml'" \
  run sub/child.yaml -o tiny.yaml --overwrite "${quiet[@]}"
refuse "merge output is an input shard" shard0.h5 2 "results file 'shard0.h5' is the input file 'shard0.h5'" \
  merge shard0.h5 shard1.h5 -o shard0.h5 --overwrite --quiet
ln shard1.h5 shard1-link.h5
refuse "merge output is a hard link to an input shard" shard1.h5 2 "results file 'shard1-link.h5' is the input file 'shard1.h5'" \
  merge shard0.h5 shard1.h5 -o shard1-link.h5 --overwrite --quiet

# 3. `name:` is the default output NAME.h5: it may not lead out of the working directory.
mkdir -p names/inside
printf 'extends: ../../tiny.yaml\nname: ../escaped\n' > names/inside/up.yaml
printf 'extends: ../../tiny.yaml\nname: %s/absolute\n' "$work/names" > names/inside/absolute.yaml
for scenario in up absolute; do
  status=0
  (cd names/inside && "$alignsim" run "$scenario.yaml" "${quiet[@]}" > /dev/null 2> ../../stderr.txt) || status=$?
  [ "$status" -eq 2 ] || fail "name of $scenario.yaml: exit $status, expected 2"
  grep -Eq "^$scenario.yaml:2:7: name: '.*' contains a path separator, but the name is also the default results file" stderr.txt ||
    fail "name of $scenario.yaml: message '$(cat stderr.txt)'"
  [ -z "$(find names -name '*.h5')" ] || fail "name of $scenario.yaml: wrote $(find names -name '*.h5')"
done
echo "ok: a name with a path is refused at its line"

[ "$failures" -eq 0 ] || { echo "$failures failures"; exit 1; }
echo "hostile_output_paths: ok"
