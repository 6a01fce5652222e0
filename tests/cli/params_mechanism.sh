#!/usr/bin/env bash
# `alignsim params --mechanism Mn` lists exactly the parameters the catalog records for
# mechanism Mn, each of whose meanings opens with its tag; an unknown tag exits 2 naming
# the known ones. Usage: params_mechanism.sh ALIGNSIM
set -euo pipefail
alignsim="$1"
failures=0
fail() { echo "$*"; failures=$((failures + 1)); }
table=$("$alignsim" params --markdown)
# The Markdown table's last cell is the mechanism (escaped | never ends a row).
mechanism_rows() { awk -v tag="$1" 'NR > 2 { n = split($0, cell, "|"); m = cell[n - 1]; gsub(/ /, "", m)
  if (m == tag) { k = cell[2]; gsub(/[ `]/, "", k); print k } }' <<<"$table" | sort; }
keys_of() { mechanism_rows "$1"; }
total=0
for n in $(seq 1 18); do
  tag="M$n"
  expected=$(keys_of "$tag")
  [ -n "$expected" ] || fail "$tag: the catalog records no parameter for it"
  listed=$("$alignsim" params --mechanism "$tag" | awk '/^[a-z]/ {print $1}' | sort)
  [ "$listed" = "$expected" ] || fail "$tag: params --mechanism lists '$listed', the catalog has '$expected'"
  total=$((total + $(wc -l <<<"$listed")))
  # Every listed meaning opens with the mechanism's tag ("M4: ..." or "M4 off: ...").
  "$alignsim" params --mechanism "$tag" | awk -v tag="$tag" '/^    / && !/^    (allowed|plausible):/ {
      if (index($0, "    " tag ":") != 1 && index($0, "    " tag " ") != 1) {print "meaning without " tag ": " $0; bad = 1}
    } END {exit bad}' || fail "$tag: a meaning does not open with its tag"
done
# The incentives and turnover families, spelled out.
[ "$("$alignsim" params --mechanism M12 | awk '/^[a-z]/ {print $1}' | sort | tr '\n' ' ')" = \
  "incentives.bookings_pay_targeting incentives.bookings_pay_threshold_raise incentives.marketing_mql_weight incentives.shared_pool incentives.shared_pool_followup_shift incentives.shared_pool_sync_boost " ] ||
  fail "M12 does not list exactly the six incentives.* parameters"
"$alignsim" params --mechanism M14 | grep -q '^reps.annual_turnover ' || fail "M14 does not list reps.annual_turnover"
# Parameters of no mechanism are not listed under any.
all=$("$alignsim" params | grep -c '^[a-z]')
none=$(mechanism_rows "" | wc -l)
[ $((total + none)) -eq "$all" ] || fail "$total mechanism parameters + $none others != $all parameters"
# An unknown mechanism is a usage error naming the known ones.
set +e
message=$("$alignsim" params --mechanism M99 2>&1 >/dev/null); code=$?
set -e
[ "$code" -eq 2 ] || fail "--mechanism M99 exited $code, expected 2"
grep -q 'M99.*one of: M1, M2, .*M18' <<<"$message" || fail "--mechanism M99 message: $message"
if [ "$failures" -gt 0 ]; then echo "$failures problem(s)"; exit 1; fi
echo "params --mechanism: $total parameters in 18 mechanisms, $none in none"
