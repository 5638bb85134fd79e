"""Presence's SQL: each running seat renews its row of `seats` every few seconds (a heartbeat);
the roster of a campaign is read with how long each seat has been silent.

Times come from one clock: on PostgreSQL the server's (seats on different machines would not
agree), on SQLite this machine's (every seat of a SQLite file runs on it). Heartbeats record no
change in the feed: they are not the ledger's, and would bump every campaign's seq each second.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, literal, literal_column, select, update
from sqlalchemy import delete as sql_delete

from livegiving_desktop.db.engine import Database, dialect_insert, rows_changed
from livegiving_desktop.db.models import seats

_PG_NOW_US = "(extract(epoch from clock_timestamp()) * 1000000)::bigint"


@dataclass(frozen=True, slots=True)
class SeatRow:
    seat_key: str
    campaign_id: int | None
    kind: str
    display_name: str
    role: str
    login: str | None
    started_at_us: int
    seen_at_us: int
    silent_us: int  # how long since its last heartbeat, by the same clock


def _now(db: Database) -> ColumnElement[Any]:
    if db.dialect == "postgresql":
        return literal_column(_PG_NOW_US)
    return literal(time.time_ns() // 1000)


def beat(
    db: Database,
    *,
    seat_key: str,
    campaign_id: int | None,
    kind: str,
    display_name: str,
    role: str,
    login: str | None,
) -> None:
    """Insert or renew the seat's row: seen now."""
    now = _now(db)
    values = {
        "campaign_id": campaign_id,
        "kind": kind,
        "display_name": display_name[:200],
        "role": role[:20],
        "login": None if login is None else login[:200],
    }
    insert = dialect_insert(db, seats).values(
        seat_key=seat_key, started_at_us=now, seen_at_us=now, **values
    )
    upsert = insert.on_conflict_do_update(
        index_elements=["seat_key"], set_={**values, "seen_at_us": insert.excluded.seen_at_us}
    )
    with db.writer.begin() as conn:
        conn.execute(upsert)


def leave(db: Database, seat_key: str, silent_after_us: int) -> None:
    """A seat that closes: shown as gone at once (its row is kept, as a seat gone silent)."""
    with db.writer.begin() as conn:
        conn.execute(
            update(seats)
            .where(seats.c.seat_key == seat_key)
            .values(seen_at_us=_now(db) - silent_after_us - 1)
        )


def prune(db: Database, older_than_us: int) -> int:
    """Forget seats silent for longer than `older_than_us`; returns how many."""
    with db.writer.begin() as conn:
        result = conn.execute(
            sql_delete(seats).where(seats.c.seen_at_us < _now(db) - older_than_us)
        )
        return rows_changed(conn, result)


def roster(db: Database, campaign_id: int | None, within_us: int) -> list[SeatRow]:
    """The seats of a campaign (every seat with None) heard from within `within_us`, with how
    long each has been silent; the freshest first."""
    now = _now(db)
    query = select(
        seats.c.seat_key,
        seats.c.campaign_id,
        seats.c.kind,
        seats.c.display_name,
        seats.c.role,
        seats.c.login,
        seats.c.started_at_us,
        seats.c.seen_at_us,
        (now - seats.c.seen_at_us).label("silent_us"),
    ).where(seats.c.seen_at_us > now - within_us)
    if campaign_id is not None:
        query = query.where(seats.c.campaign_id == campaign_id)
    query = query.order_by(seats.c.seen_at_us.desc(), seats.c.id)
    with db.reader.connect() as conn:
        return [
            SeatRow(
                str(r.seat_key), None if r.campaign_id is None else int(r.campaign_id),
                str(r.kind), str(r.display_name), str(r.role), r.login,
                int(r.started_at_us), int(r.seen_at_us), max(0, int(r.silent_us)),
            )
            for r in conn.execute(query)
        ]  # fmt: skip


def session_login(db: Database) -> str | None:
    """Who the database says this seat is (PostgreSQL's session_user); None on SQLite."""
    if db.dialect != "postgresql":
        return None
    with db.reader.connect() as conn:
        value: Any = conn.execute(select(literal_column("session_user"))).scalar_one()
    return str(value)
