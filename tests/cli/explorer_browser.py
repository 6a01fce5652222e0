#!/usr/bin/python3
"""The live explorer end to end in a real browser (issue 15).

Starts the real `alignsim serve` on a free port, opens the page in headless Chromium
(Debian's chromium + chromium-driver, driven by python3-selenium), moves a slider with
the keyboard as a person would, waits for the final update of that change, and checks
that each headline effect on the page is exactly the text `alignsim run` prints in its
"at a glance" row for the same what-if (the served scenario with that lever set in a
variant) at the same replicates and seed, and so does the file "save as scenario"
downloads. "Add to report" twice (the lever moved in between) downloads one scenario with
what_if_1 and what_if_2: `alignsim run` of it prints each one's headline effects exactly
as the page showed them, and scripts/plot/report's HTML report lists both with the page's
description of their levers. Also: the fan chart shows base and what-if; the facilitator's switch hides an answer until "Reveal"; the first estimate arrives before the
final one, the browser logs no errors, a value out of range shows the catalog's message,
and SIGINT stops the server with exit code 0.

Usage: explorer_browser.py ALIGNSIM SOURCE_DIR WORK_DIR. Exits 77 (skipped) only when
chromium or its driver is absent.
"""
import html
import os
import re
import shutil
import signal
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from explorer_driver import SETTLED, browser, start_server, wait_for  # noqa: E402

SKIP = 77


def skip_without_browser():
    missing = [tool for tool in ("chromium", "chromedriver") if shutil.which(tool) is None]
    if missing:
        print("SKIP: " + " and ".join(missing) + " not installed (scripts/install-dependencies all installs them)")
        sys.exit(SKIP)


def headline_texts(driver):
    return [e.text for e in driver.find_elements("css selector", "#headlines .headline-change")]


def glance_rows(alignsim, whatif_file, output, variants):
    """The rows of `variants` in `alignsim run --brief`'s table: their cells, split at two
    or more spaces, and the count of paired replicates."""
    printed = subprocess.run([alignsim, "run", whatif_file, "--brief", "-q", "-o", output, "--overwrite"],
                             capture_output=True, text=True, check=True).stdout
    pairs = re.search(r"paired over (\d+) replicates", printed).group(1)
    rows = {}
    for line in printed.splitlines():
        name = line.split(" ")[0]
        if name in variants:
            rows[name] = re.split(r"\s{2,}", line.strip())[1:]
    assert sorted(rows) == sorted(variants), "no rows of %s in:\n%s" % (variants, printed)
    return rows, int(pairs)


def glance_row(alignsim, whatif_file, output):
    """The what_if row of `alignsim run --brief` and the count of paired replicates."""
    rows, pairs = glance_rows(alignsim, whatif_file, output, ["what_if"])
    return rows["what_if"], pairs


def add_to_report(driver):
    """Presses "Add to report" on the settled page; returns (headlines shown, the entry's words)."""
    wait_for(driver, SETTLED)
    shown = headline_texts(driver)
    driver.find_element("id", "add-to-report").click()
    entries = driver.execute_script("return window.explorer.report;")
    return shown, entries[-1]["words"]


def check_add_to_report(driver, alignsim, source_dir, work_dir, slider, keys):
    """Two what-ifs collected, one removed again, the report scenario downloaded, run and
    drawn: the printed effects are the page's, the HTML report lists both what-ifs."""
    first = add_to_report(driver)
    slider.send_keys(keys.ARROW_RIGHT)
    trust = driver.find_element("id", "lever-trust.initial_mean")
    trust.click()
    trust.send_keys(keys.ARROW_RIGHT)
    second = add_to_report(driver)  # both levers moved
    assert second[1].count(" set to ") == 2, second
    assert first != second, (first, second)
    driver.find_element("id", "add-to-report").click()  # a third, then removed again
    driver.find_element("css selector", "#report-list li[data-variant=what_if_3] button").click()
    listed = [e.get_attribute("data-variant") for e in driver.find_elements("css selector", "#report-list li")]
    assert listed == ["what_if_1", "what_if_2"], listed
    commands = [driver.find_element("id", i).text for i in ("report-run", "report-plot")]
    assert commands == ["alignsim run explorer_small_report.yaml -o explorer_small_report.h5",
                        "scripts/plot/report explorer_small_report.h5"], commands

    driver.find_element("id", "download-report").click()
    scenario = os.path.join(work_dir, "explorer_small_report.yaml")
    with open(scenario, "w") as out:
        out.write(wait_for(driver, "return window.explorer.reportScenario;"))
    results = os.path.join(work_dir, "explorer_small_report.h5")
    rows, pairs = glance_rows(alignsim, scenario, results, ["what_if_1", "what_if_2"])
    assert pairs == 24, pairs
    assert rows["what_if_1"] == first[0] and rows["what_if_2"] == second[0], (rows, first, second)

    report_dir = os.path.join(work_dir, "explorer_small_report")
    subprocess.run(["/usr/bin/python3", os.path.join(source_dir, "scripts/plot/report"), results, "-o", report_dir],
                   capture_output=True, text=True, check=True)
    with open(os.path.join(report_dir, "report.html")) as page:
        report = page.read()
    for name, (_, words) in (("what_if_1", first), ("what_if_2", second)):
        assert "<b>%s</b>" % name in report and html.escape(words) in report, (name, words)
    print("report scenario: what_if_1 (%s) and what_if_2 (%s) as on the page" % (first[1], second[1]))


def main():
    alignsim, source_dir, work_dir = sys.argv[1:4]
    skip_without_browser()
    from selenium.webdriver.common.keys import Keys
    os.makedirs(work_dir, exist_ok=True)
    scenario = os.path.join(source_dir, "tests/cli/data/explorer.yaml")
    server, port = start_server(alignsim, scenario)
    driver = browser()
    try:
        driver.get("http://127.0.0.1:%d/" % port)
        wait_for(driver, SETTLED)  # the opening answer: the base against itself
        slider = driver.find_element("id", "lever-followup.sla_floor")
        slider.click()  # a click sets the slider where it lands, as a person's would
        for _ in range(3):
            slider.send_keys(Keys.ARROW_RIGHT)
        generation = wait_for(driver, SETTLED)
        value = slider.get_attribute("value")
        timing = driver.execute_script("return window.explorer.timings[arguments[0]];", generation)
        assert timing["first"] <= timing["final"], timing
        shown_updates = [h[1:] for h in driver.execute_script("return window.explorer.history;") if h[0] == generation]
        # a first estimate, then the refined ones (the stream may skip none of this change's updates)
        assert shown_updates == [[8, False], [16, False], [24, True]], shown_updates
        shown = headline_texts(driver)
        replicates = int(driver.find_element("id", "status").get_attribute("data-replicates"))

        whatif_file = os.path.join(work_dir, "whatif.yaml")
        with open(whatif_file, "w") as out:
            out.write("extends: %s\nvariants:\n  - name: what_if\n    followup: {sla_floor: %s}\n" % (scenario, value))
        printed, pairs = glance_row(alignsim, whatif_file, os.path.join(work_dir, "whatif.h5"))
        assert shown == printed, "page %s != alignsim run %s (sla_floor=%s)" % (shown, printed, value)
        assert replicates == pairs == 24, (replicates, pairs)
        assert any(text != "+0.0% (+0.0% to +0.0%)" for text in shown), shown  # the lever did something

        # The fan chart draws a median line for base and for what-if.
        medians = driver.find_elements("css selector", "#fan polyline[data-series]")
        assert [m.get_attribute("data-series") for m in medians] == ["base", "what-if"], medians

        # "Save as scenario" downloads a file that `alignsim run` reproduces exactly.
        driver.find_element("id", "save").click()
        saved = wait_for(driver, "return window.explorer.saved;")
        saved_file = os.path.join(work_dir, "saved.yaml")
        with open(saved_file, "w") as out:
            out.write(saved)
        saved_row, saved_pairs = glance_row(alignsim, saved_file, os.path.join(work_dir, "saved.h5"))
        assert saved_row == shown and saved_pairs == replicates, (saved_row, shown, saved_pairs)

        check_add_to_report(driver, alignsim, source_dir, work_dir, slider, Keys)
        driver.find_element("id", "reset").click()

        # The facilitator's switch hides the next answer until "Reveal".
        driver.find_element("id", "conceal").click()
        slider.send_keys(Keys.ARROW_LEFT)
        wait_for(driver, SETTLED)
        results = driver.find_element("id", "results")
        assert not results.is_displayed() or results.value_of_css_property("visibility") == "hidden"
        driver.find_element("id", "reveal").click()
        assert results.value_of_css_property("visibility") == "visible"

        errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
        assert not errors, errors
        print("page and alignsim run agree at followup.sla_floor=%s over %d replicates: %s" % (value, pairs, shown))
        print("first estimate after %.0f ms, final after %.0f ms" % (timing["first"] - timing["input"],
                                                                     timing["final"] - timing["input"]))
    finally:
        driver.quit()
        server.send_signal(signal.SIGINT)
        try:
            code = server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            raise AssertionError("alignsim serve did not stop on SIGINT")
    assert code == 0, "alignsim serve exited %d: %s" % (code, server.stderr.read())


if __name__ == "__main__":
    main()
