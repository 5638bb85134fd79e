"""A reload slower than its throttle waits for the one running instead of piling up: the 60
minute soak at 500 donations a second once held 900 waiting coroutines after nine minutes,
each console refresh (every 300 ms) starting a query while the last was still running."""

from __future__ import annotations

import asyncio

from livegiving_desktop.ui.common.runner import OneAtATime


def test_asked_while_running_it_runs_once_more_after_never_twice_at_once() -> None:
    running, runs, most = 0, 0, 0
    answered = asyncio.Event()  # the slow query answers when the test says so

    async def reload() -> None:
        nonlocal running, runs, most
        running += 1
        most = max(most, running)
        await answered.wait()
        running -= 1
        runs += 1

    async def main() -> None:
        gate = OneAtATime(reload)
        for _ in range(20):  # twenty changes while the first reload runs
            gate.again()
            await asyncio.sleep(0.001)
        answered.set()  # (it once slept 50 ms: a loaded machine let it end mid-loop)
        while gate.running:
            await asyncio.sleep(0.01)

    asyncio.run(main())
    assert most == 1  # never two at once
    assert runs == 2  # the first, then one for everything asked meanwhile


def test_a_failed_reload_is_reported_and_the_next_one_still_runs() -> None:
    errors: list[BaseException] = []
    calls = 0

    async def reload() -> None:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise RuntimeError("the database went away")

    async def main() -> None:
        gate = OneAtATime(reload, errors.append)
        gate.again()
        await asyncio.sleep(0.01)
        gate.again()
        await asyncio.sleep(0.01)

    asyncio.run(main())
    assert calls == 2 and len(errors) == 1
