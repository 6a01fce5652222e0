#!/usr/bin/env bash
# The synthetic CRM through the real executable (issue 14): `alignsim run --export-crm`
# writes both layouts (and refuses an existing directory before running anything);
# `alignsim ingest` reads each with its shipped mapping into the same patterns, which
# `alignsim check` and `alignsim patterns` accept; bad input exits 2 and writes nothing;
# no name, e-mail address, phone number or record id of the export reaches an output.
# Usage: crm_export_ingest.sh ALIGNSIM SOURCE_DIR WORK_DIR
set -euo pipefail
alignsim="$1" source_dir="$2" work="$3"
rm -rf "$work" && mkdir -p "$work" && cd "$work"
small=(--set population.prospects=6000 --set population.reps=8 --set run.horizon_days=260 --replicates 2 --quiet)
"$alignsim" run "$source_dir/scenarios/baseline.yaml" "${small[@]}" -o run.h5 --export-crm crm --export-replicate 1
for f in salesforce/Lead.csv salesforce/Opportunity.csv salesforce/Task.csv hubspot/contacts.csv hubspot/leads.csv \
         hubspot/deals.csv hubspot/activities.csv README.txt; do
  [ -s "crm/$f" ] || { echo "missing crm/$f"; exit 1; }
done
# An existing directory is refused before the run: no results file appears.
set +e; "$alignsim" run "$source_dir/scenarios/baseline.yaml" "${small[@]}" -o again.h5 --export-crm crm 2> err.txt
code=$?; set -e
[ "$code" = 1 ] && grep -q "exists; the synthetic CRM goes into a new directory" err.txt && [ ! -e again.h5 ] ||
  { echo "an existing export directory: exit $code"; cat err.txt; exit 1; }
set +e; "$alignsim" run "$source_dir/scenarios/baseline.yaml" "${small[@]}" -o v.h5 --export-crm x --export-variant nope 2> err.txt
code=$?; set -e
[ "$code" = 2 ] && grep -q "no such variant" err.txt || { echo "an unknown variant: exit $code"; cat err.txt; exit 1; }

for layout in salesforce hubspot; do
  "$alignsim" ingest "crm/$layout" --mapping "$source_dir/mappings/$layout.yaml" -o "company-$layout" \
    --base-scenario "$source_dir/scenarios/whatif.yaml" --window-days 260 > "ingest-$layout.txt"
  cat "ingest-$layout.txt"
  grep -q "0 skipped" "ingest-$layout.txt"
  "$alignsim" check "company-$layout/scenario.yaml" > /dev/null
done
cmp company-salesforce/patterns.yaml <(sed 's/HubSpot export (leads.csv, deals.csv, activities.csv)/Salesforce export (Lead.csv, Opportunity.csv, Task.csv)/' company-hubspot/patterns.yaml)
# The company's patterns read as patterns against a run of its scenario.
"$alignsim" run company-salesforce/scenario.yaml --set population.prospects=6000 --replicates 2 --quiet -o company.h5 \
  > /dev/null
"$alignsim" patterns check company-salesforce/patterns.yaml company.h5 | grep -q "patterns inside"

# No personal data: every e-mail address, phone number and name pair of the export, and
# every record id, is absent from everything the ingest wrote.
/usr/bin/python3 - crm company-salesforce company-hubspot <<'PY'
import csv, pathlib, sys
export, outputs = pathlib.Path(sys.argv[1]), [pathlib.Path(p) for p in sys.argv[2:]]
secrets = set()
with open(export / "salesforce/Lead.csv", newline="", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        secrets |= {row["Email"], row["Phone"], row["FirstName"] + " " + row["LastName"], row["Id"], row["Company"]}
with open(export / "hubspot/deals.csv", newline="", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        secrets |= {row["Deal owner"], row["Record ID"]}
written = "".join(p.read_text(encoding="utf-8") for d in outputs for p in d.iterdir() if p.name != ".ingest-salt")
found = [s for s in secrets if s and s in written]
assert len(secrets) > 3000, len(secrets)
assert not found, found[:5]
assert "@" not in written
print("no personal data in", len(written), "bytes of output;", len(secrets), "values checked")
PY

# Messy rows in each shipped layout: a duplicated lead, a lead with an unreadable date, an
# activity for a lead not in the export, one dated before its lead, and a deal with an
# unreadable amount are each skipped for their reason; a stage the mapping does not list
# is an error naming file, line, column, value and the mapping key.
/usr/bin/python3 - crm "$alignsim" "$source_dir" <<'PY'
import csv, io, pathlib, shutil, subprocess, sys
export, alignsim, source = pathlib.Path(sys.argv[1]), sys.argv[2], pathlib.Path(sys.argv[3])
layouts = {"salesforce": ("Lead.csv", "Id", "CreatedDate", "Task.csv", "WhoId", "CreatedDate", "Opportunity.csv",
                          "Amount", "StageName", "Id"),
           "hubspot": ("leads.csv", "Record ID", "Create Date", "activities.csv", "Associated Lead ID", "Activity Date",
                       "deals.csv", "Amount", "Deal Stage", "Record ID")}
def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))
def write(path, table):
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=list(table[0].keys()), lineterminator="\r\n")
    w.writeheader(); w.writerows(table)
    path.write_text(out.getvalue(), encoding="utf-8")
for layout, (lead_file, lead_id, lead_created, task_file, task_lead, task_at, deal_file, amount, stage, deal_id) in \
        layouts.items():
    messy = pathlib.Path("messy-" + layout)
    shutil.copytree(export / layout, messy)
    leads, tasks, deals = rows(messy / lead_file), rows(messy / task_file), rows(messy / deal_file)
    leads.append(dict(leads[5]))                                    # a duplicate
    leads.append(dict(leads[6], **{lead_id: "X-unreadable", lead_created: "sometime"}))
    tasks.append(dict(tasks[0], **{task_lead: "X-nowhere"}))        # for a lead not in the export
    tasks.append(dict(tasks[1], **{task_at: "2020-01-01 10:00:00"}))  # before its lead
    deals.append(dict(deals[0], **{amount: "n/a", deal_id: "X-deal"}))  # an unreadable amount
    write(messy / lead_file, leads); write(messy / task_file, tasks); write(messy / deal_file, deals)
    run = subprocess.run([alignsim, "ingest", str(messy), "--mapping", str(source / "mappings" / (layout + ".yaml")),
                          "-o", "messy-out-" + layout, "--window-days", "260",
                          "--base-scenario", str(source / "scenarios/whatif.yaml")], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    for reason in ("1 duplicate id (the first row is used)", "1 unreadable created date", "1 for a lead not in the export",
                   "1 dated before its lead was created", "1 unreadable amount"):
        assert reason in " ".join(run.stdout.split()), (layout, reason, run.stdout)
    deals.append(dict(deals[0], **{stage: "Closed Won - Renewal", deal_id: "X-deal-2"}))
    write(messy / deal_file, deals)
    run = subprocess.run([alignsim, "ingest", str(messy), "--mapping", str(source / "mappings" / (layout + ".yaml")),
                          "-o", "messy-bad-" + layout,
                          "--base-scenario", str(source / "scenarios/whatif.yaml")], capture_output=True, text=True)
    line = len(deals) + 1
    assert run.returncode == 2 and ("%s:%d:" % (deal_file, line)) in run.stderr and "'Closed Won - Renewal'" in run.stderr \
        and "add it to opportunities.stage" in run.stderr, run.stderr
    assert not pathlib.Path("messy-bad-" + layout).exists()
    print(layout, "messy rows: each skipped for its reason; an unknown stage:", run.stderr.strip()[:110])
PY

# Bad input: exit 2, and the output directory is not created.
printf 'crm: X\ntime_zone: Nowhere/Atlantis\n' > bad.yaml
set +e; "$alignsim" ingest crm/salesforce --mapping bad.yaml -o bad-out 2> err.txt; code=$?; set -e
[ "$code" = 2 ] && grep -q "bad.yaml:2:12: time_zone: unknown time zone" err.txt && [ ! -e bad-out ] ||
  { echo "a bad mapping: exit $code"; cat err.txt; exit 1; }
set +e; "$alignsim" ingest crm/salesforce --mapping "$source_dir/mappings/salesforce.yaml" -o nobase-out \
  --base-scenario nowhere.yaml 2> err.txt; code=$?; set -e
[ "$code" = 2 ] && grep -q "nowhere.yaml" err.txt && [ ! -e nobase-out ] ||
  { echo "a missing base scenario: exit $code"; cat err.txt; exit 1; }
mkdir broken && cp crm/salesforce/*.csv broken/ && printf '00Qbroken,"unclosed\n' >> broken/Lead.csv
set +e; "$alignsim" ingest broken --mapping "$source_dir/mappings/salesforce.yaml" -o broken-out \
  --base-scenario "$source_dir/scenarios/whatif.yaml" 2> err.txt; code=$?; set -e
[ "$code" = 2 ] && grep -q "broken/Lead.csv:" err.txt && [ ! -e broken-out ] ||
  { echo "a broken export: exit $code"; cat err.txt; exit 1; }
echo OK
