#!/usr/bin/python3
"""Checks that a results file written by alignsim opens in xarray (h5netcdf engine, and
netCDF-C through the netcdf4 engine when installed) with the documented dims,
coordinates, attributes and values, and that writing it twice gives identical bytes.

Usage: check_results_xarray.py WRITE_EXAMPLE_RESULTS_EXECUTABLE OUTPUT_DIRECTORY

The expected numbers repeat the formulas in write_example_results.cpp.
"""
import filecmp
import math
import os
import subprocess
import sys
import time
import warnings

import h5py
import numpy as np
import xarray as xr

VARIANTS = ["base", "faster_follow_up"]
REPLICATES = 3
PERIOD_ENDS = [5, 10, 15, 18]  # 5-day periods, the last cut short by the 18-day horizon
SUMMARY = ["leads_converted", "revenue", "median_response_hours"]
SERIES = ["open_leads", "pipeline_value"]
COLUMNS = ["mean", "sd", "ci95_low", "ci95_high", "n"]
FAILED = (1, 2)
FAILED_ERROR = "numerical guard: negative backlog on day 7"


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def expect(condition, message):
    if not condition:
        fail(message)


def expect_equal(actual, expected, what):
    expect(actual == expected, "%s: expected %r, got %r" % (what, expected, actual))


def run_writer(executable, path, *flags):
    return subprocess.run([executable, path, *flags], capture_output=True, text=True, check=False)


def write_fresh(executable, path):
    if os.path.exists(path):
        os.remove(path)
    result = run_writer(executable, path)
    expect(result.returncode == 0, "writer failed: " + result.stderr)


def check_bytes_and_refusal(executable, directory):
    first, second = os.path.join(directory, "first.h5"), os.path.join(directory, "second.h5")
    write_fresh(executable, first)
    time.sleep(1.1)  # a stored timestamp would now differ
    write_fresh(executable, second)
    expect(filecmp.cmp(first, second, shallow=False), "two writes of the same content differ in bytes")

    before = open(first, "rb").read()
    refused = run_writer(executable, first)
    expect(refused.returncode == 1, "rewriting an existing file without --overwrite should fail")
    expect("already exists" in refused.stderr, "unclear refusal message: " + refused.stderr)
    expect(open(first, "rb").read() == before, "a refused write changed the existing file")

    replaced = run_writer(executable, first, "--overwrite")
    expect(replaced.returncode == 0, "--overwrite failed: " + replaced.stderr)
    expect(filecmp.cmp(first, second, shallow=False), "an overwritten file differs from a fresh one")

    leftovers = [name for name in os.listdir(directory) if ".tmp-" in name]
    expect(leftovers == [], "temporary files left behind: %r" % leftovers)
    return first


def summary_value(v, r, m):
    return math.nan if (v, r) == FAILED else 100 * v + 10 * r + m + 0.5


def series_value(v, r, m, p):
    return math.nan if (v, r) == FAILED else 1000 * v + 100 * r + 10 * m + p + 0.25


def check_coordinate(dataset, name, expected):
    expect(name in dataset.coords, "missing coordinate %s" % name)
    expect_equal(list(dataset[name].values), expected, "coordinate " + name)


def check_root(path, engine):
    attrs = xr.open_dataset(path, engine=engine).attrs
    expect_equal(int(attrs["seed"]), 42, "seed")
    expect_equal(int(attrs["horizon_days"]), 18, "horizon_days")
    expect_equal(int(attrs["period_days"]), 5, "period_days")
    expect_equal(int(attrs["replicates"]), REPLICATES, "replicates")
    expect_equal(int(attrs["output_format_version"]), 2, "output_format_version")
    expect_equal(attrs["scenario_name"], "example", "scenario_name")
    expect_equal(attrs["alignsim_version"], "0.1.0-example", "alignsim_version")
    expect_equal(attrs["git_revision"], "0" * 40, "git_revision")
    expect(attrs["scenario_yaml"].startswith("name: example\n"), "scenario_yaml: %r" % attrs["scenario_yaml"])


def check_summary(path, engine):
    # decode_timedelta=False: xarray (CF) would turn a metric whose units are "hours" or
    # "days" into timedelta64; docs/output-format.md explains. Checked separately below.
    with xr.open_dataset(path, group="summary", engine=engine, decode_timedelta=False) as ds:
        expect_equal(dict(ds.sizes), {"variant": 2, "replicate": REPLICATES}, "summary dims")
        check_coordinate(ds, "variant", VARIANTS)
        check_coordinate(ds, "replicate", list(range(REPLICATES)))
        expect_equal(ds["replicate"].dtype, np.dtype("int64"), "replicate dtype")
        for m, name in enumerate(SUMMARY):
            expect_equal(ds[name].dims, ("variant", "replicate"), name + " dims")
            expected = [[summary_value(v, r, m) for r in range(REPLICATES)] for v in range(2)]
            np.testing.assert_array_equal(ds[name].values, np.array(expected), err_msg=name)
        expect_equal(ds["revenue"].attrs["units"], "USD", "revenue units")
        expect_equal(ds["revenue"].attrs["long_name"], "revenue booked over the horizon", "revenue long_name")
        picked = ds["leads_converted"].sel(variant="faster_follow_up", replicate=1)
        expect_equal(float(picked), 110.5, "selection by coordinate label")
    with warnings.catch_warnings(), xr.open_dataset(path, group="summary", engine=engine) as ds:
        warnings.simplefilter("ignore", RuntimeWarning)  # pandas warns when NaN becomes NaT
        hours = ds["median_response_hours"]
        expect_equal(hours.dtype, np.dtype("timedelta64[ns]"), "default decoding of units 'hours'")
        expect_equal(hours.values[0, 0], np.timedelta64(150, "m"), "2.5 hours as a timedelta")


def check_timeseries(path, engine):
    with xr.open_dataset(path, group="timeseries", engine=engine) as ds:
        expect_equal(dict(ds.sizes), {"variant": 2, "replicate": REPLICATES, "period": 4}, "timeseries dims")
        check_coordinate(ds, "variant", VARIANTS)
        check_coordinate(ds, "period", PERIOD_ENDS)
        expect_equal(ds["period"].attrs["units"], "business days", "period units")
        for m, name in enumerate(SERIES):
            expect_equal(ds[name].dims, ("variant", "replicate", "period"), name + " dims")
            expected = [[[series_value(v, r, m, p) for p in range(4)] for r in range(REPLICATES)] for v in range(2)]
            np.testing.assert_array_equal(ds[name].values, np.array(expected), err_msg=name)
        expect_equal(ds["pipeline_value"].attrs["units"], "USD", "pipeline_value units")


def check_runs_and_variants(path, engine):
    with xr.open_dataset(path, group="runs", engine=engine) as ds:
        expect_equal(ds["error"].dims, ("variant", "replicate"), "error dims")
        expected = [["" if (v, r) != FAILED else FAILED_ERROR for r in range(REPLICATES)] for v in range(2)]
        expect_equal(ds["error"].values.tolist(), expected, "run errors")
    with xr.open_dataset(path, group="variants", engine=engine) as ds:
        check_coordinate(ds, "variant", VARIANTS)
        expect_equal(list(ds["name"].values), VARIANTS, "variant names")
        expect_equal(list(ds["overrides_yaml"].values), ["{}", "follow_up:\n  delay_days: 1\n"], "overrides")
        expect_equal(ds["description"].values[1], "follow up on new leads within one day", "description")


def check_table(path, engine, group, sign):
    with xr.open_dataset(path, group=group, engine=engine, decode_timedelta=False) as ds:
        expect_equal(dict(ds.sizes), {"variant": 2, "statistic": len(COLUMNS)}, group + " dims")
        check_coordinate(ds, "variant", VARIANTS)
        check_coordinate(ds, "statistic", COLUMNS)
        for m, name in enumerate(SUMMARY):
            expect_equal(ds[name].dims, ("variant", "statistic"), name + " dims")
            expected = [[sign * (100 * m + 10 * v + c) for c in range(len(COLUMNS))] for v in range(2)]
            np.testing.assert_array_equal(ds[name].values, np.array(expected, dtype=float), err_msg=name)
        expect_equal(float(ds["revenue"].sel(variant="base", statistic="sd")), sign * 101.0, group + " selection")


def check_storage(path):
    """Chunking and compression as documented, read straight from HDF5."""
    with h5py.File(path, "r") as f:
        series = f["timeseries/open_leads"]
        expect_equal(series.chunks, (1, REPLICATES, 4), "series chunks")
        expect_equal((series.compression, series.compression_opts, series.shuffle), ("gzip", 4, True),
                     "series filters")
        expect_equal(f["summary/revenue"].chunks, (1, REPLICATES), "summary chunks")
        expect_equal(f["summary/revenue"].dtype, np.dtype("<f8"), "summary dtype")
        expect_equal(f.attrs["seed"].dtype, np.dtype("<u8"), "seed dtype")
        expect_equal([d.label for d in series.dims], ["variant", "replicate", "period"], "dimension labels")


def check_engine(path, engine):
    check_root(path, engine)
    check_summary(path, engine)
    check_timeseries(path, engine)
    check_runs_and_variants(path, engine)
    check_table(path, engine, "statistics", 1.0)
    check_table(path, engine, "paired_differences", -1.0)


def main():
    if len(sys.argv) != 3:
        fail("usage: check_results_xarray.py WRITE_EXAMPLE_RESULTS OUTPUT_DIRECTORY")
    executable, directory = sys.argv[1], sys.argv[2]
    os.makedirs(directory, exist_ok=True)
    path = check_bytes_and_refusal(executable, directory)
    check_storage(path)
    check_engine(path, "h5netcdf")
    try:
        import netCDF4  # noqa: F401  (netCDF-C is the strictest reader; optional here)
    except ImportError:
        print("netCDF4 not installed; checked the h5netcdf engine only")
    else:
        check_engine(path, "netcdf4")
    print("OK: %s opens in xarray with the documented layout" % path)


if __name__ == "__main__":
    main()
