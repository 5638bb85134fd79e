"""What went wrong with the database or the disk, in words a user can act on.

SQLAlchemy's own messages carry the SQL statement (for a batch, tens of kilobytes of it) and a
link for developers: they belong in the log, never in front of the user.
"""

from __future__ import annotations

import errno
import sqlite3
import sys
from typing import Any

DISK_FULL = "the disk is full"
BUSY_REASON = "the database is locked by another program"
_MAX_REASON = 200
# SQLite primary result codes (an extended code keeps its primary code in the low byte).
_SQLITE_REASONS = {
    sqlite3.SQLITE_FULL: DISK_FULL,
    sqlite3.SQLITE_BUSY: BUSY_REASON,
    sqlite3.SQLITE_LOCKED: BUSY_REASON,
    sqlite3.SQLITE_READONLY: "the database file cannot be written (it is read-only)",
    sqlite3.SQLITE_PERM: "the database file cannot be written (permission denied)",
    sqlite3.SQLITE_IOERR: "the disk could not be read or written (input/output error)",
    sqlite3.SQLITE_CORRUPT: "the database file is damaged",
    sqlite3.SQLITE_NOTADB: "the database file is damaged",
    sqlite3.SQLITE_CANTOPEN: "the database file cannot be opened",
}
_OS_REASONS = {
    errno.ENOSPC: DISK_FULL,
    errno.EDQUOT: "the disk quota is exceeded",
    errno.EROFS: "the disk is read-only",
    errno.EACCES: "permission denied",
    errno.EIO: "the disk could not be read or written (input/output error)",
}


# PostgreSQL SQLSTATEs (psycopg's `sqlstate`), in words.
_SQLSTATE_REASONS = {
    "53100": "the database server's disk is full",
    "57014": "the database took too long to answer; the statement was stopped",
    "40P01": "another seat was changing the same records; try again",
    "40001": "another seat was changing the same records; try again",
    "55P03": "the records are locked by another seat; try again",
    "53300": "the database server has too many connections",
    "28P01": "the database server refused the login",
    "28000": "the database server refused the login",
    "3D000": "the database does not exist on the server",
    "57P01": "the database server is shutting down or restarting",
    "57P02": "the database server is shutting down or restarting",
    "57P03": "the database server is starting up; try again in a moment",
    "42501": "your database login is not allowed to do this",
    "25006": "the database is read-only",
}
UNREACHABLE = "the database server cannot be reached"
NO_ANSWER = "the database server does not answer"
DATABASE_ERROR = "the database reported an error (the details are in the log)"
# Connection failures without a SQLSTATE (refused, reset, closed, timed out).
_DISCONNECTED = (errno.ECONNREFUSED, errno.ECONNRESET, errno.ECONNABORTED, errno.EPIPE,
                 errno.ETIMEDOUT, errno.EHOSTUNREACH, errno.ENETUNREACH)  # fmt: skip


# A failure while connecting carries the server's FATAL text but no SQLSTATE: read, never shown.
_CONNECT_REASONS = (
    (('database "', "does not exist"), "3D000"),
    (("password authentication failed",), "28P01"),
    (('role "', "does not exist"), "28000"),
    (("no pg_hba.conf entry",), "28000"),
    (("too many clients",), "53300"),
    (("too many connections",), "53300"),
    (("the database system is starting up",), "57P03"),
    (("the database system is shutting down",), "57P01"),
)


def _connection_failure(text: str) -> str:
    for needles, sqlstate in _CONNECT_REASONS:
        if all(n in text for n in needles):
            return _SQLSTATE_REASONS[sqlstate]
    return UNREACHABLE


def _from_driver(exc: BaseException) -> bool:
    return type(exc).__module__.split(".")[0] in ("psycopg", "sqlite3", "sqlalchemy", "psycopg2")


def describe_failure(exc: BaseException) -> str:
    """One short sentence for a database or file failure: no SQL, no driver text, no link,
    no traceback (those go to the log)."""
    cause: BaseException = exc
    # SQLAlchemy's exceptions only when it is imported: an exception of its classes means it
    # is, and the window's first screen and the CLI's error mapping need not import it.
    sa_exc: Any = sys.modules.get("sqlalchemy.exc")
    if sa_exc is not None and isinstance(exc, sa_exc.DBAPIError) and exc.orig is not None:
        cause = exc.orig
    code = getattr(cause, "sqlite_errorcode", None)
    if isinstance(code, int) and code & 0xFF in _SQLITE_REASONS:
        return _SQLITE_REASONS[code & 0xFF]
    sqlstate = getattr(cause, "sqlstate", None)  # PostgreSQL (psycopg)
    if isinstance(sqlstate, str) and sqlstate:
        if sqlstate in _SQLSTATE_REASONS:
            return _SQLSTATE_REASONS[sqlstate]
        if sqlstate.startswith("08"):
            return UNREACHABLE
        return DATABASE_ERROR
    if isinstance(cause, TimeoutError) and not cause.errno:
        return NO_ANSWER  # a deadline of ours (db/changes.NoAnswerError)
    if isinstance(cause, OSError):
        if cause.errno in _DISCONNECTED or isinstance(cause, ConnectionError):
            return UNREACHABLE
        reason = _OS_REASONS.get(cause.errno or 0) or cause.strerror or str(cause)
        return f"{reason}: {cause.filename}" if cause.filename else reason
    if _from_driver(cause):
        # A psycopg OperationalError without SQLSTATE is a connection that failed or broke.
        # psycopg is imported only by a PostgreSQL connection (it costs 0.2 s at start-up).
        psycopg: Any = sys.modules.get("psycopg")
        if psycopg is not None and isinstance(cause, psycopg.errors.ConnectionTimeout):
            return NO_ANSWER
        if psycopg is not None and isinstance(cause, psycopg.OperationalError):
            return _connection_failure(str(cause))
        if sa_exc is not None and isinstance(exc, sa_exc.TimeoutError):
            return "the database is busy: no connection was free in time"
        return DATABASE_ERROR
    first_line = (str(cause).strip().splitlines() or [type(cause).__name__])[0]
    return first_line if len(first_line) <= _MAX_REASON else first_line[:_MAX_REASON] + "…"
