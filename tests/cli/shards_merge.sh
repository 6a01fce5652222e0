#!/usr/bin/env bash
# Slurm-array style runs without Slurm: every shard of a scenario with variants and of a
# sweep, merged, must equal a single run byte for byte; a shard killed mid-run and
# resumed (a requeued array task) must too; merge must refuse missing, overlapping and
# foreign shards with exit 2, naming the shard. Usage: shards_merge.sh ALIGNSIM SOURCE_DIR WORK_DIR
set -euo pipefail
alignsim="$1" source_dir="$2" work="$3"
rm -rf "$work" && mkdir -p "$work" && cd "$work"

expect_refusal() {  # expect_refusal TEXT ARGS...: exit 2 and TEXT in the message
  local text="$1"; shift
  set +e; "$alignsim" merge "$@" -o refused.h5 --quiet 2> err.txt; local code=$?; set -e
  [ "$code" = 2 ] || { echo "merge $* exited $code, expected 2"; cat err.txt; exit 1; }
  grep -q -- "$text" err.txt || { echo "merge $*: message lacks '$text':"; cat err.txt; exit 1; }
  [ ! -e refused.h5 ] || { echo "a refused merge created its output"; exit 1; }
}

# Variants: 2 variants x 3 replicates in 4 shards (two shards hold one run, two hold two).
tiny="$source_dir/tests/golden/tiny.yaml"
"$alignsim" run "$tiny" -o single.h5 --quiet > /dev/null
for i in 0 1 2 3; do "$alignsim" run "$tiny" --shard "$i/4" -o "tiny_$i.h5" --quiet > /dev/null; done
"$alignsim" merge tiny_0.h5 tiny_1.h5 tiny_2.h5 tiny_3.h5 -o merged.h5 --quiet > /dev/null
cmp single.h5 merged.h5
# The equality covers agent tables (/agents), which shards and the merge must carry.
/usr/bin/python3 -c 'import h5py, sys; sys.exit(0 if "agents/reps/leads_worked" in h5py.File(sys.argv[1]) else "no agent tables")' merged.h5

# A sweep in 3 shards; shard 1 is killed mid-run and requeued with --resume.
sweep=(run "$source_dir/tests/cli/data/kill_sweep.yaml" --threads 2)
"$alignsim" "${sweep[@]}" -o sweep_single.h5 --quiet > /dev/null
for i in 0 2; do "$alignsim" "${sweep[@]}" --shard "$i/3" -o "sweep_$i.h5" --quiet > /dev/null; done
"$alignsim" "${sweep[@]}" --shard 1/3 -o sweep_1.h5 --quiet > /dev/null &
pid=$!; sleep 0.6; kill -KILL "$pid" 2> /dev/null || echo "note: shard 1 finished before the kill"; wait "$pid" || true
"$alignsim" "${sweep[@]}" --shard 1/3 -o sweep_1.h5 --quiet --resume > /dev/null
"$alignsim" merge sweep_2.h5 sweep_0.h5 sweep_1.h5 -o sweep_merged.h5 --quiet > /dev/null
cmp sweep_single.h5 sweep_merged.h5
/usr/bin/python3 -c 'import h5py, sys; sys.exit(0 if "agents/reps/leads_worked" in h5py.File(sys.argv[1]) else "no agent tables")' sweep_merged.h5

expect_refusal "shards missing, so some runs are not covered: 1/3" sweep_0.h5 sweep_2.h5
expect_refusal "overlap: both are shard 2/3" sweep_0.h5 sweep_1.h5 sweep_2.h5 sweep_2.h5
expect_refusal "'tiny_0.h5' (shard 0/4) belongs to another scenario" sweep_0.h5 sweep_1.h5 sweep_2.h5 tiny_0.h5
expect_refusal "'single.h5': not an alignsim shard file" single.h5
leftovers=$(find . -name '.*' ! -name . | head -5)
[ -z "$leftovers" ] || { echo "files left behind: $leftovers"; exit 1; }
echo "OK: merged shards are byte-identical to single runs"
