"""One campaign on air, for either live view (a fundraiser or a paid event): the controller
loads it with the seq of its snapshot, follows its committed changes from there (the ledger's
change feed: the one path of every change, made on this seat or on another), runs its
simulated audience, and tells the view what to show through typed signals, at most ten times
a second however fast the donations come. The
views (fundraiser/page.py, paid_event/page.py) hold no state about the campaign of their own:
they bind widgets to these signals and call these methods, as qutebrowser's downloads.py keeps
the logic apart from downloadview.py."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import time
from collections import Counter

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
)
from livegiving_desktop.core.tickets import AdmissionRecord, EventFigures, SoldTicket
from livegiving_desktop.services.changes import CampaignChanges
from livegiving_desktop.services.events import EventService
from livegiving_desktop.services.ingest import IngestError
from livegiving_desktop.services.ledger import LedgerService
from livegiving_desktop.services.snapshots import (
    EventSnapshot,
    FundraiserSnapshot,
    load_event,
    load_fundraiser,
)
from livegiving_desktop.ui.broadcast.session import LiveSession
from livegiving_desktop.ui.common.error_text import user_message
from livegiving_desktop.ui.common.feed import FeedBridge
from livegiving_desktop.ui.common.runner import DbRunner, spawn
from livegiving_desktop.ui.common.throttle import Throttle
from livegiving_desktop.ui.common.widgets import timer
from livegiving_desktop.ui.operations import Operations

log = logging.getLogger("livegiving.ui")

FLUSH_MS = 100  # what was committed is shown at most ten times a second
PAGE = 200
SPARK_SECONDS = 60
CATCH_UP_S = 3.0
FUNDRAISER = CampaignKind.FUNDRAISER
STOP_NOW_S = 10.0  # shutting down: a worker that has not stopped by then is ended


class BroadcastController(QObject):
    """The campaign of one live view. `kind` says which view (their snapshots differ)."""

    loading = Signal()  # another campaign is being opened: nothing may act until `opened`
    fundraiserOpened = Signal(FundraiserSnapshot)
    eventOpened = Signal(EventSnapshot)
    campaignChanged = Signal(CampaignRecord)  # status, goal, start and end
    statsChanged = Signal(CampaignStats, bool)  # the totals; True: new gifts (may announce)
    donationsAdded = Signal(list)  # [StoredDonation] committed since the last flush, newest first
    donationsChanged = Signal(list)  # [StoredDonation] as they are now (moderated, refunded)
    topDonorsChanged = Signal(list)  # [TopDonor]
    ticketsAdded = Signal(list)  # [StoredTicket] newest first
    ticketsChanged = Signal(list)  # [StoredTicket] as they are now (admitted, refunded)
    admissionsAdded = Signal(list)  # [AdmissionRecord] newest first
    figuresChanged = Signal(EventFigures)
    ticked = Signal(int, int, list)  # seconds on air, viewers (0 off air), last minute per s
    savingFailed = Signal(str)  # donations cannot be saved for now (kept, retried): the reason
    savingResumed = Signal()
    notice = Signal(str)  # worth a line in the status bar: in words
    failed = Signal(str)  # an action failed: in words

    def __init__(self, runner: DbRunner, kind: CampaignKind, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.kind = kind
        self.ops: Operations | None = None
        self.service: LedgerService | None = None
        self.events: EventService | None = None
        self.feed: FeedBridge | None = None
        self.campaign: CampaignRecord | None = None
        self.stats = CampaignStats(0, 0, 0, 0)
        self.figures = EventFigures(0, 0, 0, 0, None, 0)
        self.moderation: ModerationRules | None = None
        self.session: LiveSession | None = None
        # False on a team seat that may not record donations (a moderator, a viewer): the
        # simulated audience is the owner's seat's; this one only watches.
        self.runs_audience = True
        self.rate = 5
        self.paused = False
        self.audience_profile = AudienceProfile()
        self.seq = 0  # the last change of the campaign applied
        self._viewers = ViewerCount()
        self._per_second: Counter[int] = Counter()
        self._pending: list[CampaignChanges] = []
        self._flush = Throttle(self._on_flush, FLUSH_MS, parent=self)
        self._clock = timer(self, 1000)
        self._clock.timeout.connect(self._on_clock_timeout)

    def attach(self, service: LedgerService, ops: Operations, feed: FeedBridge) -> None:
        self.service, self.ops, self.feed = service, ops, feed
        self.events = ops.events
        feed.changes.connect(self._on_feed_changes)

    @property
    def loaded(self) -> bool:
        return self.campaign is not None

    def _report(self, exc: BaseException) -> None:
        self.failed.emit(user_message(exc))

    # -- opening and closing ---------------------------------------------------------------

    async def open(self, campaign_id: int) -> None:
        """Load a campaign and follow its changes from its snapshot's seq (nothing may act on
        the one shown before meanwhile); when it is live, put its audience on."""
        await self.close()
        self.campaign = None
        self.loading.emit()
        self._per_second.clear()
        campaign = await self._load(campaign_id)
        self._on_clock_timeout()
        if campaign.status is CampaignStatus.LIVE:
            self._start_session()

    async def _load(self, campaign_id: int) -> CampaignRecord:
        assert self.service is not None and self.events is not None and self.feed is not None
        self._pending.clear()
        if self.kind is CampaignKind.FUNDRAISER:
            snap = await self.runner.call(load_fundraiser, self.service, campaign_id, page=PAGE)
            self.campaign, self.stats, self.moderation = snap.campaign, snap.stats, snap.moderation
            self.seq = snap.seq
            self.feed.follow(campaign_id, self.seq)
            self.fundraiserOpened.emit(snap)
        else:
            event = await self.runner.call(load_event, self.events, campaign_id, page=PAGE)
            self.campaign, self.figures = event.campaign, event.figures
            self.moderation = event.moderation
            self.seq = event.seq
            self.feed.follow(campaign_id, self.seq)
            self.eventOpened.emit(event)
        assert self.campaign is not None
        return self.campaign

    async def close(self) -> None:
        """Leave the campaign: stop the audience, commit what it sent, stop following."""
        await self._stop_session()
        if self.campaign is not None and self.feed is not None:
            self.feed.unfollow(self.campaign.id)
        self._flush.flush()

    async def _stop_session(self) -> None:
        session, self.session = self.session, None
        self._clock.stop()
        if session is not None:
            await self.runner.call(session.stop)
            session.deleteLater()

    def stop_now(self) -> None:
        """For shutdown outside the event loop: stop and commit synchronously. What could not
        be saved (the user chose to quit during an outage, and was told) is given up here."""
        session, self.session = self.session, None
        if session is not None:
            try:
                session.stop(timeout=STOP_NOW_S)
            except IngestError as exc:
                log.warning("quit with donations not saved: %s", exc)

    def abandon_saving(self) -> None:
        """The user quits during a saving outage: stop retrying what could not be saved."""
        if self.session is not None:
            self.session.abandon()

    # -- the audience ----------------------------------------------------------------------

    def _start_session(self) -> None:
        assert self.service is not None and self.events is not None
        assert self.campaign is not None
        if not self.runs_audience:
            self._clock.start()
            return
        # The audience and the writer run in a worker process (services/worker.py); what
        # they commit comes back through the feed, woken at each batch.
        feed = self.feed
        live = LiveSession(
            self.service.db.url.render_as_string(hide_password=False),
            self.campaign,
            rate=self.rate,
            paused=self.paused,
            profile=self.audience_profile if self.kind is CampaignKind.FUNDRAISER else None,
            wake=feed.follower.wake if feed is not None else None,
            parent=self,
        )
        live.ingestFailed.connect(self._on_session_ingest_failed)
        live.ingestRecovered.connect(self.savingResumed)
        live.audienceFailed.connect(self._on_session_failed)
        live.workerRestarted.connect(self._on_worker_restarted)
        self.session = live
        self._clock.start()

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

    @Slot(str)
    def _on_session_ingest_failed(self, message: str) -> None:
        # Said once in a message box (`failed`), then kept in the status bar (`savingFailed`).
        self.failed.emit(self.tr("Donations are waiting to be saved: %1").replace("%1", message))
        self.savingFailed.emit(message)

    @Slot(str)
    def _on_session_failed(self, message: str) -> None:
        self.failed.emit(self.tr("The audience stopped: %1").replace("%1", message))

    @Slot(str)
    def _on_worker_restarted(self, message: str) -> None:
        self.notice.emit(
            self.tr("The audience restarted (%1). Every donation shown is saved.").replace(
                "%1", message
            )
        )

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
        self._take_campaign(campaign)
        self._start_session()

    async def end(self) -> bool:
        """End the broadcast: the audience stops, what it sent is committed first."""
        if self.ops is None or self.campaign is None:
            return False
        if self.campaign.status is not CampaignStatus.LIVE:
            return False
        campaign_id = self.campaign.id
        await self._stop_session()
        campaign = await self.ops.end_broadcast(campaign_id)
        # The summary tells the figures as of the end: the feed has shown everything first.
        await self.caught_up(campaign.change_seq)
        if self.campaign is not None and self.campaign.id == campaign_id:
            self._take_campaign(campaign)
        self._on_clock_timeout()
        return True

    async def caught_up(self, seq: int, timeout: float = CATCH_UP_S) -> bool:
        """Wait (without blocking the UI) until the feed has shown the campaign's changes up
        to `seq`; False when it took longer than `timeout`."""
        deadline = time.monotonic() + timeout
        while self.seq < seq and time.monotonic() < deadline:
            await asyncio.sleep(0.02)
        self._flush.flush()
        return self.seq >= seq

    def _take_campaign(self, campaign: CampaignRecord) -> None:
        """A newer row of the campaign (its status, goal, start or end)."""
        before = self.campaign
        self.campaign = campaign
        if before is None or (before.status, before.goal_minor, before.started_at_us,
                              before.ended_at_us) != (campaign.status, campaign.goal_minor,
                                                      campaign.started_at_us,
                                                      campaign.ended_at_us):  # fmt: skip
            self.campaignChanged.emit(campaign)

    # -- what was committed: the change feed -----------------------------------------------

    @Slot(CampaignChanges)
    def _on_feed_changes(self, changes: CampaignChanges) -> None:
        if self.campaign is None or changes.campaign_id != self.campaign.id:
            return  # a delivery for a campaign left before it arrived
        if changes.last_seq <= self.seq:
            return  # already in the snapshot shown
        self.seq = changes.last_seq
        if changes.moderation is not None:  # the rules as of self.seq (the worker follows its own)
            self.moderation = changes.moderation
        self._pending.append(changes)
        self._flush()

    def _on_flush(self) -> None:
        """Show what was committed since the last flush, in one go."""
        pending, self._pending = self._pending, []
        if not pending or self.campaign is None:
            return
        if any(c.resync for c in pending):
            spawn(self._load(self.campaign.id), self._report)
            return
        last = pending[-1]
        self._take_campaign(last.campaign)
        new = [d for c in pending for d in c.new_donations]
        for c in pending:
            self._per_second.update(c.new_per_second)
        if new:
            self.donationsAdded.emit(new[::-1])
        updated = {d.id: d for c in pending for d in c.updated_donations}
        if updated:
            self.donationsChanged.emit(list(updated.values()))
        if last.stats != self.stats or new:
            self.stats = last.stats
            self.statsChanged.emit(last.stats, bool(new))
        top = next((c.top_donors for c in reversed(pending) if c.top_donors is not None), None)
        if top is not None:
            self.topDonorsChanged.emit(top)
        self._flush_event(pending)

    def _flush_event(self, pending: list[CampaignChanges]) -> None:
        tickets = [t for c in pending for t in c.new_tickets]
        if tickets:
            self.ticketsAdded.emit(tickets[::-1])
        changed = {t.id: t for c in pending for t in c.updated_tickets}
        if changed:
            self.ticketsChanged.emit(list(changed.values()))
        admissions = [a for c in pending for a in c.new_admissions]
        if admissions:
            self.admissionsAdded.emit(admissions[::-1])
        figures = next((c.figures for c in reversed(pending) if c.figures is not None), None)
        # The donations raised are the newest stats' total: figures read with a ticket change
        # earlier in the batch may be older than a donation that came after it.
        base = figures if figures is not None else self.figures
        if self.kind is CampaignKind.PAID_EVENT and base.total_minor != self.stats.total_minor:
            figures = dataclasses.replace(base, total_minor=self.stats.total_minor)
        if figures is not None and figures != self.figures:
            self.figures = figures
            self.figuresChanged.emit(figures)

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

    # -- actions of this view (what they change comes back through the feed) --------------

    async def thank(self, donations: list[StoredDonation]) -> list[int]:
        """Thank donations on air; returns the ids thanked."""
        if self.ops is None or self.campaign is None:
            return []
        ids = [d.id for d in donations]
        await self.ops.thank(self.campaign.id, ids)
        return ids

    async def record_offline(self, campaign: CampaignRecord, draft: DonationDraft) -> None:
        """A donation given outside the stream: through the live pipeline when on air, else
        recorded on its own; it shows once committed, as every donation does."""
        if self.ops is None:
            return
        session = self.session
        if session is not None and session.campaign.id == campaign.id and self.kind is FUNDRAISER:
            session.submit(draft)  # to the worker's pipeline: never waits
            return
        await self.ops.record_offline(campaign, draft)

    async def admit(self, code: str) -> AdmissionRecord | None:
        """The creator checks a code at the door."""
        if self.ops is None or self.campaign is None:
            return None
        return await self.ops.admit(self.campaign.id, code)

    async def refund_ticket(
        self, ticket_id: int, reason: str, actor: Actor, *, override: bool
    ) -> None:
        if self.ops is not None:
            await self.ops.refund_ticket(ticket_id, reason, actor, override=override)

    async def reissue_ticket(self, ticket_id: int, actor: Actor) -> SoldTicket | None:
        """A new access code for a ticket (the old one stops working); None without a ledger."""
        if self.ops is None:
            return None
        return await self.ops.reissue_ticket(ticket_id, actor)

    async def cancel(self, reason: str, actor: Actor) -> None:
        """Cancel a paid event: every ticket refunded, the event ended."""
        if self.ops is None or self.campaign is None:
            return
        campaign_id = self.campaign.id
        await self._stop_session()
        await self.ops.cancel_event(campaign_id, reason, actor)
        await self._load(campaign_id)
