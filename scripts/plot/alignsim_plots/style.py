"""Palette, labels, units and saving: what every chart shares.

Colours are Okabe & Ito's (2008) colour-blind-safe set. The base scenario is always
black, so the reference reads the same in every chart; what-ifs take the other colours
in scenario order (yellow last: it is faint on white).
"""
import os
from dataclasses import dataclass

import matplotlib
import matplotlib.colors
import numpy as np

matplotlib.use("Agg")  # no display needed; the same pixels on every machine
from matplotlib.figure import Figure  # noqa: E402  (after choosing the backend)
from matplotlib.ticker import FuncFormatter  # noqa: E402

BASE_COLOUR = "#000000"
WHAT_IF_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7", "#56B4E9", "#F0E442")
LINE_STYLES = ("-", "--", ":")  # once colours run out, so eight+ variants stay distinct

matplotlib.rcParams.update({
    "svg.hashsalt": "alignsim",     # SVG ids from a fixed salt, not a random one: same bytes each run
    "svg.fonttype": "path",         # text as paths: the SVG looks the same without our fonts
    "font.family": "DejaVu Sans",   # shipped with matplotlib and fonts-dejavu-core
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#e0e0e0",
    "grid.linewidth": 0.6,
    "legend.frameon": False,
    "figure.facecolor": "white",
    "savefig.facecolor": "white",
})

PNG_DPI = 100  # pixels per inch of the PNGs; `report --dpi` changes it (SVGs are vector)


def set_png_dpi(dpi):
    """For the whole run: 100 suits screens and the report, 200 slides, 70 small docs images."""
    global PNG_DPI
    PNG_DPI = dpi

def metric_label(metric):
    """A results.Metric as a heading, from the model's label in the file ("Deals won")."""
    return metric.title


def metric_phrase(metric):
    """The label as written inside a sentence ("deals won", "MQLs")."""
    return metric.label or metric.name.replace("_", " ")


# Axis limits stay inside the doubles: a margin added to values near 1e308 overflows to
# inf, which matplotlib refuses ("Axis limits cannot be NaN or Inf").
_LARGEST_LIMIT = 1e200


def finite_limits(low, high):
    """(low, high) clipped to +/-1e200, so margins computed from extreme values still draw
    (a log axis places its ticks a stride of decades beyond the limit: 1e300 overflows)."""
    low, high = (float(np.clip(np.nan_to_num(v, nan=0.0), -_LARGEST_LIMIT, _LARGEST_LIMIT)) for v in (low, high))
    if high > low:
        return low, high
    widen = max(1.0, abs(low) * 1e-6)  # all values equal: a window around them
    return max(-_LARGEST_LIMIT, low - widen), min(_LARGEST_LIMIT, high + widen)


def unit_text(units):
    """A unit as an axis shows it. Ratios (unit "1") are drawn as percentages."""
    return {"1": "%", "h": "hours", "trust": "0 to 1", "": "count"}.get(units, units)


def axis_label(label, units):
    return "%s (%s)" % (label, unit_text(units))


def display_scale(units):
    """Factor from stored values to drawn values (ratios become percent)."""
    return 100.0 if units == "1" else 1.0


def money_text(value, _position=None):
    a = abs(value)
    for limit, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if a >= limit:
            return "%s$%g%s" % ("-" if value < 0 else "", round(a / limit, 2), suffix)
    return "%s$%g" % ("-" if value < 0 else "", float("%.3g" % a))


def count_text(value, _position=None):
    return "{:,.0f}".format(value) if value == round(value) else "{:,g}".format(value)


def format_axis(axis, units):
    """Money as $1.2M and counts with thousands separators, so nobody counts zeros."""
    if units.startswith("USD"):
        axis.set_major_formatter(FuncFormatter(money_text))
    elif units not in ("1", "h", "trust"):
        axis.set_major_formatter(FuncFormatter(count_text))


def start_at_zero_if_nonnegative(ax, arrays):
    """Counts, money and shares start at zero, so bar heights and gaps are not exaggerated."""
    finite = [a[np.isfinite(a)] for a in map(np.asarray, arrays)]
    if all(f.size == 0 or f.min() >= 0 for f in finite):
        ax.set_ylim(bottom=0)


def blend_with_white(colour, share_of_white):
    """A paler version of a "#rrggbb" colour."""
    rgb = matplotlib.colors.to_rgb(colour)
    return tuple(c + (1.0 - c) * share_of_white for c in rgb)


def variant_styles(names):
    """name -> (colour, line style); base first and black."""
    styles = {}
    for i, name in enumerate(names):
        if i == 0:
            styles[name] = (BASE_COLOUR, "-")
        else:
            k = i - 1
            styles[name] = (WHAT_IF_COLOURS[k % len(WHAT_IF_COLOURS)],
                            LINE_STYLES[(k // len(WHAT_IF_COLOURS)) % len(LINE_STYLES)])
    return styles


def new_figure(width_in, height_in):
    """A Figure outside pyplot: no global state, freed when it goes out of scope."""
    return Figure(figsize=(width_in, height_in), dpi=100)  # layout in inches; PNG_DPI applies when saving


def plain_text(text):
    """User text (a scenario name) as matplotlib draws it literally: a lone "$" would
    start TeX mathtext ("Budget $1M vs $2M" drawn in italics, "Spend $$ up" a parse error)."""
    return str(text).replace("$", r"\$")


def add_titles(fig, title, subtitle, top=0.985):
    title, subtitle = plain_text(title), plain_text(subtitle)
    fig.suptitle(title, x=0.01, y=top, ha="left", va="top", fontsize=13, fontweight="bold")
    fig.text(0.01, top - 0.045 * 6.0 / fig.get_figheight(), subtitle, ha="left", va="top",
             fontsize=9.5, color="#444444")


@dataclass(frozen=True)
class Chart:
    """A saved chart: file stem in the output directory, and words for the report."""
    stem: str
    title: str
    caption: str
    png: str
    svg: str


def save_chart(fig, out_dir, stem, title, caption):
    """Writes STEM.png and STEM.svg into out_dir, byte-identical for identical input."""
    png = os.path.join(out_dir, stem + ".png")
    svg = os.path.join(out_dir, stem + ".svg")
    # No software version or date in the files: the same results give the same bytes.
    fig.savefig(png, format="png", dpi=PNG_DPI, metadata={"Software": None})
    fig.savefig(svg, format="svg", metadata={"Creator": None, "Date": None})
    return Chart(stem, title, caption, png, svg)
