"""Opening the ledger a second time in one process must not drop the locks the first opening
holds: another process would then take itself for the last user of the file, checkpoint and
delete the -wal file on closing, and every later commit of this process would go to a deleted
file, invisible to every other seat and lost at exit."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from helpers.ledger import fundraiser
from livegiving_desktop.services.ledger import LedgerService

_READ = "import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute({sql!r}).fetchall())"


def _other_process(path: Path, sql: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", _READ.format(sql=sql), str(path)],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    return done.stdout.strip()


def test_commits_after_a_second_opening_reach_other_processes(tmp_path: Path) -> None:
    path = tmp_path / "ledger.db"
    first = LedgerService.open(str(path))
    try:
        one = fundraiser(first, title="First")
        second = LedgerService.open(str(path))  # the same file, again, in this process
        try:
            assert [c.id for c in second.campaigns()] == [one.id]
            # Another process reads and closes: it must know it is not the file's last user.
            assert _other_process(path, "SELECT title FROM campaigns") == "[('First',)]"
            assert (tmp_path / "ledger.db-wal").exists()
            two = fundraiser(first, title="Second")
            assert _other_process(path, "SELECT title FROM campaigns ORDER BY id") == (
                "[('First',), ('Second',)]"
            )
            assert {c.id for c in second.campaigns()} == {one.id, two.id}
        finally:
            second.close()
        three = fundraiser(first, title="Third")  # the first opening goes on alone
        assert three.id > two.id
        assert "Third" in _other_process(path, "SELECT title FROM campaigns")
    finally:
        first.close()
