"""The ingestion pipeline: validated drafts become committed batches, reported once durable."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import bindparam, text

from helpers.ledger import fundraiser
from livegiving_desktop.core.donations import DonationDraft
from livegiving_desktop.db.engine import open_database
from livegiving_desktop.services.ingest import BatchOutcome, IngestError, IngestionPipeline
from livegiving_desktop.services.ledger import LedgerService

pytestmark = pytest.mark.db

STORED_IDS = text("SELECT count(*) FROM donations WHERE id IN :ids").bindparams(
    bindparam("ids", expanding=True)
)


def drafts(count: int, prefix: str = "d", amount: int = 500) -> list[DonationDraft]:
    return [DonationDraft(f"{prefix}-{i}", f"Donor {i % 50}", amount) for i in range(count)]


def test_batches_are_reported_only_once_committed(service: LedgerService, db_url: str) -> None:
    campaign = fundraiser(service)
    observer = open_database(db_url, migrate=False)  # another connection, as another process
    seen: list[tuple[int, int, int]] = []
    lock = threading.Lock()

    def on_commit(outcome: BatchOutcome) -> None:
        ids = [d.id for d in outcome.accepted]
        with observer.reader.connect() as conn:
            found = conn.execute(STORED_IDS, {"ids": ids}).scalar_one()
            total = conn.execute(
                text("SELECT total_minor FROM campaigns WHERE id = :c"), {"c": campaign.id}
            ).scalar_one()
        with lock:
            seen.append((len(ids), found, total))

    try:
        pipeline = IngestionPipeline(service.store, campaign, on_commit=on_commit, max_batch=100)
        pipeline.submit_many(drafts(250))
        summary = pipeline.close()
    finally:
        observer.close()
    assert [n for n, _, _ in seen] == [100, 100, 50]
    assert all(found == n for n, found, _ in seen), seen
    assert [total for _, _, total in seen] == [50_000, 100_000, 125_000]
    assert summary.accepted == 250
    assert summary.batches == 3


def test_a_large_submission_is_cut_at_max_batch(service: LedgerService) -> None:
    campaign = fundraiser(service)
    sizes: list[int] = []
    pipeline = IngestionPipeline(
        service.store, campaign, on_commit=lambda o: sizes.append(o.accepted_count)
    )
    assert pipeline.max_batch == 1000
    pipeline.submit_many(drafts(2500))
    summary = pipeline.close()
    assert sizes == [1000, 1000, 500]
    assert summary.batches == 3
    assert service.store.completed_sum(campaign.id) == (1_250_000, 2500)


def test_committed_counts_grow_batch_by_batch(service: LedgerService) -> None:
    campaign = fundraiser(service)
    outcomes: list[BatchOutcome] = []
    pipeline = IngestionPipeline(
        service.store, campaign, on_commit=outcomes.append, max_batch=300, want_rows=False
    )
    pipeline.submit_many(drafts(700))
    pipeline.close()
    assert [o.committed for o in outcomes] == [300, 600, 700]
    assert [o.stats.total_minor for o in outcomes] == [150_000, 300_000, 350_000]
    assert all(o.accepted == [] for o in outcomes)  # want_rows=False: counts only


def test_refused_drafts_are_counted_by_field(service: LedgerService) -> None:
    campaign = fundraiser(service)  # minimum 1.00 EUR
    pipeline = IngestionPipeline(service.store, campaign)
    bad = [
        DonationDraft("r1", "", 500),
        DonationDraft("r2", "x" * 101, 500),
        DonationDraft("r3", "Tiny", 99),
        DonationDraft("r4", "Huge", 10_000_001),
        DonationDraft("r5", "Chatty", 500, "m" * 501),
    ]
    refusals = pipeline.submit_many([*bad, DonationDraft("ok", "Fine", 500)])
    summary = pipeline.close()
    assert [r.field for r in refusals] == [
        "donor name",
        "donor name",
        "amount",
        "amount",
        "message",
    ]
    assert summary.rejected == 5
    assert summary.rejections == {"donor name": 2, "amount": 2, "message": 1}
    assert summary.accepted == 1
    assert [d.external_id for d in service.store.iter_donations(campaign.id)] == ["ok"]


def test_close_returns_the_summary(service: LedgerService) -> None:
    campaign = fundraiser(service)
    pipeline = IngestionPipeline(service.store, campaign)
    pipeline.submit_many(
        [
            DonationDraft("a", "Alice", 1000, "Bravo"),
            DonationDraft("b", "Bob", 2000, "connard"),
            DonationDraft("a", "Alice", 1000, "Bravo"),
        ]
    )
    assert pipeline.flush(timeout=30)
    pipeline.submit_many([DonationDraft("b", "Bob", 2000, "connard")])
    summary = pipeline.close(timeout=30)
    assert (summary.accepted, summary.duplicates_dropped, summary.held) == (2, 2, 1)
    assert summary.rejected == 0
    assert summary.stats is not None
    assert summary.stats.total_minor == 3000
    assert summary.stats.held_count == 1


def test_donations_to_an_ended_campaign_are_refused(service: LedgerService) -> None:
    campaign = fundraiser(service)
    pipeline = IngestionPipeline(service.store, campaign)
    service.end_broadcast(campaign.id)
    pipeline.submit_many(drafts(3))
    summary = pipeline.close()
    assert summary.accepted == 0
    assert summary.rejections == {"campaign": 3}
    assert service.store.completed_sum(campaign.id) == (0, 0)


def test_donations_arriving_one_by_one_share_transactions(service: LedgerService) -> None:
    campaign = fundraiser(service)
    pipeline = IngestionPipeline(service.store, campaign, max_delay=0.3)
    for draft in drafts(50):
        pipeline.submit_many([draft])
    summary = pipeline.close()
    assert summary.accepted == 50
    assert summary.batches < 10  # one transaction per batch, not one per donation


def test_a_failing_commit_listener_never_hangs_the_producer(tmp_path) -> None:
    service = LedgerService.open(str(tmp_path / "listener.db"))
    try:
        campaign = fundraiser(service)

        def on_commit(outcome: BatchOutcome) -> None:
            raise BrokenPipeError("the progress reader went away")

        pipeline = IngestionPipeline(
            service.store, campaign, on_commit=on_commit, max_batch=10, queue_chunks=2
        )
        errors: list[Exception] = []

        def produce() -> None:
            try:
                for chunk in range(6):
                    pipeline.submit_many(drafts(10, prefix=f"c{chunk}"))
            except IngestError as exc:
                errors.append(exc)

        producer = threading.Thread(target=produce, daemon=True)
        producer.start()
        producer.join(timeout=5)
        assert not producer.is_alive(), "submit_many is blocked for good"
        try:
            summary = pipeline.close(timeout=5)
        except IngestError as exc:
            errors.append(exc)
        else:
            # Either the failure reaches the submitter, or every donation was committed.
            assert errors or summary.accepted == 60
    finally:
        service.close()


def _broken_store(service: LedgerService, monkeypatch: pytest.MonkeyPatch) -> None:
    """The store fails with an error the pipeline does not expect (a driver or code bug)."""

    def insert_batch(*args: object, **kwargs: object) -> None:
        raise RuntimeError("unexpected failure inside the ledger writer")

    monkeypatch.setattr(service.store, "insert_batch", insert_batch)


def test_an_unexpected_writer_failure_is_not_reported_as_a_duplicate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = LedgerService.open(str(tmp_path / "broken.db"))
    try:
        campaign = fundraiser(service)
        _broken_store(service, monkeypatch)
        # Nothing could be stored: the answer is a failure, never "already recorded".
        with pytest.raises(IngestError):
            service.record_donation(
                campaign.id, amount="10", donor_name="Alice", external_id="fresh-id"
            )
        monkeypatch.undo()
        assert service.store.completed_sum(campaign.id) == (0, 0)
    finally:
        service.close()


def test_an_unexpected_writer_failure_reaches_the_submitter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = LedgerService.open(str(tmp_path / "broken.db"))
    try:
        campaign = fundraiser(service)
        _broken_store(service, monkeypatch)
        pipeline = IngestionPipeline(service.store, campaign, max_batch=10, queue_chunks=2)
        errors: list[Exception] = []

        def produce() -> None:
            try:
                for chunk in range(6):
                    pipeline.submit_many(drafts(10, prefix=f"c{chunk}"))
                pipeline.close(timeout=2)
            except IngestError as exc:
                errors.append(exc)

        producer = threading.Thread(target=produce, daemon=True)
        producer.start()
        producer.join(timeout=2)  # 60 donations take well under 0.2 s
        assert not producer.is_alive(), "submit_many is blocked for good"
        assert errors, "the failure must reach the submitter as an IngestError"
    finally:
        service.close()
