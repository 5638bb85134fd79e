"""Ready means ready (contract 4a): a control that is visible and enabled works when clicked,
and every item view has a model, also while its campaign loads. Driven only through the
contract's object names, as an outside GUI test would."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QWidget,
)
from tests.gui.conftest import find

from livegiving_desktop.core.campaigns import CampaignStatus
from livegiving_desktop.services.ledger import LedgerService

ROUNDS = 50


def _no_error_box(window: QWidget) -> None:
    boxes = [b for b in window.findChildren(QMessageBox, "errorMessage") if b.isVisible()]
    assert not boxes, [b.text() for b in boxes]


def _start_setup(window: QWidget, title: str) -> None:
    """New campaign from wherever the window is (Ctrl+N), filled in like a person would."""
    find(window, QAction, "actionNewCampaign").trigger()
    find(window, QLineEdit, "campaignTitle").setText(title)
    find(window, QLineEdit, "organizationSearch").setText("croix")
    org_list = find(window, QListView, "organizationList")
    org_list.setCurrentIndex(org_list.model().index(0, 0))
    find(window, QLineEdit, "goalAmount").setText("1000")


def _click_when_ready(qtbot: Any, button: QPushButton) -> None:
    qtbot.waitUntil(lambda: button.isVisible() and button.isEnabled(), timeout=10_000)
    button.click()


def test_every_item_view_has_a_model_from_the_start(livegiving_window: Any) -> None:
    for name in ("donorFeed", "thankQueue", "ticketSales", "admissionLog"):
        view = find(livegiving_window, QAbstractItemView, name)
        assert view.model() is not None, name
        assert view.model().rowCount() == 0, name


def test_go_live_the_instant_it_is_enabled(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService
) -> None:
    w = livegiving_window
    for round_ in range(ROUNDS):
        _start_setup(w, f"Round {round_}")
        find(w, QPushButton, "createCampaign").click()
        _click_when_ready(qtbot, find(w, QPushButton, "goLive"))
        end = find(w, QPushButton, "endBroadcast")
        qtbot.waitUntil(lambda b=end: b.isVisible() and b.isEnabled(), timeout=10_000)
        _no_error_box(w)
        newest = max(ledger.campaigns(), key=lambda c: c.id)
        assert (newest.title, newest.status) == (f"Round {round_}", CampaignStatus.LIVE)
    assert all(c.status is CampaignStatus.LIVE for c in ledger.campaigns())


def test_controls_never_act_on_the_campaign_shown_before(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService
) -> None:
    """While a new campaign loads, the previous one (a draft) is still on screen: no control
    may be clickable for it, and the item views keep a model throughout."""
    w = livegiving_window
    _start_setup(w, "Left as a draft")
    find(w, QPushButton, "createCampaign").click()
    go_live = find(w, QPushButton, "goLive")
    qtbot.waitUntil(lambda: go_live.isVisible() and go_live.isEnabled(), timeout=10_000)
    first = ledger.campaigns()[0]

    _start_setup(w, "Second")
    find(w, QPushButton, "createCampaign").click()
    feed = find(w, QListView, "donorFeed")
    clicked = 0
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:  # every turn of the event loop until it is on screen
        assert feed.model() is not None
        feed.model().rowCount()
        if go_live.isVisible() and go_live.isEnabled():
            go_live.click()
            clicked += 1
            break
        QCoreApplication.processEvents()
    assert clicked == 1
    qtbot.waitUntil(lambda: len([c for c in ledger.campaigns() if c.status.value == "live"]) == 1)
    _no_error_box(w)
    by_title = {c.title: c for c in ledger.campaigns()}
    assert by_title["Second"].status is CampaignStatus.LIVE
    assert ledger.campaign(first.id).status is CampaignStatus.DRAFT


def test_offline_donation_the_instant_it_is_enabled(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService
) -> None:
    w = livegiving_window
    for round_ in range(ROUNDS):
        _start_setup(w, f"Offline {round_}")
        find(w, QPushButton, "createCampaign").click()
        _click_when_ready(qtbot, find(w, QPushButton, "addOfflineDonation"))
        qtbot.waitUntil(
            lambda: any(d.isVisible() for d in w.findChildren(QDialog, "offlineDonationDialog"))
        )
        dialog = next(d for d in w.findChildren(QDialog, "offlineDonationDialog") if d.isVisible())
        find(dialog, QLineEdit, "donationAmount").setText("12.50")
        find(dialog, QLineEdit, "donorName").setText(f"Donor {round_}")
        buttons = find(dialog, QDialogButtonBox, "donationButtons")
        buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        newest = max(ledger.campaigns(), key=lambda c: c.id)
        assert newest.title == f"Offline {round_}"
        qtbot.waitUntil(lambda c=newest.id: ledger.campaign(c).donation_count == 1)
        _no_error_box(w)
    for campaign in ledger.campaigns():
        (donation,) = ledger.recent_donations(campaign.id)
        assert donation.donor_name == f"Donor {campaign.title.split()[-1]}"
