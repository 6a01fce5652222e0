#!/usr/bin/python3
"""Golden check of a results file: every /summary dataset must equal the checked-in
reference exactly (values printed with repr, so bit-exact), the /timeseries datasets
must hash to the reference digest, and xarray must open the groups with named
dimensions. Usage: check_golden.py RESULTS.h5 REFERENCE.json [--update]"""
import hashlib
import json
import sys

import h5py
import numpy as np
import xarray as xr


def summary_values(h5):
    group = h5["summary"]
    return {name: [repr(float(v)) for v in np.asarray(group[name]).ravel()]
            for name in sorted(group) if name not in ("variant", "replicate")}


def timeseries_digest(h5):
    digest = hashlib.sha256()
    group = h5["timeseries"]
    for name in sorted(group):
        if name in ("variant", "replicate", "period"):
            continue
        digest.update(name.encode())
        digest.update(np.ascontiguousarray(group[name][...], dtype="<f8").tobytes())
    return digest.hexdigest()


def check_xarray(path):
    summary = xr.open_dataset(path, group="summary", engine="h5netcdf")
    assert summary["wins"].dims == ("variant", "replicate"), summary["wins"].dims
    assert list(summary["variant"].values) == ["base", "sla"], summary["variant"].values
    series = xr.open_dataset(path, group="timeseries", engine="h5netcdf")
    assert series["wins"].dims == ("variant", "replicate", "period"), series["wins"].dims


def main():
    path, reference_path = sys.argv[1], sys.argv[2]
    with h5py.File(path, "r") as h5:
        actual = {"summary": summary_values(h5), "timeseries_sha256": timeseries_digest(h5)}
    check_xarray(path)
    if "--update" in sys.argv:
        with open(reference_path, "w") as out:
            json.dump(actual, out, indent=1, sort_keys=True)
            out.write("\n")
        print("updated", reference_path)
        return 0
    with open(reference_path) as f:
        expected = json.load(f)
    if actual == expected:
        print("golden: identical")
        return 0
    for name in sorted(set(expected["summary"]) | set(actual["summary"])):
        if expected["summary"].get(name) != actual["summary"].get(name):
            print(f"golden: /summary/{name} differs: expected {expected['summary'].get(name)} "
                  f"got {actual['summary'].get(name)}")
    if expected["timeseries_sha256"] != actual["timeseries_sha256"]:
        print("golden: /timeseries digest differs")
    return 1


if __name__ == "__main__":
    sys.exit(main())
