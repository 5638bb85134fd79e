"""Running `python -m livegiving_desktop` the way a script would."""

from __future__ import annotations

import os
import subprocess
import sys
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
