"""A full disk (forced with PRAGMA max_page_count): the user is told in plain words, nothing
acknowledged is lost, and the ledger carries on when space returns."""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers.disk import DiskSpace
from helpers.ledger import fundraiser, valid_many
from livegiving_desktop import cli
from livegiving_desktop.core.donations import DonationDraft
from livegiving_desktop.db.engine import Database, open_database
from livegiving_desktop.services import ingest
from livegiving_desktop.services import ledger as ledger_module
from livegiving_desktop.services.failures import DISK_FULL, describe_failure
from livegiving_desktop.services.ingest import BatchOutcome, IngestError, IngestionPipeline
from livegiving_desktop.services.ledger import LedgerService

WAIT_S = 30


def drafts(count: int, prefix: str) -> list[DonationDraft]:
    return [DonationDraft(f"{prefix}-{i}", f"Donor {i % 40}", 100 + i) for i in range(count)]


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def stored(path: Path, campaign_id: int) -> tuple[int, int, int]:
    """(rows, their sum, the campaign's running total), read by another connection."""
    conn = sqlite3.connect(path)
    try:
        rows, total = conn.execute(
            "SELECT count(*), coalesce(sum(amount_minor), 0) FROM donations"
            " WHERE campaign_id = ? AND status = 'completed'",
            (campaign_id,),
        ).fetchone()
        running = conn.execute(
            "SELECT total_minor FROM campaigns WHERE id = ?", (campaign_id,)
        ).fetchone()[0]
        return rows, total, running
    finally:
        conn.close()


@pytest.fixture
def ledger_path(tmp_path: Path) -> Path:
    return tmp_path / "ledger.db"


@pytest.fixture
def service(ledger_path: Path) -> Iterator[LedgerService]:
    opened = LedgerService.open(str(ledger_path))
    try:
        yield opened
    finally:
        opened.close()


def test_the_batch_waits_for_space_and_is_saved_once_it_returns(
    service: LedgerService, ledger_path: Path
) -> None:
    campaign = fundraiser(service)
    disk = DiskSpace(service.db)
    acknowledged: list[BatchOutcome] = []
    errors: list[Exception] = []
    retried = threading.Event()

    def on_error(exc: Exception) -> None:
        errors.append(exc)
        if len(errors) >= 3:
            retried.set()

    # The live view's pipeline: it never gives up on a batch.
    pipeline = IngestionPipeline(
        service.store, campaign, on_commit=acknowledged.append, on_error=on_error, max_batch=500
    )
    pipeline.submit_many(drafts(1000, "before"))
    assert pipeline.flush(timeout=WAIT_S)
    assert sum(o.accepted_count for o in acknowledged) == 1000

    disk.full = True
    pipeline.submit_many(drafts(1000, "during"))
    assert retried.wait(WAIT_S), "the writer gave up or stopped trying"
    assert [describe_failure(e) for e in errors] == [DISK_FULL] * len(errors)
    assert sum(o.accepted_count for o in acknowledged) == 1000, "acknowledged while not saved"
    rows, total, running = stored(ledger_path, campaign.id)
    assert rows == 1000 and running == total  # what was acknowledged is there, and only that

    disk.full = False  # space returns: the waiting donations are saved without resubmitting
    assert pipeline.flush(timeout=WAIT_S)
    summary = pipeline.close(timeout=WAIT_S)
    assert summary.accepted == sum(o.accepted_count for o in acknowledged) == 2000
    assert acknowledged[-1].stats.total_minor == stored(ledger_path, campaign.id)[1]
    rows, total, running = stored(ledger_path, campaign.id)
    assert (rows, running) == (2000, total)
    assert total == sum(d.amount_minor for d in drafts(1000, "before") + drafts(1000, "during"))
    assert integrity(ledger_path) == "ok"


def test_a_writer_that_gives_up_says_the_disk_is_full_in_plain_words(
    service: LedgerService, ledger_path: Path
) -> None:
    campaign = fundraiser(service)
    service.record_donation(campaign.id, amount="10", donor_name="Before", external_id="b")
    disk = DiskSpace(service.db, full=True)
    # Enough rows in one go that the file must grow (a single row may fit in a page's room).
    pipeline = IngestionPipeline(service.store, campaign, max_attempts=2)
    pipeline.submit_many(drafts(2000, "full"))
    with pytest.raises(IngestError) as caught:
        pipeline.close(timeout=WAIT_S)
    message = str(caught.value)
    assert message == DISK_FULL
    assert "INSERT" not in message and "sqlalche.me" not in message
    assert stored(ledger_path, campaign.id)[0] == 1

    disk.full = False
    outcome = service.record_donation(
        campaign.id, amount="12.50", donor_name="After", external_id="a"
    )
    assert outcome.donation is not None
    rows, total, running = stored(ledger_path, campaign.id)
    assert (rows, total, running) == (2, 1000 + 1250, 1000 + 1250)
    assert integrity(ledger_path) == "ok"


@pytest.fixture
def full_disk_cli(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[DiskSpace]]:
    """The command line, in this process, on a database whose disk is full."""
    disks: list[DiskSpace] = []

    def open_full(url: str) -> Database:
        db = open_database(url)
        disks.append(DiskSpace(db, full=True))
        return db

    monkeypatch.setattr(ledger_module, "open_database", open_full)
    root = logging.getLogger()
    handlers = list(root.handlers)
    try:
        yield disks
    finally:
        for handler in set(root.handlers) - set(handlers):  # cli.main adds the log file
            root.removeHandler(handler)
            handler.close()


def test_the_command_line_says_the_disk_is_full_and_recovers(
    service: LedgerService,
    ledger_path: Path,
    full_disk_cli: list[DiskSpace],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ingest, "RETRY_FIRST_S", 0.001)  # the 20 attempts of a rehearsal
    monkeypatch.setattr(ingest, "RETRY_MAX_S", 0.01)
    campaign = fundraiser(service)
    service.simulate(campaign.id, count=500, seed=1)  # a file with some history
    before = stored(ledger_path, campaign.id)
    args = ["--db", str(ledger_path)]
    # A rehearsal big enough that the file has to grow.
    code = cli.main(["simulate", "--campaign", str(campaign.id), "--count", "3000", *args])
    captured = capsys.readouterr()
    assert code == 1
    assert captured.err == "livegiving: the ledger could not be written: the disk is full\n"
    assert captured.out == ""
    assert stored(ledger_path, campaign.id) == before
    assert integrity(ledger_path) == "ok"

    monkeypatch.undo()  # space returns
    code = cli.main(["simulate", "--campaign", str(campaign.id), "--count", "3000", *args])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    rows, total, running = stored(ledger_path, campaign.id)
    assert (rows, running) == (before[0] + 3000, total)
    assert integrity(ledger_path) == "ok"


def test_the_figures_are_read_while_the_disk_is_full(service: LedgerService) -> None:
    # Regression: reading the figures catches the donor statistics up first, a write; on a full
    # disk the live view's refresh failed every 2 s with the SQL of that catch-up.
    campaign = fundraiser(service)
    service.store.insert_batch(
        campaign.id, valid_many((f"d{i}", f"Donor {i}", 100 + i) for i in range(1000))
    )
    disk = DiskSpace(service.db, full=True)
    stats = service.stats(campaign.id)
    assert (stats.total_minor, stats.donation_count) == (sum(range(100, 1100)), 1000)
    assert len(service.top_donors(campaign.id)) <= 5
    disk.full = False
    assert service.stats(campaign.id).donor_count == 1000
    assert service.top_donors(campaign.id, limit=1)[0].total_minor == 1099
