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
