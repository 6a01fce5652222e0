#!/usr/bin/env bash
# Ctrl-C and kill end a run cleanly (issue 16 item 11, docs/safety.md): SIGINT or SIGTERM
# after the run started stops it with one line saying so and that --resume continues,
# exit 130 or 143, the journal keeps the finished runs, no temporary and no lock remain,
# and --resume then gives a file byte-identical to an uninterrupted run.
# Usage: interrupt_and_resume.sh ALIGNSIM SOURCE_DIR WORK_DIR
set -euo pipefail
set -m  # job control: a background job of a script would otherwise ignore SIGINT
alignsim="$1" source_dir="$2" work="$3"
rm -rf "$work" && mkdir -p "$work/reference" "$work/interrupted" && cd "$work"
run=(run "$source_dir/tests/cli/data/kill_sweep.yaml" --threads 2 --quiet)
"$alignsim" "${run[@]}" -o reference/out.h5 > /dev/null

# interrupt SIGNAL CODE: start the run, wait for its journal, send SIGNAL, check, resume.
interrupt() {
  local signal="$1" code="$2" delay status=0
  for delay in 0.5 0.2 0.05; do
    rm -rf interrupted/* interrupted/.[!.]*
    "$alignsim" "${run[@]}" -o interrupted/out.h5 > stdout.txt 2> stderr.txt &
    local pid=$!
    while [ ! -e interrupted/.out.h5.journal ] && kill -0 "$pid" 2> /dev/null; do sleep 0.02; done
    sleep "$delay"
    kill "-$signal" "$pid" 2> /dev/null || true
    status=0
    wait "$pid" || status=$?
    [ "$status" -eq 0 ] || break
    echo "the run finished before $signal after ${delay}s; trying a shorter delay"
  done
  [ "$status" -eq "$code" ] || { echo "FAIL: $signal: exit $status, expected $code"; cat stderr.txt; exit 1; }
  [ "$(wc -l < stderr.txt)" -eq 1 ] || { echo "FAIL: $signal: stderr is not one line:"; cat stderr.txt; exit 1; }
  grep -Eq "^alignsim run: interrupted by SIG$signal; the finished runs are kept in interrupted/.out.h5.journal: --resume continues the run$" stderr.txt ||
    { echo "FAIL: $signal: message '$(cat stderr.txt)'"; exit 1; }
  local left
  left=$(cd interrupted && find . -mindepth 1 ! -name .out.h5.journal)
  [ -z "$left" ] || { echo "FAIL: $signal left $left"; exit 1; }
  "$alignsim" "${run[@]}" -o interrupted/out.h5 --resume > /dev/null 2> stderr.txt ||
    { echo "FAIL: --resume after $signal"; cat stderr.txt; exit 1; }
  cmp reference/out.h5 interrupted/out.h5 || { echo "FAIL: resumed after $signal: the file differs"; exit 1; }
  /usr/bin/python3 -c 'import h5py, sys; sys.exit(0 if "agents/reps/leads_worked" in h5py.File(sys.argv[1]) else "no agent tables")' interrupted/out.h5
  left=$(cd interrupted && find . -mindepth 1 ! -name out.h5)
  [ -z "$left" ] || { echo "FAIL: after resuming from $signal: left $left"; exit 1; }
  echo "ok: $signal exits $code, keeps the finished runs, leaves no temporary; --resume gives the same bytes"
}

interrupt INT 130
interrupt TERM 143
echo "interrupt_and_resume: ok"
