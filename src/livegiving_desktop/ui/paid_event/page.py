"""The paid event's live view: ticket sales, the door (admission log), revenue and seats,
refunds and cancellation. The simulated audience buys and joins while the event is live.

The controls it shares with the fundraiser's live view keep the same object names (`goLive`,
`endBroadcast`, `simulationRate`); the main window keeps the page on screen first in the
object tree, so `findChild` finds the visible one.
"""

from __future__ import annotations

import contextlib
import getpass
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelectionModel,
    QObject,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from livegiving_desktop.core.campaigns import CampaignStatus
from livegiving_desktop.core.moderation import ModerationRules
from livegiving_desktop.core.money import format_money
from livegiving_desktop.core.records import Actor, ActorRole, CampaignRecord, from_us
from livegiving_desktop.core.tickets import (
    AdmissionRecord,
    DoorBatch,
    EventFigures,
    SaleBatch,
    StoredTicket,
    TicketStatus,
)
from livegiving_desktop.services.events import EventAudienceRunner, EventService, RefundPolicy
from livegiving_desktop.services.ingest import BatchOutcome
from livegiving_desktop.services.ledger import LedgerService
from livegiving_desktop.ui.common.error_text import user_message
from livegiving_desktop.ui.common.runner import DbRunner, spawn
from livegiving_desktop.ui.common.widgets import (
    BroadcastStage,
    StatBlock,
    button,
    card,
    label,
    page_header,
)
from livegiving_desktop.ui.paid_event.models import (
    AdmissionLogModel,
    TicketSalesModel,
    category_text,
    reason_text,
)
from livegiving_desktop.ui.paid_event.widgets import (
    CancelEventDialog,
    CapacityGauge,
    RefundTicketDialog,
)

FLUSH_MS = 100  # sales and the door are shown at most ten times a second
PAGE = 200


def refund_policy_text(window_hours: int, deadline: str | None = None) -> str:
    """The refund policy as the creator reads it (set-up and live view say the same)."""
    head = (
        QCoreApplication.translate(
            "RefundPolicy", "Buyers can ask for a refund until %1 (%2 hours before the start)."
        )
        .replace("%1", deadline)
        .replace("%2", str(window_hours))
        if deadline
        else QCoreApplication.translate(
            "RefundPolicy", "Buyers can ask for a refund up to %1 hours before the start."
        ).replace("%1", str(window_hours))
    )
    tail = QCoreApplication.translate(
        "RefundPolicy",
        "After that, only you can refund a ticket, with an override that is recorded. "
        "Cancelling the event refunds every ticket.",
    )
    return f"{head} {tail}"


@dataclass(frozen=True, slots=True)
class EventSnapshot:
    """What the view needs to open an event, loaded in one trip to the database."""

    campaign: CampaignRecord
    figures: EventFigures
    sales: list[StoredTicket]
    admissions: list[AdmissionRecord]
    policy: RefundPolicy
    organization: str
    moderation: ModerationRules | None  # for the donations of an event that raises money


def load_event(events: EventService, campaign_id: int) -> EventSnapshot:
    campaign = events.event(campaign_id)
    org = events.ledger.catalog.get(campaign.organization_id or "")
    return EventSnapshot(
        campaign=campaign,
        figures=events.figures(campaign_id),
        sales=events.recent_sales(campaign_id, limit=PAGE),
        admissions=events.recent_admissions(campaign_id, limit=PAGE),
        policy=events.refund_policy(campaign),
        organization=org.name if org else "",
        moderation=events.ledger.moderation_rules(campaign) if org else None,
    )


class EventSession(QObject):
    """The simulated audience of a live paid event; its committed batches arrive on the UI
    thread as queued signals."""

    salesCommitted = Signal(object)  # SaleBatch
    doorChecked = Signal(object)  # DoorBatch
    donationsCommitted = Signal(object)  # BatchOutcome
    failed = Signal(str)

    def __init__(
        self,
        events: EventService,
        campaign: CampaignRecord,
        rate: float,
        moderation: ModerationRules | None,
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self.runner = EventAudienceRunner(
            events,
            campaign,
            events.audience(campaign),
            moderation=moderation,
            rate=rate,
            on_sales=self.salesCommitted.emit,
            on_door=self.doorChecked.emit,
            on_commit=self.donationsCommitted.emit,
            on_error=lambda exc: self.failed.emit(user_message(exc)),
        )
        self.set_rate(rate)
        self.runner.start()

    def set_rate(self, rate: float) -> None:
        """0 means nobody is coming (the runner's 0 would mean as fast as possible)."""
        self.runner.set_rate(rate)
        if rate <= 0:
            self.runner.pause()
        else:
            self.runner.resume()

    def stop(self) -> None:
        """Stop the audience and commit what it sent. Blocks: call it on the db thread."""
        self.runner.close()


class EventPage(QWidget):
    homeRequested = Signal()
    failed = Signal(str)
    campaignChanged = Signal(object)  # CampaignRecord after go live / end / cancel

    def __init__(self, runner: DbRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.runner = runner
        self.events: EventService | None = None
        self.money_locale = "en"
        self.campaign: CampaignRecord | None = None
        self.figures = EventFigures(0, 0, 0, 0, None, 0)
        self.policy: RefundPolicy | None = None
        self.moderation: ModerationRules | None = None  # the rules of its donations
        self.session: EventSession | None = None
        self._pending_sales: list[SaleBatch] = []
        self._pending_door: list[DoorBatch] = []
        self._latest: EventFigures | None = None
        self.sales_model = TicketSalesModel("en", parent=self)
        self.log_model = AdmissionLogModel(parent=self)
        self._build()
        self._flush_timer = QTimer(self)
        self._flush_timer.setInterval(FLUSH_MS)
        self._flush_timer.timeout.connect(self._on_flush_timer_timeout)
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self._on_clock_timeout)
        self._update_state()  # nothing to act on until an event is loaded

    # -- construction ----------------------------------------------------------------------

    def _build(self) -> None:
        self.home_button = button(self.tr("Campaigns"), "eventHomeButton", "mdi6.arrow-left")
        self.home_button.clicked.connect(self.homeRequested)
        self.title = label("", "h1")
        self.title.setObjectName("eventHeading")
        self.subtitle = label("", "muted")
        self.status_pill = label("", "pill")
        self.go_live = button(self.tr("Go live"), "goLive", "mdi6.broadcast", "primary",
                                    self.tr("Open the doors and go live (Ctrl+L)"))  # fmt: skip
        self.go_live.clicked.connect(self._on_go_live_clicked)
        self.end = button(self.tr("End broadcast"), "endBroadcast", "mdi6.stop-circle",
                                "danger", self.tr("End broadcast (Ctrl+E)"))  # fmt: skip
        self.end.clicked.connect(self._on_end_clicked)
        self.cancel_event = button(
            self.tr("Cancel event"),
            "cancelEvent",
            "mdi6.cancel",
            "danger",
            self.tr("Cancel the event and refund every ticket"),
        )
        self.cancel_event.clicked.connect(self._on_cancel_event_clicked)

        self.stage = BroadcastStage()
        self.stage.live_text = self.tr("LIVE")
        self.stage.off_air_text = self.tr("OFF AIR")
        self.stage.setObjectName("eventStage")
        self.stage.setAccessibleName(self.tr("Broadcast preview"))
        self.stage.setMinimumSize(420, 220)

        self.rate = QSpinBox()
        self.rate.setObjectName("simulationRate")
        self.rate.setAccessibleName(self.tr("Simulated audience: people per second"))
        self.rate.setRange(0, 5_000)
        self.rate.setValue(5)
        self.rate.setSuffix(self.tr(" /s"))
        self.rate.setToolTip(self.tr("Simulated audience: people buying or joining per second"))
        self.rate.valueChanged.connect(self._on_rate_value_changed)

        self.code = QLineEdit()
        self.code.setObjectName("admitCode")
        self.code.setAccessibleName(self.tr("Access code to check"))
        self.code.setPlaceholderText(self.tr("Access code, e.g. ABCDE-FGHJK-…"))
        self.code.setClearButtonEnabled(True)
        self.code.returnPressed.connect(self._on_admit_clicked)
        self.admit = button(self.tr("Check in"), "admitAttendee", "mdi6.door-open",
                                  tip=self.tr("Admit whoever has this code"))  # fmt: skip
        self.admit.clicked.connect(self._on_admit_clicked)
        self.admit_result = label("", "muted", wrap=True)
        self.admit_result.setObjectName("admitResult")

        self.sales = QListView()
        self.sales.setObjectName("ticketSales")
        self.sales.setAccessibleName(self.tr("Ticket sales, newest first"))
        self.sales.setUniformItemSizes(True)
        self.sales.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.sales.setModel(self.sales_model)
        self.sales.selectionModel().selectionChanged.connect(self._update_buttons)
        self.refund = button(self.tr("Refund ticket"), "refundTicket", "mdi6.cash-refund",
                                   tip=self.tr("Refund the selected ticket"))  # fmt: skip
        self.refund.clicked.connect(self._on_refund_clicked)
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

        self.revenue = label("", "total")
        self.revenue.setObjectName("revenueTotal")
        self.revenue.setAccessibleName(self.tr("Ticket revenue"))
        self.price_label = label("", "muted")
        self.gauge = CapacityGauge()
        self.gauge.setObjectName("capacityGauge")
        self.gauge.setAccessibleName(self.tr("Seats sold and people admitted"))
        self.attendees = label("", "h2", wrap=True)
        self.attendees.setObjectName("attendeeCount")
        self.attendees.setAccessibleName(self.tr("People admitted"))
        self.sold_stat = StatBlock(self.tr("TICKETS SOLD"), "ticketsSold")
        self.left_stat = StatBlock(self.tr("SEATS LEFT"), "seatsLeft")
        self.denied_stat = StatBlock(self.tr("REFUSED"), "deniedCount")
        self.donations = label("", "stat")
        self.donations.setObjectName("donationsTotal")
        self.donations.setAccessibleName(self.tr("Donations raised"))
        self.donations_caption = label("", "eyebrow", wrap=True)
        self.policy_label = label("", "muted", wrap=True)
        self.policy_label.setObjectName("refundPolicy")
        self.policy_label.setAccessibleName(self.tr("Refund policy"))

        header = page_header(
            self.home_button, self.title, self.subtitle,
            self.status_pill, self.cancel_event, self.go_live, self.end,
        )  # fmt: skip

        controls = QHBoxLayout()
        controls.setSpacing(10)
        controls.addWidget(label(self.tr("Audience"), "muted"))
        controls.addWidget(self.rate)
        controls.addSpacing(18)
        controls.addWidget(label(self.tr("Door"), "muted"))
        controls.addWidget(self.code, 1)
        controls.addWidget(self.admit)

        sales_box = QVBoxLayout()
        sales_head = QHBoxLayout()
        sales_head.addWidget(label(self.tr("Ticket sales"), "h2"))
        sales_head.addWidget(self.sales_count)
        sales_head.addStretch(1)
        sales_head.addWidget(self.export)
        sales_head.addWidget(self.refund)
        sales_box.addLayout(sales_head)
        sales_box.addWidget(self.sales, 1)
        log_box = QVBoxLayout()
        log_head = QHBoxLayout()
        log_head.addWidget(label(self.tr("At the door"), "h2"))
        log_head.addWidget(self.log_count)
        log_head.addStretch(1)
        log_box.addLayout(log_head)
        log_box.addWidget(self.log, 1)
        lists = QHBoxLayout()
        lists.setSpacing(14)
        lists.addLayout(sales_box, 1)
        lists.addLayout(log_box, 1)

        left = QVBoxLayout()
        left.setSpacing(12)
        left.addWidget(self.stage, 4)
        left.addLayout(controls)
        left.addWidget(self.admit_result)
        left.addLayout(lists, 5)

        money = card()
        ml = QVBoxLayout(money)
        ml.setContentsMargins(20, 16, 20, 16)
        ml.setSpacing(6)
        ml.addWidget(label(self.tr("TICKET REVENUE"), "eyebrow"))
        ml.addWidget(self.revenue)
        ml.addWidget(self.price_label)

        seats = card()
        sl = QVBoxLayout(seats)
        sl.setContentsMargins(20, 14, 20, 14)
        sl.setSpacing(8)
        sl.addWidget(label(self.tr("SEATS AND ATTENDANCE"), "eyebrow"))
        gauge_row = QHBoxLayout()
        gauge_row.addWidget(self.gauge)
        gauge_text = QVBoxLayout()
        gauge_text.addStretch(1)
        gauge_text.addWidget(label(self.tr("Admitted now"), "muted"))
        gauge_text.addWidget(self.attendees)
        gauge_text.addStretch(1)
        gauge_row.addLayout(gauge_text, 1)
        sl.addLayout(gauge_row)
        stats = QHBoxLayout()
        stats.addWidget(self.sold_stat)
        stats.addWidget(self.left_stat)
        stats.addWidget(self.denied_stat)
        sl.addLayout(stats)

        self.donations_card = card("card-accent")
        self.donations_card.setVisible(False)  # only for an event that also raises money
        dl = QVBoxLayout(self.donations_card)
        dl.setContentsMargins(20, 14, 20, 14)
        dl.addWidget(self.donations_caption)
        dl.addWidget(self.donations)

        policy = card()
        pl = QVBoxLayout(policy)
        pl.setContentsMargins(20, 14, 20, 14)
        pl.addWidget(label(self.tr("REFUND POLICY"), "eyebrow"))
        pl.addWidget(self.policy_label)

        right = QVBoxLayout()
        right.setSpacing(12)
        right.addWidget(money)
        right.addWidget(seats)
        right.addWidget(self.donations_card)
        right.addWidget(policy)
        right.addStretch(1)
        right_box = QWidget()
        right_box.setLayout(right)
        right_box.setFixedWidth(380)

        body = QHBoxLayout()
        body.setSpacing(18)
        body.addLayout(left, 1)
        body.addWidget(right_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(14)
        layout.addLayout(header)
        layout.addLayout(body, 1)

    # -- opening an event ------------------------------------------------------------------

    def attach(self, service: LedgerService, locale: str) -> None:
        self.events = EventService(service)
        self.money_locale = locale
        self.sales_model.locale = locale

    async def open_campaign(self, campaign_id: int) -> None:
        assert self.events is not None
        await self.close_campaign()
        # Until the event has loaded, nothing here may act on the one shown before.
        self.campaign = None
        self.sales_model.reset([])
        self.log_model.reset([])
        self._update_state()
        snapshot = await self.runner.call(load_event, self.events, campaign_id)
        self._show_snapshot(snapshot)
        if snapshot.campaign.status is CampaignStatus.LIVE:
            self._start_session()

    def _show_snapshot(self, snap: EventSnapshot) -> None:
        c = self.campaign = snap.campaign
        self.policy = snap.policy
        self.moderation = snap.moderation
        self.sales_model.reset(snap.sales)
        self.log_model.reset(snap.admissions)
        self.title.setText(c.title)
        parts = [category_text(c.category)]
        if c.starts_at_us:
            parts.append(from_us(c.starts_at_us).astimezone().strftime("%Y-%m-%d %H:%M"))
        parts.append(self.tr("%1 min").replace("%1", str(c.duration_minutes or 60)))
        parts.append(self.tr("Online only") if c.online_only else self.tr("Online and in person"))
        self.subtitle.setText(" · ".join(parts))
        price = format_money(c.ticket_price_minor or 0, c.currency, self.money_locale)
        self.price_label.setText(self.tr("Ticket price %1").replace("%1", price))
        self.stage.title = c.title
        self.stage.organization = f"{category_text(c.category)} · {price}"
        self.stage.alert_title = self.stage.alert_message = self.stage.banner = ""
        self.stage.notice = ""
        self.donations_card.setVisible(c.organization_id is not None)
        self.donations_caption.setText(
            self.tr("ALSO RAISING FOR %1").replace("%1", snap.organization.upper())
        )
        deadline = (
            None
            if snap.policy.deadline_us is None
            else from_us(snap.policy.deadline_us).astimezone().strftime("%Y-%m-%d %H:%M")
        )
        self.policy_label.setText(refund_policy_text(snap.policy.window_hours, deadline))
        self.admit_result.setText("")
        self._apply_figures(snap.figures)
        self._update_state()
        self._on_clock_timeout()

    async def close_campaign(self) -> None:
        """Stop the audience and commit what it sent (on the database thread)."""
        session, self.session = self.session, None
        self._flush_timer.stop()
        self._clock.stop()
        if session is not None:
            await self.runner.call(session.stop)
            self._on_flush_timer_timeout()
            session.deleteLater()

    def stop_now(self) -> None:
        session, self.session = self.session, None
        if session is not None:
            session.stop()

    def _start_session(self) -> None:
        assert self.events is not None and self.campaign is not None
        self.session = EventSession(
            self.events, self.campaign, self.rate.value(), self.moderation, self
        )
        self.session.salesCommitted.connect(self._on_session_sales_committed)
        self.session.doorChecked.connect(self._on_session_door_checked)
        self.session.donationsCommitted.connect(self._on_session_donations_committed)
        self.session.failed.connect(self._on_session_failed)
        self._flush_timer.start()
        self._clock.start()

    # -- live updates ----------------------------------------------------------------------

    @Slot(object)
    def _on_session_sales_committed(self, batch: SaleBatch) -> None:
        self._pending_sales.append(batch)
        self._latest = batch.figures

    @Slot(object)
    def _on_session_door_checked(self, batch: DoorBatch) -> None:
        self._pending_door.append(batch)
        self._latest = batch.figures

    @Slot(object)
    def _on_session_donations_committed(self, outcome: BatchOutcome) -> None:
        c = self.campaign
        if c is not None:
            self.donations.setText(
                format_money(outcome.stats.total_minor, c.currency, self.money_locale)
            )

    @Slot(str)
    def _on_session_failed(self, message: str) -> None:
        self.failed.emit(self.tr("The audience stopped: %1").replace("%1", message))

    @Slot()
    def _on_flush_timer_timeout(self) -> None:
        sales, self._pending_sales = self._pending_sales, []
        door, self._pending_door = self._pending_door, []
        if sales:
            newest = [s.ticket for b in sales for s in b.sold][::-1]
            self.sales_model.prepend(newest)
        if door:
            records = [r for b in door for r in b.records][::-1]
            self.log_model.prepend(records)
            admitted = [r.ticket_id for r in records if r.admitted and r.ticket_id is not None]
            self.sales_model.set_status(admitted, TicketStatus.ADMITTED)
            if records:
                latest = records[0]
                self.stage.alert_title = (
                    self.tr("Welcome, %1!").replace("%1", latest.attendee_name)
                    if latest.admitted
                    else ""
                )
        if self._latest is not None:
            figures, self._latest = self._latest, None
            self._apply_figures(figures)
        if sales or door:
            self._update_state()

    def _apply_figures(self, f: EventFigures) -> None:
        c = self.campaign
        if c is None:
            return
        self.figures = f
        self.revenue.setText(format_money(f.revenue_minor, c.currency, self.money_locale))
        if f.capacity:
            attending = self.tr("%1 / %2 admitted").replace("%1", _count(f.admitted))
            self.attendees.setText(attending.replace("%2", _count(f.capacity)))
            caption = self.tr("%1 of %2 seats").replace("%1", _count(f.tickets_sold)).replace(
                "%2", _count(f.capacity))  # fmt: skip
            self.left_stat.value.setText(_count(f.seats_left or 0))
            self.stage.goal_text = self.tr("%1 of %2 seats sold").replace(
                "%1", _count(f.tickets_sold)).replace("%2", _count(f.capacity))  # fmt: skip
            self.stage.goal_fraction = min(1.0, f.tickets_sold / f.capacity)
        else:
            self.attendees.setText(self.tr("%1 admitted").replace("%1", _count(f.admitted)))
            caption = self.tr("%1 sold").replace("%1", _count(f.tickets_sold))
            self.left_stat.value.setText("∞")
            self.stage.goal_text = self.tr("%n ticket(s) sold", "", f.tickets_sold)
            self.stage.goal_fraction = 0.0
        self.gauge.set_values(f.tickets_sold, f.admitted, f.capacity, caption)
        self.sold_stat.value.setText(_count(f.tickets_sold))
        self.denied_stat.value.setText(_count(f.denied))
        self.donations.setText(format_money(f.total_minor, c.currency, self.money_locale))
        self.stage.viewers_text = _count(f.admitted)
        self.stage.update()

    @Slot()
    def _on_clock_timeout(self) -> None:
        c = self.campaign
        if c is None:
            return
        if c.started_at_us:
            end = c.ended_at_us / 1e6 if c.ended_at_us else time.time()
            seconds = max(0, int(end - c.started_at_us / 1e6))
            self.stage.elapsed_text = (
                f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
            )
        self.stage.update()

    def _update_state(self) -> None:
        c = self.campaign
        live = c is not None and c.status is CampaignStatus.LIVE
        ended = c is not None and c.status is CampaignStatus.ENDED
        draft = c is not None and c.status is CampaignStatus.DRAFT
        self.go_live.setEnabled(draft)
        self.go_live.setVisible(draft)
        self.end.setEnabled(live)
        self.end.setVisible(live)
        self.cancel_event.setEnabled(c is not None and not ended)
        self.cancel_event.setVisible(c is not None and not ended)
        self.rate.setEnabled(c is not None and not ended)
        self.export.setEnabled(c is not None)
        self.code.setEnabled(live)
        self.admit.setEnabled(live)
        self.stage.live = live
        status = {None: "", "draft": self.tr("DRAFT"), "live": self.tr("LIVE"),
                  "ended": self.tr("ENDED")}[c.status.value if c else None]  # fmt: skip
        self.status_pill.setText(status)
        self.status_pill.setProperty("role", "pill-live" if live else "pill")
        self.status_pill.style().unpolish(self.status_pill)
        self.status_pill.style().polish(self.status_pill)
        if draft:
            self.stage.status_text = self.tr("Doors closed: press Go live to let ticket holders in")
        elif ended:
            self.stage.status_text = self.tr("This event has ended")
        else:
            self.stage.status_text = ""
        self.sales_count.setText(
            self.tr("%1 sold").replace("%1", _count(self.figures.tickets_sold))
        )
        self.log_count.setText(
            self.tr("%1 admitted · %2 refused")
            .replace("%1", _count(self.figures.admitted))
            .replace("%2", _count(self.figures.denied))
        )
        self._update_buttons()
        self.stage.update()

    @Slot()
    def _update_buttons(self) -> None:
        t = self.selected_ticket()
        self.refund.setEnabled(t is not None and t.status is not TicketStatus.REFUNDED)

    # -- actions ---------------------------------------------------------------------------

    def selected_ticket(self) -> StoredTicket | None:
        rows = self.sales.selectionModel().selectedRows()
        return self.sales_model.ticket(rows[0].row()) if rows else None

    def select_ticket_row(self, row: int) -> None:
        self.sales.selectionModel().setCurrentIndex(
            self.sales_model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    def _report(self, exc: BaseException) -> None:
        self.failed.emit(user_message(exc))

    def _creator(self) -> Actor:
        try:
            name = getpass.getuser()
        except (OSError, KeyError):
            name = "creator"
        return Actor(name or "creator", ActorRole.CREATOR)

    @Slot()
    def _on_go_live_clicked(self) -> None:
        spawn(self.go_live_now(), self._report)

    async def go_live_now(self) -> None:
        if self.events is None or self.campaign is None:
            return  # nothing loaded (the button is disabled until it is)
        if self.campaign.status is not CampaignStatus.DRAFT:
            return
        self.go_live.setEnabled(False)
        self.campaign = await self.runner.call(self.events.ledger.go_live, self.campaign.id)
        self.policy = await self.runner.call(self.events.refund_policy, self.campaign)
        self._start_session()
        self._update_state()
        self.campaignChanged.emit(self.campaign)

    @Slot()
    def _on_end_clicked(self) -> None:
        spawn(self.end_now(), self._report)

    async def end_now(self) -> None:
        if self.events is None or self.campaign is None:
            return
        if self.campaign.status is not CampaignStatus.LIVE:
            return
        self.end.setEnabled(False)
        await self.close_campaign()
        campaign_id = self.campaign.id
        self.campaign = await self.runner.call(self.events.ledger.end_broadcast, campaign_id)
        self._apply_figures(await self.runner.call(self.events.figures, campaign_id))
        self._update_state()
        self.campaignChanged.emit(self.campaign)

    @Slot(int)
    def _on_rate_value_changed(self, value: int) -> None:
        if self.session is not None:
            self.session.set_rate(value)

    @Slot()
    def _on_admit_clicked(self) -> None:
        if self.campaign is not None and self.code.text().strip():
            spawn(self.admit_now(self.code.text()), self._report)

    async def admit_now(self, code: str) -> AdmissionRecord:
        """The creator checks a code at the door (the same rule as the audience's joins)."""
        assert self.events is not None and self.campaign is not None
        record = await self.runner.call(self.events.admit, self.campaign.id, code)
        self._apply_figures(await self.runner.call(self.events.figures, self.campaign.id))
        self.log_model.prepend([record])
        if record.admitted and record.ticket_id is not None:
            self.sales_model.set_status([record.ticket_id], TicketStatus.ADMITTED)
            self.admit_result.setProperty("role", "notice")
            self.admit_result.setText(self.tr("Admitted: ticket %1").replace(
                "%1", str(record.ticket_id)))  # fmt: skip
            self.code.clear()
        else:
            assert record.reason is not None
            self.admit_result.setProperty("role", "error")
            self.admit_result.setText(
                self.tr("Refused: %1").replace("%1", reason_text(record.reason))
            )
        self.admit_result.style().unpolish(self.admit_result)
        self.admit_result.style().polish(self.admit_result)
        self._update_state()
        return record

    @Slot()
    def _on_refund_clicked(self) -> None:
        ticket = self.selected_ticket()
        if ticket is None or self.campaign is None or self.policy is None:
            return
        c = self.campaign
        late = self.events is not None and self.events.refund_policy(c).needs_override
        amount = format_money(ticket.amount_minor, ticket.currency, self.money_locale)
        summary = (
            self.tr("Ticket %1 of %2, %3.")
            .replace("%1", str(ticket.id))
            .replace("%2", ticket.buyer_name)
            .replace("%3", amount)
        )
        policy = self.policy_label.text()
        if late:
            policy = self.tr("The refund window has closed. %1").replace("%1", policy)
        dialog = RefundTicketDialog(summary, policy, late, self)
        dialog.accepted.connect(
            lambda: spawn(
                self.refund_now(ticket.id, dialog.reason_text, dialog.override.isChecked()),
                self._report,
            )
        )
        self.refund_dialog = dialog
        dialog.open()

    async def refund_now(self, ticket_id: int, reason: str, override: bool) -> None:
        assert self.events is not None and self.campaign is not None
        outcome = await self.runner.call(
            self.events.refund_ticket, ticket_id, reason, self._creator(), override=override
        )
        self.sales_model.set_status([ticket_id], TicketStatus.REFUNDED)
        self._apply_figures(outcome.figures)
        self._update_state()

    @Slot()
    def _on_cancel_event_clicked(self) -> None:
        c = self.campaign
        if c is None:
            return
        revenue = format_money(self.figures.revenue_minor, c.currency, self.money_locale)
        dialog = CancelEventDialog(self.figures.tickets_sold, revenue, self)
        dialog.accepted.connect(lambda: spawn(self.cancel_now(dialog.reason_text), self._report))
        self.cancel_dialog = dialog
        dialog.open()

    @Slot()
    def _on_export_clicked(self) -> None:
        c = self.campaign
        if c is None:
            return
        dialog = QFileDialog(self, self.tr("Export tickets"))
        dialog.setObjectName("exportTicketsDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters([self.tr("CSV spreadsheet (*.csv)"), self.tr("JSON (*.json)")])
        dialog.selectFile(f"tickets-{c.id}.csv")
        dialog.fileSelected.connect(lambda path: spawn(self.export_to(Path(path)), self._report))
        self.export_dialog = dialog
        dialog.open()

    async def export_to(self, path: Path) -> int:
        """Write the tickets export; the file appears only once complete."""
        assert self.events is not None and self.campaign is not None
        events, campaign_id = self.events, self.campaign.id
        fmt = "json" if path.suffix.lower() == ".json" else "csv"

        def write() -> int:
            tmp = path.with_name(f".{path.name}.part")
            try:
                with tmp.open("w", encoding="utf-8", newline="") as out:
                    count = events.export_tickets(campaign_id, fmt, out)
                tmp.replace(path)
            finally:
                with contextlib.suppress(OSError):
                    tmp.unlink()
            return count

        count = await self.runner.call(write)
        self.admit_result.setProperty("role", "muted")
        done = self.tr("%n ticket(s) exported to %2", "", count)
        self.admit_result.setText(done.replace("%2", str(path)))
        return count

    async def cancel_now(self, reason: str) -> None:
        assert self.events is not None and self.campaign is not None
        await self.close_campaign()
        campaign_id = self.campaign.id
        await self.runner.call(self.events.cancel_event, campaign_id, reason, self._creator())
        snapshot = await self.runner.call(load_event, self.events, campaign_id)
        self._show_snapshot(snapshot)
        self.campaignChanged.emit(self.campaign)


def _count(value: int) -> str:
    return f"{value:,}".replace(",", "\u202f")
