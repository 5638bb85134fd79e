"""A worker thread's callbacks into Qt: they reach a signal of a bridge object on the UI thread
(ui/common/feed.FeedBridge, ui/common/presence.PresenceBridge, the overlays panel's actions).

The worker thread never touches the bridge itself: the UI thread may delete it at any moment
(its window closed), and a signal emitted from another thread on an object being deleted
crashed the process (a segmentation fault in Qt, seen once in CI as a test deleted a feed's
window; a thread emitting while its bridge is deleted crashed in every run of 300 rounds). It
emits a signal of one relay object instead, which lives on the UI thread for the whole process
and is never deleted; Qt queues it to the UI thread, where the bridge, if it still exists,
emits its own signal to its receivers.
"""

from __future__ import annotations

import functools
import itertools
import weakref
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot


class _Relay(QObject):
    """Carries deliveries from worker threads to the bridges, on the UI thread."""

    delivered = Signal(int, str, object)  # the bridge's key, its signal's name, the values

    def __init__(self) -> None:
        super().__init__()
        # Touched on the UI thread only. Weak: a bridge nobody else holds goes as before.
        self.bridges: dict[int, weakref.ref[QObject]] = {}
        self.delivered.connect(self._on_delivered)

    @Slot(int, str, object)
    def _on_delivered(self, key: int, signal: str, values: tuple[Any, ...]) -> None:
        ref = self.bridges.get(key)
        bridge = None if ref is None else ref()
        if bridge is not None and shiboken6.isValid(bridge):
            getattr(bridge, signal).emit(*values)


@functools.cache
def _relay() -> _Relay:
    """The process's relay, living on the UI thread (the application's) whichever thread makes
    the first bridge: on another, its deliveries would be lost or run on a worker."""
    relay = _Relay()
    app = QCoreApplication.instance()
    if app is not None and relay.thread() is not app.thread():
        relay.moveToThread(app.thread())
    return relay


_keys = itertools.count(1)


def thread_emitter(bridge: QObject, signal: str) -> Callable[..., None]:
    """A callable for another thread that emits `bridge`'s `signal` with its arguments on the
    UI thread; nothing once Qt has deleted the bridge (its window gone: a delivery already on
    its way is dropped, for every receiver, and the thread is stopping). Called as the bridge
    is made. The bridge's receivers run one after the other inside the relay's slot: one that
    spun an event loop of its own would let later deliveries reach the next receivers first
    (none does)."""
    relay = _relay()
    key = next(_keys)
    relay.bridges[key] = weakref.ref(bridge)
    bridge.destroyed.connect(lambda *_: relay.bridges.pop(key, None))
    deliver = relay.delivered.emit

    def emit(*values: Any) -> None:
        deliver(key, signal, values)

    return emit
