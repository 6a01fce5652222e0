#!/usr/bin/env bash
# Issue 16 item 5: a valid scenario whose budget-demand loop runs away (deal sizes of
# $1e9 mean with log-sd 4, demand elasticity 3) ran for ever at 100% CPU: the
# engagement clock walked an astronomically large bucket index. The run must now end
# within `timeout 60`, fail its runs with the numerical guard (exit 3: results written,
# runs failed), and say which parameters drove it. Usage: runaway_demand.sh ALIGNSIM SOURCE_DIR WORK_DIR
set -euo pipefail
alignsim="$1" source_dir="$2" work="$3"
rm -rf "$work" && mkdir -p "$work" && cd "$work"
cat > runaway.yaml <<YAML
extends: $source_dir/scenarios/baseline.yaml
name: runaway
population:
  deal_size_mean_usd: 1e9
  deal_size_sigma: 4
budget:
  demand_elasticity: 3
YAML
"$alignsim" check runaway.yaml > /dev/null || { echo "FAIL: the scenario is not valid input"; exit 1; }
status=0
timeout 60 "$alignsim" run runaway.yaml --replicates 2 --threads 2 -o runaway.h5 -q > out.txt 2> err.txt || status=$?
[ "$status" -ne 124 ] || { echo "FAIL: the run did not end within 60 s"; exit 1; }
[ "$status" -eq 3 ] || { echo "FAIL: exit $status, expected 3 (runs failed)"; cat err.txt; exit 1; }
grep -q "2 of 2 runs failed" err.txt || { echo "FAIL: no failed-runs line"; cat err.txt; exit 1; }
grep -q "first failed run: M1 demand ran away on business day [0-9]*: engagement hazard .* per business day (at most 1000)" err.txt ||
  { echo "FAIL: the guard's message is missing"; cat err.txt; exit 1; }
for key in budget.demand_elasticity population.deal_size_mean_usd population.deal_size_sigma budget.follows_revenue; do
  grep -q "$key" err.txt || { echo "FAIL: the message does not name $key"; cat err.txt; exit 1; }
done
[ -f runaway.h5 ] || { echo "FAIL: no results file (a failed run is data)"; exit 1; }
echo "runaway_demand: ok (ended with exit 3, guard message names the parameters)"
