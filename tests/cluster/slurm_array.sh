#!/usr/bin/env bash
# Issue 6 item 6, against a real Slurm: a 4-task job array of `alignsim run --shard I/4
# --resume` submitted with the project's own scripts/slurm/alignsim-array.sbatch, one task
# requeued while it runs, the dependent merge job, and the merged file byte-compared with
# a single-process run. Starts the local cluster itself (and stops it again if it was
# not already running). Usage: slurm_array.sh ALIGNSIM SOURCE_DIR WORK_DIR
set -euo pipefail
[ "$(id -u)" -eq 0 ] || { echo "SKIP: the local Slurm cluster needs root (slurmd)"; exit 77; }
alignsim="$(realpath "$1")" source_dir="$(realpath "$2")" work="$(realpath -m "$3")"
scenario="$source_dir/tests/cluster/array.yaml"
shards=4 requeued_task=1 deadline=$((SECONDS + 600))
cluster_dir="${ALIGNSIM_SLURM_DIR:-/tmp/alignsim-slurm}"
export SLURM_CONF="$cluster_dir/slurm.conf"

fail() { echo "FAIL: $*" >&2; exit 1; }
job_field() {  # job_field JOB FIELD: one field of `scontrol show job`, e.g. JobState
  scontrol show job "$1" -o 2>/dev/null | tr ' ' '\n' | sed -n "s/^$2=//p" | head -1
}
state_is() { [ "$(job_field "$1" JobState)" = "$2" ]; }
state_is_not() { ! state_is "$@"; }
wait_until() {  # wait_until WHAT COMMAND...: poll once a second until COMMAND succeeds
  local what="$1"; shift
  until "$@"; do
    [ $SECONDS -lt $deadline ] || fail "timed out waiting for $what"
    sleep 1
  done
}

started_cluster=0
if ! { [ -s "$cluster_dir/slurmctld.pid" ] && kill -0 "$(cat "$cluster_dir/slurmctld.pid")" 2>/dev/null; }; then
  started_cluster=1
fi
array="" merge=""
cleanup() {
  local job
  for job in $array $merge; do scancel "$job" 2>/dev/null || true; done
  if [ $started_cluster -eq 1 ]; then "$source_dir/scripts/slurm/stop-local-cluster" "$cluster_dir" >/dev/null || true; fi
}
trap cleanup EXIT
"$source_dir/scripts/slurm/start-local-cluster" "$cluster_dir"

rm -rf "$work" && mkdir -p "$work/array"
# One CPU per task, so the 4 tasks queue on a small machine and run two at a time there.
submitted="$(cd "$work" && ALIGNSIM="$alignsim" ALIGNSIM_SBATCH_OPTIONS="--cpus-per-task=1 --time=00:20:00" \
  bash "$source_dir/scripts/slurm/alignsim-array.sbatch" "$scenario" "$work/array" "$shards")"
echo "$submitted"
array="$(sed -n 's/^array job \([0-9]*\) .*/\1/p' <<<"$submitted")"
merge="$(sed -n 's/.*merge job \([0-9]*\);.*/\1/p' <<<"$submitted")"
if [ -z "$array" ] || [ -z "$merge" ]; then fail "could not read the job ids"; fi
task="${array}_$requeued_task"

# Requeue the task mid-run: after its journal (created whole, holding just a header)
# has grown by a finished run, while the rest of the shard still runs.
journal="$work/array/.shard_$requeued_task.h5.journal"
wait_until "task $task to run" state_is "$task" RUNNING
wait_until "task $task to start its journal" test -s "$journal"
header_bytes="$(stat -c %s "$journal")"
journal_grew() { [ "$(stat -c %s "$journal" 2>/dev/null || echo 0)" -gt "$header_bytes" ]; }
wait_until "task $task to finish its first run" journal_grew
[ "$(job_field "$task" JobState)" = RUNNING ] || fail "task $task ended before it could be requeued: make the scenario bigger"
scontrol requeue "$task"
# A requeued job waits with reason BeginTime (about two minutes); let it start now.
release() { scontrol update JobId="$task" StartTime=now 2>/dev/null || [ "$(job_field "$task" JobState)" != PENDING ]; }
wait_until "task $task to leave COMPLETING" state_is_not "$task" COMPLETING
wait_until "task $task to be released" release

finished() { case "$(job_field "$merge" JobState)" in COMPLETED|FAILED|CANCELLED|TIMEOUT|OUT_OF_MEMORY) return 0 ;; esac; return 1; }
wait_until "the merge job $merge" finished
for t in $(seq 0 $((shards - 1))); do
  echo "--- task $t: $(job_field "${array}_$t" JobState), restarts $(job_field "${array}_$t" Restarts)"
  cat "$work/array/alignsim_${array}_$t.log" 2>/dev/null || true
done
cat "$work/array/alignsim_merge_$merge.log" 2>/dev/null || true
[ "$(job_field "$merge" JobState)" = COMPLETED ] || fail "merge job $merge: $(job_field "$merge" JobState)"
[ "$(job_field "$task" Restarts)" -ge 1 ] || fail "task $task was not requeued"
[ "$(grep -c ': start ' "$work/array/alignsim_${array}_$requeued_task.log")" -ge 2 ] || fail "task $task did not start twice"
# The restart resumed from the journal: at least the one run seen finished was reused.
grep -Eq 'resuming from .*: [1-9][0-9]* finished runs reused' "$work/array/alignsim_${array}_$requeued_task.log" ||
  fail "task $task did not resume from its journal"

"$alignsim" run "$scenario" --quiet -o "$work/single.h5" > "$work/single.log"
cmp "$work/array/merged.h5" "$work/single.h5" || fail "merged shards differ from the single-process file"
echo "PASS: $shards-task array with task $requeued_task requeued mid-run merges to the single-process file"
