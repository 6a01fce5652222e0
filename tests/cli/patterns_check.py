#!/usr/bin/python3
"""Recomputes every row of `alignsim patterns check hand.yaml tiny.h5` from the results
file with h5py, numpy and scipy, the formulas of docs/patterns.md written out again:
per-replicate statistic, its mean, the t interval of the mean, the implausibility
I = |sim - obs| / sqrt(var_obs + discrepancy_sd^2 + se^2) with a band read as obs +- 2 sd,
and the growth between the halves of the horizon annualised over 260 business days.
The printed numbers carry 4 significant digits (I: 3 decimals), the tolerance here.
Usage: patterns_check.py RESULTS.h5 TABLE.txt TABLE_CUTOFF_1.txt"""
import re
import sys

import h5py
import numpy as np
from scipy import stats


def cells(line):
    return re.split(r"\s{2,}", line.strip())


def table(path):
    rows = {}
    for line in open(path, encoding="utf-8"):
        row = cells(line)
        if len(row) == 7 and row[0] != "pattern":
            rows[row[0]] = row
    return rows


def growth(run, ends):
    half = len(run) // 2
    first_days = ends[half - 1]
    second_from = ends[len(run) - half - 1]
    second_days = ends[-1] - second_from
    r1 = run[:half].sum() / first_days
    r2 = run[len(run) - half:].sum() / second_days
    gap = (second_from + second_days / 2) - first_days / 2
    return (r2 / r1) ** (260.0 / gap) - 1


def main():
    results, printed, printed_cutoff = sys.argv[1], table(sys.argv[2]), table(sys.argv[3])
    with h5py.File(results, "r") as f:
        variants = [v.decode() if isinstance(v, bytes) else v for v in f["summary/variant"][()]]
        base, sla = variants.index("base"), variants.index("sla")
        summary = lambda m, v: f["summary/" + m][v, :]
        ends = f["timeseries/period"][()].astype(float)
        series = lambda m, v: np.array([growth(run, ends) for run in f["timeseries/" + m][v, :, :]])
        expected = {
            "level_with_band": (summary("inquiry_to_mql", base), 0.22, ((0.44 - 0.11) / 4) ** 2, 0.0),
            "ratio_with_discrepancy": (summary("mqls_worked", sla) / summary("mqls_worked", base), 1.2,
                                       ((1.5 - 1.05) / 4) ** 2, 0.1 ** 2),
            "difference_with_se": (summary("mql_to_worked", sla) - summary("mql_to_worked", base), 0.1, 0.02 ** 2, 0.0),
            "level_per": (summary("bookings_usd", sla) / summary("wins", sla), 25000.0, 2000.0 ** 2, 0.0),
            "level_growth": (series("inquiries", sla), 0.1, 0.05 ** 2, 0.0),
            "growth": (series("bookings_usd", sla) - series("bookings_usd", base), 0.054, ((0.3 - 0.02) / 4) ** 2, 0.0),
        }
    failures = []
    for name, (values, observed, var_obs, var_disc) in expected.items():
        n = len(values)
        mean, se = values.mean(), values.std(ddof=1) / np.sqrt(n)
        half_width = stats.t.ppf(0.975, n - 1) * se
        implausibility = abs(mean - observed) / np.sqrt(var_obs + var_disc + se ** 2)
        row = printed[name]
        shown = [float(x) for x in re.findall(r"[-+]?\d[\d.e+-]*", row[3])]
        for got, want in zip(shown, [mean, mean - half_width, mean + half_width]):
            if not np.isclose(got, want, rtol=6e-4, atol=1e-12):
                failures.append(f"{name}: simulated cell {row[3]!r}, expected {want:.6g}")
        if int(row[4]) != n:
            failures.append(f"{name}: n {row[4]}, expected {n}")
        if abs(float(row[5]) - implausibility) > 6e-4 + 1e-3 * implausibility:
            failures.append(f"{name}: I {row[5]}, expected {implausibility:.4f}")
        if row[6] != ("inside" if implausibility <= 3 else "outside"):
            failures.append(f"{name}: verdict {row[6]} with I {implausibility:.4f}")
        if printed_cutoff[name][6] != ("inside" if implausibility <= 1 else "outside"):
            failures.append(f"{name}: verdict at --cutoff 1 {printed_cutoff[name][6]} with I {implausibility:.4f}")
        print(f"{name}: simulated {mean:.6g} +- {half_width:.3g}, I = {implausibility:.4f}: {row[6]}")
    if failures:
        print("\n".join(failures))
        sys.exit(1)


if __name__ == "__main__":
    main()
