"""The paid event in the control room, driven through the object names of the contract:
set-up (refusals included), the live view with sales and the door, refunds, cancelling."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
)
from tests.gui.conftest import find

from livegiving_desktop.core.money import format_money
from livegiving_desktop.core.tickets import TicketStatus
from livegiving_desktop.services.events import EventService
from livegiving_desktop.services.ledger import LedgerService
from livegiving_desktop.ui.common import scripts
from livegiving_desktop.ui.common.model_base import RecordRole
from livegiving_desktop.ui.paid_event.models import TicketRole


def _revenue_text(ledger: LedgerService, campaign_id: int) -> str:
    c = ledger.campaign(campaign_id)
    return format_money(c.revenue_minor, c.currency, "en")


def _fill_event(
    w: Any, *, title: str = "Sushi class", price: str = "15", capacity: str = ""
) -> None:
    find(w, QPushButton, "newCampaign").click()
    find(w, QPushButton, "campaignKindPaidEvent").click()
    find(w, QLineEdit, "campaignTitle").setText(title)
    category = find(w, QComboBox, "eventCategory")
    category.setCurrentIndex(category.findData("cooking-class"))
    find(w, QLineEdit, "ticketPrice").setText(price)
    find(w, QLineEdit, "eventCapacity").setText(capacity)


def _dialog_ok(dialog: QDialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    box.button(QDialogButtonBox.StandardButton.Ok).click()


def _open_the_only_campaign(qtbot: Any, w: Any) -> QListView:
    """Home, select the one campaign listed, Open; returns the home list."""
    find(w, QAction, "actionHome").trigger()
    campaigns = find(w, QListView, "campaignList")
    qtbot.waitUntil(lambda: campaigns.model().rowCount() == 1 and campaigns.isVisible())
    campaigns.setCurrentIndex(campaigns.model().index(0, 0))
    find(w, QPushButton, "openCampaign").click()
    return campaigns


def test_paid_event_setup_refuses_bad_input_then_creates(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService
) -> None:
    w = livegiving_window
    _fill_event(w, title="", price="")
    error = find(w, QLabel, "setupError")
    create = find(w, QPushButton, "createCampaign")
    policy = find(w, QLabel, "setupRefundPolicy")
    assert "48 hours before the start" in policy.text()
    assert policy.isVisible()
    assert not find(w, QListView, "organizationList").isVisible()

    create.click()
    assert error.text().startswith("Title:")
    find(w, QLineEdit, "campaignTitle").setText("Sushi class")
    assert error.text().startswith("Ticket price:")  # follows each edit once refused
    price = find(w, QLineEdit, "ticketPrice")
    for bad in ("12,50", "-3", "0", "1.234", "abc"):
        price.setText(bad)
        assert error.text().startswith("Ticket price:"), bad
    price.setText("15.00")
    capacity = find(w, QLineEdit, "eventCapacity")
    for bad in ("0", "-5", "2.5", "many"):
        capacity.setText(bad)
        assert error.text().startswith("Capacity:"), bad
    capacity.setText("120")
    raises = find(w, QCheckBox, "eventRaisesMoney")
    raises.setChecked(True)
    assert find(w, QListView, "organizationList").isVisible()
    assert error.text().startswith("Nonprofit:")
    raises.setChecked(False)
    assert error.text() == ""
    find(w, QPlainTextEdit, "eventDescription").setPlainText("Nigiri and maki, live.")
    find(w, QSpinBox, "eventDuration").setValue(120)
    find(w, QCheckBox, "eventOnlineOnly").setChecked(False)
    assert ledger.campaigns() == []  # nothing saved while invalid

    create.click()
    qtbot.waitUntil(lambda: len(ledger.campaigns()) == 1, timeout=10_000)
    stored = ledger.campaigns()[0]
    assert (stored.kind.value, stored.category, stored.ticket_price_minor, stored.capacity) == (
        "paid-event", "cooking-class", 1500, 120,
    )  # fmt: skip
    assert (stored.duration_minutes, stored.online_only, stored.description) == (
        120, False, "Nigiri and maki, live.",
    )  # fmt: skip
    assert stored.starts_at_us is not None
    # The paid event's live view opens, and its controls are the ones findChild finds.
    qtbot.waitUntil(lambda: find(w, QPushButton, "goLive").isVisible(), timeout=10_000)
    assert find(w, QPushButton, "goLive") is w.event_view.go_live
    assert find(w, QLabel, "revenueTotal").text() == "$0.00"
    assert "0 / 120" in find(w, QLabel, "attendeeCount").text()


def test_live_view_sells_admits_and_refunds(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService
) -> None:
    w = livegiving_window
    _fill_event(w, price="20", capacity="40")
    sales_font = QFont(w.event_view.sales.font())
    sales_font.setPointSizeF(sales_font.pointSizeF() + 3.75)  # a size nothing else warmed
    w.event_view.sales.setFont(sales_font)
    find(w, QPushButton, "createCampaign").click()
    go_live = find(w, QPushButton, "goLive")
    qtbot.waitUntil(lambda: go_live.isVisible() and w.event_view.campaign is not None)
    campaign_id = w.event_view.campaign.id
    # Every script a buyer may write in is shaped in the list's font as the view opens.
    qtbot.waitUntil(lambda: scripts.warmed(w.event_view.sales.font()), timeout=10_000)
    events = EventService(ledger)
    # Sold before the broadcast, from another desk: the simulated audience only ever uses the
    # codes it bought itself, so this one is still unused when it is refunded below.
    kept = events.buy_ticket(campaign_id, "Early buyer").sold[0].ticket
    find(w, QSpinBox, "simulationRate").setValue(300)
    go_live.click()
    sales = find(w, QListView, "ticketSales")
    log = find(w, QListView, "admissionLog")
    qtbot.waitUntil(lambda: ledger.campaign(campaign_id).tickets_sold == 40, timeout=20_000)
    find(w, QSpinBox, "simulationRate").setValue(0)  # the audience goes quiet
    code = find(w, QLineEdit, "admitCode")
    code.setText("WRONG-CODE")  # the creator's own check at the door: refused
    find(w, QPushButton, "admitAttendee").click()
    qtbot.waitUntil(
        lambda: any("refused: " in log.model().index(r, 0).data()
                    for r in range(log.model().rowCount())),
        timeout=20_000,
    )  # fmt: skip
    revenue = find(w, QLabel, "revenueTotal")
    qtbot.waitUntil(lambda: revenue.text() == _revenue_text(ledger, campaign_id), timeout=5_000)
    assert revenue.text() == "$800.00"  # 40 seats at $20, never more
    assert sales.model().rowCount() == 40
    newest = sales.model().index(0, 0).data()
    assert "$20.00" in newest
    stored = ledger.campaign(campaign_id)
    attendees = find(w, QLabel, "attendeeCount")
    qtbot.waitUntil(
        lambda: attendees.text() == f"{ledger.campaign(campaign_id).admitted_count} / 40 admitted"
    )
    assert stored.admitted_count > 0

    # Refund a ticket nobody used yet: revenue drops, the row says so.
    assert events.ticket(kept.id).status is TicketStatus.VALID
    row = next(r for r in range(40) if sales.model().index(r, 0).data(TicketRole).id == kept.id)
    w.event_view.select_ticket_row(row)
    ticket_id = sales.model().index(row, 0).data(TicketRole).id
    find(w, QPushButton, "refundTicket").click()
    dialog = find(w, QDialog, "refundTicketDialog")
    assert not find(dialog, QCheckBox, "refundOverride").isVisible()  # within the window
    _dialog_ok(dialog)
    assert "Reason" in find(dialog, QLabel, "refundError").text()  # a reason is required
    find(dialog, QLineEdit, "refundReason").setText("cannot attend")
    _dialog_ok(dialog)
    qtbot.waitUntil(lambda: revenue.text() == "$780.00", timeout=5_000)
    assert ledger.campaign(campaign_id).revenue_minor == 78_000
    assert events.ticket(ticket_id).status is TicketStatus.REFUNDED
    assert "refunded" in sales.model().index(row, 0).data()
    assert not find(w, QPushButton, "refundTicket").isEnabled()


def test_opened_from_home_door_check_override_and_cancel(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService
) -> None:
    w = livegiving_window
    starts = (datetime.now(UTC) + timedelta(hours=3)).isoformat()  # refund window closed
    campaign = ledger.create_paid_event(
        title="Keynote", category="conference", price="50", currency="EUR", capacity="10",
        starts_at=starts,
    )  # fmt: skip
    events = EventService(ledger)
    sold = events.buy_ticket(campaign.id, "Ana").sold[0]
    events.buy_ticket(campaign.id, "Bob")
    campaigns = _open_the_only_campaign(qtbot, w)
    revenue = find(w, QLabel, "revenueTotal")
    qtbot.waitUntil(lambda: revenue.isVisible() and revenue.text() == "€100.00", timeout=10_000)
    assert "closes" not in find(w, QLabel, "refundPolicy").text()
    assert "48 hours before the start" in find(w, QLabel, "refundPolicy").text()

    find(w, QSpinBox, "simulationRate").setValue(0)
    find(w, QPushButton, "goLive").click()
    code = find(w, QLineEdit, "admitCode")
    qtbot.waitUntil(code.isEnabled)
    code.setText("WRONG-CODE")
    find(w, QPushButton, "admitAttendee").click()
    result = find(w, QLabel, "admitResult")
    qtbot.waitUntil(lambda: result.text() == "Refused: wrong code", timeout=5_000)
    log = find(w, QListView, "admissionLog")
    qtbot.waitUntil(lambda: "refused: wrong code" in (log.model().index(0, 0).data() or ""))
    # The refused code is selected: the next one typed replaces it, never appends to it.
    assert code.selectedText() == "WRONG-CODE"
    code.setText(sold.code.lower())
    find(w, QPushButton, "admitAttendee").click()
    qtbot.waitUntil(lambda: result.text() == "Admitted: Ana", timeout=5_000)  # the buyer's name
    assert code.text() == ""  # cleared for the next one
    # The stage welcomes her for a moment (OVERLAY_MS, shortened here), as a fundraiser's
    # alert shows; kept, it covered the scene's title for the rest of the event.
    stage = w.event_view.stage
    qtbot.waitUntil(lambda: "Welcome, Ana!" in stage.summary(), timeout=5_000)
    assert w.event_view._welcome_timer.isActive()  # started by the welcome itself
    w.event_view._welcome_timer.setInterval(200)
    w.event_view._welcome_timer.start()
    qtbot.waitUntil(lambda: "Welcome" not in stage.summary(), timeout=5_000)
    attendees = find(w, QLabel, "attendeeCount")
    qtbot.waitUntil(lambda: attendees.text() == "1 / 10 admitted", timeout=5_000)

    # Past the window: the refund needs the creator's override, recorded.
    sales = find(w, QListView, "ticketSales")
    w.event_view.select_ticket_row(0)  # Bob, newest first
    find(w, QPushButton, "refundTicket").click()
    dialog = find(w, QDialog, "refundTicketDialog")
    override = find(dialog, QCheckBox, "refundOverride")
    assert override.isVisible()
    find(dialog, QLineEdit, "refundReason").setText("flight cancelled")
    _dialog_ok(dialog)
    assert "override" in find(dialog, QLabel, "refundError").text()
    override.setChecked(True)
    _dialog_ok(dialog)
    qtbot.waitUntil(lambda: revenue.text() == "€50.00", timeout=5_000)
    refund = events.store.refund_rows(campaign.id)
    assert [(r[1], r[3]) for r in refund] == [(True, "flight cancelled")]
    assert "refunded" in sales.model().index(0, 0).data()

    # Cancel: every ticket refunded, the event shows CANCELLED (not ended).
    find(w, QPushButton, "cancelEvent").click()
    cancel = find(w, QDialog, "cancelEventDialog")
    find(cancel, QLineEdit, "cancelReason").setText("speaker ill")
    _dialog_ok(cancel)
    qtbot.waitUntil(lambda: ledger.campaign(campaign.id).status.value == "cancelled", timeout=5_000)
    qtbot.waitUntil(lambda: revenue.text() == "€0.00", timeout=5_000)
    assert {t.status for t in events.store.iter_tickets(campaign.id)} == {TicketStatus.REFUNDED}
    assert not find(w, QPushButton, "cancelEvent").isVisible()
    assert w.event_view.status_pill.text() == "CANCELLED"
    find(w, QAction, "actionHome").trigger()
    qtbot.waitUntil(
        lambda: (
            campaigns.isVisible()
            and campaigns.model().index(0, 0).data(RecordRole).status.value == "cancelled"
        )
    )
    campaigns.grab()  # the home list paints a cancelled event's pill


def test_tickets_export_from_the_live_view(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService, tmp_path: Any
) -> None:
    w = livegiving_window
    campaign = ledger.create_paid_event(
        title="Talk", category="talk", price="5", currency="EUR", capacity=None
    )
    EventService(ledger).buy_ticket(campaign.id, "=Ana", "web-1")
    find(w, QAction, "actionHome").trigger()
    campaigns = find(w, QListView, "campaignList")
    qtbot.waitUntil(lambda: campaigns.model().rowCount() == 1 and campaigns.isVisible())
    assert "€5.00" in campaigns.model().index(0, 0).data()  # the card shows ticket revenue
    campaigns.setCurrentIndex(campaigns.model().index(0, 0))
    find(w, QPushButton, "openCampaign").click()
    qtbot.waitUntil(lambda: find(w, QListView, "ticketSales").model().rowCount() == 1)
    assert find(w, QLabel, "attendeeCount").text() == "0 admitted"  # no capacity
    assert find(w, QAction, "actionExport").isEnabled()
    target = tmp_path / "tickets.csv"
    task = w.event_view.export_to(target)
    from livegiving_desktop.ui.common.runner import spawn

    spawn(task)
    qtbot.waitUntil(target.exists, timeout=5_000)
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "ticket_id,external_id,purchased_at,buyer_name,amount,currency,status"
    fields = lines[1].split(",")
    assert [fields[1], *fields[3:]] == ["web-1", "'=Ana", "5.00", "EUR", "valid"]


def test_event_raising_money_shows_both_totals(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService
) -> None:
    from livegiving_desktop.core.campaigns import paid_event_spec

    w = livegiving_window
    spec = paid_event_spec(title="Benefit concert", category="performance", price="10",
                           currency="EUR", organization_id="croix-rouge-francaise",
                           goal="2000", catalog=ledger.catalog)  # fmt: skip
    campaign = ledger.create_campaign(spec)
    _open_the_only_campaign(qtbot, w)
    donations = find(w, QLabel, "donationsTotal")
    go_live = find(w, QPushButton, "goLive")
    qtbot.waitUntil(lambda: donations.isVisible() and go_live.isVisible(), timeout=10_000)
    assert "CROIX-ROUGE" in w.event_view.donations_card.caption.text()
    find(w, QSpinBox, "simulationRate").setValue(400)
    go_live.click()
    qtbot.waitUntil(lambda: ledger.campaign(campaign.id).total_minor > 0, timeout=20_000)
    find(w, QSpinBox, "simulationRate").setValue(0)

    def shown() -> bool:
        c = ledger.campaign(campaign.id)
        return donations.text() == format_money(c.total_minor, "EUR", "en") and find(
            w, QLabel, "revenueTotal"
        ).text() == format_money(c.revenue_minor, "EUR", "en")

    qtbot.waitUntil(shown, timeout=10_000)
    c = ledger.campaign(campaign.id)
    assert c.revenue_minor == c.tickets_sold * 1000  # tickets alone; donations apart


def test_a_lost_code_is_replaced_from_the_live_view_and_the_old_one_stops_working(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService
) -> None:
    """A buyer lost their code: the creator selects the ticket, gives it a new code after a
    question (Cancel changes nothing), reads it out or copies it; at the door the old code is
    refused and the new one admits the buyer."""
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QMessageBox

    w = livegiving_window
    campaign = ledger.create_paid_event(title="Cooking class", category="cooking-class", price="15",
                                        currency="EUR", capacity="20")  # fmt: skip
    events = EventService(ledger)
    lost = events.buy_ticket(campaign.id, "Ana").sold[0]
    _open_the_only_campaign(qtbot, w)
    sales = find(w, QListView, "ticketSales")
    qtbot.waitUntil(lambda: sales.isVisible() and sales.model().rowCount() == 1, timeout=10_000)
    reissue = find(w, QPushButton, "reissueTicket")
    assert not reissue.isEnabled()  # no ticket selected
    w.event_view.select_ticket_row(0)
    qtbot.waitUntil(reissue.isEnabled)

    reissue.click()
    qtbot.waitUntil(lambda: w.findChild(QMessageBox, "reissueTicketConfirm") is not None)
    ask = find(w, QMessageBox, "reissueTicketConfirm")
    qtbot.waitUntil(ask.isVisible)
    assert "Ana" in ask.text()
    find(ask, QPushButton, "cancelReissueTicket").click()
    qtbot.waitUntil(lambda: w.findChild(QMessageBox, "reissueTicketConfirm") is None)
    qtbot.wait(200)
    assert w.findChild(QMessageBox, "reissuedCode") is None  # nothing changed

    reissue.click()
    qtbot.waitUntil(lambda: w.findChild(QMessageBox, "reissueTicketConfirm") is not None)
    ask = find(w, QMessageBox, "reissueTicketConfirm")
    qtbot.waitUntil(ask.isVisible)
    find(ask, QPushButton, "confirmReissueTicket").click()
    qtbot.waitUntil(lambda: w.findChild(QMessageBox, "reissuedCode") is not None, timeout=5_000)
    shown = find(w, QMessageBox, "reissuedCode")
    assert lost.code not in shown.text()
    find(shown, QPushButton, "copyReissuedCode").click()
    new_code = QGuiApplication.clipboard().text()
    assert new_code and new_code != lost.code and new_code in shown.text()

    find(w, QSpinBox, "simulationRate").setValue(0)
    find(w, QPushButton, "goLive").click()
    code = find(w, QLineEdit, "admitCode")
    qtbot.waitUntil(code.isEnabled)
    result = find(w, QLabel, "admitResult")
    code.setText(lost.code)
    find(w, QPushButton, "admitAttendee").click()
    qtbot.waitUntil(lambda: result.text().startswith("Refused"), timeout=5_000)
    code.setText(new_code)
    find(w, QPushButton, "admitAttendee").click()
    qtbot.waitUntil(lambda: result.text() == "Admitted: Ana", timeout=5_000)

    # A moderator's seat of a team: tickets are the owner's, and the buttons say so.
    from livegiving_desktop.core.team import SeatIdentity, TeamRole

    w.event_view.set_identity(SeatIdentity("sam", TeamRole.MODERATOR))
    w.event_view.select_ticket_row(0)
    for name in ("reissueTicket", "refundTicket", "cancelEvent"):
        widget = find(w, QPushButton, name)
        assert not widget.isEnabled(), name
        assert "moderator" in widget.toolTip(), name


def _forty_sales(qtbot: Any, w: Any, ledger: LedgerService) -> tuple[EventService, Any, Any, Any]:
    """A paid event with 40 tickets sold ("Early 00" the oldest), opened in the live view:
    its service, the event, the `ticketSales` view and its `ticketSalesNewer` button."""
    campaign = ledger.create_paid_event(title="Concert", category="cooking-class", price="15",
                                        currency="EUR", capacity="100")  # fmt: skip
    events = EventService(ledger)
    for i in range(40):
        events.buy_ticket(campaign.id, f"Early {i:02d}")
    _open_the_only_campaign(qtbot, w)
    sales = find(w, QListView, "ticketSales")
    qtbot.waitUntil(lambda: sales.isVisible() and sales.model().rowCount() == 40, timeout=10_000)
    return events, campaign, sales, find(w, QPushButton, "ticketSalesNewer")


def test_the_sales_under_the_pointer_hold_still_as_tickets_sell(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService
) -> None:
    """At a rush of sales the list moved under the pointer, and a click took the next buyer's
    ticket: the rows under the pointer (or scrolled to) hold still as sales come on top, as the
    donor feed's do (ui/common/newer.py), and "↑ 2 newer ticket sales" goes back to the newest.
    A ticket picked to refund or to give a new code keeps the pause once the pointer has left
    for the buttons, and stays selected."""
    from PySide6.QtCore import QPoint, Qt

    w = livegiving_window
    events, campaign, sales, newer = _forty_sales(qtbot, w, ledger)

    def top() -> str:
        ticket = sales.model().ticket(sales.indexAt(QPoint(4, 4)).row())
        return "" if ticket is None else ticket.buyer_name

    def sell(buyer: str, count: int) -> None:
        events.buy_ticket(campaign.id, buyer)
        qtbot.waitUntil(lambda: sales.model().rowCount() == count, timeout=10_000)

    qtbot.waitUntil(lambda: top() == "Early 39")
    assert sales.model().rowCount() * sales.sizeHintForRow(0) > sales.viewport().height()
    sales.setAttribute(Qt.WidgetAttribute.WA_UnderMouse, True)  # offscreen has no pointer
    sell("Ana", 41)
    qtbot.waitUntil(newer.isVisible, timeout=5_000)
    assert top() == "Early 39"  # still under the pointer
    assert newer.text() == "1 newer ticket sale"
    assert sales.model().ticket(0).buyer_name == "Ana"  # row 0: the newest

    w.event_view.select_ticket_row(3)
    assert w.event_view.selected_ticket().buyer_name == "Early 37"
    sales.setAttribute(Qt.WidgetAttribute.WA_UnderMouse, False)  # off to Refund
    sell("Bob", 42)
    qtbot.waitUntil(lambda: newer.text() == "2 newer ticket sales", timeout=5_000)
    assert top() == "Early 39"
    assert w.event_view.selected_ticket().buyer_name == "Early 37"

    newer.click()
    qtbot.waitUntil(lambda: top() == "Bob")
    assert not newer.isVisible()
    assert w.event_view.selected_ticket().buyer_name == "Early 37"
    sell("Cy", 43)
    qtbot.waitUntil(lambda: top() == "Cy", timeout=5_000)  # at the top: the newest come in view


def test_a_rush_past_the_hold_shows_the_newest_and_unpicks_a_ticket_that_left(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService, monkeypatch: Any
) -> None:
    """A held list keeps what comes up to HOLD_ROWS rows (ui/common/newer.py); past them it
    shows the newest again and keeps its limit (SALES_ROWS). The ticket picked for Refund,
    gone with the oldest rows, is unpicked: Qt had picked its neighbour, and Refund would
    have refunded another buyer."""
    from PySide6.QtCore import Qt

    from livegiving_desktop.ui.common import newer as newer_rows

    monkeypatch.setattr(newer_rows, "HOLD_ROWS", 45)
    w = livegiving_window
    w.event_view.sales_model.limit = 40  # the newest 40 sales while watching the top
    events, campaign, sales, newer = _forty_sales(qtbot, w, ledger)
    w.event_view.select_ticket_row(39)
    assert w.event_view.selected_ticket().buyer_name == "Early 00"
    sales.scrollToTop()
    sales.setAttribute(Qt.WidgetAttribute.WA_UnderMouse, True)  # the pointer holds the list
    for n in range(5):
        events.buy_ticket(campaign.id, f"Rush {n}")
        qtbot.waitUntil(lambda n=n: sales.model().rowCount() == 41 + n, timeout=10_000)
    assert newer.isVisible() and newer.text() == "5 newer ticket sales"
    assert w.event_view.selected_ticket().buyer_name == "Early 00"  # kept while held

    events.buy_ticket(campaign.id, "Rush 5")  # 45 rows held: back to the newest 40
    qtbot.waitUntil(lambda: sales.model().ticket(0).buyer_name == "Rush 5", timeout=10_000)
    assert sales.model().rowCount() == 40
    assert not newer.isVisible()
    assert w.event_view.selected_ticket() is None
    assert not find(w, QPushButton, "refundTicket").isEnabled()
