"""The holes around the ledger (issue 16) closed on the command line: an export never replaces
the ledger, a device or an existing file without --force."""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable, Iterator
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
    damaged = f"is damaged (Page {page}: free space corruption). The file was not changed"
    assert damaged in donate.stderr
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


def test_a_lost_ticket_code_is_reissued_and_the_old_one_stops_working(
    cli_prepared: Cli, ledger_copy: Path
) -> None:
    import json

    from helpers.ledger import PREPARED_EVENT

    event = str(PREPARED_EVENT)
    # The buyer's output is lost (`> /dev/full`): the sale is recorded all the same.
    lost = cli_prepared("tickets", "buy", "--campaign", event, "--buyer", "Ana",
                        "--external-id", "order-1", "--json")  # fmt: skip
    assert lost.code == 0, lost.stderr
    sold = json.loads(lost.stdout)
    replay = cli_prepared("tickets", "buy", "--campaign", event, "--buyer", "Ana",
                          "--external-id", "order-1")  # fmt: skip
    assert replay.code == 0
    assert replay.stdout == ""
    assert f"livegiving tickets reissue --ticket {sold['ticket_id']}" in replay.stderr

    reissued = cli_prepared("tickets", "reissue", "--ticket", str(sold["ticket_id"]), "--json",
                            "--creator", "Sam")  # fmt: skip
    assert reissued.code == 0, reissued.stderr
    new = json.loads(reissued.stdout)
    assert new["ticket_id"] == sold["ticket_id"] and new["code"] != sold["code"]

    assert cli_prepared("campaigns", "go-live", "--campaign", event).code == 0
    old = cli_prepared("tickets", "admit", "--campaign", event, "--code", sold["code"])
    assert json.loads(old.stdout)["admitted"] is False
    fresh = cli_prepared("tickets", "admit", "--campaign", event, "--code", new["code"])
    assert json.loads(fresh.stdout)["admitted"] is True

    audit = cli_prepared("export", "--campaign", event, "--what", "audit", "--format", "json")
    rows = [r for r in json.loads(audit.stdout) if r["action"] == "ticket-reissue"]
    assert [(r["actor_name"], r["ticket_id"]) for r in rows] == [("Sam", sold["ticket_id"])]

    missing = cli_prepared("tickets", "reissue", "--ticket", "999")
    assert missing.code == 2 and "ticket: no ticket has the id 999" in missing.stderr


def test_admit_name_errors_name_the_attendee_not_the_buyer(cli_prepared: Cli) -> None:
    from helpers.ledger import PREPARED_EVENT

    result = cli_prepared("tickets", "admit", "--campaign", str(PREPARED_EVENT), "--code", "x",
                          "--name", "Bob\x1b[31m")  # fmt: skip
    assert result.code == 2
    assert "attendee name:" in result.stderr
    assert "buyer name" not in result.stderr


@pytest.fixture
def main_in_process(
    user_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> Iterator[Callable[..., tuple[int, str, str]]]:
    """`livegiving ARGS` in this process: (exit status, stdout, stderr)."""
    import logging

    from livegiving_desktop import cli

    root = logging.getLogger()
    handlers = list(root.handlers)

    def run(*argv: str) -> tuple[int, str, str]:
        try:
            code = cli.main(list(argv))
        except SystemExit as exc:  # argparse's refusals
            code = int(exc.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    yield run
    for handler in set(root.handlers) - set(handlers):
        root.removeHandler(handler)
        handler.close()


DONATE = ["donate", "--campaign", "1", "--amount", "5", "--donor"]
EVENT = ["campaigns", "create", "--kind", "paid-event", "--title", "T", "--category", "talk",
         "--price", "5"]  # fmt: skip
FUND = ["campaigns", "create", "--kind", "fundraiser", "--title", "T", "--organization",
        "croix-rouge-francaise", "--goal", "100"]  # fmt: skip
NO_ISO = "is not an ISO 4217 currency code"
YEARS = "is outside the supported years"
REFUSED = [
    # (argv, the words of the refusal)
    ([*DONATE, "\u200b\u200b"], "donor name: has no visible character"),
    ([*DONATE, "\ufeff \u3164"], "donor name: has no visible character"),
    ([*DONATE, "\u2800"], "donor name: has no visible character"),
    ([*DONATE, "Ann\u2028Bob"], "donor name: must stay on one line"),
    ([*DONATE, "Ann\u2029Lee"], "donor name: must stay on one line"),
    ([*DONATE, "Ann", "--external-id", "a\u202eb"], "external id: must be 1 to"),
    (["donate", "--campaign", "2", "--amount", "5", "--donor", "A"], "this event raises no money"),
    (["donate", "--campaign", "\u0663", "--amount", "5", "--donor", "A"], "is not a whole number"),
    (["donate", "--campaign", str(2**63), "--amount", "5", "--donor", "A"], "is too large"),
    (["refund", "--donation", str(2**64), "--reason", "x"], "is too large"),
    (["simulate", "--campaign", "1", "--count", "1", "--rate", "1e-320"], "must be 0 (as fast"),
    ([*EVENT, "--currency", "EUR", "--starts-at", "1999-12-31T23:00+00:00"], f"starts at: '1999-12-31T23:00+00:00' {YEARS}"),  # noqa: E501
    ([*EVENT, "--currency", "EUR", "--starts-at", "2100-01-01T00:00+00:00"], YEARS),
    ([*EVENT, "--currency", "XAU"], f"currency: 'XAU' {NO_ISO}"),
    ([*EVENT, "--currency", "xts"], NO_ISO),
    ([*FUND, "--currency", "XXX"], NO_ISO),
    (["export", "--campaign", "1", "--format", "csv", "-o", ""], "--output: is empty"),
    ([*FUND, "--currency", "EUR", "--price", "5"], "--price: a fundraiser sells no tickets"),
    ([*FUND, "--currency", "EUR", "--capacity", "5"], "--capacity: a fundraiser sells no tickets"),
    (["campaigns", "create", "--kind", "paid-event", "--title", "\u200b", "--category", "talk",
      "--price", "5", "--currency", "EUR"], "title: is empty"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("argv", "words"), REFUSED, ids=[f"{a[0]}-{i}" for i, (a, _) in enumerate(REFUSED)]
)
def test_values_nobody_should_save_are_refused_and_nothing_is_written(
    main_in_process: Callable[..., tuple[int, str, str]],
    ledger_copy: Path,
    argv: list[str],
    words: str,
) -> None:
    before = _digest(ledger_copy)
    code, _, err = main_in_process(*argv, "--db", str(ledger_copy))
    assert code == 2, err
    assert words in err
    assert "Traceback" not in err
    assert _digest(ledger_copy) == before


def test_a_title_with_bidi_overrides_is_stored_without_them(
    main_in_process: Callable[..., tuple[int, str, str]], ledger_copy: Path
) -> None:
    code, out, err = main_in_process(
        "campaigns", "create", "--kind", "paid-event", "--title", "Talk \u202eevil", "--category",
        "talk", "--price", "5", "--currency", "EUR", "--db", str(ledger_copy),
    )  # fmt: skip
    assert code == 0, err
    code, out, err = main_in_process("campaigns", "list", "--json", "--db", str(ledger_copy))
    import json

    assert "Talk evil" in [c["title"] for c in json.loads(out)]


@pytest.mark.parametrize("blank", ["", "   "])
def test_a_blank_db_is_refused_never_taken_for_the_default(
    main_in_process: Callable[..., tuple[int, str, str]], user_data_dir: Path, blank: str
) -> None:
    code, _, err = main_in_process("campaigns", "list", "--db", blank)
    assert code == 2
    assert "--db: is empty; give a database file or a URL" in err
    assert not (user_data_dir / "livegiving.db").exists()


def test_a_fifo_or_a_device_as_db_is_refused_before_it_is_opened(
    main_in_process: Callable[..., tuple[int, str, str]], tmp_path: Path
) -> None:
    fifo = tmp_path / "ledger.db"
    os.mkfifo(fifo)  # opening it for reading would block for ever
    code, _, err = main_in_process("campaigns", "list", "--db", str(fifo))
    assert code == 2
    assert "is not a regular file" in err
    device = tmp_path / "null.db"
    os.symlink("/dev/null", device)
    code, _, err = main_in_process("campaigns", "list", "--db", str(device))
    assert code == 2
    assert "is not a regular file" in err
    assert not Path("/dev/null-journal").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ledger.db", "null.db"]


@pytest.mark.parametrize(
    "url",
    [
        "postgresql+psycopg://sam:p@ss@127.0.0.1:1/live",  # a raw @ in the password
        "postgresql+psycopg://sam@127.0.0.1:1/live?password=hunter2ss",
        "postgresql+psycopg://sam:hunter2ss@127.0.0.1:1/live?sslpassword=hunter2ss",
    ],
)
def test_no_password_reaches_stderr_or_the_log(
    main_in_process: Callable[..., tuple[int, str, str]], user_data_dir: Path, url: str
) -> None:
    import logging

    code, out, err = main_in_process("campaigns", "list", "--db", url)
    for handler in logging.getLogger().handlers:
        handler.flush()
    log = (user_data_dir / "logs" / "livegiving.log").read_text(encoding="utf-8")
    assert code == 2, err
    assert "127.0.0.1" in err
    for text in (out, err, log):
        assert "hunter2" not in text
        assert "ss@" not in text
        assert "p@ss" not in text
