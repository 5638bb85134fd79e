"""Opening a database: URL handling, SQLite pragmas, safety checks and migrations at start-up.

A file that is not a LiveGiving database, or one of a newer schema than this app knows, is
refused with a clear message and left byte for byte as it was: every check reads the file
read-only before anything may write to it.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError
from sqlalchemy.pool import ConnectionPoolEntry

from livegiving_desktop.core.errors import LiveGivingError
from livegiving_desktop.db.failures import describe_failure

log = logging.getLogger("livegiving.db")

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 30_000
# WAL + synchronous=FULL: a committed transaction survives a process kill and a power cut.
SQLITE_SYNCHRONOUS = "FULL"
MIGRATIONS = "livegiving_desktop.db:migrations"
# The schema revisions this app knows, oldest first (a test checks them against Alembic's
# scripts). Alembic itself is imported only when a migration has to run: it costs ~0.2 s.
SCHEMA_REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006")
HEAD_REVISION = SCHEMA_REVISIONS[-1]
# Alembic's `op` and `context` are process-wide proxies: two migrations at once in one process
# (two databases opened from two threads) would run on each other's. One at a time.
_MIGRATION_LOCK = threading.Lock()


class DatabaseOpenError(LiveGivingError):
    """The database cannot be opened; the message says why and what was (not) done."""


@dataclass
class Database:
    """An opened, migrated database. `writer` begins IMMEDIATE transactions on SQLite so that
    two writers queue on the busy timeout instead of failing; `reader` never takes the write lock.
    """

    url: URL
    writer: Engine
    reader: Engine

    @property
    def dialect(self) -> str:
        return self.writer.dialect.name

    @property
    def display_url(self) -> str:
        return self.url.render_as_string(hide_password=True)

    def schema_version(self) -> str | None:
        with self.reader.connect() as conn:
            return _current_revision(conn)

    def close(self) -> None:
        self.writer.dispose()
        if self.reader is not self.writer:
            self.reader.dispose()


def to_url(text: str) -> URL:
    """A SQLAlchemy URL, or a plain path to a SQLite file."""
    if "://" in text:
        try:
            return make_url(text)
        except ArgumentError as exc:
            raise DatabaseOpenError(f"--db: '{text}' is not a database URL ({exc})") from None
    path = Path(text).expanduser().absolute()
    return URL.create("sqlite", database=str(path))


def sqlite_path(url: URL) -> Path | None:
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def _current_revision(conn: Connection) -> str | None:
    if "alembic_version" not in inspect(conn).get_table_names():
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _check_revision(revision: str | None, where: str) -> None:
    if revision is not None and revision not in SCHEMA_REVISIONS:
        raise DatabaseOpenError(
            f"{where} was made by a newer LiveGiving Desktop (schema {revision}); "
            "update the app to open it. The file was not changed."
        )


def _check_sqlite_file(path: Path) -> None:
    """Refuse, without writing anything, a file that is not a LiveGiving database."""
    if not path.parent.is_dir():
        raise DatabaseOpenError(f"database: the folder {path.parent} does not exist")
    if not path.exists():
        return
    if path.is_dir():
        raise DatabaseOpenError(f"database: {path} is a folder, not a database file")
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseOpenError(f"database: {path} cannot be read ({exc.strerror})") from None
    if not header:
        return  # An empty file: SQLite treats it as a new database.
    if header != SQLITE_HEADER:
        raise DatabaseOpenError(
            f"database: {path} is not a LiveGiving database (not an SQLite file). "
            "The file was not changed."
        )
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise DatabaseOpenError(
            f"database: {path} is read-only; LiveGiving needs to write to it and its folder"
        )
    # Read-only; and when no -wal file exists there is nothing but the file to read, so
    # immutable=1 reads it without creating -wal/-shm files beside a file we may refuse.
    wal = path.with_name(path.name + "-wal")
    uri = f"{path.as_uri()}?mode=ro" + ("" if wal.exists() else "&immutable=1")
    try:
        conn = sqlite3.connect(uri, uri=True)
        try:
            conn.execute("PRAGMA schema_version").fetchone()
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
            revision = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
            elif tables - {"sqlite_sequence"}:
                raise DatabaseOpenError(
                    f"database: {path} is an SQLite file of another program, not a LiveGiving "
                    "database. The file was not changed."
                )
            if revision is not None:
                conn.execute("PRAGMA quick_check").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseOpenError(
            f"database: {path} is damaged or not a database ({exc}). The file was not changed."
        ) from None
    _check_revision(revision, f"database: {path}")


def _on_sqlite_connect(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
    # Let SQLAlchemy's "begin" event emit BEGIN itself (pysqlite's own handling is broken).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute(f"PRAGMA synchronous = {SQLITE_SYNCHRONOUS}")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def _make_sqlite_engine(url: URL, *, immediate: bool) -> Engine:
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _on_sqlite_connect)
    begin = "BEGIN IMMEDIATE" if immediate else "BEGIN"

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql(begin)

    return engine


# PostgreSQL over a network: a server that does not answer must be said within seconds, never
# waited on for minutes (issue 12). libpq's names; a value given in the URL wins.
PG_CONNECT_TIMEOUT_S = 5
PG_STATEMENT_TIMEOUT_MS = 20_000  # the server cancels a statement (or a lock wait) past this
PG_CONNECT_DEFAULTS: dict[str, object] = {
    "connect_timeout": PG_CONNECT_TIMEOUT_S,
    # TCP keepalives: a dead peer (a cable pulled, a server gone) is found after 5 + 3 x 2 s...
    "keepalives": 1,
    "keepalives_idle": 5,
    "keepalives_interval": 2,
    "keepalives_count": 3,
    # ... and data sent but never acknowledged gives up after 10 s (Linux).
    "tcp_user_timeout": 10_000,
}


def pg_connect_args(url: URL) -> dict[str, object]:
    """libpq options for every PostgreSQL connection of the app: connect timeout, TCP
    keepalives and a statement timeout (what the URL already sets is kept)."""
    args = {k: v for k, v in PG_CONNECT_DEFAULTS.items() if k not in url.query}
    if "options" not in url.query:
        args["options"] = f"-c statement_timeout={PG_STATEMENT_TIMEOUT_MS}"
    return args


def open_database(url: str | URL, *, migrate: bool = True) -> Database:
    """Open (creating and migrating when needed) the database at a URL or SQLite path."""
    parsed = url if isinstance(url, URL) else to_url(url)
    path = sqlite_path(parsed)
    if path is not None:
        _check_sqlite_file(path)
        writer = _make_sqlite_engine(parsed, immediate=True)
        reader = _make_sqlite_engine(parsed, immediate=False)
    elif parsed.get_backend_name() == "sqlite":
        raise DatabaseOpenError(
            "database: an in-memory SQLite database cannot be shared; give a file"
        )
    else:
        try:
            postgres = parsed.get_backend_name() == "postgresql"
            writer = create_engine(
                parsed, pool_pre_ping=True, connect_args=pg_connect_args(parsed) if postgres else {}
            )
        except (ArgumentError, ImportError) as exc:
            raise DatabaseOpenError(f"--db: cannot use '{parsed}': {exc}") from None
        reader = writer
    db = Database(url=parsed, writer=writer, reader=reader)
    try:
        if migrate:
            _migrate(db)
    except DatabaseOpenError:
        db.close()
        raise
    except (OperationalError, SQLAlchemyError) as exc:
        db.close()
        log.warning("cannot open %s: %s", db.display_url, exc)
        reason = describe_failure(exc)  # words, never the driver's text
        raise DatabaseOpenError(f"database: cannot open {db.display_url}: {reason}") from None
    return db


def _migrate(db: Database) -> None:
    with db.writer.connect() as conn:
        tables = set(inspect(conn).get_table_names())
        current = _current_revision(conn)
        if current is None and tables & {"campaigns", "donations"}:
            raise DatabaseOpenError(
                f"database: {db.display_url} holds tables of another program. Nothing was changed."
            )
        _check_revision(current, f"database: {db.display_url}")
        if current == HEAD_REVISION:
            return
        from alembic import command
        from alembic.config import Config

        if db.dialect == "postgresql":  # a migration may rewrite a large table: no time limit
            conn.execute(text("SET LOCAL statement_timeout = 0"))  # until its commit

        log.info("migrating %s from %s to %s", db.display_url, current, HEAD_REVISION)
        cfg = Config()
        cfg.set_main_option("script_location", MIGRATIONS)
        cfg.attributes["connection"] = conn
        with _MIGRATION_LOCK:
            command.upgrade(cfg, "head")
        conn.commit()
