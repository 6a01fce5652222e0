"""Loads and checks an alignsim results file (layout: docs/output-format.md).

Two kinds of file: a what-if run (variants; `alignsim run`) and a sweep (design points,
/design; issue 4). Everything the charts need is read once into numpy arrays and the
file is closed, so chart code never touches HDF5 and can be tested on synthetic arrays. Every problem with
the file becomes a ResultsError with a one-line message, never a traceback.
"""
import datetime
import os
from dataclasses import dataclass

import h5py
import numpy as np

SUPPORTED_FORMAT_VERSION = 2

# The series charts read at most this many replicates per variant, evenly spaced, so a
# file within the validator's limits (65,536 replicates x 5,200 periods: 2.7 GB per
# series and variant) is charted in bounded memory (21 MB per series and variant). With
# 500 runs the 5% band of a fan chart sits at the 5 +/- 2 percentile of all runs (two
# standard errors of a sample quantile's rank, sqrt(0.05 x 0.95 / 500)).
MAX_CHARTED_REPLICATES = 500

# How the model presents each metric (docs/output-format.md): the attributes and their
# defaults. The report names no model's metric; it draws what these attributes select.
_PRESENTATION = (("key_outcome_rank", 0), ("headline_rank", 0), ("chart_rank", 0), ("funnel_rank", 0),
                 ("runs_chart_rank", 0))

_ROOT_ATTRIBUTES = ("output_format_version", "alignsim_version", "git_revision", "scenario_name",
                    "scenario_yaml", "seed", "horizon_days", "period_days", "replicates")
_COORDINATES = {"variant", "replicate", "period", "statistic", "point"}
_INCOMPLETE = "not a complete alignsim results file"


class ResultsError(Exception):
    """The file cannot be used; str(error) is one line naming the file and the problem."""


@dataclass(frozen=True)
class Metric:
    """One dataset's values with its `units` and `long_name` attributes; `choices` are a
    categorical design factor's words (attribute `flag_meanings`; values index them).
    `label` and the ranks are the model's presentation of a metric (0: not shown there)."""
    name: str
    values: np.ndarray
    units: str
    long_name: str
    choices: tuple = ()
    label: str = ""
    better: str = "neither"
    key_outcome_rank: int = 0
    headline_rank: int = 0
    chart_rank: int = 0
    funnel_rank: int = 0
    runs_chart_rank: int = 0

    @property
    def title(self):
        """The label as a heading: first letter capitalised ("deals won" -> "Deals won")."""
        text = self.label or self.name.replace("_", " ")
        return text[:1].upper() + text[1:]


def ranked(metrics, rank):
    """The metrics of a {name: Metric} dict whose attribute `rank` is > 0, in rank order."""
    return sorted((m for m in metrics.values() if getattr(m, rank) > 0), key=lambda m: getattr(m, rank))


def key_outcomes(metrics):
    """The rows of the key-outcome tables, as `alignsim run` prints them: the ranked
    metrics, or every metric in file order when the model ranks none."""
    return ranked(metrics, "key_outcome_rank") or list(metrics.values())


@dataclass(frozen=True)
class Table:
    """A /statistics or /paired_differences table: metric -> [variant or point, column]."""
    columns: tuple
    metrics: dict

    def column(self, metric, column):
        """Values of one column for every variant (or design point)."""
        return self.metrics[metric].values[:, self.columns.index(column)]


@dataclass(frozen=True)
class AgentTable:
    """An /agents group whose rows are agents, with the columns its model ranks for charts."""
    name: str          # the group under /agents
    dimension: str     # the row dimension, e.g. "marketer"
    per_period: bool
    columns: tuple     # Metric with values [variant, charted replicate, row(, period)], in rank order


@dataclass(frozen=True)
class Results:
    path: str
    scenario_name: str
    seed: int
    alignsim_version: str
    git_revision: str
    scenario_yaml: str
    output_format_version: int
    horizon_days: int
    period_days: int
    replicates: int
    variants: tuple             # names, variant 0 the base; empty for a sweep
    descriptions: tuple
    overrides_yaml: tuple
    series: dict                # charted metric -> Metric [variant, charted replicate, period]; empty for a sweep
    periods: np.ndarray         # business days elapsed at the end of each period
    period_units: str
    statistics: Table           # [variant or point, statistic]
    paired: Table               # /paired_differences; None for a sweep
    run_errors: np.ndarray      # [variant or point, replicate] str, "" when the run succeeded
    design_kind: str            # sweeps (root attribute `design`): "grid", "morris", ...; "" otherwise
    points: int                 # design points of a sweep; 0 otherwise
    design: dict                # /design factor -> Metric [point], or None
    sensitivity: dict           # /sensitivity datasets (and coordinates) -> Metric, or None
    modified_utc: datetime.datetime  # the file's mtime: HDF5 stores no date by design
    warmup_days: int = 0        # business days simulated before the horizon, not reported (older files: 0)
    agent_tables: tuple = ()    # AgentTable with the charted columns of each /agents group
    ensemble_ranges: Table = None  # /ensemble_ranges of a run over an ensemble; None otherwise
    ensemble_keys: tuple = ()      # what its driver columns index
    replicates_per_member: int = 0

    @property
    def is_sweep(self):
        return self.points > 0

    @property
    def failed_runs(self):
        return int(np.count_nonzero(self.run_errors != ""))

    def subtitle(self):
        """Names the scenario, seed and replicates, so a chart is traceable on its own."""
        return "Scenario '%s', seed %d, %d replicates per %s" % (
            self.scenario_name, self.seed, self.replicates, "design point" if self.is_sweep else "variant")


def _text(value):
    """Attributes written by other tools may be bytes or numpy scalars."""
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if isinstance(value, np.ndarray) and value.size == 1:
        return _text(value.item())
    return str(value)


def _strings(dataset):
    return tuple(_text(v) for v in dataset[...].tolist())


def _require(parent, name, path, problem):
    if name not in parent:
        raise ResultsError("%s: %s (missing %s)" % (path, problem, (parent.name.rstrip("/") + "/" + name)))
    return parent[name]


def _metric(dataset, selection=Ellipsis):
    if h5py.check_string_dtype(dataset.dtype):
        values = dataset.asstr()[selection]
    else:
        values = np.asarray(dataset[selection], dtype=float)
    attrs = dataset.attrs
    ranks = {name: int(attrs[name]) if name in attrs else default for name, default in _PRESENTATION}
    return Metric(dataset.name.rsplit("/", 1)[-1], np.asarray(values), _text(attrs.get("units", "")),
                  _text(attrs.get("long_name", "")), tuple(_text(attrs.get("flag_meanings", "")).split()),
                  label=_text(attrs.get("label", "")), better=_text(attrs.get("better", "neither")), **ranks)


def charted_replicates(replicates):
    """Replicate indices the series charts read: all, or MAX_CHARTED_REPLICATES evenly spaced."""
    if replicates <= MAX_CHARTED_REPLICATES:
        return np.arange(replicates)
    return np.unique(np.linspace(0, replicates - 1, MAX_CHARTED_REPLICATES).round().astype(int))


def _charted_series(timeseries, rows, replicates, periods, path):
    """The series some chart draws (chart_rank or runs_chart_rank > 0), at the charted replicates."""
    picked = charted_replicates(replicates)
    selection = Ellipsis if len(picked) == replicates else (slice(None), picked.tolist(), slice(None))
    series = {}
    for name, dataset in _data_variables(timeseries).items():
        attrs = dataset.attrs
        if int(attrs.get("chart_rank", 0)) <= 0 and int(attrs.get("runs_chart_rank", 0)) <= 0:
            continue
        if dataset.shape != (rows, replicates, periods):
            raise ResultsError("%s: %s has shape %s, expected %s" % (path, name, dataset.shape,
                                                                    (rows, replicates, periods)))
        series[name] = _metric(dataset, selection)
    return series


def _agent_tables(f, rows, replicates, path):
    """The /agents groups whose rows are agents (no row labels) and whose model ranks some
    column for charts, at the charted replicates; () for files without /agents."""
    if "agents" not in f or not isinstance(f["agents"], h5py.Group):
        return ()
    picked = charted_replicates(replicates)
    tables = []
    for name in sorted(f["agents"]):
        group = f["agents"][name]
        if not isinstance(group, h5py.Group):
            continue
        columns = [d for d in _data_variables(group).values() if int(d.attrs.get("chart_rank", 0)) > 0]
        if not columns:
            continue
        row_dimension = _text(columns[0].attrs.get("DIMENSION_LABELS", [""] * 4)[2]) if columns[0].ndim > 2 else ""
        row_coordinate = group.get(row_dimension) if row_dimension else None
        if row_coordinate is not None and h5py.check_string_dtype(row_coordinate.dtype):
            continue  # labelled rows are categories, not agents
        for d in columns:
            if d.ndim not in (3, 4) or d.shape[:2] != (rows, replicates):
                raise ResultsError("%s: /agents/%s/%s has shape %s" % (path, name, d.name.rsplit("/", 1)[-1],
                                                                        d.shape))
        selection = (slice(None), picked.tolist()) if len(picked) < replicates else Ellipsis
        metrics = sorted((_metric(d, selection) for d in columns), key=lambda m: m.chart_rank)
        tables.append(AgentTable(name, row_dimension or "row", columns[0].ndim == 4, tuple(metrics)))
    return tuple(tables)


def _data_variables(group):
    """Datasets of a group that are not coordinates (dimension scales)."""
    return {name: item for name, item in group.items()
            if isinstance(item, h5py.Dataset) and _text(item.attrs.get("CLASS", "")) != "DIMENSION_SCALE"
            and name not in _COORDINATES}


def _check_shape(metric, shape, path):
    if metric.values.shape != shape:
        raise ResultsError("%s: %s has shape %s, expected %s" % (path, metric.name, metric.values.shape, shape))


def _table(f, group_name, rows, path):
    group = _require(f, group_name, path, _INCOMPLETE)
    columns = _strings(_require(group, "statistic", path, _INCOMPLETE))
    metrics = {name: _metric(d) for name, d in _data_variables(group).items()}
    for m in metrics.values():
        _check_shape(m, (rows, len(columns)), path)
    return Table(columns, metrics)


def _group_datasets(f, name):
    """Every dataset of an optional group (coordinates included), or None if absent."""
    if name not in f or not isinstance(f[name], h5py.Group):
        return None
    return {key: _metric(item) for key, item in f[name].items() if isinstance(item, h5py.Dataset)}


def _check_root(f, path):
    missing = [a for a in _ROOT_ATTRIBUTES if a not in f.attrs]
    if "output_format_version" in missing:
        raise ResultsError("%s: not an alignsim results file (no root attribute 'output_format_version')" % path)
    version = int(f.attrs["output_format_version"])
    if version != SUPPORTED_FORMAT_VERSION:
        raise ResultsError("%s: output format version %d is not supported (this report reads version %d)"
                           % (path, version, SUPPORTED_FORMAT_VERSION))
    if missing:
        raise ResultsError("%s: %s (missing root attribute '%s')" % (path, _INCOMPLETE, missing[0]))
    return version


def _read(f, path):
    version = _check_root(f, path)
    replicates = int(f.attrs["replicates"])
    # A sweep (issue 4) has design points instead of variants: no /variants, no
    # /paired_differences, and /design holds every factor's value at every point.
    sweep = "design" in f.attrs or ("design" in f and "variants" not in f)
    timeseries = _require(f, "timeseries", path, _INCOMPLETE)
    periods = _require(timeseries, "period", path, _INCOMPLETE)
    _require(f, "summary", path, _INCOMPLETE)
    runs = _require(f, "runs", path, _INCOMPLETE)
    if sweep:
        design = {n: m for n, m in _group_datasets(f, "design").items() if n not in _COORDINATES} \
            if "design" in f else {}
        if "points" not in f.attrs and not design:
            raise ResultsError("%s: %s (a sweep without the root attribute 'points' or /design factors)"
                               % (path, _INCOMPLETE))
        rows = int(f.attrs["points"]) if "points" in f.attrs else len(next(iter(design.values())).values)
        variants = descriptions = overrides = ()
        agents = ()  # a sweep's agents are not charted, like its series
        series, paired = {}, None  # a sweep's per-point series are not charted (there may be millions)
    else:
        design = None
        variant_group = _require(f, "variants", path, _INCOMPLETE)
        variants = _strings(_require(variant_group, "name", path, _INCOMPLETE))
        descriptions = _strings(_require(variant_group, "description", path, _INCOMPLETE))
        overrides = _strings(_require(variant_group, "overrides_yaml", path, _INCOMPLETE))
        rows = len(variants)
        series = _charted_series(timeseries, rows, replicates, periods.shape[0], path)
        paired = _table(f, "paired_differences", rows, path)
        agents = _agent_tables(f, rows, replicates, path)
    ensemble_ranges = _table(f, "ensemble_ranges", rows, path) if "ensemble_ranges" in f and not sweep else None
    ensemble_attrs = f["ensemble_ranges"].attrs if ensemble_ranges is not None else {}
    return Results(
        path=path, scenario_name=_text(f.attrs["scenario_name"]), seed=int(f.attrs["seed"]),
        alignsim_version=_text(f.attrs["alignsim_version"]), git_revision=_text(f.attrs["git_revision"]),
        scenario_yaml=_text(f.attrs["scenario_yaml"]), output_format_version=version,
        horizon_days=int(f.attrs["horizon_days"]), period_days=int(f.attrs["period_days"]),
        warmup_days=int(f.attrs.get("warmup_days", 0)), agent_tables=agents,
        replicates=replicates, variants=variants, descriptions=descriptions, overrides_yaml=overrides,
        series=series, periods=np.asarray(periods[...], dtype=float),
        period_units=_text(periods.attrs.get("units", "business days")),
        statistics=_table(f, "statistics", rows, path), paired=paired,
        run_errors=np.asarray(_require(runs, "error", path, _INCOMPLETE).asstr()[...]),
        design_kind=_text(f.attrs.get("design", "")) if sweep else "", points=rows if sweep else 0,
        design=design, sensitivity=_group_datasets(f, "sensitivity"),
        ensemble_ranges=ensemble_ranges,
        ensemble_keys=tuple(_text(ensemble_attrs["ensemble_keys"]).split("\n")) if ensemble_ranges is not None else (),
        replicates_per_member=int(_text(ensemble_attrs.get("replicates_per_member", "0")) or 0),
        modified_utc=datetime.datetime.fromtimestamp(os.path.getmtime(path), datetime.timezone.utc))


def load_results(path):
    """Reads the file at `path`; raises ResultsError if it is not a usable alignsim file."""
    path = os.fspath(path)
    if not os.path.exists(path):
        raise ResultsError("%s: no such file" % path)
    if os.path.isdir(path):
        raise ResultsError("%s: is a directory, not a results file" % path)
    try:
        f = h5py.File(path, "r")
    except OSError as error:
        reason = str(error).split("(", 1)[-1].rstrip(")") if "(" in str(error) else str(error)
        raise ResultsError("%s: not a readable HDF5 file (%s)" % (path, reason)) from None
    try:
        with f:
            return _read(f, path)
    except ResultsError:
        raise
    except MemoryError:
        raise ResultsError("%s: too large to read into memory; chart fewer replicates or periods" % path) from None
    except (OSError, KeyError, ValueError, TypeError) as error:
        # A damaged or hand-made file can fail anywhere inside h5py; say so in one line.
        raise ResultsError("%s: cannot read the results (%s)" % (path, " ".join(str(error).split()))) from None
