"""While a window is open, Python's garbage collector runs on the UI thread alone: a cycle
freed on a database thread could destroy a Qt object there, and a timer destroyed off its
thread crashed the process at its next tick (ui/common/collector.py). Closed, the window gives
collection back to CPython."""

from __future__ import annotations

import gc
import threading
from typing import Any

import shiboken6
from pytestqt.qtbot import QtBot


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def _make_cycles(count: int) -> None:
    for _ in range(count):
        _Cycle()


def test_collections_run_on_the_ui_thread_while_a_window_is_open(
    qtbot: QtBot, livegiving_window: Any
) -> None:
    threads: list[int] = []

    def seen(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            threads.append(threading.get_ident())

    assert not gc.isenabled()  # CPython's automatic collection is off
    gc.callbacks.append(seen)
    try:
        # Another thread makes garbage well past every threshold, as a database thread does.
        busy = threading.Thread(target=_make_cycles, args=(50 * gc.get_threshold()[0],))
        busy.start()
        busy.join()
        assert threads == [], "a collection ran on the thread that made the garbage"
        qtbot.waitUntil(lambda: len(threads) > 0, timeout=3000)  # then on the UI thread
        assert set(threads) == {threading.main_thread().ident}
    finally:
        gc.callbacks.remove(seen)


def test_a_closed_window_gives_collection_back(qtbot: QtBot, livegiving_window: Any) -> None:
    assert not gc.isenabled()
    livegiving_window.shutdown_now()
    assert gc.isenabled()


def test_a_console_closed_and_deleted_gives_collection_back(
    qtbot: QtBot, livegiving_db_url: str
) -> None:
    """The moderation console opened alone (`livegiving --moderator`) collects on the UI thread
    too; deleted without being stopped, it gives collection back all the same."""
    from livegiving_desktop.ui.common.runner import pending_tasks
    from livegiving_desktop.ui.main_window import app_settings
    from livegiving_desktop.ui.moderation.window import open_console_only

    assert gc.isenabled()
    console = open_console_only(livegiving_db_url, "en", app_settings())
    assert not gc.isenabled()
    qtbot.waitUntil(lambda: pending_tasks() == 0, timeout=5_000)
    console.close()
    shiboken6.delete(console)
    assert gc.isenabled()
