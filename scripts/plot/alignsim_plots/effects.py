"""What-if effects: each what-if's paired difference to the base, with its 95% CI.

Read from /paired_differences, the same numbers `alignsim run` prints. Counts, money and
hours are shown as relative change (%); shares (unit "1") as a change in percentage
points, as the terminal table does, because "-73% of the share ignored" is easy to
misread as "-73 points". Within a panel the what-ifs are sorted by effect, largest on top.
"""
import math
from dataclasses import dataclass

import numpy as np

from . import style
from .results import key_outcomes, ranked



@dataclass(frozen=True)
class Effect:
    variant: str
    estimate: float  # drawn units: percent or percentage points
    low: float
    high: float


@dataclass(frozen=True)
class Panel:
    title: str
    x_label: str
    unit_suffix: str  # "%" or " pts"
    effects: tuple


def panel_for(results, metric):
    """The panel of one summary metric: every what-if (not the base), sorted by effect."""
    table, units = results.paired, results.paired.metrics[metric].units
    if units == "1":
        columns, suffix = ("mean_difference", "ci95_low", "ci95_high"), " pts"
        x_label = "change vs base (percentage points)"
    else:
        columns, suffix = ("relative_difference", "relative_ci95_low", "relative_ci95_high"), "%"
        x_label = "change vs base (%)"
    values = [100 * table.column(metric, c) for c in columns]
    effects = [Effect(v, values[0][i], values[1][i], values[2][i])
               for i, v in enumerate(results.variants) if i > 0]
    return Panel(style.metric_label(table.metrics[metric]), x_label, suffix, tuple(sort_by_effect(effects)))


def sort_by_effect(effects):
    """Largest effect first; unknown (NaN) effects last."""
    return sorted(effects, key=lambda e: (math.isnan(e.estimate), -e.estimate if not math.isnan(e.estimate) else 0))


def _draw_panel(ax, panel, styles):
    n = len(panel.effects)
    ax.axvline(0, color="#888888", linewidth=1)
    finite = [x for e in panel.effects for x in (e.estimate, e.low, e.high) if math.isfinite(x)] + [0.0]
    span = min(max(finite) - min(finite), 1e200) or 1.0
    for row, e in enumerate(panel.effects):
        y = n - 1 - row  # first effect at the top
        colour = styles.get(e.variant, ("#000000", "-"))[0]
        if not math.isfinite(e.estimate):
            ax.text(0, y, "  n/a", va="center", fontsize=9, color="#666666")
            continue
        if math.isfinite(e.low) and math.isfinite(e.high):
            ax.plot([e.low, e.high], [y, y], color=colour, linewidth=2.5, solid_capstyle="butt")
            ax.plot([e.low, e.low, np.nan, e.high, e.high], [y - 0.15, y + 0.15, np.nan, y - 0.15, y + 0.15],
                    color=colour, linewidth=1.5)
        ax.plot([e.estimate], [y], "o", color=colour, markersize=7)
        right = max(x for x in (e.estimate, e.low, e.high) if math.isfinite(x))
        ax.text(right + 0.03 * span, y, "%+.1f%s" % (e.estimate, panel.unit_suffix), va="center", fontsize=9)
    ax.set_yticks(range(n))
    ax.set_yticklabels([e.variant for e in reversed(panel.effects)])
    for label, e in zip(ax.get_yticklabels(), reversed(panel.effects)):
        label.set_color(styles.get(e.variant, ("#000000", "-"))[0])
    ax.set_ylim(-0.6, n - 0.4)
    ax.set_xlim(*style.finite_limits(min(finite) - 0.05 * span, max(finite) + 0.28 * span))
    ax.set_title(panel.title)
    ax.set_xlabel(panel.x_label)
    ax.grid(axis="y", visible=False)


def effects_chart(panels, styles, title, subtitle):
    """Dot-and-whisker panels, two per row (room for long what-if names)."""
    columns = min(len(panels), 2)
    rows = -(-len(panels) // columns)
    height_per_row = 1.0 + 0.4 * max(len(p.effects) for p in panels)
    fig = style.new_figure(12, 1.0 + height_per_row * rows)
    axes = fig.subplots(rows, columns, squeeze=False)
    fig.subplots_adjust(left=0.15, right=0.98, top=1 - 0.95 / fig.get_figheight(),
                        bottom=0.55 / fig.get_figheight(), wspace=0.45, hspace=0.8)
    for ax, panel in zip(axes.flat, panels):
        _draw_panel(ax, panel, styles)
    for ax in axes.flat[len(panels):]:
        ax.set_visible(False)
    style.add_titles(fig, title, subtitle)
    return fig


def effect_metrics(results):
    """The panels the model ranks for this chart (chart_rank), else its key outcomes."""
    metrics = results.paired.metrics
    return ranked(metrics, "chart_rank") or key_outcomes(metrics)


def make_effects_chart(results, out_dir):
    if len(results.variants) < 2:
        return []  # a scenario without what-ifs has no effects to show
    panels = [panel_for(results, m.name) for m in effect_metrics(results)]
    subtitle = results.subtitle() + "; dot: mean paired difference to base, bar: 95% confidence interval"
    fig = effects_chart(panels, style.variant_styles(results.variants), "What-if effects against the base", subtitle)
    caption = ("Effect of each what-if on key outcomes, paired over common random numbers (/paired_differences). "
               "Counts, money and hours as relative change; shares in percentage points.")
    return [style.save_chart(fig, out_dir, "effects", "What-if effects against the base", caption)]
