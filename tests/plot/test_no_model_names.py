"""The report and the command line name no model's metric: what they show comes from the
presentation attributes of the results file (docs/output-format.md), so a new model or a
renamed metric needs no change there (issue 11)."""
import glob
import os
import re
import unittest

from plot_test_support import SOURCE_DIR


def catalog_metric_names():
    """Every metric name of the sales model's catalog: the second field of each row."""
    with open(os.path.join(SOURCE_DIR, "models", "metric_catalog.cpp"), encoding="utf-8") as f:
        return set(re.findall(r'\{(?:Summary|Series)::\w+, "(\w+)"', f.read()))


def quoted_words(path):
    with open(path, encoding="utf-8") as f:
        return set(re.findall(r'"(\w+)"', f.read()))


class NoModelMetricNames(unittest.TestCase):
    def test_the_catalog_is_found(self):
        names = catalog_metric_names()
        self.assertIn("bookings_usd", names)
        self.assertGreater(len(names), 40)

    def test_neither_the_report_nor_the_cli_quotes_a_metric_name(self):
        names = catalog_metric_names()
        sources = (glob.glob(os.path.join(SOURCE_DIR, "scripts", "plot", "**", "*.py"), recursive=True)
                   + glob.glob(os.path.join(SOURCE_DIR, "cli", "*.[ch]pp")))
        self.assertGreater(len(sources), 20)
        for path in sources:
            with self.subTest(file=os.path.relpath(path, SOURCE_DIR)):
                self.assertEqual(sorted(quoted_words(path) & names), [])


if __name__ == "__main__":
    unittest.main()
