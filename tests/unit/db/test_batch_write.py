"""One batch of the ingestion path, column by column, on every configured database: what the
ledger stores, the campaign's counters and the change row of a batch that mixes replays, a
duplicate inside the batch, held messages, review flags, new and returning donors. The lean
write path (db/ledger.py) must store exactly this."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import event

from helpers.ledger import fundraiser, valid
from livegiving_desktop.core.donations import DonationSource, ValidDonation
from livegiving_desktop.core.errors import StateError
from livegiving_desktop.core.moderation import FlagTracker, ModerationRules, default_settings
from livegiving_desktop.core.records import CampaignRecord, StoredDonation
from livegiving_desktop.db.changes import change_rows, read_transaction
from livegiving_desktop.services.ledger import LedgerService

pytestmark = pytest.mark.db

RECEIVED_US = 1_796_000_000_000_000


def _reviewed(items: list[ValidDonation], blocked: tuple[str, ...] = ()) -> list[ValidDonation]:
    """The campaign's default review flags (large amount 500 EUR, large first 200 EUR) applied
    as the pipeline applies them."""
    rules = ModerationRules(default_settings(2), blocked_donors=blocked)
    return rules.review(list(items), FlagTracker(), 0.0)


def _changes(service: LedgerService, campaign_id: int):  # type: ignore[no-untyped-def]
    with read_transaction(service.db) as conn:
        return list(change_rows(conn, campaign_id))


def _row(
    d: ValidDonation, donation_id: int, campaign: CampaignRecord, *, after: bool = False
) -> StoredDonation:
    """The stored row a new donation must become."""
    return StoredDonation(
        donation_id, campaign.id, d.external_id, RECEIVED_US, d.donor_name, d.anonymous,
        d.amount_minor, campaign.currency, d.message, d.message_status, "completed", d.source,
        False, d.donor_key, d.flags, False, False, 0, after, d.review_reasons,
    )  # fmt: skip


@pytest.mark.parametrize("want_rows", [True, False])
def test_a_mixed_batch_stores_exactly_its_new_donations(
    service: LedgerService, want_rows: bool
) -> None:
    campaign = fundraiser(service)
    store = service.store
    first = store.insert_batch(campaign.id, [valid("old-1", "Alice", 1000)], RECEIVED_US)
    (old,) = first.accepted
    seq_before = _changes(service, campaign.id)[-1].seq

    batch = [
        valid("old-1", "Alice", 1000),  # a replay of a stored donation
        valid("n-1", "Bob", 2500, message="Bravo !"),
        valid("n-2", "Carol", 700, message="www.spam.example"),  # held: a link
        valid("n-1", "Bob", 9900, message="again"),  # the same id twice: the first one counts
        valid("n-3", "Zoë Big", 60_000),  # flagged: a large amount, a large first donation
        valid("n-4", "  alice  ", 300, anonymous=True),  # Alice again, anonymously
        valid("n-5", "Dave", 500, message="hello"),  # a blocked donor: held and flagged
    ]
    batch = _reviewed(batch, blocked=("dave",))
    assert batch[4].flags == "large-amount,large-first" and batch[4].review_reasons
    assert batch[6].message_status == "held" and batch[6].flags == "blocked-donor"
    assert batch[3].flags is None  # the second copy of n-1: its own fields are dropped

    written = store.insert_batch(campaign.id, batch, RECEIVED_US, want_rows=want_rows)

    assert written.duplicates == ["old-1", "n-1"]
    assert written.accepted_count == 5
    assert written.held_count == 2
    stored = list(store.iter_donations(campaign.id))
    assert stored[0] == old
    new = stored[1:]
    ids = [d.id for d in new]
    assert ids == sorted(ids) and ids[0] > old.id  # in the batch's order, after the old one
    kept = [batch[k] for k in (1, 2, 4, 5, 6)]
    expected = [_row(d, i, campaign) for d, i in zip(kept, ids, strict=True)]
    assert new == expected
    assert written.accepted == (expected if want_rows else [])

    total = 1000 + 2500 + 700 + 60_000 + 300 + 500
    record = service.campaign(campaign.id)
    assert (record.total_minor, record.donation_count, record.held_count) == (total, 6, 2)
    assert record.unthanked_count == 6
    assert (record.after_broadcast_count, record.after_broadcast_minor) == (0, 0)
    stats = written.stats
    assert (stats.total_minor, stats.donation_count, stats.held_count) == (total, 6, 2)
    assert stats.donor_count == record.donor_count
    assert store.completed_sum(campaign.id) == (total, 6)

    change = _changes(service, campaign.id)[-1]
    assert change.seq == seq_before + 1
    assert (change.kind, change.at_us) == ("donations", RECEIVED_US)
    assert (change.first_id, change.last_id) == (ids[0], ids[-1])
    assert change.detail == {"count": 5, "held": 2}
    # Every figure of the batch on the ledger as the moderation console reads it.
    assert service.stats(campaign.id).donor_count == 5  # alice, bob, carol, zoë big, dave
    assert json.loads(new[2].review_reasons or "[]")[0]["rule"] == "large-amount"


def test_a_batch_of_replays_only_changes_nothing(service: LedgerService) -> None:
    campaign = fundraiser(service)
    store = service.store
    store.insert_batch(campaign.id, [valid("a", "Ann", 1000), valid("b", "Bob", 2000)])
    before = service.campaign(campaign.id)
    changes_before = _changes(service, campaign.id)

    written = store.insert_batch(campaign.id, [valid("b", "Bob", 2000), valid("a", "Ann", 500)])

    assert (written.accepted, written.accepted_count, written.held_count) == ([], 0, 0)
    assert written.duplicates == ["b", "a"]
    assert (written.stats.total_minor, written.stats.donation_count) == (3000, 2)
    assert service.campaign(campaign.id) == before
    assert _changes(service, campaign.id) == changes_before  # no change row, no seq taken
    assert store.completed_sum(campaign.id) == (3000, 2)


def test_a_large_batch_keeps_every_row_in_order(service: LedgerService) -> None:
    """More rows than one SQLite statement takes: several statements, one transaction."""
    campaign = fundraiser(service)
    store = service.store
    store.insert_batch(campaign.id, [valid("r-1500", "Early", 100)])
    items = [valid(f"r-{i}", f"Donor {i % 97}", 100 + i) for i in range(2600)]
    items = _reviewed(items)

    written = store.insert_batch(campaign.id, items, RECEIVED_US)

    assert written.duplicates == ["r-1500"]
    assert written.accepted_count == 2599
    stored = list(store.iter_donations(campaign.id))[1:]
    assert [d.external_id for d in stored] == [d.external_id for d in items if d[0] != "r-1500"]
    assert [d.flags for d in stored] == [d.flags for d in items if d[0] != "r-1500"]
    assert written.accepted == stored
    change = _changes(service, campaign.id)[-1]
    assert (change.first_id, change.last_id, change.count) == (stored[0].id, stored[-1].id, 2599)
    total = 100 + sum(d.amount_minor for d in items if d[0] != "r-1500")
    assert service.campaign(campaign.id).total_minor == total == written.stats.total_minor


def test_batches_of_any_size_store_every_row_and_share_a_few_statements(
    service: LedgerService,
) -> None:
    """SQLite prepares a multi-row INSERT in time quadratic in its rows (0.18 s for 1,000),
    once per statement text: whatever sizes the batches come in, their INSERTs are of a few
    sizes (500 or a power of two), and a replay at a statement's edge is dropped alone.
    PostgreSQL: one INSERT text for every batch (psycopg parsed a new multi-row statement of
    each batch again, 5 times the time of plain executemany: benchmarks/pg_write.py)."""
    campaign = fundraiser(service)
    store = service.store
    inserts: set[str] = set()

    def _seen(statement: str) -> None:
        if statement.startswith("INSERT INTO donations"):
            inserts.add(statement)

    # The batch runs its SQL on the sqlite3 cursor itself: sqlite3 traces what it executes.
    if service.db.dialect == "sqlite":
        event.listen(service.db.writer, "checkout", lambda c, *_: c.set_trace_callback(_seen))
    else:
        event.listen(service.db.writer, "before_cursor_execute", lambda c, u, s, *_: _seen(s))
    expected: list[str] = []
    for size in (1, 3, 127, 128, 129, 255, 300, 999, 1000, 1300):
        items = [valid(f"s{size}-{i}", f"Donor {i % 13}", 100 + i) for i in range(size)]
        if expected and size > 256:
            # A replay in a later statement (for 300 = 256 + 32 + 8 + 4, its first row).
            items[256] = valid(expected[-1], "Replayed", 100)
        written = store.insert_batch(campaign.id, items, RECEIVED_US)
        new = [d.external_id for d in items if d.external_id not in expected]
        assert written.accepted_count == len(new)
        assert [d.external_id for d in written.accepted] == new
        expected += new

    stored = list(store.iter_donations(campaign.id))
    assert [d.external_id for d in stored] == expected
    assert [d.id for d in stored] == sorted(d.id for d in stored)
    if service.db.dialect == "sqlite":
        rows = sorted({statement.count("'completed', 0, ") for statement in inserts})
        assert rows == [1, 2, 4, 8, 16, 32, 64, 128, 256, 500]
    else:
        assert len(inserts) == 1, inserts


def test_offline_donations_after_the_broadcast_are_marked_and_counted(
    service: LedgerService,
) -> None:
    campaign = fundraiser(service)
    service.go_live(campaign.id)
    service.store.insert_batch(campaign.id, [valid("live-1", "Ann", 1000)])
    service.end_broadcast(campaign.id)
    offline = [
        valid("cheque-1", "Bob", 5000)._replace(source=DonationSource.OFFLINE.value),
        valid("cheque-2", "Carl", 2500)._replace(source=DonationSource.OFFLINE.value),
        valid("cheque-1", "Bob", 5000)._replace(source=DonationSource.OFFLINE.value),
    ]

    written = service.store.insert_batch(campaign.id, offline, RECEIVED_US)

    assert written.duplicates == ["cheque-1"]
    assert [d.after_broadcast for d in written.accepted] == [True, True]
    stored = list(service.store.iter_donations(campaign.id))
    assert [(d.external_id, d.after_broadcast) for d in stored] == [
        ("live-1", False), ("cheque-1", True), ("cheque-2", True),
    ]  # fmt: skip
    assert stored[1:] == written.accepted
    record = service.campaign(campaign.id)
    assert (record.after_broadcast_count, record.after_broadcast_minor) == (2, 7500)
    assert (record.total_minor, record.donation_count, record.unthanked_count) == (8500, 3, 3)

    seq = _changes(service, campaign.id)[-1].seq
    with pytest.raises(StateError):  # a stream donation after the end: nothing written
        service.store.insert_batch(campaign.id, [valid("late", "Dan", 100)])
    assert service.campaign(campaign.id) == record
    assert _changes(service, campaign.id)[-1].seq == seq
