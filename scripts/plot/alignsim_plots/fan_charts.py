"""Fan charts: how a metric evolves over time, with the spread across replicates.

The line is the median run, the dark band holds the middle 50% of runs and the light
band 90%. Flows (units "X/period", e.g. bookings per week) are drawn cumulatively:
weekly bookings jump between zero and one big deal, while the running total shows
what an executive asks about, "how much by when".
"""
import warnings

import numpy as np

from . import style
from .results import ranked


QUANTILES = (0.05, 0.25, 0.5, 0.75, 0.95)


def fan_quantiles(runs):
    """[replicate, period] -> [5 quantiles, period]; failed runs (NaN) are left out."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # a period where every run is NaN stays NaN
        return np.nanquantile(np.asarray(runs, dtype=float), QUANTILES, axis=0)


def as_drawn(days, values, units):
    """Stored values [..., period] -> (days, drawn values, unit): flows become running
    totals that start from zero at day 0; ratios become percent."""
    if units.endswith("/period"):
        # NaN stays NaN (np.cumsum, not nancumsum): a failed run has no total.
        totals = np.cumsum(values, axis=-1)
        start = np.zeros(totals.shape[:-1] + (1,))
        return np.concatenate([[0.0], days]), np.concatenate([start, totals], axis=-1), units[: -len("/period")]
    return np.asarray(days, dtype=float), values * style.display_scale(units), units


def _draw_fan(ax, days, runs, colour, line, label):
    q = fan_quantiles(runs)
    ax.fill_between(days, q[0], q[4], color=colour, alpha=0.10, linewidth=0)
    ax.fill_between(days, q[1], q[3], color=colour, alpha=0.25, linewidth=0)
    ax.plot(days, q[2], color=colour, linestyle=line, linewidth=2, label=label)


def fan_chart(days, runs_by_variant, styles, title, subtitle, y_label, units, x_label="Time (business days)"):
    """Fans over `days` ([period]); runs_by_variant: name -> [replicate, period], base first.

    One panel per what-if, each against the base: four overlapping fans are unreadable,
    two are not. Panels share the y axis so their heights compare directly.
    """
    names = list(runs_by_variant)
    base, what_ifs = names[0], names[1:] or names[:1]
    columns = 2 if len(what_ifs) == 4 else min(len(what_ifs), 3)  # 2x2 beats 3+1
    rows = -(-len(what_ifs) // columns)
    fig = style.new_figure(11, 1.5 + 3.3 * rows)
    axes = fig.subplots(rows, columns, sharex=True, sharey=True, squeeze=False)
    fig.subplots_adjust(left=0.08, right=0.98, top=1 - 1.0 / fig.get_figheight(),
                        bottom=0.6 / fig.get_figheight(), wspace=0.08, hspace=0.35)
    for ax, name in zip(axes.flat, what_ifs):
        if name != base:
            _draw_fan(ax, days, runs_by_variant[base], "#555555", styles[base][1], base)
        _draw_fan(ax, days, runs_by_variant[name], *styles[name], name)
        ax.set_title(name if name == base else "%s vs %s" % (name, base), color=styles[name][0])
        ax.legend(loc="best", fontsize=8.5)
        style.format_axis(ax.yaxis, units)
    for ax in axes.flat[len(what_ifs):]:
        ax.set_visible(False)
    for ax in axes[:, 0]:
        ax.set_ylabel(y_label)
    for column in range(columns):
        # The lowest panel in each column carries the time axis, even above an empty slot.
        lowest = axes[(len(what_ifs) - 1 - column) // columns, column]
        lowest.xaxis.set_tick_params(labelbottom=True)
        lowest.set_xlabel(x_label)
    axes[0, 0].set_xlim(0, days[-1] if len(days) else 1)
    style.start_at_zero_if_nonnegative(axes[0, 0], runs_by_variant.values())
    style.add_titles(fig, title, subtitle + "; line: median run, bands: middle 50% and 90% of runs")
    return fig


def _runs_text(results, metric):
    """How many runs a series chart drew: all, or the evenly spaced sample read."""
    drawn = metric.values.shape[1]
    return "%d" % drawn if drawn == results.replicates else "%d evenly spaced of %d" % (drawn, results.replicates)


def make_fan_charts(results, out_dir):
    styles = style.variant_styles(results.variants)
    charts = []
    for metric in ranked(results.series, "chart_rank"):
        days, drawn, units = as_drawn(results.periods, metric.values, metric.units)
        title = metric.title + (" to date" if metric.units.endswith("/period") else "")
        runs = {v: drawn[i] for i, v in enumerate(results.variants)}
        y_label = style.axis_label(title, units)
        fig = fan_chart(days, runs, styles, title, results.subtitle(), y_label, units,
                        "Time (%s)" % results.period_units)
        caption = "%s over time: median run per variant with the middle 50%% and 90%% of %s runs (%s)." % (
            title, _runs_text(results, metric), metric.long_name)
        charts.append(style.save_chart(fig, out_dir, "fan_" + metric.name, title, caption))
    return charts
