#!/usr/bin/python3
"""Recovery on synthetic companies (issue 14, "Done means"): each company is the calibrated
baseline at a known parameter vector drawn from the plausible ranges of the 11 factors that
scripts/company-whatif calibrates, its history exported with --export-crm under a seed of
its own (so the calibration's runs share no random numbers with it), ingested, and
history-matched with emulated waves. Then:

1. coverage: for the factors the company patterns identify (those the calibration narrows
   to under 80% of the prior for most companies, decided from the runs, not chosen), the
   ensemble's 90% plausible range (5th to 95th percentile over its members) covers the
   truth at a rate consistent with 90% (at least 90% minus 3 binomial sd);
2. what-ifs: each what-if's bookings effect on the company's ensemble (its range over
   plausible assumptions, widened by the Monte-Carlo half-width of the effect at the truth)
   covers the effect computed at the true parameters, for at least 90% minus 3 sd of the
   companies and what-ifs.

Usage: company_recovery.py ALIGNSIM SOURCE_DIR WORK_DIR [COMPANIES]   (default 20)
"""
import math
import pathlib
import re
import shutil
import subprocess
import sys

import h5py
import numpy as np

alignsim, source, work = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
companies = int(sys.argv[4]) if len(sys.argv) > 4 else 20
shutil.rmtree(work, ignore_errors=True)
work.mkdir(parents=True)

# The factors of scripts/company-whatif, read from the script (one home for the list).
script = (source / "scripts/company-whatif").read_text()
factors = re.search(r"factors=\(([^)]*)\)", script).group(1).split()
assert len(factors) == 11, factors

# Each factor's plausible range and shape, from `alignsim params`.
params = subprocess.run([alignsim, "params"], check=True, capture_output=True, text=True).stdout
ranges = {}
for key in factors:
    block = params[params.index("\n" + key + " = ") + 1:]
    m = re.search(r"plausible: ([-0-9.e]+) to ([-0-9.e]+) \((uniform|log-uniform)\)", block.split("\n\n")[0])
    ranges[key] = (float(m.group(1)), float(m.group(2)), m.group(3))

SMALL = ["population.prospects=6000", "population.reps=8"]
WINDOW = 260


def run(*args):
    subprocess.run([alignsim, *args], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def value_at(key, u):
    low, high, shape = ranges[key]
    return low * (high / low) ** u if shape == "log-uniform" else low + u * (high - low)


def unit_of(key, value):
    low, high, shape = ranges[key]
    return math.log(value / low) / math.log(high / low) if shape == "log-uniform" else (value - low) / (high - low)


def sets(pairs):
    return [a for k, v in pairs for a in ("--set", "%s=%r" % (k, v))]


def bookings_effects(path):
    """Per what-if: (MC mean relative change, its half-width, range p05, p95) of bookings."""
    with h5py.File(path) as f:
        paired = f["paired_differences"]
        cols = [c.decode() if isinstance(c, bytes) else c for c in paired["statistic"][:]]
        p = paired["bookings_usd"][...]
        out = []
        for v in range(1, p.shape[0]):
            mean = p[v, cols.index("relative_difference")]
            half = (p[v, cols.index("relative_ci95_high")] - p[v, cols.index("relative_ci95_low")]) / 2
            if "ensemble_ranges" in f:
                r = f["ensemble_ranges"]
                rc = [c.decode() if isinstance(c, bytes) else c for c in r["statistic"][:]]
                low, high = r["bookings_usd"][v, rc.index("relative_p05")], r["bookings_usd"][v, rc.index("relative_p95")]
            else:
                low = high = math.nan
            out.append((mean, half, low, high))
        return out


rng = np.random.default_rng(20261204)
truth_units = (rng.permuted(np.tile((np.arange(companies) + rng.random(companies)) / companies, (len(factors), 1)),
                            axis=1)).T  # a Latin hypercube of truths over the unit cube
base = work / "base.yaml"
base.write_text("extends: %s\npopulation:\n  prospects: 6000\n" % (source / "scenarios/whatif.yaml"))
kept_shares, covered, whatif_hits = [], [], []
for k in range(companies):
    d = work / ("company-%02d" % k)
    d.mkdir()
    truth = {key: value_at(key, truth_units[k][j]) for j, key in enumerate(factors)}
    truth_sets = sets(sorted(truth.items()))
    run("run", str(source / "scenarios/baseline.yaml"), *sets([(s.split("=")[0], int(s.split("=")[1])) for s in SMALL]),
        *truth_sets, "--set", "run.horizon_days=%d" % WINDOW, "--seed", str(5000 + k), "--replicates", "1",
        "--quiet", "-o", str(d / "history.h5"), "--export-crm", str(d / "crm"))
    run("ingest", str(d / "crm/salesforce"), "--mapping", str(source / "mappings/salesforce.yaml"), "-o", str(d),
        "--base-scenario", str(base), "--window-days", str(WINDOW))
    run("calibrate", str(d / "scenario.yaml"), "--patterns", str(d / "patterns.yaml"), "--emulate", "--points", "200",
        "--waves", "4", "--replicates", "2", *[a for f in factors for a in ("--factor", f)], "-o",
        str(d / "calibration"), "--quiet")
    with h5py.File(d / "calibration/calibration.h5") as f:
        members = f["ensemble/values"][...]
    assert members.shape[0] >= 10, "company %d: only %d plausible vectors" % (k, members.shape[0])
    shares, hits = {}, {}
    for j, key in enumerate(factors):
        units = np.array([unit_of(key, x) for x in members[:, j]])
        shares[key] = (np.quantile(units, 0.95) - np.quantile(units, 0.05)) / 0.9
        low, high = np.quantile(members[:, j], 0.05), np.quantile(members[:, j], 0.95)
        hits[key] = low <= truth[key] <= high
    kept_shares.append(shares)
    covered.append(hits)
    # The what-ifs on the company's ensemble, and at its true parameters.
    run("run", str(d / "scenario.yaml"), "--ensemble", str(d / "calibration/ensemble.yaml"), "--replicates", "40",
        "--quiet", "-o", str(d / "whatif.h5"))
    run("run", str(d / "scenario.yaml"), *truth_sets, "--replicates", "40", "--quiet", "-o", str(d / "truth.h5"))
    for (_, _, low, high), (true_mean, true_half, _, _) in zip(bookings_effects(d / "whatif.h5"),
                                                               bookings_effects(d / "truth.h5")):
        whatif_hits.append(low - true_half <= true_mean <= high + true_half)
    print("company %2d: %3d plausible vectors; truth inside the 90%% range for %d of 11 factors" % (
        k, members.shape[0], sum(hits.values())), flush=True)

identified = [key for key in factors if sum(s[key] < 0.8 for s in kept_shares) > companies / 2]
trials = [c[key] for c in covered for key in identified]
rate = sum(trials) / len(trials) if trials else math.nan
floor = 0.9 - 3 * math.sqrt(0.9 * 0.1 / max(len(trials), 1))
print("identified by the company patterns (narrowed below 80%% of the prior for most companies): %s" % identified)
for key in factors:
    print("  %-40s median share of the prior kept %.2f, truth covered for %d of %d" % (
        key, float(np.median([s[key] for s in kept_shares])), sum(c[key] for c in covered), companies))
print("coverage of the 90%% range for the identified factors: %d of %d = %.3f (floor %.3f)" % (
    sum(trials), len(trials), rate, floor))
whatif_rate = sum(whatif_hits) / len(whatif_hits)
whatif_floor = 0.9 - 3 * math.sqrt(0.09 / len(whatif_hits))
print("what-if bookings effects at the truth inside the ensemble's range: %d of %d = %.3f (floor %.3f)" % (
    sum(whatif_hits), len(whatif_hits), whatif_rate, whatif_floor))
assert len(identified) >= 2, identified
assert rate >= floor, rate
assert whatif_rate >= whatif_floor, whatif_rate
print("OK")
