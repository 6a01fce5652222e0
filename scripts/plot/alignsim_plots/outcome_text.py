"""Numbers as text, exactly as `alignsim run` prints them (experiment/outcome_text.cpp).

The report's headline table must show the same digits as the terminal table, so this
is a line-by-line port of the formats; which metrics the tables show comes from the
results file (results.key_outcomes). Python's %-formatting rounds the exact binary value like C's
printf does, so "%+.1f" gives the same digits (including "-0.0") in both.
"""
import math

def _with_separators(value, decimals):
    digits = "%.*f" % (decimals, abs(value))
    integer, dot, rest = digits.partition(".")
    groups = []
    while len(integer) > 3:
        groups.insert(0, integer[-3:])
        integer = integer[:-3]
    groups.insert(0, integer)
    return ("-" if value < 0 else "") + ",".join(groups) + dot + rest


def _decimals_for(magnitude):
    """Decimals that keep three significant digits for numbers below 100."""
    if magnitude >= 100 or magnitude == 0:
        return 0
    if magnitude >= 10:
        return 1
    if magnitude >= 1:
        return 2
    return 3


def _money(value):
    a = abs(value)
    if a >= 1e9:
        text = "$%.2fB" % (a / 1e9)
    elif a >= 1e6:
        text = "$%.2fM" % (a / 1e6)
    elif a >= 1e3:
        text = "$%.1fk" % (a / 1e3)
    else:
        text = "$%.0f" % a
    return ("-" if value < 0 else "") + text


def format_value(value, unit):
    """A value in its unit: ratios as percent, USD as money, hours with 'h'."""
    if math.isnan(value):
        return "n/a"
    if unit == "1":
        return _with_separators(100 * value, 1) + "%"
    if unit == "USD":
        return _money(value)
    if unit == "h":
        return _with_separators(value, _decimals_for(abs(value))) + " h"
    return _with_separators(value, _decimals_for(abs(value)))


def format_difference(value, unit):
    """A signed difference; differences of ratios are percentage points."""
    if math.isnan(value):
        return "n/a"
    sign = "+" if value >= 0 else ""
    if unit == "1":
        return sign + _with_separators(100 * value, 1) + " pts"
    return sign + format_value(value, unit)


def interval_text(estimate, low, high, unit, difference):
    """'estimate (low to high)', or the estimate alone when the interval is unknown."""
    f = format_difference if difference else format_value
    if not (math.isfinite(low) and math.isfinite(high)):
        return f(estimate, unit)
    return "%s (%s to %s)" % (f(estimate, unit), f(low, unit), f(high, unit))


def percent_change(estimate, low, high):
    """Relative change with one decimal, e.g. '+17.4% (+10.2% to +24.6%)'."""
    if not math.isfinite(estimate):
        return ""
    if math.isfinite(low):
        return "%+.1f%% (%+.1f%% to %+.1f%%)" % (100 * estimate, 100 * low, 100 * high)
    return "%+.1f%%" % (100 * estimate)


def relative_change_text(unit, estimate, low, high):
    """The terminal's 'relative change' cell: empty for ratios, whose change is in points."""
    return "" if unit == "1" else percent_change(estimate, low, high)


def range_text(low, high, unit, relative):
    """The range over plausible assumptions (cli/ensemble_table.cpp's): whole percent for a
    relative change (each member's effect is a mean of a few replicates: no finer digit is
    supported), else the metric's own difference format."""
    if not (math.isfinite(low) and math.isfinite(high)):
        return "n/a"
    if relative:
        return "%+.0f%% to %+.0f%%" % (100 * low, 100 * high)
    return "%s to %s" % (format_difference(low, unit), format_difference(high, unit))
