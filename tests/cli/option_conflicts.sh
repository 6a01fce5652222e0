#!/usr/bin/env bash
# Options that contradict each other (issue 16 item 13): --resume with --overwrite is
# refused in one line, touching nothing; --replicates/--seed are the --set overrides they
# stand for, in their place on the command line, so the later setting of a key wins.
# Usage: option_conflicts.sh ALIGNSIM SOURCE_DIR WORK_DIR
set -euo pipefail
alignsim="$1" source_dir="$2" work="$3"
rm -rf "$work" && mkdir -p "$work" && cd "$work"
tiny="$source_dir/tests/golden/tiny.yaml"
fail() { echo "FAIL: $*"; exit 1; }

# --resume --overwrite: a usage error naming both, nothing created, an existing file kept.
echo "previous results" > out.h5
status=0
"$alignsim" run "$tiny" -o out.h5 --resume --overwrite > /dev/null 2> err.txt || status=$?
[ "$status" -eq 2 ] || fail "--resume --overwrite exited $status, expected 2"
[ "$(wc -l < err.txt)" -eq 1 ] || { cat err.txt; fail "expected a one-line message"; }
grep -q -- "--resume and --overwrite contradict each other" err.txt || { cat err.txt; fail "unexpected message"; }
[ "$(cat out.h5)" = "previous results" ] || fail "the existing output was touched"
[ -z "$(find . -mindepth 1 ! -name out.h5 ! -name err.txt)" ] || fail "files left behind: $(ls -A)"

# The later of --replicates and --set run.replicates wins, either way round.
replicates_of() { "$alignsim" check "$tiny" "$@" 2> /dev/null | sed -n 's/^  replicates: //p'; }
[ "$(replicates_of --replicates 5 --set run.replicates=7)" = 7 ] || fail "--replicates 5 --set run.replicates=7 did not give 7"
[ "$(replicates_of --set run.replicates=7 --replicates 5)" = 5 ] || fail "--set run.replicates=7 --replicates 5 did not give 5"
[ "$(replicates_of --set run.replicates=7 --set run.replicates=4)" = 4 ] || fail "the later --set did not win"
seed_of() { "$alignsim" check "$tiny" "$@" 2> /dev/null | sed -n 's/^  seed: //p'; }
[ "$(seed_of --seed 11 --set run.seed=12)" = 12 ] || fail "--seed 11 --set run.seed=12 did not give 12"
[ "$(seed_of --set run.seed=12 --seed 11)" = 11 ] || fail "--set run.seed=12 --seed 11 did not give 11"

# And the run itself runs what check shows: 2 variants x 4 replicates.
"$alignsim" run "$tiny" -o runs.h5 --quiet --replicates 3 --set run.replicates=4 > /dev/null 2>&1
rows=$(/usr/bin/python3 -c 'import h5py, sys; print(h5py.File(sys.argv[1])["summary/wins"].shape[1])' runs.h5)
[ "$rows" = 4 ] || fail "the run has $rows replicates, expected 4"
echo "option_conflicts: ok"
