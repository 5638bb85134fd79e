"""`livegiving moderate`: decisions from the command line, all or nothing, and a lost race told
in words with its own exit status (3), never taken for bad input (2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.cli import Cli, run_cli
from helpers.ledger import PREPARED_EVENT, PREPARED_FUNDRAISER, fundraiser
from livegiving_desktop.core.records import StoredDonation
from livegiving_desktop.services.ledger import LedgerService

CAMPAIGN = str(PREPARED_FUNDRAISER)


def _donate(db: Path, donor: str, message: str | None = "hello", amount: str = "5") -> str:
    """Set-up straight through the service (the commands under test are `moderate`'s)."""
    service = LedgerService.open(str(db))
    try:
        outcome = service.record_donation(
            PREPARED_FUNDRAISER, amount=amount, donor_name=donor, message=message
        )
        assert outcome.donation is not None
        return str(outcome.donation.id)
    finally:
        service.close()


def _row(db: Path, donation_id: str) -> StoredDonation:
    service = LedgerService.open(str(db))
    try:
        return service.store.donation(int(donation_id))
    finally:
        service.close()


def _audit(db: Path) -> list[tuple[str, str, str | None]]:
    service = LedgerService.open(str(db))
    try:
        entries = service.audit_entries(PREPARED_FUNDRAISER)
        return [(e.actor_name, e.action, e.reason) for e in reversed(entries)]
    finally:
        service.close()


def _campaign_total(db: Path) -> int:
    service = LedgerService.open(str(db))
    try:
        return service.campaign(PREPARED_FUNDRAISER).total_minor
    finally:
        service.close()


def test_hide_then_approve_with_the_moderators_name_on_the_audit_log(
    cli_prepared: Cli, ledger_copy: Path
) -> None:
    one = _donate(ledger_copy, "Ann")
    hidden = cli_prepared("moderate", "hide", "--campaign", CAMPAIGN, "--donation", one,
                          "--moderator", "Sam", "--reason", "rude")  # fmt: skip
    assert hidden.code == 0, hidden.stderr
    assert json.loads(hidden.stdout) == {
        "campaign": PREPARED_FUNDRAISER, "action": "hide", "changed": [int(one)],
        "unchanged": [], "versions": {one: 1},
    }  # fmt: skip
    assert "1 donation changed (hide)" in hidden.stderr
    assert _row(ledger_copy, one).message_status == "hidden"
    approved = cli_prepared("moderate", "approve", "--campaign", CAMPAIGN, "--donation",
                            f"{one}@1", "--moderator", "Alex")  # fmt: skip
    assert approved.code == 0, approved.stderr
    assert _row(ledger_copy, one).message_status == "visible"
    assert _audit(ledger_copy) == [("Sam", "hide", "rude"), ("Alex", "approve", None)]


def test_every_action_on_several_donations(cli_prepared: Cli, ledger_copy: Path) -> None:
    a, b = _donate(ledger_copy, "Ann"), _donate(ledger_copy, "Bob", message=None)
    for action in ("anonymous", "hide-amount"):
        done = cli_prepared("moderate", action, "--campaign", CAMPAIGN, "--donation", a, b,
                            "--moderator", "Sam")  # fmt: skip
        assert done.code == 0, done.stderr
        assert json.loads(done.stdout)["changed"] == [int(a), int(b)]
    hide = cli_prepared("moderate", "hide", "--campaign", CAMPAIGN, "--donation", a,
                        "--donation", b, "--moderator", "Sam")  # fmt: skip
    assert json.loads(hide.stdout)["unchanged"] == [int(b)]  # no message to hide
    assert "1 was already so" in hide.stderr
    block = cli_prepared("moderate", "block", "--campaign", CAMPAIGN, "--donation", a,
                         "--moderator", "Sam")  # fmt: skip
    assert block.code == 0 and json.loads(block.stdout)["changed"] == [int(a)]
    refund = cli_prepared("moderate", "refund", "--campaign", CAMPAIGN, "--donation", a, b,
                          "--reason", "chargeback", "--moderator", "Sam")  # fmt: skip
    assert refund.code == 0, refund.stderr
    assert {_row(ledger_copy, i).status for i in (a, b)} == {"refunded"}
    assert _campaign_total(ledger_copy) == 1250


def test_a_lost_race_exits_3_and_says_who_decided_what(
    cli_prepared: Cli, ledger_copy: Path
) -> None:
    one = _donate(ledger_copy, "Ann")
    # Alex looked at the donation (version 0); Sam hid it meanwhile.
    assert cli_prepared("moderate", "hide", "--campaign", CAMPAIGN, "--donation", one,
                        "--moderator", "Sam").code == 0  # fmt: skip
    late = cli_prepared("moderate", "approve", "--campaign", CAMPAIGN, "--donation",
                        f"{one}@0", "--moderator", "Alex")  # fmt: skip
    assert late.code == 3
    assert late.stderr.strip() == "livegiving: Sam hid this message; nothing was changed"
    assert late.stdout == ""
    assert _row(ledger_copy, one).message_status == "hidden"  # Sam's decision holds


def test_a_bulk_refund_is_all_or_nothing(cli_prepared: Cli, ledger_copy: Path) -> None:
    ids = [_donate(ledger_copy, f"Donor {i}", amount="10") for i in range(4)]
    assert cli_prepared("moderate", "refund", "--campaign", CAMPAIGN, "--donation", ids[2],
                        "--reason", "asked", "--moderator", "Sam").code == 0  # fmt: skip
    bulk = cli_prepared("moderate", "refund", "--campaign", CAMPAIGN, "--donation",
                        *[f"{i}@0" for i in ids], "--reason", "fraud",
                        "--moderator", "Alex")  # fmt: skip
    assert bulk.code == 3
    assert f"Sam refunded donation {ids[2]}; nothing was changed" in bulk.stderr
    assert [_row(ledger_copy, i).status for i in ids] == [
        "completed", "completed", "refunded", "completed",
    ]  # fmt: skip
    # Without versions: the state read when the command starts; the refunded one is reported
    # as already so, the others refunded together.
    again = cli_prepared("moderate", "refund", "--campaign", CAMPAIGN, "--donation", *ids,
                         "--reason", "fraud", "--moderator", "Alex")  # fmt: skip
    assert again.code == 0, again.stderr
    summary = json.loads(again.stdout)
    assert summary["changed"] == sorted(int(i) for i in ids if i != ids[2])
    assert summary["unchanged"] == [int(ids[2])]


def test_bad_input_exits_2_and_writes_nothing(cli_prepared: Cli, ledger_copy: Path) -> None:
    one = _donate(ledger_copy, "Ann")
    cases = [
        (["hide", "--campaign", CAMPAIGN, "--donation", "999"], "no donation has the id 999"),
        (["hide", "--campaign", CAMPAIGN, "--donation", "4x"], "is not a donation id"),
        (["hide", "--campaign", "77", "--donation", one], "no campaign has the id 77"),
        (["refund", "--campaign", CAMPAIGN, "--donation", one], "--reason"),
        (["hide", "--campaign", str(PREPARED_EVENT), "--donation", one], "in campaign"),
        (["hide", "--campaign", CAMPAIGN, "--donation", one, "--moderator", " "], "--moderator"),
        (["wave", "--campaign", CAMPAIGN, "--donation", one], "invalid choice"),
    ]
    for args, words in cases:
        done = cli_prepared("moderate", *args)
        assert done.code == 2, (args, done.stderr)
        assert words in done.stderr, (args, done.stderr)
    assert _row(ledger_copy, one).message_status == "visible"
    assert _audit(ledger_copy) == []


@pytest.mark.db
def test_moderate_on_every_database(db_url: str, user_data_dir: Path) -> None:
    # The same command on SQLite and PostgreSQL: a decision, then a lost race (exit 3).
    from livegiving_desktop.services.ledger import LedgerService

    service = LedgerService.open(db_url)
    try:
        campaign = fundraiser(service)
        donation = service.record_donation(campaign.id, amount="5", donor_name="Ann",
                                           message="hello").donation  # fmt: skip
        assert donation is not None
    finally:
        service.close()
    args = ("--campaign", str(campaign.id), "--moderator")
    hide = run_cli("moderate", "hide", "--donation", f"{donation.id}@0", *args, "Sam",
                   data_dir=user_data_dir, db=db_url)  # fmt: skip
    assert hide.code == 0, hide.stderr
    late = run_cli("moderate", "approve", "--donation", f"{donation.id}@0", *args, "Alex",
                   data_dir=user_data_dir, db=db_url)  # fmt: skip
    assert late.code == 3
    assert "Sam hid this message; nothing was changed" in late.stderr
