#!/usr/bin/env bash
# `alignsim calibrate --screen K`: one direct wave over every uncertain parameter, then the
# factors each pattern's simulated statistic follows most, printed and written to
# OUTDIR/screened-factors.txt, which `--factors-file` reads for the calibration proper.
# The worked share of MQLs follows the trust midpoint (M4), as the model says it must.
# Usage: calibrate_screen.sh ALIGNSIM SOURCE_DIR WORK_DIR
set -euo pipefail
alignsim="$1" source_dir="$2" work="$3"
rm -rf "$work" && mkdir -p "$work" && cd "$work"
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
"$alignsim" calibrate "$scenario" --patterns patterns.yaml --screen 3 --points 150 --replicates 2 -o screen --quiet \
  > screen.txt
cat screen.txt
head -1 screen/screened-factors.txt | grep -q "^# alignsim screened factors"
grep -qx followup.trust_midpoint screen/screened-factors.txt
grep -E "^  worked_share +followup.trust_midpoint +rho -" screen.txt
[ ! -e screen/ensemble.yaml ] || { echo "a screening wrote an ensemble"; exit 1; }
keys=$(grep -vc '^#' screen/screened-factors.txt)
"$alignsim" calibrate "$scenario" --patterns patterns.yaml --factors-file screen/screened-factors.txt --points 40 \
  --waves 1 --replicates 2 -o over --quiet > over.txt
/usr/bin/python3 -c 'import h5py, sys; n = len(h5py.File(sys.argv[1])["factors/key"]); sys.exit(0 if n == int(sys.argv[2]) else f"{n} factors, expected {sys.argv[2]}")' \
  over/calibration.h5 "$keys"
printf '# nothing\n\n' > empty.txt
set +e; "$alignsim" calibrate "$scenario" --patterns patterns.yaml --factors-file empty.txt -o e 2> err.txt; code=$?; set -e
[ "$code" = 2 ] && grep -q "names no parameter key" err.txt && [ ! -e e ] || { echo "an empty factors file: exit $code"; cat err.txt; exit 1; }
echo OK
