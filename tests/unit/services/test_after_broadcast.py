"""Offline donations (cheques, cash) still come in after a broadcast: an ended fundraiser
takes them, marked "after the broadcast", counted in the total, the summary and the export."""

from __future__ import annotations

import csv
import io
import json

import pytest

from helpers.ledger import fundraiser, valid
from livegiving_desktop.core.errors import StateError
from livegiving_desktop.core.records import Actor, ActorRole
from livegiving_desktop.services.events import EventService
from livegiving_desktop.services.ledger import LedgerService

pytestmark = pytest.mark.db

CONTRACT = [
    "donation_id", "external_id", "received_at", "donor_name", "anonymous", "amount",
    "currency", "message", "status", "message_status", "thanked",
]  # fmt: skip


def ended_with_one_gift(service: LedgerService) -> int:
    campaign = fundraiser(service)
    service.go_live(campaign.id)
    service.store.insert_batch(campaign.id, [valid("live-1", "Alice", 2000)])
    service.end_broadcast(campaign.id)
    return campaign.id


def test_an_ended_fundraiser_takes_an_offline_donation(service: LedgerService) -> None:
    campaign_id = ended_with_one_gift(service)
    outcome = service.record_donation(campaign_id, amount="150", donor_name="Mairie",
                                      message="Chèque")  # fmt: skip
    assert outcome.donation is not None
    assert outcome.donation.after_broadcast is True
    campaign = service.campaign(campaign_id)
    assert campaign.total_minor == 2000 + 15_000  # counted in the total
    assert (campaign.after_broadcast_count, campaign.after_broadcast_minor) == (1, 15_000)
    assert campaign.unthanked_count == 2
    [stored] = [d for d in service.recent_donations(campaign_id) if d.external_id != "live-1"]
    assert stored.after_broadcast
    live = [d for d in service.recent_donations(campaign_id) if d.external_id == "live-1"]
    assert not live[0].after_broadcast


def test_the_summary_gives_the_after_broadcast_part(service: LedgerService) -> None:
    campaign_id = ended_with_one_gift(service)
    service.record_donation(campaign_id, amount="150", donor_name="Mairie")
    service.record_donation(campaign_id, amount="50", donor_name="Alice")
    summary = service.broadcast_summary(campaign_id)
    assert summary.total_minor == 22_000
    assert summary.donation_count == 3
    assert summary.donor_count == 2
    assert summary.average_minor == 22_000 // 3
    assert (summary.after_broadcast_count, summary.after_broadcast_minor) == (2, 20_000)
    assert summary.during_broadcast_minor == 2000
    assert summary.duration_s is not None and summary.duration_s >= 0


def test_the_export_adds_a_last_column(service: LedgerService) -> None:
    campaign_id = ended_with_one_gift(service)
    service.record_donation(campaign_id, amount="150", donor_name="Mairie")
    out = io.StringIO()
    service.export_donations(campaign_id, "csv", out)
    rows = list(csv.reader(io.StringIO(out.getvalue(), newline="")))
    assert rows[0] == [*CONTRACT, "after_broadcast"]  # the contract's columns unchanged
    assert [(r[3], r[-1]) for r in rows[1:]] == [("Alice", "false"), ("Mairie", "true")]
    out = io.StringIO()
    service.export_donations(campaign_id, "json", out)
    assert [d["after_broadcast"] for d in json.loads(out.getvalue())] == [False, True]


def test_a_refund_takes_it_out_of_the_after_broadcast_part(service: LedgerService) -> None:
    campaign_id = ended_with_one_gift(service)
    outcome = service.record_donation(campaign_id, amount="150", donor_name="Mairie")
    assert outcome.donation is not None
    service.refund_donation(outcome.donation.id, "cheque bounced",
                            Actor("Sam", ActorRole.MODERATOR))  # fmt: skip
    campaign = service.campaign(campaign_id)
    assert (campaign.after_broadcast_count, campaign.after_broadcast_minor) == (0, 0)
    assert campaign.total_minor == 2000


def test_only_offline_donations_after_the_broadcast(service: LedgerService) -> None:
    campaign_id = ended_with_one_gift(service)
    with pytest.raises(StateError, match="ended"):
        service.store.insert_batch(campaign_id, [valid("stream-late", "Bob", 500)])
    assert service.campaign(campaign_id).total_minor == 2000


def test_a_cancelled_event_takes_nothing(service: LedgerService) -> None:
    event = service.create_paid_event(title="Jazz", category="performance", price="10",
                                      currency="EUR")  # fmt: skip
    EventService(service).cancel_event(event.id, "storm", Actor("Ana", ActorRole.CREATOR))
    with pytest.raises(StateError, match="cancelled"):
        service.record_donation(event.id, amount="5", donor_name="Bob")
