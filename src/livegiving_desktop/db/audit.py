"""The append-only audit log: one function writes a row inside the caller's transaction, the
store reads them. No code path updates or deletes a row (triggers of migration 0002 refuse it)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import cast

from sqlalchemy import Connection, Table, insert, select

from livegiving_desktop.core.records import Actor, AuditRecord
from livegiving_desktop.db.engine import Database
from livegiving_desktop.db.models import AuditEntry

audit_log = cast(Table, AuditEntry.__table__)

_COLUMNS = tuple(audit_log.c[name] for name in AuditRecord.__dataclass_fields__)


def append_audit(
    conn: Connection,
    *,
    at_us: int,
    campaign_id: int | None,
    actor: Actor,
    action: str,
    donation_id: int | None = None,
    ticket_id: int | None = None,
    before: str | None = None,
    after: str | None = None,
    reason: str | None = None,
) -> int:
    """Write one audit row in the caller's transaction; returns its id."""
    result = conn.execute(
        insert(audit_log)
        .values(
            campaign_id=campaign_id,
            at_us=at_us,
            actor_name=actor.name,
            actor_role=actor.role.value,
            action=action,
            donation_id=donation_id,
            ticket_id=ticket_id,
            before=before,
            after=after,
            reason=reason,
        )
        .returning(audit_log.c.id)
    )
    return int(result.scalar_one())


class AuditStore:
    """Reads the audit log of a campaign."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def entries(
        self, campaign_id: int, *, before_id: int | None = None, limit: int = 200
    ) -> list[AuditRecord]:
        """Newest first; `before_id` pages further back."""
        query = select(*_COLUMNS).where(audit_log.c.campaign_id == campaign_id)
        if before_id is not None:
            query = query.where(audit_log.c.id < before_id)
        query = query.order_by(audit_log.c.id.desc()).limit(limit)
        with self.db.reader.connect() as conn:
            return [AuditRecord(*row) for row in conn.execute(query)]

    def iter_entries(self, campaign_id: int, chunk: int = 5000) -> Iterator[AuditRecord]:
        """Every audit row of a campaign, oldest first (for exports)."""
        last = 0
        while True:
            query = (
                select(*_COLUMNS)
                .where(audit_log.c.campaign_id == campaign_id, audit_log.c.id > last)
                .order_by(audit_log.c.id)
                .limit(chunk)
            )
            with self.db.reader.connect() as conn:
                rows = [AuditRecord(*row) for row in conn.execute(query)]
            if not rows:
                return
            yield from rows
            last = rows[-1].id
