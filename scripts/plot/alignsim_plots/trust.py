"""Rep trust and the share of MQLs ignored over time, one above the other.

The model's central loop (docs/model.md, M4 and M8): reps who distrust marketing's
leads ignore them, and so never learn the leads were better than they thought (the
hot-stove trap). Sharing the time axis lets the eye follow trust and neglect together.
Thin lines are individual runs (a sample, so the picture stays legible); thick lines are
the median run.
"""
import warnings

import numpy as np

from . import style

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


def trust_chart(days, trust_by_variant, ignored_by_variant, styles, title, subtitle,
                trust_label="Mean rep trust (0 to 1)", ignored_label="Share of MQLs ignored (%)",
                x_label="Time (business days)"):
    """trust_by_variant, ignored_by_variant: name -> [replicate, period]; ignored as ratios 0..1."""
    fig = style.new_figure(11, 8)
    upper, lower = fig.subplots(2, 1, sharex=True)
    fig.subplots_adjust(left=0.08, right=0.80, top=0.87, bottom=0.08, hspace=0.22)
    handles, labels = _draw_runs(upper, days, trust_by_variant, styles, 1.0)
    upper.set_ylim(0, 1)
    upper.set_ylabel(trust_label)
    upper.set_title("Rep trust in marketing leads")
    upper.legend(handles, labels, loc="upper left", bbox_to_anchor=(1.01, 1.0), title="Variant (median run)")
    _draw_runs(lower, days, ignored_by_variant, styles, 100.0)
    lower.set_ylim(0, 100)
    lower.set_ylabel(ignored_label)
    lower.set_title("Share of the period's MQLs that no rep worked")
    lower.set_xlabel(x_label)
    lower.set_xlim(0, days[-1] if len(days) else 1)
    fig.text(0.815, 0.40, "Thin lines: %d runs\nper variant.\nThick lines: median." % RUNS_DRAWN_PER_VARIANT,
             fontsize=9, color="#444444", va="top")
    style.add_titles(fig, title, subtitle)
    return fig


def make_trust_chart(results, out_dir):
    trust, ignored = results.series["mean_rep_trust"], results.series["share_mqls_ignored"]
    by_variant = lambda m: {v: m.values[i] for i, v in enumerate(results.variants)}  # noqa: E731
    fig = trust_chart(results.periods, by_variant(trust), by_variant(ignored), style.variant_styles(results.variants),
                      "Trust and the leads nobody works", results.subtitle(),
                      style.axis_label("Mean rep trust", trust.units),
                      style.axis_label("Share of MQLs ignored", ignored.units),
                      "Time (%s)" % results.period_units)
    caption = ("Mean rep trust in marketing leads (%s) and the share of each period's MQLs ignored (%s), "
               "for a sample of runs and the median run." % (trust.long_name, ignored.long_name))
    return [style.save_chart(fig, out_dir, "trust_and_ignored", "Trust and the leads nobody works", caption)]
