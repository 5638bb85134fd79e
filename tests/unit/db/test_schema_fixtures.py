"""A database made by each earlier schema version, with data, upgrades with nothing lost.

tests/fixtures/schema/NNNN.sqlite is a small database as schema NNNN stored it, and NNNN.json
every row it held (made once by make_fixture.py, see the README there). Each is copied, opened
with the app (which migrates it to the current schema) and compared row by row and total by
total; then the app must read, count, export and extend it as any other ledger.
"""

from __future__ import annotations

import io
import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from livegiving_desktop.core.campaigns import CampaignKind, CampaignStatus
from livegiving_desktop.db.engine import HEAD_REVISION, SCHEMA_REVISIONS
from livegiving_desktop.services.ledger import LedgerService

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "schema"
MAKE = "python tests/fixtures/schema/make_fixture.py"
# Columns a later migration renamed or dropped: {(table, old column): new column or None}.
MOVED: dict[tuple[str, str], str | None] = {}


def fixture_files() -> list[Path]:
    return sorted(FIXTURES.glob("*.sqlite"))


def expected_of(fixture: Path) -> dict[str, Any]:
    return json.loads(fixture.with_suffix(".json").read_text(encoding="utf-8"))


def test_every_schema_revision_has_a_fixture() -> None:
    missing = [r for r in SCHEMA_REVISIONS if not (FIXTURES / f"{r}.sqlite").is_file()]
    assert not missing, f"make the fixture of each new schema revision: {MAKE} {missing[0]}"
    for fixture in fixture_files():
        assert fixture.with_suffix(".json").is_file(), f"{fixture.name} without its .json"
        assert expected_of(fixture)["revision"] == fixture.stem


@pytest.mark.parametrize("fixture", fixture_files(), ids=lambda p: p.stem)
def test_the_fixture_is_what_its_version_stored(fixture: Path) -> None:
    # The fixture's own rows agree with themselves: its running totals are its donations'.
    tables = expected_of(fixture)["tables"]
    for campaign in tables["campaigns"]:
        mine = [d for d in tables["donations"] if d["campaign_id"] == campaign["id"]]
        completed = [d for d in mine if d["status"] == "completed"]
        assert campaign["total_minor"] == sum(d["amount_minor"] for d in completed)
        assert campaign["donation_count"] == len(completed)
    conn = sqlite3.connect(f"{fixture.as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        (revision,) = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    finally:
        conn.close()
    assert revision == fixture.stem


@pytest.fixture(params=fixture_files(), ids=lambda p: p.stem)
def upgraded(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    """A copy of the fixture, opened once by the app (migrated to the current schema)."""
    fixture: Path = request.param
    before = fixture.read_bytes()
    path = tmp_path / fixture.name
    shutil.copyfile(fixture, path)
    LedgerService.open(str(path)).close()
    assert fixture.read_bytes() == before, "the test must work on a copy"
    return path, expected_of(fixture)


def test_every_row_survives_the_upgrade(upgraded: tuple[Path, dict[str, Any]]) -> None:
    path, expected = upgraded
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        (revision,) = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        assert revision == HEAD_REVISION
        for table, rows in expected["tables"].items():
            stored = {row["id"]: dict(row) for row in conn.execute(f'SELECT * FROM "{table}"')}
            assert sorted(stored) == sorted(r["id"] for r in rows), f"rows of {table}"
            for row in rows:
                now = stored[row["id"]]
                for column, value in row.items():
                    moved = MOVED.get((table, column), column)
                    if moved is not None:
                        assert now[moved] == value, (table, row["id"], column)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()


def test_the_upgraded_ledger_counts_exports_and_takes_donations(
    upgraded: tuple[Path, dict[str, Any]],
) -> None:
    path, expected = upgraded
    donations = expected["tables"]["donations"]
    service = LedgerService.open(str(path))
    try:
        for campaign in service.campaigns():
            mine = [d for d in donations if d["campaign_id"] == campaign.id]
            completed = [d for d in mine if d["status"] == "completed"]
            total, count = service.store.completed_sum(campaign.id)
            assert (campaign.total_minor, campaign.donation_count) == (total, count)
            assert total == sum(d["amount_minor"] for d in completed)
            # Donor statistics caught up on the upgraded file: one donor per identity key.
            stats = service.stats(campaign.id)
            assert stats.donor_count == len({d["donor_key"] for d in completed})
            top = service.top_donors(campaign.id, limit=100)
            assert sum(t.total_minor for t in top) == total
            out = io.StringIO()
            service.export_donations(campaign.id, "json", out)
            exported = json.loads(out.getvalue())
            assert [e["external_id"] for e in exported] == [d["external_id"] for d in mine]
            assert [e["donor_name"] for e in exported] == [d["donor_name"] for d in mine]

        live = [
            c
            for c in service.campaigns()
            if c.kind is CampaignKind.FUNDRAISER and c.status is not CampaignStatus.ENDED
        ]
        assert live, "each fixture needs a fundraiser that still takes donations"
        campaign = live[0]
        old = next(d for d in donations if d["campaign_id"] == campaign.id)
        # An external id stored before the upgrade is still a replay after it.
        replay = service.record_donation(
            campaign.id, amount="5", donor_name="Replay", external_id=old["external_id"]
        )
        assert replay.duplicate
        fresh = service.record_donation(
            campaign.id, amount="5", donor_name="After the upgrade", external_id="new-1"
        )
        assert fresh.donation is not None
        before = next(c for c in expected["tables"]["campaigns"] if c["id"] == campaign.id)
        minor = fresh.donation.amount_minor
        assert service.campaign(campaign.id).total_minor == before["total_minor"] + minor
    finally:
        service.close()


def test_the_counters_of_0004_agree_with_the_rows_after_any_upgrade(
    upgraded: tuple[Path, dict[str, Any]],
) -> None:
    # 0004 fills its counters from what is stored: the thank queue's N is every unthanked
    # completed donation, a paid event's refunds are its ticket refunds.
    path, _ = upgraded
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT id, unthanked_count, refunded_tickets, refunded_ticket_minor,"
            " after_broadcast_count, after_broadcast_minor, title_key FROM campaigns"
        ).fetchall()
        for cid, unthanked, refunded, refunded_minor, after_count, after_minor, key in rows:
            (truth,) = conn.execute(
                "SELECT count(*) FROM donations WHERE campaign_id = ? AND NOT thanked"
                " AND status = 'completed'",
                (cid,),
            ).fetchone()
            assert unthanked == truth, cid
            assert (refunded, refunded_minor) == conn.execute(
                "SELECT count(*), coalesce(sum(amount_minor), 0) FROM refunds"
                " WHERE campaign_id = ? AND ticket_id IS NOT NULL",
                (cid,),
            ).fetchone()
            assert (after_count, after_minor) == conn.execute(
                "SELECT count(*), coalesce(sum(amount_minor), 0) FROM donations"
                " WHERE campaign_id = ? AND after_broadcast AND status = 'completed'",
                (cid,),
            ).fetchone()
            assert key and key == key.casefold()
    finally:
        conn.close()


def test_an_event_cancelled_before_0004_shows_cancelled(tmp_path: Path) -> None:
    # Before 0004 a cancelled event was stored as ended (with its event-cancel audit row).
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_fixture", FIXTURES / "make_fixture.py")
    assert spec is not None and spec.loader is not None
    make_fixture = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_fixture)
    path = tmp_path / "0003-cancelled.sqlite"
    make_fixture.build("0003", path)
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE campaigns SET status = 'ended', tickets_sold = 0,"
                     " revenue_minor = 0 WHERE id = 3")  # fmt: skip
        conn.execute(
            "INSERT INTO audit_log (campaign_id, at_us, actor_name, actor_role, action, before,"
            " after, reason) VALUES (3, 1, 'Camille', 'creator', 'event-cancel', 'draft',"
            " 'ended', 'storm')"
        )
    conn.close()
    service = LedgerService.open(str(path))
    try:
        statuses = {c.id: c.status for c in service.campaigns()}
        assert statuses[3] is CampaignStatus.CANCELLED
        assert statuses[2] is CampaignStatus.ENDED  # an ended fundraiser stays ended
        assert service.campaign(3).refunded_tickets == 1  # the refund made before
    finally:
        service.close()
