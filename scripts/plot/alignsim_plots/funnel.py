"""The funnel per variant: the stages the model ranks (funnel_rank; for the sales model
inquiries -> MQLs -> worked -> qualified -> won) and the conversion rate of each step.

Top: how many leads reach each stage (mean per run, log scale because the stages span
two to three orders of magnitude). Bottom: the conversion rate of each step, on a
linear scale, since rates are what alignment moves change.
"""
import numpy as np

from . import style
from .outcome_text import format_value
from .results import ranked


def funnel_metrics(results):
    """(stages, steps): the funnel-ranked counts and shares (unit "1"), in rank order."""
    funnel = ranked(results.statistics.metrics, "funnel_rank")
    return [m for m in funnel if m.units != "1"], [m for m in funnel if m.units == "1"]


def _grouped_bars(ax, values, variant_names, styles, labels, text_of):
    """values [variant, group]: one cluster per group, one bar per variant, each labelled."""
    n_variants, n_groups = values.shape
    width = 0.8 / n_variants
    for v, name in enumerate(variant_names):
        x = np.arange(n_groups) - 0.4 + width * (v + 0.5)
        heights = np.nan_to_num(values[v], nan=0.0)
        ax.bar(x, heights, width=width * 0.92, color=styles[name][0], label=name)
        for xi, value, h in zip(x, values[v], heights):
            ax.text(xi, h, text_of(value), ha="center", va="bottom", fontsize=7.5, rotation=90 if n_variants > 2 else 0)
    ax.set_xticks(np.arange(n_groups))
    ax.set_xticklabels(labels)
    ax.grid(axis="x", visible=False)


def funnel_chart(stage_labels, counts, step_labels, rates, variant_names, styles, title, subtitle):
    """counts [variant, stage] (mean leads per run), rates [variant, step] (ratios 0..1)."""
    counts, rates = np.asarray(counts, dtype=float), np.asarray(rates, dtype=float)
    fig = style.new_figure(11, 9)
    top, bottom = fig.subplots(2, 1, gridspec_kw={"height_ratios": [1.1, 1]})
    fig.subplots_adjust(left=0.09, right=0.82, top=0.87, bottom=0.06, hspace=0.35)

    _grouped_bars(top, counts, variant_names, styles, stage_labels, lambda c: format_value(c, "leads"))
    top.set_yscale("log")
    positive = counts[np.isfinite(counts) & (counts > 0)]
    # Zero counts (no wins in a tiny run) have no log; keep the axis above them.
    top.set_ylim(*style.finite_limits(0.5 if positive.size == 0 else max(0.5, positive.min() / 3),
                                      10 if positive.size == 0 else positive.max() * 8))
    top.set_ylabel("Reaching the stage (mean per run, log scale)")
    top.set_title("Leads at each stage")
    top.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), title="Variant")

    _grouped_bars(bottom, 100 * rates, variant_names, styles, step_labels, lambda r: format_value(r / 100, "1"))
    bottom.set_ylim(*style.finite_limits(0, max(5.0, np.nanmax(100 * rates) * 1.3 if np.isfinite(rates).any() else 5.0)))
    bottom.set_ylabel("Conversion rate (%, mean per run)")
    bottom.set_title("Conversion at each step")
    style.add_titles(fig, title, subtitle)
    return fig


def make_funnel_chart(results, out_dir):
    """One chart, or none when the model ranks fewer than two stages (nothing to convert)."""
    stages, steps = funnel_metrics(results)
    if len(stages) < 2:
        return []
    mean = lambda metric: results.statistics.column(metric.name, "mean")  # noqa: E731
    counts = np.stack([mean(m) for m in stages], axis=1)
    rates = np.stack([mean(m) for m in steps], axis=1) if steps else np.zeros((len(results.variants), 0))
    fig = funnel_chart([m.title for m in stages], counts, [m.title for m in steps], rates,
                       results.variants, style.variant_styles(results.variants),
                       "The funnel per variant", results.subtitle() + "; means over replicates (/statistics)")
    caption = ("Mean number reaching each funnel stage per run (%s), and the conversion rate of each step "
               "(each rate is the mean over runs of that run's rate: %s)." % (
                   "; ".join("%s: %s" % (m.title, m.long_name) for m in stages),
                   "; ".join("%s: %s" % (m.title, m.long_name) for m in steps)))
    return [style.save_chart(fig, out_dir, "funnel", "The funnel per variant", caption)]
