"""Sweep and sensitivity charts on synthetic designs (alignsim writes none yet, issue 4)."""
import types
import unittest

import numpy as np

from plot_test_support import ScratchDirTestCase, check_png
from alignsim_plots import style, sweeps
from alignsim_plots.results import Metric, Table


class DesignClassification(unittest.TestCase):
    def test_kinds(self):
        self.assertEqual(sweeps.classify_design({"a": [0, 1, 2]}), "one_factor")
        grid = {"a": [0, 1, 2, 0, 1, 2], "b": [5, 5, 5, 6, 6, 6]}
        self.assertEqual(sweeps.classify_design(grid), "grid")
        one_at_a_time = {"a": [1, 0, 2, 1, 1], "b": [5, 5, 5, 4, 6]}
        self.assertEqual(sweeps.classify_design(one_at_a_time), "one_at_a_time")
        random_design = {"a": [0.1, 0.7, 0.4], "b": [3.0, 1.0, 2.0], "c": [9.0, 8.0, 7.0]}
        self.assertIsNone(sweeps.classify_design(random_design))
        self.assertIsNone(sweeps.classify_design({}))

    def test_incomplete_grid_is_not_a_heatmap(self):
        self.assertNotEqual(sweeps.classify_design({"a": [0, 1, 0], "b": [5, 5, 6]}), "grid")


class SweepChartFunctions(ScratchDirTestCase):
    scratch_prefix = "alignsim-sweep-test-"

    def save(self, fig, stem):
        check_png(style.save_chart(fig, self.out, stem, "t", "c").png)

    def test_response_curve_sorts_by_factor(self):
        x = np.array([0.8, 0.0, 0.4])
        fig = sweeps.response_curve_chart(x, [3.0, 1.0, 2.0], [2.5, 0.5, 1.5], [3.5, 1.5, 2.5],
                                          "SLA floor (%)", "Bookings (USD)", "USD", "T", "S")
        xs, ys = fig.axes[0].lines[0].get_data()
        np.testing.assert_array_equal(xs, [0.0, 0.4, 0.8])
        np.testing.assert_array_equal(ys, [1.0, 2.0, 3.0])
        self.save(fig, "curve")

    def test_heatmap_labels_every_cell_including_missing_ones(self):
        grid = np.array([[1e6, 2e6, np.nan], [3e6, 4e6, 5e6]])
        fig = sweeps.heatmap_chart([0.1, 0.2, 0.3], [5, 6], grid, "a", "b", "Bookings (USD)", "USD", "T", "S")
        texts = [t.get_text() for t in fig.axes[0].texts]
        self.assertEqual(len(texts), 6)
        self.assertIn("n/a", texts)
        self.assertIn("$5M", texts)
        self.save(fig, "heatmap")

    def test_tornado_puts_the_widest_swing_on_top(self):
        fig = sweeps.tornado_chart(["small", "big", "medium"], [9.5, 5.0, 8.0], [10.5, 20.0, 13.0], 10.0,
                                   "Deals won (deals)", "deals", "T", "S")
        labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
        self.assertEqual(labels, ["small", "medium", "big"])  # bottom to top
        self.save(fig, "tornado")

    def test_ranked_indices_rank_by_the_chosen_index_magnitude(self):
        fig = sweeps.ranked_indices_chart(["a", "b", "c"], {"S1": [0.1, 0.6, 0.3], "rho": [0.2, -0.7, 0.4]},
                                          {"S1": ([0.05, 0.5, 0.2], [0.15, 0.7, 0.4])}, "rho", "index", "T", "S")
        labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
        self.assertEqual(labels, ["b", "c", "a"])  # tick order as set: largest |rho| first, drawn on top
        self.save(fig, "ranked")


# Metrics as the file presents them: two headline metrics, drawn in headline order, and
# one the model does not rank, which the sweep charts leave out.
FAKE_METRICS = (("revenue", "USD", 2), ("deals", "deals", 1), ("unranked", "deals", 0))
DRAWN = ("deals", "revenue")


def fake_results(design=None, sensitivity=None, points=4, design_kind="grid"):
    """Just what sweeps.make_sweep_charts reads from a sweep's Results."""
    means = np.column_stack([np.linspace(1, 2, points), np.linspace(0.9, 1.9, points), np.linspace(1.1, 2.1, points)])
    statistics = Table(("mean", "ci95_low", "ci95_high"),
                       {m: Metric(m, means, units, "", label=m + " label", headline_rank=rank)
                        for m, units, rank in FAKE_METRICS})
    return types.SimpleNamespace(is_sweep=design is not None, points=points, design_kind=design_kind, design=design,
                                 sensitivity=sensitivity, statistics=statistics, replicates=3,
                                 subtitle=lambda: "Scenario 'fake', seed 1, 3 replicates per design point")


def factor(name, values, choices=()):
    return Metric(name, np.asarray(values, dtype=float), "1", name.replace("_", " "), choices)


def strings(name, words):
    return Metric(name, np.array(words), "", "")


class MakeSweepCharts(ScratchDirTestCase):
    scratch_prefix = "alignsim-sweep-make-"

    def test_a_what_if_file_gives_one_note_and_no_charts(self):
        charts, notes = sweeps.make_sweep_charts(fake_results(), self.out)
        self.assertEqual(charts, [])
        self.assertEqual(len(notes), 1)
        self.assertIn("no parameter sweep (/design)", notes[0])

    def test_each_design_kind_draws_its_chart(self):
        designs = {
            "one_factor": {"sla_floor": factor("sla_floor", [0, 0.2, 0.4, 0.8])},
            "grid": {"a": factor("a", [0, 1, 0, 1], ("off", "on")), "b": factor("b", [5, 5, 6, 6])},
            "one_at_a_time": {"a": factor("a", [1, 0, 2, 1]), "b": factor("b", [5, 5, 5, 7])},
        }
        for kind, design in designs.items():
            with self.subTest(kind=kind):
                charts, notes = sweeps.make_sweep_charts(fake_results(design=design), self.out)
                self.assertEqual([c.stem for c in charts], ["sweep_%s_%s" % (kind, m) for m in DRAWN])
                self.assertEqual(notes, ["No sensitivity analysis in this file (no /sensitivity group)."])
                for c in charts:
                    check_png(c.png)

    def test_unrecognised_layouts_are_skipped_with_a_reason(self):
        _, notes = sweeps.make_sweep_charts(fake_results(design={"a": factor("a", [0, 1])}), self.out)
        self.assertIn("no factor with a value for each of the 4 points", notes[0])
        latin = {"a": factor("a", [0.1, 0.7, 0.4, 0.2]), "b": factor("b", [3, 1, 2, 4]), "c": factor("c", [9, 8, 7, 6])}
        _, notes = sweeps.make_sweep_charts(fake_results(design=latin, design_kind="latin_hypercube"), self.out)
        self.assertIn("latin_hypercube design of 3 factors", notes[0])
        _, notes = sweeps.make_sweep_charts(fake_results(design=latin, sensitivity={}), self.out)
        self.assertIn("lacks the 'factor' and 'statistic'", notes[1])

    def test_morris_measures_draw_ranked_bars_without_the_signed_mean(self):
        sensitivity = {"factor": strings("factor", ["x", "y"]),
                       "statistic": strings("statistic", ["mu", "mu_star", "sigma", "n"]),
                       "wins": Metric("wins", np.array([[-0.2, 0.2, 0.1, 10], [0.5, 0.5, 0.3, 10]]), "1", "")}
        latin = {"a": factor("a", [0.1, 0.7, 0.4, 0.2]), "b": factor("b", [3, 1, 2, 4]), "c": factor("c", [9, 8, 7, 6])}
        charts, _ = sweeps.make_sweep_charts(fake_results(design=latin, sensitivity=sensitivity), self.out)
        self.assertEqual([c.stem for c in charts], ["sensitivity_wins"])
        self.assertIn("mu_star, sigma per factor", charts[0].caption)
        self.assertIn("ranked by mu_star", charts[0].caption)
        check_png(charts[0].png)


if __name__ == "__main__":
    unittest.main()
