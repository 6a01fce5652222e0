#!/usr/bin/python3
"""Writes the hand-made journal seeds of fuzz_journal into tests/fuzz/seeds/journal/.

Each is a whole journal file (format: sim/durability/run_journal.hpp): a valid one, and
one for each kind of damage the reader tells apart (torn tail, damaged tail, corrupt
length and flipped byte in the middle, garbage between records, a bad header).
test_fuzz_regressions replays them; rerun this script only if the format changes.
Usage: make_journal_seeds.py [OUT_DIR]
"""
import pathlib
import struct
import sys

out = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).parent / "seeds" / "journal")
out.mkdir(parents=True, exist_ok=True)
MASK = (1 << 64) - 1


def fnv1a64(data, state=14695981039346656037):
    for byte in data:
        state = ((state ^ byte) * 1099511628211) & MASK
    return state


def header(identity=b"scenario_fnv1a64: 0123456789abcdef\nversion: 0.1.0\n"):
    return b"ASJRNL01" + struct.pack("<I", len(identity)) + identity + struct.pack("<Q", fnv1a64(identity))


def record(entry, replicate, summary, series, error=b""):
    payload = struct.pack("<QQIII", entry, replicate, len(summary), len(series), len(error))
    payload += struct.pack(f"<{len(summary)}d", *summary) + struct.pack(f"<{len(series)}d", *series) + error
    length = struct.pack("<I", len(payload))
    return struct.pack("<I", 0x52554E31) + length + payload + struct.pack("<Q", fnv1a64(payload, fnv1a64(length)))


def runs(count, start=0):
    return [record(0, r, [r + 0.5, 2.0 * r], [1.0, 2.0, float(r)]) for r in range(start, start + count)]


def flip(data, at):
    return data[:at] + bytes([data[at] ^ 0x10]) + data[at + 1:]


good = header() + b"".join(runs(3)) + record(1, 0, [float("nan"), float("nan")], [0.0] * 3, b"numerical guard")
h = len(header())
r = len(runs(1)[0])
seeds = {
    "valid": good,
    "header_only": header(),
    "other_shape": header() + record(0, 0, [1.0], []) + b"".join(runs(1, 1)),
    "torn_tail": good[:-7],
    "damaged_tail": flip(good, len(good) - 12),
    "corrupt_length_middle": good[:h + r + 4] + b"\xf0\xff\xff\xff" + good[h + r + 8:],
    "flipped_byte_middle": flip(good, h + r + 40),
    "garbage_between": header() + b"".join(runs(1)) + b"1NUR\x10\x00\x00\x00garbage" + b"".join(runs(2, 1)),
    "bad_header_length": good[:8] + b"\xff\xff\xff\x7f" + good[12:],
}
for name, data in seeds.items():
    (out / name).write_bytes(data)
