"""End to end: the real alignsim writes a small file, scripts/plot/report draws it."""
import glob
import html.parser
import os
import random
import re
import shutil
import tempfile
import unittest
import xml.etree.ElementTree as ElementTree

import h5py
import numpy as np

from plot_test_support import (EXPECTED_CHARTS, ScratchDirTestCase, check_png, cli_what_if_table, run_report,
                               run_tiny_scenario, write_synthetic_sweep)
from alignsim_plots.outcome_text import KEY_OUTCOMES


class ReportTableParser(html.parser.HTMLParser):
    """Collects the report's tables: rows[(variant, metric)] = {"difference": text,
    "relative": text} (headline) and means[metric] = [text per variant] (outcomes)."""

    def __init__(self):
        super().__init__()
        self.rows, self.means, self.images = {}, {}, []
        self._row = self._cell = self._means = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "tr" and "data-variant" in a:
            self._row = self.rows.setdefault((a["data-variant"], a["data-metric"]), {})
        elif tag == "tr" and "data-metric" in a:
            self._means = self.means.setdefault(a["data-metric"], [])
        elif tag == "td" and self._row is not None:
            classes = a.get("class", "").split()
            self._cell = next((c for c in ("difference", "relative") if c in classes), None)
            if self._cell:
                self._row[self._cell] = ""
        elif tag == "td" and self._means is not None and "number" in a.get("class", ""):
            self._means.append("")
            self._cell = "mean"
        elif tag == "img":
            self.images.append(a.get("src", ""))

    def handle_endtag(self, tag):
        if tag == "td":
            self._cell = None
        elif tag == "tr":
            self._row = self._means = None

    def handle_data(self, data):
        if self._row is not None and self._cell:
            self._row[self._cell] += data
        elif self._means is not None and self._cell:
            self._means[-1] += data


def cli_means_table(stdout):
    """{(variant, label): text} from the 'Key outcomes per variant' part of alignsim's output."""
    rows, variant = {}, None
    for line in stdout.split("What-if effects", 1)[0].splitlines():
        header = re.match(r"^(\S+)\s+mean \(95% CI\)", line)
        if header:
            variant = header.group(1)
        elif line.startswith("  ") and variant:
            label, text = re.split(r"\s{2,}", line.strip())
            rows[(variant, label)] = text
    return rows


class ReportFromRealRun(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.work = tempfile.mkdtemp(prefix="alignsim-plot-test-")
        cls.results, cls.cli_stdout = run_tiny_scenario(cls.work)
        cls.out = os.path.join(cls.work, "report")
        cls.done = run_report(cls.results, cls.out)
        with open(os.path.join(cls.out, "report.html"), encoding="utf-8") as f:
            cls.html = f.read()

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.work, ignore_errors=True)

    def test_report_command_succeeds_and_prints_only_the_report_path(self):
        self.assertEqual(self.done.returncode, 0, self.done.stderr)
        self.assertEqual(self.done.stdout.strip().splitlines(), [os.path.join(self.out, "report.html")])

    def test_every_expected_chart_is_a_valid_nonempty_png_and_svg(self):
        for stem in EXPECTED_CHARTS:
            with self.subTest(chart=stem):
                width, height = check_png(os.path.join(self.out, stem + ".png"))
                self.assertGreaterEqual(width, 600)
                self.assertGreaterEqual(height, 300)
                svg = ElementTree.parse(os.path.join(self.out, stem + ".svg")).getroot()
                self.assertTrue(svg.tag.endswith("svg"))

    def test_report_embeds_every_chart_as_a_png_data_uri_and_loads_nothing_external(self):
        parser = ReportTableParser()
        parser.feed(self.html)
        self.assertEqual(len(parser.images), len(EXPECTED_CHARTS))
        for src in parser.images:
            self.assertTrue(src.startswith("data:image/png;base64,"), src[:40])
        self.assertIsNone(re.search(r"""(src|href)\s*=\s*["'](?!data:|#)""", self.html), "external reference")
        self.assertNotIn("<script", self.html)
        self.assertNotIn("<link", self.html)

    def test_headline_numbers_match_what_alignsim_run_printed(self):
        printed = cli_what_if_table(self.cli_stdout)
        parser = ReportTableParser()
        parser.feed(self.html)
        self.assertTrue(printed, "no what-if table in alignsim's output:\n" + self.cli_stdout)
        labels = dict(KEY_OUTCOMES)
        for metric in ("bookings_usd", "wins"):
            with self.subTest(metric=metric):
                difference, relative = printed[("sla", labels[metric])]
                self.assertEqual(parser.rows[("sla", metric)]["relative"], relative)
                self.assertEqual(parser.rows[("sla", metric)]["difference"], difference)
        # And every other row of the terminal's tables, so the two never drift apart.
        means = cli_means_table(self.cli_stdout)
        for metric, label in KEY_OUTCOMES:
            self.assertEqual(tuple(parser.rows[("sla", metric)][c] for c in ("difference", "relative")),
                             printed[("sla", label)], label)
            self.assertEqual(parser.means[metric], [means[("base", label)], means[("sla", label)]], label)

    def test_report_names_scenario_seed_provenance_and_escapes_the_scenario_text(self):
        with h5py.File(self.results) as f:
            seed, revision = int(f.attrs["seed"]), f.attrs["git_revision"]
        self.assertIn("seed %d" % seed, self.html)
        self.assertIn(revision, self.html)
        self.assertIn("File modified", self.html)
        self.assertIn("name: tiny", self.html)
        self.assertIn("holds no parameter sweep (/design)", self.html)

    def test_same_results_give_byte_identical_charts_and_report(self):
        again = os.path.join(self.work, "again")
        self.assertEqual(run_report(self.results, again).returncode, 0)
        for path in sorted(glob.glob(os.path.join(self.out, "*"))):
            with self.subTest(file=os.path.basename(path)):
                with open(path, "rb") as a, open(os.path.join(again, os.path.basename(path)), "rb") as b:
                    self.assertTrue(a.read() == b.read(), "differs between two runs")

    def test_a_sweep_file_gets_sweep_and_sensitivity_charts_instead_of_what_if_charts(self):
        sweep = os.path.join(self.work, "sweep.h5")
        write_synthetic_sweep(
            sweep, {"followup.sla_floor": [0.0, 0.4, 0.8, 0.0, 0.4, 0.8], "trust.initial_mean": [0.3] * 3 + [0.7] * 3},
            {"bookings_usd": [1e6, 2e6, 3e6, 1.5e6, 2.5e6, 3.5e6], "wins": [40, 80, 120, 60, 100, 140]},
            (["followup.sla_floor", "trust.initial_mean"], ["S1", "S1_ci95_low", "S1_ci95_high", "ST",
                                                            "ST_ci95_low", "ST_ci95_high"],
             {"bookings_usd": [[0.7, 0.6, 0.8, 0.75, 0.65, 0.85], [0.2, 0.1, 0.3, 0.25, 0.15, 0.35]]}))
        out = os.path.join(self.work, "sweep-report")
        done = run_report(sweep, out)
        self.assertEqual(done.returncode, 0, done.stderr)
        for stem in ("sweep_grid_bookings_usd", "sweep_grid_wins", "sensitivity_bookings_usd"):
            check_png(os.path.join(out, stem + ".png"))
        self.assertFalse(os.path.exists(os.path.join(out, "effects.png")))
        with open(done.stdout.strip(), encoding="utf-8") as f:
            page = f.read()
        self.assertIn("A parameter sweep: grid design, 6 points", page)
        self.assertEqual(page.count("<img "), 3)


class ReportRefusesBadFiles(ScratchDirTestCase):
    scratch_prefix = "alignsim-plot-bad-"

    def assert_one_line_error(self, path, expected):
        done = run_report(path, os.path.join(self.out, "out"))
        self.assertEqual(done.returncode, 2, done.stderr)
        self.assertNotIn("Traceback", done.stderr)
        self.assertEqual(len(done.stderr.strip().splitlines()), 1, done.stderr)
        self.assertIn(expected, done.stderr)
        self.assertEqual(done.stdout, "")

    def test_random_bytes_give_a_one_line_error(self):
        path = os.path.join(self.out, "noise.h5")
        with open(path, "wb") as f:
            f.write(random.Random(5).randbytes(4096))
        self.assert_one_line_error(path, "not a readable HDF5 file")

    def test_foreign_hdf5_file_gives_a_one_line_error(self):
        path = os.path.join(self.out, "foreign.h5")
        with h5py.File(path, "w") as f:
            f["temperature"] = np.arange(10.0)
            f.attrs["title"] = "not alignsim"
        self.assert_one_line_error(path, "not an alignsim results file")

    def test_truncated_results_file_gives_a_one_line_error(self):
        results, _ = run_tiny_scenario(self.out, replicates=2)
        with open(results, "rb") as f:
            head = f.read()[:3000]
        with open(results, "wb") as f:
            f.write(head)
        self.assert_one_line_error(results, "report: error: " + results)

    def test_missing_file_gives_a_one_line_error(self):
        self.assert_one_line_error(os.path.join(self.out, "absent.h5"), "no such file")


if __name__ == "__main__":
    unittest.main()
