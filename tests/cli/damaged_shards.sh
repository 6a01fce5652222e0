#!/usr/bin/env bash
# Damaged shard files (issue 16 item 7): one flipped bit in a shard's compressed series,
# one flipped byte in its summary values, one changed character of its scenario text.
# Each merge must exit 2 with one line naming the damaged shard, and create no output
# (no results file, temporary or lock). The file checksum in the shard's trailer refuses
# them before HDF5 parses a byte (the block and header checksums behind it are tested in
# tests/sim/io/test_shard_file.cpp). Offsets come from h5py (Debian's, /usr/bin/python3).
# Usage: damaged_shards.sh ALIGNSIM SOURCE_DIR WORK_DIR
set -euo pipefail
alignsim="$(realpath "$1")" source_dir="$(realpath "$2")" work="$3"
rm -rf "$work" && mkdir -p "$work" && cd "$work"
python=/usr/bin/python3
"$python" -c 'import h5py' 2> /dev/null || { echo "SKIP: /usr/bin/python3 has no h5py (python3-h5py)"; exit 0; }

tiny="$source_dir/tests/golden/tiny.yaml"
for i in 0 1; do "$alignsim" run "$tiny" --shard "$i/2" -o "shard_$i.h5" --quiet > /dev/null 2>&1; done
"$alignsim" merge shard_0.h5 shard_1.h5 -o intact.h5 --quiet > /dev/null
rm intact.h5

# damage KIND COPY: copies shard_0.h5 to COPY and damages it where KIND says.
damage() {
  "$python" - "$1" "$2" <<'PY'
import shutil, sys
import h5py
kind, copy = sys.argv[1], sys.argv[2]
with h5py.File("shard_0.h5", "r") as f:
    if kind == "header":
        text = f.attrs["scenario_yaml"]
        text = text.decode() if isinstance(text, bytes) else text
    else:
        chunk = f[kind].id.get_chunk_info(0)
        assert chunk.size > 16, (kind, chunk.size)
shutil.copy("shard_0.h5", copy)
with open(copy, "r+b") as g:
    data = g.read()
    if kind == "header":
        # A stretch of the scenario text that occurs once in the file: change one letter.
        needle = next(text[i:i + 24].encode() for i in range(0, len(text) - 24)
                      if data.count(text[i:i + 24].encode()) == 1 and text[i].isalpha())
        offset, mask = data.index(needle), 0x20  # flips the letter's case
    elif kind == "series":
        offset, mask = chunk.byte_offset + chunk.size // 2, 0x10  # one bit of deflated bytes
    else:
        offset, mask = chunk.byte_offset + chunk.size // 2, 0xFF  # one byte of a double
    g.seek(offset)
    g.write(bytes([data[offset] ^ mask]))
PY
}

expect_damaged() {  # expect_damaged COPY TEXT: merge refuses, one line naming COPY and TEXT
  local copy="$1" text="$2"
  set +e; "$alignsim" merge "$copy" shard_1.h5 -o merged.h5 --quiet > out.txt 2> err.txt; local code=$?; set -e
  [ "$code" = 2 ] || { echo "merge of $copy exited $code, expected 2"; cat err.txt; exit 1; }
  [ "$(wc -l < err.txt)" = 1 ] || { echo "merge of $copy: message is not one line:"; cat err.txt; exit 1; }
  grep -q -- "shard file '$copy'" err.txt || { echo "merge of $copy: message does not name it:"; cat err.txt; exit 1; }
  grep -q -- "$text" err.txt || { echo "merge of $copy: message lacks '$text':"; cat err.txt; exit 1; }
  local left; left=$(find . -name 'merged.h5' -o -name '.merged.h5*')
  [ -z "$left" ] || { echo "merge of $copy left output behind: $left"; exit 1; }
}

damage series bad_series.h5
expect_damaged bad_series.h5 "damaged: its bytes do not match the checksum at its end"
damage summary bad_summary.h5
expect_damaged bad_summary.h5 "damaged: its bytes do not match the checksum at its end"
damage header bad_header.h5
expect_damaged bad_header.h5 "damaged: its bytes do not match the checksum at its end"
echo "damaged shards refused: series bit, summary byte, header text"
