"""Tickets on every configured database: sales and capacity (also from several processes at
once), admission for every kind of bad code, refunds, the override, cancellation, revenue."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from livegiving_desktop.core.errors import NotFoundError, StateError, ValidationError
from livegiving_desktop.core.records import Actor, ActorRole
from livegiving_desktop.core.tickets import AdmissionReason, DoorAttempt, TicketStatus
from livegiving_desktop.db.models import audit_log, refunds, tickets
from livegiving_desktop.services.events import EventService
from livegiving_desktop.services.ledger import LedgerService

pytestmark = pytest.mark.db

CREATOR = Actor("Aiko", ActorRole.CREATOR)


def event(
    service: LedgerService,
    *,
    capacity: str | None = "100",
    starts_in: timedelta | None = timedelta(days=30),
    price: str = "15",
) -> int:
    starts = None if starts_in is None else (datetime.now(UTC) + starts_in).isoformat()
    return service.create_paid_event(
        title="Sushi class", category="cooking-class", price=price, currency="EUR",
        capacity=capacity, starts_at=starts,
    ).id  # fmt: skip


def test_a_sale_counts_once_and_its_code_is_never_stored(service: LedgerService) -> None:
    events = EventService(service)
    campaign_id = event(service)
    sale = events.buy_ticket(campaign_id, "Ana", "order-1")
    sold = sale.sold[0]
    assert sold.ticket.status is TicketStatus.VALID
    assert sold.ticket.amount_minor == 1500
    assert sale.figures.tickets_sold == 1
    assert sale.figures.revenue_minor == 1500
    replay = events.buy_ticket(campaign_id, "Ana", "order-1")
    assert replay.sold == [] and replay.duplicates == ["order-1"]
    assert events.figures(campaign_id).revenue_minor == 1500
    # Nothing in the row reads back the code, in any form.
    with service.db.reader.connect() as conn:
        row = conn.execute(select(tickets)).one()
    stored = " ".join(str(v) for v in row)
    for form in (sold.code, sold.code.replace("-", ""), sold.code.lower()):
        assert form not in stored


def test_capacity_is_never_exceeded(service: LedgerService) -> None:
    events = EventService(service)
    campaign_id = event(service, capacity="3")
    from livegiving_desktop.core.tickets import TicketOrder

    batch = events.store.sell(campaign_id, [TicketOrder(f"o{i}", f"B{i}") for i in range(5)])
    assert len(batch.sold) == 3
    assert batch.sold_out == ["o3", "o4"]
    with pytest.raises(StateError, match="sold out"):
        events.buy_ticket(campaign_id, "Late")
    # A refund frees a seat.
    events.refund_ticket(batch.sold[0].ticket.id, "cannot come", CREATOR)
    assert events.buy_ticket(campaign_id, "Late").figures.tickets_sold == 3


_WORKER = textwrap.dedent(
    """
    import json, sys
    from livegiving_desktop.core.errors import StateError
    from livegiving_desktop.services.events import EventService
    from livegiving_desktop.services.ledger import LedgerService

    url, campaign_id, prefix = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    attempts = int(sys.argv[4])
    service = LedgerService.open(url)
    events = EventService(service)
    sold = refused = 0
    for i in range(attempts):
        try:
            events.buy_ticket(campaign_id, f"{prefix} buyer {i}", f"{prefix}-{i}")
            sold += 1
        except StateError:
            refused += 1
    service.close()
    print(json.dumps({"sold": sold, "refused": refused}))
    """
)


def test_capacity_holds_with_several_processes_selling_at_once(
    service: LedgerService, db_url: str
) -> None:
    events = EventService(service)
    capacity, processes, attempts = 40, 4, 25
    campaign_id = event(service, capacity=str(capacity))
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", _WORKER, db_url, str(campaign_id), f"p{n}", str(attempts)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(processes)
    ]
    results = []
    for worker in workers:
        out, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err
        assert "locked" not in err
        results.append(json.loads(out.strip().splitlines()[-1]))
    assert sum(r["sold"] for r in results) == capacity
    assert sum(r["refused"] for r in results) == processes * attempts - capacity
    figures = events.figures(campaign_id)
    assert figures.tickets_sold == capacity
    assert figures.revenue_minor == capacity * 1500
    tickets = list(events.store.iter_tickets(campaign_id))
    assert len(tickets) == capacity


def test_admission_for_every_kind_of_attempt(service: LedgerService) -> None:
    events = EventService(service)
    campaign_id = event(service)
    good = events.buy_ticket(campaign_id, "Ana").sold[0]
    refunded = events.buy_ticket(campaign_id, "Bob").sold[0]
    events.refund_ticket(refunded.ticket.id, "changed plans", CREATOR)

    early = events.admit(campaign_id, good.code, "Ana")
    assert early.reason is AdmissionReason.NOT_LIVE
    service.go_live(campaign_id)
    other_event = event(service)
    foreign = events.buy_ticket(other_event, "Eve").sold[0]

    typed = good.code.lower().replace("-", " ")
    assert events.admit(campaign_id, typed, "Ana").admitted
    cases = {
        AdmissionReason.ALREADY_ADMITTED: good.code,
        AdmissionReason.REFUNDED: refunded.code,
        AdmissionReason.NO_TICKET: None,
        AdmissionReason.WRONG_CODE: "ABCDE-FGHJK-MNPQR-STUVW",
    }
    for reason, code in cases.items():
        record = events.admit(campaign_id, code, "Someone")
        assert (record.admitted, record.reason) == (False, reason)
    # A ticket of another event does not open this one.
    assert events.admit(campaign_id, foreign.code, "Eve").reason is AdmissionReason.WRONG_CODE
    assert events.admit(campaign_id, "", "Nobody").reason is AdmissionReason.NO_TICKET

    figures = events.figures(campaign_id)
    assert (figures.admitted, figures.denied) == (1, 7)
    log = events.recent_admissions(campaign_id)
    assert [r.reason for r in log[:2]] == [AdmissionReason.NO_TICKET, AdmissionReason.WRONG_CODE]
    assert log[-1].reason is AdmissionReason.NOT_LIVE  # newest first: the oldest is last
    assert events.ticket(good.ticket.id).status is TicketStatus.ADMITTED


def test_door_batch_admits_each_code_once(service: LedgerService) -> None:
    events = EventService(service)
    campaign_id = event(service)
    service.go_live(campaign_id)
    code = events.buy_ticket(campaign_id, "Ana").sold[0].code
    batch = events.store.admit(campaign_id, [DoorAttempt("Ana", code), DoorAttempt("Ana", code)])
    assert [r.reason for r in batch.records] == [None, AdmissionReason.ALREADY_ADMITTED]
    assert batch.figures.admitted == 1


def _refund_rows(service: LedgerService) -> list[tuple[int | None, bool, str, str]]:
    with service.db.reader.connect() as conn:
        rows = conn.execute(
            select(refunds.c.ticket_id, refunds.c.override, refunds.c.actor_name, refunds.c.reason)
        ).all()
    return [tuple(r) for r in rows]  # type: ignore[misc]


def _audit(service: LedgerService) -> list[tuple[str, int | None, str | None, str | None]]:
    with service.db.reader.connect() as conn:
        rows = conn.execute(
            select(
                audit_log.c.action, audit_log.c.ticket_id, audit_log.c.after, audit_log.c.reason
            ).order_by(audit_log.c.id)
        ).all()
    return [tuple(r) for r in rows]  # type: ignore[misc]


def test_refund_within_the_window_drops_revenue_and_stops_admission(
    service: LedgerService,
) -> None:
    events = EventService(service)
    campaign_id = event(service, starts_in=timedelta(hours=49))
    sale = events.buy_ticket(campaign_id, "Ana").sold[0]
    events.buy_ticket(campaign_id, "Bob")
    outcome = events.refund_ticket(sale.ticket.id, "  cannot attend ", CREATOR)
    assert outcome.override is False
    assert outcome.ticket.status is TicketStatus.REFUNDED
    assert outcome.figures.revenue_minor == 1500
    assert outcome.figures.tickets_sold == 1
    assert _refund_rows(service) == [(sale.ticket.id, False, "Aiko", "cannot attend")]
    assert _audit(service) == [("ticket-refund", sale.ticket.id, "refunded", "cannot attend")]
    with pytest.raises(StateError, match="already refunded"):
        events.refund_ticket(sale.ticket.id, "again", CREATOR)
    service.go_live(campaign_id)
    assert events.admit(campaign_id, sale.code).reason is AdmissionReason.REFUNDED


def test_refund_past_the_window_needs_the_override_which_is_recorded(
    service: LedgerService,
) -> None:
    events = EventService(service)
    campaign_id = event(service, starts_in=timedelta(hours=47))
    ticket = events.buy_ticket(campaign_id, "Ana").sold[0].ticket
    with pytest.raises(StateError, match="override"):
        events.refund_ticket(ticket.id, "asked late", CREATOR)
    assert events.ticket(ticket.id).status is TicketStatus.VALID  # nothing written
    assert _refund_rows(service) == [] and _audit(service) == []
    assert events.figures(campaign_id).revenue_minor == 1500
    outcome = events.refund_ticket(ticket.id, "asked late", CREATOR, override=True)
    assert outcome.override is True
    assert outcome.figures.revenue_minor == 0
    assert _refund_rows(service) == [(ticket.id, True, "Aiko", "asked late")]
    assert _audit(service)[0][0] == "ticket-refund-override"


def test_refund_refusals(service: LedgerService) -> None:
    events = EventService(service)
    campaign_id = event(service)
    ticket = events.buy_ticket(campaign_id, "Ana").sold[0].ticket
    with pytest.raises(ValidationError, match="reason"):
        events.refund_ticket(ticket.id, "   ", CREATOR)
    with pytest.raises(ValidationError, match="creator"):
        events.refund_ticket(ticket.id, "why", Actor(" ", ActorRole.CREATOR))
    with pytest.raises(NotFoundError):
        events.refund_ticket(999_999, "why", CREATOR)
    assert events.ticket(ticket.id).status is TicketStatus.VALID


def test_cancelling_refunds_every_ticket_and_shows_cancelled(service: LedgerService) -> None:
    events = EventService(service)
    campaign_id = event(service, starts_in=timedelta(hours=1))  # past the window: no matter
    service.go_live(campaign_id)
    sales = [events.buy_ticket(campaign_id, f"Buyer {i}").sold[0] for i in range(4)]
    assert events.admit(campaign_id, sales[0].code).admitted
    events.refund_ticket(sales[1].ticket.id, "sick", CREATOR, override=True)
    count, figures = events.cancel_event(campaign_id, "the chef is ill", CREATOR)
    assert count == 3
    assert (figures.tickets_sold, figures.admitted, figures.revenue_minor) == (0, 0, 0)
    # The refunds stay in the figures: 4 tickets refunded (one before, 3 by the cancellation).
    price = service.campaign(campaign_id).ticket_price_minor or 0
    assert (figures.refunded_tickets, figures.refunded_minor) == (4, 4 * price)
    assert events.figures(campaign_id).refunded_tickets == 4
    statuses = {t.status for t in events.store.iter_tickets(campaign_id)}
    assert statuses == {TicketStatus.REFUNDED}
    assert service.campaign(campaign_id).status.value == "cancelled"  # not ended
    assert len(_refund_rows(service)) == 4
    actions = [a for a, *_ in _audit(service)]
    assert actions.count("ticket-refund-cancel") == 3
    assert actions[-1] == "event-cancel"
    with pytest.raises(StateError, match="already cancelled"):
        events.cancel_event(campaign_id, "again", CREATOR)
    with pytest.raises(StateError, match="cancelled"):
        events.buy_ticket(campaign_id, "Late")
    with pytest.raises(StateError, match="cancelled"):
        service.go_live(campaign_id)


def test_a_fundraiser_sells_no_tickets(service: LedgerService) -> None:
    from helpers.ledger import fundraiser

    campaign = fundraiser(service)
    with pytest.raises(StateError, match="fundraiser"):
        EventService(service).buy_ticket(campaign.id, "Ana")


def test_sales_page_newest_first(service: LedgerService) -> None:
    events = EventService(service)
    campaign_id = event(service)
    for i in range(5):
        events.buy_ticket(campaign_id, f"B{i}")
    first = events.recent_sales(campaign_id, limit=3)
    assert [t.buyer_name for t in first] == ["B4", "B3", "B2"]
    older = events.recent_sales(campaign_id, before_id=first[-1].id, limit=3)
    assert [t.buyer_name for t in older] == ["B1", "B0"]


@pytest.fixture(scope="module")
def shared_ledger(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LedgerService]:
    """One SQLite ledger for every example (a fresh event each time): migrating per example
    would dominate the run."""
    service = LedgerService.open(str(tmp_path_factory.mktemp("prop") / "ledger.db"))
    yield service
    service.close()


@settings(max_examples=25)
@given(
    steps=st.lists(
        st.one_of(
            st.tuples(st.just("buy"), st.integers(1, 4)),
            st.tuples(st.just("refund"), st.integers(0, 50)),
            st.tuples(st.just("admit"), st.integers(0, 50)),
        ),
        max_size=25,
    ),
    capacity=st.integers(1, 8),
)
def test_counters_always_equal_the_rows(
    shared_ledger: LedgerService, steps: list[tuple[str, int]], capacity: int
) -> None:
    """Whatever the sequence of sales, refunds and admissions: seats never exceed the capacity
    and the campaign's counters equal what the ticket rows say."""
    service = shared_ledger
    events = EventService(service)
    campaign_id = event(service, capacity=str(capacity), starts_in=timedelta(days=9))
    service.go_live(campaign_id)
    from livegiving_desktop.core.tickets import TicketOrder

    codes: list[tuple[int, str]] = []
    n = 0
    for action, value in steps:
        if action == "buy":
            orders = [TicketOrder(f"o{n + i}", f"B{n + i}") for i in range(value)]
            n += value
            codes += [(s.ticket.id, s.code) for s in events.store.sell(campaign_id, orders).sold]
        elif codes and action == "refund":
            ticket_id = codes[value % len(codes)][0]
            if events.ticket(ticket_id).status is not TicketStatus.REFUNDED:
                events.refund_ticket(ticket_id, "asked", CREATOR, override=True)
        elif codes:
            events.admit(campaign_id, codes[value % len(codes)][1], "A")
    tickets = list(events.store.iter_tickets(campaign_id))
    active = [t for t in tickets if t.status is not TicketStatus.REFUNDED]
    figures = events.figures(campaign_id)
    assert figures.tickets_sold == len(active) <= capacity
    assert figures.revenue_minor == sum(t.amount_minor for t in active)
    assert figures.admitted == sum(t.status is TicketStatus.ADMITTED for t in tickets)
