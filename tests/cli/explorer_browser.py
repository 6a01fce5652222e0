#!/usr/bin/python3
"""The live explorer end to end in a real browser (issue 15).

Starts the real `alignsim serve` on a free port, opens the page in headless Chromium
(Debian's chromium + chromium-driver, driven by python3-selenium), moves a slider with
the keyboard as a person would, waits for the final update of that change, and checks
that each headline effect on the page is exactly the text `alignsim run` prints in its
"at a glance" row for the same what-if (the served scenario with that lever set in a
variant) at the same replicates and seed, and so does the file "save as scenario"
downloads. Also: the fan chart shows base and what-if; the facilitator's switch hides an answer until "Reveal"; the first estimate arrives before the
final one, the browser logs no errors, a value out of range shows the catalog's message,
and SIGINT stops the server with exit code 0.

Usage: explorer_browser.py ALIGNSIM SOURCE_DIR WORK_DIR. Exits 77 (skipped) only when
chromium or its driver is absent.
"""
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


def glance_row(alignsim, whatif_file, output):
    """The what_if row of `alignsim run --brief`: its cells, split at two or more spaces."""
    printed = subprocess.run([alignsim, "run", whatif_file, "--brief", "-q", "-o", output, "--overwrite"],
                             capture_output=True, text=True, check=True).stdout
    pairs = re.search(r"paired over (\d+) replicates", printed).group(1)
    for line in printed.splitlines():
        if line.startswith("what_if "):
            return re.split(r"\s{2,}", line.strip())[1:], int(pairs)
    raise AssertionError("no what_if row in:\n" + printed)


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
