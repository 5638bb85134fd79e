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
