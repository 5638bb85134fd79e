"""A seat on a team's PostgreSQL database follows its login's role (issue 13): who you are in
the title and status bar, the controls the role may not use disabled with the reason, a
viewer's seat read-only. PostgreSQL only (a team database of the test)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QAbstractItemView, QLabel, QPushButton
from tests.gui.conftest import find

from helpers.ledger import fundraiser
from helpers.team import TeamDatabase
from livegiving_desktop.db.team import TeamRole
from livegiving_desktop.services.ledger import LedgerService
from livegiving_desktop.testing import window_on
from livegiving_desktop.ui.common.runner import spawn


@pytest.fixture
def live_campaign(team_db: TeamDatabase) -> Iterator[tuple[TeamDatabase, int]]:
    """A live fundraiser with a donation whose message is shown, made by the administrator."""
    service = LedgerService.open(team_db.url())
    try:
        campaign = fundraiser(service, title="Team night")
        service.go_live(campaign.id)
        service.record_donation(campaign.id, amount="20", donor_name="Ann", message="Bravo")
        yield team_db, campaign.id
    finally:
        service.close()


def _open_live(qtbot: Any, window: Any, campaign_id: int) -> None:
    spawn(window.show_live(campaign_id), lambda exc: None)
    qtbot.waitUntil(
        lambda: window.live.campaign is not None and window.live.controller.loaded,
        timeout=15_000,
    )


def _select_first(view: QAbstractItemView) -> None:
    view.selectionModel().select(
        view.model().index(0, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )


def test_a_viewer_seat_opens_read_only(
    qtbot: Any, qapp: Any, live_campaign: tuple[TeamDatabase, int]
) -> None:
    team, campaign_id = live_campaign
    login, password = team.add(TeamRole.VIEWER)
    with window_on(qtbot, qapp, team.url(login, password)) as w:
        qtbot.waitUntil(lambda: w.seat is not None, timeout=10_000)
        assert w.windowTitle() == f"LiveGiving Desktop — {login} (viewer)"
        assert find(w, QLabel, "seatIdentity").text() == f"Signed in as {login} · viewer"
        new = find(w, QPushButton, "newCampaign")
        assert not new.isEnabled()
        assert new.toolTip() == "Your role (viewer) cannot create a campaign"
        _open_live(qtbot, w, campaign_id)
        end = find(w, QPushButton, "endBroadcast")
        assert end.isVisible() and not end.isEnabled()
        assert end.toolTip() == "Your role (viewer) cannot end a broadcast"
        offline = find(w, QPushButton, "addOfflineDonation")
        assert not offline.isEnabled()
        assert offline.toolTip() == "Your role (viewer) cannot record a donation"
        spawn(w.open_moderation(), lambda exc: None)
        qtbot.waitUntil(lambda: w.console is not None and w.console.isVisible(), timeout=10_000)
        table = find(w.console, QAbstractItemView, "moderationTable")
        qtbot.waitUntil(lambda: table.model().rowCount() > 0, timeout=10_000)
        _select_first(table)
        for name in ("hideMessage", "refundDonation", "blockDonor"):
            button = find(w.console, QPushButton, name)
            assert not button.isEnabled(), name
            assert button.toolTip().startswith("Your role (viewer) cannot"), name
        save = find(w.console, QPushButton, "saveModerationRules")
        assert not save.isEnabled()
        assert save.toolTip() == "Your role (viewer) cannot change the moderation rules"
        assert find(w.console, QLabel, "moderatorIdentity").text() == (
            f"Signed in as {login} · viewer"
        )


def test_a_moderator_seat_moderates_but_cannot_end_the_broadcast(
    qtbot: Any, qapp: Any, live_campaign: tuple[TeamDatabase, int]
) -> None:
    team, campaign_id = live_campaign
    login, password = team.add(TeamRole.MODERATOR)
    with window_on(qtbot, qapp, team.url(login, password)) as w:
        qtbot.waitUntil(lambda: w.seat is not None, timeout=10_000)
        assert w.windowTitle() == f"LiveGiving Desktop — {login} (moderator)"
        _open_live(qtbot, w, campaign_id)
        end = find(w, QPushButton, "endBroadcast")
        assert not end.isEnabled()
        assert end.toolTip() == "Your role (moderator) cannot end a broadcast"
        spawn(w.open_moderation(), lambda exc: None)
        qtbot.waitUntil(lambda: w.console is not None and w.console.isVisible(), timeout=10_000)
        table = find(w.console, QAbstractItemView, "moderationTable")
        qtbot.waitUntil(lambda: table.model().rowCount() > 0, timeout=10_000)
        _select_first(table)
        hide = find(w.console, QPushButton, "hideMessage")
        qtbot.waitUntil(hide.isEnabled, timeout=5_000)
        hide.click()
        admin = LedgerService.open(team.url())
        try:
            qtbot.waitUntil(
                lambda: any(e.action == "hide" for e in admin.audit_entries(campaign_id)),
                timeout=10_000,
            )
            entry = next(e for e in admin.audit_entries(campaign_id) if e.action == "hide")
        finally:
            admin.close()
        assert (entry.actor_name, entry.actor_role, entry.login) == (login, "moderator", login)
