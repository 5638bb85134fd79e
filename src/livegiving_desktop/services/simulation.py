"""Runs a simulated audience into an ingestion pipeline, in real time or as fast as possible."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from livegiving_desktop.core.audience import SimulatedAudience
from livegiving_desktop.core.donations import DonationDraft
from livegiving_desktop.services.ingest import IngestError, IngestionPipeline

TICK_S = 0.01
FAST_CHUNK = 1000


class AudienceRunner:
    """A thread that delivers the audience's donations to the pipeline at the asked rate.

    The rate can change while it runs (the live view's spin box); pause() holds deliveries.
    Stops after `count` deliveries or `seconds` of running time, or on stop().
    """

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
        self.audience = audience
        self.pipeline = pipeline
        self._rate = float(rate)
        self._count = count
        self._seconds = seconds
        self._on_finished = on_finished
        self._stop = threading.Event()
        self._running = threading.Event()
        self._running.set()
        self.error: Exception | None = None
        self._thread = threading.Thread(target=self._run, name="audience", daemon=True)

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

    @property
    def finished(self) -> bool:
        return self._thread.ident is not None and not self._thread.is_alive()

    def _left(self) -> int | None:
        return None if self._count is None else self._count - self.audience.delivered

    def _run(self) -> None:
        try:
            self._deliver()
        except IngestError as exc:
            self.error = exc
        finally:
            if self._on_finished is not None:
                self._on_finished()

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
                self.pipeline.submit_many([self.audience.next_delivery() for _ in range(size)])
                due = active
                continue
            drafts: list[DonationDraft] = []
            if due < active - 1.0:
                due = active  # After a stall, do not fire a backlog of deliveries at once.
            while due <= active and (left is None or len(drafts) < left):
                if self._seconds is not None and due >= self._seconds:
                    break
                drafts.append(self.audience.next_delivery())
                due += self.audience.next_gap(rate)
            if drafts:
                self.pipeline.submit_many(drafts)
            self._stop.wait(min(TICK_S, max(0.0, due - active)))
