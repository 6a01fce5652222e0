"""The chart functions on synthetic arrays: shapes, NaNs (failed runs), zeros, labels."""
import os
import unittest
import warnings

import numpy as np

from plot_test_support import ScratchDirTestCase, check_png
from alignsim_plots import effects, fan_charts, funnel, runs_chart, style

NAMES = ("base", "more_trust", "sla", "joint")


def synthetic_runs(seed, replicates=30, periods=20, level=10.0):
    rng = np.random.default_rng(seed)
    return level + rng.normal(0, 1, (replicates, periods)).cumsum(axis=1)


class ChartTestCase(ScratchDirTestCase):
    scratch_prefix = "alignsim-chart-test-"

    def assert_saves_valid_png(self, fig, stem):
        chart = style.save_chart(fig, self.out, stem, "title", "caption")
        width, height = check_png(chart.png)
        self.assertGreater(width * height, 0)
        self.assertGreater(os.path.getsize(chart.svg), 1000)


class FanCharts(ChartTestCase):
    def test_quantiles_ignore_failed_runs_and_stay_nan_where_every_run_failed(self):
        runs = np.array([[1.0, np.nan], [2.0, np.nan], [3.0, np.nan], [np.nan, np.nan]])
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # an all-NaN period must not warn
            q = fan_charts.fan_quantiles(runs)
        self.assertEqual(q.shape, (5, 2))
        self.assertAlmostEqual(q[2, 0], 2.0)
        self.assertTrue(np.isnan(q[:, 1]).all())

    def test_flows_become_running_totals_from_zero_and_ratios_percent(self):
        days, drawn, units = fan_charts.as_drawn(np.array([5.0, 10.0]), np.array([[[1.0, 2.0]]]), "USD/period")
        np.testing.assert_array_equal(days, [0, 5, 10])
        np.testing.assert_array_equal(drawn, [[[0, 1, 3]]])
        self.assertEqual(units, "USD")
        _, drawn, units = fan_charts.as_drawn(np.array([5.0]), np.array([0.25]), "1")
        self.assertEqual((drawn[0], units), (25.0, "1"))

    def test_one_panel_per_what_if_against_the_base(self):
        runs = {n: synthetic_runs(i) for i, n in enumerate(NAMES)}
        runs["sla"][3] = np.nan  # a failed run
        fig = fan_charts.fan_chart(np.arange(5, 105, 5), runs, style.variant_styles(NAMES), "Title", "Sub",
                                   "Bookings (USD)", "USD")
        visible = [ax for ax in fig.axes if ax.get_visible()]
        self.assertEqual([ax.get_title(loc="left") for ax in visible],
                         ["more_trust vs base", "sla vs base", "joint vs base"])
        self.assertEqual(visible[0].get_ylabel(), "Bookings (USD)")
        self.assert_saves_valid_png(fig, "fan")

    def test_a_file_with_only_the_base_still_draws(self):
        fig = fan_charts.fan_chart(np.arange(1, 4), {"base": synthetic_runs(1, 3, 3)},
                                   style.variant_styles(["base"]), "T", "S", "y", "leads")
        self.assertEqual(len([ax for ax in fig.axes if ax.get_visible()]), 1)
        self.assert_saves_valid_png(fig, "fan_base_only")


class EffectsChart(ChartTestCase):
    def test_effects_sort_largest_first_and_unknown_last(self):
        e = [effects.Effect("a", 1.0, 0, 2), effects.Effect("b", float("nan"), 0, 0), effects.Effect("c", 5, 4, 6),
             effects.Effect("d", -3, -4, -2)]
        self.assertEqual([x.variant for x in effects.sort_by_effect(e)], ["c", "a", "d", "b"])

    def test_panels_draw_with_missing_intervals_and_unknown_effects(self):
        panels = [effects.Panel("Bookings", "change vs base (%)", "%", tuple(effects.sort_by_effect([
            effects.Effect("sla", 171.6, 153.5, 189.7), effects.Effect("joint", 5.2, float("nan"), float("nan")),
            effects.Effect("more_trust", float("nan"), float("nan"), float("nan"))])))] * 3
        fig = effects.effects_chart(panels, style.variant_styles(NAMES), "Effects", "Sub")
        ax = fig.axes[0]
        self.assertEqual([t.get_text() for t in ax.get_yticklabels()], ["more_trust", "joint", "sla"])
        self.assertIn("+171.6%", [t.get_text() for t in ax.texts])
        self.assert_saves_valid_png(fig, "effects")


class FunnelChart(ChartTestCase):
    def test_zero_and_missing_counts_do_not_break_the_log_axis(self):
        counts = np.array([[15000, 7500, 2000, 245, 0.0], [15000, 7400, 6000, 700, np.nan]])
        rates = np.array([[0.5, 0.27, 0.12, 0.0, 0.0], [0.5, 0.8, 0.12, 0.38, np.nan]])
        stages, steps = ["Inquiries", "MQLs", "Worked", "Qualified", "Won"], ["a", "b", "c", "d", "e"]
        fig = funnel.funnel_chart(stages, counts, steps, rates,
                                  NAMES[:2], style.variant_styles(NAMES[:2]), "Funnel", "Sub")
        top, bottom = fig.axes
        self.assertEqual(top.get_yscale(), "log")
        self.assertGreater(top.get_ylim()[0], 0)
        self.assertIn("7,500", [t.get_text() for t in top.texts])
        self.assertIn("80.0%", [t.get_text() for t in bottom.texts])
        self.assert_saves_valid_png(fig, "funnel")


class RunsChart(ChartTestCase):
    def test_panels_share_the_time_axis_and_bounded_panels_keep_their_range(self):
        trust_runs = {n: np.clip(synthetic_runs(i, level=0.3) / 30, 0, 1) for i, n in enumerate(NAMES)}
        ignored = {n: np.full((30, 20), 70.0 - 10 * i) for i, n in enumerate(NAMES)}
        panels = [runs_chart.RunsPanel("Trust", "trust (0 to 1)", trust_runs, 1.0),
                  runs_chart.RunsPanel("Ignored", "ignored (%)", ignored, 100.0)]
        fig = runs_chart.runs_chart(np.arange(20.0), panels, style.variant_styles(NAMES), "T", "S")
        upper, lower = fig.axes
        self.assertEqual(upper.get_ylim(), (0.0, 1.0))
        self.assertEqual(lower.get_ylim(), (0.0, 100.0))
        self.assertEqual(upper.get_legend().get_texts()[0].get_text(), "base")
        self.assert_saves_valid_png(fig, "trust")


class Style(unittest.TestCase):
    def test_base_is_black_and_many_variants_stay_distinguishable(self):
        names = ["base"] + ["v%d" % i for i in range(15)]
        styles = style.variant_styles(names)
        self.assertEqual(styles["base"], ("#000000", "-"))
        self.assertEqual(len(set(styles.values())), len(names))

    def test_money_and_unit_words(self):
        self.assertEqual(style.money_text(2_450_000), "$2.45M")
        self.assertEqual(style.money_text(-1500), "-$1.5k")
        self.assertEqual(style.axis_label("Share", "1"), "Share (%)")
        self.assertEqual(style.axis_label("Response", "h"), "Response (hours)")


if __name__ == "__main__":
    unittest.main()
