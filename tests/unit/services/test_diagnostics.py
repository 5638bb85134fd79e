"""The log file and the diagnostics a user pastes into a bug report."""

from __future__ import annotations

import logging
import platform
import sqlite3
import uuid
from pathlib import Path

import sqlalchemy

from helpers.logs import app_log
from livegiving_desktop import __version__
from livegiving_desktop.db.engine import HEAD_REVISION
from livegiving_desktop.services import config
from livegiving_desktop.services.diagnostics import diagnostics_report, mask_passwords, tail
from livegiving_desktop.services.ledger import LedgerService

log = logging.getLogger("livegiving.test")


def test_the_log_is_a_rotated_file_in_the_user_data_directory(user_data_dir: Path) -> None:
    with app_log() as (path, handler):
        assert path == user_data_dir / "logs" / "livegiving.log" == config.log_path()
        assert handler.maxBytes > 0 and handler.backupCount >= 1
        handler.maxBytes = 4000  # rotate within the test
        for i in range(200):
            log.warning("line %03d of a long broadcast", i)
        assert path.with_name("livegiving.log.1").is_file()
        assert path.stat().st_size <= 4000
        assert tail(path, 1)[0].endswith("line 199 of a long broadcast")


def test_diagnostics_hold_versions_database_schema_and_the_end_of_the_log(
    tmp_path: Path, user_data_dir: Path
) -> None:
    path = tmp_path / "ledger.db"
    service = LedgerService.open(str(path))
    marker = f"just written {uuid.uuid4()}"
    try:
        with app_log():
            log.warning(marker)
            text = diagnostics_report(
                db=service.db, db_url=str(path), qt_versions=(("Qt", "6.9.9"),)
            )
    finally:
        service.close()
    assert f"LiveGiving Desktop {__version__}" in text
    assert f"Python {platform.python_version()}" in text
    assert "Qt 6.9.9" in text
    assert f"SQLAlchemy {sqlalchemy.__version__}" in text
    assert f"SQLite {sqlite3.sqlite_version}" in text
    assert str(path) in text
    assert f"Schema revision: {HEAD_REVISION}" in text
    assert str(user_data_dir) in text
    assert text.rstrip().splitlines()[-1].endswith(marker)


def test_diagnostics_never_show_a_password(user_data_dir: Path) -> None:
    url = "postgresql+psycopg://giving:s3cr3t-pw@db.example:5432/live"
    with app_log():
        log.warning("could not connect to %s", url)
        text = diagnostics_report(db=None, db_url=url, problem="the server cannot be reached")
    assert "s3cr3t-pw" not in text
    assert "giving:***@db.example" in text
    assert "not open: the server cannot be reached" in text
    assert mask_passwords("a sqlite:///plain/path and http://x@y") == (
        "a sqlite:///plain/path and http://x@y"
    )


def test_diagnostics_without_a_log_say_so(user_data_dir: Path) -> None:
    text = diagnostics_report(db=None, db_url=None)
    assert "no log to show" in text
    assert "Database: none (not open)" in text
