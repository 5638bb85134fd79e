"""EventService: the simulated audience of a paid event, revenue beside donations, exports."""

from __future__ import annotations

import csv
import dataclasses
import io
import json

import pytest

from livegiving_desktop.core.campaigns import paid_event_spec
from livegiving_desktop.core.errors import StateError, ValidationError
from livegiving_desktop.core.records import Actor, ActorRole
from livegiving_desktop.core.tickets import AdmissionReason, TicketStatus
from livegiving_desktop.services.events import TICKET_COLUMNS, EventService
from livegiving_desktop.services.ledger import LedgerService
from livegiving_desktop.services.moderation import ModerationService

pytestmark = pytest.mark.db

CONTRACT_KEYS = {"accepted", "duplicates_dropped", "rejected", "held", "total_minor", "currency",
                 "tickets_sold", "admitted", "denied", "revenue_minor"}  # fmt: skip


def _event(service: LedgerService, capacity: str | None = "300", **extra: str) -> int:
    spec = paid_event_spec(
        title="Live jazz", category="performance", price="20", currency="EUR", capacity=capacity,
        catalog=service.catalog, **extra,  # type: ignore[arg-type]
    )  # fmt: skip
    return service.create_campaign(spec).id


def test_a_draft_rehearses_the_pre_sale(service: LedgerService) -> None:
    events = EventService(service)
    campaign_id = _event(service)
    report = events.simulate(campaign_id, count=120, seed=4)
    summary = report.summary()
    assert set(summary) >= CONTRACT_KEYS
    assert summary["tickets_sold"] == summary["accepted"] == 120
    assert summary["admitted"] == summary["denied"] == 0
    assert summary["revenue_minor"] == 120 * 2000
    assert summary["total_minor"] == 0 and summary["currency"] == "EUR"


def test_live_audience_buys_and_tries_to_get_in(service: LedgerService) -> None:
    events = EventService(service)
    campaign_id = _event(service, capacity="250")
    service.go_live(campaign_id)
    report = events.simulate(campaign_id, count=1500, seed=11, duplicates=0.05)
    summary = report.summary()
    campaign = service.campaign(campaign_id)
    assert summary["tickets_sold"] == campaign.tickets_sold == 250  # sold out, never over
    assert summary["rejected"] > 0  # orders after the last seat
    assert summary["duplicates_dropped"] > 0
    assert summary["revenue_minor"] == 250 * 2000
    assert 0 < summary["admitted"] <= 250
    assert summary["denied"] > 0
    reasons = {r.reason for r in events.recent_admissions(campaign_id, limit=5000)}
    assert {AdmissionReason.NO_TICKET, AdmissionReason.WRONG_CODE,
            AdmissionReason.ALREADY_ADMITTED, None} <= reasons  # fmt: skip
    admitted = [t for t in events.store.iter_tickets(campaign_id)
                if t.status is TicketStatus.ADMITTED]  # fmt: skip
    assert len(admitted) == summary["admitted"]


def test_event_raising_money_keeps_two_totals(service: LedgerService) -> None:
    events = EventService(service)
    campaign_id = _event(service, capacity=None, organization_id="croix-rouge-francaise",
                         goal="1000")  # fmt: skip
    service.go_live(campaign_id)
    summary = events.simulate(campaign_id, count=800, seed=2).summary()
    total, count = service.store.completed_sum(campaign_id)
    assert summary["total_minor"] == total > 0
    assert summary["revenue_minor"] == summary["tickets_sold"] * 2000
    assert summary["accepted"] == summary["tickets_sold"] + count
    campaign = service.campaign(campaign_id)
    assert (campaign.organization_id, campaign.goal_minor) == ("croix-rouge-francaise", 100000)


def test_donations_at_an_event_follow_the_campaigns_moderation_rules(
    service: LedgerService,
) -> None:
    campaign_id = _event(service, capacity=None, organization_id="croix-rouge-francaise",
                         goal="1000")  # fmt: skip
    moderation = ModerationService(service)
    strict = dataclasses.replace(moderation.settings(campaign_id), large_amount_minor=100)
    moderation.save_settings(campaign_id, strict, Actor("Sam", ActorRole.MODERATOR))
    service.go_live(campaign_id)
    EventService(service).simulate(campaign_id, count=400, seed=2)
    donations = list(service.store.iter_donations(campaign_id))
    assert donations
    # Every gift is at least 1.00 EUR, so the saved 1.00 threshold flags each one for review.
    assert all(d.flags and "large-amount" in d.flags for d in donations)


def test_simulation_refusals(service: LedgerService) -> None:
    events = EventService(service)
    campaign_id = _event(service)
    with pytest.raises(ValidationError, match="count"):
        events.simulate(campaign_id)
    with pytest.raises(ValidationError, match="duplicates"):
        events.simulate(campaign_id, count=1, duplicates=1.0)
    events.cancel_event(campaign_id, "rain", Actor("me", ActorRole.CREATOR))
    with pytest.raises(StateError, match="was cancelled"):
        events.simulate(campaign_id, count=1)


def test_export_csv_and_json_follow_the_contract(service: LedgerService) -> None:
    events = EventService(service)
    campaign_id = _event(service)
    events.buy_ticket(campaign_id, '=HYPERLINK("x")', "ext-1")
    sold = events.buy_ticket(campaign_id, "Zoé", "ext-2").sold[0]
    events.refund_ticket(sold.ticket.id, "asked", Actor("me", ActorRole.CREATOR))
    out = io.StringIO()
    assert events.export_tickets(campaign_id, "csv", out) == 2
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == TICKET_COLUMNS == (
        "ticket_id", "external_id", "purchased_at", "buyer_name", "amount", "currency", "status",
    )  # fmt: skip
    assert rows[1][3] == '\'=HYPERLINK("x")'  # neutralised for spreadsheets
    assert rows[1][4:] == ["20.00", "EUR", "valid"]
    assert rows[2][6] == "refunded"
    assert rows[1][2].endswith("+00:00")
    out = io.StringIO()
    events.export_tickets(campaign_id, "json", out)
    data = json.loads(out.getvalue())
    assert list(data[0]) == list(TICKET_COLUMNS)
    assert data[0]["buyer_name"] == '=HYPERLINK("x")'  # JSON keeps the text as given
    assert data[1]["status"] == "refunded" and data[1]["amount"] == "20.00"
    with pytest.raises(ValidationError, match="format"):
        events.export_tickets(campaign_id, "xml", io.StringIO())


def test_the_door_check_says_the_buyers_name(service: LedgerService) -> None:
    # "Admitted: ticket 132" told the creator nothing: the result carries the buyer's name.
    events = EventService(service)
    campaign_id = _event(service)
    sold = events.buy_ticket(campaign_id, "Aiko Tanaka").sold[0]
    service.go_live(campaign_id)
    admitted = events.admit(campaign_id, sold.code)
    assert (admitted.admitted, admitted.buyer_name) == (True, "Aiko Tanaka")
    again = events.admit(campaign_id, sold.code, "Someone else")
    assert again.reason is AdmissionReason.ALREADY_ADMITTED
    assert again.buyer_name == "Aiko Tanaka"  # whose code was used already
    wrong = events.admit(campaign_id, "ABCDE-FGHJK-MNPQR-STUVW")
    assert wrong.buyer_name is None
    logged = events.recent_admissions(campaign_id)
    assert [r.buyer_name for r in logged] == [None, "Aiko Tanaka", "Aiko Tanaka"]


def test_a_cancelled_event_keeps_its_refunds_in_the_figures(service: LedgerService) -> None:
    # A cancelled event showed ENDED with "0 tickets sold", its refunded tickets gone.
    events = EventService(service)
    campaign_id = _event(service)
    for name in ("Ana", "Bo", "Cy"):
        events.buy_ticket(campaign_id, name)
    count, figures = events.cancel_event(campaign_id, "storm", Actor("Ana", ActorRole.CREATOR))
    assert count == 3
    campaign = service.campaign(campaign_id)
    assert campaign.status.value == "cancelled"
    price = campaign.ticket_price_minor or 0
    assert (figures.refunded_tickets, figures.refunded_minor) == (3, 3 * price)
    assert (campaign.refunded_tickets, campaign.refunded_ticket_minor) == (3, 3 * price)
    assert [t.status for t in events.recent_sales(campaign_id)] == [TicketStatus.REFUNDED] * 3
