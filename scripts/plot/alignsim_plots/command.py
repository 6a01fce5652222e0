"""`scripts/plot/report RESULTS.h5 -o DIR`: all charts and the HTML report.

Prints the report's path on stdout and nothing else, so scripts can capture it. A bad
input file gives one line on stderr and exit code 2 (as `alignsim` does for bad input);
an unwritable output directory gives exit code 1.
"""
import argparse
import os
import sys
import warnings

from .results import ResultsError, load_results

EXIT_OK, EXIT_OUTPUT_ERROR, EXIT_BAD_INPUT = 0, 1, 2
REPORT_NAME = "report.html"


def _parse(argv):
    parser = argparse.ArgumentParser(
        prog="report", description="Write PNG and SVG charts and a self-contained HTML report "
        "(DIR/%s) from an alignsim results file." % REPORT_NAME)
    parser.add_argument("results", metavar="RESULTS.h5", help="file written by `alignsim run`")
    parser.add_argument("-o", "--output", metavar="DIR",
                        help="directory for the charts and the report (default: RESULTS-report next to the file)")
    parser.add_argument("--calibration", metavar="CALIBRATION.h5",
                        help="the calibration behind the run's ensemble: the report says what it pinned down")
    parser.add_argument("--dpi", type=int, default=100, metavar="N",
                        help="PNG resolution in pixels per inch (default 100; SVGs are vector)")
    args = parser.parse_args(argv)
    if not 30 <= args.dpi <= 600:
        parser.error("--dpi must be between 30 and 600")
    if args.output is None:
        args.output = os.path.splitext(args.results)[0] + "-report"
    return args


def make_report(results, out_dir, dpi=100, calibration=None):
    """Draws every chart into out_dir and writes the report; returns the report path."""
    # Imported here: loading and checking the file must not wait for matplotlib.
    from . import agent_charts, effects, fan_charts, funnel, report_html, runs_chart, style, sweeps
    style.set_png_dpi(dpi)
    charts = []
    if not results.is_sweep:  # a sweep's points are not variants to compare with a base
        charts += effects.make_effects_chart(results, out_dir)
        charts += funnel.make_funnel_chart(results, out_dir)
        charts += fan_charts.make_fan_charts(results, out_dir)
        charts += runs_chart.make_runs_chart(results, out_dir)
        charts += agent_charts.make_agent_charts(results, out_dir)
    sweep_charts, notes = sweeps.make_sweep_charts(results, out_dir)
    return report_html.write_report(results, charts + sweep_charts, notes, os.path.join(out_dir, REPORT_NAME),
                                    calibration)


def main(argv=None):
    args = _parse(sys.argv[1:] if argv is None else argv)
    try:
        results = load_results(args.results)
        calibration = None
        if args.calibration:
            from .calibration import load_calibration
            calibration = load_calibration(args.calibration)
    except ResultsError as error:
        print("report: error: %s" % error, file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        os.makedirs(args.output, exist_ok=True)
        with warnings.catch_warnings():
            # Extreme values (1e308) overflow inside numpy and matplotlib's tick search;
            # the chart is still drawn, and a warning on stderr would only alarm.
            warnings.simplefilter("ignore", RuntimeWarning)
            path = make_report(results, args.output, args.dpi, calibration)
    except OSError as error:
        print("report: error: cannot write to %s: %s" % (args.output, error.strerror or error), file=sys.stderr)
        return EXIT_OUTPUT_ERROR
    except MemoryError:
        print("report: error: %s: not enough memory to draw the charts" % args.results, file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as error:  # noqa: BLE001  one line, never a traceback (issue 16)
        print("report: error: %s: cannot draw the report (%s: %s)" % (
            args.results, type(error).__name__, " ".join(str(error).split())), file=sys.stderr)
        return EXIT_BAD_INPUT
    print(path)
    return EXIT_OK
