"""Presence: a seat's heartbeat shows it on duty on every other seat; silent for long enough
(15 s in the app, 2 s here) it is shown as gone, and as back when it beats again (two
processes, SQLite and PostgreSQL)."""

from __future__ import annotations

import time

import pytest

from helpers.ledger import fundraiser
from helpers.seat import Seat
from livegiving_desktop.services.ledger import LedgerService
from livegiving_desktop.services.presence import Presence, Roster, SeatKind, on_duty

pytestmark = pytest.mark.db

SILENT = 2.0


def _wait(condition, timeout: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "presence did not show it in time"
        time.sleep(0.05)


def _state(service: LedgerService, campaign_id: int) -> dict[str, bool]:
    return {
        f"{s.kind}:{s.display_name}": s.present
        for s in on_duty(service.db, campaign_id, silent_after=SILENT)
    }


def test_a_seat_is_on_duty_gone_when_silent_and_back_when_it_returns(
    service: LedgerService, db_url: str
) -> None:
    campaign = fundraiser(service)
    other = fundraiser(service, title="Another one")
    rosters: list[Roster] = []
    creator = Presence(service.db, kind=SeatKind.CREATOR, display_name="Cleo",
                       campaign_id=campaign.id, beat_every=0.3, silent_after=SILENT,
                       on_roster=rosters.append)  # fmt: skip
    creator.start()
    sam = Seat(db_url, "presence", {"kind": "moderator", "name": "Sam", "campaign": campaign.id})
    elsewhere = Seat(db_url, "presence", {"kind": "moderator", "name": "Max",
                                          "campaign": other.id})  # fmt: skip
    try:
        sam.read()
        elsewhere.read()
        _wait(lambda: _state(service, campaign.id) == {"creator:Cleo": True, "moderator:Sam": True})
        _wait(lambda: _state(service, other.id) == {"moderator:Max": True})
        _wait(lambda: bool(rosters) and rosters[-1].count(SeatKind.MODERATOR) == 1)

        sam.kill()  # the seat dies without a word
        killed = time.monotonic()
        _wait(lambda: _state(service, campaign.id).get("moderator:Sam") is False)
        assert time.monotonic() - killed >= SILENT - 0.6  # not before it was silent long enough
        _wait(lambda: any(s.display_name == "Sam" for r in rosters for s in r.gone))
        assert rosters[-1].count(SeatKind.MODERATOR) == 0

        sam = Seat(db_url, "presence", {"kind": "moderator", "name": "Sam",
                                        "campaign": campaign.id})  # fmt: skip
        sam.read()
        _wait(lambda: _state(service, campaign.id).get("moderator:Sam") is True)
        _wait(lambda: any(s.display_name == "Sam" for r in rosters for s in r.back))
        assert len(on_duty(service.db, campaign.id, silent_after=SILENT)) == 2  # Sam once
    finally:
        sam.kill()
        elsewhere.kill()
        assert creator.close(5.0)


def test_a_seat_that_closes_is_gone_at_once(service: LedgerService) -> None:
    campaign = fundraiser(service)
    seat = Presence(service.db, kind="viewer", display_name="Vic", campaign_id=campaign.id,
                    beat_every=0.2)  # fmt: skip
    seat.start()
    _wait(lambda: _state(service, campaign.id) == {"viewer:Vic": True})
    roster = seat.roster()
    assert [s.is_self for s in roster.seats] == [True]
    assert seat.close(5.0)
    assert _state(service, campaign.id) == {"viewer:Vic": False}


def test_a_seat_follows_the_campaign_it_watches(service: LedgerService) -> None:
    first, second = fundraiser(service), fundraiser(service, title="Second")
    seat = Presence(service.db, kind="overlay", display_name="OBS", campaign_id=first.id,
                    beat_every=0.2)  # fmt: skip
    seat.start()
    try:
        _wait(lambda: _state(service, first.id) == {"overlay:OBS": True})
        seat.set_campaign(second.id)
        _wait(lambda: _state(service, second.id) == {"overlay:OBS": True})
        assert _state(service, first.id) == {}
    finally:
        assert seat.close(5.0)


def test_a_seat_hears_of_another_coming_and_leaving_long_before_its_next_beat(
    service: LedgerService,
) -> None:
    """The creator's seat tells its window when a moderator opens the console, and when they
    close it, within half a second: not at its own next heartbeat (every 4 s in the app,
    30 s here)."""
    campaign = fundraiser(service)
    rosters: list[Roster] = []
    creator = Presence(service.db, kind=SeatKind.CREATOR, display_name="Cleo",
                       campaign_id=campaign.id, beat_every=30.0,
                       on_roster=rosters.append)  # fmt: skip
    creator.start()
    sam = Presence(service.db, kind=SeatKind.MODERATOR, display_name="Sam",
                   campaign_id=campaign.id, beat_every=30.0)  # fmt: skip
    try:
        _wait(lambda: bool(rosters))  # the creator's first beat
        told = len(rosters)
        sam.start()
        _wait(lambda: rosters[-1].count(SeatKind.MODERATOR) == 1, timeout=5.0)
        assert sam.close(5.0)
        _wait(lambda: rosters[-1].count(SeatKind.MODERATOR) == 0, timeout=5.0)
        assert any(s.display_name == "Sam" for r in rosters for s in r.gone)
        assert len(rosters) - told == 2  # told twice, nothing in between
    finally:
        sam.close(5.0)
        assert creator.close(5.0)
