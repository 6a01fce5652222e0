#!/usr/bin/env bash
# Every mechanism of docs/model.md (M1..M18) has one home: `grep -rlw Mn models/` finds
# exactly one file, in models/mechanisms/, whose first line is headed by its number, and
# docs/model.md names that file under the mechanism's heading. Usage: mechanism_homes.sh SOURCE_DIR
set -euo pipefail
cd "$1"
failures=0
fail() { echo "$*"; failures=$((failures + 1)); }
for n in $(seq 1 18); do
  tag="M$n"
  mapfile -t files < <(grep -rlw "$tag" models/ | sort)
  if [ "${#files[@]}" -ne 1 ]; then
    fail "$tag: expected one file in models/, found ${#files[@]}: ${files[*]:-none}"
    continue
  fi
  home="${files[0]}"
  case "$home" in models/mechanisms/*.cpp) ;; *) fail "$tag: home $home is not a .cpp in models/mechanisms/" ;; esac
  head -n 1 "$home" | grep -q "^// $tag " || fail "$tag: $home does not open with '// $tag ...'"
  # The docs section of this mechanism (from its heading to the next one) names the file.
  section=$(awk -v tag="$tag" '$1 == "###" && $2 == tag {on = 1; next} /^##/ {on = 0} on' docs/model.md)
  [ -n "$section" ] || fail "$tag: no '### $tag' heading in docs/model.md"
  grep -qF "$home" <<<"$section" || fail "$tag: docs/model.md section does not name $home"
done
# No mechanism file without a number, and no number beyond the eighteen.
for f in models/mechanisms/*.cpp; do
  grep -qE '^// M[0-9]+ ' "$f" || fail "$f: not headed by a mechanism number"
done
if grep -rlwE 'M(19|[2-9][0-9])' models/ >/dev/null; then fail "a mechanism number beyond M18 in models/"; fi
if [ "$failures" -gt 0 ]; then echo "$failures problem(s)"; exit 1; fi
echo "18 mechanisms, one home each"
