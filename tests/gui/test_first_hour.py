"""Issue 15's first hour in the UI: amounts as people type them in the UI's language, a thank
queue that tells the truth, offline donations after the broadcast, the console's keys, the
home list's tools, the hold queue's reasons. Driven through object names."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QPoint, QStandardPaths, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QWidget,
)
from tests.gui.conftest import create_fundraiser, find, row_records

from livegiving_desktop.services.ledger import LedgerService
from livegiving_desktop.ui.common.runner import spawn
from livegiving_desktop.ui.fundraiser.models import LIVE_ROWS

NBSP = "\u00a0"


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


# -- a thank queue that tells the truth ----------------------------------------------------


def test_the_thank_queue_counts_the_ledger_pages_through_all_and_thank_all_can_be_undone(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService
) -> None:
    w = livegiving_window
    create_fundraiser(qtbot, w)
    campaign_id = w.live.campaign.id
    ledger.simulate(campaign_id, count=450, seed=7)  # another process's rehearsal
    unthanked = ledger.campaign(campaign_id).unthanked_count
    assert unthanked > 300  # more than the queue keeps at first
    title = w.live.thanks.title
    qtbot.waitUntil(lambda: title.text() == f"To thank ({unthanked})", timeout=15_000)

    queue = find(w, QListView, "thankQueue")
    model = queue.model()
    # Its first page, a moment after the count (the queue takes new rows after the feed).
    qtbot.waitUntil(lambda: model.rowCount() == min(LIVE_ROWS, unthanked), timeout=5_000)
    assert model.rowCount() < unthanked
    while model.canFetchMore(QModelIndex()):  # what scrolling to the end asks
        before = model.rowCount()
        model.fetchMore(QModelIndex())
        qtbot.waitUntil(lambda b=before: model.rowCount() > b, timeout=5_000)  # type: ignore[misc]
    assert model.rowCount() == unthanked
    assert len({d.id for d in row_records(queue)}) == unthanked

    bar = find(w, QWidget, "thankAllUndoBar")
    assert not bar.isVisible()
    find(w, QPushButton, "thankAll").click()
    qtbot.waitUntil(lambda: ledger.campaign(campaign_id).unthanked_count == 0, timeout=10_000)
    qtbot.waitUntil(lambda: title.text() == "To thank (0)", timeout=10_000)
    qtbot.waitUntil(bar.isVisible, timeout=5_000)
    assert find(w, QLabel, "thankAllDone").text() == f"{unthanked} donations thanked"
    assert model.rowCount() == 0

    find(w, QPushButton, "undoThankAll").click()
    qtbot.waitUntil(
        lambda: ledger.campaign(campaign_id).unthanked_count == unthanked, timeout=10_000
    )
    qtbot.waitUntil(lambda: title.text() == f"To thank ({unthanked})", timeout=10_000)
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=5_000)
    assert not bar.isVisible()


def test_refunded_donations_leave_the_thank_queue_and_its_count(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService
) -> None:
    from livegiving_desktop.core.records import Actor, ActorRole

    w = livegiving_window
    create_fundraiser(qtbot, w)
    campaign_id = w.live.campaign.id
    ledger.simulate(campaign_id, count=5, seed=3)
    title = w.live.thanks.title
    qtbot.waitUntil(lambda: title.text() == "To thank (5)", timeout=15_000)
    victim = ledger.recent_donations(campaign_id, limit=1)[0]
    ledger.refund_donation(victim.id, "card used by mistake", Actor("Sam", ActorRole.MODERATOR))
    qtbot.waitUntil(lambda: title.text() == "To thank (4)", timeout=10_000)
    queue = find(w, QListView, "thankQueue")
    qtbot.waitUntil(lambda: victim.id not in {d.id for d in row_records(queue)}, timeout=5_000)


# -- nothing ended by accident: offline donations after the broadcast ----------------------


def test_an_ended_fundraiser_takes_offline_donations_marked_after_the_broadcast(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService
) -> None:
    w = livegiving_window
    create_fundraiser(qtbot, w)
    campaign_id = w.live.campaign.id
    find(w, QSpinBox, "simulationRate").setValue(0)
    find(w, QPushButton, "goLive").click()
    end = find(w, QPushButton, "endBroadcast")
    qtbot.waitUntil(end.isEnabled, timeout=10_000)
    end.click()
    qtbot.waitUntil(lambda: w.findChild(QMessageBox, "endBroadcastConfirm") is not None)
    find(
        w.findChild(QMessageBox, "endBroadcastConfirm"), QPushButton, "confirmEndBroadcast"
    ).click()
    qtbot.waitUntil(lambda: ledger.campaign(campaign_id).status.value == "ended", timeout=10_000)
    qtbot.waitUntil(lambda: w.findChild(QDialog, "broadcastSummary") is not None, timeout=5_000)
    w.findChild(QDialog, "broadcastSummary").close()

    dialog = _offline_dialog(qtbot, w)  # enabled on an ended fundraiser
    find(dialog, QLineEdit, "donationAmount").setText("40")
    find(dialog, QLineEdit, "donorName").setText("Cheque from Mme Roux")
    _ok(dialog)
    qtbot.waitUntil(lambda: ledger.campaign(campaign_id).after_broadcast_count == 1, timeout=10_000)
    feed = find(w, QListView, "donorFeed")
    qtbot.waitUntil(lambda: feed.model().rowCount() == 1, timeout=5_000)
    assert "after the broadcast" in feed.model().index(0, 0).data()

    summary_button = find(w, QPushButton, "showSummary")
    qtbot.waitUntil(summary_button.isVisible)
    summary_button.click()
    qtbot.waitUntil(w.live.summary.isVisible, timeout=5_000)
    texts = [lbl.text() for lbl in w.live.summary.findChildren(QLabel)]
    assert "After the broadcast" in texts
    assert "$40.00 from 1 offline donation" in texts


# -- set-up and home: the export dialog's folder -------------------------------------------


def test_the_export_dialog_opens_in_documents_then_in_the_last_folder_used(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService, tmp_path: Path
) -> None:
    w = livegiving_window
    create_fundraiser(qtbot, w)
    campaign_id = w.live.campaign.id
    ledger.simulate(campaign_id, count=3, seed=1)
    w.live.ask_export()
    dialog = w.findChild(QFileDialog, "exportDialog")
    qtbot.waitUntil(dialog.isVisible)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    start = Path(dialog.directory().absolutePath())
    assert start != Path.cwd()
    assert start in (Path(documents), Path.home())
    assert dialog.selectedFiles()[0].endswith(f"donations-{campaign_id}.csv")
    target = tmp_path / "exports" / "gala.csv"
    target.parent.mkdir()
    dialog.selectFile(str(target))
    dialog.accept()
    qtbot.waitUntil(target.exists, timeout=10_000)

    w.live.ask_export()
    again = w.live.export_dialog
    assert again is not dialog
    qtbot.waitUntil(again.isVisible)
    assert Path(again.directory().absolutePath()) == target.parent
    again.reject()


# -- set-up: room kept for the nonprofit, causes and kinds in French -----------------------


def test_picking_a_nonprofit_moves_nothing_below_it(qtbot: Any, livegiving_window: Any) -> None:
    w = livegiving_window
    find(w, QPushButton, "newCampaign").click()
    create = find(w, QPushButton, "createCampaign")
    goal = find(w, QLineEdit, "goalAmount")
    qtbot.waitUntil(create.isVisible)
    QApplication.processEvents()
    before = (create.mapTo(w, QPoint(0, 0)), goal.mapTo(w, QPoint(0, 0)))
    org_list = find(w, QListView, "organizationList")
    org_list.setCurrentIndex(org_list.model().index(0, 0))
    QApplication.processEvents()
    assert (create.mapTo(w, QPoint(0, 0)), goal.mapTo(w, QPoint(0, 0))) == before


def test_set_up_says_causes_and_kinds_in_french(qtbot: Any, french_window: Any) -> None:
    w = french_window
    find(w, QPushButton, "newCampaign").click()
    assert find(w, QPushButton, "campaignKindFundraiser").text() == "Collecte de fonds"
    find(w, QLineEdit, "organizationSearch").setText("croix")
    org_list = find(w, QListView, "organizationList")
    org_list.setCurrentIndex(org_list.model().index(0, 0))
    meta = w.setup.org_card_meta.text()
    assert "relief" not in meta and "aide humanitaire" in meta, meta
    category = find(w, QComboBox, "eventCategory")
    assert category.itemText(category.findData("performance")) == "Spectacle"


# -- the home list: dates, search, sort, archive, duplicate --------------------------------


def _titles(view: QListView) -> list[str]:
    return [c.title for c in row_records(view)]


def test_the_home_list_searches_sorts_archives_and_duplicates(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService
) -> None:
    w = livegiving_window
    for title in ("Zebra run", "Apple bake", "Marathon"):
        ledger.create_fundraiser(title=title, organization_id="croix-rouge-francaise",
                                 goal="500", currency="EUR")  # fmt: skip
    view = find(w, QListView, "campaignList")
    qtbot.waitUntil(lambda: len(_titles(view)) == 3, timeout=10_000)
    assert _titles(view) == ["Marathon", "Apple bake", "Zebra run"]  # newest first
    tip = view.model().index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Created ") and str(datetime.now().astimezone().year) in tip

    sort = find(w, QComboBox, "homeSort")
    sort.setCurrentIndex(sort.findData("title"))
    qtbot.waitUntil(lambda: _titles(view) == ["Apple bake", "Marathon", "Zebra run"])

    search = find(w, QLineEdit, "homeSearch")
    search.setText("APPLE")
    qtbot.waitUntil(lambda: _titles(view) == ["Apple bake"])
    search.setText("croix-rouge")  # the nonprofit's name finds them all
    qtbot.waitUntil(lambda: len(_titles(view)) == 3)
    search.setText("")

    view.setCurrentIndex(view.model().index(_titles(view).index("Marathon"), 0))
    archive = find(w, QPushButton, "archiveCampaign")
    archive.click()
    qtbot.waitUntil(lambda: _titles(view) == ["Apple bake", "Zebra run"], timeout=5_000)
    marathon = next(c for c in ledger.campaigns() if c.title == "Marathon")
    assert marathon.archived_at_us is not None
    find(w, QCheckBox, "homeShowArchived").setChecked(True)
    qtbot.waitUntil(lambda: "Marathon" in _titles(view))
    view.setCurrentIndex(view.model().index(_titles(view).index("Marathon"), 0))
    assert archive.text() == "Unarchive"

    view.setCurrentIndex(view.model().index(_titles(view).index("Apple bake"), 0))
    find(w, QPushButton, "duplicateCampaign").click()
    qtbot.waitUntil(lambda: "Apple bake (2)" in _titles(view), timeout=5_000)
    copy = next(c for c in ledger.campaigns() if c.title == "Apple bake (2)")
    assert (copy.status.value, copy.goal_minor, copy.organization_id) == (
        "draft", 50_000, "croix-rouge-francaise")  # fmt: skip


# -- a stretch goal while live -------------------------------------------------------------


def test_a_stretch_goal_while_live_is_recorded_and_the_figures_follow_it(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService
) -> None:
    w = livegiving_window
    create_fundraiser(qtbot, w, goal="150")
    campaign_id = w.live.campaign.id
    find(w, QSpinBox, "simulationRate").setValue(0)
    find(w, QPushButton, "goLive").click()
    qtbot.waitUntil(lambda: ledger.campaign(campaign_id).status.value == "live", timeout=10_000)
    ledger.record_donation(campaign_id, amount="100", donor_name="Ann")
    total = find(w, QLabel, "totalRaised")
    qtbot.waitUntil(lambda: total.text() == "$100.00", timeout=10_000)

    button = find(w, QPushButton, "changeGoal")
    qtbot.waitUntil(button.isEnabled)
    button.click()
    qtbot.waitUntil(lambda: w.findChild(QDialog, "goalDialog") is not None)
    dialog = w.findChild(QDialog, "goalDialog")
    qtbot.waitUntil(dialog.isVisible)
    goal = find(dialog, QLineEdit, "newGoal")
    assert goal.text() == "150.00"
    goal.setText("50")  # below what was raised: refused, nothing written
    _ok(dialog)
    error = find(dialog, QLabel, "goalError")
    qtbot.waitUntil(lambda: error.text() != "", timeout=5_000)
    assert "above the amount raised so far" in error.text()
    assert dialog.isVisible() and ledger.campaign(campaign_id).goal_minor == 15_000

    goal.setText("2,500")
    _ok(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    assert ledger.campaign(campaign_id).goal_minor == 250_000
    assert [(g.before_minor, g.after_minor) for g in ledger.goal_history(campaign_id)] == [
        (15_000, 250_000)
    ]
    goal_label = find(w, QLabel, "goalLabel")
    qtbot.waitUntil(lambda: "$2,500.00" in goal_label.text(), timeout=5_000)
    assert "4 %" in goal_label.text()


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")  # a popup
def test_the_calendar_popup_shows_its_day_names_and_every_week_whole(
    qtbot: Any, livegiving_window: Any
) -> None:
    w = livegiving_window
    find(w, QPushButton, "newCampaign").click()
    find(w, QPushButton, "campaignKindPaidEvent").click()
    edit = find(w, QDateTimeEdit, "eventStartsAt")
    qtbot.waitUntil(edit.isVisible)
    calendar = edit.calendarWidget()
    QTest.mouseClick(
        edit,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        QPoint(edit.width() - 8, edit.height() // 2),
    )  # the drop-down arrow
    qtbot.waitUntil(calendar.isVisible, timeout=3_000)
    view = calendar.findChild(QTableView)
    rows, columns = view.verticalHeader(), view.horizontalHeader()
    assert rows.length() <= view.viewport().height()  # the last week is not cut off
    assert columns.length() <= view.viewport().width()
    metrics = QFontMetrics(view.font())
    for column in range(columns.count()):
        day = view.model().index(0, column).data()
        assert metrics.horizontalAdvance(day) <= columns.sectionSize(column), day
    calendar.window().hide()


def test_qt_own_dialogs_speak_french(french_window: Any) -> None:
    """Qt's file dialog ("Look in:", "Files of type:") comes with Qt's French qtbase."""
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("QFileDialog", "Look in:") == "Voir dans\u00a0:"
    assert QCoreApplication.translate("QFileDialog", "Files of type:") != "Files of type:"


def test_the_paid_event_tab_says_nothing_is_wrong_before_anything_is_typed(
    qtbot: Any, livegiving_window: Any
) -> None:
    w = livegiving_window
    find(w, QPushButton, "newCampaign").click()
    find(w, QPushButton, "campaignKindPaidEvent").click()
    find(w, QLineEdit, "campaignTitle").setText("Jazz")
    find(w, QLineEdit, "ticketPrice").setText("")
    assert find(w, QLabel, "setupError").text() == ""  # validated on submit, then on each edit
    find(w, QPushButton, "createCampaign").click()
    assert find(w, QLabel, "setupError").text().startswith("Ticket price:")


def _fits(widget: QLabel) -> bool:
    """The label's whole text is drawn: on one line, or wrapped within its height."""
    if widget.wordWrap():
        return widget.heightForWidth(widget.width()) <= widget.height()
    return widget.fontMetrics().horizontalAdvance(widget.text()) <= widget.contentsRect().width()


@pytest.fixture
def larger_font(qapp: Any) -> Iterator[None]:
    """A 13 pt desktop font (the theme's sizes follow it) for one test."""
    from livegiving_desktop.ui.theme import apply_theme

    apply_theme(qapp, base_pt=13)
    yield
    apply_theme(qapp)


def test_french_captions_and_columns_are_not_cut_off(
    qtbot: Any, larger_font: None, french_window: Any, ledger: LedgerService
) -> None:
    w = french_window
    w.resize(1366, 768)
    event = ledger.create_paid_event(title="Jazz", category="performance", price="15",
                                     currency="EUR", capacity="40")  # fmt: skip
    qtbot.waitUntil(lambda: w.event_view.isVisible() or w.home.isVisible(), timeout=5_000)
    spawn(w.show_event(event.id), w._on_failed_exc)
    seats = w.event_view.seats
    qtbot.waitUntil(lambda: seats.isVisible() and seats.left.value.text() == "40", timeout=10_000)
    QApplication.processEvents()
    for block in (seats.sold, seats.left, seats.denied):
        assert _fits(block.caption), (block.caption.text(), block.caption.size())


def test_the_consoles_columns_show_their_french_headings_whole(
    qtbot: Any, french_window: Any, ledger: LedgerService
) -> None:
    from PySide6.QtGui import QAction

    w = french_window
    c = ledger.create_fundraiser(title="Hiver", organization_id="croix-rouge-francaise",
                                 goal="500", currency="EUR")  # fmt: skip
    ledger.record_donation(c.id, amount="5", donor_name="Cid", message="quel c0nnard")
    w.settings.setValue("moderation/displayName", "Sam")
    spawn(w.show_live(c.id), w._on_failed_exc)
    qtbot.waitUntil(lambda: w.live.campaign is not None, timeout=10_000)
    find(w, QAction, "openModeration").trigger()
    qtbot.waitUntil(lambda: w.findChild(QWidget, "moderationConsole") is not None)
    console = find(w, QWidget, "moderationConsole")
    table = find(console, QTableView, "moderationTable")
    qtbot.waitUntil(lambda: table.model().rowCount() == 1, timeout=10_000)
    header = table.horizontalHeader()
    metrics = header.fontMetrics()
    for column in range(table.model().columnCount() - 1):  # the last one stretches
        text = table.model().headerData(column, Qt.Orientation.Horizontal)
        assert metrics.horizontalAdvance(text) + 16 <= header.sectionSize(column), text
    console.close()


def test_an_ended_demo_offers_a_fresh_one_and_archives_itself(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService
) -> None:
    w = livegiving_window
    demo = ledger.ensure_demo_campaign("en")
    ledger.go_live(demo.id)
    ledger.end_broadcast(demo.id)
    spawn(w.show_live(demo.id), w._on_failed_exc)
    restart = find(w, QPushButton, "restartDemo")
    qtbot.waitUntil(restart.isVisible, timeout=10_000)
    restart.click()
    qtbot.waitUntil(
        lambda: w.live.campaign is not None and w.live.campaign.id != demo.id, timeout=10_000
    )
    fresh = w.live.campaign
    assert fresh.is_demo and fresh.status.value == "draft"
    assert ledger.campaign(demo.id).archived_at_us is not None  # kept, out of the home list
    assert ledger.ensure_demo_campaign("en").id == fresh.id  # the next run reuses this one
    assert not restart.isVisible()
