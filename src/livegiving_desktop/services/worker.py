"""Ingestion in its own process: the window's handle on the worker that runs a live campaign's
simulated audience, validation, the moderation rules and the writer (services/worker_main.py,
which also documents the protocol).

Why a process: in the window's process these threads compete with the UI thread for the GIL;
at thousands of donations a second the UI thread's 5 ms heartbeat came late by tens of
milliseconds. Out of the process, the window does what a seat watching another seat's broadcast
does: it displays what the change feed says was committed (shown means committed, as before).

    worker = IngestWorker(spec, on_message)     # starts the process off the caller's thread
    worker.set_rate(50); worker.pause(); worker.submit([draft])
    summary = worker.stop()                     # commit what is queued; blocks

The worker is a fresh interpreter (`python -m livegiving_desktop.services.worker_main PORT`),
never a fork of the window's process and its threads. It calls the window back on a loopback
port of its own and proves itself with a key written on its standard input, the same on every
platform; the first message is then the WorkerSpec (the database's credentials never appear on
a command line). A worker that dies is started again, at
most RESTARTS times in RESTART_WINDOW_S, and `on_message("died", reason, restarting)` says so;
what it had not committed was never shown. The worker's log records come to this process's log.
"""

from __future__ import annotations

import contextlib
import hmac
import logging
import os
import secrets
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from multiprocessing.connection import Connection
from typing import Any

from livegiving_desktop.services.worker_spec import WorkerSpec

log = logging.getLogger("livegiving.worker")

HOOKS_ENV = "LIVEGIVING_WORKER_HOOKS"  # "module:function[=argument]" entries separated by ";"
RESTARTS = 3
RESTART_WINDOW_S = 60.0
ABANDON_WAIT_S = 5.0
ACCEPT_POLL_S = 0.1  # how often the worker's call back is checked for a worker that died
HELLO_WAIT_S = 10.0  # after abandon(), a worker that does not stop in this time is ended


def hooks_from_environment() -> tuple[str, ...]:
    return tuple(h for h in os.environ.get(HOOKS_ENV, "").split(";") if h.strip())


class WorkerGoneError(Exception):
    """The worker could not start, or stopped without saying what it committed."""


OnMessage = Callable[..., None]


class IngestWorker:
    """One worker process for one live campaign, and the thread that listens to it.
    `on_message(kind, *args)` runs on that thread with the worker's messages (worker_main's
    protocol) and the handle's own: ("died", reason, restarting)."""

    def __init__(self, spec: WorkerSpec, on_message: OnMessage) -> None:
        self.spec = spec
        self._on_message = on_message
        self._lock = threading.Lock()
        self._conn: Connection | None = None
        self._process: subprocess.Popen[bytes] | None = None
        self._queued: list[tuple[object, ...]] = []  # sent once the process is there
        self._rate = spec.rate
        self._paused = spec.paused
        self._stopping = False
        self._ready = False  # the current worker said "ready"
        self._submitted = False  # an offline donation was handed to it
        # Every offline donation handed to it, sent again to a worker started after one died:
        # the dead one may have held them unsaved (a replayed id stores nothing, so those it
        # had saved are not counted twice). Typed by hand: a few a broadcast.
        self._offline: list[Any] = []
        self._cancelled = False  # stopped before it was ready: ended, nothing to wait for
        self._abandoned_at: float | None = None
        self._done = threading.Event()
        self._summary: object = None
        self._failure: str | None = None
        self.starts = 0
        self._thread = threading.Thread(target=self._run, name="ingest-worker-link", daemon=True)
        self._thread.start()

    # -- what the window asks (any thread; never blocks but stop) --------------------------

    def set_rate(self, rate: float) -> None:
        self._rate = rate
        self._send("rate", rate)

    def pause(self) -> None:
        self._paused = True
        self._send("pause")

    def resume(self) -> None:
        self._paused = False
        self._send("resume")

    def submit(self, drafts: list[Any]) -> None:
        with self._lock:
            self._submitted = True
            self._offline.extend(drafts)
        self._send("submit", drafts)

    def abandon(self) -> None:
        """Quitting during an outage: stop retrying what could not be saved."""
        self._abandoned_at = time.monotonic()
        self._send("abandon")

    def stop(self, timeout: float | None = None) -> object:
        """Stop the audience and commit what is queued; returns the worker's summary. Blocks
        (call it on the db thread). Raises IngestError when the worker gave up a batch, and
        WorkerGoneError when it stopped without a summary (or `timeout` ran out: it is ended).
        A worker still starting, with no offline donation handed to it, has written nothing:
        it is ended at once and the summary is None (leaving a campaign just opened)."""
        with self._lock:
            self._stopping = True
            starting = not self._done.is_set() and not self._ready
            self._cancelled = starting and not self._submitted
        if self._cancelled:
            self._end_process()
            self._done.wait()
            return None
        self._send("stop")
        deadline = None if timeout is None else time.monotonic() + timeout
        while not self._done.wait(0.1):
            now = time.monotonic()
            late = deadline is not None and now > deadline
            abandoned = self._abandoned_at is not None and now > self._abandoned_at + ABANDON_WAIT_S
            if late or abandoned:
                self._end_process()
                self._done.wait(5.0)
                break
        if self._failure is not None:
            from livegiving_desktop.services.ingest import IngestError

            raise IngestError(self._failure)
        if self._summary is None:
            raise WorkerGoneError("the audience's process stopped before saying what it saved")
        return self._summary

    @property
    def alive(self) -> bool:
        return not self._done.is_set()

    @property
    def pid(self) -> int | None:
        process = self._process
        return None if process is None else process.pid

    # -- the link thread -------------------------------------------------------------------

    def _send(self, *message: object) -> None:
        with self._lock:
            conn = self._conn
            if conn is None:
                self._queued.append(message)
                return
            # If the worker is gone, the link thread says so and starts another.
            with contextlib.suppress(OSError, ValueError):
                conn.send(message)

    def _run(self) -> None:
        deaths: list[float] = []
        try:
            while True:
                outcome = self._one_process()
                if outcome is not None or self._cancelled:  # stopped, or said already
                    return
                now = time.monotonic()
                deaths = [t for t in deaths if now - t < RESTART_WINDOW_S] + [now]
                reason = self._exit_reason()
                restarting = not self._stopping and len(deaths) <= RESTARTS
                log.warning("ingestion worker died (%s); restarting: %s", reason, restarting)
                self._tell("died", reason, restarting)
                if not restarting:
                    return
        except Exception as exc:  # never a silent end: the window is told in words
            log.exception("ingestion worker link failed")
            self._tell("died", str(exc) or type(exc).__name__, False)
        finally:
            self._end_process()
            self._done.set()

    def _one_process(self) -> str | None:
        """Start a worker and listen to it: "stopped" or "not_started", or None if it died."""
        spec = replace(
            self.spec,
            rate=self._rate,
            paused=self._paused,
            seed=self.spec.seed if self.starts == 0 else None,
            id_prefix=f"{self.spec.id_prefix}{secrets.token_hex(4)}-",
            sys_path=tuple(sys.path) if self.spec.hooks else (),
        )
        with socket.create_server(("127.0.0.1", 0)) as server:
            key = secrets.token_hex(16)
            process = subprocess.Popen(
                [sys.executable, "-m", "livegiving_desktop.services.worker_main",
                 str(server.getsockname()[1])],
                stdin=subprocess.PIPE,
            )  # fmt: skip
            self.starts += 1
            with self._lock:
                self._process = process
                if self._cancelled:  # stopped while this one was being started
                    self._end_process()
            ours = self._accept(server, process, key)
        if ours is None:
            return None  # it died before it called back
        with self._lock:
            self._conn = ours
            queued, self._queued = self._queued, []
            if self.starts > 1 and self._offline:  # after a death: every one, once
                queued = [m for m in queued if m[0] != "submit"]
                queued.insert(0, ("submit", list(self._offline)))
            if self._stopping:
                queued.append(("stop",))
            with contextlib.suppress(OSError, ValueError):  # if it died at once: said below
                ours.send(spec)  # first, what to run; then what was asked meanwhile
                for message in queued:
                    ours.send(message)
        try:
            return self._listen(ours, process)
        finally:
            with self._lock:
                self._conn = None
            ours.close()

    @staticmethod
    def _accept(
        server: socket.socket, process: subprocess.Popen[bytes], key: str
    ) -> Connection | None:
        """The worker's call back on the loopback port, proved by the key it was given on its
        standard input (never on its command line); None if it died first."""
        assert process.stdin is not None
        with contextlib.suppress(OSError):
            process.stdin.write(key.encode() + b"\n")
            process.stdin.close()
        server.settimeout(ACCEPT_POLL_S)
        while process.poll() is None:
            try:
                sock, _ = server.accept()
            except TimeoutError:
                continue
            sock.settimeout(None)
            conn = Connection(sock.detach())
            try:
                if conn.poll(HELLO_WAIT_S) and hmac.compare_digest(
                    conn.recv_bytes(64), key.encode()
                ):
                    return conn
            except (EOFError, OSError):
                pass
            conn.close()  # not our worker
        return None

    def _listen(self, conn: Connection, process: subprocess.Popen[bytes]) -> str | None:
        while True:
            try:
                message = conn.recv()
            except (EOFError, OSError):  # its end closed: the worker is gone
                with contextlib.suppress(subprocess.TimeoutExpired):
                    process.wait(2.0)
                return None
            kind = message[0]
            if kind == "ready":
                self._ready = True
            if kind == "log":
                _, level, name, text = message
                logging.getLogger(name).log(level, "%s", text)
                continue
            if kind == "stopped":
                _, self._summary, self._failure = message
                with contextlib.suppress(subprocess.TimeoutExpired):
                    process.wait(5.0)
                return "stopped"
            self._tell(*message)
            if kind == "not_started":
                with contextlib.suppress(subprocess.TimeoutExpired):
                    process.wait(5.0)
                return "not_started"

    def _tell(self, *message: object) -> None:
        try:
            self._on_message(*message)
        except Exception:
            log.exception("worker message listener failed")

    def _exit_reason(self) -> str:
        process = self._process
        code = None if process is None else process.poll()
        if code is None:
            return "the audience's process stopped answering"
        if code < 0:
            return f"the audience's process was stopped by signal {-code}"
        return f"the audience's process ended with status {code}"

    def _end_process(self) -> None:
        process = self._process
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(2.0)
        except subprocess.TimeoutExpired:
            process.kill()
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(2.0)
