"""Running `python -m livegiving_desktop` the way a script would."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from typing import Protocol
from pathlib import Path

CLI_TIMEOUT_S = 120


@dataclass(frozen=True)
class CliResult:
    code: int
    stdout: str
    stderr: str


def run_cli(*args: str, data_dir: Path, db: Path | str | None = None) -> CliResult:
    """Run the command line in a child process with its own user data directory."""
    env = {k: v for k, v in os.environ.items() if k != "LIVEGIVING_DB"}
    env["LIVEGIVING_DATA_DIR"] = str(data_dir)
    env["PYTHONIOENCODING"] = "utf-8"
    argv = [sys.executable, "-m", "livegiving_desktop", *args]
    if db is not None:
        argv += ["--db", str(db)]
    import time as _t; _s=_t.time()
    completed = subprocess.run(
        argv,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=CLI_TIMEOUT_S,
        check=False,
    )
    print('CLI', round(_t.time()-_s,2), args[:2], file=sys.stderr)
    return CliResult(completed.returncode, completed.stdout, completed.stderr)


class Cli(Protocol):
    """The command line bound to one test's database."""

    def __call__(self, *args: str) -> CliResult: ...
