"""`livegiving team` and each role's own login at the command line (issue 13): the server
refuses what a role may not do; the CLI says so in words and exits 4. PostgreSQL only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.cli import run_cli
from helpers.ledger import fundraiser
from helpers.team import TeamDatabase
from livegiving_desktop.db.team import TeamRole
from livegiving_desktop.services.events import EventService
from livegiving_desktop.services.ledger import LedgerService

EXIT_ROLE_REFUSED = 4
EXIT_NAME_TAKEN = 5


def _prepare(team: TeamDatabase) -> dict[str, int]:
    """As the administrator: a draft, a live fundraiser with two donations, a live event."""
    service = LedgerService.open(team.url())
    try:
        draft = fundraiser(service, title="Draft")
        live = fundraiser(service, title="Live")
        service.go_live(live.id)
        first = service.record_donation(live.id, amount="12.50", donor_name="A", message="Hi")
        second = service.record_donation(live.id, amount="5", donor_name="B")
        event = service.create_paid_event(
            title="Talk", category="talk", price="10", currency="EUR", capacity="50"
        )
        service.go_live(event.id)
        EventService(service).buy_ticket(event.id, "Buyer")
        return {"draft": draft.id, "live": live.id, "d1": first.donation.id,
                "d2": second.donation.id, "event": event.id}  # fmt: skip
    finally:
        service.close()


# (command, what the role needs): each row is run by each role's own login.
def _commands(ids: dict[str, int]) -> list[tuple[str, list[str], TeamRole]]:
    c, e = str(ids["live"]), str(ids["event"])
    return [
        ("list campaigns", ["campaigns", "list", "--json"], TeamRole.VIEWER),
        ("export", ["export", "--campaign", c, "--format", "csv"], TeamRole.VIEWER),
        ("hide a message",
         ["moderate", "hide", "--campaign", c, "--donation", str(ids["d1"])], TeamRole.MODERATOR),
        ("refund", ["moderate", "refund", "--campaign", c, "--donation", str(ids["d2"]),
                    "--reason", "charged twice"], TeamRole.MODERATOR),
        ("donate", ["donate", "--campaign", c, "--amount", "3", "--donor", "X"], TeamRole.OWNER),
        ("change the goal", ["campaigns", "set-goal", "--campaign", c, "--goal", "9000"],
         TeamRole.OWNER),
        ("sell a ticket", ["tickets", "buy", "--campaign", e, "--buyer", "Z"], TeamRole.OWNER),
        ("go live", ["campaigns", "go-live", "--campaign", str(ids["draft"])], TeamRole.OWNER),
        ("end a broadcast", ["campaigns", "end", "--campaign", c], TeamRole.OWNER),
        ("create a campaign", ["campaigns", "create", "--kind", "fundraiser", "--title", "New",
                               "--organization", "croix-rouge-francaise", "--goal", "100",
                               "--currency", "EUR"], TeamRole.OWNER),
    ]  # fmt: skip


_RANK = {TeamRole.VIEWER: 0, TeamRole.MODERATOR: 1, TeamRole.OWNER: 2}


@pytest.mark.parametrize("role", list(TeamRole))
def test_each_role_tries_each_action_through_the_cli(
    team_db: TeamDatabase, role: TeamRole, user_data_dir: Path
) -> None:
    ids = _prepare(team_db)
    login, password = team_db.add(role)
    url = team_db.url(login, password)
    for what, argv, needs in _commands(ids):
        result = run_cli(*argv, data_dir=user_data_dir, db=url)
        if _RANK[role] >= _RANK[needs]:
            assert result.code == 0, (what, result.stderr)
        else:
            assert result.code == EXIT_ROLE_REFUSED, (what, result)
            assert f"Your role ({role.value}) cannot" in result.stderr, (what, result.stderr)
            assert "Traceback" not in result.stderr and "42501" not in result.stderr
    # every state change of the owner left an audit row with the login
    audit = run_cli("export", "--campaign", str(ids["live"]), "--what", "audit",
                    "--format", "json", data_dir=user_data_dir, db=team_db.url())  # fmt: skip
    rows = json.loads(audit.stdout)
    mine = {r["action"] for r in rows if r["actor_name"] == login}
    expected = {
        TeamRole.OWNER: {"hide", "refund", "goal", "end"},
        TeamRole.MODERATOR: {"hide", "refund"},
        TeamRole.VIEWER: set(),
    }[role]
    assert mine == expected


def test_team_commands_refuse_in_words(team_db: TeamDatabase, user_data_dir: Path) -> None:
    admin = team_db.url()

    def team(*argv: str, db: str = admin) -> tuple[int, str, str]:
        result = run_cli("team", *argv, data_dir=user_data_dir, db=db)
        return result.code, result.stdout, result.stderr

    assert team("init")[0] == 0  # again: idempotent
    code, out, err = team("add", "sam_" + team_db.name[-6:], "--role", "moderator")
    sam = "sam_" + team_db.name[-6:]
    team_db.logins.append(sam)
    assert code == 0 and len(out.strip()) >= 20 and "shown once" in err
    assert team("add", sam, "--role", "moderator")[0] == 0  # idempotent: nothing done
    assert out.strip() not in team("add", sam, "--role", "moderator")[1]  # never shown again
    assert team("add", sam, "--role", "owner")[0] == EXIT_NAME_TAKEN
    code, _, err = team("add", "postgres", "--role", "viewer")
    assert code == EXIT_NAME_TAKEN and "taken" in err
    code, _, err = team("add", "ann", "--role", "boss")
    assert code == 2 and "'boss' is not a role" in err
    code, _, err = team("add", "x;drop", "--role", "viewer")
    assert code == 2 and "not a login name" in err
    code, out, _ = team("list", "--json")
    assert json.loads(out) == [{"name": sam, "role": "moderator", "can_login": True}]
    code, _, err = team("add", "eve", "--role", "viewer", db=team_db.url(sam))
    assert code == EXIT_ROLE_REFUSED and "not allowed to create roles" in err
    assert team("role", sam, "viewer")[0] == 0
    assert json.loads(team("list", "--json")[1])[0]["role"] == "viewer"
    assert team("remove", sam)[0] == 0
    assert team("remove", sam)[0] == 0  # idempotent
    gone = run_cli("campaigns", "list", data_dir=user_data_dir, db=team_db.url(sam))
    assert gone.code == 2 and "refused the login" in gone.stderr


def test_team_on_sqlite_is_refused(tmp_path: Path, user_data_dir: Path) -> None:
    result = run_cli("team", "init", data_dir=user_data_dir, db=tmp_path / "l.db")
    assert result.code == 2 and "PostgreSQL" in result.stderr
