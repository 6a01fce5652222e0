"""The HTML report renders in a real browser: Debian's chromium, headless and offline.

Fails (never skips) when chromium is missing: scripts/install-dependencies installs it.
Checks: no console message at all (the report has no scripts, so any message is an
error), every <img> decoded (naturalWidth > 0), and a screenshot that is not blank.
"""
import os
import re
import shutil
import subprocess
import tempfile
import unittest

import numpy as np
from matplotlib import image as matplotlib_image

from plot_test_support import EXPECTED_CHARTS, run_report, run_tiny_scenario

# Added only to the copy the browser checks; the report itself stays script-free.
IMAGE_PROBE = """<script>
window.addEventListener("load", function () {
  var images = Array.prototype.slice.call(document.images);
  var broken = images.filter(function (i) { return !i.complete || i.naturalWidth === 0; });
  document.body.setAttribute("data-images", String(images.length));
  document.body.setAttribute("data-broken", broken.map(function (i) { return i.alt; }).join("|") || "none");
});
</script>
</body>"""


def chromium(profile, *arguments):
    """Runs chromium headless with a fresh profile; returns (stdout, stderr)."""
    command = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--hide-scrollbars"]
    done = subprocess.run(command + list(arguments), capture_output=True, text=True, timeout=180)
    if done.returncode != 0:
        raise AssertionError("chromium failed (%d): %s" % (done.returncode, done.stderr[-2000:]))
    return done.stdout, done.stderr


def console_messages(stderr):
    # With --enable-logging=stderr, page console output appears as ...:CONSOLE(...)] "text", source: ...
    return [line for line in stderr.splitlines() if re.search(r":CONSOLE[(:]", line)]


class ReportInChromium(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.work = tempfile.mkdtemp(prefix="alignsim-chromium-test-")
        results, _ = run_tiny_scenario(cls.work)
        done = run_report(results, os.path.join(cls.work, "report"))
        if done.returncode != 0:
            raise AssertionError("report failed: " + done.stderr)
        cls.report = done.stdout.strip()

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.work, ignore_errors=True)

    def setUp(self):
        self.assertIsNotNone(shutil.which("chromium"),
                             "chromium is not installed; scripts/install-dependencies installs it")

    def test_every_image_decodes_and_the_console_stays_silent(self):
        with open(self.report, encoding="utf-8") as f:
            page = f.read()
        probed = os.path.join(self.work, "probed.html")
        with open(probed, "w", encoding="utf-8") as f:
            f.write(page.replace("</body>", IMAGE_PROBE, 1))
        dom, stderr = chromium(tempfile.mkdtemp(dir=self.work), "--dump-dom", "file://" + probed)
        self.assertEqual(console_messages(stderr), [])
        self.assertIn('data-images="%d"' % len(EXPECTED_CHARTS), dom)
        self.assertIn('data-broken="none"', dom)
        self.assertIn("alignsim report: scenario", dom)

    def test_screenshot_of_the_unmodified_report_is_not_blank(self):
        shot = os.path.join(self.work, "report.png")
        _, stderr = chromium(tempfile.mkdtemp(dir=self.work), "--screenshot=" + shot, "--window-size=1280,4000",
                             "file://" + self.report)
        self.assertEqual(console_messages(stderr), [])
        pixels = matplotlib_image.imread(shot)
        self.assertEqual(pixels.shape[:2], (4000, 1280))
        colours, counts = np.unique((pixels[..., :3] * 255).astype(np.uint8).reshape(-1, 3), axis=0,
                                    return_counts=True)
        self.assertLess(counts.max() / counts.sum(), 0.9, "screenshot is mostly one colour")
        self.assertGreater(len(colours), 50, "screenshot has almost no colours: nothing rendered")


if __name__ == "__main__":
    unittest.main()
