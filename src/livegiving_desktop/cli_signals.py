"""A command stopped by a signal: Ctrl+C (SIGINT) or SIGTERM (`kill`, `timeout 60 livegiving
simulate …`) stop it in words with the exit status a shell gives, never a traceback; a
rehearsal first saves what it sent and prints its summary. The window quits on them as its
Quit does (app._quit_on_signals); while `livegiving` starts they are held, then acted on
(`hold_signals`)."""

from __future__ import annotations

import os
import signal
import sys

EXIT_INTERRUPTED = 130  # Ctrl+C, as a shell reports a command SIGINT ended
EXIT_TERMINATED = 143  # SIGTERM, the same way


class TerminatedError(KeyboardInterrupt):
    """SIGTERM: the command stops as on Ctrl+C, where the process ended on the spot."""


# Ctrl+C and SIGTERM delivered since a command started (`release_for_a_command`).
_delivered: list[int] = []


def stop_on_sigterm(_signum: int, _frame: object) -> None:
    """The command's SIGTERM handler (cli.main installs it for the program itself)."""
    _delivered.append(signal.SIGTERM)
    raise TerminatedError


def _interrupt(_signum: int, _frame: object) -> None:
    """The command's Ctrl+C handler: KeyboardInterrupt, as Python's own, and remembered."""
    _delivered.append(signal.SIGINT)
    raise KeyboardInterrupt


def stop_requested() -> KeyboardInterrupt | None:
    """The first Ctrl+C or SIGTERM since the command started, as the exception its handler
    raised. Python drops an exception raised while it runs a weakref callback or a finalizer
    ("Exception ignored in: ..."): a Ctrl+C that landed there, as a rehearsal imported what it
    runs, was lost and the rehearsal went on to its end. A wait that must end on Ctrl+C polls
    this too (`LedgerService.simulate(stop_requested=...)`)."""
    if not _delivered:
        return None
    return TerminatedError() if _delivered[0] == signal.SIGTERM else KeyboardInterrupt()


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


# Ctrl+C, SIGTERM (the session ending, `kill`) and SIGHUP (the terminal closing): the window
# quits on each as its Quit does, once its loop listens (app._quit_on_signals).
WINDOW_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
_held: list[int] = []


def hold_signals() -> None:
    """From the start of `livegiving` (cli.main) until it knows what it runs, and for the
    window until its loop listens, a signal is held (`held_signal`), then acted on: raised as
    Python raises Ctrl+C, it printed a traceback while the arguments were read, aborted the
    process inside PySide6's import (a "Fatal Python error" and a dump), or was swallowed by a
    Qt virtual method while the first frame painted and the app went on; SIGTERM and SIGHUP
    ended it on the spot. An ignored one stays ignored (`nohup livegiving`, or started in the
    background)."""
    for number in WINDOW_SIGNALS:
        if signal.getsignal(number) is not signal.SIG_IGN:
            signal.signal(number, _hold)


def _hold(number: int, _frame: object) -> None:
    _held.append(number)


def held_signal() -> signal.Signals | None:
    """The first signal held (`hold_signals`), if one came."""
    return signal.Signals(_held[0]) if _held else None


def release_for_a_command() -> None:
    """A command runs: Ctrl+C raises KeyboardInterrupt and SIGTERM TerminatedError (cli.main
    says them in words), SIGHUP ends it as it did; one held meanwhile is acted on now."""
    for number, handler in ((signal.SIGINT, _interrupt),
                            (signal.SIGTERM, stop_on_sigterm),
                            (signal.SIGHUP, signal.SIG_DFL)):  # fmt: skip
        if signal.getsignal(number) is _hold:
            signal.signal(number, handler)
    held = held_signal()
    if held is signal.SIGHUP:
        os.kill(os.getpid(), signal.SIGHUP)
    elif held is signal.SIGTERM:
        raise TerminatedError
    elif held is signal.SIGINT:
        raise KeyboardInterrupt
