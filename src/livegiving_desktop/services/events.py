"""Paid live events: selling tickets, the door, refunds, cancellation, the simulated audience
and the tickets export. The CLI and the GUI both call EventService; every rule lives in
core/tickets.py and every statement in db/tickets.py.

Synchronous like LedgerService: the GUI calls it on its database thread, the CLI directly.
"""

from __future__ import annotations

import random
import secrets
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TextIO

from livegiving_desktop.core.audience import (
    EventAction,
    EventAudience,
    EventDelivery,
    EventProfile,
    check_rehearsal,
)
from livegiving_desktop.core.campaigns import CampaignKind, CampaignStatus
from livegiving_desktop.core.donations import DonationDraft, clean_external_id
from livegiving_desktop.core.errors import StateError, ValidationError
from livegiving_desktop.core.moderation import ModerationRules
from livegiving_desktop.core.money import to_decimal_text
from livegiving_desktop.core.records import Actor, CampaignRecord
from livegiving_desktop.core.refunds import clean_actor, clean_reason
from livegiving_desktop.core.tickets import (
    CODE_ALPHABET,
    UNNAMED_ATTENDEE,
    AdmissionRecord,
    DoorAttempt,
    DoorBatch,
    EventFigures,
    SaleBatch,
    SoldTicket,
    StoredTicket,
    TicketOrder,
    TicketRefund,
    clean_buyer_name,
    clean_code,
    new_access_code,
    normalize_code,
    refund_deadline_us,
    refund_needs_override,
)
from livegiving_desktop.db.ledger import now_us
from livegiving_desktop.db.tickets import TicketStore
from livegiving_desktop.services import export
from livegiving_desktop.services.ingest import BatchOutcome, IngestionPipeline, IngestSummary
from livegiving_desktop.services.ledger import LedgerService
from livegiving_desktop.services.simulation import PacedRunner, StopRequested

TICKET_COLUMNS = (
    "ticket_id",
    "external_id",
    "purchased_at",
    "buyer_name",
    "amount",
    "currency",
    "status",
)


def ticket_row(t: StoredTicket) -> dict[str, object]:
    """The export record of a ticket (automation contract, tickets export)."""
    return {
        "ticket_id": t.id,
        "external_id": t.external_id,
        "purchased_at": t.purchased_at.isoformat(timespec="microseconds"),
        "buyer_name": t.buyer_name,
        "amount": to_decimal_text(t.amount_minor, t.currency),
        "currency": t.currency,
        "status": t.status.value,
    }


@dataclass(frozen=True, slots=True)
class RefundPolicy:
    """What the creator is told about refunds on request."""

    window_hours: int
    deadline_us: int | None  # None: no start announced and not live yet
    needs_override: bool  # now, past the deadline


@dataclass(slots=True)
class EventRunSummary:
    """What a run of the simulated audience did (the simulation summary's own counts)."""

    tickets_sold: int = 0
    duplicates_dropped: int = 0
    sold_out: int = 0
    admitted: int = 0
    denied: int = 0
    deliveries: int = 0
    donations: IngestSummary = field(default_factory=IngestSummary)


@dataclass(frozen=True, slots=True)
class EventSimulationReport:
    run: EventRunSummary
    campaign: CampaignRecord  # after the run
    elapsed_s: float
    # Stopped by Ctrl+C (or what the caller raises as such): what was sent is committed.
    stopped_by: KeyboardInterrupt | None = None

    def summary(self) -> dict[str, object]:
        """The `simulate` summary keys of the automation contract, for a paid event."""
        c, run, gifts = self.campaign, self.run, self.run.donations
        return {
            "campaign": c.id,
            "accepted": run.tickets_sold + gifts.accepted,
            "duplicates_dropped": run.duplicates_dropped + gifts.duplicates_dropped,
            "rejected": run.sold_out + gifts.rejected,
            "held": gifts.held,
            "total_minor": c.total_minor,
            "currency": c.currency,
            "tickets_sold": c.tickets_sold,
            "admitted": c.admitted_count,
            "denied": c.denied_count,
            "revenue_minor": c.revenue_minor,
            "sold_out": run.sold_out,
            "elapsed_s": round(self.elapsed_s, 3),
            **({"interrupted": True} if self.stopped_by is not None else {}),
        }


class EventService:
    """Tickets, the door and refunds of paid live events, over the ledger's database."""

    def __init__(self, ledger: LedgerService) -> None:
        self.ledger = ledger
        self.store = TicketStore(ledger.db)

    def event(self, campaign_id: int) -> CampaignRecord:
        """The campaign, which must be a paid event."""
        campaign = self.ledger.campaign(campaign_id)
        if campaign.kind is not CampaignKind.PAID_EVENT:
            raise StateError(f"campaign {campaign_id} is a fundraiser, not a paid event")
        return campaign

    # -- sales and the door ----------------------------------------------------------------

    def buy_ticket(self, campaign_id: int, buyer: str, external_id: str | None = None) -> SaleBatch:
        """Sell one ticket. A repeated external id sells nothing (`duplicates`); a full event
        refuses (StateError)."""
        name = clean_buyer_name(buyer)
        ext = (
            clean_external_id(external_id)
            if external_id is not None
            else f"desk-{secrets.token_hex(8)}"
        )
        self.event(campaign_id)
        batch = self.store.sell(campaign_id, [TicketOrder(ext, name)])
        if batch.sold_out:
            raise StateError("the event is sold out: every seat has a ticket")
        return batch

    def reissue_ticket(self, ticket_id: int, actor: Actor) -> SoldTicket:
        """A new access code for a ticket (the buyer lost theirs): the old one stops admitting;
        audited. The new code is returned once, as at the sale."""
        return self.store.reissue(ticket_id, actor)

    def admit(self, campaign_id: int, code: str | None, name: str = "") -> AdmissionRecord:
        """Someone joins with a code: admitted, or refused with the reason (logged)."""
        attendee = clean_buyer_name(name, "attendee name") if name.strip() else UNNAMED_ATTENDEE
        given = clean_code(code)
        self.event(campaign_id)
        return self.store.admit(campaign_id, [DoorAttempt(attendee, given)]).records[0]

    # -- refunds ---------------------------------------------------------------------------

    def refund_policy(self, campaign: CampaignRecord, at_us: int | None = None) -> RefundPolicy:
        now = now_us() if at_us is None else at_us
        return RefundPolicy(
            campaign.refund_window_hours,
            refund_deadline_us(
                campaign.starts_at_us, campaign.started_at_us, campaign.refund_window_hours
            ),
            refund_needs_override(
                now, campaign.starts_at_us, campaign.started_at_us, campaign.refund_window_hours
            ),
        )

    def refund_ticket(
        self, ticket_id: int, reason: str, actor: Actor, *, override: bool = False
    ) -> TicketRefund:
        """Refund one ticket on request; past the window only with the creator's override."""
        return self.store.refund_ticket(
            ticket_id, clean_reason(reason), clean_actor(actor, "creator"), override=override
        )

    def cancel_event(self, campaign_id: int, reason: str, actor: Actor) -> tuple[int, EventFigures]:
        """Cancel: every ticket refunded, the event ended, all in the audit log."""
        clean = clean_reason(reason)
        who = clean_actor(actor, "creator")
        self.event(campaign_id)
        return self.store.cancel_event(campaign_id, clean, who)

    # -- reads -----------------------------------------------------------------------------

    def figures(self, campaign_id: int) -> EventFigures:
        return self.store.figures(campaign_id)

    def recent_sales(
        self, campaign_id: int, *, before_id: int | None = None, limit: int = 200
    ) -> list[StoredTicket]:
        return self.store.recent_sales(campaign_id, before_id=before_id, limit=limit)

    def recent_admissions(
        self, campaign_id: int, *, before_id: int | None = None, limit: int = 200
    ) -> list[AdmissionRecord]:
        return self.store.recent_admissions(campaign_id, before_id=before_id, limit=limit)

    def ticket(self, ticket_id: int) -> StoredTicket:
        return self.store.ticket(ticket_id)

    # -- export ----------------------------------------------------------------------------

    def export_tickets(
        self,
        campaign_id: int,
        fmt: str,
        out: TextIO,
        progress: Callable[[int], None] | None = None,
    ) -> int:
        """Write every ticket of the event (contract columns); `progress` every 1,000 rows."""
        self.event(campaign_id)

        def rows() -> Iterator[dict[str, object]]:
            for count, ticket in enumerate(self.store.iter_tickets(campaign_id), start=1):
                if progress is not None and count % 1000 == 0:
                    progress(count)
                yield ticket_row(ticket)

        if fmt == "csv":
            return export.write_csv(rows(), TICKET_COLUMNS, out)
        if fmt == "json":
            return export.write_json(rows(), out)
        raise ValidationError("format", f"'{fmt}' is not csv or json")

    # -- the simulated audience ------------------------------------------------------------

    def audience(
        self, campaign: CampaignRecord, seed: int | None = None, *, duplicates: float = 0.0
    ) -> EventAudience:
        return EventAudience(
            seed if seed is not None else secrets.randbits(32),
            campaign.currency,
            raises_money=campaign.organization_id is not None,
            minimum_minor=campaign.minimum_minor,
            maximum_minor=campaign.maximum_minor,
            profile=EventProfile(duplicates=duplicates),
        )

    def simulate(
        self,
        campaign_id: int,
        *,
        rate: float = 0.0,
        count: int | None = None,
        seconds: float | None = None,
        seed: int | None = None,
        duplicates: float = 0.0,
        on_sales: Callable[[SaleBatch], None] | None = None,
        on_commit: Callable[[BatchOutcome], None] | None = None,
        stop_requested: StopRequested | None = None,
    ) -> EventSimulationReport:
        """A headless rehearsal of a paid event: the audience buys (on a draft: the pre-sale)
        and, once live, tries to get in with and without a ticket. `stop_requested`: see
        PacedRunner.wait."""
        check_rehearsal(rate=rate, count=count, seconds=seconds, duplicates=duplicates)
        campaign = self.event(campaign_id)
        if campaign.status.finished:
            done = "was cancelled" if campaign.status is CampaignStatus.CANCELLED else "has ended"
            raise StateError(f"the event {done}; rehearse on a draft or live event")
        started = time.perf_counter()
        runner = EventAudienceRunner(
            self,
            campaign,
            self.audience(campaign, seed, duplicates=duplicates),
            rate=rate,
            count=count,
            seconds=seconds,
            on_sales=on_sales,
            on_commit=on_commit,
            headless=True,
        )
        stopped_by: KeyboardInterrupt | None = None
        try:
            runner.start()  # in the try: Ctrl+C as it starts stops the audience too
            runner.wait(stop_requested)
        except KeyboardInterrupt as exc:  # Ctrl+C: the audience stops, what it sent is saved
            stopped_by = exc
        run = runner.close()  # stops the audience, commits what it queued
        if runner.error is not None:
            raise runner.error
        elapsed = time.perf_counter() - started
        return EventSimulationReport(run, self.ledger.campaign(campaign_id), elapsed, stopped_by)


class EventAudienceRunner(PacedRunner[EventDelivery]):
    """A thread that plays a paid event's audience: ticket orders and door attempts go to the
    store in batches (one transaction per batch and per tick), donations through the ledger's
    ingestion pipeline. The rate can change while it runs; pause() holds deliveries."""

    def __init__(
        self,
        service: EventService,
        campaign: CampaignRecord,
        audience: EventAudience,
        *,
        rate: float,
        count: int | None = None,
        seconds: float | None = None,
        on_sales: Callable[[SaleBatch], None] | None = None,
        on_door: Callable[[DoorBatch], None] | None = None,
        on_commit: Callable[[BatchOutcome], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
        moderation: ModerationRules | None = None,
        headless: bool = False,
        follow_rules: bool | None = None,
        rules_seq: int | None = None,
    ) -> None:
        super().__init__(rate=rate, count=count, seconds=seconds, name="event-audience")
        self.service = service
        self.campaign = campaign
        self.audience = audience
        self.live = campaign.status is CampaignStatus.LIVE
        self._on_sales = on_sales
        self._on_door = on_door
        self._on_error = on_error
        self._rng = random.Random(audience.delivered ^ campaign.id)
        self._unused: list[str] = []  # codes of tickets sold in this run, not yet used
        self._used: list[str] = []
        self.summary = EventRunSummary()
        self.pipeline: IngestionPipeline | None = None
        if campaign.organization_id is not None:  # the event also raises money
            self.pipeline = service.ledger.ingestion_pipeline(
                campaign,
                moderation=moderation,
                # Rules changed on any seat apply here too (headless: always; the live view
                # says, with the seq its `moderation` is as of).
                follow_rules=headless if follow_rules is None else follow_rules,
                rules_seq=rules_seq,
                on_commit=on_commit,
                on_error=on_error,
                max_attempts=20 if headless else None,
                want_rows=not headless,
            )

    def close(self) -> EventRunSummary:
        """Stop, wait for the thread and commit the queued donations. Blocks."""
        self.stop()
        if self._thread.ident is not None:
            self._thread.join()
        if self.pipeline is not None:
            self.summary.donations = self.pipeline.close()
        return self.summary

    def close_within(self, timeout: float) -> bool:
        """Quitting: stop and commit what is queued, waiting at most `timeout` seconds in all.
        True when everything was committed; False during an outage (ask the user, then
        `pipeline.abandon()`). Never raises."""
        deadline = time.monotonic() + timeout
        self.stop()
        if self._thread.ident is not None:
            self._thread.join(max(0.0, deadline - time.monotonic()))
        stopped = not self._thread.is_alive()
        if self.pipeline is not None:
            stopped = self.pipeline.close_within(max(0.0, deadline - time.monotonic())) and stopped
        return stopped

    # -- the thread ------------------------------------------------------------------------

    def _run(self) -> None:
        try:
            self._deliver()
        except StateError:
            pass  # the event ended or was cancelled meanwhile: the audience goes home
        except Exception as exc:  # reported to the caller (CLI) or the UI, never lost
            self.error = exc
            if self._on_error is not None:
                self._on_error(exc)

    def _delivered(self) -> int:
        return self.audience.delivered

    def _next(self) -> EventDelivery:
        return self.audience.next_delivery(live=self.live)

    def _gap(self, rate: float) -> float:
        return self.audience.next_gap(rate)

    def _hand_on(self, batch: list[EventDelivery]) -> None:
        self._apply(batch)

    def _apply(self, batch: list[EventDelivery]) -> None:
        """One sale transaction, one door transaction, donations to the pipeline."""
        store = self.service.store
        orders: list[TicketOrder] = []
        joiners: list[EventDelivery] = []
        gifts: list[DonationDraft] = []
        for d in batch:
            if d.action is EventAction.DONATE and d.draft is not None:
                gifts.append(d.draft)
            elif d.action is EventAction.BUY:
                orders.append(TicketOrder(d.external_id, d.name))
            else:
                joiners.append(d)
        if orders:
            sales = store.sell(self.campaign.id, orders)
            self.summary.tickets_sold += len(sales.sold)
            self.summary.duplicates_dropped += len(sales.duplicates)
            self.summary.sold_out += len(sales.sold_out)
            self._unused.extend(s.code for s in sales.sold)
            if self._on_sales is not None:
                self._on_sales(sales)
        # The door opens after the tickets of the same tick are sold: buyers can join at once.
        attempts = [DoorAttempt(d.name, self._code_for(d.action)) for d in joiners]
        if attempts and self.live:
            door = store.admit(self.campaign.id, attempts)
            for record in door.records:
                if record.admitted:
                    self.summary.admitted += 1
                else:
                    self.summary.denied += 1
            if self._on_door is not None:
                self._on_door(door)
        if gifts and self.pipeline is not None:
            self.pipeline.submit_many(gifts)
        self.summary.deliveries += len(batch)

    def _code_for(self, action: EventAction) -> str | None:
        rng = self._rng
        if action is EventAction.JOIN and self._unused:
            code = self._unused.pop(int(rng.random() * len(self._unused)))
            self._used.append(code)
            return code
        if action is EventAction.JOIN_AGAIN and self._used:
            return self._used[int(rng.random() * len(self._used))]
        if action is EventAction.JOIN_WRONG_CODE:
            if self._used or self._unused:
                # A typo: one symbol of a real code changed.
                real = normalize_code(rng.choice(self._used or self._unused))
                i = int(rng.random() * len(real))
                wrong = CODE_ALPHABET[(CODE_ALPHABET.index(real[i]) + 1) % len(CODE_ALPHABET)]
                return real[:i] + wrong + real[i + 1 :]
            return new_access_code()
        return None  # joins without a code (or has nothing to join with yet)
