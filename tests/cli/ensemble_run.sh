#!/usr/bin/env bash
# `alignsim run --ensemble FILE` end to end (issue 13 item 4):
#  1. replicate r of every variant runs member r mod M: with two members, the run's
#     replicates 0, 2, 4 (member 0) and 1, 3, 5 (member 1) hold exactly the summaries of
#     plain runs with --set at each member's values (common random numbers: replicate r
#     draws the same numbers whatever the parameters);
#  2. the report names both intervals and the assumption the effect follows;
#  3. byte-identical for 1 and 2 threads; the ensemble (file and hash) is recorded in the
#     resolved scenario text, hence in the run's identity; bad ensembles exit 2 naming
#     file:line:col and key, and leave no results file.
# Usage: ensemble_run.sh ALIGNSIM SOURCE_DIR WORK_DIR
set -euo pipefail
alignsim="$1" source_dir="$2" work="$3"
rm -rf "$work" && mkdir -p "$work" && cd "$work"
scenario="$source_dir/tests/golden/tiny.yaml"
cat > two.yaml <<'YAML'
# alignsim calibration ensemble (two members for the test)
factors:
  - followup.trust_midpoint
  - scoring.noise_sd
members:
  - [0.25, 0.15]
  - [0.45, 0.35]
YAML
"$alignsim" run "$scenario" --ensemble two.yaml --replicates 6 -o ensemble.h5 --threads 2 --quiet > report.txt
"$alignsim" run "$scenario" --replicates 6 -o member0.h5 --set followup.trust_midpoint=0.25 --set scoring.noise_sd=0.15 --quiet > /dev/null
"$alignsim" run "$scenario" --replicates 6 -o member1.h5 --set followup.trust_midpoint=0.45 --set scoring.noise_sd=0.35 --quiet > /dev/null
/usr/bin/python3 - <<'PY'
import h5py, numpy as np
run = h5py.File("ensemble.h5")
members = [h5py.File("member0.h5"), h5py.File("member1.h5")]
checked = 0
for metric in run["summary"]:
    if metric in ("variant", "replicate"):
        continue
    values = run["summary"][metric][:]
    for r in range(6):
        expected = members[r % 2]["summary"][metric][:, r]
        assert np.array_equal(values[:, r], expected, equal_nan=True), (metric, r, values[:, r], expected)
        checked += 1
assert checked > 100, checked
print(f"{checked} metric x replicate summaries equal the member's own run")
PY
grep -q "Over plausible assumptions: 2 parameter vectors of two.yaml, each run by 3 paired replicates" report.txt
grep -q "over plausible assumptions" report.txt
grep -q "Monte-Carlo noise" report.txt
"$alignsim" run "$scenario" --ensemble two.yaml --replicates 6 -o one_thread.h5 --threads 1 --quiet > /dev/null
cmp ensemble.h5 one_thread.h5
/usr/bin/python3 -c 'import h5py,sys; t=h5py.File(sys.argv[1]).attrs["scenario_yaml"]; t=t.decode() if isinstance(t,bytes) else t; sys.exit(0 if "run over the ensemble two.yaml" in t else "the ensemble is not recorded: "+t[-300:])' ensemble.h5

refuse() {  # expected message fragment, then the arguments
  local expected="$1"; shift
  set +e; "$alignsim" run "$scenario" -o refused.h5 --quiet "$@" > /dev/null 2> err.txt; code=$?; set -e
  [ "$code" = 2 ] || { echo "exit $code, not 2, for $*"; cat err.txt; exit 1; }
  grep -qF -- "$expected" err.txt || { echo "message lacks '$expected':"; cat err.txt; exit 1; }
  [ ! -e refused.h5 ] || { echo "a refused run left refused.h5"; exit 1; }
}
# The ranges reach the results file (/ensemble_ranges) and the HTML report, with the
# same numbers the terminal prints.
/usr/bin/python3 - ensemble.h5 report.txt "$source_dir/scripts/plot/report" <<'PY'
import h5py, re, subprocess, sys
f = h5py.File(sys.argv[1])
t = f["ensemble_ranges"]
keys = t.attrs["ensemble_keys"]
keys = (keys.decode() if isinstance(keys, bytes) else keys).split("\n")
assert keys == ["followup.trust_midpoint", "scoring.noise_sd"], keys
columns = [c.decode() if isinstance(c, bytes) else c for c in t["statistic"][:]]
variants = [v.decode() if isinstance(v, bytes) else v for v in f["variants/name"][:]]
row = t["bookings_usd"][1]
cell = "%+.0f%% to %+.0f%%" % (100 * row[columns.index("relative_p05")], 100 * row[columns.index("relative_p95")])
assert row[columns.index("members")] == 2, row
lines = [l for l in open(sys.argv[2]) if l.startswith(variants[1] + " ") and " bookings " in l]
assert lines and cell in lines[0], (cell, lines)
page = subprocess.run([sys.argv[3], sys.argv[1], "-o", "report"], check=True, capture_output=True, text=True).stdout.strip()
html = open(page, encoding="utf-8").read()
table = html[html.index('id="ensemble-table"'):]
assert cell in table[:table.index("</table>")], cell
print("ensemble ranges in the file, the terminal and the report:", cell)
PY
# compare --ensemble: two scenario files, the second setting the sla floor and its own
# scoring noise (an ensemble key it keeps), give exactly the paired numbers and range of
# `run` over the ensemble with that as a variant.
cat > plain.yaml <<YAML
extends: $scenario
name: plain
variants: []
YAML
cat > floor.yaml <<YAML
extends: $scenario
name: floor
variants: []
followup: {sla_floor: 0.8}
scoring: {noise_sd: 0.2}
YAML
cat > floor_variant.yaml <<YAML
extends: $scenario
name: floor_variant
variants:
  - name: floor
    followup: {sla_floor: 0.8}
    scoring: {noise_sd: 0.2}
YAML
"$alignsim" compare plain.yaml floor.yaml --ensemble two.yaml --replicates 6 --quiet > compare.txt
"$alignsim" run floor_variant.yaml --ensemble two.yaml --replicates 6 --quiet -o floor.h5 > floor.txt
grep -E "^floor +bookings " compare.txt > a.txt
grep -E "^floor +bookings " floor.txt > b.txt
[ -s a.txt ] && cmp a.txt b.txt || { echo "compare over the ensemble differs from run:"; cat a.txt b.txt; exit 1; }
printf 'factors: [followup.trust_midpoint]\nmembers:\n  - [0.3]\n  - [7]\n' > outside.yaml
refuse "outside.yaml:4:6: members[1].followup.trust_midpoint" --ensemble outside.yaml
printf 'factors: [followup.no_such]\nmembers:\n  - [0.3]\n' > unknown.yaml
refuse "unknown.yaml:1:" --ensemble unknown.yaml
printf 'factors: [followup.trust_midpoint, scoring.noise_sd]\nmembers:\n  - [0.3]\n' > short.yaml
refuse "short.yaml:3:5: members[0]" --ensemble short.yaml
printf 'factors: [followup.trust_midpoint]\nmembers: []\n' > empty.yaml
refuse "no members" --ensemble empty.yaml
refuse "cannot be combined with --ensemble" --ensemble two.yaml --shard 1/2
echo OK
