"""Roles the server enforces (issue 13): each role's own login tries each action with raw SQL,
as it could with psql and its own password. PostgreSQL only (a team database of the test)."""

from __future__ import annotations

from collections.abc import Iterator

import psycopg
import pytest
from psycopg import errors

from helpers.ledger import fundraiser
from helpers.team import TeamDatabase
from livegiving_desktop.core.records import Actor, ActorRole
from livegiving_desktop.db.engine import open_database
from livegiving_desktop.db.team import TeamRole, TeamStore, role_of
from livegiving_desktop.services.ledger import LedgerService


@pytest.fixture
def ledger(team_db: TeamDatabase) -> Iterator[tuple[TeamDatabase, int, int]]:
    """A live fundraiser with one donation (with a message), made by the administrator."""
    service = LedgerService.open(team_db.url())
    try:
        campaign = fundraiser(service)
        service.go_live(campaign.id)
        outcome = service.record_donation(
            campaign.id, amount="12.50", donor_name="Chloé", message="Bravo"
        )
        yield team_db, campaign.id, outcome.donation.id
    finally:
        service.close()


def _run(team: TeamDatabase, login: str, sql: str, params: tuple[object, ...] = ()) -> None:
    with psycopg.connect(team.libpq(login), autocommit=True) as conn:
        conn.execute(sql.encode(), params)  # type: ignore[arg-type]


# (what, SQL, params maker) for each action; which roles the server lets do it.
ACTIONS = {
    "change a campaign's goal": ("UPDATE campaigns SET goal_minor = 1 WHERE id = %s", "c"),
    "end a broadcast": ("UPDATE campaigns SET status = 'ended' WHERE id = %s", "c"),
    "change a campaign's title": ("UPDATE campaigns SET title = 'x' WHERE id = %s", "c"),
    "touch tickets": ("UPDATE tickets SET status = 'refunded' WHERE campaign_id = %s", "c"),
    "delete a donation": ("DELETE FROM donations WHERE id = %s", "d"),
    "change an amount": ("UPDATE donations SET amount_minor = 1 WHERE id = %s", "d"),
    "hide a message": ("UPDATE donations SET message_status = 'hidden' WHERE id = %s", "d"),
    "read the donations": ("SELECT count(*) FROM donations WHERE campaign_id = %s", "c"),
    "write an audit row of ending": (
        "INSERT INTO audit_log (campaign_id, at_us, actor_name, actor_role, action)"
        " VALUES (%s, 0, 'Camille', 'owner', 'end')",
        "c",
    ),
    "edit the audit log": ("UPDATE audit_log SET reason = 'x' WHERE campaign_id = %s", "c"),
    "delete the audit log": ("DELETE FROM audit_log WHERE campaign_id = %s", "c"),
}
ALLOWED = {
    TeamRole.OWNER: {
        "change a campaign's goal",
        "end a broadcast",
        "change a campaign's title",
        "touch tickets",
        "hide a message",
        "read the donations",
        "write an audit row of ending",
    },
    TeamRole.MODERATOR: {"hide a message", "read the donations"},
    TeamRole.VIEWER: {"read the donations"},
}


@pytest.mark.parametrize("role", list(TeamRole))
@pytest.mark.parametrize("action", list(ACTIONS))
def test_each_role_tries_each_action_with_raw_sql(
    ledger: tuple[TeamDatabase, int, int], role: TeamRole, action: str
) -> None:
    team, campaign_id, donation_id = ledger
    login, _password = team.add(role)
    sql, which = ACTIONS[action]
    param = campaign_id if which == "c" else donation_id
    if action in ALLOWED[role]:
        _run(team, login, sql, (param,))
    else:
        with pytest.raises(errors.InsufficientPrivilege):
            _run(team, login, sql, (param,))


def test_a_moderator_cannot_forge_a_name_on_the_audit_log(
    ledger: tuple[TeamDatabase, int, int],
) -> None:
    team, campaign_id, donation_id = ledger
    login, _ = team.add(TeamRole.MODERATOR)
    _run(
        team,
        login,
        "INSERT INTO audit_log (campaign_id, at_us, actor_name, actor_role, action, donation_id)"
        " VALUES (%s, 0, 'Camille', 'owner', 'hide', %s)",
        (campaign_id, donation_id),
    )
    with psycopg.connect(team.libpq(login)) as conn:
        row = conn.execute(
            "SELECT actor_name, actor_role, login FROM audit_log ORDER BY id DESC LIMIT 1"
        ).fetchone()
    assert row == (login, "moderator", login)


def test_audit_rows_carry_the_login_of_who_acted(ledger: tuple[TeamDatabase, int, int]) -> None:
    team, campaign_id, donation_id = ledger
    moderator, _ = team.add(TeamRole.MODERATOR)
    owner, _ = team.add(TeamRole.OWNER)
    as_moderator = LedgerService.open(team.url(moderator))
    as_owner = LedgerService.open(team.url(owner))
    try:
        typed = Actor("Somebody Else", ActorRole.CREATOR)
        as_moderator.refund_donation(donation_id, "duplicate charge", typed)
        as_owner.end_broadcast(campaign_id, typed)
        entries = as_owner.audit_entries(campaign_id)
    finally:
        as_moderator.close()
        as_owner.close()
    by_action = {e.action: e for e in entries}
    assert (by_action["refund"].actor_name, by_action["refund"].actor_role) == (
        moderator,
        "moderator",
    )
    assert by_action["refund"].login == moderator
    assert (by_action["end"].actor_name, by_action["end"].login) == (owner, owner)
    assert by_action["go-live"].actor_role == "owner"  # the administrator (a superuser)
    assert "Somebody Else" not in {e.actor_name for e in entries}


def test_a_seat_learns_its_role_from_the_server(team_db: TeamDatabase) -> None:
    for role in TeamRole:
        login, _ = team_db.add(role)
        db = open_database(team_db.url(login))
        try:
            assert role_of(db) is role
        finally:
            db.close()


def test_a_removed_login_can_no_longer_connect(team_db: TeamDatabase) -> None:
    login, _ = team_db.add(TeamRole.MODERATOR)
    _run(team_db, login, "SELECT 1")
    open_conn = psycopg.connect(team_db.libpq(login), autocommit=True)
    admin = open_database(team_db.url())
    try:
        assert TeamStore(admin).remove(login) is True
        assert [m.name for m in TeamStore(admin).members()] == []
    finally:
        admin.close()
    with pytest.raises(psycopg.OperationalError):
        _run(team_db, login, "SELECT 1")
    with pytest.raises(psycopg.OperationalError):  # its open session was ended too
        open_conn.execute("SELECT 1")
    open_conn.close()


def test_team_changes_write_audit_rows(team_db: TeamDatabase) -> None:
    admin = open_database(team_db.url())
    try:
        store = TeamStore(admin)
        name, _ = team_db.add(TeamRole.VIEWER)
        store.set_role(name, TeamRole.MODERATOR)
        store.remove(name)
        with admin.reader.connect() as conn:
            rows = conn.exec_driver_sql(
                "SELECT action, after, login FROM audit_log WHERE action LIKE 'team-%%' ORDER BY id"
            ).all()
    finally:
        admin.close()
    assert [(r[0], r[1]) for r in rows] == [
        ("team-init", f"{team_db.name}_owner, {team_db.name}_moderator, {team_db.name}_viewer"),
        ("team-add", f"{name}: viewer"),
        ("team-role", f"{name}: moderator"),
        ("team-remove", "removed"),
    ]
    assert {r[2] for r in rows} == {admin.url.username}
