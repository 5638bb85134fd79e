"""Running `python -m livegiving_desktop` the way a script would."""

from __future__ import annotations

import atexit
import contextlib
import functools
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from helpers.cli_forks import startup_variables

CLI_TIMEOUT_S = 120
FORKS_ENV = "LIVEGIVING_TEST_CLI_FORKS"


@dataclass(frozen=True)
class CliResult:
    code: int
    stdout: str
    stderr: str


def cli_env(data_dir: Path, **extra: str) -> dict[str, str]:
    """The environment of a child CLI: its own user data directory, no inherited LIVEGIVING_DB."""
    env = {k: v for k, v in os.environ.items() if k != "LIVEGIVING_DB"}
    env["LIVEGIVING_DATA_DIR"] = str(data_dir)
    env["PYTHONIOENCODING"] = "utf-8"
    env.update(extra)
    return env


def cli_argv(*args: str, db: Path | str | None = None) -> list[str]:
    argv = [sys.executable, "-m", "livegiving_desktop", *args]
    if db is not None:
        argv += ["--db", str(db)]
    return argv


def run_cli(
    *args: str, data_dir: Path, db: Path | str | None = None, env: dict[str, str] | None = None
) -> CliResult:
    """Run the command line in a child process with its own user data directory: forked by
    this pytest process's runner (tests/helpers/cli_forks.py) when it can, else a new
    interpreter (LIVEGIVING_TEST_CLI_FORKS=0: always)."""
    argv, child_env = cli_argv(*args, db=db), cli_env(data_dir, **(env or {}))
    forked = _forks().run(argv, child_env)
    if forked is not None:
        return forked
    return run_in_new_interpreter(argv, child_env)


def run_in_new_interpreter(argv: list[str], env: dict[str, str]) -> CliResult:
    """`argv` run as a script would, in an interpreter of its own."""
    completed = subprocess.run(
        argv,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=CLI_TIMEOUT_S,
        check=False,
    )
    return CliResult(completed.returncode, completed.stdout, completed.stderr)


class _ForkRunner:
    """This pytest process's runner of forked commands (tests/helpers/cli_forks.py), started
    on the first command; None from `run` when a command needs an interpreter of its own."""

    def __init__(self) -> None:
        self._process: subprocess.Popen[bytes] | None = None
        self._env: dict[str, str] = {}
        self._lock = threading.Lock()
        # Off when asked, or where a process cannot be forked and waited for by a pidfd.
        self._off = os.environ.get(FORKS_ENV, "1") == "0" or not hasattr(os, "pidfd_open")
        self._folder: Path | None = None  # the commands' output files, made at the start
        self._count = 0

    @property
    def on(self) -> bool:
        """Commands are forked (not turned off, the runner not stopped)."""
        return not self._off

    def _start(self) -> subprocess.Popen[bytes]:
        if self._process is None:
            self._folder = Path(tempfile.mkdtemp(prefix="lg-cli-forks-"))
            self._env = cli_env(self._folder)
            self._process = subprocess.Popen(
                [sys.executable, str(Path(__file__).with_name("cli_forks.py"))],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                env=self._env,
                cwd=self._folder,
            )
            atexit.register(self.close)
            assert self._process.stdout is not None
            if json.loads(self._process.stdout.readline() or b"{}") != {"ready": True}:
                raise RuntimeError("the command runner did not start")
        return self._process

    def run(self, argv: list[str], env: dict[str, str]) -> CliResult | None:
        if self._off or argv[1:3] != ["-m", "livegiving_desktop"]:
            return None
        if not self._lock.acquire(blocking=False):
            return None  # another thread's command runs: this one gets an interpreter
        try:
            process = self._start()
            if startup_variables(env) != startup_variables(self._env):
                return None
            assert self._folder is not None
            self._count += 1
            out, err = (self._folder / f"{self._count}.{n}" for n in ("out", "err"))
            request = {"args": argv, "env": env, "cwd": os.getcwd(), "out": str(out),
                       "err": str(err), "timeout": CLI_TIMEOUT_S}  # fmt: skip
            assert process.stdin is not None and process.stdout is not None
            process.stdin.write(json.dumps(request).encode() + b"\n")
            process.stdin.flush()
            reply = json.loads(process.stdout.readline() or b"{}")
            if reply.get("timeout"):
                raise subprocess.TimeoutExpired(argv, CLI_TIMEOUT_S)
            if "code" not in reply:
                self._off = True
                raise RuntimeError("the command runner stopped")
            try:
                return CliResult(
                    int(reply["code"]),
                    out.read_text(encoding="utf-8"),
                    err.read_text(encoding="utf-8"),
                )
            finally:
                out.unlink(missing_ok=True)
                err.unlink(missing_ok=True)
        finally:
            self._lock.release()

    def close(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.wait()
            self._process = None
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None


@functools.cache
def _forks() -> _ForkRunner:
    return _ForkRunner()


class Cli(Protocol):
    """The command line bound to one test's database."""

    def __call__(self, *args: str) -> CliResult: ...


def as_from_a_terminal(argv: list[str], *, ignored: tuple[signal.Signals, ...] = ()) -> list[str]:
    """`argv` started with SIGINT and SIGHUP as a terminal gives them (a shell running this
    suite in the background hands its children both ignored, which the app respects), but for
    `ignored`, as `nohup` ignores SIGHUP: set, then exec (an exec keeps both dispositions)."""
    code = (
        "import os, signal, sys\n"
        "for n in (signal.SIGINT, signal.SIGHUP):\n"
        "    signal.signal(n, signal.SIG_IGN if int(n) in IGNORED else signal.SIG_DFL)\n"
        "os.execv(sys.argv[1], sys.argv[1:])\n"
    ).replace("IGNORED", repr({int(n) for n in ignored}))
    return [sys.executable, "-c", code, *argv]


@contextlib.contextmanager
def started_as_from_a_terminal(
    argv: list[str], env: dict[str, str], *, ignored: tuple[signal.Signals, ...] = ()
) -> Iterator[subprocess.Popen[str]]:
    """`argv` started as from a terminal (`as_from_a_terminal`), its output captured as text;
    killed on leaving if it is still running (a test that failed before it ended)."""
    process = subprocess.Popen(as_from_a_terminal(argv, ignored=ignored), stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, env=env)  # fmt: skip
    try:
        yield process
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
