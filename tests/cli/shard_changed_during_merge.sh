#!/usr/bin/env bash
# A shard that fails to read during the merge itself, after the up-front check passed
# (issue 16 item 7: here the file is overwritten in place with a truncated copy, as a
# requeued job or a careless cp would): an input that cannot be read is not a failed
# run. merge must exit 1 with one line naming the shard and the cause, and leave no
# results file, temporary or lock. hold_at_first_stderr_write.py makes the timing
# deterministic without a hook: merge writes its banner to stderr after checking every
# shard and before reading a run, and the helper truncates the shard while merge is
# blocked on that write. A shard replaced by rename instead is not seen (merge reads
# the file it checked), and merging good shards still equals a direct run byte for byte.
# Usage: shard_changed_during_merge.sh ALIGNSIM SOURCE_DIR WORK_DIR
set -euo pipefail
alignsim="$(realpath "$1")" source_dir="$(realpath "$2")" work="$3"
rm -rf "$work" && mkdir -p "$work" && cd "$work"
hold=(/usr/bin/python3 "$source_dir/tests/cli/hold_at_first_stderr_write.py")
[ -r /proc/self/syscall ] || { echo "SKIP: /proc/PID/syscall is not readable here"; exit 0; }

# Long series, so that each shard row is its own ~600 KB block: HDF5's 1 MiB chunk cache
# then cannot still hold the first block from the check, and the merge reads the disk.
run=(run "$source_dir/tests/golden/tiny.yaml" --set run.horizon_days=3650 --set run.period_days=1
     --set run.replicates=2 --quiet)
"$alignsim" "${run[@]}" -o single.h5 > /dev/null 2>&1
for i in 0 1; do "$alignsim" "${run[@]}" --shard "$i/2" -o "shard_$i.h5" > /dev/null 2>&1; done
cp shard_0.h5 intact_0.h5
head -c 4096 intact_0.h5 > truncated_0.h5

no_output_left() {  # no results file, and nothing hidden (temporary, lock, journal)
  [ ! -e merged.h5 ] || { echo "$1: the failed merge left merged.h5"; exit 1; }
  local left; left=$(find . -name '.*' ! -name . | head -5)
  [ -z "$left" ] || { echo "$1: files left behind: $left"; exit 1; }
}

# merge_truncated_mid_merge ARGS...: shard_0.h5 is overwritten in place with a truncated
# copy (same inode, as cp does) between the check and the first read; the merge must
# exit 1 with one line naming the shard and the cause first.
merge_truncated_mid_merge() {
  cp intact_0.h5 shard_0.h5
  set +e
  "${hold[@]}" cp truncated_0.h5 shard_0.h5 -- "$alignsim" merge shard_0.h5 shard_1.h5 -o merged.h5 "$@" 2> err.txt
  local code=$?
  set -e
  [ "$code" = 1 ] || { echo "merge $* of a shard truncated mid-merge exited $code, expected 1"; cat err.txt; exit 1; }
  local errors
  errors=$(grep -v -e '^alignsim merge: [0-9]* shards of scenario' -e "^alignsim [0-9.]*: scenario 'tiny'" err.txt || true)
  [ "$(printf '%s\n' "$errors" | wc -l)" = 1 ] || { echo "expected one error line:"; cat err.txt; exit 1; }
  case "$errors" in
    "alignsim merge: shard file 'shard_0.h5': damaged: rows 0 to 0 cannot be read ("*"); nothing was merged: "*) ;;
    *) echo "the error does not name the shard and the cause first: $errors"; exit 1 ;;
  esac
}
merge_truncated_mid_merge
no_output_left "truncated in place"
# With --overwrite, an earlier results file stays exactly as it was.
cp single.h5 merged.h5
merge_truncated_mid_merge --overwrite
cmp single.h5 merged.h5
rm merged.h5
no_output_left "truncated in place, --overwrite"

# Replaced by rename: merge keeps reading the file it checked, so the result is intact.
cp intact_0.h5 shard_0.h5
"${hold[@]}" sh -c 'cp truncated_0.h5 new_0.h5 && mv new_0.h5 shard_0.h5' -- \
  "$alignsim" merge shard_0.h5 shard_1.h5 -o merged.h5 2> err.txt || { cat err.txt; exit 1; }
cmp single.h5 merged.h5
rm merged.h5

# Good shards, untouched: byte-identical to the direct run.
cp intact_0.h5 shard_0.h5
"$alignsim" merge shard_0.h5 shard_1.h5 -o merged.h5 --quiet > /dev/null
cmp single.h5 merged.h5
echo "OK: a shard that fails to read mid-merge stops it with exit 1 and leaves nothing"
