#!/usr/bin/env bash
# `alignsim validate` end to end: it runs only the variants the patterns name, and its
# table is the one `alignsim patterns check` prints for the same results file (whose
# numbers tests/cli/patterns_check.sh checks by hand); over an ensemble, the file records
# the ensemble and the banner says so; 1 and 2 threads give the same file; bad input
# exits 2; the shipped ensemble puts every published pattern inside. Usage: validate.sh ALIGNSIM SOURCE_DIR WORK_DIR
set -euo pipefail
alignsim="$1" source_dir="$2" work="$3"
rm -rf "$work" && mkdir -p "$work" && cd "$work"
scenario="$source_dir/scenarios/whatif.yaml"
patterns="$source_dir/patterns/published.yaml"
"$alignsim" validate "$scenario" --patterns "$patterns" --replicates 6 -o v.h5 --threads 2 --quiet > validate.txt
cat validate.txt
/usr/bin/python3 -c '
import h5py, sys
names = [n.decode() if isinstance(n, bytes) else n for n in h5py.File(sys.argv[1])["variants"]["name"][:]]
assert names == ["base", "aligned"], names' v.h5
"$alignsim" patterns check "$patterns" v.h5 > check.txt
# The table (from its header to the count inside) is the same.
sed -n '/^pattern /,/patterns inside/p' validate.txt > a.txt
sed -n '/^pattern /,/patterns inside/p' check.txt > b.txt
[ "$(wc -l < a.txt)" -ge 17 ] && cmp a.txt b.txt
"$alignsim" validate "$scenario" --patterns "$patterns" --replicates 6 -o v1.h5 --threads 1 --quiet > /dev/null
cmp v.h5 v1.h5
printf '# alignsim calibration ensemble (two members)\nfactors: [followup.trust_midpoint]\nmembers:\n  - [0.3]\n  - [0.4]\n' > two.yaml
"$alignsim" validate "$scenario" --patterns "$patterns" --ensemble two.yaml --replicates 4 -o e.h5 --quiet > ensemble.txt
grep -q "over the 2 plausible parameter vectors of two.yaml" ensemble.txt
grep -q "patterns inside" ensemble.txt
set +e; "$alignsim" validate "$scenario" --patterns "$patterns" --replicates 6 -o v.h5 --quiet > /dev/null 2> err.txt; code=$?; set -e
[ "$code" != 0 ] && grep -q "already exists (pass --overwrite" err.txt || { echo "an existing output: exit $code"; cat err.txt; exit 1; }
set +e; "$alignsim" validate "$scenario" --patterns nowhere.yaml -o n.h5 > /dev/null 2> err.txt; code=$?; set -e
[ "$code" = 2 ] && grep -q "nowhere.yaml" err.txt && [ ! -e n.h5 ] || { echo "a missing pattern file: exit $code"; cat err.txt; exit 1; }
# The shipped ensemble (patterns/published.ensemble.yaml, scripts/run-whatif's default)
# puts every published pattern inside its band: 4 replicates per member.
"$alignsim" validate "$scenario" --patterns "$patterns" --ensemble "$source_dir/patterns/published.ensemble.yaml" \
  --replicates 60 -o shipped.h5 --quiet > shipped.txt
cat shipped.txt
grep -q "^15 of 15 patterns inside" shipped.txt
echo OK
