"""What went wrong with the database or the disk, in words a user can act on.

SQLAlchemy's own messages carry the SQL statement (for a batch, tens of kilobytes of it) and a
link for developers: they belong in the log, never in front of the user.
"""

from __future__ import annotations

import errno
import sqlite3

from sqlalchemy.exc import DBAPIError

DISK_FULL = "the disk is full"
_MAX_REASON = 200
# SQLite primary result codes (an extended code keeps its primary code in the low byte).
_SQLITE_REASONS = {
    sqlite3.SQLITE_FULL: DISK_FULL,
    sqlite3.SQLITE_BUSY: "the database is locked by another program",
    sqlite3.SQLITE_LOCKED: "the database is locked by another program",
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


def describe_failure(exc: BaseException) -> str:
    """One short sentence for a database or file failure: no SQL, no traceback."""
    cause: BaseException = exc
    if isinstance(exc, DBAPIError) and exc.orig is not None:
        cause = exc.orig
    code = getattr(cause, "sqlite_errorcode", None)
    if isinstance(code, int) and code & 0xFF in _SQLITE_REASONS:
        return _SQLITE_REASONS[code & 0xFF]
    sqlstate = getattr(cause, "sqlstate", None)  # PostgreSQL (psycopg)
    if isinstance(sqlstate, str):
        if sqlstate == "53100":
            return "the database server's disk is full"
        if sqlstate.startswith("08"):
            return "the database server cannot be reached"
    if isinstance(cause, OSError):
        reason = _OS_REASONS.get(cause.errno or 0) or cause.strerror or str(cause)
        return f"{reason}: {cause.filename}" if cause.filename else reason
    first_line = (str(cause).strip().splitlines() or [type(cause).__name__])[0]
    return first_line if len(first_line) <= _MAX_REASON else first_line[:_MAX_REASON] + "…"
