"""The moderation console, driven through the contract's object names: approve, hide, refund,
block, privacy, filter, the audit log, the hold queue's keys and the console-only seat."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QTableView,
    QTabWidget,
    QWidget,
)
from tests.gui.conftest import find

from livegiving_desktop.core.money import format_money
from livegiving_desktop.core.records import CampaignRecord, StoredDonation
from livegiving_desktop.services.ledger import LedgerService
from livegiving_desktop.services.moderation import ModerationService
from livegiving_desktop.ui.common.runner import spawn
from livegiving_desktop.ui.fundraiser.models import DonationRole


@pytest.fixture
def campaign(ledger: LedgerService) -> CampaignRecord:
    """A fundraiser with donations: one message on air, two held (a link, a swear word)."""
    c = ledger.create_fundraiser(
        title="Winter drive", organization_id="croix-rouge-francaise", goal="500", currency="EUR"
    )
    ledger.record_donation(c.id, amount="20", donor_name="Ann", message="Bravo tout le monde")
    ledger.record_donation(c.id, amount="15", donor_name="Bob", message="see www.spam.example")
    ledger.record_donation(c.id, amount="5", donor_name="Cid", message="quel c0nnard")
    ledger.record_donation(c.id, amount="30", donor_name="Dee")
    return ledger.campaign(c.id)


def _open(qtbot: Any, window: Any, campaign: CampaignRecord, name: str | None = "Sam") -> Any:
    if name is not None:
        window.settings.setValue("moderation/displayName", name)
    spawn(window.show_live(campaign.id))
    qtbot.waitUntil(lambda: window.live.campaign is not None, timeout=10_000)
    qtbot.waitUntil(lambda: window.live.feed_model.rowCount() == 4, timeout=10_000)
    find(window, QAction, "openModeration").trigger()
    qtbot.waitUntil(lambda: window.findChild(QWidget, "moderationConsole") is not None)
    console = find(window, QWidget, "moderationConsole")
    table = find(console, QTableView, "moderationTable")
    qtbot.waitUntil(
        lambda: console.isVisible() and not console.loading and table.model().rowCount() == 4,
        timeout=10_000,
    )
    return console


def _select(qtbot: Any, view: QTableView, *donor_names: str) -> None:
    model = view.model()
    selection = view.selectionModel()
    selection.clearSelection()
    qtbot.waitUntil(
        lambda: all(model.index(r, 0).data(DonationRole) for r in range(model.rowCount()))
    )
    for row in range(model.rowCount()):
        d = model.index(row, 0).data(DonationRole)
        if d.donor_name in donor_names:
            selection.select(
                model.index(row, 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )


def _feed_text(window: Any, donor: str) -> str:
    feed = find(window, QListView, "donorFeed")
    for row in range(feed.model().rowCount()):
        d: StoredDonation = feed.model().index(row, 0).data(DonationRole)
        if d.donor_name == donor:
            return str(feed.model().index(row, 0).data(Qt.ItemDataRole.DisplayRole))
    raise AssertionError(donor)


def _donation(ledger: LedgerService, campaign: CampaignRecord, donor: str) -> StoredDonation:
    return next(d for d in ledger.iter_donations(campaign.id) if d.donor_name == donor)


def test_approve_puts_the_message_in_the_creators_feed_and_on_the_audit_log(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService, campaign: CampaignRecord
) -> None:
    w = livegiving_window
    console = _open(qtbot, w, campaign)
    assert "www.spam.example" not in _feed_text(w, "Bob")  # held: not on air
    table = find(console, QTableView, "moderationTable")
    _select(qtbot, table, "Bob")
    approve = find(console, QPushButton, "approveMessage")
    assert approve.isEnabled()
    approve.click()
    qtbot.waitUntil(lambda: "www.spam.example" in _feed_text(w, "Bob"), timeout=10_000)
    assert _donation(ledger, campaign, "Bob").message_status == "visible"
    assert ledger.campaign(campaign.id).held_count == 1
    entry = ledger.audit_entries(campaign.id)[0]
    assert (entry.actor_name, entry.actor_role, entry.action) == ("Sam", "moderator", "approve")
    assert (entry.before, entry.after) == ("held", "visible")
    audit = find(console, QTableView, "auditLog")
    qtbot.waitUntil(lambda: audit.model().rowCount() == 1, timeout=10_000)
    assert audit.model().index(0, 1).data() == "Sam"


def test_hide_keeps_the_message_off_the_air_on_several_rows(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService, campaign: CampaignRecord
) -> None:
    w = livegiving_window
    console = _open(qtbot, w, campaign)
    _select(qtbot, find(console, QTableView, "moderationTable"), "Ann", "Cid")
    find(console, QPushButton, "hideMessage").click()
    qtbot.waitUntil(
        lambda: _donation(ledger, campaign, "Ann").message_status == "hidden", timeout=10_000
    )
    assert _donation(ledger, campaign, "Cid").message_status == "hidden"
    qtbot.waitUntil(lambda: "Bravo" not in _feed_text(w, "Ann"), timeout=10_000)
    assert "hidden" in _feed_text(w, "Ann")
    actions = [(e.action, e.donation_id) for e in ledger.audit_entries(campaign.id)]
    assert sorted(actions) == sorted(
        [("hide", _donation(ledger, campaign, n).id) for n in ("Ann", "Cid")]
    )


def test_hold_queue_is_keyboard_driven(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService, campaign: CampaignRecord
) -> None:
    console = _open(qtbot, livegiving_window, campaign)
    find(console, QTabWidget, "moderationTabs").setCurrentIndex(1)
    queue = find(console, QTableView, "holdQueue")
    qtbot.waitUntil(lambda: queue.model().rowCount() == 2, timeout=10_000)
    _select(qtbot, queue, "Bob")
    queue.setFocus()
    QTest.keyClick(queue, Qt.Key.Key_A)
    qtbot.waitUntil(
        lambda: _donation(ledger, campaign, "Bob").message_status == "visible", timeout=10_000
    )
    qtbot.waitUntil(lambda: queue.model().rowCount() == 1, timeout=10_000)
    _select(qtbot, queue, "Cid")
    QTest.keyClick(queue, Qt.Key.Key_H)
    qtbot.waitUntil(
        lambda: _donation(ledger, campaign, "Cid").message_status == "hidden", timeout=10_000
    )
    qtbot.waitUntil(lambda: queue.model().rowCount() == 0, timeout=10_000)
    assert ledger.campaign(campaign.id).held_count == 0


def test_refund_asks_a_reason_and_every_total_drops_at_once(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService, campaign: CampaignRecord
) -> None:
    w = livegiving_window
    ledger.thank(campaign.id, [_donation(ledger, campaign, "Dee").id])
    console = _open(qtbot, w, campaign)
    total = find(w, QLabel, "totalRaised")
    assert total.text() == format_money(7000, "EUR", "en")
    _select(qtbot, find(console, QTableView, "moderationTable"), "Dee")
    find(console, QPushButton, "refundDonation").click()
    qtbot.waitUntil(lambda: console.findChild(QDialog, "refundDialog") is not None)
    dialog = find(console, QDialog, "refundDialog")
    assert len(dialog.findChildren(QLineEdit)) == 1  # exactly one text field: the reason
    buttons = find(dialog, QDialogButtonBox, "refundButtons")
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # a reason is required
    find(dialog, QLineEdit, "refundReason").setText("Card used by mistake")
    ok.click()
    qtbot.waitUntil(lambda: total.text() == format_money(4000, "EUR", "en"), timeout=10_000)
    assert find(w, QLabel, "donorCount").text() == "3"
    # The top donors follow at most once a second (ui/fundraiser/page.TOP_DONORS_MS).
    qtbot.waitUntil(lambda: "Dee" not in find(w, QLabel, "topDonors").text(), timeout=3000)
    assert w.live.goal_bar.value() == 80  # 40 of 500
    notice = find(console, QLabel, "moderationNotice")
    qtbot.waitUntil(lambda: "Already thanked on air: Dee" in notice.text(), timeout=10_000)
    assert _donation(ledger, campaign, "Dee").status == "refunded"
    assert "Refunded" in _feed_text(w, "Dee")
    entry = ledger.audit_entries(campaign.id)[0]
    assert (entry.action, entry.reason, entry.actor_name) == (
        "refund",
        "Card used by mistake",
        "Sam",
    )


def test_block_donor_holds_their_later_messages(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService, campaign: CampaignRecord
) -> None:
    w = livegiving_window
    console = _open(qtbot, w, campaign)
    _select(qtbot, find(console, QTableView, "moderationTable"), "Ann")
    find(console, QPushButton, "blockDonor").click()
    qtbot.waitUntil(lambda: w.live.controller.moderation.blocked_donors == {"ann"}, timeout=10_000)
    assert ledger.audit_entries(campaign.id)[0].action == "block-donor"
    later = ledger.record_donation(campaign.id, amount="3", donor_name="ANN", message="Merci")
    assert later.donation is not None and later.donation.message_status == "held"


def test_privacy_shows_the_name_as_anonymous_and_hides_the_amount_on_air(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService, campaign: CampaignRecord
) -> None:
    w = livegiving_window
    console = _open(qtbot, w, campaign)
    _select(qtbot, find(console, QTableView, "moderationTable"), "Ann")
    find(console, QPushButton, "hideNameOnAir").click()
    qtbot.waitUntil(lambda: _feed_text(w, "Ann").startswith("\u2068Anonymous"), timeout=10_000)
    hide_amount = find(console, QPushButton, "hideAmountOnAir")
    qtbot.waitUntil(hide_amount.isEnabled)  # the first action has returned
    hide_amount.click()
    qtbot.waitUntil(lambda: "€20.00" not in _feed_text(w, "Ann"), timeout=10_000)
    d = _donation(ledger, campaign, "Ann")
    assert d.hide_name_on_air and d.hide_amount_on_air
    assert [e.action for e in ledger.audit_entries(campaign.id)] == ["privacy", "privacy"]


def test_filter_narrows_the_table(
    qtbot: Any, livegiving_window: Any, campaign: CampaignRecord
) -> None:
    console = _open(qtbot, livegiving_window, campaign)
    table = find(console, QTableView, "moderationTable")
    find(console, QLineEdit, "moderationFilter").setText("bravo")
    qtbot.waitUntil(lambda: table.model().rowCount() == 1, timeout=10_000)
    find(console, QLineEdit, "moderationFilter").setText("")
    status = find(console, QComboBox, "moderationStatusFilter")
    status.setCurrentIndex(status.findData("held"))
    qtbot.waitUntil(lambda: table.model().rowCount() == 2, timeout=10_000)
    status.setCurrentIndex(0)
    find(console, QLineEdit, "moderationAmountMin").setText("15")
    qtbot.waitUntil(lambda: table.model().rowCount() == 3, timeout=10_000)
    table.sortByColumn(3, Qt.SortOrder.AscendingOrder)  # by amount
    qtbot.waitUntil(lambda: table.model().index(0, 0).data(DonationRole) is not None)
    qtbot.waitUntil(lambda: table.model().index(0, 0).data(DonationRole).donor_name == "Bob")


def test_display_name_is_asked_once_and_remembered(
    qtbot: Any, livegiving_window: Any, campaign: CampaignRecord
) -> None:
    w = livegiving_window
    console = _open(qtbot, w, campaign, name=None)
    qtbot.waitUntil(lambda: console.findChild(QDialog, "moderatorNameDialog") is not None)
    dialog = find(console, QDialog, "moderatorNameDialog")
    qtbot.waitUntil(dialog.isVisible)
    find(dialog, QLineEdit, "moderatorName").setText("Lou")
    find(dialog, QDialogButtonBox, "moderatorNameButtons").button(
        QDialogButtonBox.StandardButton.Ok
    ).click()
    assert "Lou" in find(console, QLabel, "moderatorIdentity").text()
    assert w.settings.value("moderation/displayName") == "Lou"


def test_console_only_seat(
    qtbot: Any, livegiving_window: Any, livegiving_db_url: str, campaign: CampaignRecord
) -> None:
    from livegiving_desktop.ui.main_window import app_settings
    from livegiving_desktop.ui.moderation.window import open_console_only

    settings = app_settings()
    settings.setValue("moderation/displayName", "Remote mod")
    console = open_console_only(livegiving_db_url, "en", settings)
    console.show()
    try:
        assert console.objectName() == "moderationConsole"
        assert console.parent() is None  # a window of its own, no main window
        table = find(console, QTableView, "moderationTable")
        qtbot.waitUntil(lambda: table.model().rowCount() == 4, timeout=10_000)
        assert console.campaign is not None and console.campaign.id == campaign.id
    finally:
        from livegiving_desktop.ui.common.runner import pending_tasks

        qtbot.waitUntil(lambda: pending_tasks() == 0, timeout=5_000)
        console.close()
        console.deleteLater()


def test_moderation_widgets_have_accessible_names(
    qtbot: Any, livegiving_window: Any, campaign: CampaignRecord
) -> None:
    console = _open(qtbot, livegiving_window, campaign)
    for name in ("moderationTable", "moderationFilter", "approveMessage", "hideMessage",
                 "refundDonation", "blockDonor", "auditLog", "holdQueue", "hideNameOnAir",
                 "hideAmountOnAir", "saveModerationRules"):  # fmt: skip
        widget = find(console, QWidget, name)
        assert widget.accessibleName(), name


def test_rules_editor_saves_per_campaign_and_reaches_the_live_pipeline(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService, campaign: CampaignRecord
) -> None:
    from PySide6.QtWidgets import QPlainTextEdit

    w = livegiving_window
    console = _open(qtbot, w, campaign)
    find(console, QTabWidget, "moderationTabs").setCurrentIndex(2)
    threshold = find(console, QLineEdit, "largeAmountThreshold")
    error = find(console, QLabel, "rulesError")
    save = find(console, QPushButton, "saveModerationRules")
    threshold.setText("12,5")
    save.click()
    assert error.text().startswith("Large amount:")
    threshold.setText("100")
    words = find(console, QPlainTextEdit, "blocklistEnglish")
    words.setPlainText(words.toPlainText() + "\nbanana")
    save.click()
    qtbot.waitUntil(
        lambda: w.live.controller.moderation.settings.large_amount_minor == 10_000, timeout=10_000
    )
    assert error.text() == ""
    assert w.live.controller.moderation.classify("Bananas!") == "held"
    saved = ModerationService(ledger).settings(campaign.id)
    assert saved.large_amount_minor == 10_000 and "banana" in saved.words("en")
    assert ledger.audit_entries(campaign.id)[0].action == "rules"


def test_unblock_from_the_rules_tab(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService, campaign: CampaignRecord
) -> None:
    w = livegiving_window
    console = _open(qtbot, w, campaign)
    _select(qtbot, find(console, QTableView, "moderationTable"), "Bob")
    find(console, QPushButton, "blockDonor").click()
    blocked = find(console, QListView, "blockedDonors")
    qtbot.waitUntil(lambda: blocked.model().rowCount() == 1, timeout=10_000)
    assert "Bob" in blocked.model().index(0, 0).data()
    find(console, QTabWidget, "moderationTabs").setCurrentIndex(2)
    blocked.setCurrentIndex(blocked.model().index(0, 0))
    find(console, QPushButton, "unblockDonor").click()
    qtbot.waitUntil(lambda: blocked.model().rowCount() == 0, timeout=10_000)
    # The live pipeline follows the rules through the feed.
    qtbot.waitUntil(lambda: w.live.controller.moderation.blocked_donors == frozenset())
    assert [e.action for e in ledger.audit_entries(campaign.id)][:2] == [
        "unblock-donor", "block-donor"]  # fmt: skip


def test_table_fetches_pages_on_demand(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService, campaign: CampaignRecord
) -> None:
    ledger.simulate(campaign.id, count=2_000, seed=3)  # a draft: no live audience meanwhile
    console = _open_table_of(qtbot, livegiving_window, campaign, rows=2_004)
    table = find(console, QTableView, "moderationTable")
    model = table.model()
    assert sum(len(p) for p in model._pages.values()) <= 400  # a page or two, not 2,000 rows
    table.scrollToBottom()
    last = model.rowCount() - 1
    qtbot.waitUntil(lambda: model.index(last, 0).data(DonationRole) is not None, timeout=10_000)
    assert model.index(last, 0).data(DonationRole).donor_name == "Ann"  # the oldest


def test_ctrl_w_and_esc_close_the_console(
    qtbot: Any, livegiving_window: Any, campaign: CampaignRecord
) -> None:
    for key, modifier in ((Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
                          (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)):  # fmt: skip
        console = _open(qtbot, livegiving_window, campaign)
        table = find(console, QTableView, "moderationTable")
        console.activateWindow()
        table.setFocus()
        qtbot.waitUntil(lambda c=console: QApplication.activeWindow() is c)  # type: ignore[misc]
        QTest.keyClick(table, key, modifier)
        qtbot.waitUntil(lambda c=console: not c.isVisible(), timeout=2_000)  # type: ignore[misc]
        assert livegiving_window.isVisible()


def test_each_held_or_flagged_row_says_why_with_the_match_marked_in_the_message(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService, campaign: CampaignRecord
) -> None:
    from livegiving_desktop.ui.moderation.models import HighlightRole

    console = _open(qtbot, livegiving_window, campaign)
    ledger.record_donation(campaign.id, amount="900", donor_name="Eve")  # large and first
    table = find(console, QTableView, "moderationTable")
    model = table.model()
    qtbot.waitUntil(lambda: model.rowCount() == 5, timeout=10_000)
    why = model.COLUMNS.index("reasons")
    assert model.headerData(why, Qt.Orientation.Horizontal) == "Why"

    def row_of(name: str) -> int:
        return next(r for r in range(model.rowCount())
                    if model.index(r, 0).data(DonationRole).donor_name == name)  # fmt: skip

    assert model.index(row_of("Cid"), why).data() == "Word “c0nnard”"
    assert model.index(row_of("Bob"), why).data() == "Link www.spam.example"
    assert model.index(row_of("Eve"), why).data() == (
        "Large amount (from €500.00); Large first donation (from €200.00)"
    )
    assert model.index(row_of("Ann"), why).data() == ""
    marked = model.index(row_of("Cid"), 4).data(HighlightRole)
    assert marked.startswith("quel <span") and marked.endswith(">c0nnard</span>")
    assert model.index(row_of("Ann"), 4).data(HighlightRole) is None
    find(console, QTabWidget, "moderationTabs").setCurrentIndex(1)
    queue = find(console, QTableView, "holdQueue")
    qtbot.waitUntil(lambda: queue.model().rowCount() == 2, timeout=10_000)
    reasons = {queue.model().index(r, why).data() for r in range(2)}
    assert reasons == {"Word “c0nnard”", "Link www.spam.example"}


def _top_visible(table: QTableView) -> str:
    index = table.indexAt(table.viewport().rect().topLeft() + QPoint(4, 4))
    donation = index.data(DonationRole)
    return "" if donation is None else donation.donor_name


def test_rows_in_view_stay_put_as_donations_come_on_top_until_the_newest_are_asked_for(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService, campaign: CampaignRecord
) -> None:
    """A moderator reading older rows, about to click one, keeps them where they are as new
    donations come on top (they moved under the pointer at 7 a second: a click took the wrong
    donation); a button over the table says how many came and goes back to the newest."""
    table, newer = _a_long_table(qtbot, livegiving_window, ledger, campaign)
    model = table.model()
    table.verticalScrollBar().setValue(10)  # reading older rows
    qtbot.waitUntil(lambda: _top_visible(table) != "")
    reading = _top_visible(table)
    for i in range(3):
        ledger.record_donation(campaign.id, amount="7", donor_name=f"Newest {i}")
    qtbot.waitUntil(lambda: model.rowCount() == 67, timeout=10_000)
    qtbot.waitUntil(lambda: _top_visible(table) == reading, timeout=5_000)
    assert newer.isVisible()
    assert newer.text() == "3 newer donations"
    assert model.index(0, 0).data(DonationRole).donor_name == "Newest 2"  # row 0: the newest
    newer.click()
    assert table.verticalScrollBar().value() == 0
    assert not newer.isVisible()
    qtbot.waitUntil(lambda: _top_visible(table) == "Newest 2")
    # At the top, with nobody reading below, the newest come into view as they arrive.
    ledger.record_donation(campaign.id, amount="9", donor_name="Latest")
    qtbot.waitUntil(lambda: model.rowCount() == 68, timeout=10_000)
    qtbot.waitUntil(lambda: _top_visible(table) == "Latest", timeout=5_000)
    assert not newer.isVisible()


def _a_long_table(
    qtbot: Any, window: Any, ledger: LedgerService, campaign: CampaignRecord
) -> tuple[QTableView, QPushButton]:
    """The console on 64 donations (more than the table shows): the table, its newer button."""
    for i in range(60):
        ledger.record_donation(campaign.id, amount="5", donor_name=f"Older {i:02d}")
    console = _open_table_of(qtbot, window, campaign, rows=64)
    return (
        find(console, QTableView, "moderationTable"),
        find(console, QPushButton, "moderationTableNewer"),
    )


def _open_table_of(qtbot: Any, window: Any, campaign: CampaignRecord, rows: int) -> Any:
    window.settings.setValue("moderation/displayName", "Sam")
    spawn(window.show_live(campaign.id))
    qtbot.waitUntil(lambda: window.live.campaign is not None, timeout=10_000)
    find(window, QAction, "openModeration").trigger()
    qtbot.waitUntil(lambda: window.findChild(QWidget, "moderationConsole") is not None)
    console = find(window, QWidget, "moderationConsole")
    table = find(console, QTableView, "moderationTable")
    qtbot.waitUntil(
        lambda: not console.loading and table.model().rowCount() == rows, timeout=10_000
    )
    return console


def test_the_pointer_over_the_rows_holds_them_until_it_leaves_or_a_row_is_picked(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService, campaign: CampaignRecord
) -> None:
    """At the top, the pointer over the rows holds them (as a chat pauses under the pointer);
    once it has left with nothing selected, the next donations show on top again; left with a
    row selected (off to the action buttons), the rows stay until the moderator goes back."""
    table, newer = _a_long_table(qtbot, livegiving_window, ledger, campaign)
    model = table.model()

    def pointer_over(on: bool) -> None:  # what Qt sets as the pointer comes and goes
        table.setAttribute(Qt.WidgetAttribute.WA_UnderMouse, on)

    def give(donor: str, rows: int) -> None:
        ledger.record_donation(campaign.id, amount="7", donor_name=donor)
        qtbot.waitUntil(lambda: model.rowCount() == rows, timeout=10_000)

    pointer_over(True)
    give("Eve", 65)
    qtbot.waitUntil(lambda: newer.isVisible() and _top_visible(table) == "Older 59", timeout=5_000)
    assert newer.text() == "1 newer donation"
    pointer_over(False)
    give("Fay", 66)
    qtbot.waitUntil(lambda: _top_visible(table) == "Fay", timeout=5_000)
    assert not newer.isVisible()

    pointer_over(True)
    _select(qtbot, table, "Ann")
    give("Gus", 67)
    qtbot.waitUntil(lambda: newer.isVisible() and _top_visible(table) == "Fay", timeout=5_000)
    pointer_over(False)
    give("Hal", 68)
    qtbot.waitUntil(lambda: newer.text() == "2 newer donations", timeout=5_000)
    assert _top_visible(table) == "Fay"  # still where the moderator left it
