"""The paid event's live view: ticket sales, the door (admission log), revenue and seats,
refunds and cancellation. The simulated audience buys and joins while the event is live.

Its campaign is the BroadcastController's (ui/broadcast/controller.py); this module keeps the
layout and the bindings of what only a paid event has. The controls it shares with the
fundraiser's view keep the same object names (`goLive`, `endBroadcast`, `simulationRate`); the
main window keeps the page on screen first in the object tree, so `findChild` finds it."""

from __future__ import annotations

import getpass
import html
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt, Slot
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QMessageBox,
    QWidget,
)

from livegiving_desktop.core.campaigns import CampaignKind, CampaignStatus
from livegiving_desktop.core.records import Actor, ActorRole, from_us
from livegiving_desktop.core.tickets import (
    AdmissionRecord,
    EventFigures,
    StoredTicket,
    TicketStatus,
)
from livegiving_desktop.services.events import EventService
from livegiving_desktop.services.files import ledger_files
from livegiving_desktop.services.ledger import LedgerService
from livegiving_desktop.services.snapshots import EventSnapshot
from livegiving_desktop.ui.broadcast.page import OVERLAY_MS, BroadcastPage
from livegiving_desktop.ui.common import format as fmt
from livegiving_desktop.ui.common.accessibility import name_clear_button, set_figure
from livegiving_desktop.ui.common.confirm import ask
from livegiving_desktop.ui.common.feed import FeedBridge
from livegiving_desktop.ui.common.newer import NewerRows, unpicked_if_gone
from livegiving_desktop.ui.common.roles import gate
from livegiving_desktop.ui.common.runner import DbRunner, spawn
from livegiving_desktop.ui.common.widgets import button, label, timer
from livegiving_desktop.ui.operations import Operations, export_file
from livegiving_desktop.ui.paid_event.cards import (
    DonationsCard,
    PolicyCard,
    RevenueCard,
    SeatsCard,
    refund_policy_text,
)
from livegiving_desktop.ui.paid_event.models import (
    AdmissionLogModel,
    TicketSalesModel,
    category_text,
    reason_text,
)
from livegiving_desktop.ui.paid_event.widgets import CancelEventDialog, RefundTicketDialog

__all__ = ["EventPage", "refund_policy_text"]

SALES_ROWS = 500  # the newest sales the list shows (more while it holds still: newer.py)


class EventPage(BroadcastPage):
    """The live view of a paid event (the main window's `event_view`)."""

    def __init__(self, runner: DbRunner, parent: QWidget | None = None) -> None:
        super().__init__(
            runner, CampaignKind.PAID_EVENT,
            names={"home": "eventHomeButton", "heading": "eventHeading", "stage": "eventStage"},
            parent=parent,
        )  # fmt: skip
        self.events: EventService | None = None
        self.sales_model = TicketSalesModel("en", SALES_ROWS, parent=self)
        self.log_model = AdmissionLogModel(parent=self)
        # A welcome stays on the stage for a moment, as a fundraiser's alert does (kept, it
        # covered the scene's title on a short stage for the rest of the event).
        self._welcome_timer = timer(self, OVERLAY_MS, single_shot=True)
        self._welcome_timer.timeout.connect(self._on_welcome_timer_timeout)
        self._build()
        c = self.controller
        c.eventOpened.connect(self._on_controller_opened)
        c.figuresChanged.connect(self._on_controller_figures_changed)
        c.ticketsAdded.connect(self._on_controller_tickets_added)
        c.ticketsChanged.connect(self._on_controller_tickets_changed)
        c.admissionsAdded.connect(self._on_controller_admissions_added)

    # -- construction ----------------------------------------------------------------------

    def _build(self) -> None:
        self.go_live.setToolTip(self.tr("Open the doors and go live (Ctrl+L)"))
        self.cancel_event = button(self.tr("Cancel event"), "cancelEvent", "mdi6.cancel", "danger",
                                   self.tr("Cancel the event and refund every ticket"))  # fmt: skip
        self.cancel_event.clicked.connect(self._on_cancel_event_clicked)
        self.rate.setAccessibleName(self.tr("Simulated audience: people per second"))
        self.rate.setRange(0, 5_000)
        self.rate.setToolTip(self.tr("Simulated audience: people buying or joining per second"))
        self.code = QLineEdit()
        self.code.setObjectName("admitCode")
        self.code.setAccessibleName(self.tr("Access code to check"))
        self.code.setPlaceholderText(self.tr("Access code, e.g. ABCDE-FGHJK-…"))
        name_clear_button(self.code)
        self.code.returnPressed.connect(self._on_admit_clicked)
        self.admit = button(self.tr("Check in"), "admitAttendee", "mdi6.door-open",
                            tip=self.tr("Admit whoever has this code"))  # fmt: skip
        self.admit.clicked.connect(self._on_admit_clicked)
        self.admit_result = label("", "muted", wrap=True)
        self.admit_result.setObjectName("admitResult")
        self.controls.addSpacing(18)
        self.controls.addWidget(label(self.tr("Door"), "muted"))
        self.controls.addWidget(self.code, 1)
        self.controls.addWidget(self.admit)

        self.sales = QListView()
        self.sales.setObjectName("ticketSales")
        self.sales.setAccessibleName(self.tr("Ticket sales, newest first"))
        self.sales.setUniformItemSizes(True)
        self.sales.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.sales.setModel(self.sales_model)
        self.sales.selectionModel().selectionChanged.connect(self._update_buttons)
        self.sales_newer = NewerRows(self.sales, "ticketSalesNewer", tickets=True)
        self.refund = button(self.tr("Refund ticket"), "refundTicket", "mdi6.cash-refund",
                             tip=self.tr("Refund the selected ticket"))  # fmt: skip
        self.refund.clicked.connect(self._on_refund_clicked)
        self.reissue = button(self.tr("New code"), "reissueTicket", "mdi6.key-change",
                              tip=self.tr("Give the selected ticket a new access code; "
                                          "the one its buyer has stops working"))  # fmt: skip
        self.reissue.clicked.connect(self._on_reissue_clicked)
        self.sales_count = label("", "muted")
        self.export = button(self.tr("Export"), "exportTickets", "mdi6.file-export",
                             tip=self.tr("Export the tickets (CSV or JSON)"))  # fmt: skip
        self.export.clicked.connect(self._on_export_clicked)
        self.log = QListView()
        self.log.setObjectName("admissionLog")
        self.log.setAccessibleName(self.tr("Admission log: admitted and refused, newest first"))
        self.log.setUniformItemSizes(True)
        self.log.setModel(self.log_model)
        self.log_count = label("", "muted")

        self.revenue_card = RevenueCard()
        self.seats = SeatsCard()
        self.donations_card = DonationsCard()
        self.donations_card.setVisible(False)  # only for an event that also raises money
        self.policy = PolicyCard()
        self.revenue, self.gauge = self.revenue_card.revenue, self.seats.gauge
        self.attendees, self.donations = self.seats.attendees, self.donations_card.total
        self.policy_label = self.policy.text

        sales_head = QHBoxLayout()
        sales_head.addWidget(label(self.tr("Ticket sales"), "h2"))
        sales_head.addWidget(self.sales_count)
        sales_head.addStretch(1)
        sales_head.addWidget(self.export)
        # What acts on the ticket selected in the list, under it (a 1280-pixel-wide screen
        # has no room for three buttons beside the heading).
        ticket_actions = QHBoxLayout()
        ticket_actions.addWidget(self.reissue)
        ticket_actions.addWidget(self.refund)
        ticket_actions.addStretch(1)
        log_head = QHBoxLayout()
        log_head.addWidget(label(self.tr("At the door"), "h2"))
        log_head.addWidget(self.log_count)
        log_head.addStretch(1)
        # One grid: both headings on one line, both lists the same height.
        lists = QGridLayout()
        lists.setSpacing(14)
        lists.addLayout(sales_head, 0, 0)
        lists.addLayout(log_head, 0, 1)
        lists.addWidget(self.sales, 1, 0)
        lists.addWidget(self.log, 1, 1)
        lists.addLayout(ticket_actions, 2, 0)
        lists.setRowStretch(1, 1)
        lists.setColumnStretch(0, 1)
        lists.setColumnStretch(1, 1)
        self.left.addWidget(self.stage, 4)
        self.left.addLayout(self.controls)
        self.left.addWidget(self.admit_result)
        self.left.addLayout(lists, 5)
        for widget in (self.revenue_card, self.seats, self.donations_card, self.policy):
            self.right.addWidget(widget)
        self.right.addStretch(1)
        self.lay_out(self.cancel_event)

    def attach(
        self, service: LedgerService, ops: Operations, feed: FeedBridge, locale: str
    ) -> None:
        super().attach(service, ops, feed, locale)
        self.events = ops.events
        self.sales_model.locale = locale

    def refresh_texts(self) -> None:
        self.sales_model.locale = self.money_locale
        for model in (self.sales_model, self.log_model):
            model.layoutChanged.emit()
        self._on_controller_figures_changed(self.controller.figures)

    @property
    def figures(self) -> EventFigures:
        return self.controller.figures

    def end_question(self) -> str:
        c, f = self.controller.campaign, self.controller.figures
        if c is None:
            return super().end_question()
        revenue = fmt.money(f.revenue_minor, c.currency, self.money_locale)
        return (
            self.tr("%n ticket(s) sold for %1, %2 admitted. The doors close and the event "
                    "ends.", "", f.tickets_sold)
            .replace("%1", revenue).replace("%2", fmt.count(f.admitted, self.money_locale))
        )  # fmt: skip

    def status_texts(self) -> tuple[str, str]:
        return (
            self.tr("Doors closed: press Go live to let ticket holders in"),
            self.tr("This event has ended"),
        )

    # -- following the controller ----------------------------------------------------------

    def name_fonts(self) -> list[QFont]:
        return [self.sales.font(), self.log.font(), *super().name_fonts()]

    @Slot(EventSnapshot)
    def _on_controller_opened(self, snap: EventSnapshot) -> None:
        c = snap.campaign
        self.sales_model.reset(snap.sales)
        self.sales_newer.show_newest()  # the list was shown anew: nothing is held
        self.log_model.reset(snap.admissions)
        self.warm_scripts()
        parts = [category_text(c.category)]
        if c.starts_at_us:
            parts.append(from_us(c.starts_at_us).astimezone().strftime("%Y-%m-%d %H:%M"))
        parts.append(self.tr("%1 min").replace("%1", str(c.duration_minutes or 60)))
        parts.append(self.tr("Online only") if c.online_only else self.tr("Online and in person"))
        price = fmt.money(c.ticket_price_minor or 0, c.currency, self.money_locale)
        self.revenue_card.price.setText(self.tr("Ticket price %1").replace("%1", price))
        self.stage.organization = f"{category_text(c.category)} · {price}"
        self.donations_card.setVisible(c.organization_id is not None)
        self.donations_card.show_organization(snap.organization)
        deadline = (
            None
            if snap.policy.deadline_us is None
            else from_us(snap.policy.deadline_us).astimezone().strftime("%Y-%m-%d %H:%M")
        )
        self.policy.text.setText(refund_policy_text(snap.policy.window_hours, deadline))
        self.admit_result.setText("")
        self.show_campaign(c, " · ".join(parts))
        self._on_controller_figures_changed(snap.figures)

    @Slot(EventFigures)
    def _on_controller_figures_changed(self, f: EventFigures) -> None:
        c = self.controller.campaign
        if c is None:
            return
        set_figure(self.revenue_card.revenue, self.tr("Ticket revenue"),
                   fmt.money(f.revenue_minor, c.currency, self.money_locale))  # fmt: skip
        self.seats.show_figures(f, self.money_locale)
        set_figure(self.donations_card.total, self.tr("Donations raised"),
                   fmt.money(f.total_minor, c.currency, self.money_locale))  # fmt: skip
        n = lambda value: fmt.count(value, self.money_locale)  # noqa: E731
        if f.capacity:
            self.stage.goal_text = self.tr("%1 of %2 seats sold").replace(
                "%1", n(f.tickets_sold)).replace("%2", n(f.capacity))  # fmt: skip
            self.stage.goal_fraction = min(1.0, f.tickets_sold / f.capacity)
        else:
            self.stage.goal_text = self.tr("%n ticket(s) sold", "", f.tickets_sold)
            self.stage.goal_fraction = 0.0
        self.update_controls()
        self.repaint_stage()

    @Slot(list)
    def _on_controller_tickets_added(self, newest: list[StoredTicket]) -> None:
        # Keep the sales the creator reads, or is about to click, where they are.
        newer = self.sales_newer
        holding = newer.holding_at_most(self.sales_model.rowCount())
        # Rows read below or under the pointer stay in the list; at the top it is trimmed.
        self.sales_model.keep_older = holding
        with unpicked_if_gone(self.sales):
            added = self.sales_model.prepend(newest)
        if added and holding:
            newer.hold(added)

    @Slot(list)
    def _on_controller_tickets_changed(self, tickets: list[StoredTicket]) -> None:
        self.sales_model.update(tickets)
        self._update_buttons()

    @Slot(list)
    def _on_controller_admissions_added(self, newest: list[AdmissionRecord]) -> None:
        self.log_model.prepend(newest)
        latest = newest[0] if newest else None
        if latest is not None:
            self.stage.alert_title = (
                self.tr("Welcome, %1!").replace("%1", latest.attendee_name)
                if latest.admitted
                else ""
            )
            if latest.admitted:
                self._welcome_timer.start()
            self.repaint_stage()

    @Slot()
    def _on_welcome_timer_timeout(self) -> None:
        self.stage.alert_title = ""
        self.repaint_stage()

    def update_controls(self) -> None:
        c = self.controller.campaign
        live = c is not None and c.status is CampaignStatus.LIVE
        ended = c is not None and c.status.finished
        self.cancel_event.setEnabled(c is not None and not ended)
        self.cancel_event.setVisible(c is not None and not ended)
        self.export.setEnabled(c is not None)
        self.code.setEnabled(live)
        self.admit.setEnabled(live)
        owner = self.owner_seat
        gate(self.cancel_event, owner, self.identity, "cancel an event")
        f = self.controller.figures
        n = lambda value: fmt.count(value, self.money_locale)  # noqa: E731
        self.sales_count.setText(self.tr("%1 sold").replace("%1", n(f.tickets_sold)))
        self.log_count.setText(
            self.tr("%1 admitted · %2 refused").replace("%1", n(f.admitted))
            .replace("%2", n(f.denied))
        )  # fmt: skip
        self._update_buttons()

    @Slot()
    def _update_buttons(self) -> None:
        t = self.selected_ticket()
        usable = self.controller.loaded and t is not None and t.status is not TicketStatus.REFUNDED
        self.refund.setEnabled(usable)
        self.reissue.setEnabled(usable)
        owner = self.owner_seat  # tickets: the owner's
        gate(self.refund, owner, self.identity, "refund a ticket")
        gate(self.reissue, owner, self.identity, "give a ticket a new code")

    # -- actions ---------------------------------------------------------------------------

    def selected_ticket(self) -> StoredTicket | None:
        rows = self.sales.selectionModel().selectedRows()
        return self.sales_model.ticket(rows[0].row()) if rows else None

    def select_ticket_row(self, row: int) -> None:
        self.sales.selectionModel().setCurrentIndex(
            self.sales_model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    def _creator(self) -> Actor:
        try:
            name = getpass.getuser()
        except (OSError, KeyError):
            name = "creator"
        return Actor(name or "creator", ActorRole.CREATOR)

    @Slot()
    def _on_admit_clicked(self) -> None:
        if self.controller.loaded and self.code.text().strip():
            spawn(self.admit_now(self.code.text()), self.controller._report)

    async def admit_now(self, code: str) -> AdmissionRecord | None:
        """The creator checks a code at the door (the same rule as the audience's joins)."""
        record = await self.controller.admit(code)
        if record is None:
            return None
        if record.admitted:
            self.admit_result.setProperty("role", "notice")
            self.admit_result.setText(self.tr("Admitted: %1").replace("%1", record.attendee_name))
            self.code.clear()
        else:
            assert record.reason is not None
            self.admit_result.setProperty("role", "error")
            self.admit_result.setText(
                self.tr("Refused: %1").replace("%1", reason_text(record.reason))
            )
            self.code.selectAll()  # the next code replaces this one
        self.admit_result.style().unpolish(self.admit_result)
        self.admit_result.style().polish(self.admit_result)
        self.announcer.say(self.admit_result.text(), important=not record.admitted)
        return record

    @Slot()
    def _on_refund_clicked(self) -> None:
        ticket, c = self.selected_ticket(), self.controller.campaign
        if ticket is None or c is None or self.events is None:
            return
        late = self.events.refund_policy(c).needs_override
        amount = fmt.money(ticket.amount_minor, ticket.currency, self.money_locale)
        summary = (
            self.tr("Ticket %1 of %2, %3.")
            .replace("%1", str(ticket.id))
            .replace("%2", ticket.buyer_name)
            .replace("%3", amount)
        )
        policy = self.policy.text.text()
        if late:
            policy = self.tr("The refund window has closed. %1").replace("%1", policy)
        dialog = RefundTicketDialog(summary, policy, late, self)
        dialog.accepted.connect(
            lambda: spawn(
                self.refund_now(ticket.id, dialog.reason_text, dialog.override.isChecked()),
                self.controller._report,
            )
        )
        self.refund_dialog = dialog
        dialog.open()

    @Slot()
    def _on_reissue_clicked(self) -> None:
        ticket = self.selected_ticket()
        if ticket is not None and self.controller.loaded:
            spawn(self.reissue_now(ticket), self.controller._report)

    async def reissue_now(self, ticket: StoredTicket) -> str | None:
        """A buyer lost their code: asked first (the code they have stops working), then the
        new code shown once, to read out or copy; it is never stored. Returns it."""
        who = self.tr("ticket %1 of %2").replace("%1", str(ticket.id))
        who = who.replace("%2", ticket.buyer_name)
        choice = await ask(
            self, "reissueTicketConfirm", self.tr("New access code"),
            self.tr("Give %1 a new access code? The code they have now stops working at the "
                    "door.").replace("%1", who),
            [(self.tr("Give a new code"), "confirmReissueTicket",
              QMessageBox.ButtonRole.AcceptRole),
             (self.tr("Cancel"), "cancelReissueTicket", QMessageBox.ButtonRole.RejectRole)],
            default="cancelReissueTicket",
        )  # fmt: skip
        if choice != "confirmReissueTicket":
            return None
        sold = await self.controller.reissue_ticket(ticket.id, self._creator())
        if sold is None:
            return None
        words = self.tr("The new access code of %1 is %2. The old one no longer opens the door.")
        # %2 first: a name may hold "%2". Shown with the code in bold and fixed width, to read
        # out (a name is text, never markup); said as plain words.
        said = words.replace("%2", sold.code).replace("%1", who)
        shown = (
            html.escape(words)
            .replace("%2", f"<b><code>{html.escape(sold.code)}</code></b>")
            .replace("%1", html.escape(who))
        )
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("New access code"), shown,
                          QMessageBox.StandardButton.NoButton, self)  # fmt: skip
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setObjectName("reissuedCode")
        box.setAccessibleName(self.tr("New access code"))
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                    | Qt.TextInteractionFlag.TextSelectableByKeyboard)  # fmt: skip
        copy = box.addButton(self.tr("Copy the code"), QMessageBox.ButtonRole.AcceptRole)
        copy.setObjectName("copyReissuedCode")
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(sold.code))
        close = box.addButton(self.tr("Close"), QMessageBox.ButtonRole.RejectRole)
        close.setObjectName("closeReissuedCode")
        box.setDefaultButton(copy)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.announcer.say(said, important=True)
        return sold.code

    async def refund_now(self, ticket_id: int, reason: str, override: bool) -> None:
        await self.controller.refund_ticket(ticket_id, reason, self._creator(), override=override)

    @Slot()
    def _on_cancel_event_clicked(self) -> None:
        c = self.controller.campaign
        if c is None:
            return
        f = self.controller.figures
        revenue = fmt.money(f.revenue_minor, c.currency, self.money_locale)
        dialog = CancelEventDialog(f.tickets_sold, revenue, self)
        dialog.accepted.connect(
            lambda: spawn(self.cancel_now(dialog.reason_text), self.controller._report)
        )
        self.cancel_dialog = dialog
        dialog.open()

    async def cancel_now(self, reason: str) -> None:
        await self.controller.cancel(reason, self._creator())
        if self.controller.campaign is not None:
            self.campaignChanged.emit(self.controller.campaign)

    @Slot()
    def _on_export_clicked(self) -> None:
        c = self.controller.campaign
        if c is None:
            return
        dialog = QFileDialog(self, self.tr("Export tickets"))
        dialog.setObjectName("exportTicketsDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters([self.tr("CSV spreadsheet (*.csv)"), self.tr("JSON (*.json)")])
        dialog.setDirectory(self.settings.export_folder())  # Documents, or the last folder
        dialog.selectFile(self.tr("tickets-%1").replace("%1", str(c.id)) + ".csv")
        dialog.fileSelected.connect(self.settings.set_export_folder)
        dialog.fileSelected.connect(
            lambda path: spawn(self.export_to(Path(path)), self.controller._report)
        )
        self.export_dialog = dialog
        dialog.open()

    async def export_to(self, path: Path) -> int:
        """Write the tickets export; the file appears only once complete."""
        c = self.controller.campaign
        if self.events is None or c is None:
            return 0
        events, campaign_id = self.events, c.id
        count = await export_file(
            self.runner,
            path,
            lambda out, fmt_: events.export_tickets(campaign_id, fmt_, out),
            protected=ledger_files(events.ledger.db.url),
        )
        self.admit_result.setProperty("role", "muted")
        done = self.tr("%n ticket(s) exported to %2", "", count)
        self.admit_result.setText(done.replace("%2", str(path)))
        return count
