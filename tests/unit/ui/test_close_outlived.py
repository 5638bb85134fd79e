"""A close that outlives its wait (an outage): how it ended goes to the log, not to asyncio's
"Task exception was never retrieved" when the task is collected."""

from __future__ import annotations

import asyncio
import gc
import logging

import pytest

from livegiving_desktop.ui.main_window import _log_close_ended


def test_a_close_that_fails_after_its_wait_is_logged_and_never_left_unretrieved(
    caplog: pytest.LogCaptureFixture,
) -> None:
    async def close_views() -> None:
        await asyncio.sleep(0.05)
        raise ConnectionError("the server went away")

    async def closing() -> None:
        task = asyncio.ensure_future(close_views())
        done, _ = await asyncio.wait({task}, timeout=0.01)
        assert not done  # the window asked and moved on
        task.add_done_callback(_log_close_ended)
        await asyncio.sleep(0.2)

    caplog.set_level(logging.WARNING)
    asyncio.run(closing())
    gc.collect()
    messages = [r.getMessage() for r in caplog.records]
    assert any("closing the views ended with ConnectionError" in m for m in messages), messages
    assert not any("never retrieved" in m for m in messages), messages


def test_a_close_that_ends_well_or_is_cancelled_logs_nothing(
    caplog: pytest.LogCaptureFixture,
) -> None:
    async def both() -> None:
        fine = asyncio.ensure_future(asyncio.sleep(0.01))
        fine.add_done_callback(_log_close_ended)
        stopped = asyncio.ensure_future(asyncio.sleep(10))
        stopped.add_done_callback(_log_close_ended)
        stopped.cancel()
        await asyncio.sleep(0.05)

    caplog.set_level(logging.WARNING)
    asyncio.run(both())
    assert not caplog.records
