"""A database file the app must not open: refused with a message in the window, never a
traceback, and the file left exactly as it was (bytes, modification time, its folder)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from livegiving_desktop.db.engine import open_database


def _text_file(path: Path) -> None:
    path.write_text("shopping list\n", encoding="utf-8")


def _truncated(path: Path) -> None:
    open_database(str(path)).close()
    with path.open("r+b") as fh:
        fh.truncate(path.stat().st_size // 2)


def _newer(path: Path) -> None:
    open_database(str(path)).close()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()


def _page_damaged(path: Path) -> None:
    from helpers.damage import break_free_space, ledger_with_donations
    from helpers.ledger import PREPARED_FUNDRAISER, prepare_ledger

    prepare_ledger(str(path))
    ledger_with_donations(path, PREPARED_FUNDRAISER)
    break_free_space(path)


before: dict[str, tuple[bytes, int]] = {}  # each file as prepared, before the window
BAD_FILES = {
    "not-a-database": (_text_file, "not a LiveGiving database"),
    "truncated": (_truncated, "damaged"),
    "newer-schema": (_newer, "newer"),
    "page-damaged": (_page_damaged, "free space corruption"),  # quick_check's report
}


@pytest.fixture
def livegiving_db_url(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> str:
    """Overrides the plugin's fixture: the window opens a file that must be refused."""
    monkeypatch.setenv("LIVEGIVING_DATA_DIR", str(tmp_path / "userdata"))
    monkeypatch.delenv("LIVEGIVING_DB", raising=False)
    folder = tmp_path / "files"
    folder.mkdir()
    path = folder / "ledger.db"
    BAD_FILES[request.param][0](path)
    before[str(path)] = (path.read_bytes(), path.stat().st_mtime_ns)
    return str(path)


@pytest.mark.parametrize("livegiving_db_url", list(BAD_FILES), indirect=True)
def test_a_file_that_cannot_be_opened_is_refused_with_a_message(
    livegiving_window: Any, livegiving_db_url: str, request: pytest.FixtureRequest
) -> None:
    # The file was prepared before the window existed; it must be exactly as it was.
    path = Path(livegiving_db_url)
    w = livegiving_window
    box = w.error_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    expected = BAD_FILES[request.node.callspec.params["livegiving_db_url"]][1]
    assert expected in box.text()
    assert "Traceback" not in box.text() and "sqlalchemy" not in box.text().lower()
    assert w.status_save.text() == "The database could not be opened"
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before[livegiving_db_url]
    assert sorted(p.name for p in path.parent.iterdir()) == ["ledger.db"]


def test_the_damaged_file_message_says_what_to_do_in_french(qapp: Any, french: None) -> None:
    from livegiving_desktop.db.engine import damaged_words
    from livegiving_desktop.ui.common.error_text import translate_reason

    words = translate_reason(
        damaged_words(Path("/data/ledger.db"), "Page 26: free space corruption")
    )
    assert words.startswith("base de données : /data/ledger.db est endommagée (Page 26: free")
    assert "Le fichier n'a pas été modifié" in words
    assert "`livegiving --db /data/ledger.db db recover --out NOUVEAU.db`" in words
