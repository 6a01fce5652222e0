"""The report formats numbers exactly as `alignsim run` does (experiment/outcome_text.cpp).
Expected strings are copied from the terminal table of scenarios/whatif.yaml."""
import unittest

from plot_test_support import SOURCE_DIR  # noqa: F401  (puts scripts/plot on sys.path)
from alignsim_plots.outcome_text import (format_difference, format_value, interval_text,
                                         percent_change, relative_change_text)


class FormatsLikeTheTerminalTable(unittest.TestCase):
    def test_values(self):
        self.assertEqual(interval_text(7506.7, 7482.1, 7531.6, "leads", False), "7,507 (7,482 to 7,532)")
        self.assertEqual(interval_text(0.7229, 0.7174, 0.7284, "1", False), "72.3% (71.7% to 72.8%)")
        self.assertEqual(interval_text(16.94, 16.6, 17.3, "h", False), "16.9 h (16.6 h to 17.3 h)")
        self.assertEqual(interval_text(0.6, -0.08, 1.28, "deals", False), "0.600 (-0.080 to 1.28)")
        self.assertEqual(interval_text(2.45e6, 2.29e6, 2.61e6, "USD", False), "$2.45M ($2.29M to $2.61M)")
        self.assertEqual(format_value(15_000, "USD"), "$15.0k")
        self.assertEqual(format_value(float("nan"), "USD"), "n/a")
        self.assertEqual(format_value(1_234_567, "leads"), "1,234,567")

    def test_differences(self):
        self.assertEqual(format_difference(-0.0355, "1"), "-3.5 pts")
        self.assertEqual(format_difference(426376.75, "USD"), "+$426.4k")
        self.assertEqual(format_difference(-18.7e3, "USD"), "-$18.7k")
        self.assertEqual(interval_text(1.0, 0.439, 1.561, "deals", True), "+1.00 (+0.439 to +1.56)")
        self.assertEqual(interval_text(5.0, float("nan"), float("nan"), "deals", True), "+5.00")

    def test_relative_change_uses_printf_rounding_and_signs(self):
        self.assertEqual(percent_change(0.17409, 0.10228, 0.24595), "+17.4% (+10.2% to +24.6%)")
        self.assertEqual(percent_change(-0.00002, -0.0001, 0.00001), "-0.0% (-0.0% to +0.0%)")
        self.assertEqual(percent_change(0.5, float("nan"), float("nan")), "+50.0%")
        self.assertEqual(percent_change(float("nan"), 0, 0), "")
        self.assertEqual(relative_change_text("1", 0.1, 0.0, 0.2), "")


if __name__ == "__main__":
    unittest.main()
