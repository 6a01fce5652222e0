#!/usr/bin/env bash
# The consultant's one command end to end (issue 14 item 5): scripts/company-whatif --demo
# makes a synthetic company's export, ingests it, history-matches the company scenario to
# its patterns with emulated waves, validates them over the ensemble, runs the what-if
# over it and writes the report, which carries the ranges over plausible assumptions and
# the table of what the data pinned down. Usage: company_whatif.sh ALIGNSIM SOURCE_DIR WORK_DIR
set -euo pipefail
alignsim="$1" source_dir="$2" work="$3"
rm -rf "$work" && mkdir -p "$work"
start=$(date +%s)
ALIGNSIM="$alignsim" "$source_dir/scripts/company-whatif" --demo -o "$work/company" --points 200 --waves 4 \
  -- --replicates 40 > "$work/out.txt" 2> "$work/err.txt" || { cat "$work/err.txt"; exit 1; }
echo "company-whatif --demo: $(( $(date +%s) - start )) s"
cd "$work/company"
tail -3 ../out.txt
grep -q "^Report: .*report/report.html" ../out.txt
# The company's own patterns (13) are all inside over the ensemble history-matched to them.
patterns=$(grep -c '^  - name: ' patterns.yaml)
[ "$patterns" -ge 13 ] || { echo "only $patterns company patterns"; exit 1; }
grep -E "^[0-9]+ of $patterns patterns inside" validate.txt
grep -q "^$patterns of $patterns patterns inside" validate.txt
report=report/report.html
grep -q 'id="ensemble-table"' "$report"
grep -q 'id="calibration-table"' "$report"
# The market's inquiry rate is what the volume of leads pins down.
/usr/bin/python3 - "$report" <<'PY'
import re, sys
page = open(sys.argv[1], encoding="utf-8").read()
table = page[page.index('id="calibration-table"'):]
table = table[:table.index("</table>")]
rows = {re.sub("<[^>]+>", "", r.split("</td>")[0]): re.sub("<[^>]+>", " ", r) for r in table.split("<tr>")[2:]}
assert "pinned down" in rows["demand.innovation_rate"], rows["demand.innovation_rate"]
assert len(rows) == 11, list(rows)
print("pinned down:", [k for k, v in rows.items() if "pinned down" in v])
PY
# No personal data of the export in anything the workflow wrote outside the export itself.
/usr/bin/python3 - <<'PY'
import csv, pathlib
secrets = set()
with open("demo-crm/salesforce/Lead.csv", newline="", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        secrets |= {row["Email"], row["Phone"], row["FirstName"] + " " + row["LastName"]}
for path in pathlib.Path(".").rglob("*"):
    if path.is_file() and "demo-crm" not in path.parts and path.suffix in (".txt", ".yaml", ".html"):
        text = path.read_text(encoding="utf-8", errors="replace")
        found = [s for s in secrets if s in text]
        assert not found, (str(path), found[:3])
print("no personal data in the workflow's outputs")
PY
echo OK
