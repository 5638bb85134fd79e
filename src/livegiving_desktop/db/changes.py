"""The change feed's SQL: numbering each committed change of a campaign, and reading them.

`record_change` runs in the SAME transaction as the write it describes. It bumps
`campaigns.change_seq` with UPDATE ... RETURNING, which also locks the campaign row until the
commit, so a campaign's sequence numbers are gap-free and in commit order on SQLite (one
writer at a time) and on PostgreSQL (the row lock orders the writers): a reader that sees seq
N sees every change before it. On PostgreSQL the `changes_notify` trigger of migration 0003
sends NOTIFY livegiving_changes, '<campaign id>:<seq>' at commit.

Every write locks the campaign row FIRST (before touching donations or tickets), so that the
bump at the end of a transaction never waits on a row another writer holds: no deadlock.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import socket
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, update
from sqlalchemy import select as sql_select
from sqlalchemy.engine import URL

from livegiving_desktop.core.changes import ChangeEvent, ChangeKind
from livegiving_desktop.core.errors import NotFoundError
from livegiving_desktop.db.engine import Database, pg_connect_args
from livegiving_desktop.db.models import campaigns, changes

_INSERT = changes.insert()
_EVENT_COLUMNS = (
    changes.c.seq,
    changes.c.at_us,
    changes.c.kind,
    changes.c.actor,
    changes.c.first_id,
    changes.c.last_id,
    changes.c.ids,
    changes.c.detail,
)


def _now_us() -> int:
    return time.time_ns() // 1000


def bump_seq(conn: Connection, campaign_id: int) -> int:
    """The campaign's next sequence number (the row stays locked until the commit)."""
    seq = conn.execute(
        update(campaigns)
        .where(campaigns.c.id == campaign_id)
        .values(change_seq=campaigns.c.change_seq + 1)
        .returning(campaigns.c.change_seq)
    ).scalar_one_or_none()
    if seq is None:
        raise NotFoundError("campaign", f"no campaign has the id {campaign_id}")
    return int(seq)


def insert_change(
    conn: Connection,
    campaign_id: int,
    seq: int,
    kind: ChangeKind,
    *,
    at_us: int | None = None,
    first_id: int | None = None,
    last_id: int | None = None,
    ids: Iterable[int] | None = None,
    actor: str | None = None,
    detail: Mapping[str, Any] | None = None,
) -> None:
    """Write the change row of a seq already taken (the donation batch folds the bump into the
    UPDATE of its totals)."""
    conn.execute(
        _INSERT,
        {
            "campaign_id": campaign_id,
            "seq": seq,
            "at_us": _now_us() if at_us is None else at_us,
            "kind": kind.value,
            "first_id": first_id,
            "last_id": last_id,
            "ids": None if ids is None else json.dumps(sorted(set(ids))),
            "actor": None if actor is None else actor[:200],
            "detail": None if not detail else json.dumps(detail, ensure_ascii=False),
        },
    )


def record_change(
    conn: Connection,
    campaign_id: int,
    kind: ChangeKind,
    *,
    at_us: int | None = None,
    first_id: int | None = None,
    last_id: int | None = None,
    ids: Iterable[int] | None = None,
    actor: str | None = None,
    detail: Mapping[str, Any] | None = None,
) -> int:
    """Number this change of the campaign and write its row, in the caller's transaction;
    returns its seq. Call it in every write that commits a change a seat shows."""
    seq = bump_seq(conn, campaign_id)
    insert_change(conn, campaign_id, seq, kind, at_us=at_us, first_id=first_id,
                  last_id=last_id, ids=ids, actor=actor, detail=detail)  # fmt: skip
    return seq


# -- reading -----------------------------------------------------------------------------------


def _event(row: Any) -> ChangeEvent:
    seq, at_us, kind, actor, first_id, last_id, ids, detail = row
    return ChangeEvent(
        seq=int(seq),
        at_us=int(at_us),
        kind=str(kind),
        actor=actor,
        first_id=None if first_id is None else int(first_id),
        last_id=None if last_id is None else int(last_id),
        ids=tuple(json.loads(ids)) if ids else (),
        detail=json.loads(detail) if detail else {},
    )


def changes_after(
    conn: Connection,
    campaign_id: int,
    after_seq: int,
    *,
    through_seq: int | None = None,
    limit: int = 500,
    kinds: Iterable[str] | None = None,
) -> list[ChangeEvent]:
    """The campaign's changes with seq > after_seq (and <= through_seq; only of `kinds`),
    oldest first."""
    query = sql_select(*_EVENT_COLUMNS).where(
        changes.c.campaign_id == campaign_id, changes.c.seq > after_seq
    )
    if through_seq is not None:
        query = query.where(changes.c.seq <= through_seq)
    if kinds is not None:
        query = query.where(changes.c.kind.in_(sorted(kinds)))
    query = query.order_by(changes.c.seq).limit(limit)
    return [_event(row) for row in conn.execute(query)]


def heads(conn: Connection) -> dict[int, int]:
    """Every campaign's last seq: {campaign id: change_seq}."""
    query = sql_select(campaigns.c.id, campaigns.c.change_seq)
    return {int(c): int(s) for c, s in conn.execute(query)}


def head(conn: Connection, campaign_id: int) -> int:
    """One campaign's last seq."""
    seq = conn.execute(
        sql_select(campaigns.c.change_seq).where(campaigns.c.id == campaign_id)
    ).scalar_one_or_none()
    if seq is None:
        raise NotFoundError("campaign", f"no campaign has the id {campaign_id}")
    return int(seq)


def current_seq(db: Database, campaign_id: int) -> int:
    """The campaign's last seq, read now (a follower that starts from "now")."""
    with db.reader.connect() as conn:
        return head(conn, campaign_id)


HEADS_SQL = "SELECT id, change_seq FROM campaigns"  # the followers' cheap poll (no ORM)


@contextmanager
def read_transaction(db: Database) -> Iterator[Connection]:
    """One consistent read: REPEATABLE READ on PostgreSQL (one snapshot for every statement),
    a deferred transaction on SQLite (WAL: one snapshot from its first read). A snapshot and its
    `change_seq` read in it agree, so a view that follows from that seq misses nothing and
    applies nothing twice."""
    with db.reader.connect() as plain:
        conn = (
            plain.execution_options(isolation_level="REPEATABLE READ")
            if db.dialect == "postgresql"
            else plain
        )
        with conn.begin():
            yield conn


def change_rows(conn: Connection, campaign_id: int) -> Sequence[ChangeEvent]:
    """Every change of a campaign (tests and checks)."""
    return changes_after(conn, campaign_id, 0, limit=1 << 62)


# -- watching for new changes -------------------------------------------------------------------
#
# A follower waits for changes on a connection of its own, never the app's pool: on SQLite a
# plain sqlite3 connection polled with PRAGMA data_version (it changes whenever another
# connection commits), on PostgreSQL a dedicated autocommit psycopg 3 connection that LISTENs.
# Both wait in select() on their socket (or nothing) and on a wake pipe, so that a commit in
# this process, a new campaign to follow or closing interrupts the wait at once.

NOTIFY_CHANNEL = "livegiving_changes"
PG_ANSWER_TIMEOUT_S = 2.0  # a query of the listening connection unanswered this long: unreachable
PG_LISTEN_CONNECT_TIMEOUT_S = 2  # libpq takes no less
FEED_APPLICATION_NAME = "livegiving-feed"


class NoAnswerError(TimeoutError):
    """The database server did not answer in time (a silent network outage)."""

    def __init__(self) -> None:
        super().__init__("the database server does not answer")


class Wakeup:
    """A self-pipe: wake() from any thread interrupts a select() on `fd`. Closed once (by the
    thread that selects on it, when it ends); a wake() after that does nothing, and never
    writes into a descriptor number the process has since given to another file."""

    def __init__(self) -> None:
        self.fd, self._write = os.pipe()
        os.set_blocking(self.fd, False)
        os.set_blocking(self._write, False)
        self._lock = threading.Lock()
        self._closed = False

    def wake(self) -> None:
        with self._lock:
            if self._closed:
                return
            with contextlib.suppress(BlockingIOError, OSError):
                os.write(self._write, b"!")

    def drain(self) -> None:
        with contextlib.suppress(BlockingIOError, OSError):
            while os.read(self.fd, 4096):
                pass

    def close(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
            for fd in (self.fd, self._write):
                with contextlib.suppress(OSError):
                    os.close(fd)


class SqliteWatch:
    """Polls `PRAGMA data_version` on a dedicated connection (never in a transaction, so it
    holds no snapshot and blocks no checkpoint); reads the heads when it moved."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._conn: sqlite3.Connection | None = None
        self._version: int | None = None

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    def open(self) -> None:
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA busy_timeout = 5000")
        self._conn = conn
        self._version = None

    def close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()
        self._conn = None

    def heads(self) -> dict[int, int]:
        assert self._conn is not None
        self._version = int(self._conn.execute("PRAGMA data_version").fetchone()[0])
        return {int(c): int(s) for c, s in self._conn.execute(HEADS_SQL)}

    def wait(self, wakeup: Wakeup, timeout: float) -> dict[int, int] | None:
        """Sleep until woken or `timeout`; the heads when anything was committed since."""
        select.select([wakeup.fd], [], [], max(0.0, timeout))
        wakeup.drain()
        assert self._conn is not None
        version = int(self._conn.execute("PRAGMA data_version").fetchone()[0])
        if version == self._version:
            return None
        return self.heads()


class PgListener:
    """LISTEN livegiving_changes on a dedicated autocommit psycopg 3 connection. Every query
    on it has a client-side deadline (PG_ANSWER_TIMEOUT_S): a server behind a network that
    stopped forwarding never answers, and TCP alone would not notice for minutes. Notifications
    are read with libpq's own calls on psycopg's PGconn, in a select() that the wake pipe can
    interrupt (psycopg's `notifies()` generator cannot be woken from another thread)."""

    def __init__(self, url: URL) -> None:
        self.conninfo = url.set(drivername="postgresql").render_as_string(hide_password=False)
        args = pg_connect_args(url)
        args.pop("options", None)  # LISTEN and the heads never run long
        args["connect_timeout"] = PG_LISTEN_CONNECT_TIMEOUT_S
        self.args: dict[str, Any] = args
        self._conn: Any = None
        self._pending: dict[int, int] = {}

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    @property
    def backend_pid(self) -> int | None:
        return None if self._conn is None else int(self._conn.pgconn.backend_pid)

    def open(self) -> None:
        import psycopg

        self._conn = psycopg.connect(
            self.conninfo, autocommit=True, application_name=FEED_APPLICATION_NAME, **self.args
        )
        self._pending = {}
        self._query(f"LISTEN {NOTIFY_CHANNEL}".encode())

    def close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(Exception):
                self._conn.close()
        self._conn = None

    def heads(self) -> dict[int, int]:
        """Every campaign's last seq: the health check (an answer within the deadline) and the
        fallback for a notification missed."""
        return {int(c): int(s) for c, s in self._query(HEADS_SQL.encode())}

    def wait(self, wakeup: Wakeup, timeout: float) -> dict[int, int] | None:
        """Sleep until a notification, a wake-up or `timeout`; the notified heads, if any."""
        pg = self._conn.pgconn
        ready, _, _ = select.select([pg.socket, wakeup.fd], [], [], max(0.0, timeout))
        if wakeup.fd in ready:
            wakeup.drain()
        if pg.socket in ready:
            self._consume()
        if not self._pending:
            return None
        notified, self._pending = self._pending, {}
        return notified

    def _consume(self) -> None:
        from psycopg import pq

        pg = self._conn.pgconn
        pg.consume_input()  # raises OperationalError when the connection is gone
        if pg.status == pq.ConnStatus.BAD:
            raise ConnectionResetError("the connection to the database server was closed")
        while (n := pg.notifies()) is not None:
            campaign, _, seq = n.extra.decode().partition(":")
            if campaign.isdigit() and seq.isdigit():
                c, s = int(campaign), int(seq)
                self._pending[c] = max(s, self._pending.get(c, 0))

    def _query(self, sql: bytes) -> list[tuple[str, ...]]:
        from psycopg import pq

        pg = self._conn.pgconn
        pg.send_query(sql)
        deadline = time.monotonic() + PG_ANSWER_TIMEOUT_S
        rows: list[tuple[str, ...]] = []
        error: Any = None
        while True:
            self._consume()
            if pg.is_busy():
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise NoAnswerError()
                select.select([pg.socket], [], [], remaining)
                continue
            result = pg.get_result()
            if result is None:
                break
            if result.status == pq.ExecStatus.TUPLES_OK:
                for r in range(result.ntuples):
                    rows.append(
                        tuple(
                            (result.get_value(r, f) or b"").decode() for f in range(result.nfields)
                        )
                    )
            elif result.status != pq.ExecStatus.COMMAND_OK:
                error = result
        if error is not None:
            import psycopg

            raise psycopg.OperationalError(
                (error.error_message or b"").decode(errors="replace").strip()
            )
        return rows


def feed_engine(db: Database) -> Engine:
    """The follower's own reading engine on PostgreSQL: one connection, no pre-ping (a fresh
    connection is bounded by the connect timeout, a statement by `deadline`)."""
    return create_engine(db.url, pool_size=1, max_overflow=0, connect_args=pg_connect_args(db.url))


def _cut(fd: int) -> None:
    """Shut a socket down (from another thread): the read blocked on it fails at once."""
    with contextlib.suppress(OSError):
        sock = socket.socket(fileno=os.dup(fd))
        try:
            sock.shutdown(socket.SHUT_RDWR)
        finally:
            sock.close()


@contextmanager
def deadline(conn: Connection, seconds: float) -> Iterator[None]:
    """Cut the connection if what runs inside takes longer than `seconds` (PostgreSQL): a
    network that stops forwarding would otherwise block the reader for good."""
    raw: Any = conn.connection.dbapi_connection
    pgconn = getattr(raw, "pgconn", None)
    if pgconn is None:
        yield
        return
    timer = threading.Timer(seconds, _cut, args=(int(pgconn.socket),))
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
