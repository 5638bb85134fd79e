"""The pytest plugin's own fixtures (contract section 4)."""

from __future__ import annotations

from typing import Any

from livegiving_desktop.db.engine import HEAD_REVISION, open_database


def test_db_url_fixture_is_a_fresh_migrated_database(livegiving_db_url: str) -> None:
    db = open_database(livegiving_db_url)
    try:
        assert db.schema_version() == HEAD_REVISION
        assert db.dialect == "sqlite"
    finally:
        db.close()


def test_window_fixture_is_shown_ready_and_on_that_database(
    livegiving_window: Any, livegiving_db_url: str
) -> None:
    assert livegiving_window.isVisible()
    assert livegiving_window.objectName() == "mainWindow"
    assert livegiving_window.is_ready()
    assert livegiving_window.service.db.url.database == livegiving_db_url


def test_window_fixture_lets_the_broadcast_progress(qtbot: Any, livegiving_window: Any) -> None:
    """waitUntil alone drives the asyncio loop: the database opens, the demo loads."""
    import asyncio

    done: list[int] = []

    async def probe() -> None:
        await asyncio.sleep(0.05)
        done.append(1)

    task = asyncio.ensure_future(probe())
    qtbot.waitUntil(lambda: done == [1], timeout=5_000)
    assert task.done()


def test_a_task_left_on_a_closed_windows_loop_does_not_slow_the_next_teardown(
    qtbot: Any, qapp: Any, livegiving_db_url: str
) -> None:
    """A task still waiting when a window's test ends (a reload whose database call came back
    after the last events ran) never runs again: the fixture forgets it, so that the next
    test's teardown does not wait 5 s for it (it did, after ~50 tests of the suite)."""
    import asyncio

    from PySide6.QtCore import QTimer

    from livegiving_desktop.testing import window_on
    from livegiving_desktop.ui.common.runner import pending_tasks, spawn

    with window_on(qtbot, qapp, livegiving_db_url):
        # Started by the last events the teardown lets run, after it waited for the tasks.
        QTimer.singleShot(0, lambda: spawn(asyncio.sleep(3600)))
    assert pending_tasks() == 0  # the next teardown has nothing of this test to wait for
