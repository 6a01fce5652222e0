"""Shared helpers for the scripts/plot tests: paths, running alignsim and the report,
and a PNG check that needs nothing beyond the standard library."""
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import unittest
import zlib

SOURCE_DIR = os.environ.get("ALIGNSIM_SOURCE_DIR",
                            os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
REPORT = os.path.join(SOURCE_DIR, "scripts", "plot", "report")
TINY_SCENARIO = os.path.join(SOURCE_DIR, "tests", "golden", "tiny.yaml")
sys.path.insert(0, os.path.join(SOURCE_DIR, "scripts", "plot"))

class ScratchDirTestCase(unittest.TestCase):
    """A test case with a fresh temporary directory `self.out`, removed afterwards."""
    scratch_prefix = "alignsim-plot-test-"

    def setUp(self):
        self.out = tempfile.mkdtemp(prefix=self.scratch_prefix)

    def tearDown(self):
        shutil.rmtree(self.out, ignore_errors=True)


# Every chart a what-if file (base + at least one what-if, no sweeps) must produce.
EXPECTED_CHARTS = ("effects", "funnel", "fan_bookings_usd", "fan_wins", "fan_customers", "fan_share_mqls_ignored",
                   "fan_mean_response_hours", "fan_mean_rep_trust", "runs_mean_rep_trust_share_mqls_ignored",
                   "agents_marketers", "agents_reps")


def alignsim_executable():
    path = os.environ.get("ALIGNSIM_EXECUTABLE", "")
    if not path or not os.access(path, os.X_OK):
        raise RuntimeError("set ALIGNSIM_EXECUTABLE to the built alignsim (ctest does: tests/plot/CMakeLists.txt)")
    return path


def run_tiny_scenario(work_dir, replicates=4):
    """Runs the real alignsim on the golden tiny scenario; returns (results path, printed table)."""
    results = os.path.join(work_dir, "tiny.h5")
    done = subprocess.run([alignsim_executable(), "run", TINY_SCENARIO, "-o", results, "--overwrite", "--quiet",
                           "--threads", "1", "--replicates", str(replicates)],
                          capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise RuntimeError("alignsim run failed (%d): %s" % (done.returncode, done.stderr))
    return results, done.stdout


def run_report(results, out_dir):
    # Explicitly /usr/bin/python3 (Debian's packages), whatever `python3` is on PATH.
    return subprocess.run(["/usr/bin/python3", REPORT, results, "-o", out_dir], capture_output=True, text=True,
                          timeout=300)


def check_png(path):
    """Checks the signature, every chunk's CRC and that the pixel data inflates to the
    size IHDR promises; returns (width, height). Raises AssertionError otherwise."""
    with open(path, "rb") as f:
        data = f.read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "%s: not a PNG signature" % path
    position, chunks, pixels = 8, [], b""
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        (crc,) = struct.unpack(">I", data[position + 8 + length:position + 12 + length])
        assert zlib.crc32(kind + body) == crc, "%s: bad CRC in chunk %r" % (path, kind)
        chunks.append(kind)
        if kind == b"IDAT":
            pixels += body
        position += 12 + length
    assert chunks[0] == b"IHDR" and chunks[-1] == b"IEND", "%s: chunks %r" % (path, chunks[:3])
    width, height, depth, colour = struct.unpack(">IIBB", data[16:26])
    assert width > 0 and height > 0, "%s: empty image %dx%d" % (path, width, height)
    channels = {0: 1, 2: 3, 4: 2, 6: 4}[colour]
    assert len(zlib.decompress(pixels)) == height * (1 + width * channels * depth // 8), "%s: short pixel data" % path
    return width, height


def cli_what_if_table(stdout):
    """{(variant, label): (difference, relative change)} from `alignsim run`'s printed
    'What-if effects' table (columns are separated by two or more spaces)."""
    rows, variant = {}, None
    section = stdout.split("What-if effects", 1)[1] if "What-if effects" in stdout else ""
    for line in section.splitlines():
        header = re.match(r"^(\S+) vs base\s", line)
        if header:
            variant = header.group(1)
        elif line.startswith("  ") and variant:
            cells = re.split(r"\s{2,}", line.strip())
            rows[(variant, cells[0])] = (cells[1], cells[2] if len(cells) > 2 else "")
    return rows


def write_synthetic_sweep(path, factors, statistics_mean, sensitivity=None, replicates=3, design_kind="grid",
                          scenario_name="sweep_test"):
    """A sweep file in the layout the sweep writer (issue 4, sim/io/results_file.hpp with
    ResultsLayout::points) produces: first axis `point`, /design, no /variants. Synthetic
    until `alignsim` can run sweeps; then a real run should replace it.

    factors: name -> [point] values; statistics_mean: metric -> [point];
    sensitivity: (factor names, statistic names, {metric: [factor, statistic]}) or None."""
    import h5py
    import numpy as np
    text = h5py.string_dtype()
    points = len(next(iter(factors.values())))
    with h5py.File(path, "w") as f:
        for key, value in (("output_format_version", 2), ("alignsim_version", "0.1.0"), ("git_revision", "test"),
                           ("scenario_name", scenario_name), ("scenario_yaml", "name: %s\n" % scenario_name),
                           ("seed", np.uint64(7)), ("horizon_days", 60), ("period_days", 10),
                           ("replicates", replicates), ("design", design_kind), ("points", points)):
            f.attrs[key] = value
        for name, values in factors.items():
            d = f.create_dataset("design/" + name, data=np.asarray(values, dtype=float))
            d.attrs["units"], d.attrs["long_name"] = "1", name
        f["design/point"] = np.arange(points)
        f["summary/point"] = np.arange(points)
        f["summary/replicate"] = np.arange(replicates)
        f["timeseries/period"] = np.arange(10, 70, 10)
        f.create_dataset("runs/error", data=np.full((points, replicates), "", dtype=object), dtype=text)
        f.create_dataset("statistics/statistic", data=np.array(
            ["mean", "sd", "ci95_low", "ci95_high", "n", "failed_or_missing"], dtype=object), dtype=text)
        for metric, mean in statistics_mean.items():
            mean = np.asarray(mean, dtype=float)
            table = np.column_stack([mean, 0.1 * mean, 0.9 * mean, 1.1 * mean,
                                     np.full(points, replicates), np.zeros(points)])
            f.create_dataset("statistics/" + metric, data=table).attrs["units"] = (
                "USD" if metric == "bookings_usd" else "deals")
        if sensitivity:
            names, statistics, values = sensitivity
            f.create_dataset("sensitivity/factor", data=np.array(names, dtype=object), dtype=text)
            f.create_dataset("sensitivity/statistic", data=np.array(statistics, dtype=object), dtype=text)
            for metric, matrix in values.items():
                f.create_dataset("sensitivity/" + metric, data=np.asarray(matrix, dtype=float)).attrs["units"] = "1"
