"""Database work off the UI thread: one executor thread, awaited from the asyncio loop."""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable, Coroutine
from functools import partial
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

# asyncio is imported when a task starts: the window's first frame paints before it (issue 19).
if TYPE_CHECKING:
    import asyncio

log = logging.getLogger("livegiving.ui")

P = ParamSpec("P")
T = TypeVar("T")

_tasks: set[asyncio.Task[Any]] = set()


class DbRunner:
    """Runs service calls on a single database thread so the UI never waits on the database."""

    def __init__(self) -> None:
        from concurrent.futures import ThreadPoolExecutor

        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="livegiving-db")

    async def call(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        import asyncio

        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, partial(fn, *args, **kwargs))

    def shutdown(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=False)


def spawn(
    coro: Coroutine[Any, Any, Any], on_error: Callable[[BaseException], None] | None = None
) -> asyncio.Task[Any]:
    """Start a coroutine from a slot; errors go to `on_error` (or the log), never lost."""
    import asyncio

    task = asyncio.ensure_future(coro)
    _tasks.add(task)

    def _done(t: asyncio.Task[Any]) -> None:
        _tasks.discard(t)
        if t.cancelled():
            return
        exc = t.exception()
        if exc is None:
            return
        log.error("task failed: %s", exc, exc_info=exc)
        if on_error is not None:
            on_error(exc)

    task.add_done_callback(_done)
    return task


def pending_tasks() -> int:
    return len(_tasks)


def abandon_tasks(loop: asyncio.AbstractEventLoop) -> int:
    """Forget the tasks of `loop`, a loop about to close for good (a test's loop): cancelled,
    they would never run again to say so, and `pending_tasks()` would count them for ever.
    Returns how many there were."""
    mine = [task for task in _tasks if task.get_loop() is loop]
    for task in mine:
        task.cancel()
        _tasks.discard(task)
        coro = task.get_coro()
        if inspect.iscoroutine(coro) and inspect.getcoroutinestate(coro) == inspect.CORO_CREATED:
            coro.close()  # never started: not "never awaited" either
    return len(mine)


class OneAtATime:
    """A reload that never overlaps itself: `again()` starts `make()` now, or, while one is
    still running, once more after it (however many times it was asked meanwhile). A reload
    slower than its throttle (a busy machine, a large ledger) then waits instead of piling up
    coroutines and database work without end."""

    def __init__(
        self,
        make: Callable[[], Coroutine[Any, Any, Any]],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        self._make = make
        self._on_error = on_error
        self._running: asyncio.Task[Any] | None = None
        self._wanted = False

    @property
    def running(self) -> bool:
        return self._running is not None

    def again(self) -> None:
        if self._running is not None:
            self._wanted = True
            return
        self._wanted = False
        self._running = spawn(self._make(), self._on_error)
        self._running.add_done_callback(self._on_done)

    def _on_done(self, _task: asyncio.Task[Any]) -> None:
        self._running = None
        if self._wanted:
            self.again()
