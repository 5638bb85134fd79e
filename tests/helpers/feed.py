"""Collecting what a change follower delivers, and waiting for it, in tests."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from livegiving_desktop.services.changes import CampaignChanges, FeedHealth


class Collector:
    """The on_changes / on_health callbacks of a follower, recorded with their arrival time."""

    def __init__(self) -> None:
        self.changes: list[tuple[float, CampaignChanges]] = []
        self.health: list[tuple[float, FeedHealth]] = []
        self._lock = threading.Lock()

    def on_changes(self, changes: CampaignChanges) -> None:
        with self._lock:
            self.changes.append((time.time(), changes))

    def on_health(self, health: FeedHealth) -> None:
        with self._lock:
            self.health.append((time.time(), health))

    def delivered(self) -> list[CampaignChanges]:
        with self._lock:
            return [c for _, c in self.changes]

    def seqs(self) -> list[int]:
        """Every seq covered by the deliveries, in delivery order (a seq twice: applied twice)."""
        return [s for c in self.delivered() for s in range(c.first_seq, c.last_seq + 1)]

    def states(self) -> list[str]:
        with self._lock:
            return [h.state.value for _, h in self.health]

    def wait(self, condition: Callable[[], bool], timeout: float = 10.0) -> float:
        """Wait until condition() holds; returns when (time.time()). Fails on timeout."""
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise AssertionError("the follower did not deliver in time")
            time.sleep(0.01)
        return time.time()

    def arrival_of(self, predicate: Callable[[CampaignChanges], bool]) -> float | None:
        with self._lock:
            for at, c in self.changes:
                if predicate(c):
                    return at
        return None
