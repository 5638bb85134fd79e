"""Writing an export: never onto the ledger, a device or a FIFO, never through a planted link;
the umask for a new file, the old mode for a replaced one (services/files.py)."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

import pytest

from livegiving_desktop.core.errors import ValidationError
from livegiving_desktop.db.engine import to_url
from livegiving_desktop.services.files import ledger_files, write_atomically


def _write(text: str) -> Callable[[TextIO], int]:
    def write(out: TextIO) -> int:
        out.write(text)
        return 1

    return write


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    db = tmp_path / "ledger.db"
    db.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    (tmp_path / "ledger.db-wal").write_bytes(b"wal")
    return db


@pytest.mark.parametrize(
    "name", ["ledger.db", "ledger.db-wal", "ledger.db-shm", "ledger.db-journal", "x/../ledger.db"]
)
def test_the_ledger_and_its_companions_are_never_replaced(
    ledger: Path, tmp_path: Path, name: str
) -> None:
    (tmp_path / "x").mkdir()
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    with pytest.raises(ValidationError, match="ledger's own database file"):
        write_atomically(
            tmp_path / name, _write("csv"), protected=ledger_files(to_url(str(ledger))),
            overwrite=True,
        )  # fmt: skip
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()} == before


def test_a_symlink_or_a_hard_link_to_the_ledger_is_refused(ledger: Path, tmp_path: Path) -> None:
    (tmp_path / "link.csv").symlink_to(ledger)
    os.link(ledger, tmp_path / "hard.csv")
    for name in ("link.csv", "hard.csv"):
        with pytest.raises(ValidationError, match="ledger's own database file"):
            write_atomically(
                tmp_path / name, _write("csv"), protected=ledger_files(to_url(str(ledger))),
                overwrite=True,
            )  # fmt: skip
    assert ledger.read_bytes().startswith(b"SQLite format 3")


def test_an_existing_file_needs_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old")
    with pytest.raises(ValidationError, match="already exists; add --force"):
        write_atomically(target, _write("new"), overwrite=False)
    assert target.read_text() == "old"
    write_atomically(target, _write("new"), overwrite=True)
    assert target.read_text() == "new"


def test_a_fifo_or_a_device_is_never_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    for target in (fifo, Path("/dev/null")):
        with pytest.raises(ValidationError, match="not a regular file"):
            write_atomically(target, _write("x"), overwrite=True)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_symlink_planted_at_the_temporary_name_is_never_written_through(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    (tmp_path / ".out.csv.part").symlink_to(victim)
    write_atomically(tmp_path / "out.csv", _write("exported"), overwrite=False)
    assert victim.read_text() == "precious"
    assert (tmp_path / "out.csv").read_text() == "exported"
    assert not (tmp_path / ".out.csv.part").exists()
    assert not (tmp_path / ".out.csv.part").is_symlink()


def test_a_new_file_follows_the_umask_and_a_replaced_one_keeps_its_mode(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        write_atomically(tmp_path / "new.csv", _write("x"), overwrite=False)
        kept = tmp_path / "kept.csv"
        kept.write_text("old")
        kept.chmod(0o604)
        write_atomically(kept, _write("x"), overwrite=True)
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.csv").stat().st_mode) == 0o640
    assert stat.S_IMODE(kept.stat().st_mode) == 0o604


def test_a_failed_write_leaves_neither_half_a_file_nor_the_part(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old")

    def broken(out: TextIO) -> int:
        out.write("half")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        write_atomically(target, broken, overwrite=True)
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_a_server_database_protects_no_file() -> None:
    assert ledger_files(to_url("postgresql+psycopg://u@h/db")) == ()
