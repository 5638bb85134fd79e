"""A thank queue that tells the truth: N is the count of unthanked completed donations in the
ledger whatever happened (batches, thanks, refunds, "thank all" and its undo), the queue
pages through all of them, and "thank all" is one transaction that can be undone exactly."""

from __future__ import annotations

import random

import pytest
from sqlalchemy import text

from helpers.ledger import fundraiser, valid
from livegiving_desktop.core.errors import StateError
from livegiving_desktop.core.records import Actor, ActorRole
from livegiving_desktop.services.ledger import LedgerService

pytestmark = pytest.mark.db

SAM = Actor("Sam", ActorRole.MODERATOR)


def unthanked_rows(service: LedgerService, campaign_id: int) -> set[int]:
    """The truth, from the rows themselves (what the export says)."""
    with service.db.reader.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT id FROM donations WHERE campaign_id = :c AND status = 'completed'"
                " AND NOT thanked"
            ),
            {"c": campaign_id},
        )
        return {int(r[0]) for r in rows}


def whole_queue(service: LedgerService, campaign_id: int, page: int = 200) -> list[int]:
    """Page through the queue with before_id, as the view does when scrolled down."""
    ids: list[int] = []
    before: int | None = None
    while True:
        rows = service.unthanked(campaign_id, page, before_id=before)
        ids.extend(d.id for d in rows)
        if len(rows) < page:
            return ids
        before = rows[-1].id


def add(service: LedgerService, campaign_id: int, count: int, prefix: str) -> list[int]:
    written = service.store.insert_batch(
        campaign_id, [valid(f"{prefix}-{i}", f"Donor {i % 37}", 100 + i) for i in range(count)]
    )
    return [d.id for d in written.accepted]


def test_n_is_every_unthanked_donation_not_the_first_page(service: LedgerService) -> None:
    # "To thank (N)" stopped at 300 live and reloaded 200 after a restart: N is the ledger's.
    campaign = fundraiser(service)
    add(service, campaign.id, 1000, "a")
    assert service.unthanked_count(campaign.id) == 1000
    assert service.campaign(campaign.id).unthanked_count == 1000
    assert len(service.unthanked(campaign.id)) == 200  # a page
    queue = whole_queue(service, campaign.id)
    assert len(queue) == len(set(queue)) == 1000
    assert queue == sorted(queue, reverse=True)  # newest first
    assert set(queue) == unthanked_rows(service, campaign.id)


def test_the_queue_can_also_be_jumped_into_with_an_offset(service: LedgerService) -> None:
    campaign = fundraiser(service)
    ids = add(service, campaign.id, 450, "a")
    newest_first = sorted(ids, reverse=True)
    pages = [service.unthanked(campaign.id, 200, offset=o) for o in (0, 200, 400)]
    assert [d.id for page in pages for d in page] == newest_first
    assert [d.id for d in service.unthanked(campaign.id, 10, offset=445)] == newest_first[445:]


def test_thank_all_thanks_every_one_in_one_transaction(service: LedgerService) -> None:
    # After "Thank all" the view said 263 left while the export had 720 of 1,000 unthanked.
    campaign = fundraiser(service)
    ids = add(service, campaign.id, 1000, "a")
    service.thank(campaign.id, ids[:30])  # thanked one by one before
    outcome = service.thank_all(campaign.id)
    assert outcome.thanked == 970
    assert outcome.unthanked_count == 0
    assert service.unthanked_count(campaign.id) == 0
    assert unthanked_rows(service, campaign.id) == set()
    assert whole_queue(service, campaign.id) == []


def test_undo_restores_exactly_what_thank_all_thanked(service: LedgerService) -> None:
    campaign = fundraiser(service)
    ids = add(service, campaign.id, 300, "a")
    service.thank(campaign.id, ids[:10])
    outcome = service.thank_all(campaign.id)
    later = add(service, campaign.id, 5, "b")  # arrive during the undo window
    service.thank(campaign.id, later[:2])
    assert service.unthanked_count(campaign.id) == 3
    left = service.undo_thank_all(outcome)
    # Back in the queue: the 290 thank-all thanked, plus the 3 new ones never thanked. The
    # 10 thanked before and the 2 thanked since stay thanked.
    assert left == 293
    assert unthanked_rows(service, campaign.id) == set(ids[10:]) | set(later[2:])
    assert service.unthanked_count(campaign.id) == 293


def test_undo_leaves_out_what_was_refunded_since(service: LedgerService) -> None:
    campaign = fundraiser(service)
    ids = add(service, campaign.id, 20, "a")
    outcome = service.thank_all(campaign.id)
    service.refund_donation(ids[0], "card used by mistake", SAM)
    assert service.undo_thank_all(outcome) == 19
    assert unthanked_rows(service, campaign.id) == set(ids[1:])


def test_undo_is_only_for_a_few_seconds(service: LedgerService) -> None:
    campaign = fundraiser(service)
    add(service, campaign.id, 3, "a")
    outcome = service.thank_all(campaign.id)
    with pytest.raises(StateError, match="too late"):
        service.undo_thank_all(outcome, now=outcome.undo_until + 0.1)
    assert service.unthanked_count(campaign.id) == 0


def test_two_thank_alls_are_undone_apart(service: LedgerService) -> None:
    # Each "thank all" has its own stamp, even twice in the same microsecond.
    campaign = fundraiser(service)
    first_ids = add(service, campaign.id, 4, "a")
    first = service.thank_all(campaign.id)
    second_ids = add(service, campaign.id, 6, "b")
    second = service.thank_all(campaign.id)
    assert second.done.stamp > first.done.stamp
    assert service.undo_thank_all(second) == 6
    assert unthanked_rows(service, campaign.id) == set(second_ids)
    assert service.undo_thank_all(first) == 10
    assert unthanked_rows(service, campaign.id) == set(first_ids) | set(second_ids)


def test_thank_all_through_what_the_view_showed(service: LedgerService) -> None:
    campaign = fundraiser(service)
    ids = add(service, campaign.id, 10, "a")
    outcome = service.thank_all(campaign.id, through_id=ids[6])
    assert outcome.thanked == 7
    assert unthanked_rows(service, campaign.id) == set(ids[7:])


def test_refunded_donations_leave_the_queue(service: LedgerService) -> None:
    campaign = fundraiser(service)
    ids = add(service, campaign.id, 5, "a")
    service.thank(campaign.id, [ids[1]])
    service.refund_donation(ids[0], "duplicate charge", SAM)  # unthanked: leaves the queue
    service.refund_donation(ids[1], "duplicate charge", SAM)  # thanked: was not in it
    assert service.unthanked_count(campaign.id) == 3
    assert set(whole_queue(service, campaign.id)) == set(ids[2:])
    # Thanking a refunded donation does not take it from the count twice.
    service.thank(campaign.id, [ids[0]])
    assert service.unthanked_count(campaign.id) == 3


def test_n_stays_the_count_of_the_rows_through_any_mix(service: LedgerService) -> None:
    campaign = fundraiser(service)
    rng = random.Random(15)
    outcomes = []
    for step in range(40):
        roll = rng.random()
        present = sorted(unthanked_rows(service, campaign.id))
        if roll < 0.35:
            add(service, campaign.id, rng.randint(1, 40), f"s{step}")
        elif roll < 0.55 and present:
            service.thank(campaign.id, rng.sample(present, min(len(present), rng.randint(1, 9))))
        elif roll < 0.7 and present:
            service.refund_donation(rng.choice(present), "test", SAM)  # completed: refundable
        elif roll < 0.85:
            outcomes.append(service.thank_all(campaign.id))
        elif outcomes:
            service.undo_thank_all(outcomes.pop(rng.randrange(len(outcomes))))
        truth = unthanked_rows(service, campaign.id)
        assert service.unthanked_count(campaign.id) == len(truth), step
    assert set(whole_queue(service, campaign.id, page=7)) == unthanked_rows(service, campaign.id)
