"""The command line end to end, as scripts call it (automation contract, sections 2 and 3)."""

from __future__ import annotations

import csv
import io
import json
import signal
import subprocess
import time
from decimal import Decimal
from pathlib import Path

import pytest

from helpers.cli import Cli, cli_argv, cli_env, run_cli, started_as_from_a_terminal
from helpers.ledger import PREPARED_EVENT, PREPARED_FUNDRAISER
from livegiving_desktop.services.ledger import LedgerService

CAMPAIGN = str(PREPARED_FUNDRAISER)
EXPORT_HEADER = (
    "donation_id,external_id,received_at,donor_name,anonymous,amount,currency,message,status,"
    "message_status,thanked,after_broadcast"
)


def campaigns_json(cli: Cli) -> dict[int, dict[str, object]]:
    result = cli("campaigns", "list", "--json")
    assert result.code == 0, result.stderr
    return {row["id"]: row for row in json.loads(result.stdout)}


def test_version(user_data_dir: Path) -> None:
    result = run_cli("--version", data_dir=user_data_dir)
    assert result.code == 0
    assert "0.1.0" in result.stdout


def test_organizations_search(user_data_dir: Path) -> None:
    result = run_cli("organizations", "list", "--search", "croix", data_dir=user_data_dir)
    assert result.code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines and all("croix" in line.lower() for line in lines)
    assert any(line.startswith("croix-rouge-francaise") for line in lines)


def test_organizations_json(user_data_dir: Path) -> None:
    result = run_cli("organizations", "list", "--json", data_dir=user_data_dir)
    assert result.code == 0, result.stderr
    orgs = json.loads(result.stdout)
    assert len(orgs) >= 30
    assert all(set(o) >= {"id", "name", "country", "category", "website"} for o in orgs)
    assert "croix-rouge-francaise" in {o["id"] for o in orgs}


def test_create_and_list_campaigns(cli: Cli) -> None:
    fundraiser = cli(
        "campaigns", "create", "--kind", "fundraiser", "--title", "Live charity marathon",
        "--organization", "croix-rouge-francaise", "--goal", "5000", "--currency", "EUR",
    )  # fmt: skip
    assert fundraiser.code == 0, fundraiser.stderr
    assert fundraiser.stdout.strip().isdigit()
    assert fundraiser.stdout == fundraiser.stdout.strip() + "\n"  # the id alone
    event = cli(
        "campaigns", "create", "--kind", "paid-event", "--title", "Cooking with Ana",
        "--category", "cooking-class", "--price", "15", "--currency", "EUR",
        "--capacity", "40", "--starts-at", "2026-12-31T20:00+01:00",
    )  # fmt: skip
    assert event.code == 0, event.stderr
    assert event.stdout.strip().isdigit()
    fundraiser_id, event_id = int(fundraiser.stdout), int(event.stdout)
    assert fundraiser_id != event_id

    rows = campaigns_json(cli)
    assert set(rows) == {fundraiser_id, event_id}
    for row in rows.values():
        assert set(row) >= {"id", "kind", "title", "status", "total_minor", "currency"}
    assert rows[fundraiser_id]["kind"] == "fundraiser"
    assert rows[fundraiser_id]["title"] == "Live charity marathon"
    assert rows[fundraiser_id]["status"] == "draft"
    assert (rows[fundraiser_id]["total_minor"], rows[fundraiser_id]["currency"]) == (0, "EUR")
    assert rows[event_id]["kind"] == "paid-event"


def test_donate_and_replay(cli_prepared: Cli) -> None:
    cli = cli_prepared
    first = cli(
        "donate", "--campaign", CAMPAIGN, "--amount", "7.25", "--donor", "Alice",
        "--message", "Bravo !", "--external-id", "hook-1",
    )  # fmt: skip
    assert first.code == 0, first.stderr
    assert first.stdout.strip().isdigit()
    replay = cli(
        "donate", "--campaign", CAMPAIGN, "--amount", "99", "--donor", "Mallory",
        "--external-id", "hook-1",
    )  # fmt: skip
    assert replay.code == 0, replay.stderr
    assert replay.stdout == ""
    assert "hook-1" in replay.stderr and "already" in replay.stderr
    exported = cli("export", "--campaign", CAMPAIGN, "--format", "json")
    donations = {d["external_id"]: d for d in json.loads(exported.stdout)}
    hooked = donations["hook-1"]
    assert (hooked["donor_name"], hooked["amount"], hooked["message"]) == (
        "Alice", "7.25", "Bravo !",
    )  # fmt: skip
    assert hooked["donation_id"] == int(first.stdout)
    assert "Mallory" not in {d["donor_name"] for d in donations.values()}
    # The prepared ledger held 12.50; the replay added nothing.
    assert campaigns_json(cli)[PREPARED_FUNDRAISER]["total_minor"] == 1250 + 725


def test_simulate_reports_durable_progress_and_a_summary(cli_prepared: Cli) -> None:
    cli = cli_prepared
    result = cli(
        "simulate", "--campaign", CAMPAIGN, "--count", "3000", "--rate", "0",
        "--seed", "5", "--progress", "jsonl",
    )  # fmt: skip
    assert result.code == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    progress, summary = lines[:-1], lines[-1]
    assert progress, "one progress line per committed batch"
    assert all(set(p) == {"committed", "total_minor"} for p in progress)
    committed = [p["committed"] for p in progress]
    assert committed == sorted(set(committed)), committed  # strictly increasing
    totals = [p["total_minor"] for p in progress]
    assert totals == sorted(totals)
    assert set(summary) >= {
        "accepted", "duplicates_dropped", "rejected", "held", "total_minor", "currency",
    }  # fmt: skip
    assert summary["accepted"] + summary["duplicates_dropped"] + summary["rejected"] == 3000
    assert summary["currency"] == "EUR"
    assert committed[-1] == summary["accepted"]
    assert totals[-1] == summary["total_minor"]

    exported = cli("export", "--campaign", CAMPAIGN, "--format", "json")
    assert exported.code == 0, exported.stderr
    completed = [d for d in json.loads(exported.stdout) if d["status"] == "completed"]
    assert len(completed) == summary["accepted"] + 1  # and the prepared ledger's donation
    assert sum(int(Decimal(d["amount"]) * 100) for d in completed) == summary["total_minor"]
    simulated = [d for d in completed if d["external_id"].startswith("sim-5-")]
    assert sum(1 for d in simulated if d["message_status"] == "held") == summary["held"]


def test_simulate_replay_with_the_same_seed_adds_nothing(cli_prepared: Cli) -> None:
    args = ("simulate", "--campaign", CAMPAIGN, "--count", "500", "--seed", "8",
            "--duplicates", "0.1")  # fmt: skip
    first = cli_prepared(*args)
    assert first.code == 0, first.stderr
    again = cli_prepared(*args)
    assert again.code == 0, again.stderr
    before, after = json.loads(first.stdout), json.loads(again.stdout)
    assert before["accepted"] > 0
    assert after["accepted"] == 0
    assert after["duplicates_dropped"] == 500 - after["rejected"]
    assert after["total_minor"] == before["total_minor"]


def test_export_to_stdout_and_to_files(
    cli_prepared: Cli, ledger_copy: Path, tmp_path: Path
) -> None:
    service = LedgerService.open(str(ledger_copy))
    try:
        service.record_donation(PREPARED_FUNDRAISER, amount="10", donor_name="=1+1", message="@me")
        service.record_donation(PREPARED_FUNDRAISER, amount="2.5", donor_name="Bob", anonymous=True)
    finally:
        service.close()
    to_stdout = cli_prepared("export", "--campaign", CAMPAIGN, "--format", "csv")
    assert to_stdout.code == 0, to_stdout.stderr
    assert to_stdout.stdout.splitlines()[0] == EXPORT_HEADER
    rows = list(csv.DictReader(io.StringIO(to_stdout.stdout, newline="")))
    assert [(r["donor_name"], r["amount"], r["anonymous"], r["message"]) for r in rows] == [
        ("First donor", "12.50", "false", ""),
        ("'=1+1", "10.00", "false", "'@me"),
        ("Bob", "2.50", "true", ""),
    ]

    target = tmp_path / "out" / "donations.json"
    target.parent.mkdir()
    to_file = cli_prepared("export", "--campaign", CAMPAIGN, "--format", "json", "-o", str(target))
    assert to_file.code == 0, to_file.stderr
    assert to_file.stdout == ""
    assert "3" in to_file.stderr
    donations = json.loads(target.read_text(encoding="utf-8"))
    assert [(d["donor_name"], d["message"]) for d in donations] == [
        ("First donor", ""), ("=1+1", "@me"), ("Bob", ""),
    ]  # fmt: skip
    assert all(list(d) == EXPORT_HEADER.split(",") for d in donations)

    csv_file = tmp_path / "out" / "donations.csv"
    to_csv = cli_prepared("export", "--campaign", CAMPAIGN, "--format", "csv", "-o", str(csv_file))
    assert to_csv.code == 0, to_csv.stderr
    assert csv_file.read_text(encoding="utf-8") == to_stdout.stdout
    assert sorted(p.name for p in target.parent.iterdir()) == ["donations.csv", "donations.json"]


def test_refund_command_drops_the_total_and_prints_the_refund_id(cli_prepared: Cli) -> None:
    before = campaigns_json(cli_prepared)[PREPARED_FUNDRAISER]["total_minor"]
    donated = cli_prepared("donate", "--campaign", CAMPAIGN, "--amount", "40", "--donor", "Zoé")
    assert donated.code == 0, donated.stderr
    refunded = cli_prepared(
        "refund",
        "--donation",
        donated.stdout.strip(),
        "--reason",
        "chargeback",
        "--moderator",
        "Kim",
    )
    assert refunded.code == 0, refunded.stderr
    assert refunded.stdout.strip().isdigit()
    assert campaigns_json(cli_prepared)[PREPARED_FUNDRAISER]["total_minor"] == before
    again = cli_prepared("refund", "--donation", donated.stdout.strip(), "--reason", "again")
    assert again.code == 2
    assert "already refunded" in again.stderr
    blank = cli_prepared("refund", "--donation", donated.stdout.strip(), "--reason", " ")
    assert blank.code == 2
    assert "--reason: is required" in blank.stderr


def test_export_audit_after_a_refund(cli_prepared: Cli, tmp_path: Path) -> None:
    donated = cli_prepared("donate", "--campaign", CAMPAIGN, "--amount", "7", "--donor", "Yan")
    assert donated.code == 0, donated.stderr
    refunded = cli_prepared("refund", "--donation", donated.stdout.strip(), "--reason",
                            "=cmd|' /C calc'!A0", "--moderator", "Kim")  # fmt: skip
    assert refunded.code == 0, refunded.stderr
    out = cli_prepared("export", "--campaign", CAMPAIGN, "--what", "audit", "--format", "csv")
    assert out.code == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == (
        "audit_id,at,actor_name,actor_role,action,donation_id,ticket_id,before,after,reason,login"
    )
    assert len(lines) == 2
    assert ",Kim,moderator,refund," in lines[1]
    assert lines[1].endswith(",completed,refunded,'=cmd|' /C calc'!A0,")  # neutralised
    target = tmp_path / "audit.json"
    written = cli_prepared("export", "--campaign", CAMPAIGN, "--what", "audit", "--format",
                           "json", "-o", str(target))  # fmt: skip
    assert written.code == 0, written.stderr
    assert "1 audit rows written" in written.stderr
    [row] = json.loads(target.read_text(encoding="utf-8"))
    assert (row["action"], row["donation_id"], row["reason"]) == (
        "refund", int(donated.stdout.strip()), "=cmd|' /C calc'!A0")  # fmt: skip


def test_moderator_flag_opens_the_console_alone_and_refund_keeps_its_name() -> None:
    from livegiving_desktop.cli import build_parser

    parser = build_parser()
    seat = parser.parse_args(["--moderator", "--db", "x.db"])
    assert seat.command is None and seat.moderator_console
    assert not parser.parse_args([]).moderator_console
    refund = parser.parse_args(["refund", "--donation", "3", "--reason", "r", "--moderator", "Kim"])
    assert refund.moderator == "Kim"


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--db", "x.db", "--lang", "fr"],
        ["--lang=en", "--demo", "--db=sqlite:///x.db"],
        ["--moderator", "--db", "x.db"],
        ["--dem"],  # an abbreviation, as argparse allows
        ["--db", "x.db", "campaigns", "list", "--json"],
        ["organizations", "list", "--search", "croix"],
    ],
)
def test_opening_the_app_parses_as_the_full_parser(argv: list[str]) -> None:
    """Without a command only the app's options are parsed (issue 19: the full parser costs
    ~10 ms before the window paints); what comes out is what the full parser gives."""
    from livegiving_desktop.cli import _parse, build_parser

    assert vars(_parse(argv)) == vars(build_parser().parse_args(argv))


@pytest.mark.parametrize("argv", [["--lang", "de"], ["--d"], ["nonsense"], ["--db"]])
def test_bad_app_options_are_said_by_the_full_parser(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    from livegiving_desktop.cli import _parse

    with pytest.raises(SystemExit) as exited:
        _parse(argv)
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "COMMAND" in err and "error:" in err  # the full usage, with the commands


STOPPED = {signal.SIGINT: (130, "interrupted"), signal.SIGTERM: (143, "stopped (SIGTERM)")}


@pytest.mark.parametrize(
    ("how", "campaign"),
    [
        (signal.SIGINT, PREPARED_FUNDRAISER),
        (signal.SIGTERM, PREPARED_FUNDRAISER),  # `kill`, `timeout 60 livegiving simulate …`
        (signal.SIGINT, PREPARED_EVENT),  # a paid event's pre-sale
    ],
    ids=["ctrl-c", "sigterm", "ctrl-c-paid-event"],
)
def test_ctrl_c_stops_a_rehearsal_with_its_summary_and_no_traceback(
    ledger_copy: Path, user_data_dir: Path, how: signal.Signals, campaign: int
) -> None:
    status, said = STOPPED[how]
    before = _figures(ledger_copy, campaign)
    argv = cli_argv("simulate", "--campaign", str(campaign), "--rate", "200", "--seconds", "60",
                    "--seed", "9", "--progress", "jsonl", db=ledger_copy)  # fmt: skip
    with started_as_from_a_terminal(argv, cli_env(user_data_dir)) as rehearsal:
        deadline = time.monotonic() + 30
        while _figures(ledger_copy, campaign) == before:  # a first batch committed
            assert rehearsal.poll() is None and time.monotonic() < deadline
            time.sleep(0.05)
        rehearsal.send_signal(how)
        rest, err = rehearsal.communicate(timeout=30)
    assert rehearsal.returncode == status, err
    assert "Traceback" not in err and said in err, err
    summary = json.loads(rest.splitlines()[-1])
    assert summary["interrupted"] is True and summary["elapsed_s"] < 30
    after = _figures(ledger_copy, campaign)
    # every sale or donation the summary counts is in the ledger, and its total
    assert summary["accepted"] > 0
    assert after["sold_or_given"] - before["sold_or_given"] == summary["accepted"]
    assert after["total_minor"] == summary["total_minor"]


def _figures(ledger: Path, campaign_id: int) -> dict[str, int]:
    service = LedgerService.open(str(ledger))
    try:
        c = service.campaign(campaign_id)
        return {"sold_or_given": c.donation_count + c.tickets_sold, "total_minor": c.total_minor}
    finally:
        service.close()


def test_the_window_without_a_screen_says_so_in_words(user_data_dir: Path, tmp_path: Path) -> None:
    """Over SSH without -X, on a server: Qt aborted with a wall of its own text about
    platform plugins (exit 134)."""
    env = {
        k: v
        for k, v in cli_env(user_data_dir).items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env["XDG_RUNTIME_DIR"] = str(tmp_path)  # no Wayland socket there
    done = subprocess.run(cli_argv(db=tmp_path / "ledger.db"), capture_output=True, text=True,
                          env=env, timeout=60, check=False)  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert "no screen" in done.stderr and "DISPLAY" in done.stderr, done.stderr
    assert "qt.qpa" not in done.stderr and "plugin" not in done.stderr, done.stderr
    assert not (tmp_path / "ledger.db").exists()  # nothing opened


@pytest.mark.parametrize("console", [False, True], ids=["window", "console"])
def test_a_screen_that_does_not_answer_is_said_in_words(
    user_data_dir: Path, tmp_path: Path, console: bool
) -> None:
    """DISPLAY names a screen that is gone (a closed SSH -X session, a stale terminal
    multiplexer): Qt aborted with its text about platform plugins (exit 134, "Aborted")."""
    env = {
        k: v
        for k, v in cli_env(user_data_dir).items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env["DISPLAY"] = ":987"  # no X server answers there
    env["XDG_RUNTIME_DIR"] = str(tmp_path)  # no Wayland socket there
    argv = [*cli_argv(db=tmp_path / "ledger.db"), *(["--moderator"] if console else [])]
    done = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=60,
                          check=False)  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert "DISPLAY (:987) does not answer" in done.stderr, done.stderr
    assert "qt.qpa" not in done.stderr and "plugin" not in done.stderr, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    logged = (user_data_dir / "logs" / "livegiving.log").read_text(encoding="utf-8")
    assert "could not connect to display :987" in logged  # Qt's reasons, for a bug report
