"""The `livegiving` pytest plugin (entry point group pytest11): fixtures for GUI tests.

- `livegiving_db_url`: a fresh migrated SQLite database in a temporary folder (a copy of one
  migrated once per test process, `livegiving_migrated_ledger`).
- `livegiving_window`: the main window on that database, shown, with the asyncio loop
  integrated so that `qtbot.waitUntil(...)` lets the broadcast and the database progress.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")


@pytest.fixture(scope="session")
def livegiving_migrated_ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite ledger migrated to head once per test process, which `livegiving_db_url`
    copies (a migration costs ~0.1 s, a copy ~1 ms)."""
    from livegiving_desktop.db.engine import open_database

    path = tmp_path_factory.mktemp("livegiving-head") / "livegiving.db"
    open_database(str(path)).close()  # closed: its write-ahead log checkpointed away
    return path


@pytest.fixture
def livegiving_db_url(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, livegiving_migrated_ledger: Path
) -> str:
    """A fresh migrated SQLite database (a plain path, accepted wherever a URL is)."""
    monkeypatch.setenv("LIVEGIVING_DATA_DIR", str(tmp_path / "userdata"))
    monkeypatch.delenv("LIVEGIVING_DB", raising=False)
    # The window's OBS overlay server listens on any free port in tests (7580 may be taken).
    userdata = tmp_path / "userdata"
    userdata.mkdir(parents=True, exist_ok=True)
    settings = userdata / "settings.ini"
    if not settings.exists():
        settings.write_text("[overlays]\nport=0\n", encoding="utf-8")
    path = tmp_path / "livegiving.db"
    shutil.copy(livegiving_migrated_ledger, path)  # its mode too: the user's alone (0600)
    return str(path)


@contextlib.contextmanager
def window_on(
    qtbot: Any,
    qapp: Any,
    db_url: str,
    language: str = "en",
    *,
    wait_ready: bool = True,
    first_frame: bool = False,
) -> Iterator[Any]:
    """The main window on any database URL (a second seat, PostgreSQL), shown and ready, with
    the asyncio loop integrated; closed and deleted on leaving. `wait_ready=False`: yielded
    as soon as shown (it opens its database after its first paint). `first_frame`: yielded
    as `livegiving` first paints it, its frame alone, until the test calls its `build()`."""
    import qasync

    from livegiving_desktop.app import paint_first_frame, prepare
    from livegiving_desktop.ui.main_window import MainWindow

    chosen = prepare(qapp, language)
    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    window = MainWindow(db_url=db_url, language=chosen, first_frame=first_frame)
    # Not qtbot.addWidget: pytest-qt would close the window before this teardown and start
    # the asynchronous close; the window is closed synchronously here.
    if first_frame:
        paint_first_frame(window)
        wait_ready = False
    window.show()
    if wait_ready:
        qtbot.waitUntil(window.is_ready, timeout=15_000)
    try:
        yield window
    finally:
        from livegiving_desktop.ui.common.runner import abandon_tasks, pending_tasks

        with contextlib.suppress(Exception):
            if hasattr(window, "home"):  # built (a first frame may be closed before)
                qtbot.waitUntil(window.is_ready, timeout=15_000)
        # Let the window's own tasks (opening a view, a thank-you) finish before closing.
        with contextlib.suppress(Exception):
            qtbot.waitUntil(lambda: pending_tasks() == 0, timeout=5_000)
        window.shutdown_now()
        window.close()
        window.deleteLater()
        # Let queued callbacks of the finished work run, then release the loop.
        qapp.processEvents()
        # Delete the window now: deleteLater alone waits for an event loop that never runs
        # again, and its live view's timers would fire into later tests (with no asyncio loop).
        from PySide6.QtCore import QCoreApplication, QEvent

        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        # A task whose database call finished after the last events ran would never resume:
        # later tests would wait for it (pending_tasks) at each teardown.
        abandon_tasks(loop)
        # What the window left collected here, on the UI thread (ui/common/collector.py):
        # collected later, it could be on a database thread of the next test.
        gc.collect()
        # Mark the loop stopped without QApplication.exit(): that would end the next test's loop.
        loop._QEventLoop__is_running = False
        asyncio.events._set_running_loop(None)
        asyncio.set_event_loop(None)
        loop.close()


@pytest.fixture
def livegiving_window(qtbot: Any, qapp: Any, livegiving_db_url: str) -> Iterator[Any]:
    """The main window, shown, in English, on `livegiving_db_url`; closed afterwards."""
    with window_on(qtbot, qapp, livegiving_db_url) as window:
        yield window
