#!/usr/bin/env bash
# Crash safety end to end: run a sweep uninterrupted for reference, then run it again and
# kill it with SIGKILL at random (seeded) moments, resuming with --resume each time. The
# finished file must be byte-identical to the reference (cmp), every resume must reuse at
# least the runs the previous one had finished, and no journal, lock or temporary file
# may remain. Usage: kill_and_resume.sh ALIGNSIM SOURCE_DIR WORK_DIR [SEED]
set -euo pipefail
alignsim="$1" source_dir="$2" work="$3" seed="${4:-20261125}"
scenario="$source_dir/tests/cli/data/kill_sweep.yaml"
rm -rf "$work" && mkdir -p "$work/reference" "$work/killed"
run=(run "$scenario" --threads 2)

now_ms() { date +%s%3N; }
start=$(now_ms)
"$alignsim" "${run[@]}" -o "$work/reference/out.h5" --quiet > /dev/null
duration=$(( $(now_ms) - start ))
echo "uninterrupted run: ${duration} ms"

RANDOM=$seed
kills=0 reused_before=0 attempt=0
out="$work/killed/out.h5"
while [ "$kills" -lt 6 ] && [ "$attempt" -lt 12 ]; do
  attempt=$((attempt + 1))
  flags=()
  [ "$attempt" -gt 1 ] && flags=(--resume)
  "$alignsim" "${run[@]}" -o "$out" "${flags[@]}" > "$work/stdout.txt" 2> "$work/stderr.txt" &
  pid=$!
  # A random moment within the first 12% of a full run: early kills hit start-up and the
  # journal's creation, later ones runs in flight and the writer. Six attempts make at
  # most ~70% of the progress, so the kills land while the run is still going.
  delay_ms=$(( RANDOM % (duration * 12 / 100 + 1) + 20 ))
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  if kill -KILL "$pid" 2> /dev/null; then
    kills=$((kills + 1))
    wait "$pid" 2> /dev/null || true
    echo "attempt $attempt: killed after ${delay_ms} ms"
  else
    wait "$pid" || { echo "attempt $attempt finished with an error:"; cat "$work/stderr.txt"; exit 1; }
    echo "attempt $attempt: finished before the kill at ${delay_ms} ms"
    break
  fi
  reused=$(sed -n 's/.*: \([0-9]*\) finished runs reused.*/\1/p' "$work/stderr.txt")
  if [ -n "$reused" ]; then
    [ "$reused" -ge "$reused_before" ] || { echo "resume reused $reused runs, fewer than $reused_before before"; exit 1; }
    reused_before=$reused
  fi
done
[ "$kills" -ge 5 ] || { echo "only $kills kills landed while the run was still going"; exit 1; }

# The last resume completes the run.
"$alignsim" "${run[@]}" -o "$out" --resume > /dev/null 2> "$work/stderr.txt" || { cat "$work/stderr.txt"; exit 1; }
cat "$work/stderr.txt"
cmp "$work/reference/out.h5" "$out"
# The journal carried the agent tables (/agents) across the kills.
/usr/bin/python3 -c 'import h5py, sys; sys.exit(0 if "agents/reps/leads_worked" in h5py.File(sys.argv[1]) else "no agent tables")' "$out"
leftovers=$(find "$work/killed" -mindepth 1 ! -name out.h5)
[ -z "$leftovers" ] || { echo "files left behind: $leftovers"; exit 1; }
echo "OK: $kills kills, final file byte-identical, nothing left behind"
