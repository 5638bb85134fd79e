"""A runner of `python -m livegiving_desktop` commands that forks them from one process.

Run as a script, one per pytest process (tests/helpers/cli.py starts it on the first command).
It imports once the third-party libraries every command imports (SQLAlchemy, psycopg,
Alembic: about 0.25 s of CPU of a command's 0.3 to 0.5 s) and the app's command-line modules
(they only define classes and functions as they are imported, and read no environment), then
forks a child for each command it is given. The child takes the command's environment,
working directory and arguments, redirects its standard streams to the files it is given and
runs `livegiving_desktop` as `python -m` would: `__main__` runs anew, any other module the
command needs is imported in the child, and its end is the interpreter's (threads joined,
atexit, streams flushed, the exit status of SystemExit, a traceback and 1, or death by SIGINT
for an uncaught KeyboardInterrupt). The suite starts a real interpreter instead when the
environment differs in what an interpreter reads as it starts (PYTHON*, LANG, LC_*), or the
runner is busy.

Protocol, one JSON object per line. On stdin: {"args", "env", "cwd", "out", "err", "timeout"};
on stdout: {"code": N} (N < 0: killed by signal -N) or {"timeout": true} (the child killed).
"""

from __future__ import annotations

import json
import os
import select
import signal
import sys
from typing import Any

# What a command imports before the app's own code runs, imported once here.
PRELOADED = (
    "argparse",
    "asyncio",
    "sqlite3",
    "sqlalchemy",
    "sqlalchemy.dialects.sqlite",
    "sqlalchemy.dialects.sqlite.pysqlite",
    "sqlalchemy.dialects.postgresql",
    "sqlalchemy.dialects.postgresql.psycopg",
    "sqlalchemy.pool",
    "psycopg",
    "alembic",
    "alembic.command",
    "alembic.config",
    "alembic.runtime.migration",
    "alembic.script",
    "alembic.operations",
)
# The app's modules most commands import (`campaigns`, `simulate`, `donate`, `moderate`...);
# one that fails to import is left to the child, which reports it as a new interpreter would.
PRELOADED_APP = (
    "livegiving_desktop.cli",
    "livegiving_desktop.services.ledger",
    "livegiving_desktop.services.ingest",
    "livegiving_desktop.services.simulation",
    "livegiving_desktop.services.events",
)


# Variables an interpreter reads as it starts: a command whose environment differs in them
# needs an interpreter of its own.
def startup_variables(env: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in env.items() if k.startswith(("PYTHON", "LC_")) or k in ("LANG",)}


def _child(request: dict[str, Any]) -> None:
    """In the forked child: become the command, run it, end as an interpreter ends."""
    import atexit
    import io
    import runpy
    import threading
    import traceback

    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    stdin = os.open(os.devnull, os.O_RDONLY)
    out = os.open(request["out"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    err = os.open(request["err"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    for fd, target in ((stdin, 0), (out, 1), (err, 2)):
        os.dup2(fd, target)
        os.close(fd)
    # The runner's own streams are what an interpreter started with the same start-up
    # variables makes (their encoding and error handlers): the command's are made alike.
    sys.stdin = sys.__stdin__ = io.TextIOWrapper(
        io.BufferedReader(io.FileIO(0, "r", closefd=False)),
        encoding=sys.stdin.encoding,
        errors=sys.stdin.errors,
    )
    sys.stdout = sys.__stdout__ = io.TextIOWrapper(
        io.BufferedWriter(io.FileIO(1, "w", closefd=False)),
        encoding=sys.stdout.encoding,
        errors=sys.stdout.errors,
    )
    sys.stderr = sys.__stderr__ = io.TextIOWrapper(
        io.BufferedWriter(io.FileIO(2, "w", closefd=False)),
        encoding=sys.stderr.encoding,
        errors=sys.stderr.errors,
        line_buffering=True,  # as an interpreter's stderr is, since Python 3.9
    )
    sys.path[0] = os.getcwd()  # as `python -m` puts it
    _, _, module, *arguments = request["args"]  # [python, "-m", module, *arguments]
    sys.argv = ["-m", *arguments]
    code = 0
    interrupted = False
    try:
        runpy.run_module(module, run_name="__main__", alter_sys=True)
    except SystemExit as stop:
        if stop.code is None:
            code = 0
        elif isinstance(stop.code, int):
            code = stop.code
        else:
            print(stop.code, file=sys.stderr)
            code = 1
    except KeyboardInterrupt:
        traceback.print_exc()
        interrupted = True
    except BaseException:
        sys.excepthook(*sys.exc_info())
        code = 1
    try:
        threading._shutdown()  # type: ignore[attr-defined]  # as the interpreter's end does
        atexit._run_exitfuncs()
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
    except BaseException:
        code = code or 120  # what Python exits with when flushing at its end fails
    if interrupted:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGINT)
    os._exit(code & 0xFF)


def _wait(pid: int, timeout: float) -> dict[str, Any]:
    fd = os.pidfd_open(pid)
    try:
        ready, _, _ = select.select([fd], [], [], timeout)
        if not ready:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            return {"timeout": True}
    finally:
        os.close(fd)
    _, status = os.waitpid(pid, 0)
    return {"code": os.waitstatus_to_exitcode(status)}


def serve() -> None:
    import importlib

    for name in PRELOADED:
        importlib.import_module(name)
    for name in PRELOADED_APP:
        try:
            importlib.import_module(name)
        except Exception:  # the child imports it again and says why
            for loaded in [m for m in sys.modules if m.startswith("livegiving_desktop")]:
                del sys.modules[loaded]
            break
    requests = sys.stdin.buffer
    replies = sys.stdout.buffer
    replies.write(b'{"ready": true}\n')
    replies.flush()
    for line in requests:
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:
            try:
                _child(request)
            finally:
                os._exit(70)  # _child never returns; a failure before the command: EX_SOFTWARE
        replies.write(json.dumps(_wait(pid, float(request["timeout"]))).encode() + b"\n")
        replies.flush()


if __name__ == "__main__":
    serve()
