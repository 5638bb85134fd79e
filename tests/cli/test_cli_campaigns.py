"""`livegiving campaigns archive|unarchive|duplicate|set-goal`, and what the command line
keeps: the contract's dot form, and an offline donation after the broadcast."""

from __future__ import annotations

import json
from pathlib import Path

from helpers.cli import Cli, run_cli
from helpers.ledger import PREPARED_FUNDRAISER

CAMPAIGN = str(PREPARED_FUNDRAISER)


def listed(cli: Cli) -> dict[int, dict[str, object]]:
    result = cli("campaigns", "list", "--json")
    assert result.code == 0, result.stderr
    return {row["id"]: row for row in json.loads(result.stdout)}


def test_archive_and_unarchive(cli_prepared: Cli) -> None:
    archived = cli_prepared("campaigns", "archive", "--campaign", CAMPAIGN, "--creator", "Ana")
    assert archived.code == 0, archived.stderr
    assert json.loads(archived.stdout) == {"campaign": PREPARED_FUNDRAISER, "archived": True}
    row = listed(cli_prepared)[PREPARED_FUNDRAISER]
    assert row["archived"] is True  # still listed: one row per campaign
    assert str(row["created_at"]).endswith("+00:00")
    back = cli_prepared("campaigns", "unarchive", "--campaign", CAMPAIGN)
    assert json.loads(back.stdout) == {"campaign": PREPARED_FUNDRAISER, "archived": False}
    audit = cli_prepared("export", "--campaign", CAMPAIGN, "--what", "audit", "--format", "json")
    actions = [(a["action"], a["actor_name"]) for a in json.loads(audit.stdout)]
    assert actions[0] == ("archive", "Ana")
    assert actions[1][0] == "unarchive"


def test_a_live_campaign_is_not_archived(cli_prepared: Cli) -> None:
    assert cli_prepared("campaigns", "go-live", "--campaign", CAMPAIGN).code == 0
    refused = cli_prepared("campaigns", "archive", "--campaign", CAMPAIGN)
    assert refused.code == 2
    assert "end the broadcast" in refused.stderr
    assert listed(cli_prepared)[PREPARED_FUNDRAISER]["archived"] is False


def test_duplicate_prints_the_new_draft(cli_prepared: Cli) -> None:
    copy = cli_prepared("campaigns", "duplicate", "--campaign", CAMPAIGN)
    assert copy.code == 0, copy.stderr
    new_id = int(copy.stdout.strip())
    rows = listed(cli_prepared)
    original, duplicate = rows[PREPARED_FUNDRAISER], rows[new_id]
    assert duplicate["title"] == f"{original['title']} (2)"
    assert (duplicate["status"], duplicate["total_minor"]) == ("draft", 0)
    assert (duplicate["goal_minor"], duplicate["currency"]) == (
        original["goal_minor"], original["currency"],
    )  # fmt: skip
    named = cli_prepared("campaigns", "duplicate", "--campaign", CAMPAIGN, "--title", "Noël 27")
    assert listed(cli_prepared)[int(named.stdout)]["title"] == "Noël 27"
    unknown = cli_prepared("campaigns", "duplicate", "--campaign", "999")
    assert unknown.code == 2 and "999" in unknown.stderr


def test_set_goal_in_the_dot_form(cli_prepared: Cli) -> None:
    changed = cli_prepared("campaigns", "set-goal", "--campaign", CAMPAIGN, "--goal", "7500.50")
    assert changed.code == 0, changed.stderr
    assert json.loads(changed.stdout) == {
        "campaign": PREPARED_FUNDRAISER, "goal_minor": 750_050, "goal": "7500.50",
        "currency": "EUR",
    }  # fmt: skip
    refused = cli_prepared("campaigns", "set-goal", "--campaign", CAMPAIGN, "--goal", "7 500,50")
    assert refused.code == 2
    assert "goal:" in refused.stderr and "dot" in refused.stderr
    assert listed(cli_prepared)[PREPARED_FUNDRAISER]["goal_minor"] == 750_050


def test_an_offline_donation_after_the_broadcast(cli_prepared: Cli) -> None:
    for step in ("go-live", "end"):
        assert cli_prepared("campaigns", step, "--campaign", CAMPAIGN).code == 0
    late = cli_prepared("donate", "--campaign", CAMPAIGN, "--amount", "40", "--donor", "Mairie")
    assert late.code == 0, late.stderr
    row = listed(cli_prepared)[PREPARED_FUNDRAISER]
    assert (row["total_minor"], row["after_broadcast_minor"]) == (1250 + 4000, 4000)
    exported = cli_prepared("export", "--campaign", CAMPAIGN, "--format", "json")
    assert [d["after_broadcast"] for d in json.loads(exported.stdout)] == [False, True]
    # The CLI keeps the contract's dot form.
    comma = cli_prepared("donate", "--campaign", CAMPAIGN, "--amount", "12,50", "--donor", "X")
    assert comma.code == 2 and "use a dot" in comma.stderr


def test_campaigns_list_on_an_older_ledger_migrates_it_then_reads_it_fast(
    tmp_path: Path, user_data_dir: Path
) -> None:
    """The sqlite3 fast path steps aside for a file to migrate: the full path migrates it and
    lists; the next run lists the same from the file at the new schema."""
    import shutil

    from livegiving_desktop.db.home_list import read_all, read_home_file

    fixtures = Path(__file__).resolve().parents[1] / "fixtures" / "schema"
    older = tmp_path / "0005.db"
    shutil.copy(fixtures / "0005.sqlite", older)
    assert read_home_file(str(older), read_all) is None  # not at the current schema
    first = run_cli("campaigns", "list", "--json", data_dir=user_data_dir, db=older)
    assert first.code == 0, first.stderr
    rows = json.loads(first.stdout)
    assert rows
    fast = read_home_file(str(older), read_all)  # migrated: now read without SQLAlchemy
    assert fast is not None and [c.id for c in fast] == [row["id"] for row in rows]
    again = run_cli("campaigns", "list", "--json", data_dir=user_data_dir, db=older)
    assert again.code == 0 and json.loads(again.stdout) == rows
