#!/usr/bin/env bash
# Every scenario in scenarios/ passes `alignsim check` and runs (shrunk to a few
# replicates and a small market so this stays quick); each scenario with variants
# prints every variant's paired difference to the base.
# Usage: scenarios_smoke.sh ALIGNSIM SOURCE_DIR WORK_DIR
set -euo pipefail
alignsim="$1" source_dir="$2" work="$3"
rm -rf "$work" && mkdir -p "$work"
shopt -s nullglob
count=0
for scenario in "$source_dir"/scenarios/*.yaml "$source_dir"/scenarios/*/*.yaml; do
  name=$(basename "$scenario" .yaml)
  "$alignsim" check "$scenario" > "$work/$name.resolved.yaml"
  # Sweeps and benchmark scenarios have their own tests; here only plain scenarios run.
  grep -q '^sweep:' "$work/$name.resolved.yaml" && continue
  case "$scenario" in */bench/*) continue ;; esac
  "$alignsim" run "$scenario" -o "$work/$name.h5" --quiet --replicates 3 \
    --set population.prospects=2000 --set run.horizon_days=60 > "$work/$name.txt"
  variants=$(/usr/bin/python3 -c "import h5py,sys; print(len(h5py.File(sys.argv[1])['variants/name']))" "$work/$name.h5")
  shown=$(grep -c ' vs base' "$work/$name.txt" || true)
  if [ "$shown" -ne $((variants - 1)) ]; then
    echo "$scenario: $((variants - 1)) what-ifs but $shown paired differences printed" >&2
    exit 1
  fi
  count=$((count + 1))
done
echo "ran $count scenarios"
[ "$count" -ge 11 ]
