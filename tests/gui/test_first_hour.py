"""Issue 15's first hour in the UI: amounts as people type them in the UI's language, a thank
queue that tells the truth, offline donations after the broadcast, the console's keys, the
home list's tools, the hold queue's reasons. Driven through object names."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
)
from tests.gui.conftest import create_fundraiser, find

from livegiving_desktop.services.ledger import LedgerService

NBSP = "\u00a0"


@pytest.fixture
def french_window(qtbot: Any, livegiving_window: Any, qapp: Any) -> Iterator[Any]:
    """The main window in French on the test's database (English again afterwards)."""
    from livegiving_desktop.app import prepare
    from livegiving_desktop.ui.main_window import MainWindow

    db_url = livegiving_window.db_url
    livegiving_window.shutdown_now()
    prepare(qapp, "fr")
    window = MainWindow(db_url=db_url, language="fr")
    try:
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(window.is_ready, timeout=10_000)
        yield window
    finally:
        window.shutdown_now()
        prepare(qapp, "en")


def _offline_dialog(qtbot: Any, w: Any) -> QDialog:
    button = find(w, QPushButton, "addOfflineDonation")
    qtbot.waitUntil(button.isEnabled, timeout=5_000)
    button.click()
    qtbot.waitUntil(lambda: w.findChild(QDialog, "offlineDonationDialog") is not None)
    dialog = w.findChild(QDialog, "offlineDonationDialog")
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def _ok(dialog: QDialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    box.button(QDialogButtonBox.StandardButton.Ok).click()


# -- amounts as people type them -----------------------------------------------------------


def test_french_amounts_are_read_the_french_way_with_french_placeholders(
    qtbot: Any, french_window: Any, ledger: LedgerService
) -> None:
    w = french_window
    find(w, QPushButton, "newCampaign").click()
    goal = find(w, QLineEdit, "goalAmount")
    assert goal.placeholderText() == f"5{NBSP}000,00"  # EUR in French, not "5000"
    create_fundraiser(qtbot, w, goal="2 500,50")  # refused as "utilisez un point" before
    campaign_id = w.live.campaign.id
    assert ledger.campaign(campaign_id).goal_minor == 250_050

    dialog = _offline_dialog(qtbot, w)
    amount = find(dialog, QLineEdit, "donationAmount")
    assert amount.placeholderText() == "25,00"
    amount.setText("12,5 €")
    find(dialog, QLineEdit, "donorName").setText("Zoë")
    _ok(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    qtbot.waitUntil(lambda: ledger.campaign(campaign_id).donation_count == 1, timeout=10_000)
    assert ledger.recent_donations(campaign_id)[0].amount_minor == 1250


def test_an_ambiguous_amount_is_refused_with_the_expected_form(
    qtbot: Any, french_window: Any, ledger: LedgerService
) -> None:
    w = french_window
    create_fundraiser(qtbot, w, goal="5000")
    campaign_id = w.live.campaign.id
    dialog = _offline_dialog(qtbot, w)
    find(dialog, QLineEdit, "donationAmount").setText("12,5,0")
    find(dialog, QLineEdit, "donorName").setText("Zoë")
    _ok(dialog)
    error = find(dialog, QLabel, "donationError")
    qtbot.waitUntil(lambda: error.text() != "")
    assert "234,50" in error.text(), error.text()  # the expected form, the French way
    assert dialog.isVisible()
    assert ledger.campaign(campaign_id).donation_count == 0
