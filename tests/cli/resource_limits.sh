#!/usr/bin/env bash
# Valid settings that ask for impossible work are refused before any run (issue 16 item
# 6): each gives one line on stderr, exit 2, and leaves no file behind (no lock, temporary
# or journal). A run that runs out of memory anyway says so in /runs/error. A normal run
# is unaffected: the same bytes as with the check switched off.
# Usage: resource_limits.sh ALIGNSIM SOURCE_DIR WORK_DIR
set -euo pipefail
alignsim="$1" source_dir="$2" work="$3"
rm -rf "$work" && mkdir -p "$work" && cd "$work"
tiny="$source_dir/tests/golden/tiny.yaml"
# The tiny scenario without its variants, so that a design can sweep it.
sed '/^variants:/,$d' "$tiny" > base.yaml
fail() { echo "FAIL: $*"; exit 1; }

# refused EXPECTED_TEXT ARGS...: exit 2, one line (cautions about the settings aside)
# containing EXPECTED_TEXT, nothing but the inputs left in the directory.
refused() {
  local expected="$1"; shift
  local status=0
  "$alignsim" run "$@" -o out.h5 --quiet > /dev/null 2> err.txt || status=$?
  grep -v ': warning: ' err.txt > message.txt || true
  [ "$status" -eq 2 ] || { cat err.txt; fail "$* exited $status, expected 2"; }
  [ "$(wc -l < message.txt)" -eq 1 ] || { cat err.txt; fail "$*: expected a one-line message"; }
  grep -q -- "$expected" message.txt || { cat message.txt; fail "$*: message lacks '$expected'"; }
  ! grep -q "bad_alloc\|terminate" err.txt || fail "$*: $(cat err.txt)"
  leftovers=$(find . -mindepth 1 ! -name base.yaml ! -name err.txt ! -name message.txt)
  [ -z "$leftovers" ] || fail "$*: files left behind: $leftovers"
  echo "refused as expected: $*: $(cat message.txt)"
}

# Thread counts: too many (oneTBB used to abort, exit 134), negative (bad_alloc), and a
# negative number that wrapped to 1.
refused "--threads 100000: not a thread count" "$tiny" --threads 100000
refused "--threads -1: not a thread count" "$tiny" --threads -1
refused "--threads -18446744073709551615: not a thread count" "$tiny" --threads -18446744073709551615
refused "--threads 1025: not a thread count" "$tiny" --threads 1025
refused "--threads 2x: not a thread count" "$tiny" --threads 2x

# 10^8 prospects need ~6.4 GB per run; 64 runs at once (410 GB) exceed any test machine.
refused "not enough memory: 64 runs at once need about" "$tiny" --threads 64 --replicates 32 \
  --set population.prospects=100000000 --set budget.initial_marketing_usd_per_day=5000000
grep -q "GB is available; pass --threads [0-9]* or fewer, or use a smaller population.prospects" message.txt ||
  { cat message.txt; fail "the memory message does not say what is available and what to change"; }

# compare holds the same runs in flight (it writes no file: memory only).
status=0
"$alignsim" compare "$tiny" "$tiny" --threads 64 --replicates 32 --set population.prospects=100000000 \
  --set budget.initial_marketing_usd_per_day=5000000 > /dev/null 2> err.txt || status=$?
[ "$status" -eq 2 ] || { cat err.txt; fail "compare of 10^8 prospects x 64 threads exited $status, expected 2"; }
grep -q "alignsim compare: not enough memory: 64 runs at once" err.txt || { cat err.txt; fail "compare: unexpected message"; }

# A sweep of 10^8 points x 100 replicates: results of ~13 TB.
refused "not enough disk space in '.': the results need up to" base.yaml --design latin_hypercube \
  --samples 100000000 --factor followup.sla_floor=0.5:0.9 --replicates 100
grep -q "TB) and .* is free" message.txt || { cat message.txt; fail "the disk message lacks the figures"; }

# A run that still runs out of memory (here the check is overridden and the address space
# capped) fails with a message that says so, not a bare std::bad_alloc.
if grep -qa "__asan_init\|__tsan_init" "$alignsim"; then
  echo "skipped the out-of-memory run: a sanitizer build cannot run under ulimit -v"
else
  status=0
  (ulimit -v 1000000; "$alignsim" run "$tiny" -o oom.h5 --quiet --threads 1 --replicates 1 --no-resource-check \
    --set population.prospects=30000000 --set budget.initial_marketing_usd_per_day=1500000 > /dev/null 2>&1) || status=$?
  [ "$status" -eq 3 ] || fail "the out-of-memory run exited $status, expected 3 (runs failed)"
  /usr/bin/python3 -c 'import h5py, sys
errors = [e.decode() for e in h5py.File(sys.argv[1])["runs/error"][...].ravel()]
sys.exit(0 if all(e.startswith("out of memory: ") for e in errors) else "errors: %r" % errors)' oom.h5
  rm oom.h5
fi

# A normal run is unaffected: it runs, and writes the bytes it writes without the check.
"$alignsim" run "$tiny" -o checked.h5 --quiet > /dev/null 2>&1 || fail "a normal run was refused"
"$alignsim" run "$tiny" -o unchecked.h5 --quiet --no-resource-check > /dev/null 2>&1
cmp checked.h5 unchecked.h5 || fail "the check changed the results"
"$alignsim" run "$tiny" -o two.h5 --quiet --threads 2 > /dev/null 2>&1 || fail "--threads 2 was refused"
"$alignsim" run "$tiny" -o all.h5 --quiet --threads 0 > /dev/null 2>&1 || fail "--threads 0 (all cores) was refused"
cmp checked.h5 two.h5 || fail "--threads 2 changed the results"
echo "resource_limits: ok"
