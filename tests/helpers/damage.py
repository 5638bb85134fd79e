"""Damaging a SQLite ledger the way a disk does: one page of a table, nothing else."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from livegiving_desktop.services.ledger import LedgerService


def ledger_with_donations(path: Path, campaign_id: int, count: int = 300) -> None:
    """Add `count` donations (enough for many leaf pages) and fold the WAL into the file."""
    service = LedgerService.open(str(path))
    try:
        for i in range(count):
            service.record_donation(campaign_id, amount="5", donor_name=f"Donor {i}",
                                    message="x" * 50)  # fmt: skip
    finally:
        service.close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()


def _leaf_pages(data: bytes, page_size: int) -> list[int]:
    return [i for i in range(2, len(data) // page_size) if data[i * page_size] == 0x0D]


def break_free_space(path: Path) -> int:
    """A leaf page whose free-block pointer points past its end: "Page N: free space
    corruption" to quick_check, while every row still reads (the case of issue 16)."""
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    page = _leaf_pages(data, page_size)[-3]
    offset = page * page_size
    data[offset + 1 : offset + 3] = (page_size - 2).to_bytes(2, "big")
    path.write_bytes(bytes(data))
    return page + 1  # SQLite counts pages from 1


def trash_page(path: Path) -> None:
    """A leaf page overwritten with garbage: its rows cannot be read any more."""
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    page = _leaf_pages(data, page_size)[-3]
    offset = page * page_size
    data[offset + 8 : offset + page_size] = bytes([0xA5]) * (page_size - 8)
    path.write_bytes(bytes(data))
