"""Runs a simulated audience in real time or as fast as possible: the pacing, pausing and
stopping shared by the fundraiser's audience (donations into an ingestion pipeline) and the
paid event's (ticket orders and door attempts, see services/events.py)."""

from __future__ import annotations

import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import Generic, TypeVar

from livegiving_desktop.core.audience import SimulatedAudience
from livegiving_desktop.core.donations import DonationDraft
from livegiving_desktop.services.ingest import IngestError, IngestionPipeline

TICK_S = 0.01
FAST_CHUNK = 1000
STOP_POLL_S = 0.1  # how often a wait asks whether a stop was requested (PacedRunner.wait)

# What a waiting rehearsal asks: the Ctrl+C (or SIGTERM) to stop with, or None to go on.
StopRequested = Callable[[], KeyboardInterrupt | None]

Delivery = TypeVar("Delivery")


class PacedRunner(ABC, Generic[Delivery]):
    """A thread that hands an audience's deliveries on at the asked rate (0: as fast as
    possible, in chunks). The rate can change while it runs (the live view's spin box);
    pause() holds deliveries. Stops after `count` deliveries or `seconds` of running time
    (pauses excluded), or on stop()."""

    def __init__(self, *, rate: float, count: int | None, seconds: float | None, name: str) -> None:
        self._rate = float(rate)
        self._count = count
        self._seconds = seconds
        self._stop = threading.Event()
        self._running = threading.Event()
        self._running.set()
        self.error: Exception | None = None
        self._ended = threading.Event()
        self._thread = threading.Thread(target=self._body, name=name, daemon=True)

    def _body(self) -> None:
        try:
            self._run()
        finally:
            self._ended.set()

    # -- what an audience supplies ---------------------------------------------------------

    @abstractmethod
    def _delivered(self) -> int:
        """How many deliveries the audience has made so far."""

    @abstractmethod
    def _next(self) -> Delivery:
        """The audience's next delivery."""

    @abstractmethod
    def _gap(self, rate: float) -> float:
        """Seconds until the delivery after this one, at `rate` a second."""

    @abstractmethod
    def _hand_on(self, batch: list[Delivery]) -> None:
        """Pass a batch of deliveries on (to the pipeline, the ticket store)."""

    @abstractmethod
    def _run(self) -> None:
        """The thread's body: `_deliver()` with the runner's own error handling."""

    # -- control ---------------------------------------------------------------------------

    def start(self) -> None:
        self._thread.start()

    @property
    def rate(self) -> float:
        return self._rate

    def set_rate(self, rate: float) -> None:
        self._rate = max(0.0, float(rate))

    def pause(self) -> None:
        self._running.clear()

    def resume(self) -> None:
        self._running.set()

    @property
    def paused(self) -> bool:
        return not self._running.is_set()

    def stop(self) -> None:
        self._stop.set()
        self._running.set()

    def join(self, timeout: float | None = None) -> None:
        self._thread.join(timeout)

    def wait(self, stop_requested: StopRequested | None = None) -> None:
        """Until the thread has ended. Ctrl+C may interrupt it (KeyboardInterrupt) and leaves
        the runner as it was: stop() it and wait() again. Not join(): on Python 3.11 a
        Thread.join interrupted by Ctrl+C marks a thread still running as stopped (it
        releases the thread's own lock, bpo-45274's handler), and the next join returns at
        once, before the thread's last batch (a summary short of the ledger, seen).
        `stop_requested`: asked every STOP_POLL_S; what it returns is raised (a Ctrl+C whose
        exception Python dropped: cli_signals.stop_requested)."""
        if self._thread.ident is None:
            return
        if stop_requested is None:
            self._ended.wait()
            return
        while not self._ended.wait(STOP_POLL_S):
            stop = stop_requested()
            if stop is not None:
                raise stop

    @property
    def finished(self) -> bool:
        return self._thread.ident is not None and not self._thread.is_alive()

    # -- pacing ----------------------------------------------------------------------------

    def _left(self) -> int | None:
        return None if self._count is None else self._count - self._delivered()

    def _deliver(self) -> None:
        active = 0.0  # seconds spent delivering (pauses excluded)
        due = 0.0  # running time at which the next delivery is due
        last = time.monotonic()
        while not self._stop.is_set():
            if not self._running.is_set():
                self._running.wait()
                last = time.monotonic()
                continue
            now = time.monotonic()
            active += now - last
            last = now
            if self._seconds is not None and active >= self._seconds:
                return
            left = self._left()
            if left is not None and left <= 0:
                return
            rate = self._rate
            if rate <= 0:  # As fast as possible, in chunks the writer can swallow whole.
                size = FAST_CHUNK if left is None else min(FAST_CHUNK, left)
                self._hand_on([self._next() for _ in range(size)])
                due = active
                continue
            batch: list[Delivery] = []
            if due < active - 1.0:
                due = active  # After a stall, do not fire a backlog of deliveries at once.
            while due <= active and (left is None or len(batch) < left):
                if self._seconds is not None and due >= self._seconds:
                    break
                batch.append(self._next())
                due += self._gap(rate)
            if batch:
                self._hand_on(batch)
            self._stop.wait(min(TICK_S, max(0.0, due - active)))


class AudienceRunner(PacedRunner[DonationDraft]):
    """A fundraiser's simulated audience: its donations into the ingestion pipeline."""

    def __init__(
        self,
        audience: SimulatedAudience,
        pipeline: IngestionPipeline,
        *,
        rate: float,
        count: int | None = None,
        seconds: float | None = None,
        on_finished: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(rate=rate, count=count, seconds=seconds, name="audience")
        self.audience = audience
        self.pipeline = pipeline
        self._on_finished = on_finished

    def _delivered(self) -> int:
        return self.audience.delivered

    def _next(self) -> DonationDraft:
        return self.audience.next_delivery()

    def _gap(self, rate: float) -> float:
        return self.audience.next_gap(rate)

    def _hand_on(self, batch: list[DonationDraft]) -> None:
        self.pipeline.submit_many(batch)

    def _run(self) -> None:
        try:
            self._deliver()
        except IngestError as exc:
            self.error = exc
        finally:
            if self._on_finished is not None:
                self._on_finished()
