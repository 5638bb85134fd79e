"""A window's change feed ends with it: deleted by Qt without being closed (a window torn
down, a test that forgets), its follower thread stops instead of emitting the signals of a
deleted object and reconnecting for ever."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from livegiving_desktop.services.ledger import LedgerService
from livegiving_desktop.ui.common.feed import FeedBridge


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
