"""Files that are not (or not yet) ours are refused with a clear message and left untouched."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from livegiving_desktop.db.engine import DatabaseOpenError, open_database
from livegiving_desktop.services.ledger import LedgerService

pytestmark = pytest.mark.db


def snapshot(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def test_a_text_file_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(b"hello")
    before = snapshot(path)
    with pytest.raises(DatabaseOpenError, match="not a LiveGiving database") as caught:
        LedgerService.open(str(path))
    assert str(path) in str(caught.value)
    assert snapshot(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_another_programs_sqlite_file_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
        conn.execute("INSERT INTO recipes VALUES ('soup')")
    conn.close()
    before = snapshot(path)
    with pytest.raises(DatabaseOpenError, match="another program"):
        LedgerService.open(str(path))
    assert snapshot(path) == before


def make_newer_database(path: Path) -> None:
    LedgerService.open(str(path)).close()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()


def test_a_database_of_a_newer_schema_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    make_newer_database(path)
    before = snapshot(path)
    with pytest.raises(DatabaseOpenError, match="newer") as caught:
        LedgerService.open(str(path))
    assert "9999" in str(caught.value)
    assert snapshot(path) == before
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("9999",)]
    finally:
        conn.close()


def test_a_missing_folder_is_refused_clearly(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder"
    with pytest.raises(DatabaseOpenError, match="does not exist") as caught:
        open_database(str(missing / "ledger.db"))
    assert str(missing) in str(caught.value)
    assert not missing.exists()


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatabaseOpenError, match="folder"):
        open_database(str(tmp_path))


def test_an_in_memory_database_is_refused() -> None:
    with pytest.raises(DatabaseOpenError, match="in-memory"):
        open_database("sqlite://")


def test_an_empty_file_becomes_a_new_database(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.touch()
    service = LedgerService.open(str(path))
    try:
        assert service.campaigns() == []
    finally:
        service.close()


def _make_read_only(path: Path) -> bool:
    """chmod is enough for a normal user; root ignores it, so use the immutable flag."""
    path.chmod(0o444)
    if os.access(path, os.W_OK) and shutil.which("chattr"):
        subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False)
    return not os.access(path, os.W_OK)


def _make_writable(path: Path) -> None:
    if shutil.which("chattr"):
        subprocess.run(["chattr", "-i", str(path)], capture_output=True, check=False)
    path.chmod(0o644)


def test_a_read_only_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "readonly.db"
    LedgerService.open(str(path)).close()
    try:
        if not _make_read_only(path):
            pytest.skip("cannot make a file read-only here (root without chattr)")
        before = snapshot(path)
        with pytest.raises(DatabaseOpenError, match="read-only"):
            LedgerService.open(str(path))
        assert snapshot(path) == before
    finally:
        _make_writable(path)
