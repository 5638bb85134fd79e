"""services/team.py: who a seat is, and a refusal by the server in words (issue 13)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.ledger import fundraiser
from helpers.team import TeamDatabase
from livegiving_desktop.core.records import Actor, ActorRole
from livegiving_desktop.db.team import TeamRole
from livegiving_desktop.services.ledger import LedgerService
from livegiving_desktop.services.team import RoleRefusedError, SeatIdentity, guarded, seat_identity


def test_sqlite_is_a_single_desk_with_typed_names(tmp_path: Path) -> None:
    service = LedgerService.open(str(tmp_path / "desk.db"))
    try:
        assert seat_identity(service.db) == SeatIdentity(None, None)
        campaign = fundraiser(service)
        service.go_live(campaign.id, Actor("Camille", ActorRole.CREATOR))
        service.end_broadcast(campaign.id, Actor("Camille", ActorRole.CREATOR))
        entries = service.audit_entries(campaign.id)
    finally:
        service.close()
    # going live and ending write audit rows (issue 13), with the typed name; no login
    assert [(e.action, e.actor_name, e.before, e.after, e.login) for e in entries] == [
        ("end", "Camille", "live", "ended", None),
        ("go-live", "Camille", "draft", "live", None),
    ]


def test_a_refused_action_says_the_role(team_db: TeamDatabase) -> None:
    admin = LedgerService.open(team_db.url())
    try:
        campaign = fundraiser(admin)
        admin.go_live(campaign.id)
    finally:
        admin.close()
    login, _ = team_db.add(TeamRole.MODERATOR)
    service = LedgerService.open(team_db.url(login))
    try:
        assert seat_identity(service.db) == SeatIdentity(login, TeamRole.MODERATOR)
        end = guarded(service.db, "end a broadcast", service.end_broadcast)
        with pytest.raises(RoleRefusedError) as refused:
            end(campaign.id)
        assert service.campaign(campaign.id).status.value == "live"  # nothing written
    finally:
        service.close()
    assert refused.value.role is TeamRole.MODERATOR
    assert str(refused.value) == "Your role (moderator) cannot end a broadcast"


def test_an_owner_runs_the_broadcast_but_never_edits_a_donation(team_db: TeamDatabase) -> None:
    import psycopg

    login, _ = team_db.add(TeamRole.OWNER)
    service = LedgerService.open(team_db.url(login))
    try:
        campaign = fundraiser(service)
        service.go_live(campaign.id)
        first = service.record_donation(campaign.id, amount="5", donor_name="Ann").donation
        service.record_donation(campaign.id, amount="7", donor_name="Bob")
        assert first is not None
        assert service.thank(campaign.id, [first.id]) == [first.id]
        assert service.thank_all(campaign.id).thanked == 1
        service.end_broadcast(campaign.id)
        assert service.stats(campaign.id).total_minor == 1200
    finally:
        service.close()
    with (
        pytest.raises(psycopg.errors.InsufficientPrivilege),
        psycopg.connect(team_db.libpq(login)) as conn,
    ):
        conn.execute("UPDATE donations SET amount_minor = 1")
