"""A worker thread's callbacks into Qt: they emit a signal of a bridge object, which Qt queues
to the UI thread (ui/common/feed.FeedBridge, ui/common/presence.PresenceBridge)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject


def thread_emitter(bridge: QObject, signal: str) -> Callable[[Any], None]:
    """Emits `bridge`'s `signal` from another thread; nothing once Qt has deleted the bridge
    (its window gone: a delivery already on its way has nobody left to tell, and the thread is
    stopping), instead of a failure with a traceback in the log."""

    def emit(value: Any) -> None:
        try:
            getattr(bridge, signal).emit(value)
        except RuntimeError:  # "Internal C++ object (...) already deleted"
            if shiboken6.isValid(bridge):
                raise

    return emit
