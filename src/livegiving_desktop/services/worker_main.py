"""The ingestion worker's own side: what runs in the worker process (services/worker.py starts
it and speaks to it). The process opens the database itself, runs the simulated audience of one
live campaign into the ingestion pipeline (a fundraiser) or the paid event's runner (tickets,
the door, donations), follows the moderation rules through the change feed, and writes. The
window's process only displays what the change feed says was committed.

The protocol, on a loopback socket (`multiprocessing.connection` frames pickled tuples; the
first item names the message). The worker first sends the key it read on its standard input
(raw bytes), the window then sends the WorkerSpec (a pickled object), then:

    window -> worker
      ("rate", float)              a new rate a second (0 holds the audience)
      ("pause",) / ("resume",)     the creator holds the audience, or lets it go on
      ("submit", [DonationDraft])  an offline donation through the same pipeline
      ("abandon",)                 quitting during an outage: stop retrying what is unsaved
      ("stop",)                    stop the audience, commit what is queued, report, exit
    worker -> window
      ("ready",)                   the database is open and the audience runs
      ("not_started", reason)      it could not start (the reason in words); it exits
      ("saved", count)             a batch was committed (`count` donations so far): wakes the
                                   window's change feed, ends a saving outage
      ("failing", reason, gave_up) a batch could not be written: kept and retried, or given up
      ("audience_failed", reason)  the paid event's audience stopped on an error
      ("rules",)                   new moderation rules are applied to what comes next
      ("stopped", summary, failure)  everything queued is committed (failure: the reason
                                   something was given up, or None); the process exits next
      ("log", level, logger, text) a log record, for the window's log file

A window that goes away (its end of the socket closes, the window's process died) makes the
worker stop its audience, commit what is queued and exit: nothing is left running. The worker
runs a step below the window's priority (lower_priority): where the two compete for a core,
the window's UI thread gets it first.
"""

from __future__ import annotations

import importlib
import logging
import os
import signal
import socket
import sys
import threading
from collections.abc import Mapping
from multiprocessing.connection import Connection
from typing import Any

from livegiving_desktop.core.audience import SimulatedAudience
from livegiving_desktop.core.campaigns import CampaignKind
from livegiving_desktop.core.donations import DonationDraft
from livegiving_desktop.db.engine import open_database
from livegiving_desktop.services.events import EventAudienceRunner, EventService
from livegiving_desktop.services.failures import describe_failure
from livegiving_desktop.services.ingest import BatchOutcome, IngestError, IngestionPipeline
from livegiving_desktop.services.ledger import LedgerService
from livegiving_desktop.services.simulation import AudienceRunner
from livegiving_desktop.services.worker_spec import WorkerSpec

log = logging.getLogger("livegiving.worker")

POLL_S = 0.1
WORKER_NICE = 5  # the worker's step below the window (lower_priority)
NICE_ENV = "LIVEGIVING_WORKER_NICE"


class _Link:
    """The worker's end of the pipe: sends from any of its threads, one at a time."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self._lock = threading.Lock()
        self.open = True

    def send(self, *message: object) -> None:
        with self._lock:
            if not self.open:
                return
            try:
                self.conn.send(message)
            except (OSError, EOFError, ValueError):
                self.open = False  # the window is gone: nobody to tell


class _Live:
    """The audience and the pipeline of one live campaign, inside the worker."""

    def __init__(self, service: LedgerService, spec: WorkerSpec, link: _Link) -> None:
        self.link = link
        campaign = service.campaign(spec.campaign_id)
        self.pipeline: IngestionPipeline | None
        self.event_runner: EventAudienceRunner | None = None
        self.audience_runner: AudienceRunner | None = None
        if campaign.kind is CampaignKind.FUNDRAISER:
            # The rules and the seq they are as of are read here, then followed.
            self.pipeline = service.ingestion_pipeline(
                campaign, follow_rules=True, on_commit=self._saved, on_error=self._failed
            )
            audience = SimulatedAudience(
                spec.seed if spec.seed is not None else _random_seed(),
                campaign.currency,
                minimum_minor=campaign.minimum_minor,
                maximum_minor=campaign.maximum_minor,
                id_prefix=spec.id_prefix,
                profile=spec.profile,
            )
            # A rate of 0 here is safe: set_rate pauses the runner before its thread starts.
            self.audience_runner = AudienceRunner(audience, self.pipeline, rate=spec.rate)
            self.runner: AudienceRunner | EventAudienceRunner = self.audience_runner
        else:
            events = EventService(service)
            self.event_runner = EventAudienceRunner(
                events,
                campaign,
                events.audience(campaign, spec.seed),
                follow_rules=True,
                rate=spec.rate,
                on_commit=self._saved,
                on_error=self._event_failed,
            )
            self.pipeline = self.event_runner.pipeline
            self.runner = self.event_runner
        self.set_rate(spec.rate, paused=spec.paused)
        self.runner.start()

    def set_rate(self, rate: float, *, paused: bool) -> None:
        # 0 means nobody is coming; the runner's 0 means as fast as it can, so the runner
        # never gets it: paused at the rate it had (set first, its thread could read 0 before
        # the pause and hand on a whole chunk).
        if paused or not rate > 0:  # NaN too
            self.runner.pause()
        else:
            self.runner.set_rate(rate)
            self.runner.resume()

    def _saved(self, outcome: BatchOutcome) -> None:
        self.link.send("saved", outcome.committed)

    def _failed(self, exc: Exception) -> None:
        gave_up = self.pipeline is not None and self.pipeline.failure is not None
        self.link.send("failing", describe_failure(exc), gave_up)

    def _event_failed(self, exc: Exception) -> None:
        # A paid event's runner reports its own errors and its pipeline's with one callback:
        # its own stop the audience; its pipeline's are a saving outage, as a fundraiser's.
        if self.event_runner is not None and exc is self.event_runner.error:
            self.link.send("audience_failed", describe_failure(exc))
        else:
            self._failed(exc)

    def stop(self) -> tuple[object, str | None]:
        """Stop the audience, commit what is queued: the summary and what was given up."""
        if self.event_runner is not None:
            summary: object = self.event_runner.close()
            failure = self.pipeline.failure if self.pipeline is not None else None
            return summary, None if failure is None else describe_failure(failure)
        assert self.audience_runner is not None and self.pipeline is not None
        self.audience_runner.stop()
        self.audience_runner.join()
        try:
            return self.pipeline.close(), None
        except IngestError as exc:
            return self.pipeline.summary(), str(exc)


def _random_seed() -> int:
    import secrets

    return secrets.randbits(32)


def _run_hooks(service: LedgerService, spec: WorkerSpec) -> None:
    for entry in spec.sys_path:
        if entry not in sys.path:
            sys.path.append(entry)
    for hook in spec.hooks:
        target, _, argument = hook.partition("=")
        module, _, name = target.partition(":")
        function = getattr(importlib.import_module(module), name)
        if argument:
            function(service, argument)
        else:
            function(service)


class _LogToWindow(logging.Handler):
    """The worker's log records go to the window's process, which writes the one log file."""

    def __init__(self, link: _Link) -> None:
        super().__init__(logging.INFO)
        self.link = link
        self.setFormatter(logging.Formatter("%(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.link.send("log", record.levelno, record.name, "[worker] " + self.format(record))
        except Exception:
            self.handleError(record)


def lower_priority(environ: Mapping[str, str] = os.environ) -> int:
    """Run a step below the window (POSIX `nice`, before any thread starts: Linux sets it per
    thread and new threads inherit it): where the two compete for a core, the UI thread gets
    it first. Linux shares the CPU between scheduling groups (a session, a desktop
    application's cgroup) before niceness counts, so this orders the worker behind its own
    window, not behind other programs. Returns the niceness added.

    Measured (docs/architecture.md, "The worker a step below the window"): at 10,000
    donations a second, with one core taken by other work of the same group, the heartbeat's
    worst lateness went from 12.7 to 17.9 ms to 10.7 to 11.1 ms at +5; +10 did better there
    but, with both cores taken, left the worker 41 to 48 % of the asked rate, where +5 kept
    all of it. `LIVEGIVING_WORKER_NICE` sets another step (0: the window's priority)."""
    if not hasattr(os, "nice"):
        return 0  # Windows: the worker runs at the window's priority
    value = environ.get(NICE_ENV, "").strip()
    try:
        step = int(value) if value else WORKER_NICE
        if not 0 <= step <= 19:
            raise ValueError(value)
    except ValueError:
        log.warning("%s=%r is not a whole number from 0 to 19: the worker runs at +%d",
                    NICE_ENV, value, WORKER_NICE)  # fmt: skip
        step = WORKER_NICE
    if step:
        try:
            os.nice(step)
        except OSError as exc:
            log.warning("the worker cannot lower its priority: %s", exc)
            return 0
    return step


def run(conn: Connection, spec: WorkerSpec) -> None:
    """The worker process's body (multiprocessing's target)."""
    # Ctrl+C in the terminal is the window's to handle: it stops the worker by the pipe.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    link = _Link(conn)
    root = logging.getLogger()
    root.handlers[:] = [_LogToWindow(link)]
    root.setLevel(logging.INFO)
    lower_priority()
    try:
        service = LedgerService(open_database(spec.url, migrate=False))
    except Exception as exc:
        log.warning("ingestion worker cannot open the database: %s", exc)
        link.send("not_started", describe_failure(exc))
        return
    try:
        _run_hooks(service, spec)
        live = _Live(service, spec, link)
    except Exception as exc:
        log.warning("ingestion worker cannot start (campaign %s): %s", spec.campaign_id, exc)
        link.send("not_started", describe_failure(exc))
        service.close()
        return
    link.send("ready")
    try:
        _serve(conn, live, link, spec)
    finally:
        service.close()


def _serve(conn: Connection, live: _Live, link: _Link, spec: WorkerSpec) -> None:
    rate, paused = spec.rate, spec.paused
    rules: object = None  # the first set is told too: the window knows what the worker holds
    stopping: threading.Thread | None = None
    result: list[tuple[object, str | None]] = []

    def stop() -> None:
        result.append(live.stop())

    while True:
        if stopping is not None and not stopping.is_alive():
            summary, failure = result[0]
            link.send("stopped", summary, failure)
            return
        current = live.pipeline.moderation if live.pipeline is not None else None
        if current is not rules:
            rules = current
            link.send("rules")
        try:
            if not conn.poll(POLL_S):
                continue
            message: tuple[Any, ...] = conn.recv()
        except (EOFError, OSError):
            message = ("stop",)  # the window is gone: commit what is queued and exit
            link.open = False
        kind = message[0]
        if kind == "rate":
            rate = float(message[1])
            live.set_rate(rate, paused=paused)
        elif kind in ("pause", "resume"):
            paused = kind == "pause"
            live.set_rate(rate, paused=paused)
        elif kind == "submit" and live.pipeline is not None:
            drafts: list[DonationDraft] = message[1]
            try:
                live.pipeline.submit_many(drafts)
            except IngestError as exc:
                link.send("failing", str(exc), True)
        elif kind == "abandon" and live.pipeline is not None:
            live.pipeline.abandon()
        elif kind == "stop" and stopping is None:
            stopping = threading.Thread(target=stop, name="worker-stop", daemon=True)
            stopping.start()
        if not link.open and stopping is not None:
            stopping.join()
            return


def main(argv: list[str] | None = None) -> None:
    """`python -m livegiving_desktop.services.worker_main PORT`: the worker calls the window
    back on 127.0.0.1:PORT and proves itself with the key the window wrote on its standard
    input; the WorkerSpec is then the first message. The same on every platform."""
    args = sys.argv[1:] if argv is None else argv
    key = sys.stdin.readline().strip().encode()
    try:
        sock = socket.create_connection(("127.0.0.1", int(args[0])), timeout=10)
        sock.settimeout(None)
        conn = Connection(sock.detach())
        conn.send_bytes(key)
        spec = conn.recv()
    except (EOFError, OSError):
        return  # the window went away before saying what to run
    run(conn, spec)


if __name__ == "__main__":
    main()
