"""`livegiving moderate`: decisions from the command line, all or nothing, and a lost race told
in words with its own exit status (3), never taken for bad input (2)."""

from __future__ import annotations

import json

from helpers.cli import Cli
from helpers.ledger import PREPARED_EVENT, PREPARED_FUNDRAISER

CAMPAIGN = str(PREPARED_FUNDRAISER)


def _donate(cli: Cli, donor: str, message: str | None = "hello", amount: str = "5") -> str:
    extra = ["--message", message] if message is not None else []
    done = cli("donate", "--campaign", CAMPAIGN, "--amount", amount, "--donor", donor, *extra)
    assert done.code == 0, done.stderr
    return done.stdout.strip()


def _row(cli: Cli, donation_id: str) -> dict[str, object]:
    done = cli("export", "--campaign", CAMPAIGN, "--format", "json")
    return next(r for r in json.loads(done.stdout) if str(r["donation_id"]) == donation_id)


def test_hide_then_approve_with_the_moderators_name_on_the_audit_log(cli_prepared: Cli) -> None:
    one = _donate(cli_prepared, "Ann")
    hidden = cli_prepared("moderate", "hide", "--campaign", CAMPAIGN, "--donation", one,
                          "--moderator", "Sam", "--reason", "rude")  # fmt: skip
    assert hidden.code == 0, hidden.stderr
    assert json.loads(hidden.stdout) == {
        "campaign": PREPARED_FUNDRAISER, "action": "hide", "changed": [int(one)],
        "unchanged": [], "versions": {one: 1},
    }  # fmt: skip
    assert "1 donation changed (hide)" in hidden.stderr
    assert _row(cli_prepared, one)["message_status"] == "hidden"
    approved = cli_prepared("moderate", "approve", "--campaign", CAMPAIGN, "--donation",
                            f"{one}@1", "--moderator", "Alex")  # fmt: skip
    assert approved.code == 0, approved.stderr
    assert _row(cli_prepared, one)["message_status"] == "visible"
    audit = json.loads(cli_prepared("export", "--campaign", CAMPAIGN, "--what", "audit",
                                    "--format", "json").stdout)  # fmt: skip
    assert [(a["actor_name"], a["action"], a["reason"]) for a in audit] == [
        ("Sam", "hide", "rude"), ("Alex", "approve", None),
    ]  # fmt: skip


def test_every_action_on_several_donations(cli_prepared: Cli) -> None:
    a, b = _donate(cli_prepared, "Ann"), _donate(cli_prepared, "Bob", message=None)
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
    assert {_row(cli_prepared, i)["status"] for i in (a, b)} == {"refunded"}
    campaigns = json.loads(cli_prepared("campaigns", "list", "--json").stdout)
    assert next(c for c in campaigns if c["id"] == PREPARED_FUNDRAISER)["total_minor"] == 1250


def test_a_lost_race_exits_3_and_says_who_decided_what(cli_prepared: Cli) -> None:
    one = _donate(cli_prepared, "Ann")
    # Alex looked at the donation (version 0); Sam hid it meanwhile.
    assert cli_prepared("moderate", "hide", "--campaign", CAMPAIGN, "--donation", one,
                        "--moderator", "Sam").code == 0  # fmt: skip
    late = cli_prepared("moderate", "approve", "--campaign", CAMPAIGN, "--donation",
                        f"{one}@0", "--moderator", "Alex")  # fmt: skip
    assert late.code == 3
    assert late.stderr.strip() == "livegiving: Sam hid this message; nothing was changed"
    assert late.stdout == ""
    assert _row(cli_prepared, one)["message_status"] == "hidden"  # Sam's decision holds


def test_a_bulk_refund_is_all_or_nothing(cli_prepared: Cli) -> None:
    ids = [_donate(cli_prepared, f"Donor {i}", amount="10") for i in range(4)]
    assert cli_prepared("refund", "--donation", ids[2], "--reason", "asked",
                        "--moderator", "Sam").code == 0  # fmt: skip
    bulk = cli_prepared("moderate", "refund", "--campaign", CAMPAIGN, "--donation",
                        *[f"{i}@0" for i in ids], "--reason", "fraud",
                        "--moderator", "Alex")  # fmt: skip
    assert bulk.code == 3
    assert f"Sam refunded donation {ids[2]}; nothing was changed" in bulk.stderr
    assert [_row(cli_prepared, i)["status"] for i in ids] == [
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


def test_bad_input_exits_2_and_writes_nothing(cli_prepared: Cli) -> None:
    one = _donate(cli_prepared, "Ann")
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
    assert _row(cli_prepared, one)["message_status"] == "visible"
    audit = cli_prepared("export", "--campaign", CAMPAIGN, "--what", "audit", "--format", "json")
    assert json.loads(audit.stdout) == []
