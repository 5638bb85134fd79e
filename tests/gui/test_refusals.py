"""Every refusal in the window: a message that names the problem, never a traceback, and
nothing written (no donation, no changed database file, no half-written export)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
)
from tests.gui.conftest import create_fundraiser, find

from livegiving_desktop.services.ledger import LedgerService

# (amount, name, message, anonymous) typed into the offline donation dialog -> field refused.
OFFLINE_REFUSALS = [
    (("", "Alice", "", False), "amount"),
    (("0", "Alice", "", False), "amount"),
    (("-5", "Alice", "", False), "amount"),
    (("1e3", "Alice", "", False), "amount"),
    (("12.505", "Alice", "", False), "amount"),
    (("100000.01", "Alice", "", False), "amount"),
    (("12,5,0", "Alice", "", False), "amount"),  # digits of any script are read (٣ is 3)
    (("10", "", "", False), "donor name"),
    (("10", "\u202e", "", False), "donor name"),
    (("10", "x" * 101, "", False), "donor name"),
    (("10", "Bob\x1b[31m", "", False), "donor name"),
    (("10", "Alice", "m" * 501, False), "message"),
    (("10", "Alice", "beep\x07", False), "message"),
]


def test_every_refusal_of_the_offline_donation_dialog_writes_nothing(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService
) -> None:
    w = livegiving_window
    create_fundraiser(qtbot, w)
    campaign_id = w.live.campaign.id
    find(w, QPushButton, "addOfflineDonation").click()
    qtbot.waitUntil(lambda: getattr(w.live, "offline_dialog", None) is not None, timeout=5_000)
    dialog: QDialog = w.live.offline_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    error = find(dialog, QLabel, "donationError")
    ok = find(dialog, QDialogButtonBox, "donationButtons").button(
        QDialogButtonBox.StandardButton.Ok
    )
    for (amount, name, message, anonymous), field in OFFLINE_REFUSALS:
        find(dialog, QLineEdit, "donationAmount").setText(amount)
        find(dialog, QLineEdit, "donorName").setText(name)
        find(dialog, QPlainTextEdit, "donationMessage").setPlainText(message)
        find(dialog, QCheckBox, "donationAnonymous").setChecked(anonymous)
        ok.click()
        label = {"amount": "Amount", "donor name": "Donor", "message": "Message"}[field]
        assert error.text().startswith(f"{label}:"), (amount, name, message, error.text())
        assert "Traceback" not in error.text()
        assert dialog.isVisible()
    qtbot.wait(200)  # nothing queued either: give a wrongly accepted donation time to land
    assert ledger.campaign(campaign_id).donation_count == 0
    find(dialog, QDialogButtonBox, "donationButtons").button(
        QDialogButtonBox.StandardButton.Cancel
    ).click()
    assert ledger.store.completed_sum(campaign_id) == (0, 0)


def test_an_export_to_a_folder_that_is_gone_is_refused_with_a_message(
    qtbot: Any, livegiving_window: Any, tmp_path: Path
) -> None:
    from livegiving_desktop.ui.common.runner import spawn

    w = livegiving_window
    create_fundraiser(qtbot, w)
    target = tmp_path / "gone" / "donations.csv"  # chosen in the dialog, then removed
    spawn(w.live.export_to(target, w.live.campaign), w._on_failed_exc)
    qtbot.waitUntil(lambda: w.error_box is not None and w.error_box.isVisible(), timeout=10_000)
    assert "Export file: its folder does not exist" in w.error_box.text()
    assert "Traceback" not in w.error_box.text()
    assert not target.parent.exists()


def test_an_export_onto_the_ledger_is_refused_in_words_and_in_french(
    qtbot: Any, livegiving_window: Any, livegiving_db_url: str, french: None
) -> None:
    from livegiving_desktop.db.engine import sqlite_path, to_url
    from livegiving_desktop.ui.common.runner import spawn

    path = sqlite_path(to_url(livegiving_db_url))
    if path is None:
        import pytest

        pytest.skip("the window's database is a server: there is no file to protect")
    w = livegiving_window
    create_fundraiser(qtbot, w)
    before = path.read_bytes()
    spawn(w.live.export_to(path, w.live.campaign), w._on_failed_exc)
    qtbot.waitUntil(lambda: w.error_box is not None and w.error_box.isVisible(), timeout=10_000)
    assert "Fichier d'export" in w.error_box.text()  # the field's label
    assert "base de données du registre" in w.error_box.text()
    assert path.read_bytes()[:16] == before[:16] == b"SQLite format 3\x00"
    assert not list(path.parent.glob(".*.part"))
