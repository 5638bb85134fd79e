"""The log never fails loudly, no password of a database URL is ever shown or logged, and the
ledger and the log are the user's alone (issue 16 items 6, 8, 9)."""

from __future__ import annotations

import logging
import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from livegiving_desktop.core.text import mask_credentials
from livegiving_desktop.db.engine import open_database, to_url
from livegiving_desktop.services import config
from livegiving_desktop.services.diagnostics import mask_passwords

SECRET_URLS = [
    ("postgresql+psycopg://sam:hunter2@db.example/live", "hunter2"),
    ("postgresql+psycopg://sam:p@ss@word@db.example/live", "ss@word"),  # a raw @
    ("postgresql+psycopg://sam@db.example/live?password=hunter2", "hunter2"),
    ("postgresql+psycopg://sam@db.example/live?sslmode=require&PASSWORD=hunter2", "hunter2"),
    ("postgresql+psycopg://sam:x@db.example/live?sslpassword=hunter2", "hunter2"),
]


@pytest.mark.parametrize(("url", "secret"), SECRET_URLS)
def test_every_credential_form_is_masked(url: str, secret: str) -> None:
    for shown in (mask_credentials(f"cannot open {url}: refused"), mask_passwords(url),
                  open_database.__globals__["Database"](to_url(url), None, None).display_url):  # type: ignore[arg-type]  # fmt: skip
        assert secret not in shown
        assert "***" in shown
        assert "db.example" in shown


@pytest.fixture
def root_logger() -> Iterator[logging.Logger]:
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    for handler in before:
        root.removeHandler(handler)
    yield root
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    for handler in before:
        root.addHandler(handler)
    root.setLevel(level)


def test_an_unwritable_data_folder_gives_one_short_line_and_no_traceback(
    root_logger: logging.Logger,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("LIVEGIVING_DATA_DIR", str(blocker / "data"))  # mkdir fails, even as root
    assert config.setup_logging() is None
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        logging.getLogger("livegiving.test").exception("unexpected failure")
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("livegiving: the log cannot be written (")
    assert "Traceback" not in err
    assert config.active_log() is None


def test_a_full_disk_under_the_log_gives_one_short_line(
    root_logger: logging.Logger, user_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = config.setup_logging()
    assert path is not None
    [handler] = [h for h in root_logger.handlers if isinstance(h, logging.FileHandler)]

    class FullDisk:
        def write(self, _text: str) -> int:
            raise OSError(28, "No space left on device")

        def flush(self) -> None:
            raise OSError(28, "No space left on device")

        def close(self) -> None:
            pass

        def seek(self, _offset: int, _whence: int = 0) -> int:
            return 0

        def tell(self) -> int:
            return 0

    handler.stream = FullDisk()  # type: ignore[assignment]
    for i in range(500):
        logging.getLogger("livegiving.test").error("batch %d failed", i, exc_info=True)
    err = capsys.readouterr().err
    assert err == "livegiving: the log cannot be written (the disk is full); going on without it\n"
    assert config.active_log() is None


def test_the_log_is_private_and_masks_passwords(
    root_logger: logging.Logger, user_data_dir: Path
) -> None:
    path = config.setup_logging()
    assert path is not None
    url = "postgresql+psycopg://sam:p@ss@db.example/live?password=hunter2"
    logging.getLogger("livegiving.test").warning("cannot open %s", url)
    try:
        raise ValueError(url)
    except ValueError:
        logging.getLogger("livegiving.test").exception("failed")
    for handler in root_logger.handlers:
        handler.flush()
    text = path.read_text(encoding="utf-8")
    assert "hunter2" not in text and "ss@db" not in text
    assert text.count("db.example") >= 2
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_a_new_ledger_is_private_with_its_companions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        db = open_database(str(tmp_path / "ledger.db"))
        with db.writer.begin() as conn:
            conn.exec_driver_sql("SELECT 1")
        modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in tmp_path.iterdir()}
        db.close()
    finally:
        os.umask(old)
    assert modes["ledger.db"] == 0o600
    assert all(mode == 0o600 for mode in modes.values()), modes


def test_the_default_data_folder_is_private(user_data_dir: Path) -> None:
    shutil.rmtree(user_data_dir)  # the app makes it again, as on a first start
    config.default_database()
    assert stat.S_IMODE(user_data_dir.stat().st_mode) == 0o700
