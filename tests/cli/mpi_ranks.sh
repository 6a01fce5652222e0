#!/usr/bin/env bash
# MPI end to end: `mpirun -n 1/2/3 alignsim run` (rank 0 coordinates and writes, the
# others compute) must write files bitwise identical to a single-process run, for a
# scenario with variants, a sweep with many short runs, and a scenario whose runs
# partly fail. Usage: mpi_ranks.sh ALIGNSIM MPIEXEC SOURCE_DIR WORK_DIR
set -euo pipefail
alignsim="$1" mpiexec="$2" source_dir="$3" work="$4"
rm -rf "$work" && mkdir -p "$work" && cd "$work"
# Under the asan preset: OpenMPI's own allocations outlive MPI_Finalize by design;
# LeakSanitizer would blame them on us. Other ASan checks stay on.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
cat > guarded.yaml <<'YAML'
name: guarded
model: guard_test
run: {replicates: 40, seed: 5}
noise: {sd: 0.5}
guard: {max_y: 0.8}
YAML
cat > ishigami.yaml <<'YAML'
name: ishigami_small
model: ishigami
sweep:
  design: saltelli
  samples: 64
  bootstrap: 20
  factors:
    - {key: x.x1, low: -3.14, high: 3.14}
    - {key: x.x2, low: -3.14, high: 3.14}
    - {key: x.x3, low: -3.14, high: 3.14}
YAML
for scenario in "$source_dir/tests/golden/tiny.yaml" ishigami.yaml guarded.yaml; do
  name=$(basename "$scenario" .yaml)
  set +e; "$alignsim" run "$scenario" -o "${name}_single.h5" --quiet --threads 2 > /dev/null; expected=$?; set -e
  for ranks in 1 2 3; do
    set +e
    timeout 120 "$mpiexec" --allow-run-as-root --oversubscribe -x ASAN_OPTIONS -n "$ranks" \
      "$alignsim" run "$scenario" -o "${name}_mpi$ranks.h5" --quiet --threads 1 > /dev/null
    code=$?; set -e
    [ "$code" = "$expected" ] || { echo "$name with $ranks ranks exited $code, single process $expected"; exit 1; }
    cmp "${name}_single.h5" "${name}_mpi$ranks.h5"
    echo "$name: $ranks ranks identical (exit $code)"
  done
done
leftovers=$(find . -name '.*' ! -name . | head -5)
[ -z "$leftovers" ] || { echo "files left behind: $leftovers"; exit 1; }
