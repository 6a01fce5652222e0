"""Charts of the agent tables (/agents, docs/output-format.md): the columns each table's
model ranks for charts (chart_rank), read from the file, so no model name is written here.

A table with a period dimension is drawn over time: one thin line per agent (row) and
variant, the median over the charted replicates (for the sales model: each marketer's
scoring bar and reps' trust in its leads, how marketers adapt). A table without one is
drawn as the spread across agents, pooled over replicates, one box per variant (for the
sales model the per-rep view: each rep's median response time, leads worked, trust).
Tables with labelled rows (fixed categories, not agents) are left to other charts.
"""
import warnings

import numpy as np

from . import style


def _median_over_replicates(values):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # rows a run lacks are NaN
        return np.nanmedian(values, axis=1)


def over_time_chart(table, days, variants, styles, title, subtitle):
    fig = style.new_figure(11, 3.2 * len(table.columns) + 1.2)
    axes = np.atleast_1d(fig.subplots(len(table.columns), 1, sharex=True))
    fig.subplots_adjust(left=0.09, right=0.80, top=1 - 1.0 / (3.2 * len(table.columns) + 1.2), bottom=0.08,
                        hspace=0.3)
    for ax, column in zip(axes, table.columns):
        medians = _median_over_replicates(column.values)  # [variant, row, period]
        scale = style.display_scale(column.units)
        for v, name in enumerate(variants):
            colour, line = styles[name]
            for row in range(medians.shape[1]):
                ax.plot(days, scale * medians[v, row], color=colour, linestyle=line, linewidth=1.2,
                        label=name if row == 0 else None)
        ax.set_title("%s, each %s (median over runs)" % (column.title, table.dimension))
        ax.set_ylabel(style.axis_label(column.title, column.units))
        style.format_axis(ax.yaxis, column.units)
    axes[-1].set_xlabel("Time (business days)")
    axes[0].legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), title="Variant")
    style.add_titles(fig, title, subtitle)
    return fig


def spread_chart(table, variants, styles, title, subtitle):
    fig = style.new_figure(11, 3.0 * len(table.columns) + 1.2)
    axes = np.atleast_1d(fig.subplots(len(table.columns), 1))
    fig.subplots_adjust(left=0.17, right=0.95, top=1 - 1.0 / (3.0 * len(table.columns) + 1.2), bottom=0.08,
                        hspace=0.45)
    for ax, column in zip(axes, table.columns):
        scale = style.display_scale(column.units)
        pooled = []
        for v in range(len(variants)):
            values = scale * column.values[v].ravel()
            pooled.append(values[np.isfinite(values)])
        drawn = [values if values.size else np.array([np.nan]) for values in pooled]
        boxes = ax.boxplot(drawn, vert=False, labels=list(variants), patch_artist=True, showfliers=False)
        for patch, name in zip(boxes["boxes"], variants):
            patch.set_facecolor(style.blend_with_white(styles[name][0], 0.5))
        ax.invert_yaxis()  # the base on top, as in the tables
        ax.set_title("%s per %s (every %s of every run)" % (column.title, table.dimension, table.dimension))
        ax.set_xlabel(style.axis_label(column.title, column.units))
        style.format_axis(ax.xaxis, column.units)
    style.add_titles(fig, title, subtitle)
    return fig


def make_agent_charts(results, out_dir):
    """One chart per agent table with ranked columns; none for files without /agents."""
    charts = []
    styles = style.variant_styles(results.variants)
    for table in results.agent_tables:
        stem = "agents_" + table.name
        if table.per_period:
            title = "%s over time" % table.name.replace("_", " ").capitalize()
            fig = over_time_chart(table, results.periods, results.variants, styles, title, results.subtitle())
            caption = ("Each %s's %s at the end of each reporting period, the median over runs, one line per %s "
                       "and variant (/agents/%s)." % (table.dimension, "; ".join(
                           "%s: %s" % (c.title, c.long_name) for c in table.columns), table.dimension, table.name))
        else:
            title = "%s: the spread across %ss" % (table.name.replace("_", " ").capitalize(), table.dimension)
            fig = spread_chart(table, results.variants, styles, title, results.subtitle())
            caption = ("The distribution over every %s of every run, per variant (box: quartiles; whiskers: 1.5 "
                       "interquartile ranges; /agents/%s): %s." % (table.dimension, table.name, "; ".join(
                           "%s: %s" % (c.title, c.long_name) for c in table.columns)))
        charts.append(style.save_chart(fig, out_dir, stem, title, caption))
    return charts
