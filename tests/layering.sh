#!/usr/bin/env bash
# The layering of docs/architecture.md, enforced: each folder may include only the
# folders listed for it (plus itself, the standard library and third-party headers).
# Usage: layering.sh SOURCE_DIR. Prints every violation as FILE:LINE: include, exits 1
# if there is any.
set -euo pipefail
cd "$1"

# folder -> the project folders its files may include. sim/errors.hpp and
# sim/run_output.hpp are the engine's shared vocabulary, allowed everywhere.
declare -A allowed=(
  [sim/random]=""
  [sim/stats]=""
  [sim/durability]=""
  [sim/scenario]="sim/design"          # the loader reads a sweep: section into a design
  [sim/design]="sim/scenario sim/random sim/stats"
  [sim/run]="sim/scenario sim/durability"
  [sim/io]="sim/run sim/durability"
  [models]="sim"
  [experiment]="sim models"
  [explorer]="sim models experiment"
  [crm]="sim models experiment"
  [cli]="sim models experiment crm explorer"
  [bench]="sim models experiment explorer"
)

violations=0
check_file() {
  local file="$1" folder="$2" include target ok
  while IFS=: read -r line include; do
    target="${include#*\"}"; target="${target%\"*}"
    case "$target" in
      alignsim/version.hpp | sim/errors.hpp | sim/run_output.hpp) continue ;;
    esac
    [[ "$target" == */* ]] || continue          # a standard or third-party header
    [[ "$target" == "$folder"/* ]] && continue   # its own folder
    ok=0
    for permitted in ${allowed[$folder]}; do
      [[ "$target" == "$permitted"/* ]] && ok=1
    done
    # A project header outside every listed folder is third-party (Random123/, oneapi/).
    [[ "$target" =~ ^(sim|models|experiment|crm|explorer|cli|bench)/ ]] || ok=1
    if [ "$ok" -eq 0 ]; then
      echo "$file:$line: includes \"$target\", but $folder/ may include only: ${allowed[$folder]:-nothing of the project}"
      violations=$((violations + 1))
    fi
  done < <(grep -n '^#include "' "$file" || true)
}

for folder in "${!allowed[@]}"; do
  [ -d "$folder" ] || continue
  while IFS= read -r file; do
    # A sub-folder with its own rule (sim/io inside sim) is checked under that rule.
    owner="$folder"
    for other in "${!allowed[@]}"; do
      if [[ "$file" == "$other"/* && ${#other} -gt ${#owner} ]]; then owner="$other"; fi
    done
    [ "$owner" = "$folder" ] && check_file "$file" "$folder"
  done < <(find "$folder" -name '*.hpp' -o -name '*.cpp' | sort)
done

# sim/ itself holds only the shared vocabulary and the folders above.
for file in sim/*.hpp sim/*.cpp; do
  [ -e "$file" ] || continue
  case "$file" in sim/errors.hpp | sim/run_output.hpp) ;; *)
    echo "$file: sim/ holds only errors.hpp and run_output.hpp; put the file in the folder of its concern"
    violations=$((violations + 1)) ;;
  esac
done

if [ "$violations" -gt 0 ]; then
  echo "layering: $violations violation(s); see docs/architecture.md"
  exit 1
fi
echo "layering: every include follows docs/architecture.md"
