"""Accessibility tests: the theme applied for a test and put back afterwards."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtGui import QFont

from livegiving_desktop.ui import theme


@pytest.fixture
def themed(qapp: Any) -> Iterator[Callable[..., None]]:
    """`themed("dark")` applies a palette (and optionally a system font size) to the app for
    this test; the app's font, palette and stylesheet are put back afterwards."""
    font = QFont(qapp.font())
    sheet, palette = qapp.styleSheet(), qapp.palette()
    saved = (theme.Theme.dark, theme.Theme.mode, theme.Theme.colors, theme.Theme.sizes)

    def apply(mode: str, *, font_pt: float | None = None) -> None:
        if font_pt is not None:
            bigger = QFont(font)
            bigger.setPointSizeF(font_pt)
            qapp.setFont(bigger)
        theme.apply_theme(qapp, mode)

    yield apply
    qapp.setFont(font)
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    theme.Theme.dark, theme.Theme.mode, theme.Theme.colors, theme.Theme.sizes = saved


# -- every screen at a screen size (tests/a11y/screens_probe.py, a process per size) ---------

SCREEN_CONFIGS: dict[str, list[str]] = {
    # A 1366×768 laptop at 100 %; Tab and Shift+Tab walked on every screen.
    "1366x768": ["--screen", "1366x768", "--keyboard"],
    # A 1920×1080 screen at 150 %: 1280×720 logical pixels.
    "1920x1080@150%": ["--screen", "1920x1080", "--scale", "1.5"],
    # A 14 pt desktop font on a 1920×1080 screen at 100 %.
    "14pt": ["--screen", "1920x1080", "--font-pt", "14"],
}


@pytest.fixture(scope="session")
def screen_report(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Callable[[str], dict[str, Any]]]:
    """`screen_report("1366x768")`: what screens_probe.py found on every screen at that
    size (a process per size). The first request starts the three at once: each takes 15 to
    20 s, and the second core has nothing else to do meanwhile. They run once for the whole
    run: the pytest process that asks first claims them, and the others read what they wrote
    (each process ran its own three before: 10 to 20 s of CPU for nothing)."""
    import json
    import os
    import subprocess
    import sys
    import threading
    import time
    from pathlib import Path

    probe = Path(__file__).with_name("screens_probe.py")
    base = tmp_path_factory.getbasetemp()
    # pytest-xdist's processes have basetemps of their own in the run's folder
    folder = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "screens"
    folder.mkdir(exist_ok=True)
    running: dict[str, subprocess.Popen[bytes]] = {}
    waiters: list[threading.Thread] = []
    cache: dict[str, dict[str, Any]] = {}

    def claimed(config: str) -> bool:
        try:
            os.close(os.open(folder / f"{config}.claim", os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            return False
        return True

    def start(config: str) -> None:
        out, err = folder / f"{config}.json", folder / f"{config}.stderr"
        with err.open("wb") as stderr:
            proc = subprocess.Popen(
                [sys.executable, str(probe), *SCREEN_CONFIGS[config], "--out", str(out)],
                stdout=subprocess.DEVNULL,
                stderr=stderr,
            )
        running[config] = proc

        def ended() -> None:  # the exit status, for every process of the run
            returncode = proc.wait()
            done = folder / f"{config}.rc.tmp"
            done.write_text(str(returncode), encoding="utf-8")
            done.replace(folder / f"{config}.rc")

        waiter = threading.Thread(target=ended, name=f"probe {config}", daemon=True)
        waiter.start()
        waiters.append(waiter)

    def report(config: str) -> dict[str, Any]:
        if config not in cache:
            for each in SCREEN_CONFIGS:
                if each not in running and claimed(each):
                    start(each)
            rc = folder / f"{config}.rc"
            deadline = time.monotonic() + 600
            while not rc.exists():
                assert time.monotonic() < deadline, f"the {config} probe did not end in 600 s"
                time.sleep(0.2)
            stderr = (folder / f"{config}.stderr").read_text(encoding="utf-8", errors="replace")
            assert rc.read_text(encoding="utf-8") == "0", stderr[-4000:]
            cache[config] = json.loads((folder / f"{config}.json").read_text(encoding="utf-8"))
        return cache[config]

    try:
        yield report
    finally:
        # Another pytest process may still be waiting for what this one started.
        for waiter in waiters:
            waiter.join(timeout=600)
        for proc in running.values():
            if proc.poll() is None:
                proc.kill()
                proc.wait()
