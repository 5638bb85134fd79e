"""The text a user pastes into a bug report: versions, the database and its schema, the end of
the log. Never raises: a part that cannot be read says so instead.

Qt's versions come from the caller (the UI): services never import Qt.
"""

from __future__ import annotations

import platform
import sqlite3
import sys
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

from sqlalchemy.engine import make_url

from livegiving_desktop import __version__
from livegiving_desktop.core.text import mask_credentials
from livegiving_desktop.db.engine import HEAD_REVISION, Database, sqlite_path
from livegiving_desktop.services import config
from livegiving_desktop.services.failures import describe_failure

LOG_LINES = 50
_TAIL_BYTES = 256 * 1024  # enough for 50 lines of any log we write


def mask_passwords(text: str) -> str:
    """Replace every password of every URL in text (user:password@, ?password=) by ***."""
    return mask_credentials(text)


def _display_url(url: str) -> str:
    if "://" not in url:
        return url  # a plain path
    try:
        return mask_credentials(make_url(url).render_as_string(hide_password=True))
    except Exception:
        return mask_credentials(url)


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "not installed"


def tail(path: Path, lines: int = LOG_LINES) -> list[str]:
    """The last lines of a text file, read from its end (logs grow to megabytes)."""
    with path.open("rb") as fh:
        size = fh.seek(0, 2)
        fh.seek(max(0, size - _TAIL_BYTES))
        chunk = fh.read().decode("utf-8", "replace")
    return chunk.splitlines()[-lines:] if lines else []


def _database_lines(db: Database | None, db_url: str | None, problem: str | None) -> list[str]:
    if db is None:
        shown = _display_url(db_url) if db_url else "none"
        return [f"Database: {shown} (not open{': ' + problem if problem else ''})"]
    out = [f"Database: {db.display_url} ({db.dialect})"]
    try:
        revision = db.schema_version()
        out.append(f"Schema revision: {revision} (this app's newest: {HEAD_REVISION})")
    except Exception as exc:
        out.append(f"Schema revision: unknown ({describe_failure(exc)})")
    path = sqlite_path(db.url)
    if path is not None:
        try:
            size = path.stat().st_size
            wal = Path(f"{path}-wal")
            wal_size = wal.stat().st_size if wal.exists() else 0
            out.append(f"Database file: {size} bytes, write-ahead log {wal_size} bytes")
        except OSError as exc:
            out.append(f"Database file: {describe_failure(exc)}")
    return out


def diagnostics_report(
    *,
    db: Database | None,
    db_url: str | None = None,
    problem: str | None = None,
    qt_versions: Iterable[tuple[str, str]] = (),
    log_lines: int = LOG_LINES,
) -> str:
    """Versions, database (URL with its password masked, schema revision), data folder and the
    last `log_lines` lines of the log. `qt_versions`: e.g. (("Qt", qVersion()), ...)."""
    versions = [
        f"LiveGiving Desktop {__version__}",
        f"Python {platform.python_version()} ({platform.python_implementation()}) on "
        f"{platform.platform()}",
        *(f"{name} {version}" for name, version in qt_versions),
        f"SQLAlchemy {_version('SQLAlchemy')}, Alembic {_version('alembic')}, "
        f"SQLite {sqlite3.sqlite_version}, psycopg {_version('psycopg')}",
        f"Executable: {sys.executable}",
    ]
    lines = [*versions, *_database_lines(db, db_url, problem)]
    lines.append(f"Data folder: {config.data_dir()}")
    log = config.log_path()
    lines.append(f"Log: {log}")
    lines.append("")
    try:
        last = tail(log, log_lines)
        lines.append(f"--- the last {len(last)} lines of the log ---")
        lines.extend(last)
    except OSError as exc:
        lines.append(f"--- no log to show: {describe_failure(exc)} ---")
    return mask_passwords("\n".join(lines)) + "\n"
