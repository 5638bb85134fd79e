"""The moderation table's sort by amount reads an index (migration 0004) instead of sorting
the whole campaign; per-donor lookups have none, on purpose (docs/architecture.md,
"Indexes": it nearly tripled the insert time)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sqlalchemy import inspect

from livegiving_desktop.core.moderation import DonationFilter, TableSort
from livegiving_desktop.db.moderation import ModerationStore
from livegiving_desktop.services.ledger import LedgerService


def _plan(service: LedgerService, sort: TableSort, descending: bool) -> str:
    """SQLite's plan of the query ModerationStore.page runs for this sort."""
    store = ModerationStore(service.db)
    captured: list[str] = []
    from sqlalchemy import event

    def grab(conn, cursor, statement, parameters, *_: object):  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith("SELECT") and "ORDER BY" in statement:
            plan = cursor.connection.execute(f"EXPLAIN QUERY PLAN {statement}", parameters)
            captured.append(" | ".join(row[-1] for row in plan.fetchall()))

    event.listen(service.db.reader, "before_cursor_execute", grab)
    try:
        store.page(1, DonationFilter(), sort=sort, descending=descending, offset=0, limit=200)
    finally:
        event.remove(service.db.reader, "before_cursor_execute", grab)
    return captured[0]


def test_sorting_by_amount_reads_the_index(tmp_path: Path) -> None:
    service = LedgerService.open(str(tmp_path / "plan.db"))
    try:
        for descending in (True, False):
            plan = _plan(service, TableSort.AMOUNT, descending)
            assert "ix_donations_campaign_id_amount_minor_id" in plan, plan
            assert "TEMP B-TREE" not in plan, plan  # no sort of the whole campaign
        # Sorting by donor still sorts (no index on the donor: measured too costly), reading
        # the campaign's rows in id order: the amount index is partial on a condition only
        # the sort by amount states, so no other query reads rows in amount order.
        for other in (TableSort.DONOR, TableSort.TIME):
            plan = _plan(service, other, True)
            assert "ix_donations_campaign_id_id" in plan and "TEMP B-TREE" in plan, plan
        assert "ix_donations_campaign_id_id" in _plan(service, TableSort.ID, True)
        with service.db.reader.connect() as conn:
            names = {ix["name"] for ix in inspect(conn).get_indexes("donations")}
        assert "ix_donations_campaign_id_amount_minor_id" in names
    finally:
        service.close()


# In a fresh interpreter, the database opened again (already migrated: no migration runs):
# how the tables describe the amount index for that database, and whether SQLAlchemy's
# PostgreSQL dialect was imported.
_REOPEN = """
import sys
from sqlalchemy.schema import CreateIndex
from livegiving_desktop.db.engine import open_database
from livegiving_desktop.db.models import AMOUNT_INDEX
db = open_database(sys.argv[1])
print(CreateIndex(AMOUNT_INDEX).compile(dialect=db.writer.dialect))
print("sqlalchemy.dialects.postgresql" in sys.modules)
db.close()
"""


def test_the_amount_index_is_partial_in_the_database_and_in_the_tables(
    service: LedgerService, db_url: str
) -> None:
    """On SQLite and on PostgreSQL alike: the migrated database's amount index is partial, and
    so is the tables' description of it in a process that opens the database without
    migrating it. SQLite never imports SQLAlchemy's PostgreSQL dialect (~35 ms)."""
    dialect = service.db.dialect
    with service.db.reader.connect() as conn:
        if dialect == "postgresql":
            found = conn.exec_driver_sql(
                "SELECT indexdef FROM pg_indexes WHERE indexname = %(name)s",
                {"name": "ix_donations_campaign_id_amount_minor_id"},
            ).scalar_one()
        else:
            found = conn.exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE name = ?",
                ("ix_donations_campaign_id_amount_minor_id",),
            ).scalar_one()
    assert "WHERE" in found and "amount_minor > 0" in found, found
    out = subprocess.run([sys.executable, "-c", _REOPEN, db_url], capture_output=True,
                         text=True, check=True, timeout=60)  # fmt: skip
    declared, postgresql_loaded = out.stdout.strip().splitlines()
    assert declared.endswith("WHERE amount_minor > 0"), declared
    assert postgresql_loaded == str(dialect == "postgresql")
