"""Ctrl+C in the terminal that started the app, or SIGTERM as the session ends: the window
quits as its Quit does, asking nothing. Ctrl+C did nothing while the window was idle (Python's
handler waited for the next Python code to run), and SIGTERM ended the process on the spot,
its seat still shown on duty to the team for 15 s."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers.cli import cli_argv, cli_env
from livegiving_desktop.db import seats
from livegiving_desktop.services.ledger import LedgerService

ON_DUTY_US = 15_000_000  # presence's SILENT_AFTER_S


def _with_signals(argv: list[str], *, ignored: tuple[signal.Signals, ...] = ()) -> list[str]:
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


def _seats(service: LedgerService) -> set[str]:
    return {s.seat_key for s in seats.roster(service.db, None, ON_DUTY_US)}


@pytest.mark.parametrize(
    ("how", "options"),
    [
        (signal.SIGINT, ()),  # the home screen
        (signal.SIGTERM, ("--demo",)),  # the demo fundraiser's live view
        (signal.SIGTERM, ("--moderator",)),  # a moderator's console alone
        (signal.SIGHUP, ("--demo",)),  # the terminal that started it closed
    ],
    ids=["ctrl-c-home", "sigterm-live-view", "sigterm-console", "sighup-live-view"],
)
def test_a_signal_quits_the_app_as_quit_does(
    db_url: str, user_data_dir: Path, how: signal.Signals, options: tuple[str, ...]
) -> None:
    with (user_data_dir / "settings.ini").open("a", encoding="utf-8") as ini:
        ini.write("\n[moderation]\ndisplayName=Sam\nrole=moderator\n")
    service = LedgerService.open(db_url)
    try:
        if "--moderator" in options:
            service.create_fundraiser(title="Marathon", organization_id="croix-rouge-francaise",
                                      goal="500", currency="EUR")  # fmt: skip
        app = subprocess.Popen(
            _with_signals(cli_argv(*options, "--lang", "en", db=db_url)),
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env=cli_env(user_data_dir, QT_QPA_PLATFORM="offscreen"),
        )  # fmt: skip
        try:
            deadline = time.monotonic() + 30
            while not _seats(service):  # the window is up: its seat beats
                assert app.poll() is None, app.communicate()
                assert time.monotonic() < deadline, "the app's seat never showed"
                time.sleep(0.1)
            asked = time.monotonic()
            app.send_signal(how)
            _out, err = app.communicate(timeout=15)
            took = time.monotonic() - asked
        finally:
            if app.poll() is None:
                app.kill()
                app.wait()
        assert app.returncode == 0, err
        assert "Traceback" not in err, err
        assert took < 10  # CLOSE_WAIT_S and then some: never hangs on a question
        assert _seats(service) == set()  # gone at once for the team, not after 15 s
    finally:
        service.close()


def test_an_app_started_with_nohup_goes_on_when_its_terminal_closes(
    db_url: str, user_data_dir: Path
) -> None:
    service = LedgerService.open(db_url)
    try:
        app = subprocess.Popen(
            _with_signals(cli_argv("--lang", "en", db=db_url), ignored=(signal.SIGHUP,)),
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env=cli_env(user_data_dir, QT_QPA_PLATFORM="offscreen"),
        )  # fmt: skip
        try:
            deadline = time.monotonic() + 30
            while not _seats(service):
                assert app.poll() is None, app.communicate()
                assert time.monotonic() < deadline, "the app's seat never showed"
                time.sleep(0.1)
            app.send_signal(signal.SIGHUP)
            time.sleep(1.0)
            assert app.poll() is None  # still there
            app.send_signal(signal.SIGTERM)
            _out, err = app.communicate(timeout=15)
        finally:
            if app.poll() is None:
                app.kill()
                app.wait()
        assert app.returncode == 0, err
    finally:
        service.close()
