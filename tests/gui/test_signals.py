"""Ctrl+C in the terminal that started the app, SIGTERM as the session ends, SIGHUP as that
terminal closes: the window quits as its Quit does, asking nothing (unless started with
`nohup`). Ctrl+C did nothing while the window was idle (Python's handler waited for the next
Python code to run); SIGTERM and SIGHUP ended the process on the spot, its seat still shown
on duty to the team for 15 s."""

from __future__ import annotations

import contextlib
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers.cli import cli_argv, cli_env, started_as_from_a_terminal
from livegiving_desktop.db import seats
from livegiving_desktop.services.ledger import LedgerService

ON_DUTY_US = 15_000_000  # presence's SILENT_AFTER_S


def _seats(service: LedgerService) -> set[str]:
    return {s.seat_key for s in seats.roster(service.db, None, ON_DUTY_US)}


@contextlib.contextmanager
def _on_duty(
    service: LedgerService,
    db_url: str,
    data_dir: Path,
    options: tuple[str, ...],
    *,
    ignored: tuple[signal.Signals, ...] = (),
) -> Iterator[subprocess.Popen[str]]:
    """The app started as from a terminal, once its window is up (its seat beats)."""
    argv = cli_argv(*options, "--lang", "en", db=db_url)
    env = cli_env(data_dir, QT_QPA_PLATFORM="offscreen")
    with started_as_from_a_terminal(argv, env, ignored=ignored) as app:
        deadline = time.monotonic() + 30
        while not _seats(service):
            if app.poll() is not None or time.monotonic() > deadline:
                app.kill()
                out, err = app.communicate()
                raise AssertionError(f"the app's seat never showed: {out}{err}")
            time.sleep(0.1)
        yield app


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
    service: LedgerService,
    db_url: str,
    user_data_dir: Path,
    how: signal.Signals,
    options: tuple[str, ...],
) -> None:
    with (user_data_dir / "settings.ini").open("a", encoding="utf-8") as ini:
        ini.write("\n[moderation]\ndisplayName=Sam\nrole=moderator\n")
    if "--moderator" in options:
        service.create_fundraiser(title="Marathon", organization_id="croix-rouge-francaise",
                                  goal="500", currency="EUR")  # fmt: skip
    with _on_duty(service, db_url, user_data_dir, options) as app:
        asked = time.monotonic()
        app.send_signal(how)
        _out, err = app.communicate(timeout=15)
        took = time.monotonic() - asked
    assert app.returncode == 0, err
    assert "Traceback" not in err, err
    assert took < 10  # CLOSE_WAIT_S and then some: never hangs on a question
    assert _seats(service) == set()  # gone at once for the team, not after 15 s


def test_an_app_started_with_nohup_goes_on_when_its_terminal_closes(
    service: LedgerService, db_url: str, user_data_dir: Path
) -> None:
    nohup = (signal.SIGHUP,)
    with _on_duty(service, db_url, user_data_dir, (), ignored=nohup) as app:
        app.send_signal(signal.SIGHUP)
        time.sleep(1.0)
        assert app.poll() is None  # still there
        app.send_signal(signal.SIGTERM)
        _out, err = app.communicate(timeout=15)
    assert app.returncode == 0, err


@pytest.mark.parametrize("after_s", [0.0, 0.25])
@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_a_signal_while_the_window_starts_quits_it(
    db_url: str, user_data_dir: Path, how: signal.Signals, after_s: float
) -> None:
    """Ctrl+C while the window started: inside PySide6's import the process aborted with a
    Python dump; while the first frame painted it was swallowed and the app went on, Ctrl+C
    forgotten; SIGTERM ended it on the spot. Now it is held until the window listens, then the
    window quits as Quit does. Sent once the command line is read ("opening the window" in the
    log), as the window's frame paints (0.0) or its content is imported (0.25)."""
    log_file = user_data_dir / "logs" / "livegiving.log"
    argv = cli_argv("--lang", "en", db=db_url)
    env = cli_env(user_data_dir, QT_QPA_PLATFORM="offscreen")
    with started_as_from_a_terminal(argv, env) as app:
        deadline = time.monotonic() + 30
        while not (log_file.exists() and "opening the window" in log_file.read_text("utf-8")):
            assert app.poll() is None and time.monotonic() < deadline, "the window never started"
            time.sleep(0.005)
        time.sleep(after_s)
        app.send_signal(how)
        _out, err = app.communicate(timeout=30)
    assert app.returncode == 0, err
    assert "Traceback" not in err and "Fatal" not in err, err
    assert f"quitting: {how.name}" in log_file.read_text(encoding="utf-8")
