"""The workshop report: one self-contained HTML file.

Images are embedded as base64 PNG data URIs and the CSS is inline, so the file can be
mailed or opened offline in any browser: no network, no scripts, no external files.
Numbers in the tables are formatted by outcome_text, exactly like `alignsim run`.
Nothing time-dependent is written except the results file's own modification date, so
the same file gives the same report.
"""
import base64
import html
import math
import os
import struct

import numpy as np

from . import outcome_text
from .results import key_outcomes, ranked

CSS = """
body { font-family: "DejaVu Sans", Verdana, Arial, sans-serif; margin: 0; background: #f4f4f1; color: #1a1a1a; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 32px 48px; background: #ffffff; }
h1 { font-size: 1.7em; margin: 0.2em 0; }
h2 { font-size: 1.3em; margin-top: 1.8em; border-bottom: 2px solid #0072B2; padding-bottom: 0.2em; }
p.lead { font-size: 1.1em; color: #333333; }
p.meta, .note, figcaption { color: #555555; font-size: 0.92em; }
p.warning { background: #fff3e0; border-left: 4px solid #D55E00; padding: 8px 12px; }
ul.headline li { margin: 0.45em 0; font-size: 1.05em; }
table { border-collapse: collapse; margin: 0.8em 0; font-size: 0.93em; }
th, td { text-align: left; padding: 4px 12px 4px 0; border-bottom: 1px solid #e4e4e4; vertical-align: top; }
th { border-bottom: 2px solid #999999; }
td.number { font-variant-numeric: tabular-nums; white-space: nowrap; }
#outcomes-table td.number { white-space: normal; min-width: 8em; }  /* many variants: wrap, do not overflow */
div.wide { overflow-x: auto; }
tr.first-of-group td { border-top: 2px solid #cccccc; }
figure { margin: 1.6em 0; }
figure img { max-width: 100%; height: auto; border: 1px solid #e4e4e4; }
pre { background: #f7f7f7; border: 1px solid #e4e4e4; padding: 12px; overflow-x: auto; font-size: 0.85em; }
"""



def png_size(path):
    """(width, height) from the PNG header, for the <img> layout hints."""
    with open(path, "rb") as f:
        head = f.read(24)
    return struct.unpack(">II", head[16:24])


def _e(text):
    return html.escape(str(text), quote=True)


def _paired(results, metric, variant):
    t = results.paired
    return {c: float(t.column(metric, c)[variant]) for c in t.columns}


def _relative_text(results, metric, variant):
    p = _paired(results, metric, variant)
    return outcome_text.relative_change_text(results.paired.metrics[metric].units, p["relative_difference"],
                                             p["relative_ci95_low"], p["relative_ci95_high"])


def _difference_text(results, metric, variant):
    p = _paired(results, metric, variant)
    return outcome_text.interval_text(p["mean_difference"], p["ci95_low"], p["ci95_high"],
                                      results.paired.metrics[metric].units, True)


def _key_outcomes(results):
    """(metric, label) rows of the tables, from the file's presentation attributes."""
    return [(m.name, m.label or m.name) for m in key_outcomes(results.statistics.metrics)]


def _ensemble_cells(results, metric, variant):
    """The range over plausible assumptions and the assumptions it follows most, or None."""
    t = results.ensemble_ranges
    if t is None:
        return None
    unit = t.metrics[metric].units
    relative = unit != "1"
    low, high = (t.column(metric, "relative_p05" if relative else "difference_p05")[variant],
                 t.column(metric, "relative_p95" if relative else "difference_p95")[variant])
    drivers = []
    for k in (1, 2):
        index, strength = t.column(metric, "driver_%d" % k)[variant], t.column(metric, "driver_%d_rho2" % k)[variant]
        if math.isfinite(index):
            drivers.append("%s (rho\u00b2 %.2f)" % (results.ensemble_keys[int(index)], strength))
    return outcome_text.range_text(float(low), float(high), unit, relative), ", ".join(drivers) or "-"


def ensemble_section(results):
    """Each headline effect with both intervals: Monte-Carlo and over plausible assumptions."""
    if results.ensemble_ranges is None or len(results.variants) < 2:
        return ""
    rows = []
    headline = ranked(results.paired.metrics, "headline_rank")
    for v in range(1, len(results.variants)):
        for k, m in enumerate(headline):
            spread, drivers = _ensemble_cells(results, m.name, v)
            change = _relative_text(results, m.name, v) or _difference_text(results, m.name, v)
            rows.append('<tr class="%s"><td>%s</td><td>%s</td><td class="number">%s</td><td class="number">%s</td>'
                        "<td>%s</td></tr>" % ("first-of-group" if k == 0 else "",
                                              _e(results.variants[v]) if k == 0 else "", _e(m.label or m.name),
                                              _e(change), _e(spread), _e(drivers)))
    members = int(np.nanmax(results.ensemble_ranges.column(ranked(results.paired.metrics, "headline_rank")[0].name,
                                                           "members")))
    return ('<h2 id="ensemble">Over plausible assumptions</h2><p>The runs went over %d parameter vectors that '
            "history matching left plausible (each run by about %d paired replicates). Two intervals: the "
            "<b>Monte-Carlo 95%% CI</b> says how precisely these runs know the ensemble's average effect; the "
            "<b>range over plausible assumptions</b> (5th to 95th percentile of the effect across the vectors) "
            "says how much the answer depends on what is not known. The last column names the assumptions the "
            "effect follows most (Spearman rank correlation squared, from 0.1).</p>"
            '<div class="wide"><table id="ensemble-table"><thead><tr><th>What-if</th><th>Metric</th>'
            "<th>Change (Monte-Carlo 95%% CI)</th><th>Over plausible assumptions</th><th>Follows most</th>"
            "</tr></thead><tbody>%s</tbody></table></div>" % (members, results.replicates_per_member, "".join(rows)))


def calibration_section(calibration):
    """What the data behind the ensemble pinned down: prior against plausible range per factor."""
    if calibration is None:
        return ""
    factors, members = calibration
    if not factors:
        return '<h2 id="calibration">What the data pinned down</h2><p class="warning">The calibration left no ' \
               "plausible parameter vector.</p>"
    rows = "".join('<tr><td>%s</td><td class="number">%.3g to %.3g</td><td class="number">%.3g to %.3g</td>'
                   '<td class="number">%.0f%%</td><td>%s</td></tr>' % (
                       _e(f.key), f.prior_low, f.prior_high, f.plausible_low, f.plausible_high,
                       100 * min(f.share_kept, 1.0), _e(f.verdict)) for f in factors)
    return ('<h2 id="calibration">What the data pinned down</h2><p>History matching kept %d plausible parameter '
            "vectors. For each factor: its plausible range before the data (the prior) and after (5th to 95th "
            "percentile over the vectors), and the share of the prior that remains (in the prior's own scale). "
            "Below 50%%: pinned down; 50 to 80%%: narrowed; above: the data could not tell, and the what-if "
            "ranges carry that factor's whole uncertainty.</p>"
            '<div class="wide"><table id="calibration-table"><thead><tr><th>Factor</th><th>Before (prior)</th>'
            "<th>After (plausible)</th><th>Prior kept</th><th>Verdict</th></tr></thead><tbody>%s</tbody></table>"
            "</div>" % (members, rows))


def headline_section(results):
    if len(results.variants) < 2:
        return "<p>This scenario has no what-ifs, only the base; see the outcomes below.</p>"
    items, rows = [], []
    headline = ranked(results.paired.metrics, "headline_rank")  # as the terminal's "at a glance" columns
    for v in range(1, len(results.variants)):
        words = ["%s %s" % (m.label or m.name, _relative_text(results, m.name, v) or _difference_text(results, m.name, v))
                 for m in headline]
        items.append('<li><b>%s</b>: %s<br><span class="note">%s</span></li>' % (
            _e(results.variants[v]), _e("; ".join(words)), _e(results.descriptions[v])))
        for k, (metric, label) in enumerate(_key_outcomes(results)):
            rows.append('<tr class="%s" data-variant="%s" data-metric="%s"><td>%s</td><td>%s</td>'
                        '<td class="number difference">%s</td><td class="number relative">%s</td></tr>' % (
                            "first-of-group" if k == 0 else "", _e(results.variants[v]), _e(metric),
                            _e(results.variants[v]) if k == 0 else "", _e(label),
                            _e(_difference_text(results, metric, v)), _e(_relative_text(results, metric, v))))
    return ("<p>Each what-if against the base, as paired differences over common random numbers (replicate r "
            "of every variant draws the same random numbers), with 95%% confidence intervals in brackets.</p>"
            '<ul class="headline">%s</ul>'
            '<div class="wide"><table id="headline-table"><thead><tr><th>What-if</th><th>Metric</th>'
            "<th>Difference to base (95%% CI)"
            "</th><th>Relative change (95%% CI)</th></tr></thead><tbody>%s</tbody></table></div>"
            '<p class="note">Shares are compared in percentage points (pts), so they have no relative change.</p>'
            % ("".join(items), "".join(rows)))


def outcomes_section(results):
    stats = results.statistics
    header = "".join("<th>%s</th>" % _e(v) for v in results.variants)
    rows = []
    for metric, label in _key_outcomes(results):
        units = stats.metrics[metric].units
        cells = "".join('<td class="number">%s</td>' % _e(outcome_text.interval_text(
            float(stats.column(metric, "mean")[v]), float(stats.column(metric, "ci95_low")[v]),
            float(stats.column(metric, "ci95_high")[v]), units, False)) for v in range(len(results.variants)))
        rows.append('<tr data-metric="%s"><td>%s</td>%s</tr>' % (_e(metric), _e(label), cells))
    return ("<p>Mean over replicates (95%% confidence interval of the mean).</p>"
            '<div class="wide"><table id="outcomes-table"><thead><tr><th>Metric</th>%s</tr></thead>'
            "<tbody>%s</tbody></table></div>"
            % (header, "".join(rows)))


def _figure(chart):
    with open(chart.png, "rb") as f:
        data = base64.b64encode(f.read()).decode("ascii")
    width, height = png_size(chart.png)
    return ('<figure id="chart-%s"><img src="data:image/png;base64,%s" width="%d" height="%d" alt="%s">'
            "<figcaption>%s (Also as %s.svg and %s.png next to this report.)</figcaption></figure>"
            % (_e(chart.stem), data, width, height, _e(chart.title), _e(chart.caption), _e(chart.stem),
               _e(chart.stem)))


def variants_section(results):
    rows = "".join("<tr><td>%s</td><td>%s</td><td><code>%s</code></td></tr>" % (
        _e(n), _e(d), _e(o.strip()).replace("\n", "<br>")) for n, d, o in
        zip(results.variants, results.descriptions, results.overrides_yaml))
    return ("<table><thead><tr><th>Variant</th><th>Description</th><th>Changes to the base</th></tr></thead>"
            "<tbody>%s</tbody></table>" % rows)


def sweep_section(results):
    """What a sweep varied: its factors and their ranges (its points are too many to list)."""
    rows = []
    for f in results.design.values():
        finite = f.values[np.isfinite(f.values)] if f.values.dtype.kind == "f" else f.values
        span = ", ".join(f.choices) if f.choices else (
            "%g to %g" % (finite.min(), finite.max()) if finite.size else "n/a")
        rows.append("<tr><td><code>%s</code></td><td>%s</td><td>%s</td><td>%s</td></tr>" % (
            _e(f.name), _e(span), _e(f.units), _e(f.long_name)))
    return ("<p>A parameter sweep: %s design, %d points, %d replicates per point. It has no base to compare "
            "what-ifs with; the charts show how outcomes respond to the factors.</p>"
            "<table><thead><tr><th>Factor</th><th>Values</th><th>Unit</th><th>Meaning</th></tr></thead>"
            "<tbody>%s</tbody></table>" % (_e(results.design_kind or "an unnamed"), results.points,
                                          results.replicates, "".join(rows)))


def provenance_section(results):
    items = (("Results file", os.path.basename(results.path)),
             ("File modified", results.modified_utc.strftime("%Y-%m-%d %H:%M UTC")
              + " (the HDF5 file stores no date; this is the file system's)"),
             ("alignsim version", results.alignsim_version), ("Git revision", results.git_revision),
             ("Seed", results.seed), ("Replicates per variant", results.replicates),
             ("Horizon", "%d business days, reported every %d" % (results.horizon_days, results.period_days)
              + (", after a %d-day warm-up that is simulated and not reported" % results.warmup_days
                 if results.warmup_days > 0 else "")),
             ("Output format version", results.output_format_version),
             ("Failed runs", "%d of %d" % (results.failed_runs, results.run_errors.size)))
    if results.is_sweep:
        items += (("Design", "%s, %d points" % (results.design_kind or "unnamed", results.points)),)
    rows = "".join('<tr><th scope="row">%s</th><td>%s</td></tr>' % (_e(k), _e(v)) for k, v in items)
    return ('<table id="provenance">%s</table><p class="note">Running the scenario below with this version '
            "reproduces the file bit for bit.</p>" % rows)


def write_report(results, charts, notes, out_path, calibration=None):
    warning = ""
    if results.failed_runs:
        warning = ('<p class="warning">%d of %d runs failed; they are left out of every statistic. '
                   "Their errors are in /runs/error.</p>" % (results.failed_runs, results.run_errors.size))
    note_html = "".join('<p class="note">%s</p>' % _e(n) for n in notes)
    if results.is_sweep:
        body = '<h2 id="sweep">The sweep</h2>\n' + sweep_section(results)
    else:
        body = ('<p class="lead">%s</p>\n<h2 id="headline">Headline: what each what-if changes</h2>\n%s\n'
                '%s\n<h2 id="outcomes">Key outcomes per variant</h2>\n%s\n<h2 id="variants">The variants</h2>\n%s'
                % (_e(results.descriptions[0]), headline_section(results),
                   ensemble_section(results) + calibration_section(calibration),
                   outcomes_section(results), variants_section(results)))
    page = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>alignsim report: %(name)s</title>
<style>%(css)s</style>
</head>
<body>
<main>
<h1>alignsim report: scenario '%(name)s'</h1>
<p class="meta">%(subtitle)s, %(horizon)d business days. alignsim %(version)s (%(revision)s).</p>
%(warning)s
%(body)s
<h2 id="charts">Charts</h2>
%(figures)s
%(notes)s
<h2 id="scenario">The scenario, fully resolved</h2>
<pre id="scenario-yaml">%(yaml)s</pre>
<h2 id="provenance-heading">Provenance</h2>
%(provenance)s
</main>
</body>
</html>
""" % {"name": _e(results.scenario_name), "css": CSS, "body": body,
       "subtitle": _e(results.subtitle()), "horizon": results.horizon_days, "version": _e(results.alignsim_version),
       "revision": _e(results.git_revision), "warning": warning,
       "figures": "\n".join(_figure(c) for c in charts),
       "notes": note_html, "yaml": _e(results.scenario_yaml),
       "provenance": provenance_section(results)}
    with open(out_path, "w", encoding="utf-8") as f:
        f.write(page)
    return out_path
