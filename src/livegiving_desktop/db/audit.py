"""The append-only audit log: one function writes a row inside the caller's transaction, the
store reads them. No code path updates or deletes a row (triggers of migration 0002 refuse it)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from sqlalchemy import Connection, func, insert, select

from livegiving_desktop.core.decisions import VERSIONED_ACTIONS, Conflict
from livegiving_desktop.core.records import Actor, AuditRecord
from livegiving_desktop.db.engine import Database
from livegiving_desktop.db.models import audit_log

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


def conflicts_of(
    conn: Connection, seen: Mapping[int, int], versions: Mapping[int, int]
) -> list[Conflict]:
    """Who changed each of these donations since the version seen: the latest decision on
    each that bumps a version (approve, hide, privacy, refund), from the audit log."""
    ids = sorted(seen)
    latest = (
        select(func.max(audit_log.c.id))
        .where(audit_log.c.donation_id.in_(ids), audit_log.c.action.in_(VERSIONED_ACTIONS))
        .group_by(audit_log.c.donation_id)
    )
    rows = {
        int(row.donation_id): row
        for row in conn.execute(
            select(
                audit_log.c.donation_id,
                audit_log.c.actor_name,
                audit_log.c.action,
                audit_log.c.before,
                audit_log.c.after,
                audit_log.c.at_us,
            ).where(audit_log.c.id.in_(latest))
        )
    }
    out = []
    for i in ids:
        row = rows.get(i)
        out.append(
            Conflict(
                donation_id=i,
                seen_version=seen[i],
                version=versions[i],
                actor_name=None if row is None else row.actor_name,
                action=None if row is None else row.action,
                before=None if row is None else row.before,
                after=None if row is None else row.after,
                at_us=None if row is None else int(row.at_us),
            )
        )
    return out


class AuditStore:
    """Reads the audit log of a campaign."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def entries(
        self, campaign_id: int, *, before_id: int | None = None, limit: int = 200
    ) -> list[AuditRecord]:
        """Newest first; `before_id` pages further back."""
        with self.db.reader.connect() as conn:
            return self.entries_in(conn, campaign_id, before_id=before_id, limit=limit)

    @staticmethod
    def entries_in(
        conn: Connection, campaign_id: int, *, before_id: int | None = None, limit: int = 200
    ) -> list[AuditRecord]:
        """entries() in the caller's transaction."""
        query = select(*_COLUMNS).where(audit_log.c.campaign_id == campaign_id)
        if before_id is not None:
            query = query.where(audit_log.c.id < before_id)
        query = query.order_by(audit_log.c.id.desc()).limit(limit)
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
