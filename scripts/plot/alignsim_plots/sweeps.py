"""Parameter sweeps and sensitivity analysis, drawn only when the file holds them.

Sweeps are issue 4, in progress. This module reads the layout the sweep writer is being
built with (sim/io/results_file.hpp: ResultsLayout::points) and skips, with a note for the
report, whatever it does not recognise:

* A sweep's first axis is `point`, not `variant`. `/design/FACTOR` is float64 [point]:
  the factor's value at each point (attributes `units`, `long_name`; a categorical
  factor stores choice indices and its words in `flag_meanings`). Outcomes are the
  /statistics means and 95% CIs per point. One factor gives response curves, two factors
  on a full grid a heatmap, and points that each move one factor away from point 0 (the
  base: "one at a time") a tornado.
* `/sensitivity/METRIC` is float64 [factor, statistic] with string coordinates
  `factor` (parameter keys) and `statistic`: S1, ST with X_ci95_low/high (Sobol), mu,
  mu_star, sigma, n (Morris) or spearman_rho. Drawn as ranked bars.
"""
import math

import numpy as np

from . import style
from .results import key_outcomes, ranked

# Which column ranks the factors: the total-effect index, Morris' mu*, or |rho|.
RANKING_PREFERENCE = ("ST", "mu_star", "spearman_rho")


# ---- chart functions: plain arrays in, Figure out ------------------------------------

def _tick_words(values, choices):
    """Axis labels for factor values: the choice word for categorical factors."""
    return [choices[int(v)] if choices and 0 <= int(v) < len(choices) else "%g" % v for v in values]


def response_curve_chart(x, mean, low, high, x_label, y_label, units, title, subtitle, choices=()):
    """A metric's mean (with 95% CI band) against one factor's values."""
    order = np.argsort(x, kind="stable")
    x, mean, low, high = (np.asarray(a, dtype=float)[order] for a in (x, mean, low, high))
    fig = style.new_figure(9, 5.5)
    ax = fig.add_axes([0.11, 0.11, 0.85, 0.71])
    ax.fill_between(x, low, high, color=style.WHAT_IF_COLOURS[0], alpha=0.2, linewidth=0, label="95% CI of the mean")
    ax.plot(x, mean, "o-", color=style.WHAT_IF_COLOURS[0], linewidth=2, label="mean over replicates")
    if choices:
        ax.set_xticks(np.unique(x))
        ax.set_xticklabels(_tick_words(np.unique(x), choices))
    ax.set_xlabel(x_label)
    ax.set_ylabel(y_label)
    style.format_axis(ax.yaxis, units)
    style.start_at_zero_if_nonnegative(ax, [mean, low])
    ax.legend(loc="best")
    style.add_titles(fig, title, subtitle)
    return fig


def heatmap_chart(x_values, y_values, grid, x_label, y_label, value_label, units, title, subtitle,
                  x_choices=(), y_choices=()):
    """grid [len(y_values), len(x_values)]: the metric at each factor combination, labelled."""
    grid = np.asarray(grid, dtype=float)
    fig = style.new_figure(9, 6.5)
    ax = fig.add_axes([0.13, 0.11, 0.68, 0.71])
    image = ax.imshow(grid, origin="lower", aspect="auto", cmap="viridis")  # viridis: colour-blind safe
    ax.set_xticks(range(len(x_values)))
    ax.set_xticklabels(_tick_words(x_values, x_choices))
    ax.set_yticks(range(len(y_values)))
    ax.set_yticklabels(_tick_words(y_values, y_choices))
    ax.set_xlabel(x_label)
    ax.set_ylabel(y_label)
    ax.grid(False)
    finite = grid[np.isfinite(grid)]
    middle = (finite.min() + finite.max()) / 2 if finite.size else 0
    for (row, column), value in np.ndenumerate(grid):
        text = "n/a" if not math.isfinite(value) else (
            style.money_text(value) if units.startswith("USD") else "{:,.3g}".format(value))
        ax.text(column, row, text, ha="center", va="center", fontsize=8.5,
                color="black" if math.isfinite(value) and value > middle else "white")
    colourbar_axes = fig.add_axes([0.84, 0.11, 0.03, 0.71])
    colourbar_axes.grid(False)  # our rc turns grids on; a colour bar must not have one
    colourbar = fig.colorbar(image, cax=colourbar_axes)
    colourbar.set_label(value_label)
    style.format_axis(colourbar.ax.yaxis, units)
    style.add_titles(fig, title, subtitle)
    return fig


def tornado_chart(factor_labels, at_low, at_high, base_value, value_label, units, title, subtitle):
    """Bars from the base value to the metric at each factor's lowest and highest value,
    the factor with the widest swing on top."""
    at_low, at_high = np.asarray(at_low, dtype=float), np.asarray(at_high, dtype=float)
    swing = np.nan_to_num(np.abs(at_high - at_low), nan=-1.0)
    order = np.argsort(-swing, kind="stable")
    fig = style.new_figure(9, 2.2 + 0.6 * len(factor_labels))
    ax = fig.add_axes([0.28, 0.75 / fig.get_figheight(), 0.68, 1 - 1.75 / fig.get_figheight()])
    for row, i in enumerate(order):
        y = len(order) - 1 - row
        # Low and high as two half-height bars: when both move the metric the same way,
        # one full-height bar would hide the other.
        for value, offset, colour, label in (
                (at_low[i], 0.17, style.WHAT_IF_COLOURS[0], "factor at its lowest value"),
                (at_high[i], -0.17, style.WHAT_IF_COLOURS[1], "factor at its highest value")):
            if math.isfinite(value):
                ax.barh(y + offset, value - base_value, left=base_value, color=colour, height=0.32,
                        label=label if row == 0 else None)
    ax.axvline(base_value, color="black", linewidth=1, label="base")
    ax.set_yticks(range(len(order)))
    ax.set_yticklabels([factor_labels[i] for i in reversed(order)])
    ax.set_xlabel(value_label)
    ax.grid(axis="y", visible=False)
    style.format_axis(ax.xaxis, units)
    ax.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), ncol=3, fontsize=8.5)
    style.add_titles(fig, title, subtitle)
    return fig


def ranked_indices_chart(factor_labels, indices, intervals, ranking, x_label, title, subtitle):
    """indices: name -> [factor]; intervals: name -> ([low], [high]) where known. Factors
    ranked by |indices[ranking]|, largest on top; one bar per index and factor."""
    names = list(indices)
    key = np.nan_to_num(np.abs(np.asarray(indices[ranking], dtype=float)), nan=-np.inf)
    order = np.argsort(-key, kind="stable")
    fig = style.new_figure(9, 2.2 + 0.45 * len(factor_labels) * max(1, len(names)) ** 0.5)
    ax = fig.add_axes([0.3, 0.75 / fig.get_figheight(), 0.66, 1 - 1.75 / fig.get_figheight()])
    height = 0.8 / len(names)
    for k, name in enumerate(names):
        values = np.asarray(indices[name], dtype=float)[order]
        y = np.arange(len(order))[::-1] + 0.4 - height * (k + 0.5)
        error = None
        if name in intervals:
            low, high = (np.asarray(b, dtype=float)[order] for b in intervals[name])
            error = np.nan_to_num(np.vstack([values - low, high - values]).clip(min=0))
        ax.barh(y, np.nan_to_num(values), height=height * 0.9, color=style.WHAT_IF_COLOURS[k % 7], label=name,
                xerr=error, error_kw={"ecolor": "#333333", "capsize": 2, "linewidth": 1})
    ax.axvline(0, color="#888888", linewidth=1)
    ax.set_yticks(np.arange(len(order))[::-1])
    ax.set_yticklabels([factor_labels[i] for i in order])
    ax.set_xlabel(x_label)
    ax.grid(axis="y", visible=False)
    ax.legend(loc="lower right")
    style.add_titles(fig, title, subtitle)
    return fig


# ---- reading the design ----------------------------------------------------------------

def classify_design(factors, base_index=0):
    """factors: name -> [point] numeric values. Returns "one_factor", "grid" (two factors,
    every combination present), "one_at_a_time" (each point moves at most one factor away
    from the base point), or None when no chart fits (e.g. a Latin hypercube)."""
    if not factors:
        return None
    if len(factors) == 1:
        return "one_factor"
    values = np.column_stack([np.asarray(v, dtype=float) for v in factors.values()])
    if len(factors) == 2:
        distinct = [np.unique(values[:, k]) for k in range(2)]
        cells = {tuple(row) for row in values}
        if len(cells) == len(distinct[0]) * len(distinct[1]) and len(distinct[0]) > 1 and len(distinct[1]) > 1:
            return "grid"
    moved = np.count_nonzero(values != values[base_index], axis=1)
    return "one_at_a_time" if np.all(moved <= 1) and np.any(moved == 1) else None


def _drawn_factor(metric):
    """Ratios (unit "1") in percent, like every other axis; categories stay indices."""
    return metric.values * (1.0 if metric.choices else style.display_scale(metric.units))


def _factor_label(metric):
    return style.axis_label(metric.name, "choice" if metric.choices else metric.units)


def _one_factor_chart(results, f, metric, label, units):
    title = "%s against %s" % (style.metric_label(results.statistics.metrics[metric]), f.name)
    s = results.statistics
    return title, response_curve_chart(_drawn_factor(f), s.column(metric, "mean"), s.column(metric, "ci95_low"),
                                       s.column(metric, "ci95_high"), _factor_label(f), label, units, title,
                                       results.subtitle(), f.choices)


def _grid_chart(results, fx, fy, metric, label, units):
    x, y, mean = _drawn_factor(fx), _drawn_factor(fy), results.statistics.column(metric, "mean")
    xs, ys = np.unique(x), np.unique(y)
    grid = np.array([[np.nanmean(mean[(y == yv) & (x == xv)]) for xv in xs] for yv in ys])
    title = "%s by %s and %s" % (style.metric_label(results.statistics.metrics[metric]), fx.name, fy.name)
    return title, heatmap_chart(xs, ys, grid, _factor_label(fx), _factor_label(fy), label, units, title,
                                results.subtitle(), fx.choices, fy.choices)


def _tornado(results, factors, metric, label, units):
    mean, base = results.statistics.column(metric, "mean"), 0  # point 0 holds every factor's base value
    lows, highs = [], []
    for f in factors:
        points = np.flatnonzero((f.values != f.values[base]) | (np.arange(len(mean)) == base))
        lows.append(mean[points[np.argmin(f.values[points])]])
        highs.append(mean[points[np.argmax(f.values[points])]])
    title = "What moves %s most: one factor at a time" % style.metric_phrase(results.statistics.metrics[metric])
    return title, tornado_chart([f.name for f in factors], lows, highs, mean[base], label, units, title,
                                results.subtitle())


def sweep_metrics(results):
    """What the design charts draw: the model's headline metrics, else its key outcomes."""
    metrics = results.statistics.metrics
    return ranked(metrics, "headline_rank") or key_outcomes(metrics)


def _phrase(results, metric):
    """A sensitivity output's label, from its /statistics dataset when there is one."""
    shown = results.statistics.metrics.get(metric)
    return style.metric_phrase(shown) if shown is not None else metric.replace("_", " ")


def _design_charts(results, out_dir):
    factors = [m for m in results.design.values() if m.values.ndim == 1 and len(m.values) == results.points]
    if not factors:
        return [], ["Sweep charts skipped: /design holds no factor with a value for each of the %d points."
                    % results.points]
    kind = classify_design({f.name: f.values for f in factors})
    if kind is None:
        return [], ["No sweep chart for this %s design of %d factors: its points form neither one factor, a "
                    "two-factor grid nor one-at-a-time steps; the sensitivity indices rank the factors instead."
                    % (results.design_kind or "unnamed", len(factors))]
    charts = []
    for shown in sweep_metrics(results):
        metric, units = shown.name, shown.units
        label = style.axis_label(style.metric_label(shown), units)
        if kind == "one_factor":
            title, fig = _one_factor_chart(results, factors[0], metric, label, units)
        elif kind == "grid":
            title, fig = _grid_chart(results, factors[0], factors[1], metric, label, units)
        else:
            title, fig = _tornado(results, factors, metric, label, units)
        caption = "%s: mean over %d replicates per design point (%s design, /design and /statistics)." % (
            title, results.replicates, results.design_kind or kind)
        charts.append(style.save_chart(fig, out_dir, "sweep_%s_%s" % (kind, metric), title, caption))
    return charts, []


def _sensitivity_axis_label(columns, metric, results):
    if "mu_star" in columns:
        # Morris effects are per step across the factor's whole range: the metric's unit.
        units = results.statistics.metrics[metric].units if metric in results.statistics.metrics else "?"
        return "Morris elementary effect on %s (%s per factor range)" % (
            _phrase(results, metric), style.unit_text(units))
    if "spearman_rho" in columns:
        return "Spearman rank correlation with %s (-1 to 1)" % _phrase(results, metric)
    return "Sobol sensitivity index of %s (share of variance, 0 to 1)" % _phrase(results, metric)


def _sensitivity_charts(results, out_dir):
    s = results.sensitivity
    if "factor" not in s or "statistic" not in s:
        return [], ["Sensitivity charts skipped: /sensitivity lacks the 'factor' and 'statistic' coordinates."]
    factors, columns = [str(v) for v in s["factor"].values], [str(v) for v in s["statistic"].values]
    charts = []
    for metric, data in sorted(s.items()):
        if metric in ("factor", "statistic") or data.values.shape != (len(factors), len(columns)):
            continue
        column = {c: data.values[:, k] for k, c in enumerate(columns)}
        bounds = ("_ci95_low", "_ci95_high")
        # mu (signed) is left out next to mu_star: effects of opposite sign cancel in it.
        indices = {c: v for c, v in column.items() if not c.endswith(bounds) and c != "n"
                   and not (c == "mu" and "mu_star" in column)}
        intervals = {c: (column[c + bounds[0]], column[c + bounds[1]]) for c in indices
                     if c + bounds[0] in column and c + bounds[1] in column}
        ranking = next((c for c in RANKING_PREFERENCE if c in indices), next(iter(indices)))
        title = "Which parameters drive %s" % _phrase(results, metric)
        fig = ranked_indices_chart(factors, indices, intervals, ranking,
                                   _sensitivity_axis_label(columns, metric, results), title,
                                   results.subtitle() + "; ranked by " + ranking)
        caption = "%s: %s per factor from /sensitivity, ranked by %s%s." % (
            title, ", ".join(indices), ranking, "; bars: 95% confidence intervals" if intervals else "")
        charts.append(style.save_chart(fig, out_dir, "sensitivity_" + metric, title, caption))
    if not charts:
        return [], ["Sensitivity charts skipped: no /sensitivity dataset is shaped [factor, statistic]."]
    return charts, []


def make_sweep_charts(results, out_dir):
    """Returns (charts, notes); notes say what was skipped and why, for the report."""
    if not results.is_sweep:
        return [], ["This file compares variants; it holds no parameter sweep (/design) or sensitivity analysis "
                    "(/sensitivity), so there are no sweep charts."]
    charts, notes = _design_charts(results, out_dir)
    if results.sensitivity is None:
        notes.append("No sensitivity analysis in this file (no /sensitivity group).")
    else:
        more_charts, more_notes = _sensitivity_charts(results, out_dir)
        charts, notes = charts + more_charts, notes + more_notes
    return charts, notes
