"""A full disk on demand: SQLite refuses to grow the file past `PRAGMA max_page_count`."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event

from livegiving_desktop.db.engine import Database

NO_LIMIT = 1_073_741_823  # SQLite's default maximum page count


class DiskSpace:
    """While `full` is True, every write that needs a new page of the database file fails with
    "database or disk is full" (SQLITE_FULL), as on a full disk; setting it back to False is
    the space returning. Applies to the writer connections of one opened database."""

    def __init__(self, db: Database, *, full: bool = False) -> None:
        self.full = full
        event.listen(db.writer, "checkout", self._on_checkout)

    def _on_checkout(self, dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        # 1 is raised by SQLite to the current size: the file cannot grow by a single page.
        dbapi_connection.execute(f"PRAGMA max_page_count = {1 if self.full else NO_LIMIT}")
