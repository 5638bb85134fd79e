"""The throttle calls at once, then at most once per interval with the latest arguments; as a
debounce it waits for a quiet interval."""

from __future__ import annotations

from typing import Any

from livegiving_desktop.ui.common.throttle import Throttle


def test_calls_now_then_once_per_interval_with_the_latest(qtbot: Any) -> None:
    calls: list[int] = []
    throttle = Throttle(calls.append, 100)
    for n in range(10):
        throttle(n)
    assert calls == [0]
    qtbot.waitUntil(lambda: calls == [0, 9], timeout=1_000)
    qtbot.wait(150)
    assert calls == [0, 9]


def test_a_debounce_waits_for_a_quiet_interval(qtbot: Any) -> None:
    calls: list[str] = []
    debounce = Throttle(calls.append, 80, leading=False)
    for text in ("b", "bo", "bob"):
        debounce(text)
        qtbot.wait(30)
    assert calls == []
    qtbot.waitUntil(lambda: calls == ["bob"], timeout=1_000)


def test_flush_runs_the_pending_call_now_and_cancel_drops_it(qtbot: Any) -> None:
    calls: list[int] = []
    throttle = Throttle(calls.append, 1_000)
    throttle(1)
    throttle(2)
    throttle.flush()
    assert calls == [1, 2]
    throttle(3)
    throttle.cancel()
    qtbot.wait(50)
    assert not throttle.pending() and calls == [1, 2]
