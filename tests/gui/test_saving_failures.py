"""On air when the disk fills up: the creator is told once, in plain words; the donations wait
and are saved when space returns; nothing shown was unsaved, nothing is lost."""

from __future__ import annotations

import contextlib
import os
import signal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QSpinBox
from tests.gui.conftest import create_fundraiser, find

from helpers.disk import DiskSpace
from helpers.ledger import fundraiser
from livegiving_desktop.core.money import format_money
from livegiving_desktop.services.ingest import IngestError
from livegiving_desktop.services.ledger import LedgerService
from livegiving_desktop.services.worker import HOOKS_ENV
from livegiving_desktop.ui.broadcast.session import LiveSession


def _saved(ledger: LedgerService, campaign_id: int) -> tuple[int, int]:
    return ledger.store.completed_sum(campaign_id)  # reads only: no write on the full disk


def test_a_full_disk_is_told_once_and_saving_resumes_when_space_returns(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = livegiving_window
    create_fundraiser(qtbot, w, goal="100000")
    campaign_id = w.live.campaign.id
    disk = DiskSpace(w.service.db)
    monkeypatch.setenv(HOOKS_ENV, disk.worker_hook)  # the worker writes on the same disk
    find(w, QSpinBox, "simulationRate").setValue(500)
    find(w, QPushButton, "goLive").click()
    qtbot.waitUntil(lambda: _saved(ledger, campaign_id)[1] > 100, timeout=15_000)

    session = w.live.controller.session
    assert session is not None
    disk.full = True
    try:
        saved = _while_the_disk_is_full(qtbot, w, ledger, campaign_id, session)
    finally:
        disk.full = False  # space returns (also when the test failed: the window must close)
    status = find(w, QLabel, "savingStatus")
    qtbot.waitUntil(lambda: _saved(ledger, campaign_id)[1] > saved[1], timeout=15_000)
    qtbot.waitUntil(lambda: status.text() == "Every donation shown is saved", timeout=5_000)
    shown = [box for box in w.findChildren(QMessageBox) if box.objectName() == "errorMessage"]
    assert not any(box.isVisible() for box in shown)  # the warning goes once saved again
    assert "Saving works again" in w.statusBar().currentMessage()

    _paused_the_view_equals_the_ledger(qtbot, w, ledger, campaign_id)


def _paused_the_view_equals_the_ledger(
    qtbot: Any, w: Any, ledger: LedgerService, campaign_id: int
) -> None:
    """The creator pauses: the total shown comes to what is saved, and the campaign's running
    totals are its rows'."""
    find(w, QPushButton, "pauseAudience").click()
    total = find(w, QLabel, "totalRaised")
    currency = w.live.campaign.currency
    qtbot.waitUntil(
        lambda: total.text() == format_money(_saved(ledger, campaign_id)[0], currency, "en"),
        timeout=10_000,
    )
    record = ledger.campaign(campaign_id)
    assert (record.total_minor, record.donation_count) == _saved(ledger, campaign_id)


def _while_the_disk_is_full(
    qtbot: Any, w: Any, ledger: LedgerService, campaign_id: int, session: LiveSession
) -> tuple[int, int]:
    status = find(w, QLabel, "savingStatus")
    # Tried again and again (0.1 s, 0.3 s, 0.7 s, 1.5 s, 3.1 s after the first failure) ...
    qtbot.waitUntil(lambda: session.failed_attempts >= 5, timeout=20_000)
    assert status.text() == (
        "Donations are not being saved: the disk is full. "
        "They are kept and saved as soon as it works again."
    )
    # ... but told once, in words, without SQL.
    shown = [box for box in w.findChildren(QMessageBox) if box.isVisible()]
    assert [box.objectName() for box in shown] == ["errorMessage"]
    assert "the disk is full" in shown[0].text()
    assert "INSERT" not in shown[0].text() and "sqlite3" not in shown[0].text()
    # What the live view shows is what is saved, nothing more.
    total = find(w, QLabel, "totalRaised")
    saved = _saved(ledger, campaign_id)
    currency = w.live.campaign.currency
    qtbot.waitUntil(lambda: total.text() == format_money(saved[0], currency, "en"), timeout=5_000)
    assert _saved(ledger, campaign_id) == saved
    return saved


def test_a_writer_that_gives_up_does_not_promise_to_save_later(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = str(tmp_path / "ledger.db")
    service = LedgerService.open(path)
    try:
        campaign = fundraiser(service)
        service.go_live(campaign.id)
        hook = "helpers.faults:writer_raises=unexpected failure inside the ledger writer"
        monkeypatch.setenv(HOOKS_ENV, hook)
        session = LiveSession(path, campaign, rate=200, seed=1)
        try:
            with qtbot.waitSignal(session.ingestFailed, timeout=10_000) as told:
                pass
        finally:
            with contextlib.suppress(IngestError):
                session.stop()
        [message] = told.args
        assert message == (
            "unexpected failure inside the ledger writer. "
            "The donations not shown in the feed were not saved."
        )
    finally:
        service.close()


def test_quitting_during_an_outage_asks_and_does_not_wait_forever(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = livegiving_window
    create_fundraiser(qtbot, w, goal="100000")
    campaign_id = w.live.campaign.id
    disk = DiskSpace(w.service.db)
    monkeypatch.setenv(HOOKS_ENV, disk.worker_hook)
    find(w, QSpinBox, "simulationRate").setValue(500)
    find(w, QPushButton, "goLive").click()
    qtbot.waitUntil(lambda: _saved(ledger, campaign_id)[1] > 50, timeout=15_000)
    status = find(w, QLabel, "savingStatus")
    disk.full = True
    try:
        qtbot.waitUntil(lambda: "not being saved" in status.text(), timeout=15_000)
        saved = _saved(ledger, campaign_id)
        w.close()  # during the outage: the app asks instead of waiting for space
        box = w.findChild(QMessageBox, "quitDuringOutage")
        assert box is not None
        qtbot.waitUntil(box.isVisible, timeout=5_000)
        assert w.isVisible()
        box.findChild(QPushButton, "quitAnyway").click()
        qtbot.waitUntil(lambda: not w.isVisible(), timeout=10_000)
    finally:
        disk.full = False
    # Everything acknowledged before is still there; what waited was given up, not half-written.
    assert _saved(ledger, campaign_id) == saved
    record = ledger.campaign(campaign_id)
    assert (record.total_minor, record.donation_count) == saved


def test_an_audience_process_that_dies_is_started_again_and_said_in_words(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService
) -> None:
    w = livegiving_window
    create_fundraiser(qtbot, w, goal="100000")
    campaign_id = w.live.campaign.id
    find(w, QSpinBox, "simulationRate").setValue(200)
    find(w, QPushButton, "goLive").click()
    qtbot.waitUntil(lambda: _saved(ledger, campaign_id)[1] > 20, timeout=15_000)
    session = w.live.controller.session
    assert session is not None and session.worker.pid is not None
    os.kill(session.worker.pid, signal.SIGKILL)  # the audience's process dies
    qtbot.waitUntil(lambda: "restarted" in w.statusBar().currentMessage(), timeout=10_000)
    assert w.statusBar().currentMessage() == (
        "The audience restarted (the audience's process was stopped by signal 9). "
        "Every donation shown is saved."
    )
    before = _saved(ledger, campaign_id)[1]
    qtbot.waitUntil(lambda: _saved(ledger, campaign_id)[1] > before, timeout=15_000)  # on air
    assert not any(box.isVisible() for box in w.findChildren(QMessageBox))
    _paused_the_view_equals_the_ledger(qtbot, w, ledger, campaign_id)
