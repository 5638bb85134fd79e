"""The moderation table's sort by amount reads an index (migration 0004) instead of sorting
the whole campaign; per-donor lookups have none, on purpose (docs/architecture.md,
"Indexes": it nearly tripled the insert time)."""

from __future__ import annotations

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
