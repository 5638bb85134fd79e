"""Python's garbage collector runs on the UI thread alone while a window is open.

CPython collects in whichever thread allocates past its threshold: the database thread, the
change feed's, presence's, the overlay server's. A cycle freed there may hold a Qt object that
Python owns (a widget, a timer), and a Qt object must die on the thread it lives in: a timer
destroyed on another thread stays registered with the UI thread's event loop (Qt says "Timers
cannot be stopped from another thread") and its next tick crashes the process. So while a
window is open, automatic collection is off and a timer on the UI thread collects as CPython
would have: the youngest generation once more objects than its threshold were made since the
last collection, an older generation once enough younger collections have run (CPython's
thresholds, `gc.get_threshold()`, every CHECK_MS). `gc.freeze` at ready (MainWindow) still
keeps the full collections short.
"""

from __future__ import annotations

import gc
from functools import partial
from typing import ClassVar

from PySide6.QtCore import QObject, QTimer

CHECK_MS = 25  # how often the UI thread looks at the collector's counts


def collect_if_due() -> int | None:
    """The collection CPython would run now (its generation), or None when none is due."""
    counts, thresholds = gc.get_count(), gc.get_threshold()
    if counts[0] <= thresholds[0]:
        return None
    generation = next((g for g in (2, 1) if counts[g] > thresholds[g]), 0)
    gc.collect(generation)
    return generation


class UiThreadCollector(QObject):
    """Automatic collection off from `start()` to `stop()`, this object's timer collecting on
    the thread it lives in (the UI thread) instead. Deleted with its window without `stop()`
    (a console closed and deleted), it stops all the same."""

    # Collectors started and not yet stopped (two seats' windows in one test process).
    open_count: ClassVar[int] = 0

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(collect_if_due)
        self._started = [False]  # shared with the `destroyed` handler, which outlives self
        self.destroyed.connect(partial(_stop, self._started))

    def start(self) -> None:
        if self._started[0]:
            return
        self._started[0] = True
        UiThreadCollector.open_count += 1
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        """Collect what is left here, then give collection back to CPython (once the last
        collector stops)."""
        self._timer.stop()
        _stop(self._started)


def _stop(started: list[bool], *_destroyed: object) -> None:
    if not started[0]:
        return
    started[0] = False
    UiThreadCollector.open_count -= 1
    gc.collect()
    if UiThreadCollector.open_count == 0:
        gc.enable()
