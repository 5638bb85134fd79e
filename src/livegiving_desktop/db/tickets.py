"""The ticket store: every SQL statement on tickets, admissions and ticket refunds.

Each write is one transaction that first locks the campaign row: on SQLite the writer engine
begins IMMEDIATE (the whole transaction holds the write lock, so two processes queue on the
busy timeout); on PostgreSQL `SELECT ... FOR UPDATE` on the campaign row. The capacity check,
the insert and the campaign's counters therefore move together: capacity is never exceeded,
whatever the number of processes selling at once.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import Connection, select, update

from livegiving_desktop.core.campaigns import CampaignKind, CampaignStatus
from livegiving_desktop.core.changes import ChangeKind
from livegiving_desktop.core.errors import NotFoundError, StateError
from livegiving_desktop.core.records import Actor
from livegiving_desktop.core.text import donor_key
from livegiving_desktop.core.tickets import (
    UNNAMED_ATTENDEE,
    AdmissionOutcome,
    AdmissionReason,
    AdmissionRecord,
    DoorAttempt,
    DoorBatch,
    EventFigures,
    SaleBatch,
    SoldTicket,
    StoredTicket,
    TicketOrder,
    TicketRefund,
    TicketStatus,
    code_hash,
    decide_admission,
    new_access_code,
    refund_needs_override,
)
from livegiving_desktop.db.audit import append_audit
from livegiving_desktop.db.changes import record_change
from livegiving_desktop.db.engine import Database, dialect_insert
from livegiving_desktop.db.ledger import now_us
from livegiving_desktop.db.models import admissions, campaigns, refunds, tickets

_TICKET_COLUMNS = (
    tickets.c.id,
    tickets.c.campaign_id,
    tickets.c.external_id,
    tickets.c.buyer_name,
    tickets.c.amount_minor,
    tickets.c.currency,
    tickets.c.status,
    tickets.c.purchased_at_us,
    tickets.c.admitted_at_us,
    tickets.c.refunded_at_us,
)
_ADMISSION_COLUMNS = (
    admissions.c.id,
    admissions.c.campaign_id,
    admissions.c.at_us,
    admissions.c.ticket_id,
    admissions.c.attendee_name,
    admissions.c.outcome,
    admissions.c.reason,
    tickets.c.buyer_name,
)
# The admissions with their ticket's buyer (`_ADMISSION_COLUMNS` reads both).
ADMISSIONS_WITH_BUYER = admissions.outerjoin(tickets, tickets.c.id == admissions.c.ticket_id)
_FIGURE_COLUMNS = (
    campaigns.c.tickets_sold,
    campaigns.c.admitted_count,
    campaigns.c.denied_count,
    campaigns.c.revenue_minor,
    campaigns.c.capacity,
    campaigns.c.total_minor,
    campaigns.c.refunded_tickets,
    campaigns.c.refunded_ticket_minor,
)
_ACTIVE = (TicketStatus.VALID.value, TicketStatus.ADMITTED.value)


def _ticket(row: Any) -> StoredTicket:
    values = list(row)
    values[6] = TicketStatus(values[6])
    return StoredTicket(*values)


def _admission(row: Any) -> AdmissionRecord:
    values = list(row)
    values[5] = AdmissionOutcome(values[5])
    values[6] = None if values[6] is None else AdmissionReason(values[6])
    return AdmissionRecord(*values)


class TicketStore:
    """Synchronous access to tickets. Thread-safe: each call uses its own connection."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._insert_ticket = dialect_insert(db, tickets).on_conflict_do_nothing(
            index_elements=["campaign_id", "external_id"]
        )

    # -- helpers ---------------------------------------------------------------------------

    def _lock_event(self, conn: Connection, campaign_id: int) -> Any:
        """Lock the campaign row (the transaction's serialisation point); it must be a paid
        event."""
        query = select(
            campaigns.c.kind,
            campaigns.c.status,
            campaigns.c.currency,
            campaigns.c.ticket_price_minor,
            campaigns.c.capacity,
            campaigns.c.tickets_sold,
            campaigns.c.starts_at_us,
            campaigns.c.started_at_us,
            campaigns.c.refund_window_hours,
        ).where(campaigns.c.id == campaign_id)
        row = conn.execute(query.with_for_update()).first()
        if row is None:
            raise NotFoundError("campaign", f"no campaign has the id {campaign_id}")
        if row.kind != CampaignKind.PAID_EVENT.value:
            raise StateError(f"campaign {campaign_id} is a fundraiser: it sells no tickets")
        return row

    def _lock_ticket(self, conn: Connection, ticket_id: int) -> tuple[int, Any, StoredTicket]:
        """A ticket's event locked (see _lock_event), then the ticket as it is now."""
        found = conn.execute(select(tickets.c.campaign_id).where(tickets.c.id == ticket_id)).first()
        if found is None:
            raise NotFoundError("ticket", f"no ticket has the id {ticket_id}")
        campaign_id = int(found.campaign_id)
        event = self._lock_event(conn, campaign_id)
        current = _ticket(
            conn.execute(select(*_TICKET_COLUMNS).where(tickets.c.id == ticket_id)).one()
        )
        return campaign_id, event, current

    def _figures(self, conn: Connection, campaign_id: int) -> EventFigures:
        row = conn.execute(select(*_FIGURE_COLUMNS).where(campaigns.c.id == campaign_id)).one()
        return EventFigures(*row)

    def figures(self, campaign_id: int) -> EventFigures:
        with self.db.reader.connect() as conn:
            row = conn.execute(
                select(*_FIGURE_COLUMNS).where(campaigns.c.id == campaign_id)
            ).first()
        if row is None:
            raise NotFoundError("campaign", f"no campaign has the id {campaign_id}")
        return EventFigures(*row)

    # -- sales -----------------------------------------------------------------------------

    def sell(self, campaign_id: int, orders: Sequence[TicketOrder]) -> SaleBatch:
        """Sell tickets in one transaction: an external id already sold is a duplicate (sold
        once, never twice); once the capacity is reached the rest are refused as sold out."""
        stamp = now_us()
        sold: list[SoldTicket] = []
        duplicates: list[str] = []
        sold_out: list[str] = []
        with self.db.writer.begin() as conn:
            event = self._lock_event(conn, campaign_id)
            if event.status == CampaignStatus.CANCELLED.value:
                raise StateError("the event was cancelled; it sells no more tickets")
            if event.status == CampaignStatus.ENDED.value:
                raise StateError("the event has ended; it sells no more tickets")
            price = int(event.ticket_price_minor or 0)
            left = None if event.capacity is None else event.capacity - event.tickets_sold
            for order in orders:
                if left is not None and left <= 0:
                    sold_out.append(order.external_id)
                    continue
                code = new_access_code()
                ticket_id = conn.execute(
                    self._insert_ticket.values(
                        campaign_id=campaign_id,
                        external_id=order.external_id,
                        buyer_name=order.buyer_name,
                        buyer_key=donor_key(order.buyer_name),
                        amount_minor=price,
                        currency=event.currency,
                        status=TicketStatus.VALID.value,
                        purchased_at_us=stamp,
                        code_hash=code_hash(code),
                    ).returning(tickets.c.id)
                ).scalar()
                if ticket_id is None:
                    duplicates.append(order.external_id)
                    continue
                if left is not None:
                    left -= 1
                ticket = StoredTicket(
                    int(ticket_id), campaign_id, order.external_id, order.buyer_name, price,
                    event.currency, TicketStatus.VALID, stamp, None, None,
                )  # fmt: skip
                sold.append(SoldTicket(ticket, code))
            if sold:
                conn.execute(
                    update(campaigns)
                    .where(campaigns.c.id == campaign_id)
                    .values(
                        tickets_sold=campaigns.c.tickets_sold + len(sold),
                        revenue_minor=campaigns.c.revenue_minor + price * len(sold),
                    )
                )
                sold_ids = [s.ticket.id for s in sold]
                record_change(conn, campaign_id, ChangeKind.TICKETS, at_us=stamp,
                              first_id=min(sold_ids), last_id=max(sold_ids),
                              detail={"event": "sale", "count": len(sold)})  # fmt: skip
            figures = self._figures(conn, campaign_id)
        return SaleBatch(sold, duplicates, sold_out, figures)

    def ticket_id_of(self, campaign_id: int, external_id: str) -> int | None:
        """The ticket sold under an external id (a replayed purchase names it)."""
        with self.db.reader.connect() as conn:
            found = conn.execute(
                select(tickets.c.id).where(
                    tickets.c.campaign_id == campaign_id, tickets.c.external_id == external_id
                )
            ).scalar()
        return None if found is None else int(found)

    def reissue(self, ticket_id: int, actor: Actor) -> SoldTicket:
        """A new access code for a ticket whose code was lost: the old code no longer admits,
        an audit row says who did it; one transaction. Only the new code's hash is kept."""
        stamp = now_us()
        with self.db.writer.begin() as conn:
            campaign_id, event, current = self._lock_ticket(conn, ticket_id)
            if current.status is TicketStatus.REFUNDED:
                raise StateError(f"ticket {ticket_id} is refunded; it has no code to reissue")
            if event.status == CampaignStatus.ENDED.value:
                raise StateError("the event has already ended")
            code = new_access_code()
            conn.execute(
                update(tickets).where(tickets.c.id == ticket_id).values(code_hash=code_hash(code))
            )
            append_audit(
                conn,
                at_us=stamp,
                campaign_id=campaign_id,
                actor=actor,
                action="ticket-reissue",
                ticket_id=ticket_id,
                before=current.status.value,
                after=current.status.value,
                reason="new access code; the old one no longer admits",
            )
            record_change(conn, campaign_id, ChangeKind.TICKETS, at_us=stamp, ids=[ticket_id],
                          actor=actor.name, detail={"event": "reissue"})  # fmt: skip
        return SoldTicket(current, code)

    # -- admission -------------------------------------------------------------------------

    def admit(self, campaign_id: int, attempts: Sequence[DoorAttempt]) -> DoorBatch:
        """Check each attempt at the door in one transaction; every attempt is logged, the
        refused ones with their reason."""
        stamp = now_us()
        records: list[AdmissionRecord] = []
        with self.db.writer.begin() as conn:
            event = self._lock_event(conn, campaign_id)
            live = event.status == CampaignStatus.LIVE.value
            admitted = denied = 0
            for attempt in attempts:
                ticket_id: int | None = None
                status: TicketStatus | None = None
                buyer = ""
                if live and attempt.code is not None:
                    found = conn.execute(
                        select(tickets.c.id, tickets.c.status, tickets.c.buyer_name).where(
                            tickets.c.campaign_id == campaign_id,
                            tickets.c.code_hash == code_hash(attempt.code),
                        )
                    ).first()
                    if found is not None:
                        ticket_id, status = int(found.id), TicketStatus(found.status)
                        buyer = str(found.buyer_name)
                reason = decide_admission(
                    event_live=live, code_given=attempt.code is not None, ticket_status=status
                )
                # Checked at the door without a name: the log names the ticket's buyer.
                name = buyer if attempt.name == UNNAMED_ATTENDEE and buyer else attempt.name
                if reason is None:
                    conn.execute(
                        update(tickets)
                        .where(tickets.c.id == ticket_id)
                        .values(status=TicketStatus.ADMITTED.value, admitted_at_us=stamp)
                    )
                    admitted += 1
                else:
                    denied += 1
                outcome = AdmissionOutcome.ADMITTED if reason is None else AdmissionOutcome.REFUSED
                row_id = conn.execute(
                    admissions.insert()
                    .values(
                        campaign_id=campaign_id,
                        at_us=stamp,
                        ticket_id=ticket_id,
                        attendee_name=name,
                        outcome=outcome.value,
                        reason=None if reason is None else reason.value,
                    )
                    .returning(admissions.c.id)
                ).scalar_one()
                records.append(
                    AdmissionRecord(
                        int(row_id), campaign_id, stamp, ticket_id, name, outcome, reason,
                        buyer or None,
                    )
                )  # fmt: skip
            conn.execute(
                update(campaigns)
                .where(campaigns.c.id == campaign_id)
                .values(
                    admitted_count=campaigns.c.admitted_count + admitted,
                    denied_count=campaigns.c.denied_count + denied,
                )
            )
            if records:
                record_change(
                    conn, campaign_id, ChangeKind.ADMISSIONS, at_us=stamp,
                    first_id=records[0].id, last_id=records[-1].id,
                    ids=[r.ticket_id for r in records if r.admitted and r.ticket_id is not None],
                    detail={"count": len(records), "admitted": admitted, "denied": denied},
                )  # fmt: skip
            figures = self._figures(conn, campaign_id)
        return DoorBatch(records, figures)

    # -- refunds ---------------------------------------------------------------------------

    def refund_ticket(
        self, ticket_id: int, reason: str, actor: Actor, *, override: bool = False
    ) -> TicketRefund:
        """Refund one ticket: a refund record, the ticket no longer admits, revenue and seats
        follow, an audit row; one transaction. Past the refund window it needs `override`
        (the creator's explicit decision, recorded on the refund and the audit row)."""
        stamp = now_us()
        with self.db.writer.begin() as conn:
            campaign_id, event, current = self._lock_ticket(conn, ticket_id)
            if current.status is TicketStatus.REFUNDED:
                raise StateError(f"ticket {ticket_id} is already refunded")
            late = refund_needs_override(
                stamp, event.starts_at_us, event.started_at_us, event.refund_window_hours
            )
            if late and not override:
                raise StateError(
                    f"the refund window closed {event.refund_window_hours} hours before the"
                    " start; only the creator's override can refund this ticket now"
                )
            refund_id = self._refund(
                conn, current, stamp=stamp, reason=reason, actor=actor, override=late and override
            )
            record_change(conn, campaign_id, ChangeKind.TICKETS, at_us=stamp, ids=[ticket_id],
                          actor=actor.name, detail={"event": "refund"})  # fmt: skip
            figures = self._figures(conn, campaign_id)
        refunded = _replace_status(current, TicketStatus.REFUNDED, stamp)
        return TicketRefund(refund_id, refunded, late and override, figures)

    def _refund(
        self,
        conn: Connection,
        ticket: StoredTicket,
        *,
        stamp: int,
        reason: str,
        actor: Actor,
        override: bool,
        action: str | None = None,
    ) -> int:
        conn.execute(
            update(tickets)
            .where(tickets.c.id == ticket.id)
            .values(status=TicketStatus.REFUNDED.value, refunded_at_us=stamp)
        )
        refund_id = conn.execute(
            refunds.insert()
            .values(
                campaign_id=ticket.campaign_id,
                ticket_id=ticket.id,
                amount_minor=ticket.amount_minor,
                currency=ticket.currency,
                reason=reason,
                actor_name=actor.name,
                actor_role=actor.role.value,
                override=override,
                created_at_us=stamp,
            )
            .returning(refunds.c.id)
        ).scalar_one()
        was_in = 1 if ticket.status is TicketStatus.ADMITTED else 0
        conn.execute(
            update(campaigns)
            .where(campaigns.c.id == ticket.campaign_id)
            .values(
                tickets_sold=campaigns.c.tickets_sold - 1,
                revenue_minor=campaigns.c.revenue_minor - ticket.amount_minor,
                admitted_count=campaigns.c.admitted_count - was_in,
                refunded_tickets=campaigns.c.refunded_tickets + 1,
                refunded_ticket_minor=campaigns.c.refunded_ticket_minor + ticket.amount_minor,
            )
        )
        append_audit(
            conn,
            at_us=stamp,
            campaign_id=ticket.campaign_id,
            actor=actor,
            action=action or ("ticket-refund-override" if override else "ticket-refund"),
            ticket_id=ticket.id,
            before=ticket.status.value,
            after=TicketStatus.REFUNDED.value,
            reason=reason,
        )
        return int(refund_id)

    def cancel_event(self, campaign_id: int, reason: str, actor: Actor) -> tuple[int, EventFigures]:
        """Cancel the event: every valid or admitted ticket is refunded (whatever the window),
        the event becomes CANCELLED (a status of its own: its refunds stay in its figures),
        and the audit log says who and why; one transaction. Returns how many tickets were
        refunded."""
        stamp = now_us()
        with self.db.writer.begin() as conn:
            event = self._lock_event(conn, campaign_id)
            if event.status == CampaignStatus.CANCELLED.value:
                raise StateError("the event is already cancelled")
            if event.status == CampaignStatus.ENDED.value:
                raise StateError("the event has already ended")
            active = [
                _ticket(row)
                for row in conn.execute(
                    select(*_TICKET_COLUMNS)
                    .where(tickets.c.campaign_id == campaign_id, tickets.c.status.in_(_ACTIVE))
                    .order_by(tickets.c.id)
                )
            ]
            for ticket in active:
                self._refund(
                    conn,
                    ticket,
                    stamp=stamp,
                    reason=reason,
                    actor=actor,
                    override=False,
                    action="ticket-refund-cancel",
                )
            conn.execute(
                update(campaigns)
                .where(campaigns.c.id == campaign_id)
                .values(status=CampaignStatus.CANCELLED.value, ended_at_us=stamp)
            )
            append_audit(
                conn,
                at_us=stamp,
                campaign_id=campaign_id,
                actor=actor,
                action="event-cancel",
                before=event.status,
                after=CampaignStatus.CANCELLED.value,
                reason=reason,
            )
            if active:
                record_change(conn, campaign_id, ChangeKind.TICKETS, at_us=stamp,
                              ids=[t.id for t in active], actor=actor.name,
                              detail={"event": "cancel", "count": len(active)})  # fmt: skip
            record_change(conn, campaign_id, ChangeKind.CAMPAIGN, at_us=stamp, actor=actor.name,
                          detail={"event": "cancelled"})  # fmt: skip
            figures = self._figures(conn, campaign_id)
        return len(active), figures

    # -- reads -----------------------------------------------------------------------------

    def ticket(self, ticket_id: int) -> StoredTicket:
        with self.db.reader.connect() as conn:
            row = conn.execute(select(*_TICKET_COLUMNS).where(tickets.c.id == ticket_id)).first()
        if row is None:
            raise NotFoundError("ticket", f"no ticket has the id {ticket_id}")
        return _ticket(row)

    def recent_sales(
        self, campaign_id: int, *, before_id: int | None = None, limit: int = 200
    ) -> list[StoredTicket]:
        """Newest first; `before_id` pages further back (keyset pagination)."""
        query = select(*_TICKET_COLUMNS).where(tickets.c.campaign_id == campaign_id)
        if before_id is not None:
            query = query.where(tickets.c.id < before_id)
        query = query.order_by(tickets.c.id.desc()).limit(limit)
        with self.db.reader.connect() as conn:
            return [_ticket(r) for r in conn.execute(query)]

    def recent_admissions(
        self, campaign_id: int, *, before_id: int | None = None, limit: int = 200
    ) -> list[AdmissionRecord]:
        """Newest first; `before_id` pages further back."""
        query = (
            select(*_ADMISSION_COLUMNS)
            .select_from(ADMISSIONS_WITH_BUYER)
            .where(admissions.c.campaign_id == campaign_id)
        )
        if before_id is not None:
            query = query.where(admissions.c.id < before_id)
        query = query.order_by(admissions.c.id.desc()).limit(limit)
        with self.db.reader.connect() as conn:
            return [_admission(r) for r in conn.execute(query)]

    def iter_tickets(self, campaign_id: int, chunk: int = 5000) -> Iterator[StoredTicket]:
        """Every ticket of a campaign, oldest first, in chunks (for exports)."""
        last = 0
        while True:
            query = (
                select(*_TICKET_COLUMNS)
                .where(tickets.c.campaign_id == campaign_id, tickets.c.id > last)
                .order_by(tickets.c.id)
                .limit(chunk)
            )
            with self.db.reader.connect() as conn:
                rows = [_ticket(r) for r in conn.execute(query)]
            if not rows:
                return
            yield from rows
            last = rows[-1].id

    def refund_rows(self, campaign_id: int) -> list[tuple[int, bool, str, str]]:
        """(ticket id, override, actor name, reason) of each ticket refund (for checks)."""
        query = (
            select(refunds.c.ticket_id, refunds.c.override, refunds.c.actor_name, refunds.c.reason)
            .where(refunds.c.campaign_id == campaign_id, refunds.c.ticket_id.is_not(None))
            .order_by(refunds.c.id)
        )
        with self.db.reader.connect() as conn:
            return [(int(t), bool(o), a, r) for t, o, a, r in conn.execute(query)]


def _replace_status(ticket: StoredTicket, status: TicketStatus, stamp: int) -> StoredTicket:
    return replace(ticket, status=status, refunded_at_us=stamp)
