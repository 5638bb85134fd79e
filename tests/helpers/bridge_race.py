"""Bridges deleted while a thread emits through them, round after round, in a process of its
own (tests/gui/test_feed_lifetime.py): a crash ends the process, not the test run. Prints "ok"
when every round is over.

    python -m tests.helpers.bridge_race [ROUNDS]
"""

from __future__ import annotations

import os
import sys
import threading
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QObject, Signal

    from livegiving_desktop.ui.common.bridge import thread_emitter

    app = QCoreApplication(["bridge-race"])

    class Bridge(QObject):
        changes = Signal(object)

    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    for _ in range(rounds):
        window = QObject()
        bridge = Bridge(window)
        seen: list[object] = []
        bridge.changes.connect(seen.append)
        emit = thread_emitter(bridge, "changes")
        stop, started = threading.Event(), threading.Event()

        def pump(emit=emit, stop=stop, started=started) -> None:  # type: ignore[no-untyped-def]
            while not stop.is_set():
                emit(1)
                started.set()

        thread = threading.Thread(target=pump)
        thread.start()
        started.wait()  # emitting already as the window goes
        time.sleep(0.0005)
        shiboken6.delete(window)  # the window closes, its bridge with it, the thread emitting
        time.sleep(0.0005)
        stop.set()
        thread.join()
        app.processEvents()

    # And a bridge that stays: what a thread emits reaches its receivers, in order, on the UI
    # thread.
    bridge = Bridge()
    seen = []
    bridge.changes.connect(lambda value: seen.append((value, threading.current_thread().name)))
    emit = thread_emitter(bridge, "changes")
    sender = threading.Thread(target=lambda: [emit(n) for n in range(5)], name="worker")
    sender.start()
    sender.join()
    deadline = time.monotonic() + 10
    while len(seen) < 5 and time.monotonic() < deadline:
        app.processEvents()
    if seen != [(n, "MainThread") for n in range(5)]:
        print(f"delivered {seen}", flush=True)
        return 1
    print("ok", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
