"""Every committed write of a campaign records a change with the next seq, in the same
transaction: the feed a seat follows names every change, in commit order, with no gap."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import create_engine, text

from helpers.ledger import fundraiser, valid
from livegiving_desktop.core.campaigns import CampaignStatus
from livegiving_desktop.core.errors import StateError
from livegiving_desktop.core.moderation import ModerationSettings
from livegiving_desktop.core.records import Actor, ActorRole
from livegiving_desktop.core.story import StoryDesign
from livegiving_desktop.db.changes import change_rows, current_seq, read_transaction
from livegiving_desktop.services.events import EventService
from livegiving_desktop.services.ledger import LedgerService
from livegiving_desktop.services.moderation import ModerationService
from livegiving_desktop.services.stories import StoryService

pytestmark = pytest.mark.db

SAM = Actor("Sam", ActorRole.MODERATOR)


def _kinds(service: LedgerService, campaign_id: int) -> list[tuple[int, str]]:
    with read_transaction(service.db) as conn:
        return [(e.seq, e.kind) for e in change_rows(conn, campaign_id)]


def _last(service: LedgerService, campaign_id: int):  # type: ignore[no-untyped-def]
    with read_transaction(service.db) as conn:
        return change_rows(conn, campaign_id)[-1]


def test_every_write_of_a_fundraiser_records_a_change(service: LedgerService) -> None:
    moderation = ModerationService(service)
    campaign = fundraiser(service)
    assert _kinds(service, campaign.id) == [(1, "campaign")]

    service.go_live(campaign.id)
    batch = service.store.insert_batch(
        campaign.id, [valid("a", "Ann", message="hello"), valid("b", "Bob", message="hi")]
    )
    first, second = (d.id for d in batch.accepted)
    donations = _last(service, campaign.id)
    assert (donations.kind, donations.first_id, donations.last_id) == ("donations", first, second)
    assert donations.count == 2

    moderation.hide(campaign.id, [first], SAM)
    assert (_last(service, campaign.id).kind, _last(service, campaign.id).ids) == (
        "message",
        (first,),
    )
    assert _last(service, campaign.id).actor == "Sam"
    assert _last(service, campaign.id).detail == {"decision": "hidden"}
    moderation.approve(campaign.id, [first], SAM)
    moderation.set_privacy(campaign.id, [second], SAM, hide_name=True)
    service.thank(campaign.id, [first])
    moderation.refund(second, "card used by mistake", SAM)
    moderation.save_settings(campaign.id, ModerationSettings().with_words("en", ["rude"]), SAM)
    moderation.block_donor(first, SAM)
    moderation.unblock_donor(campaign.id, batch.accepted[0].donor_key, SAM)
    StoryService(service).set_sticker_settings(campaign.id, hours=12)
    StoryService(service).share(campaign.id, "Ann", StoryDesign())
    service.end_broadcast(campaign.id)

    assert _kinds(service, campaign.id) == list(enumerate([
        "campaign", "campaign", "donations", "message", "message", "privacy", "thanks",
        "refund", "rules", "blocked", "blocked", "campaign", "story", "campaign",
    ], start=1))  # fmt: skip
    assert service.campaign(campaign.id).change_seq == 14
    assert current_seq(service.db, campaign.id) == 14
    assert _last(service, campaign.id).detail == {"event": "ended"}


def test_a_write_that_changes_nothing_records_nothing(service: LedgerService) -> None:
    moderation = ModerationService(service)
    campaign = fundraiser(service)
    batch = service.store.insert_batch(campaign.id, [valid("a", "Ann", message="hello")])
    seq = current_seq(service.db, campaign.id)

    service.store.insert_batch(campaign.id, [valid("a", "Ann", message="hello")])  # a replay
    moderation.approve(campaign.id, [batch.accepted[0].id], SAM)  # already visible
    service.thank(campaign.id, [])
    assert current_seq(service.db, campaign.id) == seq


def test_a_refused_write_records_nothing(service: LedgerService) -> None:
    campaign = fundraiser(service)
    service.end_broadcast(campaign.id)
    seq = current_seq(service.db, campaign.id)
    with pytest.raises(StateError):
        service.store.insert_batch(campaign.id, [valid("a")])
    with pytest.raises(StateError):
        service.store.set_status(campaign.id, CampaignStatus.LIVE)
    assert current_seq(service.db, campaign.id) == seq


def test_every_write_of_a_paid_event_records_a_change(service: LedgerService) -> None:
    events = EventService(service)
    event = service.create_paid_event(title="Talk", category="talk", price="10", currency="EUR")
    one = events.buy_ticket(event.id, "Ann").sold[0]
    events.buy_ticket(event.id, "Bob")
    service.go_live(event.id)
    events.admit(event.id, one.code, "Ann")
    events.refund_ticket(one.ticket.id, "asked", Actor("Cleo", ActorRole.CREATOR), override=True)
    events.cancel_event(event.id, "storm", Actor("Cleo", ActorRole.CREATOR))
    kinds = [k for _, k in _kinds(service, event.id)]
    assert kinds == [
        "campaign", "tickets", "tickets", "campaign", "admissions", "tickets", "tickets",
        "campaign",
    ]  # fmt: skip
    with read_transaction(service.db) as conn:
        rows = change_rows(conn, event.id)
    assert rows[4].ids == (one.ticket.id,)  # the door names the ticket it used
    assert rows[5].ids == (one.ticket.id,) and rows[5].detail["event"] == "refund"
    assert rows[6].detail == {"event": "cancel", "count": 1}
    assert rows[7].detail == {"event": "cancelled"}


def test_seqs_are_gap_free_and_in_commit_order_under_concurrent_writers(db_url: str) -> None:
    services = [LedgerService.open(db_url) for _ in range(3)]
    try:
        campaign = fundraiser(services[0])
        errors: list[BaseException] = []

        def write(service: LedgerService, n: int) -> None:
            try:
                for i in range(15):
                    batch = service.store.insert_batch(
                        campaign.id, [valid(f"{n}-{i}", f"Donor {n}", message="hi")]
                    )
                    ModerationService(service).hide(campaign.id, [batch.accepted[0].id], SAM)
            except BaseException as exc:
                errors.append(exc)

        threads = [threading.Thread(target=write, args=(s, n)) for n, s in enumerate(services)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not errors
        kinds = _kinds(services[0], campaign.id)
        assert [seq for seq, _ in kinds] == list(range(1, 92))
        with read_transaction(services[0].db) as conn:
            rows = change_rows(conn, campaign.id)
        batches = [r.first_id for r in rows if r.kind == "donations"]
        assert batches == sorted(batches)  # later seq, later donations: commit order
    finally:
        for s in services:
            s.close()


def test_postgresql_notifies_the_campaign_and_the_seq_at_commit(db_url: str) -> None:
    if not db_url.startswith("postgresql"):
        pytest.skip("NOTIFY is PostgreSQL's")
    import psycopg

    service = LedgerService.open(db_url)
    try:
        campaign = fundraiser(service)
        plain = create_engine(db_url).url.set(drivername="postgresql")
        with psycopg.connect(plain.render_as_string(hide_password=False), autocommit=True) as c:
            c.execute("LISTEN livegiving_changes")
            service.store.insert_batch(campaign.id, [valid("a")])
            got = [n.payload for n in c.notifies(timeout=5, stop_after=1)]
        assert got == [f"{campaign.id}:2"]
    finally:
        service.close()


def test_the_change_row_and_the_write_commit_together(service: LedgerService) -> None:
    # A write that fails after record_change leaves neither the change nor the write.
    campaign = fundraiser(service)
    before = current_seq(service.db, campaign.id)
    with pytest.raises(RuntimeError), service.db.writer.begin() as conn:
        from livegiving_desktop.core.changes import ChangeKind
        from livegiving_desktop.db.changes import record_change

        record_change(conn, campaign.id, ChangeKind.RULES)
        conn.execute(text("UPDATE campaigns SET title = 'x' WHERE id = :c"), {"c": campaign.id})
        raise RuntimeError("the write fails")
    assert current_seq(service.db, campaign.id) == before
    assert service.campaign(campaign.id).title != "x"
