#!/usr/bin/env bash
# A scenario read from a pipe is read once (it used to be reported as empty, because the
# loader opened it twice), and an `extends:` that names a FIFO is refused at once instead
# of blocking for ever. Usage: scenario_from_pipes.sh ALIGNSIM SOURCE_DIR WORK_DIR
set -euo pipefail
alignsim="$1" source_dir="$2" work="$3"
rm -rf "$work" && mkdir -p "$work" && cd "$work"
tiny="$source_dir/tests/golden/tiny.yaml"

"$alignsim" run "$tiny" -o from_file.h5 --quiet > /dev/null
"$alignsim" run /dev/stdin -o from_stdin.h5 --quiet < "$tiny" > /dev/null
cmp from_file.h5 from_stdin.h5 || { echo "FAIL: /dev/stdin gave another result than the file"; exit 1; }
"$alignsim" check <(cat "$tiny") > resolved.txt
grep -q "^name: " resolved.txt || { echo "FAIL: process substitution did not load"; exit 1; }

mkfifo parent.fifo
printf 'extends: parent.fifo\nname: child\n' > child.yaml
status=0
timeout 20 "$alignsim" check child.yaml > /dev/null 2> err.txt || status=$?
[ "$status" -eq 2 ] || { echo "FAIL: extends of a FIFO exited $status (124 = blocked)"; cat err.txt; exit 1; }
grep -q "child.yaml:1:1: extends: cannot read 'parent.fifo': not a regular file" err.txt ||
  { echo "FAIL: unexpected message:"; cat err.txt; exit 1; }
echo "scenario_from_pipes: ok"
