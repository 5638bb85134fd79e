"""What went wrong with the database or the disk, in words a user can act on
(`describe_failure`). The words live in db/failures.py so that opening a database (db/engine.py)
says them too; services and the UI import them from here."""

from __future__ import annotations

from livegiving_desktop.db.failures import (
    DATABASE_ERROR,
    DISK_FULL,
    NO_ANSWER,
    UNREACHABLE,
    describe_failure,
)

__all__ = ["DATABASE_ERROR", "DISK_FULL", "NO_ANSWER", "UNREACHABLE", "describe_failure"]
