"""Call a function at most once per interval, after qutebrowser's misc/throttle.py.

The first call runs at once; calls during the interval are folded into one that runs when the
interval ends, with the latest arguments. The live views use it for the stage's repaints, the
feed's flush and the console's filter (there as a debounce: `leading=False`).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Slot


class Throttle(QObject):
    """`throttle(*args)` calls `func(*args)` now, or once the interval since the last call has
    passed. With `leading=False` it always waits for a quiet interval (a debounce)."""

    def __init__(
        self,
        func: Callable[..., Any],
        interval_ms: int,
        *,
        leading: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._func = func
        self._interval_ms = interval_ms
        self._leading = leading
        self._pending: tuple[Any, ...] | None = None
        self._last = 0.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)

    def __call__(self, *args: Any) -> None:
        now = time.monotonic()
        waited_ms = (now - self._last) * 1000
        if self._leading and not self._timer.isActive() and waited_ms >= self._interval_ms:
            self._last = now
            self._func(*args)
            return
        self._pending = args
        if not self._leading:
            self._timer.start(self._interval_ms)  # every call restarts the quiet interval
        elif not self._timer.isActive():
            self._timer.start(max(0, int(self._interval_ms - waited_ms)))

    def pending(self) -> bool:
        return self._pending is not None

    def flush(self) -> None:
        """Run the pending call now (closing a view, a test)."""
        self._timer.stop()
        self._on_timer_timeout()

    def cancel(self) -> None:
        self._timer.stop()
        self._pending = None

    @Slot()
    def _on_timer_timeout(self) -> None:
        args, self._pending = self._pending, None
        if args is not None:
            self._last = time.monotonic()
            self._func(*args)
