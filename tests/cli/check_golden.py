#!/usr/bin/python3
"""Golden check of a results file: every /summary dataset must equal the checked-in
reference exactly (values printed with repr, so bit-exact), the /timeseries datasets
must hash to the reference digest, and so must the agent tables (/agents), whose sums
over rows must equal the run's summary totals; xarray must open every group with named
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


AGENT_COORDINATES = ("variant", "replicate", "period", "rep", "response_bucket")


def agents_digest(h5):
    digest = hashlib.sha256()
    for table in sorted(h5["agents"]):
        for name in sorted(h5["agents"][table]):
            if name in AGENT_COORDINATES:
                continue
            digest.update((table + "/" + name).encode())
            digest.update(np.ascontiguousarray(h5["agents"][table][name][...], dtype="<f8").tobytes())
    return digest.hexdigest()


def check_agent_sums(h5):
    """Per run, the reps' counts add up to the summary's totals, the marketers' MQLs,
    worked MQLs and spend over all periods too (their budget shares to 1 in each period),
    and the response buckets' MQLs and worked MQLs to the summary's (qualified there also
    counts the reps' own prospecting, so the buckets' qualified is at most the total)."""
    reps, funnel, summary = h5["agents/reps"], h5["agents/funnel_by_response"], h5["summary"]
    for column, total in (("leads_received", "mqls"), ("leads_worked", "mqls_worked"),
                          ("leads_ignored", "mqls_ignored"), ("qualified", "qualified"), ("won", "wins"),
                          ("active_at_end", "reps_end")):
        sums = np.nansum(reps[column][...], axis=2)
        assert np.array_equal(sums, summary[total][...]), (column, sums, summary[total][...])
    assert np.allclose(np.nansum(reps["bookings_usd"][...], axis=2), summary["bookings_usd"][...], rtol=1e-9)
    assert np.array_equal(funnel["leads"][...].sum(axis=2), summary["mqls"][...])
    assert np.array_equal(funnel["worked"][...].sum(axis=2), summary["mqls_worked"][...])
    assert np.all(funnel["qualified"][...].sum(axis=2) <= summary["qualified"][...])
    marketers = h5["agents/marketers"]  # [variant, replicate, marketer, period]
    assert np.array_equal(marketers["mqls"][...].sum(axis=(2, 3)), summary["mqls"][...])
    assert np.array_equal(marketers["worked"][...].sum(axis=(2, 3)), summary["mqls_worked"][...])
    assert np.all(marketers["bookings_usd"][...].sum(axis=(2, 3)) <= summary["bookings_usd"][...] * (1 + 1e-12))
    assert np.allclose(marketers["spend_usd"][...].sum(axis=(2, 3)), summary["marketing_spend_usd"][...], rtol=1e-12)
    assert np.allclose(marketers["budget_share"][...].sum(axis=2), 1.0, rtol=1e-12)


def check_xarray_agents(path):
    reps = xr.open_dataset(path, group="agents/reps", engine="h5netcdf")
    assert reps["leads_worked"].dims == ("variant", "replicate", "rep"), reps["leads_worked"].dims
    assert reps["bookings_usd"].attrs["units"] == "USD", reps["bookings_usd"].attrs
    assert list(reps["rep"].values[:3]) == [0, 1, 2], reps["rep"].values
    funnel = xr.open_dataset(path, group="agents/funnel_by_response", engine="h5netcdf")
    assert funnel["leads"].dims == ("variant", "replicate", "response_bucket"), funnel["leads"].dims
    assert list(funnel["response_bucket"].values) == ["within_1h", "1_to_2h", "2_to_24h", "over_24h", "never"], \
        funnel["response_bucket"].values
    marketers = xr.open_dataset(path, group="agents/marketers", engine="h5netcdf")
    assert marketers["scoring_bar"].dims == ("variant", "replicate", "marketer", "period"), \
        marketers["scoring_bar"].dims
    # Label-based selection works through the named coordinate.
    assert float(funnel["leads"].sel(variant="base", response_bucket="never").sum()) >= 0


def check_xarray(path):
    summary = xr.open_dataset(path, group="summary", engine="h5netcdf")
    assert summary["wins"].dims == ("variant", "replicate"), summary["wins"].dims
    assert list(summary["variant"].values) == ["base", "sla"], summary["variant"].values
    series = xr.open_dataset(path, group="timeseries", engine="h5netcdf")
    assert series["wins"].dims == ("variant", "replicate", "period"), series["wins"].dims
    check_xarray_agents(path)


def main():
    path, reference_path = sys.argv[1], sys.argv[2]
    with h5py.File(path, "r") as h5:
        actual = {"summary": summary_values(h5), "timeseries_sha256": timeseries_digest(h5),
                  "agents_sha256": agents_digest(h5)}
        check_agent_sums(h5)
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
    if expected.get("agents_sha256") != actual["agents_sha256"]:
        print("golden: /agents digest differs")
    return 1


if __name__ == "__main__":
    sys.exit(main())
