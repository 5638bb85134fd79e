"""Ctrl+C in `livegiving`'s first milliseconds, while Python imports the command line or as
`cli.main` begins (before it holds the signals), stops it in words with exit 130: it printed
Python's traceback (seen by interrupting the program every 5 ms of its start). Every test of
the command line runs it through the launcher (`python -m livegiving_desktop`). The same sweep
found a Ctrl+C that Python drops (raised inside a weakref callback): the command remembers it
(cli_signals.stop_requested), and a rehearsal asks (tests/unit/services/test_ledger_service.py)."""

from __future__ import annotations

import importlib.abc
import sys
from typing import Any

import pytest

from livegiving_desktop import launch


class _InterruptedImport(importlib.abc.MetaPathFinder):
    def find_spec(self, name: str, *_args: Any) -> None:
        if name == "livegiving_desktop.cli":
            raise KeyboardInterrupt


def test_ctrl_c_while_the_command_line_is_imported_is_said_in_words(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delitem(sys.modules, "livegiving_desktop.cli", raising=False)
    monkeypatch.setattr(sys, "meta_path", [_InterruptedImport(), *sys.meta_path])
    assert launch.main() == 130
    err = capsys.readouterr().err
    assert err == "livegiving: interrupted before it started (nothing was done)\n"


def test_ctrl_c_as_the_command_line_begins_is_said_in_words(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import livegiving_desktop.cli

    def interrupted() -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(livegiving_desktop.cli, "main", interrupted)
    assert launch.main() == 130
    assert "Traceback" not in capsys.readouterr().err


class _Gone:
    pass


def test_a_ctrl_c_python_drops_is_still_seen_by_the_command(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Python drops an exception raised while it runs a weakref callback ("Exception ignored
    in: ..."): a Ctrl+C landing there, as a rehearsal imported what it runs, was lost and the
    rehearsal went on to its end. The command's handler remembers it (cli_signals)."""
    import signal
    import weakref

    from livegiving_desktop import cli_signals

    monkeypatch.setattr(cli_signals, "_delivered", [])
    monkeypatch.setattr(sys, "unraisablehook", lambda _unraisable: None)  # Python's message
    assert cli_signals.stop_requested() is None
    gone = _Gone()
    kept = weakref.ref(gone, lambda _ref: cli_signals._interrupt(signal.SIGINT, None))
    del gone  # the callback runs; its KeyboardInterrupt is dropped, as Python does
    assert kept() is None
    assert isinstance(cli_signals.stop_requested(), KeyboardInterrupt)
    assert not isinstance(cli_signals.stop_requested(), cli_signals.TerminatedError)
