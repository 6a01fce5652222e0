#!/usr/bin/env bash
# Feeding the tools researchers use (issue 13 item 6), end to end, as docs/experiments.md
# shows it: a Latin hypercube made by SciPy (scipy.stats.qmc, Debian's python3-scipy)
# written as CSV, run with --design-csv, its runs read back from --run-bank with numpy.
# Checks: the bank holds one row per run in run order, the design's values and the
# HDF5 file's summaries exactly; 1 and 2 threads give the same bank; a variants run's
# bank names each variant's moves; bad CSV exits 2 naming file:line:col and key.
# Usage: design_csv_run_bank.sh ALIGNSIM SOURCE_DIR WORK_DIR
set -euo pipefail
alignsim="$1" source_dir="$2" work="$3"
rm -rf "$work" && mkdir -p "$work" && cd "$work"
scenario="$source_dir/tests/cli/data/calibration_company.yaml"  # no variants: a design varies its base
variants="$source_dir/tests/golden/tiny.yaml"
/usr/bin/python3 - <<'PY'
import numpy as np
from scipy.stats import qmc
unit = qmc.LatinHypercube(d=2, seed=7).random(6)
points = qmc.scale(unit, [0.2, 0.1], [0.5, 0.4])
np.savetxt("points.csv", points, delimiter=",", header="followup.trust_midpoint,scoring.noise_sd", comments="", fmt="%.6f")
PY
"$alignsim" run "$scenario" --design-csv points.csv --replicates 2 -o design.h5 --run-bank bank.csv --threads 2 --quiet > /dev/null
"$alignsim" run "$scenario" --design-csv points.csv --replicates 2 -o design1.h5 --run-bank bank1.csv --threads 1 --quiet > /dev/null
cmp bank.csv bank1.csv
/usr/bin/python3 - <<'PY'
import h5py, numpy as np
points = np.loadtxt("points.csv", delimiter=",", skiprows=1)
bank = np.genfromtxt("bank.csv", delimiter=",", names=True, skip_header=1)
assert len(bank) == 12, len(bank)
# Run order is replicate-major: row i is point i % 6, replicate i // 6.
assert np.array_equal(bank["point"], np.tile(np.arange(6), 2)), bank["point"]
assert np.array_equal(bank["replicate"], np.repeat([0, 1], 6))
assert np.allclose(bank["followuptrust_midpoint"], points[bank["point"].astype(int), 0], atol=0, rtol=0)
f = h5py.File("design.h5")
for metric in ["mqls", "wins", "bookings_usd", "mql_to_worked"]:
    stored = f["summary"][metric][:]  # [point, replicate]
    assert np.array_equal(bank[metric], stored[bank["point"].astype(int), bank["replicate"].astype(int)], equal_nan=True), metric
# The use docs/experiments.md shows: a least-squares fit of an output on the parameters.
X = np.column_stack([np.ones(len(bank)), bank["followuptrust_midpoint"], bank["scoringnoise_sd"]])
coefficients, *_ = np.linalg.lstsq(X, bank["mql_to_worked"], rcond=None)
print("mql_to_worked ~ trust midpoint, noise sd:", np.round(coefficients, 3))
PY
"$alignsim" run "$variants" --replicates 3 -o variants.h5 --run-bank variants.csv --quiet > /dev/null
[ "$(sed -n 2p variants.csv | cut -d, -f1-5)" = "variant,followup.sla_floor,seed,replicate,failed" ]
[ "$(sed -n 3p variants.csv | cut -d, -f1-2)" = "base,0" ] && [ "$(sed -n 4p variants.csv | cut -d, -f1-2)" = "sla,0.8" ]
[ "$(wc -l < variants.csv)" = 8 ]
refuse() {  # expected message fragment, CSV text
  printf '%s' "$2" > bad.csv
  set +e; "$alignsim" run "$scenario" --design-csv bad.csv -o bad.h5 --quiet > /dev/null 2> err.txt; code=$?; set -e
  [ "$code" = 2 ] && grep -qF -- "$1" err.txt || { echo "exit $code; message lacks '$1':"; cat err.txt; exit 1; }
  [ ! -e bad.h5 ] || { echo "a refused design left bad.h5"; exit 1; }
}
refuse "bad.csv:3:5: scoring.noise_sd:" $'followup.trust_midpoint,scoring.noise_sd\n0.3,0.2\n0.3,9\n'
refuse "bad.csv:1:1: no.such: not a model parameter" $'no.such\n1\n'
set +e; "$alignsim" run "$scenario" --design-csv points.csv --design lhs -o bad.h5 --quiet > /dev/null 2> err.txt; code=$?; set -e
[ "$code" = 2 ] && grep -q "the CSV file is the whole design" err.txt || { echo "--design-csv with --design: exit $code"; cat err.txt; exit 1; }
echo "not a bank" > foreign.csv
set +e; "$alignsim" run "$scenario" -o f.h5 --run-bank foreign.csv --quiet > /dev/null 2> err.txt; code=$?; set -e
[ "$code" != 0 ] && grep -q "not a run bank alignsim wrote" err.txt && [ "$(cat foreign.csv)" = "not a bank" ] || { echo "foreign bank: exit $code"; cat err.txt; exit 1; }
echo OK
