"""A damaged ledger is refused byte for byte untouched, and what can be read is saved into a
new file (db/engine.py, db/recovery.py)."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from helpers.damage import break_free_space, ledger_with_donations, trash_page
from helpers.ledger import PREPARED_FUNDRAISER, prepare_ledger
from livegiving_desktop.db import recovery
from livegiving_desktop.db.engine import DamagedDatabaseError, open_database
from livegiving_desktop.services.ledger import LedgerService


@pytest.fixture(scope="module")
def sound_ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sound") / "ledger.db"
    prepare_ledger(str(path))
    ledger_with_donations(path, PREPARED_FUNDRAISER)
    return path


def _copy(sound: Path, tmp_path: Path) -> Path:
    path = tmp_path / "damaged.db"
    shutil.copyfile(sound, path)
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_damaged_file_is_refused_untouched_with_what_to_do(
    sound_ledger: Path, tmp_path: Path
) -> None:
    path = _copy(sound_ledger, tmp_path)
    page = break_free_space(path)
    before = _digest(path)
    with pytest.raises(DamagedDatabaseError) as refused:
        LedgerService.open(str(path))
    words = str(refused.value)
    assert f"Page {page}: free space corruption" in words
    assert "The file was not changed" in words
    assert "db recover --out" in words
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["damaged.db"]  # no -wal, no -shm


def test_check_names_the_damage_and_a_sound_file_passes(sound_ledger: Path, tmp_path: Path) -> None:
    assert recovery.check(sound_ledger).ok
    path = _copy(sound_ledger, tmp_path)
    trash_page(path)
    before = _digest(path)
    report = recovery.check(path)
    assert not report.ok
    assert report.problems
    assert _digest(path) == before


@pytest.mark.parametrize("shell", [True, False], ids=["sqlite3-shell-if-it-works", "table-copy"])
@pytest.mark.parametrize("damage", [break_free_space, trash_page], ids=["free-space", "trashed"])
def test_recover_saves_what_can_be_read_into_a_new_file_that_opens(
    sound_ledger: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shell: bool, damage: object
) -> None:
    if not shell:
        monkeypatch.setattr(recovery.shutil, "which", lambda _name: None)
    path = _copy(sound_ledger, tmp_path)
    damage(path)  # type: ignore[operator]
    before = _digest(path)
    out = tmp_path / "saved.db"
    report = recovery.recover(path, out)
    assert _digest(path) == before
    assert recovery.check(out).ok
    assert report.rows["alembic_version"] == 1
    assert report.rows["campaigns"] == 2
    assert 200 <= report.rows["donations"] <= 301
    db = open_database(str(out))  # a LiveGiving ledger again, at the current schema
    db.close()
    service = LedgerService.open(str(out))
    try:
        assert service.campaign(PREPARED_FUNDRAISER).donation_count == report.rows["donations"]
        service.record_donation(PREPARED_FUNDRAISER, amount="1", donor_name="After")
    finally:
        service.close()
    assert not list(tmp_path.glob(".*part*"))
