"""The ledger store on every configured database: idempotent batches, exact totals, donors."""

from __future__ import annotations

import pytest

from helpers.ledger import fundraiser, valid, valid_many
from livegiving_desktop.core.errors import NotFoundError, StateError
from livegiving_desktop.core.text import donor_key
from livegiving_desktop.services.ledger import LedgerService

pytestmark = pytest.mark.db


def test_a_batch_is_stored_and_counted(service: LedgerService) -> None:
    campaign = fundraiser(service)
    store = service.store
    written = store.insert_batch(
        campaign.id,
        [valid("a", "Alice", 1000), valid("b", "Bob", 2550, message="www.spam.example")],
    )
    assert written.accepted_count == 2
    assert written.duplicates == []
    assert written.held_count == 1
    assert written.stats.total_minor == 3550
    assert written.stats.donation_count == 2
    stored = {d.external_id: d for d in store.iter_donations(campaign.id)}
    assert set(stored) == {"a", "b"}
    assert stored["b"].amount_minor == 2550
    assert stored["b"].message_status == "held"
    assert stored["a"].currency == "EUR"
    assert stored["a"].status == "completed"
    assert [d.id for d in written.accepted] == [stored["a"].id, stored["b"].id]
    assert service.campaign(campaign.id).total_minor == 3550
    assert service.campaign(campaign.id).held_count == 1


def test_a_replayed_external_id_is_dropped_not_counted(service: LedgerService) -> None:
    campaign = fundraiser(service)
    store = service.store
    store.insert_batch(campaign.id, [valid("hook-1", "Alice", 1000)])
    replay = store.insert_batch(
        campaign.id, [valid("hook-1", "Alice", 1000), valid("hook-2", "Bob", 500)]
    )
    assert replay.duplicates == ["hook-1"]
    assert replay.accepted_count == 1
    assert [d.external_id for d in replay.accepted] == ["hook-2"]
    assert replay.stats.total_minor == 1500
    only_replay = store.insert_batch(campaign.id, [valid("hook-1", "Alice", 99_900)])
    assert only_replay.accepted_count == 0
    assert only_replay.duplicates == ["hook-1"]
    assert store.completed_sum(campaign.id) == (1500, 2)
    assert service.campaign(campaign.id).total_minor == 1500


def test_a_duplicate_inside_one_batch_is_counted_once(service: LedgerService) -> None:
    campaign = fundraiser(service)
    written = service.store.insert_batch(
        campaign.id,
        [valid("x", "Alice", 1000), valid("y", "Bob", 700), valid("x", "Alice", 1000)],
    )
    assert written.accepted_count == 2
    assert written.duplicates == ["x"]
    assert written.stats.total_minor == 1700
    assert service.store.completed_sum(campaign.id) == (1700, 2)


def test_the_same_external_id_counts_in_two_campaigns(service: LedgerService) -> None:
    first, second = fundraiser(service, title="One"), fundraiser(service, title="Two")
    service.store.insert_batch(first.id, [valid("hook-1", "Alice", 1000)])
    written = service.store.insert_batch(second.id, [valid("hook-1", "Alice", 1000)])
    assert written.accepted_count == 1
    assert service.campaign(first.id).total_minor == 1000
    assert service.campaign(second.id).total_minor == 1000


def test_running_total_equals_the_sum_of_the_rows(service: LedgerService) -> None:
    campaign = fundraiser(service)
    expected = 0
    for batch in range(6):
        items = [(f"b{batch}-{i}", f"Donor {i % 17}", 100 + 37 * i + batch) for i in range(150)]
        items += [(f"b{max(0, batch - 1)}-{i}", "Replay", 100) for i in range(0, 150, 10)]
        written = service.store.insert_batch(campaign.id, valid_many(items))
        expected += sum(amount for _, _, amount in items[:150])
        assert written.stats.total_minor == expected
    total, count = service.store.completed_sum(campaign.id)
    assert (total, count) == (expected, 900)
    record = service.campaign(campaign.id)
    assert (record.total_minor, record.donation_count) == (total, count)


def test_yen_amounts_are_stored_in_whole_yen(service: LedgerService) -> None:
    campaign = fundraiser(service, currency="JPY", goal="500000")
    rules = campaign.donation_rules
    service.store.insert_batch(campaign.id, [valid("y1", "Sato", 1000, rules=rules)])
    assert service.store.completed_sum(campaign.id) == (1000, 1)
    assert next(service.store.iter_donations(campaign.id)).currency == "JPY"


def test_donor_statistics(service: LedgerService) -> None:
    campaign = fundraiser(service)
    store = service.store
    store.insert_batch(
        campaign.id,
        [
            valid("1", "Alice Martin", 1000),
            valid("2", "bob", 5000),
            valid("3", "  alice   MARTIN ", 500),  # the same donor, spelled differently
            valid("4", "Shy Donor", 3000, anonymous=True),
        ],
    )
    store.insert_batch(
        campaign.id,
        [valid("5", "Shy Donor", 3000, anonymous=True), valid("6", "Chloé", 200)],
    )
    names = ["Alice Martin", "bob", "alice MARTIN", "Shy Donor", "Chloé"]
    stats = service.stats(campaign.id)
    assert stats.donor_count == len({donor_key(n) for n in names}) == 4
    assert stats.total_minor == 12_700
    assert stats.donation_count == 6

    top = service.top_donors(campaign.id, limit=3)
    assert [(t.total_minor, t.donation_count) for t in top] == [(6000, 2), (5000, 1), (1500, 2)]
    assert top[0].name is None  # always anonymous: never named, even to the organizer's screen
    assert top[1].name == "bob"
    assert top[2].name is not None and donor_key(top[2].name) == "alice martin"


def test_donor_statistics_catch_up_in_steps(service: LedgerService) -> None:
    campaign = fundraiser(service)
    store = service.store
    store.insert_batch(campaign.id, [valid("1", "Alice", 1000)])
    assert service.stats(campaign.id).donor_count == 1
    store.insert_batch(campaign.id, [valid("2", "alice", 1000), valid("3", "Zoé", 100)])
    assert service.stats(campaign.id).donor_count == 2
    assert service.top_donors(campaign.id)[0].total_minor == 2000
    assert store.catch_up_donor_stats(campaign.id) == 0  # nothing new: nothing to do


def test_recent_donations_page_newest_first(service: LedgerService) -> None:
    campaign = fundraiser(service)
    for batch in range(3):
        service.store.insert_batch(
            campaign.id, valid_many((f"{batch}-{i}", f"D{i}", 100 + i) for i in range(10))
        )
    first_page = service.recent_donations(campaign.id, limit=12)
    assert [d.external_id for d in first_page[:2]] == ["2-9", "2-8"]
    ids = [d.id for d in first_page]
    assert ids == sorted(ids, reverse=True)
    second_page = service.recent_donations(campaign.id, before_id=ids[-1], limit=12)
    third_page = service.recent_donations(campaign.id, before_id=second_page[-1].id, limit=12)
    assert len(second_page) == 12 and len(third_page) == 6
    everything = first_page + second_page + third_page
    assert len({d.id for d in everything}) == 30
    assert everything[-1].external_id == "0-0"
    assert service.recent_donations(campaign.id, before_id=everything[-1].id) == []


def test_mark_thanked_reports_only_the_newly_thanked(service: LedgerService) -> None:
    campaign = fundraiser(service)
    written = service.store.insert_batch(
        campaign.id, valid_many((f"t{i}", f"D{i}", 100) for i in range(4))
    )
    ids = [d.id for d in written.accepted]
    assert sorted(service.thank(campaign.id, ids[:2])) == ids[:2]
    assert sorted(service.thank(campaign.id, ids)) == ids[2:]
    assert service.thank(campaign.id, ids) == []
    assert service.thank(campaign.id, []) == []
    assert all(d.thanked for d in service.store.iter_donations(campaign.id))
    assert service.unthanked(campaign.id) == []


def test_thanking_another_campaigns_donation_does_nothing(service: LedgerService) -> None:
    mine, other = fundraiser(service, title="Mine"), fundraiser(service, title="Other")
    written = service.store.insert_batch(other.id, [valid("o1", "Olga", 100)])
    assert service.thank(mine.id, [written.accepted[0].id]) == []
    assert not service.store.donation(written.accepted[0].id).thanked


def test_an_ended_campaign_takes_no_batch(service: LedgerService) -> None:
    campaign = fundraiser(service)
    service.end_broadcast(campaign.id)
    with pytest.raises(StateError, match="ended"):
        service.store.insert_batch(campaign.id, [valid("late", "Late", 1000)])
    assert service.store.completed_sum(campaign.id) == (0, 0)


def test_an_unknown_campaign_is_not_found(service: LedgerService) -> None:
    with pytest.raises(NotFoundError) as caught:
        service.store.insert_batch(4242, [valid("x", "X", 1000)])
    assert caught.value.field == "campaign"
    with pytest.raises(NotFoundError):
        service.campaign(4242)


def test_campaign_lifecycle_is_stored(service: LedgerService) -> None:
    campaign = fundraiser(service)
    assert campaign.status.value == "draft"
    live = service.go_live(campaign.id)
    assert live.status.value == "live" and live.started_at_us is not None
    ended = service.end_broadcast(campaign.id)
    assert ended.status.value == "ended" and ended.ended_at_us is not None
    with pytest.raises(StateError):
        service.go_live(campaign.id)
    assert service.campaign(campaign.id).status.value == "ended"


def test_a_batch_larger_than_one_statement_with_a_late_replay(service: LedgerService) -> None:
    campaign = fundraiser(service)
    store = service.store
    store.insert_batch(campaign.id, [valid("old-7", "Early", 100)])
    items = [(f"n{i}", f"Donor {i % 40}", 100 + i) for i in range(2500)]
    items.insert(1800, ("old-7", "Early", 100))  # in the second statement's rows
    written = store.insert_batch(campaign.id, valid_many(items))
    assert written.duplicates == ["old-7"]
    assert written.accepted_count == 2500
    by_external_id = {d.external_id: d for d in store.iter_donations(campaign.id)}
    assert len(by_external_id) == 2501
    for d in written.accepted:  # every reported id is the stored row of that donation
        assert by_external_id[d.external_id].id == d.id
        assert by_external_id[d.external_id].amount_minor == d.amount_minor
    expected = 100 + sum(amount for _, _, amount in items) - 100
    assert store.completed_sum(campaign.id) == (expected, 2501)


def test_a_name_whose_identity_key_expands_is_stored(service: LedgerService) -> None:
    # Regression: donor_key was String(400) and failed the whole batch on PostgreSQL.
    campaign = fundraiser(service)
    name = "ﷺ" * 100  # one character, 18 after NFKC: a valid name of 100 characters
    assert len(donor_key(name)) > 400
    written = service.store.insert_batch(
        campaign.id, [valid("long-key", name, 1000), valid("plain", "Alice", 500)]
    )
    assert written.accepted_count == 2
    assert service.store.completed_sum(campaign.id) == (1500, 2)
    assert service.stats(campaign.id).donor_count == 2


def test_top_donors_above_a_watermark_match_every_donation_counted_whole(
    service: LedgerService,
) -> None:
    """The top donors merged in one statement (the aggregate's top and the donors above its
    watermark) are the ones every completed donation, counted whole, gives; a donor only
    above the watermark ranks after an equal total of the aggregate."""
    import random

    from livegiving_desktop.db import views
    from livegiving_desktop.db.changes import read_transaction

    campaign = fundraiser(service)
    store = service.store
    rng = random.Random(5)
    names = [f"Donor {i}" for i in range(40)]
    n = 0

    def batch(size: int) -> None:
        nonlocal n
        rows = []
        for _ in range(size):
            n += 1
            rows.append(valid(str(n), rng.choice(names), rng.choice([100, 500, 1000, 2500])))
        store.insert_batch(campaign.id, rows)

    batch(150)
    store.catch_up_donor_stats(campaign.id)  # the aggregate holds these
    batch(120)  # these are above the watermark
    with read_transaction(service.db) as conn:
        mark = views.watermark(conn, campaign.id)
        assert mark.behind > 0
        top = views.top_donors(conn, campaign.id, mark, 8)
    totals: dict[str, list[int]] = {}
    for d in service.iter_donations(campaign.id):
        entry = totals.setdefault(d.donor_name, [0, 0])
        entry[0] += d.amount_minor
        entry[1] += 1
    expected = sorted(totals.values(), key=lambda e: -e[0])[:8]
    assert [(t.total_minor, t.donation_count) for t in top][:1] == [tuple(expected[0])]
    assert [t.total_minor for t in top] == [e[0] for e in expected]
    for t in top:
        assert t.name is not None and totals[t.name] == [t.total_minor, t.donation_count]
    store.catch_up_donor_stats(campaign.id)  # all folded in: the same answer from the aggregate
    with read_transaction(service.db) as conn:
        mark = views.watermark(conn, campaign.id)
        assert mark.behind == 0
        again = views.top_donors(conn, campaign.id, mark, 8)
    assert [(t.total_minor, t.donation_count) for t in again] == [
        (t.total_minor, t.donation_count) for t in top
    ]
