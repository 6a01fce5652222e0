"""Individual runs over time: the series the model ranks for this chart, one above the other.

For the sales model these are rep trust and the share of MQLs ignored, its central loop
(docs/model.md, M4 and M8): reps who distrust marketing's leads ignore them, and so never
learn the leads were better than they thought (the hot-stove trap). Sharing the time axis
lets the eye follow the panels together. Thin lines are individual runs (a sample, so the
picture stays legible); thick lines are the median run.
"""
import warnings
from dataclasses import dataclass

import numpy as np

from . import style
from .results import ranked

RUNS_DRAWN_PER_VARIANT = 10


def _median(runs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN periods stay NaN
        return np.nanmedian(runs, axis=0)


def _draw_runs(ax, days, runs_by_variant, styles, scale):
    names = list(runs_by_variant)
    for name in names:
        colour = styles[name][0]
        runs = runs_by_variant[name]
        # Evenly spaced replicates, not the first few: deterministic and unbiased.
        picked = np.unique(np.linspace(0, len(runs) - 1, min(RUNS_DRAWN_PER_VARIANT, len(runs))).astype(int))
        # Pale solid colour and no anti-aliasing instead of transparency: it looks much
        # the same, but crossing lines make far fewer distinct colours, so the PNG stays
        # small (a third of the bytes; docs images must stay under ~150 KB).
        pale = style.blend_with_white(colour, 0.7)
        for r in picked:
            ax.plot(days, scale * runs[r], color=pale, linewidth=0.5, antialiased=False)
    # Medians over the thin lines; the base last and dashed, so a what-if that changes
    # nothing (its line on top of the base's) still shows both.
    for name in names[1:] + names[:1]:
        colour, line = styles[name]
        base = name == names[0] and len(names) > 1
        ax.plot(days, scale * _median(runs_by_variant[name]), color=colour, linestyle="--" if base else line,
                linewidth=1.8 if base else 2.4, label=name, zorder=3 if base else 2)
    handles, labels = ax.get_legend_handles_labels()
    order = [labels.index(n) for n in names]  # legend in scenario order, base first
    return [handles[i] for i in order], [labels[i] for i in order]


@dataclass(frozen=True)
class RunsPanel:
    title: str
    y_label: str
    runs_by_variant: dict  # name -> [replicate, period], in drawn units
    upper_limit: float     # the axis top for a bounded quantity (a share: 100), else nan


def runs_chart(days, panels, styles, title, subtitle, x_label="Time (business days)"):
    """Panels one above the other on a shared time axis; thin lines runs, thick the median."""
    fig = style.new_figure(11, 1.6 + 3.2 * len(panels))
    axes = fig.subplots(len(panels), 1, sharex=True, squeeze=False)[:, 0]
    fig.subplots_adjust(left=0.08, right=0.80, top=1 - 1.05 / fig.get_figheight(),
                        bottom=0.65 / fig.get_figheight(), hspace=0.22 + 0.05 * len(panels))
    for k, (ax, panel) in enumerate(zip(axes, panels)):
        handles, labels = _draw_runs(ax, days, panel.runs_by_variant, styles, 1.0)
        if np.isfinite(panel.upper_limit):
            ax.set_ylim(0, panel.upper_limit)
        ax.set_ylabel(panel.y_label)
        ax.set_title(panel.title)
        if k == 0:
            ax.legend(handles, labels, loc="upper left", bbox_to_anchor=(1.01, 1.0), title="Variant (median run)")
    axes[-1].set_xlabel(x_label)
    axes[-1].set_xlim(0, days[-1] if len(days) else 1)
    fig.text(0.815, 0.40, "Thin lines: %d runs\nper variant.\nThick lines: median." % RUNS_DRAWN_PER_VARIANT,
             fontsize=9, color="#444444", va="top")
    style.add_titles(fig, title, subtitle)
    return fig


def _panel(results, metric):
    scale = style.display_scale(metric.units)
    bounded = metric.units in ("1", "trust")  # shares and 0-1 levels: a fixed axis compares variants
    return RunsPanel(metric.title, style.axis_label(metric.title, metric.units),
                     {v: scale * metric.values[i] for i, v in enumerate(results.variants)},
                     scale if bounded else float("nan"))


def make_runs_chart(results, out_dir):
    """The individual-runs chart of the series the model ranks for it (runs_chart_rank)."""
    metrics = ranked(results.series, "runs_chart_rank")
    if not metrics:
        return []
    title = " and ".join(m.title if k == 0 else style.metric_phrase(m) for k, m in enumerate(metrics))
    fig = runs_chart(results.periods, [_panel(results, m) for m in metrics], style.variant_styles(results.variants),
                     title + " over time", results.subtitle(), "Time (%s)" % results.period_units)
    caption = "%s for a sample of runs and the median run (%s)." % (
        title, "; ".join("%s: %s" % (m.title, m.long_name) for m in metrics))
    return [style.save_chart(fig, out_dir, "runs_" + "_".join(m.name for m in metrics), title + " over time",
                             caption)]
