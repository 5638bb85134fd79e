"""Opening a database: URL handling, SQLite pragmas, safety checks and migrations at start-up.

A file that is not a LiveGiving database, or one of a newer schema than this app knows, is
refused with a clear message and left byte for byte as it was: every check reads the file
read-only before anything may write to it.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import stat
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError
from sqlalchemy.pool import ConnectionPoolEntry

from livegiving_desktop.core.errors import LiveGivingError
from livegiving_desktop.core.text import mask_credentials
from livegiving_desktop.db.failures import BUSY_REASON, describe_failure
from livegiving_desktop.db.recovery import quick_check_problems, read_only_uri
from livegiving_desktop.db.schema import HEAD_REVISION, SCHEMA_REVISIONS

if TYPE_CHECKING:
    from sqlalchemy import Table
    from sqlalchemy.dialects import postgresql, sqlite

    from livegiving_desktop.db.home_list import Fetch

log = logging.getLogger("livegiving.db")

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 30_000
# WAL + synchronous=FULL: a committed transaction survives a process kill and a power cut.
SQLITE_SYNCHRONOUS = "FULL"
MIGRATIONS = "livegiving_desktop.db:migrations"
# Alembic itself is imported only when a migration has to run: it costs ~0.2 s. The
# revisions it knows are in db/schema.py (SCHEMA_REVISIONS, HEAD_REVISION).
# Alembic's `op` and `context` are process-wide proxies: two migrations at once in one process
# (two databases opened from two threads) would run on each other's. One at a time.
_MIGRATION_LOCK = threading.Lock()


class DatabaseOpenError(LiveGivingError):
    """The database cannot be opened; the message says why and what was (not) done."""


class DamagedDatabaseError(DatabaseOpenError):
    """SQLite reports the file damaged: refused, left byte for byte as it was."""


class DatabaseBusyError(LiveGivingError):
    """Another program holds the ledger's lock past the busy timeout (not bad input)."""


BUSY_WORDS = "another program is using the ledger; close it and try again"


def damaged_words(path: Path, detail: str) -> str:
    """What to say about a damaged file, and what to do about it."""
    return (
        f"database: {path} is damaged ({detail[:200]}). The file was not changed. "
        f"See what is wrong with `livegiving --db {path} db check`, save what can be read into "
        f"a new file with `livegiving --db {path} db recover --out NEW.db`, then open NEW.db "
        "(or restore a backup)."
    )


@dataclass
class Database:
    """An opened, migrated database. `writer` begins IMMEDIATE transactions on SQLite so that
    two writers queue on the busy timeout instead of failing; `reader` never takes the write lock.
    """

    url: URL
    writer: Engine
    reader: Engine
    sqlite_file: str | None = None  # held in this process's registry of open SQLite files

    @property
    def dialect(self) -> str:
        return self.writer.dialect.name

    @property
    def display_url(self) -> str:
        return mask_credentials(self.url.render_as_string(hide_password=True))

    def schema_version(self) -> str | None:
        with self.reader.connect() as conn:
            return _current_revision(conn)

    def close(self) -> None:
        self.writer.dispose()
        if self.reader is not self.writer:
            self.reader.dispose()
        if self.sqlite_file is not None:
            _open_files.release(self.sqlite_file)
            self.sqlite_file = None


def rows_changed(conn: Connection, result: Any) -> int:
    """How many rows an INSERT, UPDATE or DELETE changed. Python 3.11's sqlite3 decides that a
    statement changes rows by comparing its first word with "insert", "update"... through the
    C library's case mapping: under a Turkish locale "INSERT" does not match, and `rowcount`
    is -1 for every statement SQLAlchemy writes in capitals. SQLite itself then says."""
    count = int(result.rowcount)
    if count < 0 and conn.dialect.name == "sqlite":
        count = int(conn.exec_driver_sql("SELECT changes()").scalar_one())
    return max(count, 0)


def dialect_insert(db: Database, table: Table) -> postgresql.Insert | sqlite.Insert:
    """An INSERT into `table` that takes ON CONFLICT clauses, of the database's dialect
    (PostgreSQL's or SQLite's). Each dialect is imported here, when used: SQLAlchemy's
    PostgreSQL package imports all its drivers (asyncpg's included, ~35 ms), which a command
    on a SQLite file never needs."""
    if db.dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as postgresql_insert

        return postgresql_insert(table)
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(table)


def sql_fetch(conn: Connection) -> Fetch:
    """Plain SQL text with named parameters run on `conn` (db/home_list.py's statements,
    which its fast path runs through sqlite3)."""

    def fetch(sql: str, params: Mapping[str, Any]) -> Sequence[Sequence[Any]]:
        return conn.execute(text(sql), dict(params)).all()

    return fetch


class _OpenFiles:
    """The SQLite files this process has open. Reading such a file with anything but SQLite
    (our header check) and closing it would drop every POSIX lock the process holds on it
    (fcntl locks belong to the process, not to the descriptor): another process's SQLite
    would then believe itself alone, checkpoint on close and delete the -wal file that this
    process still writes to, and its commits would go to a deleted file. A file open here
    was checked when it was first opened; it is not read again."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counts: dict[str, int] = {}

    def acquire(self, key: str) -> bool:
        """Count one more opening; True when it is the first (the file may be checked)."""
        with self._lock:
            self._counts[key] = self._counts.get(key, 0) + 1
            return self._counts[key] == 1

    def release(self, key: str) -> None:
        with self._lock:
            left = self._counts.get(key, 0) - 1
            if left > 0:
                self._counts[key] = left
            else:
                self._counts.pop(key, None)


_open_files = _OpenFiles()


_AUTHORITY_RE = re.compile(
    r"^(?P<scheme>[^:/]+://)(?P<userinfo>[^/?#]*)@(?P<rest>[^/?#@]*(?:[/?#].*)?)$", re.DOTALL
)


def _quote_raw_at(text: str) -> str:
    """A raw "@" in a password (`user:p@ss@host`) belongs to the password: the host starts
    after the last "@" of the authority (SQLAlchemy would take `ss@host` for the host, and
    the password's tail would show in every message naming the host)."""
    match = _AUTHORITY_RE.match(text)
    if match is None or "@" not in match["userinfo"]:
        return text
    user, colon, password = match["userinfo"].partition(":")
    userinfo = user.replace("@", "%40") + colon + password.replace("@", "%40")
    return f"{match['scheme']}{userinfo}@{match['rest']}"


def to_url(text: str) -> URL:
    """A SQLAlchemy URL, or a plain path to a SQLite file."""
    if not text.strip():
        raise DatabaseOpenError("--db: is empty; give a database file or a URL")
    if "://" in text:
        try:
            return make_url(_quote_raw_at(text))
        except ArgumentError:
            shown = mask_credentials(text)
            raise DatabaseOpenError(f"--db: '{shown}' is not a database URL") from None
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
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise DatabaseOpenError(f"database: {path} cannot be read ({exc.strerror})") from None
    if stat.S_ISDIR(mode):
        raise DatabaseOpenError(f"database: {path} is a folder, not a database file")
    if not stat.S_ISREG(mode):
        # A FIFO would block the first read for good; a device would get a -journal beside it.
        raise DatabaseOpenError(
            f"database: {path} is not a regular file (a device, a pipe or a socket); "
            "give a database file"
        )
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
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
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
            problems = quick_check_problems(conn) if revision is not None else ()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
            raise DatabaseBusyError(BUSY_WORDS) from None
        raise DamagedDatabaseError(damaged_words(path, str(exc))) from None
    if problems:
        log.warning("quick_check of %s: %s", path, "; ".join(problems[:20]))
        raise DamagedDatabaseError(damaged_words(path, problems[0]))
    _check_revision(revision, f"database: {path}")


def _create_private(path: Path) -> None:
    """A new ledger file is the user's alone (0600); SQLite gives its -wal, -shm and -journal
    files the same mode. An existing file keeps the mode it has."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    except FileExistsError:
        return
    except OSError as exc:
        raise DatabaseOpenError(f"database: {path} cannot be created ({exc.strerror})") from None
    os.close(fd)


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
    registered: str | None = None
    if path is not None:
        registered = os.path.realpath(path)
        if _open_files.acquire(registered):
            try:
                _check_sqlite_file(path)
                _create_private(path)
            except BaseException:
                _open_files.release(registered)
                raise
        writer = _make_sqlite_engine(parsed, immediate=True)
        reader = _make_sqlite_engine(parsed, immediate=False)
    elif parsed.get_backend_name() == "sqlite":
        raise DatabaseOpenError(
            "database: an in-memory SQLite database cannot be shared; give a file"
        )
    else:
        from livegiving_desktop.db.models import postgresql_options

        postgresql_options()  # the tables as PostgreSQL has them (a SQLite file never needs it)
        try:
            postgres = parsed.get_backend_name() == "postgresql"
            writer = create_engine(
                parsed, pool_pre_ping=True, connect_args=pg_connect_args(parsed) if postgres else {}
            )
        except (ArgumentError, ImportError) as exc:
            shown = mask_credentials(parsed.render_as_string(hide_password=True))
            raise DatabaseOpenError(f"--db: cannot use '{shown}': {exc}") from None
        reader = writer
    db = Database(url=parsed, writer=writer, reader=reader, sqlite_file=registered)
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
        if reason == BUSY_REASON:
            raise DatabaseBusyError(BUSY_WORDS) from None
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
