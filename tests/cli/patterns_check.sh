#!/usr/bin/env bash
# `alignsim patterns check` against a hand computation: a real run of the golden tiny
# scenario, a pattern of every statistic kind, and tests/cli/patterns_check.py
# recomputing each row from the file with h5py and scipy. Then the shipped
# patterns/published.yaml loads and is evaluated on a small real run of scenarios/whatif.yaml.
# Usage: patterns_check.sh ALIGNSIM SOURCE_DIR WORK_DIR
set -euo pipefail
alignsim="$1" source_dir="$2" work="$3"
rm -rf "$work" && mkdir -p "$work" && cd "$work"
"$alignsim" run "$source_dir/tests/golden/tiny.yaml" -o tiny.h5 --quiet > /dev/null
cat > hand.yaml <<'YAML'
patterns:
  - name: level_with_band
    statistic: {metric: inquiry_to_mql, variant: base}
    observed: 0.22
    band: [0.11, 0.44]
    source: a benchmark
  - name: ratio_with_discrepancy
    statistic: {contrast: ratio, metric: mqls_worked, variant: sla, versus: base}
    observed: 1.2
    band: [1.05, 1.5]
    discrepancy_sd: 0.1
    source: a survey
  - name: difference_with_se
    statistic: {contrast: difference, metric: mql_to_worked, variant: sla, versus: base}
    observed: 0.1
    standard_error: 0.02
    source: a trial
  - name: level_per
    statistic: {metric: bookings_usd, per: wins, variant: sla}
    observed: 25000
    standard_error: 2000
    source: a CRM
  - name: level_growth
    statistic: {growth: inquiries, variant: sla}
    observed: 0.1
    standard_error: 0.05
    source: a CRM
  - name: growth
    statistic: {contrast: growth_gap, metric: bookings_usd, variant: sla, versus: base}
    observed: 0.054
    band: [0.02, 0.3]
    source: surveys
YAML
"$alignsim" patterns check hand.yaml tiny.h5 > hand.txt
"$alignsim" patterns check hand.yaml tiny.h5 --cutoff 1 > cutoff.txt
/usr/bin/python3 "$source_dir/tests/cli/patterns_check.py" tiny.h5 hand.txt cutoff.txt

"$alignsim" run "$source_dir/scenarios/whatif.yaml" -o whatif.h5 --replicates 4 --quiet > /dev/null
"$alignsim" patterns check "$source_dir/patterns/published.yaml" whatif.h5 > published.txt
rows=$(grep -c -E ' (inside|outside)$' published.txt)
[ "$rows" -eq 15 ] || { cat published.txt; echo "expected 15 pattern rows, got $rows"; exit 1; }
grep -q -E '^[0-9]+ of 15 patterns inside \(implausibility I <= 3\)$' published.txt
echo "patterns check: hand computation and the published set pass"
