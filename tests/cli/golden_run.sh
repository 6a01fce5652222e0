#!/usr/bin/env bash
# Golden end-to-end test: run the tiny scenario with 1 and with 2 threads, require
# byte-identical files and printed tables, then compare the contents with the
# checked-in reference. A third run without a warm-up (run.warmup_days=0) must give
# the results of alignsim before warm-ups existed (tiny_summary_no_warmup.json: its
# /summary and /timeseries updated only in the commit that changes the random draws
# themselves, with tiny_summary.json; its /agents digest also when a column is added,
# after checking that the digest of the old columns is unchanged).
# Usage: golden_run.sh ALIGNSIM SOURCE_DIR WORK_DIR [--update]
set -euo pipefail
alignsim="$1" source_dir="$2" work="$3"
rm -rf "$work" && mkdir -p "$work/one" "$work/two" "$work/cold"
for threads in 1 2; do
  dir="$work/one"; [ "$threads" = 2 ] && dir="$work/two"
  (cd "$dir" && "$alignsim" run "$source_dir/tests/golden/tiny.yaml" -o results.h5 --threads "$threads" --quiet > table.txt)
done
cmp "$work/one/results.h5" "$work/two/results.h5"
cmp "$work/one/table.txt" "$work/two/table.txt"
grep -q "sla vs base" "$work/one/table.txt"
/usr/bin/python3 "$source_dir/tests/cli/check_golden.py" "$work/one/results.h5" \
  "$source_dir/tests/golden/tiny_summary.json" "${@:4}"
(cd "$work/cold" && "$alignsim" run "$source_dir/tests/golden/tiny.yaml" -o results.h5 --set run.warmup_days=0 \
  --quiet > table.txt)
/usr/bin/python3 "$source_dir/tests/cli/check_golden.py" "$work/cold/results.h5" \
  "$source_dir/tests/golden/tiny_summary_no_warmup.json"
