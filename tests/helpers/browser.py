"""Debian's Chromium driven by selenium through the system chromedriver (nothing downloads a
browser): the overlay tests, benchmarks/overlay.py and docs/make_overlay_screenshots.py."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

CHROMIUM = os.environ.get("LIVEGIVING_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("LIVEGIVING_CHROMEDRIVER", "/usr/bin/chromedriver")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Several overlay windows at once, each as live as an OBS browser source.
    "--disable-background-timer-throttling",
    "--disable-backgrounding-occluded-windows",
    "--disable-renderer-backgrounding",
    "--autoplay-policy=no-user-gesture-required",
    "--hide-scrollbars",
)

# Records, from before any script of the page runs, every text the page ever puts in its
# document (window.__texts: [time in ms since the epoch, text]) and the donation ids the alert
# box ever shows (window.__alerts).
RECORDER = """
window.__texts = [];
window.__alerts = [];
(function () {
  function now() { return performance.timeOrigin + performance.now(); }
  function record(node) {
    var text = node.textContent;
    if (text) { window.__texts.push([now(), text]); }
  }
  new MutationObserver(function (mutations) {
    var alertBox = null;
    mutations.forEach(function (m) {
      if (m.type === "characterData") { record(m.target); }
      m.addedNodes.forEach(record);
      if (m.type === "attributes" && m.target.id === "alert") { alertBox = m.target; }
    });
    // The box's data-id is set when an alert starts (cleared in the same task before):
    // one record per batch, the id it holds now.
    if (alertBox && alertBox.dataset.id) { window.__alerts.push([now(), alertBox.dataset.id]); }
  }).observe(document, {subtree: true, childList: true, characterData: true,
                        attributes: true, attributeFilter: ["data-id"]});
})();
"""

T = TypeVar("T")


class ChromiumUnavailableError(Exception):
    """Chromium or its driver is not installed or cannot start here; the message says why."""


def start_chromium(width: int = 1280, height: int = 720) -> Any:
    """A headless Chromium with a fresh profile (removed by `quit_chromium`)."""
    for path in (CHROMIUM, CHROMEDRIVER):
        if not Path(path).exists():
            raise ChromiumUnavailableError(
                f"{path} is missing (apt-get install chromium chromium-driver)"
            )
    os.environ.setdefault("SE_OFFLINE", "true")  # selenium-manager never fetches anything
    from selenium import webdriver
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="livegiving-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    try:
        driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    except WebDriverException as exc:
        shutil.rmtree(profile, ignore_errors=True)
        first = (exc.msg or str(exc)).strip().splitlines()[0]
        raise ChromiumUnavailableError(f"chromium cannot start: {first}") from None
    driver.livegiving_profile = profile
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORDER})
    return driver


def new_window(driver: Any, *scripts: str) -> str:
    """Open a window and switch to it, with the recorder (and `scripts`) installed to run
    before its pages' own scripts (CDP scripts are per window)."""
    driver.switch_to.new_window("window")
    for source in (RECORDER, *scripts):
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": source})
    return str(driver.current_window_handle)


def quit_chromium(driver: Any) -> None:
    try:
        driver.quit()
    finally:
        shutil.rmtree(getattr(driver, "livegiving_profile", ""), ignore_errors=True)


def wait_for(condition: Callable[[], T], timeout: float = 15.0, what: str = "") -> T:
    """Poll `condition` until it returns something true; fail saying `what` after `timeout`."""
    deadline = time.monotonic() + timeout
    last: T = condition()
    while not last:
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what or condition}")
        time.sleep(0.05)
        last = condition()
    return last


def texts(driver: Any) -> list[str]:
    """Every text the page has put in its document since it loaded."""
    return [t for _at, t in driver.execute_script("return window.__texts || []")]


def shown_alerts(driver: Any) -> list[int]:
    """The donation ids the alert box has shown, in order (0: a test alert)."""
    return [int(i) for _at, i in driver.execute_script("return window.__alerts || []")]
