"""Nothing ended by accident: ending asks with the figures so far, quitting while live asks
whether to keep it live, and quitting never waits more than ten seconds without asking."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QListView, QMessageBox, QPushButton, QSpinBox, QWidget
from tests.gui.conftest import create_fundraiser, find

from livegiving_desktop.core.campaigns import CampaignStatus
from livegiving_desktop.core.money import format_money
from livegiving_desktop.services.ledger import LedgerService
from livegiving_desktop.ui import main_window

RECORD = Qt.ItemDataRole.UserRole + 1


def _box(qtbot: Any, window: QWidget, name: str) -> QMessageBox:
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, name) is not None, timeout=5_000)
    box = window.findChild(QMessageBox, name)
    assert box is not None
    qtbot.waitUntil(box.isVisible, timeout=5_000)
    return box


def _live(qtbot: Any, w: Any, ledger: LedgerService) -> int:
    create_fundraiser(qtbot, w)
    campaign_id = int(w.live.campaign.id)
    find(w, QSpinBox, "simulationRate").setValue(0)
    find(w, QPushButton, "goLive").click()
    qtbot.waitUntil(lambda: ledger.campaign(campaign_id).status is CampaignStatus.LIVE)
    ledger.record_donation(campaign_id, amount="42.50", donor_name="Zoë")
    qtbot.waitUntil(lambda: w.live.stats.donation_count == 1)
    return campaign_id


def test_ending_asks_with_the_total_so_far_and_keep_it_live_keeps_it(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService
) -> None:
    w = livegiving_window
    campaign_id = _live(qtbot, w, ledger)
    find(w, QAction, "actionEndBroadcast").trigger()  # Ctrl+E asks too
    box = _box(qtbot, w, "endBroadcastConfirm")
    assert format_money(4250, ledger.campaign(campaign_id).currency, "en") in box.text()
    find(box, QPushButton, "keepLive").click()
    qtbot.wait(300)
    assert ledger.campaign(campaign_id).status is CampaignStatus.LIVE
    assert find(w, QPushButton, "endBroadcast").isVisible()


def test_quitting_while_live_asks_and_cancel_stays(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService
) -> None:
    w = livegiving_window
    _live(qtbot, w, ledger)
    w.close()
    find(_box(qtbot, w, "quitWhileLive"), QPushButton, "cancelQuit").click()
    qtbot.wait(300)
    assert w.isVisible()


@pytest.mark.parametrize(("choice", "status"), [("keepLiveAndQuit", CampaignStatus.LIVE),
                                                ("endAndQuit", CampaignStatus.ENDED)])  # fmt: skip
def test_quitting_while_live_keeps_it_live_or_ends_it(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService, choice: str,
    status: CampaignStatus,
) -> None:  # fmt: skip
    w = livegiving_window
    campaign_id = _live(qtbot, w, ledger)
    w.close()
    find(_box(qtbot, w, "quitWhileLive"), QPushButton, choice).click()
    qtbot.waitUntil(lambda: not w.isVisible(), timeout=10_000)
    assert ledger.campaign(campaign_id).status is status


def _closing_never_finishes(w: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The last batch never commits (the ledger out of reach); the limit is half a second."""
    monkeypatch.setattr(main_window, "CLOSE_WAIT_S", 0.5)

    async def never_done() -> None:
        await asyncio.sleep(60)

    monkeypatch.setattr(w, "_close_views", never_done)


def test_quitting_never_waits_longer_than_the_limit_without_asking(
    qtbot: Any, livegiving_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A close that cannot finish (the ledger out of reach, the last batch not committed)
    asks after CLOSE_WAIT_S instead of hanging."""
    w = livegiving_window
    _closing_never_finishes(w, monkeypatch)
    w.close()
    box = _box(qtbot, w, "quitDuringOutage")
    assert w.isVisible()
    find(box, QPushButton, "quitAnyway").click()
    qtbot.waitUntil(lambda: not w.isVisible(), timeout=10_000)


def test_the_audience_rate_and_pause_belong_to_their_campaign(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService, livegiving_db_url: str
) -> None:
    """A paused audience stays with its campaign: the next one starts at its own rate."""
    w = livegiving_window
    create_fundraiser(qtbot, w, title="First")
    rate, pause = find(w, QSpinBox, "simulationRate"), find(w, QPushButton, "pauseAudience")
    first = int(w.live.campaign.id)
    rate.setValue(37)
    find(w, QPushButton, "goLive").click()
    qtbot.waitUntil(pause.isEnabled)
    pause.click()
    assert pause.isChecked()
    create_fundraiser(qtbot, w, title="Second")
    qtbot.waitUntil(lambda: w.live.campaign is not None and w.live.campaign.id != first)
    assert rate.value() == 5 and not pause.isChecked()
    w.go_home()
    qtbot.waitUntil(lambda: w.stack.currentWidget() is w.home)
    campaigns = find(w, QListView, "campaignList")  # open the first one again
    model = campaigns.model()
    row = next(r for r in range(model.rowCount()) if model.index(r).data(RECORD).id == first)
    campaigns.setCurrentIndex(model.index(row))
    find(w, QPushButton, "openCampaign").click()
    qtbot.waitUntil(lambda: w.live.campaign is not None and w.live.campaign.id == first)
    assert rate.value() == 37 and pause.isChecked()
    assert ledger.campaign(first).status is CampaignStatus.LIVE


def test_quitting_on_a_signal_keeps_it_live_and_asks_nothing(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService
) -> None:
    """Ctrl+C in the terminal or SIGTERM (app._quit_on_signals): nobody is there to answer;
    the broadcast stays live for the other seats, the donations shown are all kept."""
    w = livegiving_window
    campaign_id = _live(qtbot, w, ledger)
    w.quit_unattended()
    qtbot.waitUntil(lambda: not w.isVisible(), timeout=10_000)
    assert w.findChild(QMessageBox, "quitWhileLive") is None
    assert ledger.campaign(campaign_id).status is CampaignStatus.LIVE
    assert ledger.campaign(campaign_id).donation_count >= 1


def test_quitting_on_a_signal_gives_up_after_the_limit_without_asking(
    qtbot: Any, livegiving_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = livegiving_window
    _closing_never_finishes(w, monkeypatch)
    w.quit_unattended()
    qtbot.waitUntil(lambda: not w.isVisible(), timeout=10_000)
    assert w.findChild(QMessageBox, "quitDuringOutage") is None


def test_a_signal_while_quit_asks_answers_keep_it_live(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService
) -> None:
    """The creator quit while live and the question is open when the session ends (SIGTERM):
    answered as a signal would, kept live, and the window goes."""
    w = livegiving_window
    campaign_id = _live(qtbot, w, ledger)
    w.close()
    _box(qtbot, w, "quitWhileLive")
    w.quit_unattended()
    qtbot.waitUntil(lambda: not w.isVisible(), timeout=10_000)
    assert ledger.campaign(campaign_id).status is CampaignStatus.LIVE
