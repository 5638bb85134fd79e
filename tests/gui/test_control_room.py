"""The creator's control room, driven through the object names of the automation contract."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QWidget,
)
from tests.gui.conftest import create_fundraiser, find, row_records

from livegiving_desktop.core.money import format_money
from livegiving_desktop.services.ledger import LedgerService


def _settled(qtbot: Any, feed: QListView, ledger: LedgerService, campaign_id: int) -> None:
    """After a pause, the donations in flight land (the ledger stops moving: on a busy machine
    the last batch can take a while), then the feed shows the newest one stored."""
    pause = feed.window().findChild(QPushButton, "pauseAudience")
    assert pause.isChecked() and pause.text() == "Resume audience", pause.isEnabled()
    count = -1
    while (now := ledger.campaign(campaign_id).donation_count) != count:
        count = now
        QTest.qWait(500)
    newest = ledger.recent_donations(campaign_id, limit=1)[0].id
    qtbot.waitUntil(lambda: row_records(feed)[0].id == newest, timeout=5_000)


def _total_text(ledger: LedgerService, campaign_id: int) -> str:
    campaign = ledger.campaign(campaign_id)
    return format_money(campaign.total_minor, campaign.currency, "en")


def test_fresh_database_shows_home_with_what_to_do(livegiving_window: Any) -> None:
    new = find(livegiving_window, QPushButton, "newCampaign")
    assert new.isVisible()
    assert livegiving_window.stack.currentWidget() is livegiving_window.home
    empty = find(livegiving_window, QPushButton, "emptyStateNewCampaign")
    assert empty.isVisible()


def test_refused_setup_saves_nothing_then_valid_setup_creates(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService
) -> None:
    w = livegiving_window
    find(w, QPushButton, "newCampaign").click()
    error = find(w, QLabel, "setupError")
    create = find(w, QPushButton, "createCampaign")
    assert find(w, QPushButton, "campaignKindFundraiser").isChecked()
    assert find(w, QPushButton, "campaignKindPaidEvent").isCheckable()

    create.click()
    assert "title" in error.text()
    find(w, QLineEdit, "campaignTitle").setText("Noël solidaire")
    assert "Nonprofit" in error.text()  # the message follows each edit once refused
    search = find(w, QLineEdit, "organizationSearch")
    search.setText("CROIX rouge")
    org_list = find(w, QListView, "organizationList")
    assert org_list.model().rowCount() == 1
    org_list.setCurrentIndex(org_list.model().index(0, 0))
    goal = find(w, QLineEdit, "goalAmount")
    goal.setText("12,50")
    create.click()
    assert error.text().startswith("Goal:")
    assert "1,234.50" in error.text()  # the expected form, in the UI's language
    find(w, QComboBox, "currency").setCurrentText("JPY")
    goal.setText("100.5")
    create.click()
    assert "JPY has no decimals" in error.text()
    assert ledger.campaigns() == []  # nothing saved while invalid

    goal.setText("500000")
    create.click()
    qtbot.waitUntil(lambda: len(ledger.campaigns()) == 1, timeout=10_000)
    assert error.text() == ""
    stored = ledger.campaigns()[0]
    assert (stored.title, stored.organization_id, stored.goal_minor, stored.currency) == (
        "Noël solidaire", "croix-rouge-francaise", 500000, "JPY",
    )  # fmt: skip
    qtbot.waitUntil(lambda: find(w, QPushButton, "goLive").isVisible(), timeout=10_000)


def test_go_live_feed_total_and_goal_follow_the_ledger(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService
) -> None:
    w = livegiving_window
    create_fundraiser(qtbot, w, goal="100000")
    campaign_id = w.live.campaign.id
    find(w, QSpinBox, "simulationRate").setValue(300)
    find(w, QPushButton, "goLive").click()
    feed = find(w, QListView, "donorFeed")
    qtbot.waitUntil(
        lambda: feed.model() is not None and feed.model().rowCount() > 20, timeout=15_000
    )
    assert ledger.campaign(campaign_id).status.value == "live"
    find(w, QPushButton, "pauseAudience").click()  # pause, then let the last batch land
    _settled(qtbot, feed, ledger, campaign_id)
    total = find(w, QLabel, "totalRaised")
    qtbot.waitUntil(lambda: total.text() == _total_text(ledger, campaign_id), timeout=10_000)

    newest = ledger.recent_donations(campaign_id, limit=1)[0]
    row0 = feed.model().index(0, 0).data(Qt.ItemDataRole.DisplayRole)
    shown = "Anonymous" if newest.anonymous else newest.donor_name
    assert shown in row0
    assert format_money(newest.amount_minor, newest.currency, "en") in row0
    stored = ledger.campaign(campaign_id)
    bar = find(w, QProgressBar, "goalProgress")
    assert bar.value() / bar.maximum() == (stored.total_minor * 1000 // 100000_00) / 1000
    donors = find(w, QLabel, "donorCount")
    qtbot.waitUntil(
        lambda: donors.text().replace("\u202f", "") == str(ledger.stats(campaign_id).donor_count),
        timeout=10_000,
    )


def test_thank_selected_donor_and_thank_all(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService
) -> None:
    w = livegiving_window
    create_fundraiser(qtbot, w)
    campaign_id = w.live.campaign.id
    find(w, QSpinBox, "simulationRate").setValue(100)
    find(w, QPushButton, "goLive").click()
    feed = find(w, QListView, "donorFeed")
    qtbot.waitUntil(
        lambda: feed.model() is not None and feed.model().rowCount() >= 5, timeout=15_000
    )
    find(w, QPushButton, "pauseAudience").click()
    _settled(qtbot, feed, ledger, campaign_id)
    thank = find(w, QPushButton, "thankDonor")
    assert not thank.isEnabled()  # nothing selected yet
    w.live.select_feed_row(2)
    chosen = w.live.selected_donation()
    assert chosen is not None and thank.isEnabled()
    thank.click()
    qtbot.waitUntil(lambda: ledger.store.donation(chosen.id).thanked, timeout=10_000)
    # The feed shows it thanked (rows may have moved down: donations still in flight landed).
    qtbot.waitUntil(
        lambda: any(d.id == chosen.id and d.thanked for d in row_records(feed)), timeout=5_000
    )
    stage = w.live.stage
    qtbot.waitUntil(lambda: chosen.donor_name in stage.banner or "Anonymous" in stage.banner)

    queue = find(w, QListView, "thankQueue")
    assert chosen.id not in [d.id for d in row_records(queue)]
    find(w, QPushButton, "thankAll").click()
    qtbot.waitUntil(lambda: queue.model().rowCount() == 0, timeout=10_000)
    thanked = {d.id for d in ledger.recent_donations(campaign_id, limit=500) if d.thanked}
    assert {d.id for d in row_records(find(w, QListView, "donorFeed"))} <= thanked


def _offline_dialog(qtbot: Any, w: Any) -> QDialog:
    find(w, QPushButton, "addOfflineDonation").click()
    qtbot.waitUntil(lambda: getattr(w.live, "offline_dialog", None) is not None, timeout=5_000)
    dialog = w.live.offline_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    return dialog


def test_refused_offline_donation_saves_nothing_then_valid_one_is_recorded(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService
) -> None:
    w = livegiving_window
    create_fundraiser(qtbot, w)
    campaign_id = w.live.campaign.id
    dialog = _offline_dialog(qtbot, w)
    amount = find(dialog, QLineEdit, "donationAmount")
    name = find(dialog, QLineEdit, "donorName")
    error = find(dialog, QLabel, "donationError")
    ok = find(dialog, QDialogButtonBox, "donationButtons").button(
        QDialogButtonBox.StandardButton.Ok
    )
    amount.setText("12,50")
    name.setText("Zoë Martin")
    ok.click()
    assert error.text().startswith("Amount:")
    assert dialog.isVisible()
    amount.setText("12.50")
    name.setText("   ")
    ok.click()
    assert error.text().startswith("Donor:")
    assert ledger.campaign(campaign_id).donation_count == 0

    name.setText("Zoë Martin")
    find(dialog, QPlainTextEdit, "donationMessage").setPlainText("Pour la Croix-Rouge !")
    find(dialog, QCheckBox, "donationAnonymous").setChecked(False)
    ok.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    qtbot.waitUntil(lambda: ledger.campaign(campaign_id).donation_count == 1, timeout=10_000)
    stored = ledger.recent_donations(campaign_id)[0]
    assert (stored.donor_name, stored.amount_minor, stored.source) == (
        "Zoë Martin",
        1250,
        "offline",
    )
    feed = find(w, QListView, "donorFeed")
    qtbot.waitUntil(lambda: feed.model().rowCount() == 1, timeout=5_000)
    assert "Zoë Martin" in feed.model().index(0, 0).data()
    total = find(w, QLabel, "totalRaised")
    qtbot.waitUntil(lambda: total.text() == "$12.50", timeout=5_000)


def test_end_broadcast_shows_summary_and_stores_the_end(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService
) -> None:
    w = livegiving_window
    create_fundraiser(qtbot, w)
    campaign_id = w.live.campaign.id
    find(w, QSpinBox, "simulationRate").setValue(200)
    find(w, QPushButton, "goLive").click()
    qtbot.waitUntil(lambda: w.live.stats.donation_count > 10, timeout=15_000)
    find(w, QPushButton, "endBroadcast").click()
    qtbot.waitUntil(lambda: w.findChild(QMessageBox, "endBroadcastConfirm") is not None)
    confirm = w.findChild(QMessageBox, "endBroadcastConfirm")
    qtbot.waitUntil(confirm.isVisible)
    find(confirm, QPushButton, "confirmEndBroadcast").click()
    qtbot.waitUntil(lambda: ledger.campaign(campaign_id).status.value == "ended", timeout=15_000)
    qtbot.waitUntil(lambda: w.findChild(QDialog, "broadcastSummary") is not None, timeout=5_000)
    summary = w.findChild(QDialog, "broadcastSummary")
    stored = ledger.campaign(campaign_id)
    total = format_money(stored.total_minor, stored.currency, "en")
    assert find(summary, QLabel, "summary_0").text() == total
    assert find(w, QLabel, "totalRaised").text() == total
    count = stored.donation_count
    QTest.qWait(500)  # the audience has stopped: nothing more is recorded
    assert ledger.campaign(campaign_id).donation_count == count


def test_keyboard_shortcuts_go_live_and_add_offline_donation(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService
) -> None:
    w = livegiving_window
    create_fundraiser(qtbot, w)
    campaign_id = w.live.campaign.id
    find(w, QSpinBox, "simulationRate").setValue(0)
    w.activateWindow()
    QTest.keyClick(w, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: ledger.campaign(campaign_id).status.value == "live", timeout=10_000)
    QTest.keyClick(w, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: getattr(w.live, "offline_dialog", None) is not None, timeout=5_000)
    assert w.live.offline_dialog.isVisible()


def test_every_contract_widget_has_an_accessible_name(qtbot: Any, livegiving_window: Any) -> None:
    w = livegiving_window
    create_fundraiser(qtbot, w)
    names = ["newCampaign", "campaignKindFundraiser", "campaignKindPaidEvent", "campaignTitle",
             "organizationSearch", "organizationList", "goalAmount", "currency", "eventCategory",
             "ticketPrice", "eventCapacity", "createCampaign", "setupError", "goLive",
             "endBroadcast", "simulationRate", "donorFeed", "totalRaised", "donorCount",
             "goalProgress", "thankDonor", "addOfflineDonation"]  # fmt: skip
    for name in names:
        widget = find(w, QWidget, name)
        assert widget.accessibleName(), f"{name} has no accessible name"


def test_last_campaign_and_geometry_are_remembered(
    qtbot: Any, livegiving_window: Any, livegiving_db_url: str
) -> None:
    from livegiving_desktop.ui.main_window import MainWindow

    w = livegiving_window
    create_fundraiser(qtbot, w, title="Remember me")
    w.move(37, 23)
    w.resize(1234, 777)
    w.shutdown_now()
    again = MainWindow(db_url=livegiving_db_url, language="en")
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(again.is_ready, timeout=10_000)
    try:
        assert again.stack.currentWidget() is again.live
        assert find(again, QLabel, "campaignHeading").text() == "Remember me"
        # The offscreen screen is 800x600: restoreGeometry fits the size to it, so check that
        # the saved geometry was applied (position, and not the first-run default size).
        assert again.y() == 23  # x is moved by the fitting, y is not
        assert (again.width(), again.height()) != (1440, 900)
    finally:
        again.shutdown_now()


def test_french_interface_and_money(qtbot: Any, french_window: Any) -> None:
    """--lang fr: the app speaks French and formats money the French way."""
    window = french_window
    assert find(window, QPushButton, "newCampaign").text() == "Nouvelle campagne"
    find(window, QPushButton, "newCampaign").click()
    assert find(window, QComboBox, "currency").currentText() == "EUR"
    find(window, QPushButton, "createCampaign").click()  # no title yet: refused in French
    assert find(window, QLabel, "setupError").text() == (
        "Titre : est vide ; donnez un titre à la campagne"
    )
    create_fundraiser(qtbot, window, goal="1234.5")
    assert find(window, QPushButton, "goLive").text() == "Passer en direct"
    goal_label = find(window, QLabel, "goalLabel")
    assert "1\u00a0234,50\u00a0€" in goal_label.text()
    assert find(window, QLabel, "totalRaised").text() == "0,00\u00a0€"
