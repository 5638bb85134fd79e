"""A view's snapshot names its seq: loaded while another seat writes, then followed from that
seq, every donation is shown exactly once (in the snapshot or in a change) and the figures end
equal to the ledger's (two processes, SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from helpers.feed import Collector
from helpers.ledger import fundraiser, valid
from helpers.seat import Seat
from livegiving_desktop.core.moderation import ModerationSettings
from livegiving_desktop.core.records import Actor, ActorRole
from livegiving_desktop.db.changes import current_seq
from livegiving_desktop.db.ledger import campaigns
from livegiving_desktop.services.changes import ChangeFollower
from livegiving_desktop.services.events import EventService
from livegiving_desktop.services.ledger import LedgerService
from livegiving_desktop.services.moderation import ModerationService
from livegiving_desktop.services.snapshots import load_console, load_event, load_fundraiser

pytestmark = pytest.mark.db

SAM = Actor("Sam", ActorRole.MODERATOR)


def test_the_snapshot_holds_what_the_live_view_shows(service: LedgerService) -> None:
    campaign = fundraiser(service)
    moderation = ModerationService(service)
    batch = service.store.insert_batch(
        campaign.id,
        [valid(f"s{i}", f"Donor {i % 4}", 100 * (i + 1), message="hi") for i in range(12)],
    )
    moderation.set_privacy(campaign.id, [batch.accepted[11].id], SAM, hide_name=True)
    service.thank(campaign.id, [batch.accepted[0].id])
    moderation.save_settings(campaign.id, ModerationSettings().with_words("en", ["stream"]), SAM)

    snapshot = load_fundraiser(service, campaign.id)

    # The same figures as the ledger's own reads (which catch the donor figures up first).
    assert snapshot.stats == service.stats(campaign.id)
    assert snapshot.top == service.top_donors(campaign.id)
    assert snapshot.recent == service.recent_donations(campaign.id)
    assert snapshot.unthanked == service.unthanked(campaign.id)
    assert snapshot.organization == "Croix-Rouge française"
    assert snapshot.moderation is not None
    assert snapshot.moderation.classify("nice stream") == "held"
    assert snapshot.seq == current_seq(service.db, campaign.id) == snapshot.campaign.change_seq


def test_a_snapshot_never_writes(service: LedgerService) -> None:
    campaign = fundraiser(service)
    service.store.insert_batch(campaign.id, [valid(f"w{i}", f"D{i}") for i in range(5)])
    before = service.campaign(campaign.id)
    snapshot = load_fundraiser(service, campaign.id)
    assert snapshot.stats.donor_count == 5  # exact without folding the donors in
    with service.db.reader.connect() as conn:  # the aggregate was left as it was
        through = conn.execute(
            select(campaigns.c.donors_through_id).where(campaigns.c.id == campaign.id)
        ).scalar_one()
    assert through == 0
    assert service.campaign(campaign.id) == before


def test_snapshot_then_follow_shows_every_donation_once(
    service: LedgerService, db_url: str
) -> None:
    campaign = fundraiser(service)
    service.record_donation(campaign.id, amount="5", donor_name="Early")
    writer = Seat(db_url, "writes", {"campaign": campaign.id, "script": [
        ["donate", {"count": 40, "amount": "3", "donor": "Busy"}],
    ]})  # fmt: skip
    writer.read()  # the first of its donations is committed: load the snapshot meanwhile
    snapshot = load_fundraiser(service, campaign.id, page=10_000)
    got = Collector()
    follower = ChangeFollower(service.db, got.on_changes)
    try:
        follower.follow(campaign.id, snapshot.seq)
        writer.read_until("finished")
        assert writer.wait() == 0
        head = current_seq(service.db, campaign.id)
        if head > snapshot.seq:
            got.wait(lambda: got.seqs()[-1:] == [head])
        shown = [d.id for d in snapshot.recent] + [
            d.id for c in got.delivered() for d in c.new_donations
        ]
        every = [d.id for d in service.recent_donations(campaign.id, limit=10_000)]
        assert sorted(shown) == sorted(every)  # each exactly once
        assert len(every) == 41
        last_total = got.delivered()[-1].stats.total_minor if got.delivered() else 0
        assert last_total == service.stats(campaign.id).total_minor == 500 + 40 * 300
        assert 1 < len(snapshot.recent) < 41  # it was loaded mid-way (else the test says little)
    finally:
        follower.close(5.0)
        writer.kill()


def test_the_paid_event_snapshot_and_its_seq(service: LedgerService) -> None:
    events = EventService(service)
    event = service.create_paid_event(title="Talk", category="talk", price="10", currency="EUR")
    events.buy_ticket(event.id, "Ann")
    snapshot = load_event(events, event.id)
    assert [t.buyer_name for t in snapshot.sales] == ["Ann"]
    assert snapshot.figures.tickets_sold == 1 and snapshot.figures.revenue_minor == 1000
    assert snapshot.moderation is None
    got = Collector()
    follower = ChangeFollower(service.db, got.on_changes)
    try:
        follower.follow(event.id, snapshot.seq)
        events.buy_ticket(event.id, "Bob")
        got.wait(lambda: bool(got.delivered()))
        change = got.delivered()[0]
        assert [t.buyer_name for t in change.new_tickets] == ["Bob"]
        assert change.figures is not None and change.figures.tickets_sold == 2
    finally:
        follower.close(5.0)


def test_the_console_snapshot(service: LedgerService) -> None:
    campaign = fundraiser(service)
    moderation = ModerationService(service)
    batch = service.store.insert_batch(campaign.id, [valid("c1", "Ann", message="hello")])
    moderation.block_donor(batch.accepted[0].id, SAM)
    snapshot = load_console(service, campaign.id)
    assert [b.donor_name for b in snapshot.blocked] == ["Ann"]
    assert [a.action for a in snapshot.audit] == ["block-donor"]
    assert snapshot.seq == current_seq(service.db, campaign.id)
