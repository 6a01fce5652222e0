"""Issue 16, item 14: the report survives what users and damaged files give it. Every
failure is one line on stderr and exit 2, never a traceback; valid input is drawn."""
import contextlib
import io
import os
import shutil
import subprocess
import time
import unittest
from unittest import mock

import h5py
import numpy as np

from plot_test_support import TINY_SCENARIO, ScratchDirTestCase, alignsim_executable, run_report
from alignsim_plots import command, style


def run_scenario(work_dir, text, replicates=3):
    scenario, results = os.path.join(work_dir, "s.yaml"), os.path.join(work_dir, "s.h5")
    with open(scenario, "w", encoding="utf-8") as f:
        f.write(text)
    done = subprocess.run([alignsim_executable(), "run", scenario, "-o", results, "--quiet", "--threads", "1",
                           "--replicates", str(replicates)], capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise RuntimeError("alignsim run failed (%d): %s" % (done.returncode, done.stderr))
    return results


def tiny_text(name, description):
    with open(TINY_SCENARIO, encoding="utf-8") as f:
        lines = f.read().splitlines()
    lines = ['name: "%s"' % name if line.startswith("name:") else line for line in lines]
    lines = ['    description: "%s"' % description if line.startswith("    description:") else line for line in lines]
    return "\n".join(lines) + "\n"


class ReportOfHostileInput(ScratchDirTestCase):
    scratch_prefix = "alignsim-plot-hostile-"

    def assert_drawn_quietly(self, results):
        done = run_report(results, os.path.join(self.out, "report"))
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertEqual(done.stderr, "")
        with open(done.stdout.strip(), encoding="utf-8") as f:
            return f.read()

    def test_dollar_signs_in_names_are_text_not_mathtext(self):
        results = run_scenario(self.out, tiny_text("Budget $1M vs $2M", "Spend $$ up"))
        page = self.assert_drawn_quietly(results)
        self.assertIn("Budget $1M vs $2M", page)
        self.assertIn("Spend $$ up", page)

    def test_a_title_with_dollars_is_drawn_literally(self):
        fig = style.new_figure(6, 3)
        fig.subplots()
        style.add_titles(fig, "Spend $$ up", "Budget $1M vs $2M")
        fig.savefig(os.path.join(self.out, "dollars.png"))  # unescaped, mathtext raises on "$$"
        # Each "$" escaped, so mathtext draws a dollar sign instead of starting math mode.
        self.assertIn(r"Budget \$1M vs \$2M", [t.get_text() for t in fig.texts])

    def test_values_near_the_largest_double_are_drawn(self):
        results = run_scenario(self.out, tiny_text("tiny", "huge values"))
        with h5py.File(results, "r+") as f:
            for group in ("summary", "statistics", "paired_differences", "timeseries"):
                for name, dataset in f[group].items():
                    if name in ("bookings_usd", "wins") and dataset.dtype.kind == "f":
                        dataset[...] = 1e308
        self.assert_drawn_quietly(results)

    def test_a_file_at_the_validator_limits_is_charted_from_a_sample_of_runs(self):
        # 2 variants x 65,536 replicates x 5,200 periods: 5.5 GB per series if read whole.
        source = run_scenario(self.out, tiny_text("tiny", "many runs"))
        big = os.path.join(self.out, "big.h5")
        shutil.copy(source, big)
        replicates, periods = 65536, 5200
        with h5py.File(big, "r+") as g:
            g.attrs["replicates"] = replicates
            timeseries = g["timeseries"]
            presentation = {name: {k: v for k, v in d.attrs.items() if k not in ("DIMENSION_LIST", "DIMENSION_LABELS")}
                            for name, d in timeseries.items() if name != "period"}
            for name in list(timeseries):
                del timeseries[name]
            del g["runs/error"]
            del g["agents"]  # its tables hold the 3 real replicates; this test is about the series
            g.create_dataset("runs/error", data=np.full((2, replicates), "", dtype=object), dtype=h5py.string_dtype())
            timeseries["period"] = np.arange(1, periods + 1) * 5
            for name, attributes in presentation.items():
                # Unwritten chunks read as the fill value: a 5.5 GB dataset in a small file.
                series = timeseries.create_dataset(name, shape=(2, replicates, periods), dtype="f8",
                                                   chunks=(1, 8, periods), fillvalue=0.5)
                for key, value in attributes.items():
                    series.attrs[key] = value
        started = time.monotonic()
        page = self.assert_drawn_quietly(big)
        self.assertLess(time.monotonic() - started, 240)
        self.assertIn("500 evenly spaced of 65536", page)


class ReportFailuresAreOneLine(ScratchDirTestCase):
    scratch_prefix = "alignsim-plot-failure-"

    def test_an_unexpected_failure_while_drawing_is_one_line_and_exit_2(self):
        results = run_scenario(self.out, tiny_text("tiny", "any"))

        def failing_report(*_arguments):
            raise RuntimeError("a chart bug\nwith a second line")

        stderr = io.StringIO()
        with mock.patch.object(command, "make_report", failing_report), contextlib.redirect_stderr(stderr):
            code = command.main([results, "-o", os.path.join(self.out, "report")])
        self.assertEqual(code, command.EXIT_BAD_INPUT)
        self.assertEqual(stderr.getvalue().count("\n"), 1, stderr.getvalue())
        self.assertIn("cannot draw the report (RuntimeError: a chart bug with a second line)", stderr.getvalue())


if __name__ == "__main__":
    unittest.main()
