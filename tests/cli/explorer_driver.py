"""Driving `alignsim serve` and its page in headless Chromium (Debian's chromium,
chromium-driver and python3-selenium), shared by the browser test
(tests/cli/explorer_browser.py) and the latency benchmark (scripts/bench-explorer)."""
import re
import subprocess
import time


def start_server(alignsim, scenario, *options):
    """Starts `alignsim serve` on a free port; returns (process, port). The printed
    token, if any, is left in process.token."""
    server = subprocess.Popen([alignsim, "serve", scenario, "--port", "0", *options], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    for _ in range(2):
        line = server.stdout.readline()
        found = re.search(r"http://[^:/]+:(\d+)/(\?token=([0-9a-f]+))?", line)
        if found:
            server.token = found.group(3)
            return server, int(found.group(1))
    server.kill()
    raise AssertionError("alignsim serve printed no address: " + server.stderr.read())


def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def wait_for(driver, script, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = driver.execute_script(script)
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError("timed out waiting for: " + script)


# The page has answered its newest change completely: nothing in flight, final shown.
SETTLED = ("const s = window.explorer; return s.pending === 0 && s.shown && s.shown.final && "
           "s.shown.generation === s.latest ? s.shown.generation : 0;")
