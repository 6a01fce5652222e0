#!/usr/bin/env bash
# docs/parameters.md must hold exactly what `alignsim params --markdown` prints, so the
# docs cannot drift from the one parameter catalog. Usage: check_parameters_doc.sh ALIGNSIM DOC
set -euo pipefail
if ! diff <("$1" params --markdown) <(sed -n '/^| key |/,$p' "$2"); then
  echo "docs/parameters.md is out of date: regenerate it with 'alignsim params --markdown'" >&2
  exit 1
fi
