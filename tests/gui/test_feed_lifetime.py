"""A window's change feed and its seat end with it: deleted by Qt without being closed (a
window torn down, a test that forgets), the follower thread stops instead of emitting the
signals of a deleted object and reconnecting for ever, and the seat leaves instead of beating
for ever."""

from __future__ import annotations

import gc
import logging
import threading
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QObject, QTimer
from pytestqt.qtbot import QtBot

from livegiving_desktop.services.changes import FeedState
from livegiving_desktop.services.ledger import LedgerService
from livegiving_desktop.services.presence import SeatKind
from livegiving_desktop.testing import window_on
from livegiving_desktop.ui.common.feed import FeedBridge
from livegiving_desktop.ui.common.presence import PresenceBridge


def _alive(name: str) -> bool:
    return any(t.name == name and t.is_alive() for t in threading.enumerate())


def test_a_feed_deleted_with_its_window_stops_its_thread(
    qtbot: QtBot, service: LedgerService
) -> None:
    window = QObject()
    name = f"lifetime-feed-{id(window)}"
    FeedBridge(service.db, name, window)
    qtbot.waitUntil(lambda: _alive(name), timeout=3000)
    shiboken6.delete(window)  # the bridge goes with it, never closed
    qtbot.waitUntil(lambda: not _alive(name), timeout=3000)


def _open_fds() -> set[int]:
    import os

    return {int(fd) for fd in os.listdir("/proc/self/fd")}


def test_a_feed_deleted_with_its_window_gives_back_its_files(
    qtbot: QtBot, service: LedgerService
) -> None:
    """Hours of windows and consoles opened and closed: a feed deleted without being closed
    keeps no pipe (each kept two descriptors, the process has 1,024)."""
    import os

    def feed_deleted() -> None:
        window = QObject()
        name = f"files-feed-{id(window)}"
        FeedBridge(service.db, name, window)
        qtbot.waitUntil(lambda: _alive(name), timeout=3000)
        shiboken6.delete(window)
        qtbot.waitUntil(lambda: not _alive(name), timeout=3000)

    feed_deleted()  # the ledger's reading connection opens once, and stays for the next
    before = _open_fds()
    for _ in range(3):
        feed_deleted()
    kept = {fd: os.readlink(f"/proc/self/fd/{fd}") for fd in _open_fds() - before}
    assert kept == {}


def test_a_delivery_on_its_way_as_the_feed_is_deleted_leaves_no_failure_in_the_log(
    qtbot: QtBot, service: LedgerService, caplog: pytest.LogCaptureFixture
) -> None:
    """The follower's thread reporting just after Qt deleted the bridge (its window closed):
    nothing to tell and nothing to log (it wrote "feed health listener failed" with a
    traceback, read as a bug in a diagnostics report)."""
    window = QObject()
    bridge = FeedBridge(service.db, f"late-feed-{id(window)}", window)
    follower = bridge.follower
    assert follower.close(timeout=3.0)
    shiboken6.delete(window)
    with caplog.at_level(logging.INFO, logger="livegiving"):
        follower._report(FeedState.UNREACHABLE, "the server went away")
        assert follower.on_heads is not None
        follower.on_heads({1: 2})
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []


def test_a_seat_deleted_with_its_window_leaves_instead_of_beating_for_ever(
    qtbot: QtBot, service: LedgerService, caplog: pytest.LogCaptureFixture
) -> None:
    """Its heartbeat went on after its window: every other seat showed it on duty, nobody
    there, and the log took a traceback at each beat."""
    window = QObject()
    presence = PresenceBridge(service.db, SeatKind.CREATOR, "Camille", window).presence

    def on_duty() -> bool:
        return any(s.is_self and s.present for s in presence.roster().seats)

    qtbot.waitUntil(on_duty, timeout=5000)
    with caplog.at_level(logging.INFO, logger="livegiving"):
        shiboken6.delete(window)
        qtbot.waitUntil(lambda: not presence._thread.is_alive(), timeout=5000)
    assert not on_duty()
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []


def _running_timers_of_no_parent() -> list[QTimer]:
    return [
        o
        for o in gc.get_objects()
        if isinstance(o, QTimer) and shiboken6.isValid(o) and o.parent() is None and o.isActive()
    ]


def test_a_window_closed_in_its_first_second_leaves_no_timer_running(
    qtbot: QtBot, qapp: Any, livegiving_db_url: str, tmp_path: Path
) -> None:
    """A timer that outlives its window (QTimer.singleShot's has no parent) can be destroyed
    later by the garbage collector on a database thread, which Qt does not survive: it went
    on running and crashed the process at its next tick (seen after a window refused a file
    that is not a database). Windows closed within their first second, one of them on such a
    file, leave none behind."""
    not_a_database = tmp_path / "not-a-database.db"
    not_a_database.write_text("not a database\n" * 100, encoding="utf-8")
    before = {id(t) for t in _running_timers_of_no_parent()}

    def left() -> list[QTimer]:
        return [t for t in _running_timers_of_no_parent() if id(t) not in before]

    with window_on(qtbot, qapp, str(not_a_database)):
        pass  # the file refused in words, the window closed
    assert left() == [], "a timer still runs after a window that refused its file was deleted"
    with window_on(qtbot, qapp, livegiving_db_url, wait_ready=False):
        pass
    assert left() == [], "a timer still runs after a window closed as it opened"
    with window_on(qtbot, qapp, livegiving_db_url):
        pass  # ready, and closed well within START_FALLBACK_MS
    assert left() == [], "a timer still runs after a window closed once ready"


def test_a_bridge_deleted_while_its_thread_emits_does_not_crash_the_app() -> None:
    """A window closed as its change feed reported (a delivery on the follower's thread):
    the signal emitted on the bridge being deleted crashed the process with a segmentation
    fault (once in CI; every run of 300 rounds here). The thread now emits on a relay that
    is never deleted (ui/common/bridge.py)."""
    import subprocess
    import sys
    from pathlib import Path

    result = subprocess.run(
        [sys.executable, "-m", "tests.helpers.bridge_race", "300"],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, f"exit {result.returncode}: {result.stderr[-2000:]}"
    assert result.stdout.strip().endswith("ok")
