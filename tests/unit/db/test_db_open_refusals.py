"""Files that are not (or not yet) ours are refused with a clear message and left untouched."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from helpers.files import make_read_only, make_writable
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
    # Regression: the read-only check left newer.db-wal and newer.db-shm beside the file.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["newer.db"]
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("9999",)]
    finally:
        conn.close()


@pytest.fixture(scope="module")
def ledger_with_history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real ledger with a few thousand donations, checkpointed into one file."""
    path = tmp_path_factory.mktemp("history") / "ledger.db"
    service = LedgerService.open(str(path))
    try:
        campaign = service.create_fundraiser(
            title="History", organization_id="croix-rouge-francaise", goal="100", currency="EUR"
        )
        service.simulate(campaign.id, count=3000, seed=2)
    finally:
        service.close()
    assert not path.with_name("ledger.db-wal").exists()
    return path


CUTS = {
    "header-only": lambda size: 100,
    "first-page": lambda size: 4096,
    "half": lambda size: size // 2,
    "half-and-a-bit": lambda size: size // 2 + 123,
    "all-but-the-last-page": lambda size: size - 4096,
}


@pytest.mark.parametrize("cut", list(CUTS))
def test_a_truncated_database_is_refused_and_left_unchanged(
    cut: str, ledger_with_history: Path, tmp_path: Path
) -> None:
    whole = ledger_with_history.read_bytes()
    path = tmp_path / "ledger.db"
    path.write_bytes(whole[: CUTS[cut](len(whole))])
    before = snapshot(path)
    with pytest.raises(DatabaseOpenError, match="damaged") as caught:
        LedgerService.open(str(path))
    assert str(path) in str(caught.value)
    assert "was not changed" in str(caught.value)
    assert snapshot(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ledger.db"]


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


def test_a_read_only_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "readonly.db"
    LedgerService.open(str(path)).close()
    try:
        if not make_read_only(path):
            pytest.skip("cannot make a file read-only here (root without chattr)")
        before = snapshot(path)
        with pytest.raises(DatabaseOpenError, match="read-only"):
            LedgerService.open(str(path))
        assert snapshot(path) == before
    finally:
        make_writable(path)


def test_a_database_in_a_read_only_folder_is_refused(tmp_path: Path) -> None:
    # SQLite needs the folder for its -wal and -shm files: writing would fail half-way.
    folder = tmp_path / "locked"
    folder.mkdir()
    path = folder / "ledger.db"
    LedgerService.open(str(path)).close()
    try:
        if not make_read_only(folder):
            pytest.skip("cannot make a folder read-only here (root without chattr)")
        before = snapshot(path)
        with pytest.raises(DatabaseOpenError, match="read-only"):
            LedgerService.open(str(path))
        assert snapshot(path) == before
        assert sorted(p.name for p in folder.iterdir()) == ["ledger.db"]
    finally:
        make_writable(folder)
