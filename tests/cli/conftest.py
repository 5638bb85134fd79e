"""A prepared ledger, copied for each command-line test (creating it costs a migration)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers.cli import Cli, CliResult, run_cli
from helpers.ledger import prepare_ledger


@pytest.fixture(scope="session")
def prepared_ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("prepared") / "ledger.db"
    prepare_ledger(str(path))
    return path


@pytest.fixture
def ledger_copy(prepared_ledger: Path, tmp_path: Path) -> Path:
    """This test's own copy of the prepared ledger."""
    path = tmp_path / "ledger.db"
    shutil.copyfile(prepared_ledger, path)
    return path


def _runner(db: Path, data_dir: Path) -> Cli:
    def run(*args: str) -> CliResult:
        return run_cli(*args, data_dir=data_dir, db=db)

    return run


@pytest.fixture
def cli(tmp_path: Path, user_data_dir: Path) -> Cli:
    """The command line on a new (not yet existing) database of this test."""
    return _runner(tmp_path / "new.db", user_data_dir)


@pytest.fixture
def cli_prepared(ledger_copy: Path, user_data_dir: Path) -> Cli:
    """The command line on this test's copy of the prepared ledger."""
    return _runner(ledger_copy, user_data_dir)
