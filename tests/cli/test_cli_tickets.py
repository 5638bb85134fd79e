"""Paid events on the command line: create, sell, admit, refund (and override), cancel,
simulate and export, as scripts call them."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from helpers.cli import Cli
from helpers.ledger import PREPARED_EVENT, PREPARED_FUNDRAISER
from livegiving_desktop.services.ledger import LedgerService

TICKETS_HEADER = "ticket_id,external_id,purchased_at,buyer_name,amount,currency,status"


def _create(cli: Cli, *extra: str, starts_in: timedelta = timedelta(days=10)) -> str:
    starts = (datetime.now(UTC) + starts_in).isoformat(timespec="minutes")
    result = cli("campaigns", "create", "--kind", "paid-event", "--title", "Jazz night",
                 "--category", "performance", "--price", "12.50", "--currency", "EUR",
                 "--capacity", "2", "--starts-at", starts, "--duration", "120",
                 "--description", "Trio live", *extra)  # fmt: skip
    assert result.code == 0, result.stderr
    return result.stdout.strip()


def _buy(cli: Cli, event: str, buyer: str, *extra: str) -> tuple[str, str]:
    result = cli("tickets", "buy", "--campaign", event, "--buyer", buyer, *extra)
    assert result.code == 0, result.stderr
    ticket_id, code = result.stdout.split()
    return ticket_id, code


def _admit(cli: Cli, event: str, code: str) -> dict[str, object]:
    result = cli("tickets", "admit", "--campaign", event, "--code", code, "--name", "Ana")
    assert result.code == 0, result.stderr
    answer: dict[str, object] = json.loads(result.stdout)
    return answer


def test_sell_admit_refund_cancel_export(cli: Cli, tmp_path: Path) -> None:
    event = _create(cli)
    first, code = _buy(cli, event, "Ana", "--external-id", "web-1")
    replay = cli("tickets", "buy", "--campaign", event, "--buyer", "Ana", "--external-id", "web-1")
    assert (replay.code, replay.stdout) == (0, "")
    assert "already sold" in replay.stderr
    second, second_code = _buy(cli, event, "Bob")
    full = cli("tickets", "buy", "--campaign", event, "--buyer", "Carla")
    assert full.code == 2 and "sold out" in full.stderr

    assert _admit(cli, event, code) == {
        "admitted": False, "reason": "not-live", "ticket_id": None, "buyer_name": None,
    }  # fmt: skip
    assert cli("campaigns", "go-live", "--campaign", event).stdout.strip() == "live"
    admitted = _admit(cli, event, code.lower())
    assert (admitted["admitted"], admitted["buyer_name"]) == (True, "Ana")  # says whom
    assert _admit(cli, event, code)["reason"] == "already-admitted"
    assert _admit(cli, event, "")["reason"] == "no-ticket"
    assert _admit(cli, event, "NOPE")["reason"] == "wrong-code"

    refund = cli("tickets", "refund", "--ticket", second, "--reason", "sick", "--creator", "Lee")
    assert refund.code == 0, refund.stderr
    assert refund.stdout.strip().isdigit()
    assert _admit(cli, event, second_code)["reason"] == "refunded"
    again = cli("tickets", "refund", "--ticket", second, "--reason", "sick")
    assert again.code == 2 and "already refunded" in again.stderr

    exported = cli("export", "--campaign", event, "--what", "tickets", "--format", "csv")
    assert exported.code == 0, exported.stderr
    rows = list(csv.reader(io.StringIO(exported.stdout)))
    assert ",".join(rows[0]) == TICKETS_HEADER
    assert [(r[0], r[1], r[4], r[6]) for r in rows[1:]] == [
        (first, "web-1", "12.50", "admitted"), (second, rows[2][1], "12.50", "refunded"),
    ]  # fmt: skip
    out = tmp_path / "tickets.json"
    written = cli("export", "--campaign", event, "--what", "tickets", "--format", "json",
                  "-o", str(out))  # fmt: skip
    assert written.code == 0 and "2 tickets written" in written.stderr
    assert [t["status"] for t in json.loads(out.read_text())] == ["admitted", "refunded"]

    cancel = cli("campaigns", "cancel", "--campaign", event, "--reason", "storm")
    assert cancel.code == 0, cancel.stderr
    assert json.loads(cancel.stdout) == {
        "refunded": 1, "revenue_minor": 0, "refunded_tickets": 2, "refunded_minor": 2500,
    }  # fmt: skip
    listed = {row["id"]: row for row in json.loads(cli("campaigns", "list", "--json").stdout)}
    assert listed[int(event)]["status"] == "cancelled"  # not "ended": a status of its own


def test_refund_past_the_window_needs_override(cli: Cli) -> None:
    event = _create(cli, starts_in=timedelta(hours=2))
    ticket, _ = _buy(cli, event, "Ana")
    refused = cli("tickets", "refund", "--ticket", ticket, "--reason", "late")
    assert refused.code == 2 and "override" in refused.stderr
    done = cli("tickets", "refund", "--ticket", ticket, "--reason", "late", "--override")
    assert done.code == 0, done.stderr
    assert "override" in done.stderr


def test_simulate_a_paid_event_prints_the_contract_summary(cli: Cli) -> None:
    event = _create(cli)
    cli("campaigns", "go-live", "--campaign", event)
    result = cli("simulate", "--campaign", event, "--count", "60", "--seed", "5")
    assert result.code == 0, result.stderr
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert {"accepted", "duplicates_dropped", "rejected", "held", "total_minor", "currency",
            "tickets_sold", "admitted", "denied", "revenue_minor"} <= set(summary)  # fmt: skip
    assert summary["tickets_sold"] == 2  # capacity 2
    assert summary["revenue_minor"] == 2500
    assert summary["currency"] == "EUR"


def test_refusals_write_nothing(cli_prepared: Cli, ledger_copy: Path) -> None:
    cli = cli_prepared
    event, fundraiser = str(PREPARED_EVENT), str(PREPARED_FUNDRAISER)
    cases = [
        ("tickets", "buy", "--campaign", fundraiser, "--buyer", "Ana"),
        ("tickets", "buy", "--campaign", event, "--buyer", "   "),
        ("tickets", "buy", "--campaign", "999", "--buyer", "Ana"),
        ("tickets", "admit", "--campaign", fundraiser, "--code", "X"),
        ("tickets", "refund", "--ticket", "999", "--reason", "why"),
        ("campaigns", "cancel", "--campaign", event, "--reason", " "),
        ("campaigns", "cancel", "--campaign", fundraiser, "--reason", "why"),
        ("export", "--campaign", fundraiser, "--what", "tickets", "--format", "csv"),
    ]
    for args in cases:
        result = cli(*args)
        assert result.code == 2, (args, result.stderr)
        assert "Traceback" not in result.stderr
    service = LedgerService.open(str(ledger_copy))
    try:
        assert service.campaign(PREPARED_EVENT).tickets_sold == 0
        assert service.campaign(PREPARED_EVENT).status.value == "draft"
    finally:
        service.close()
