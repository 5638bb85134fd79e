"""One campaign on air, for either live view (a fundraiser or a paid event): the controller
loads it, runs its simulated audience, takes what was committed, and tells the view what to
show through typed signals, at most ten times a second however fast the donations come. The
views (fundraiser/page.py, paid_event/page.py) hold no state about the campaign of their own:
they bind widgets to these signals and call these methods, as qutebrowser's downloads.py keeps
the logic apart from downloadview.py."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal, Slot

from livegiving_desktop.core.audience import AudienceProfile, ViewerCount
from livegiving_desktop.core.campaigns import CampaignKind, CampaignStatus
from livegiving_desktop.core.donations import DonationDraft
from livegiving_desktop.core.moderation import ModerationRules
from livegiving_desktop.core.records import (
    Actor,
    CampaignRecord,
    CampaignStats,
    StoredDonation,
    TopDonor,
)
from livegiving_desktop.core.tickets import (
    AdmissionRecord,
    DoorBatch,
    EventFigures,
    SaleBatch,
    StoredTicket,
)
from livegiving_desktop.services.events import EventService, RefundPolicy
from livegiving_desktop.services.ingest import BatchOutcome
from livegiving_desktop.services.ledger import LedgerService
from livegiving_desktop.ui.broadcast.ledger_events import LedgerEvents
from livegiving_desktop.ui.broadcast.session import EventSession, LiveSession
from livegiving_desktop.ui.common.error_text import user_message
from livegiving_desktop.ui.common.runner import DbRunner, spawn
from livegiving_desktop.ui.common.throttle import Throttle
from livegiving_desktop.ui.common.widgets import timer
from livegiving_desktop.ui.operations import Operations

FLUSH_MS = 100  # what was committed is shown at most ten times a second
PAGE = 200
SPARK_SECONDS = 60
REFRESH_MS = 2000


@dataclass(frozen=True, slots=True)
class FundraiserSnapshot:
    """What the fundraiser's view needs to open, loaded in one trip to the database."""

    campaign: CampaignRecord
    stats: CampaignStats
    recent: list[StoredDonation]
    unthanked: list[StoredDonation]
    top: list[TopDonor]
    organization: str
    moderation: ModerationRules | None = None


@dataclass(frozen=True, slots=True)
class EventSnapshot:
    """What the paid event's view needs to open, loaded in one trip to the database."""

    campaign: CampaignRecord
    figures: EventFigures
    sales: list[StoredTicket]
    admissions: list[AdmissionRecord]
    policy: RefundPolicy
    organization: str
    moderation: ModerationRules | None  # for the donations of an event that raises money


def load_fundraiser(service: LedgerService, campaign_id: int) -> FundraiserSnapshot:
    campaign = service.campaign(campaign_id)
    org = service.catalog.get(campaign.organization_id or "")
    return FundraiserSnapshot(
        campaign=campaign,
        stats=service.stats(campaign_id),
        recent=service.recent_donations(campaign_id, limit=PAGE),
        unthanked=service.unthanked(campaign_id, limit=PAGE),
        top=service.top_donors(campaign_id),
        organization=org.name if org else "",
        moderation=service.moderation_rules(campaign),
    )


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


class BroadcastController(QObject):
    """The campaign of one live view. `kind` says which view (their snapshots differ)."""

    loading = Signal()  # another campaign is being opened: nothing may act until `opened`
    fundraiserOpened = Signal(FundraiserSnapshot)
    eventOpened = Signal(EventSnapshot)
    campaignChanged = Signal(CampaignRecord)  # status, start and end, after go live or end
    statsChanged = Signal(CampaignStats, bool)  # the totals; True: new gifts (may announce)
    donationsAdded = Signal(list)  # [StoredDonation] committed since the last flush, newest first
    donationsChanged = Signal(list)  # [StoredDonation] as they are now (moderated, refunded)
    topDonorsChanged = Signal(list)  # [TopDonor]
    ticketsAdded = Signal(list)  # [StoredTicket] newest first
    ticketsChanged = Signal(list)  # [int] ticket ids now admitted
    ticketsRefunded = Signal(list)  # [int] ticket ids now refunded
    admissionsAdded = Signal(list)  # [AdmissionRecord] newest first
    figuresChanged = Signal(EventFigures)
    ticked = Signal(int, int, list)  # seconds on air, viewers (0 off air), last minute per s
    savingFailed = Signal(str)  # donations cannot be saved for now (kept, retried): the reason
    savingResumed = Signal()
    failed = Signal(str)  # an action failed: in words

    def __init__(self, runner: DbRunner, kind: CampaignKind, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.kind = kind
        self.ops: Operations | None = None
        self.service: LedgerService | None = None
        self.events: EventService | None = None
        self.campaign: CampaignRecord | None = None
        self.stats = CampaignStats(0, 0, 0, 0)
        self.figures = EventFigures(0, 0, 0, 0, None, 0)
        self.moderation: ModerationRules | None = None
        self.session: LiveSession | EventSession | None = None
        self.rate = 5
        self.paused = False
        self.audience_profile = AudienceProfile()
        self._viewers = ViewerCount()
        self._per_second: Counter[int] = Counter()
        self._pending: list[BatchOutcome] = []
        self._pending_sales: list[SaleBatch] = []
        self._pending_door: list[DoorBatch] = []
        self._flush = Throttle(self._on_flush, FLUSH_MS, parent=self)
        self._clock = timer(self, 1000)
        self._clock.timeout.connect(self._on_clock_timeout)
        self._refresh = timer(self, REFRESH_MS)
        self._refresh.timeout.connect(self._on_refresh_timeout)

    def attach(self, service: LedgerService, ops: Operations) -> None:
        self.service, self.ops = service, ops
        self.events = ops.events

    @property
    def loaded(self) -> bool:
        return self.campaign is not None

    def _report(self, exc: BaseException) -> None:
        self.failed.emit(user_message(exc))

    # -- opening and closing ---------------------------------------------------------------

    async def open(self, campaign_id: int) -> None:
        """Load a campaign (nothing may act on the one shown before meanwhile) and, when it
        is live, put its audience on."""
        assert self.service is not None and self.events is not None
        await self.close()
        self.campaign = None
        self.loading.emit()
        self._per_second.clear()
        if self.kind is CampaignKind.FUNDRAISER:
            snap = await self.runner.call(load_fundraiser, self.service, campaign_id)
            self.campaign, self.stats, self.moderation = snap.campaign, snap.stats, snap.moderation
            self.fundraiserOpened.emit(snap)
        else:
            event = await self.runner.call(load_event, self.events, campaign_id)
            self.campaign, self.figures = event.campaign, event.figures
            self.moderation = event.moderation
            self.eventOpened.emit(event)
        self._on_clock_timeout()
        if self.campaign.status is CampaignStatus.LIVE:
            self._start_session()

    async def close(self) -> None:
        """Stop the audience and commit what it sent (on the database thread)."""
        session, self.session = self.session, None
        self._clock.stop()
        self._refresh.stop()
        if session is not None:
            await self.runner.call(session.stop)
            self._flush.flush()
            session.deleteLater()

    def stop_now(self) -> None:
        """For shutdown outside the event loop: stop and commit synchronously."""
        session, self.session = self.session, None
        if session is not None:
            session.stop()

    def abandon_saving(self) -> None:
        """The user quits during a saving outage: stop retrying what could not be saved."""
        if isinstance(self.session, LiveSession):
            self.session.pipeline.abandon()

    # -- the audience ----------------------------------------------------------------------

    def _start_session(self) -> None:
        assert self.service is not None and self.events is not None
        assert self.campaign is not None
        if self.kind is CampaignKind.FUNDRAISER:
            live = LiveSession(self.service, self.campaign, rate=self.rate,
                               profile=self.audience_profile, moderation=self.moderation,
                               parent=self)  # fmt: skip
            live.batchCommitted.connect(self._on_session_batch_committed)
            live.ingestFailed.connect(self._on_session_ingest_failed)
            live.ingestRecovered.connect(self.savingResumed)
            self.session = live
        else:
            event = EventSession(self.events, self.campaign, self.rate, self.moderation, self)
            event.salesCommitted.connect(self._on_session_sales_committed)
            event.doorChecked.connect(self._on_session_door_checked)
            event.donationsCommitted.connect(self._on_session_batch_committed)
            event.failed.connect(self._on_session_failed)
            self.session = event
        if self.paused:
            self.session.pause()
        self._clock.start()
        self._refresh.start()

    def set_rate(self, rate: int) -> None:
        self.rate = rate
        if self.session is not None:
            self.session.set_rate(rate)

    def set_paused(self, paused: bool) -> None:
        self.paused = paused
        if self.session is not None:
            if paused:
                self.session.pause()
            else:
                self.session.resume()

    # -- the broadcast ---------------------------------------------------------------------

    async def go_live(self) -> None:
        if self.ops is None or self.campaign is None:
            return  # nothing loaded (the controls are disabled until it is)
        if self.campaign.status is not CampaignStatus.DRAFT:
            return
        campaign_id = self.campaign.id
        campaign = await self.ops.go_live(campaign_id)
        if self.campaign is None or self.campaign.id != campaign_id:
            return
        self.campaign = campaign
        if self.events is not None and self.kind is CampaignKind.PAID_EVENT:
            self.figures = await self.runner.call(self.events.figures, campaign_id)
        self._start_session()
        self.campaignChanged.emit(campaign)

    async def end(self) -> bool:
        """End the broadcast: the audience stops, what it sent is committed first."""
        if self.ops is None or self.campaign is None:
            return False
        if self.campaign.status is not CampaignStatus.LIVE:
            return False
        campaign_id = self.campaign.id
        await self.close()
        self.campaign = await self.ops.end_broadcast(campaign_id)
        await self.refresh_figures()
        self._on_clock_timeout()
        self.campaignChanged.emit(self.campaign)
        return True

    async def refresh_figures(self) -> None:
        """Read the totals again (after an action of this view)."""
        if self.service is None or self.campaign is None:
            return
        campaign_id = self.campaign.id
        if self.kind is CampaignKind.PAID_EVENT and self.events is not None:
            figures = await self.runner.call(self.events.figures, campaign_id)
            if self.campaign is not None and self.campaign.id == campaign_id:
                self.figures = figures
                self.figuresChanged.emit(figures)
            return
        stats = await self.runner.call(self.service.stats, campaign_id)
        top = await self.runner.call(self.service.top_donors, campaign_id)
        if self.campaign is not None and self.campaign.id == campaign_id:
            self.stats = stats
            self.statsChanged.emit(stats, False)
            self.topDonorsChanged.emit(top)

    # -- what was committed ----------------------------------------------------------------

    @Slot(BatchOutcome)
    def _on_session_batch_committed(self, outcome: BatchOutcome) -> None:
        self._pending.append(outcome)
        self._flush()

    @Slot(SaleBatch)
    def _on_session_sales_committed(self, batch: SaleBatch) -> None:
        self._pending_sales.append(batch)
        self._flush()

    @Slot(DoorBatch)
    def _on_session_door_checked(self, batch: DoorBatch) -> None:
        self._pending_door.append(batch)
        self._flush()

    @Slot(str)
    def _on_session_ingest_failed(self, message: str) -> None:
        # Said once in a message box (`failed`), then kept in the status bar (`savingFailed`).
        self.failed.emit(self.tr("Donations are waiting to be saved: %1").replace("%1", message))
        self.savingFailed.emit(message)

    @Slot(str)
    def _on_session_failed(self, message: str) -> None:
        self.failed.emit(self.tr("The audience stopped: %1").replace("%1", message))

    def _on_flush(self) -> None:
        """Show what was committed since the last flush, in one go."""
        if self.campaign is None:
            self._pending, self._pending_sales, self._pending_door = [], [], []
            return
        outcomes, self._pending = self._pending, []
        sales, self._pending_sales = self._pending_sales, []
        door, self._pending_door = self._pending_door, []
        if outcomes:
            rows = [d for o in outcomes for d in o.accepted]
            for d in rows:
                self._per_second[d.received_at_us // 1_000_000] += 1
            if rows:
                self.donationsAdded.emit(rows[::-1])
            self.stats = outcomes[-1].stats
            self.statsChanged.emit(self.stats, True)
            if self.kind is CampaignKind.PAID_EVENT:
                self.figures = EventFigures(
                    self.figures.tickets_sold, self.figures.admitted, self.figures.denied,
                    self.figures.revenue_minor, self.figures.capacity, self.stats.total_minor,
                )  # fmt: skip
                self.figuresChanged.emit(self.figures)
        if sales:
            self.ticketsAdded.emit([s.ticket for b in sales for s in b.sold][::-1])
        if door:
            records = [r for b in door for r in b.records][::-1]
            self.admissionsAdded.emit(records)
            admitted = [r.ticket_id for r in records if r.admitted and r.ticket_id is not None]
            if admitted:
                self.ticketsChanged.emit(admitted)
        latest = (door[-1].figures if door else None) or (sales[-1].figures if sales else None)
        if latest is not None:
            self.figures = latest
            self.figuresChanged.emit(latest)

    # -- the clock -------------------------------------------------------------------------

    @Slot()
    def _on_clock_timeout(self) -> None:
        c = self.campaign
        if c is None:
            return
        now = time.time()
        seconds = 0
        if c.started_at_us:
            end = c.ended_at_us / 1e6 if c.ended_at_us else now
            seconds = max(0, int(end - c.started_at_us / 1e6))
        live = c.status is CampaignStatus.LIVE and self.session is not None
        viewers = 0
        if live:
            viewers = (
                self._viewers.next(self.rate if not self.paused else 0)
                if self.kind is CampaignKind.FUNDRAISER
                else self.figures.admitted
            )
        second = int(now) - 1
        values = [self._per_second.get(s, 0) for s in range(second - SPARK_SECONDS + 1, second + 1)]
        for old in [s for s in self._per_second if s < second - 2 * SPARK_SECONDS]:
            del self._per_second[old]
        self.ticked.emit(seconds, viewers, values)

    @Slot()
    def _on_refresh_timeout(self) -> None:
        if self.campaign is not None and self.kind is CampaignKind.FUNDRAISER:
            spawn(self._refresh_top(), self._report)

    async def _refresh_top(self) -> None:
        assert self.service is not None and self.campaign is not None
        campaign_id = self.campaign.id
        top = await self.runner.call(self.service.top_donors, campaign_id)
        stats = await self.runner.call(self.service.stats, campaign_id)
        if self.campaign is None or self.campaign.id != campaign_id:
            return
        self.topDonorsChanged.emit(top)
        if stats.total_minor == self.stats.total_minor:  # the donor count caught up
            self.stats = stats
            self.statsChanged.emit(stats, False)

    # -- changes made in other windows (the moderation console) ----------------------------

    def attach_events(self, events: LedgerEvents) -> None:
        events.donationsChanged.connect(self._on_events_donations_changed)
        events.statsChanged.connect(self._on_events_stats_changed)
        events.rulesChanged.connect(self._on_events_rules_changed)

    @Slot(int, object)
    def _on_events_donations_changed(
        self, campaign_id: int, donations: list[StoredDonation]
    ) -> None:
        if self.campaign is not None and self.campaign.id == campaign_id:
            self.donationsChanged.emit(donations)

    @Slot(int, object, object)
    def _on_events_stats_changed(
        self, campaign_id: int, stats: CampaignStats, top: list[TopDonor]
    ) -> None:
        if self.campaign is None or self.campaign.id != campaign_id:
            return
        self.stats = stats
        self.statsChanged.emit(stats, False)
        if top:
            self.topDonorsChanged.emit(top)

    @Slot(int, object)
    def _on_events_rules_changed(self, campaign_id: int, rules: ModerationRules) -> None:
        if self.campaign is None or self.campaign.id != campaign_id:
            return
        self.moderation = rules
        if isinstance(self.session, LiveSession):
            self.session.pipeline.set_moderation(rules)

    # -- actions of this view ---------------------------------------------------------------

    async def thank(self, donations: list[StoredDonation]) -> list[int]:
        """Thank donations on air; the feed and the queue follow."""
        if self.ops is None or self.campaign is None:
            return []
        campaign_id, ids = self.campaign.id, [d.id for d in donations]
        await self.ops.thank(campaign_id, ids)
        if self.campaign is None or self.campaign.id != campaign_id:
            return []
        self.donationsChanged.emit([d._replace(thanked=True) for d in donations])
        return ids

    async def record_offline(self, campaign: CampaignRecord, draft: DonationDraft) -> None:
        """A donation given outside the stream: through the live pipeline when on air (shown
        once committed), else recorded on its own."""
        if self.ops is None:
            return
        if isinstance(self.session, LiveSession) and self.session.campaign.id == campaign.id:
            await self.runner.call(self.session.submit, draft)
            return
        outcome = await self.ops.record_offline(campaign, draft)
        shown = self.campaign is not None and self.campaign.id == campaign.id
        if outcome.donation is not None and shown:
            self.donationsAdded.emit([outcome.donation])
            await self.refresh_figures()

    async def admit(self, code: str) -> AdmissionRecord | None:
        """The creator checks a code at the door."""
        if self.ops is None or self.campaign is None:
            return None
        record = await self.ops.admit(self.campaign.id, code)
        self.admissionsAdded.emit([record])
        if record.admitted and record.ticket_id is not None:
            self.ticketsChanged.emit([record.ticket_id])
        await self.refresh_figures()
        return record

    async def refund_ticket(
        self, ticket_id: int, reason: str, actor: Actor, override: bool
    ) -> None:
        if self.ops is None:
            return
        outcome = await self.ops.refund_ticket(ticket_id, reason, actor, override=override)
        self.ticketsRefunded.emit([ticket_id])
        self.figures = outcome.figures
        self.figuresChanged.emit(outcome.figures)

    async def cancel(self, reason: str, actor: Actor) -> None:
        """Cancel a paid event: every ticket refunded, the event ended; the view reloads."""
        if self.ops is None or self.campaign is None:
            return
        campaign_id = self.campaign.id
        await self.close()
        await self.ops.cancel_event(campaign_id, reason, actor)
        await self.open(campaign_id)
