#!/usr/bin/env bash
# `mpirun -n 1/3 alignsim calibrate`: rank 0 decides each wave's points and broadcasts
# them, every rank computes runs; the calibration's files must be byte-identical to a
# single-process calibration. Usage: calibrate_mpi.sh ALIGNSIM MPIEXEC SOURCE_DIR WORK_DIR
set -euo pipefail
alignsim="$1" mpiexec="$2" source_dir="$3" work="$4"
rm -rf "$work" && mkdir -p "$work" && cd "$work"
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"  # as mpi_ranks.sh
scenario="$source_dir/tests/cli/data/calibration_company.yaml"
cat > patterns.yaml <<'YAML'
patterns:
  - name: mql_share
    statistic: {metric: inquiry_to_mql, variant: base}
    observed: 0.3
    standard_error: 0.005
    source: a stated figure
  - name: worked_share
    statistic: {metric: mql_to_worked, variant: base}
    observed: 0.4
    standard_error: 0.02
    source: a stated figure
YAML
calibrate=(calibrate "$scenario" --patterns patterns.yaml --factor followup.trust_midpoint
           --factor scoring.noise_sd --points 30 --waves 3 --quiet)
"$alignsim" "${calibrate[@]}" -o single --threads 2 > /dev/null
for ranks in 1 3; do
  timeout 300 "$mpiexec" --allow-run-as-root --oversubscribe -x ASAN_OPTIONS -n "$ranks" \
    "$alignsim" "${calibrate[@]}" -o "ranks$ranks" --threads 1 > /dev/null
  for file in single/*; do cmp "$file" "ranks$ranks/$(basename "$file")"; done
  echo "$ranks ranks: identical files"
done
# A refused output on rank 0 releases the workers: the job ends with exit 2, not a hang.
set +e
timeout 120 "$mpiexec" --allow-run-as-root --oversubscribe -x ASAN_OPTIONS -n 3 \
  "$alignsim" "${calibrate[@]}" -o single --threads 1 > /dev/null 2> refused.txt
code=$?; set -e
[ "$code" = 2 ] || { echo "refused output under MPI: exit $code"; cat refused.txt; exit 1; }
echo OK
