"""A command stopped by a signal: Ctrl+C (SIGINT) or SIGTERM (`kill`, `timeout 60 livegiving
simulate …`) stop it in words with the exit status a shell gives, never a traceback; a
rehearsal first saves what it sent and prints its summary."""

from __future__ import annotations

import sys

EXIT_INTERRUPTED = 130  # Ctrl+C, as a shell reports a command SIGINT ended
EXIT_TERMINATED = 143  # SIGTERM, the same way


class TerminatedError(KeyboardInterrupt):
    """SIGTERM: the command stops as on Ctrl+C, where the process ended on the spot."""


def stop_on_sigterm(_signum: int, _frame: object) -> None:
    """The command's SIGTERM handler (cli.main installs it for the program itself)."""
    raise TerminatedError


def stopped(exc: KeyboardInterrupt) -> tuple[str, int]:
    """What stopped a command, in words, and the exit status it gives."""
    if isinstance(exc, TerminatedError):
        return "stopped (SIGTERM)", EXIT_TERMINATED
    return "interrupted", EXIT_INTERRUPTED


def rehearsal_stopped(exc: KeyboardInterrupt) -> int:
    """A rehearsal a signal stopped, its summary printed: said on stderr; its exit status."""
    words, status = stopped(exc)
    print(f"livegiving: {words}; the donations counted above are saved", file=sys.stderr)
    return status
