#!/usr/bin/env bash
# `mpirun -n 1/3 alignsim validate` over an ensemble: the ranks share the runs, rank 0
# writes the results file and prints the table; both must be byte-identical to one
# process's. A refused output on rank 0 ends the job with exit 1 (an output error) and
# its message, not a hang.
# Usage: validate_mpi.sh ALIGNSIM MPIEXEC SOURCE_DIR WORK_DIR
set -euo pipefail
alignsim="$1" mpiexec="$2" source_dir="$3" work="$4"
rm -rf "$work" && mkdir -p "$work" && cd "$work"
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"  # as mpi_ranks.sh
validate=(validate "$source_dir/scenarios/whatif.yaml" --patterns "$source_dir/patterns/published.yaml"
          --ensemble "$source_dir/patterns/published.ensemble.yaml" --replicates 15 --set population.prospects=5000
          --set run.horizon_days=260 --quiet)
"$alignsim" "${validate[@]}" -o single.h5 --threads 2 | grep -v '^Results:' > single.txt
grep -q "patterns inside" single.txt
for ranks in 1 3; do
  timeout 300 "$mpiexec" --allow-run-as-root --oversubscribe -x ASAN_OPTIONS -n "$ranks" \
    "$alignsim" "${validate[@]}" -o "ranks$ranks.h5" --threads 1 | grep -v '^Results:' > "ranks$ranks.txt"
  cmp single.h5 "ranks$ranks.h5"
  cmp single.txt "ranks$ranks.txt"
  echo "$ranks ranks: the same file and table"
done
set +e
timeout 120 "$mpiexec" --allow-run-as-root --oversubscribe -x ASAN_OPTIONS -n 3 \
  "$alignsim" "${validate[@]}" -o single.h5 --threads 1 > /dev/null 2> refused.txt
code=$?; set -e
[ "$code" = 1 ] && grep -q "already exists (pass --overwrite" refused.txt ||
  { echo "refused output under MPI: exit $code"; cat refused.txt; exit 1; }
echo OK
