"""Running `python -m livegiving_desktop` the way a script would."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

CLI_TIMEOUT_S = 120


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
    """Run the command line in a child process with its own user data directory."""
    completed = subprocess.run(
        cli_argv(*args, db=db),
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=cli_env(data_dir, **(env or {})),
        timeout=CLI_TIMEOUT_S,
        check=False,
    )
    return CliResult(completed.returncode, completed.stdout, completed.stderr)


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
