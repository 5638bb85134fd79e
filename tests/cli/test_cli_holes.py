"""The holes around the ledger (issue 16) closed on the command line: an export never replaces
the ledger, a device or an existing file without --force."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

import pytest

from helpers.cli import Cli
from helpers.ledger import PREPARED_FUNDRAISER

CAMPAIGN = str(PREPARED_FUNDRAISER)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm", "-journal"])
def test_export_onto_the_ledger_or_its_companions_is_refused(
    cli_prepared: Cli, ledger_copy: Path, suffix: str
) -> None:
    before = _digest(ledger_copy)
    target = ledger_copy.with_name(ledger_copy.name + suffix)
    for force in ([], ["--force"]):
        result = cli_prepared(
            "export", "--campaign", CAMPAIGN, "--format", "csv", "-o", str(target), *force
        )
        assert result.code == 2, result.stderr
        assert "--output: is the ledger's own database file; choose another name" in result.stderr
        assert "Traceback" not in result.stderr
    assert _digest(ledger_copy) == before
    assert not list(ledger_copy.parent.glob(".*.part"))


def test_export_through_a_symlink_to_the_ledger_is_refused(
    cli_prepared: Cli, ledger_copy: Path, tmp_path: Path
) -> None:
    before = _digest(ledger_copy)
    link = tmp_path / "elsewhere" / "report.csv"
    link.parent.mkdir()
    link.symlink_to(ledger_copy)
    result = cli_prepared("export", "--campaign", CAMPAIGN, "--format", "csv", "-o", str(link),
                          "--force")  # fmt: skip
    assert result.code == 2
    assert "ledger's own database file" in result.stderr
    assert _digest(ledger_copy) == before


def test_export_refuses_an_existing_file_without_force_and_keeps_its_mode_with_it(
    cli_prepared: Cli, tmp_path: Path
) -> None:
    target = tmp_path / "donations.csv"
    target.write_text("keep me\n")
    target.chmod(0o640)
    refused = cli_prepared("export", "--campaign", CAMPAIGN, "--format", "csv", "-o", str(target))
    assert refused.code == 2
    assert "--output: already exists; add --force to replace it" in refused.stderr
    assert target.read_text() == "keep me\n"
    forced = cli_prepared("export", "--campaign", CAMPAIGN, "--format", "csv", "-o", str(target),
                          "--force")  # fmt: skip
    assert forced.code == 0, forced.stderr
    assert target.read_text().startswith("donation_id,")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_export_never_opens_a_fifo_or_a_device(cli_prepared: Cli, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    for target in (str(fifo), "/dev/null"):
        result = cli_prepared("export", "--campaign", CAMPAIGN, "--format", "csv", "-o", target,
                              "--force")  # fmt: skip
        assert result.code == 2, result.stderr
        assert "--output: is not a regular file" in result.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_export_follows_the_umask(cli_prepared: Cli, tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        result = cli_prepared(
            "export", "--campaign", CAMPAIGN, "--format", "csv", "-o", str(tmp_path / "a.csv")
        )
    finally:
        os.umask(old)
    assert result.code == 0, result.stderr
    assert stat.S_IMODE((tmp_path / "a.csv").stat().st_mode) == 0o644


def test_a_damaged_ledger_is_refused_then_checked_and_recovered_into_a_new_file(
    cli_prepared: Cli, ledger_copy: Path, tmp_path: Path
) -> None:
    from helpers.damage import break_free_space, ledger_with_donations

    ledger_with_donations(ledger_copy, PREPARED_FUNDRAISER)
    page = break_free_space(ledger_copy)
    before = _digest(ledger_copy)
    donate = cli_prepared("donate", "--campaign", CAMPAIGN, "--amount", "5", "--donor", "X")
    assert donate.code == 2
    assert f"is damaged (Page {page}: free space corruption); nothing was written" in donate.stderr
    assert "db recover --out NEW.db" in donate.stderr
    assert _digest(ledger_copy) == before

    checked = cli_prepared("db", "check")
    assert checked.code == 1
    assert f"Page {page}: free space corruption" in checked.stdout
    assert "is damaged" in checked.stderr

    out = tmp_path / "saved.db"
    recovered = cli_prepared("db", "recover", "--out", str(out))
    assert recovered.code == 0, recovered.stderr
    assert "was not changed" in recovered.stderr
    assert _digest(ledger_copy) == before
    assert sorted(p.name for p in ledger_copy.parent.iterdir() if "ledger" in p.name) == [
        "ledger.db"
    ]
    again = cli_prepared("db", "recover", "--out", str(out))
    assert again.code == 2
    assert "already exists" in again.stderr

    from helpers.cli import run_cli

    donated = run_cli("donate", "--campaign", CAMPAIGN, "--amount", "5", "--donor", "X",
                      data_dir=tmp_path / "data", db=out)  # fmt: skip
    assert donated.code == 0, donated.stderr
    assert run_cli("db", "check", data_dir=tmp_path / "data", db=out).stdout == "ok\n"


def test_a_ledger_locked_by_another_program_says_so_with_exit_1(
    ledger_copy: Path,
    user_data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import logging
    import sqlite3

    from livegiving_desktop import cli
    from livegiving_desktop.db import engine

    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 300)
    other = sqlite3.connect(ledger_copy, isolation_level=None)
    other.execute("PRAGMA journal_mode = DELETE")  # another program's own way of locking
    other.execute("BEGIN EXCLUSIVE")
    handlers = list(logging.getLogger().handlers)
    try:
        for argv in (
            ["donate", "--campaign", CAMPAIGN, "--amount", "5", "--donor", "X"],
            ["campaigns", "list"],
        ):
            code = cli.main([*argv, "--db", str(ledger_copy)])
            err = capsys.readouterr().err
            assert code == 1, err
            assert "another program is using the ledger" in err
            assert "Traceback" not in err
    finally:
        other.execute("ROLLBACK")
        other.close()
        for handler in set(logging.getLogger().handlers) - set(handlers):
            logging.getLogger().removeHandler(handler)
            handler.close()
