"""A full disk on demand: SQLite refuses to grow the file past `PRAGMA max_page_count`."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from sqlalchemy import event

from livegiving_desktop.db.engine import Database
from livegiving_desktop.services.ledger import LedgerService

NO_LIMIT = 1_073_741_823  # SQLite's default maximum page count


class DiskSpace:
    """While `full` is True, every write that needs a new page of the database file fails with
    "database or disk is full" (SQLITE_FULL), as on a full disk; setting it back to False is
    the space returning. Applies to the writer connections of one opened database, and to
    those of the ingestion workers started with `worker_hook` in LIVEGIVING_WORKER_HOOKS
    (the switch is a file both processes look at)."""

    def __init__(self, db: Database, *, full: bool = False) -> None:
        self.flag = Path(tempfile.mkdtemp(prefix="lg-disk-")) / "full"
        self.full = full
        event.listen(db.writer, "checkout", self._on_checkout)

    @property
    def full(self) -> bool:
        return self.flag.exists()

    @full.setter
    def full(self, value: bool) -> None:
        if value:
            self.flag.touch()
        else:
            self.flag.unlink(missing_ok=True)

    @property
    def worker_hook(self) -> str:
        return f"helpers.disk:fill_in_worker={self.flag}"

    def _on_checkout(self, dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        _limit(dbapi_connection, self.flag)


def _limit(dbapi_connection: Any, flag: Path) -> None:
    # 1 is raised by SQLite to the current size: the file cannot grow by a single page.
    dbapi_connection.execute(f"PRAGMA max_page_count = {1 if flag.exists() else NO_LIMIT}")


def fill_in_worker(service: LedgerService, flag: str) -> None:
    """A worker hook: the worker's writes see the same full disk as the window's."""
    path = Path(flag)
    event.listen(service.db.writer, "checkout", lambda conn, *_: _limit(conn, path))
