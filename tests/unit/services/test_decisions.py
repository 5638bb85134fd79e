"""Decisions name the state they saw (compare-and-set on the donation's version): when approve
and hide race from two seats exactly one wins and the other is told who decided what; a bulk
decision is one transaction, all or nothing (two processes, SQLite and PostgreSQL)."""

from __future__ import annotations

import random
import time

import pytest

from helpers.ledger import fundraiser, valid
from helpers.seat import Seat
from livegiving_desktop.core.decisions import ConflictError, seen_versions
from livegiving_desktop.core.errors import NotFoundError, StateError
from livegiving_desktop.core.records import Actor, ActorRole
from livegiving_desktop.services.ledger import LedgerService
from livegiving_desktop.services.moderation import ModerationService

pytestmark = pytest.mark.db

SAM = Actor("Sam", ActorRole.MODERATOR)
ALEX = Actor("Alex", ActorRole.MODERATOR)
ROUNDS = 4


def _held(service: LedgerService, campaign_id: int, count: int) -> list[int]:
    batch = service.store.insert_batch(
        campaign_id,
        [valid(f"h{i}", f"Donor {i}", message="you are a fucking idiot") for i in range(count)],
    )
    assert {d.message_status for d in batch.accepted} == {"held"}
    return [d.id for d in batch.accepted]


def test_approve_and_hide_racing_from_two_seats_have_one_winner(
    service: LedgerService, db_url: str
) -> None:
    campaign = fundraiser(service)
    ids = _held(service, campaign.id, ROUNDS)
    start = time.time() + 3.0  # both seats are up and waiting by then
    rounds = [{"at": start + 0.25 * i, "seen": {str(d): 0}} for i, d in enumerate(ids)]
    hides = [{**r, "action": "hide"} for r in rounds]
    approvals = [{**r, "action": "approve"} for r in rounds]
    sam = Seat(db_url, "decide", {"campaign": campaign.id, "actor": "Sam", "rounds": hides})
    alex = Seat(db_url, "decide", {"campaign": campaign.id, "actor": "Alex", "rounds": approvals})
    sam_says = [line for line in sam.read_until("finished") if "won" in line]
    alex_says = [line for line in alex.read_until("finished") if "won" in line]
    assert sam.wait() == 0 and alex.wait() == 0

    audit = service.audit_entries(campaign.id)
    stored = {d.id: d for d in ModerationService(service).donations(campaign.id, ids)}
    for donation_id, s, a in zip(ids, sam_says, alex_says, strict=True):
        assert s["won"] != a["won"]  # exactly one winner
        decisions = [e for e in audit if e.donation_id == donation_id]
        assert len(decisions) == 1
        if s["won"]:
            assert stored[donation_id].message_status == "hidden"
            assert a["sentences"] == ["Sam hid this message"]
            assert a["message"] == "Sam hid this message; nothing was changed"
        else:
            assert stored[donation_id].message_status == "visible"
            assert s["sentences"] == ["Alex approved this message"]
        assert stored[donation_id].version == 1
    assert service.stats(campaign.id).held_count == 0


def test_a_bulk_refund_after_another_seat_refunded_one_refunds_nothing(
    service: LedgerService, db_url: str
) -> None:
    campaign = fundraiser(service)
    moderation = ModerationService(service)
    batch = service.store.insert_batch(campaign.id, [valid(f"r{i}", f"D{i}") for i in range(10)])
    seen = seen_versions(batch.accepted)  # what this seat shows
    ids = sorted(seen)
    other = Seat(db_url, "writes", {"campaign": campaign.id, "actor": "Sam",
                                    "script": [["refund", {"id": ids[3]}]]})  # fmt: skip
    other.read_until("finished")
    assert other.wait() == 0
    total = service.stats(campaign.id).total_minor

    with pytest.raises(ConflictError) as lost:
        moderation.refund_many(campaign.id, ids, "fraud", ALEX, seen=seen)
    assert lost.value.sentences == [f"Sam refunded donation {ids[3]}"]
    assert str(lost.value) == f"Sam refunded donation {ids[3]}; nothing was changed"
    assert service.stats(campaign.id).total_minor == total  # nothing refunded
    assert service.store.completed_sum(campaign.id)[1] == 9

    fresh = seen_versions(moderation.donations(campaign.id, ids))  # the view shows the truth
    change = moderation.refund_many(campaign.id, ids, "fraud", ALEX, seen=fresh)
    assert change.summary is not None
    assert change.summary.unchanged == (ids[3],)
    assert len(change.summary.changed) == 9
    assert change.stats.total_minor == 0 == service.store.completed_sum(campaign.id)[0]


def test_a_seat_killed_during_a_bulk_refund_refunds_all_or_none(
    service: LedgerService, db_url: str
) -> None:
    campaign = fundraiser(service)
    rng = random.Random()
    for attempt in range(2):
        batch = service.store.insert_batch(
            campaign.id, [valid(f"k{attempt}-{i}", f"D{i % 30}") for i in range(150)]
        )
        ids = [d.id for d in batch.accepted]
        seat = Seat(db_url, "decide", {"campaign": campaign.id, "actor": "Sam", "rounds": [
            {"action": "refund", "seen": {str(i): 0 for i in ids}}]})  # fmt: skip
        seat.read_until("started")
        time.sleep(rng.uniform(0.0, 0.15))
        seat.kill()
        refunded = [d for d in ModerationService(service).donations(campaign.id, ids)
                    if d.status == "refunded"]  # fmt: skip
        assert len(refunded) in (0, 150)
        assert service.store.completed_sum(campaign.id) == (
            service.stats(campaign.id).total_minor,
            service.stats(campaign.id).donation_count,
        )


def test_conflicts_are_told_in_words_for_every_decision(service: LedgerService) -> None:
    campaign = fundraiser(service)
    moderation = ModerationService(service)
    batch = service.store.insert_batch(
        campaign.id, [valid(f"w{i}", f"D{i}", message="hello") for i in range(3)]
    )
    a, b, c = batch.accepted
    moderation.set_privacy(campaign.id, [a.id], SAM, hide_name=True, seen={a.id: 0})
    moderation.set_privacy(campaign.id, [b.id], SAM, hide_amount=True, seen={b.id: 0})
    with pytest.raises(ConflictError) as one:
        moderation.hide(campaign.id, [a.id], ALEX, seen={a.id: 0})
    assert one.value.sentences == ["Sam named this donor as Anonymous"]
    with pytest.raises(ConflictError) as two:
        moderation.block_donors(
            campaign.id, [a.id, b.id, c.id], ALEX, seen=seen_versions(batch.accepted)
        )
    assert two.value.sentences == [
        f"Sam named the donor of donation {a.id} as Anonymous",
        f"Sam hid the amount of donation {b.id}",
    ]
    assert moderation.blocked_donors(campaign.id) == []  # all or nothing
    with pytest.raises(NotFoundError):
        moderation.hide(campaign.id, [a.id, 999_999], ALEX)
    moderation.refund(c.id, "asked", SAM)
    with pytest.raises(StateError, match="already refunded; nothing was refunded"):
        moderation.refund_many(campaign.id, [b.id, c.id], "again", SAM)  # no versions named
    assert moderation.donations(campaign.id, [b.id])[0].status == "completed"
