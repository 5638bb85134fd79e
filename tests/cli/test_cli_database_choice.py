"""Which database a command uses (--db, LIVEGIVING_DB, the user data directory), and what a
committed batch promises when the process dies."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from helpers.cli import cli_argv, cli_env, run_cli
from helpers.ledger import PREPARED_FUNDRAISER
from livegiving_desktop.services.ledger import LedgerService

CREATE = ("campaigns", "create", "--kind", "fundraiser", "--title", "Env", "--organization",
          "croix-rouge-francaise", "--goal", "100", "--currency", "EUR")  # fmt: skip


def titles(path: Path) -> list[str]:
    service = LedgerService.open(str(path))
    try:
        return [c.title for c in service.campaigns()]
    finally:
        service.close()


def test_livegiving_db_then_the_user_data_directory(tmp_path: Path, user_data_dir: Path) -> None:
    chosen = tmp_path / "from-env.db"
    created = run_cli(*CREATE, data_dir=user_data_dir, env={"LIVEGIVING_DB": str(chosen)})
    assert created.code == 0, created.stderr
    assert titles(chosen) == ["Env"]

    # --db also works before the command, and wins over LIVEGIVING_DB.
    listed = run_cli(
        "--db", str(chosen), "campaigns", "list", "--json",
        data_dir=user_data_dir, env={"LIVEGIVING_DB": str(tmp_path / "other.db")},
    )  # fmt: skip
    assert listed.code == 0, listed.stderr
    assert [c["title"] for c in json.loads(listed.stdout)] == ["Env"]
    assert not (tmp_path / "other.db").exists()

    default = run_cli("campaigns", "list", "--json", data_dir=user_data_dir)
    assert default.code == 0, default.stderr
    assert json.loads(default.stdout) == []
    assert (user_data_dir / "livegiving.db").is_file()


def test_simulate_with_a_closed_progress_pipe(ledger_copy: Path, user_data_dir: Path) -> None:
    argv = cli_argv(
        "simulate", "--campaign", str(PREPARED_FUNDRAISER), "--count", "5000", "--seed", "6",
        "--progress", "jsonl", db=ledger_copy,
    )  # fmt: skip
    with subprocess.Popen(
        argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=cli_env(user_data_dir)
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()  # the reader is gone before the first progress line
        stderr = proc.stderr.read().decode("utf-8", "replace")
        code = proc.wait(timeout=60)
    assert "Traceback" not in stderr
    service = LedgerService.open(str(ledger_copy))
    try:
        stored = service.store.completed_sum(PREPARED_FUNDRAISER)[1] - 1
    finally:
        service.close()
    # Success means the whole rehearsal is in the ledger; otherwise the status must say so.
    assert code != 0 or stored == 5000, (code, stored)


def test_concurrent_writers_queue_instead_of_failing(
    ledger_copy: Path, user_data_dir: Path
) -> None:
    # A rehearsal and offline donations from other processes, on one SQLite file at once.
    campaign = str(PREPARED_FUNDRAISER)
    rehearsal = ("simulate", "--campaign", campaign, "--count", "5000", "--seed", "9")
    commands = [cli_argv(*rehearsal, db=ledger_copy)]
    for i in range(3):
        donation = ("donate", "--campaign", campaign, "--amount", "1", "--donor", f"Door {i}",
                    "--external-id", f"door-{i}")  # fmt: skip
        commands.append(cli_argv(*donation, db=ledger_copy))
    env = cli_env(user_data_dir)
    procs = [
        subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
        for argv in commands
    ]
    results = [(proc.communicate(timeout=120), proc.returncode) for proc in procs]
    for (_, stderr), code in results:
        assert code == 0, stderr
    summary = json.loads(results[0][0][0].splitlines()[-1])
    assert summary["accepted"] == 5000
    service = LedgerService.open(str(ledger_copy))
    try:
        total, count = service.store.completed_sum(PREPARED_FUNDRAISER)
        record = service.campaign(PREPARED_FUNDRAISER)
    finally:
        service.close()
    assert count == 1 + 5000 + 3
    assert (record.total_minor, record.donation_count) == (total, count)
