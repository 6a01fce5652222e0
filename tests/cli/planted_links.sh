#!/usr/bin/env bash
# The files alignsim makes next to an output (temporaries, journal, lock) never follow a
# link planted at their names (issue 16 item 4), and a temporary journal left by a kill
# during the journal's creation is cleaned up by the next run (item 9). docs/safety.md.
# Usage: planted_links.sh ALIGNSIM SOURCE_DIR WORK_DIR
set -euo pipefail
alignsim="$1" source_dir="$2" work="$3"
rm -rf "$work" && mkdir -p "$work/out" && cd "$work/out"
cp "$source_dir/tests/golden/tiny.yaml" ../tiny.yaml
run=(run ../tiny.yaml -o out.h5 --quiet --set budget.initial_marketing_usd_per_day=40)
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { [ "$failures" -gt 0 ] || echo "ok: $*"; }
echo "precious" > ../victim.txt
victim_unchanged() { [ "$(cat ../victim.txt)" = "precious" ] || fail "$1: the link's target ../victim.txt was changed"; }

# The names a run makes were predictable from its PID: exec keeps the PID of the shell
# that plants links at every name the process will use, then becomes alignsim.
status=0
bash -c 'for n in 0 1 2 3; do
           ln -s ../victim.txt ".out.h5.tmp-$$-$n"
           ln -s ../victim.txt "..out.h5.journal.tmp-journal-$$-$n"
         done
         exec "$@"' planter "$alignsim" "${run[@]}" > /dev/null 2> stderr.txt || status=$?
[ "$status" -eq 0 ] || { fail "run with links at the temporaries' names exited $status"; cat stderr.txt; }
victim_unchanged "links at the temporaries' names"
[ -f out.h5 ] || fail "no results written"
leftovers=$(find . -mindepth 1 ! -name out.h5 ! -name stderr.txt)
[ -z "$leftovers" ] || fail "left behind: $leftovers"
ok "links at the temporaries' names are neither followed nor left behind"

# expect_refusal CASE MESSAGE ARGS...: exit 1, one line naming the link, victim unchanged.
expect_refusal() {
  local case="$1" message="$2" status=0
  shift 2
  "$alignsim" "$@" > /dev/null 2> stderr.txt || status=$?
  [ "$status" -eq 1 ] || fail "$case: exit $status, expected 1 ($(cat stderr.txt))"
  [ "$(wc -l < stderr.txt)" -eq 1 ] && grep -q "$message" stderr.txt || fail "$case: message '$(cat stderr.txt)'"
  victim_unchanged "$case"
}

rm -f out.h5
ln -s ../victim.txt .out.h5.lock
expect_refusal "link at the lock" "lock file './.out.h5.lock' is a symbolic link; alignsim never follows one" "${run[@]}"
rm -f .out.h5.lock
ln -s ../created-through-lock .out.h5.lock
expect_refusal "dangling link at the lock" "lock file './.out.h5.lock' is a symbolic link" "${run[@]}"
[ ! -e ../created-through-lock ] || fail "the lock was created through a dangling link"
rm -f .out.h5.lock
mkfifo .out.h5.lock
expect_refusal "FIFO at the lock" "lock file './.out.h5.lock' is not a regular file" "${run[@]}"
rm -f .out.h5.lock

ln -s ../victim.txt .out.h5.journal
for flag in --resume --overwrite; do
  expect_refusal "link at the journal, $flag" \
    "journal './.out.h5.journal' of 'out.h5': it is a symbolic link (to '../victim.txt')" "${run[@]}" "$flag"
done
rm -f .out.h5.journal
ok "links at the lock and the journal are refused, their targets untouched"

# 9. A kill while the journal was being created leaves its temporary: the next run removes it.
touch "..out.h5.journal.tmp-journal-12345-0" "..out.h5.journal.tmp-journal-0123456789abcdef" \
  ".out.h5.tmp-journal-0123456789abcdef"
"$alignsim" "${run[@]}" > /dev/null || fail "run after a kill during the journal's creation"
leftovers=$(find . -mindepth 1 ! -name out.h5 ! -name stderr.txt)
[ -z "$leftovers" ] || fail "stale temporaries not cleaned up: $leftovers"
ok "a temporary journal left by a kill is cleaned up"

[ "$failures" -eq 0 ] || { echo "$failures failures"; exit 1; }
echo "planted_links: ok"
