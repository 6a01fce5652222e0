"""End to end: the real alignsim writes a small file, scripts/plot/report draws it."""
import glob
import html.parser
import os
import random
import re
import shutil
import subprocess
import tempfile
import unittest
import xml.etree.ElementTree as ElementTree

import h5py
import numpy as np

from plot_test_support import (EXPECTED_CHARTS, ScratchDirTestCase, alignsim_executable, check_png,
                               cli_what_if_table, run_report, run_tiny_scenario, write_synthetic_sweep)
from alignsim_plots.results import key_outcomes, load_results, ranked


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
        results = load_results(self.results)
        shown = key_outcomes(results.statistics.metrics)
        # The file's key outcomes are the terminal's rows, in the terminal's order, and
        # every cell of the report equals the printed cell, so the two never drift apart.
        self.assertEqual([label for variant, label in printed if variant == "sla"], [m.label for m in shown])
        self.assertEqual([m for v, m in parser.rows if v == "sla"], [m.name for m in shown])
        means = cli_means_table(self.cli_stdout)
        for m in shown:
            self.assertEqual(tuple(parser.rows[("sla", m.name)][c] for c in ("difference", "relative")),
                             printed[("sla", m.label)], m.label)
            self.assertEqual(parser.means[m.name], [means[("base", m.label)], means[("sla", m.label)]], m.label)
        headline = [m.label for m in ranked(results.paired.metrics, "headline_rank")]
        self.assertEqual(len(headline), 4)
        self.assertIn("; ".join(headline[:1]) + " ", self.html)

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


def run_alignsim(work_dir, name, scenario_text, *arguments):
    """Runs the real alignsim on a scenario written to work_dir; returns the results path."""
    scenario, results = os.path.join(work_dir, name + ".yaml"), os.path.join(work_dir, name + ".h5")
    with open(scenario, "w", encoding="utf-8") as f:
        f.write(scenario_text)
    done = subprocess.run([alignsim_executable(), "run", scenario, "-o", results, "--quiet", "--threads", "1",
                           *arguments], capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        raise RuntimeError("alignsim run failed (%d): %s" % (done.returncode, done.stderr))
    return results


class ReportOnAnyRegisteredModel(ScratchDirTestCase):
    """The report reads what to show from the file, so it opens a file of a model that
    has no funnel, no time series worth charting and no presentation ranks."""
    scratch_prefix = "alignsim-plot-models-"

    def report_page(self, results):
        out = os.path.join(self.out, os.path.basename(results) + "-report")
        done = run_report(results, out)
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertEqual(done.stderr, "")
        with open(done.stdout.strip(), encoding="utf-8") as f:
            return out, f.read()

    def test_an_analytic_model_what_if_gets_effects_and_its_own_metric_only(self):
        results = run_alignsim(self.out, "ishigami_whatif",
                               "name: ishigami_whatif\nmodel: ishigami\nnoise: {sd: 0.5}\n"
                               "variants:\n  - name: x1_high\n    description: x1 moved up\n    x: {x1: 2.0}\n",
                               "--replicates", "20")
        out, page = self.report_page(results)
        self.assertEqual(sorted(os.listdir(out)), ["effects.png", "effects.svg", "report.html"])
        parser = ReportTableParser()
        parser.feed(page)
        self.assertEqual(list(parser.means), ["y"])  # the model ranks nothing: every metric, as the terminal
        self.assertEqual(list(parser.rows), [("x1_high", "y")])
        self.assertEqual(page.count("<img "), 1)

    def test_an_analytic_model_sweep_gets_its_sensitivity_chart(self):
        results = run_alignsim(self.out, "ishigami_sweep",
                               "name: ishigami_sweep\nmodel: ishigami\nsweep:\n  design: saltelli\n  samples: 64\n"
                               "  bootstrap: 20\n  factors:\n    - {key: x.x1, low: -3.14, high: 3.14}\n"
                               "    - {key: x.x2, low: -3.14, high: 3.14}\n    - {key: x.x3, low: -3.14, high: 3.14}\n",
                               "--replicates", "1")
        out, page = self.report_page(results)
        check_png(os.path.join(out, "sensitivity_y.png"))
        self.assertIn("Which parameters drive y", page)
        self.assertIn("A parameter sweep: saltelli design", page)

    def test_a_real_sales_sweep_gets_one_chart_per_headline_metric(self):
        with open(os.path.join(os.environ["ALIGNSIM_SOURCE_DIR"], "tests", "golden", "tiny.yaml"),
                  encoding="utf-8") as f:
            tiny = f.read()
        results = run_alignsim(self.out, "tiny_sweep", tiny.split("variants:")[0] + (
            "sweep:\n  design: grid\n  levels: 3\n  factors:\n    - {key: followup.sla_floor, low: 0.0, high: 1.0}\n"),
            "--replicates", "2")
        out, page = self.report_page(results)
        headline = ranked(load_results(results).statistics.metrics, "headline_rank")
        self.assertEqual(len(headline), 4)
        for m in headline:
            check_png(os.path.join(out, "sweep_one_factor_%s.png" % m.name))
        self.assertFalse(os.path.exists(os.path.join(out, "effects.png")))


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
