"""Presence: who is on duty for a campaign. Each seat (the creator's window, a moderator's
console, a viewer, an overlay server) keeps a heartbeat row in `seats`, renewed every few
seconds on a thread of its own (never the UI thread); a seat silent for 15 s is shown as gone,
and as back when it beats again. Between beats the thread reads the roster every 0.3 s and
tells when someone came or left.

    presence = Presence(db, kind=SeatKind.MODERATOR, display_name="Sam", campaign_id=7,
                        on_roster=...)          # on_roster(Roster) after each beat
    presence.start()
    ...
    presence.close(timeout=2.0)                  # True: left cleanly (shown gone at once)
"""

from __future__ import annotations

import getpass
import logging
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from sqlalchemy.exc import SQLAlchemyError

from livegiving_desktop.db import seats
from livegiving_desktop.db.engine import Database
from livegiving_desktop.services.failures import describe_failure

log = logging.getLogger("livegiving.presence")

BEAT_EVERY_S = 4.0
# Between beats the roster is read this often, and told when someone came, left or switched
# campaign: a moderator who opens the console shows on the creator's seat within half a
# second, not at the next beat (a read of a few rows; the beat, a write, stays every 4 s).
LOOK_EVERY_S = 0.3
SILENT_AFTER_S = 15.0  # a seat not heard from for this long is gone
KEEP_GONE_S = 3600.0  # a gone seat stays on the roster (as gone) this long
PRUNE_AFTER_S = 7 * 86400.0  # rows of seats silent this long are deleted


class SeatKind(StrEnum):
    CREATOR = "creator"
    MODERATOR = "moderator"
    VIEWER = "viewer"
    OVERLAY = "overlay"


@dataclass(frozen=True, slots=True)
class SeatPresence:
    """One seat on the roster."""

    seat_key: str
    kind: str  # a SeatKind value
    display_name: str
    role: str
    login: str | None
    campaign_id: int | None
    started_at_us: int
    seen_at_us: int
    silent_s: float  # since its last heartbeat
    present: bool  # heard from within SILENT_AFTER_S
    is_self: bool  # this process's own seat


@dataclass(frozen=True, slots=True)
class Roster:
    """Who is on duty for a campaign, and who went or came back since the previous roster."""

    campaign_id: int | None
    seats: list[SeatPresence]  # one per person and kind (their freshest seat), present first
    gone: list[SeatPresence] = field(default_factory=list)  # were present, now silent
    back: list[SeatPresence] = field(default_factory=list)  # were gone, present again

    def present(self, kind: SeatKind | str | None = None) -> list[SeatPresence]:
        return [s for s in self.seats if s.present and (kind is None or s.kind == kind)]

    def count(self, kind: SeatKind | str) -> int:
        """How many seats of a kind are present (e.g. moderators watching)."""
        return len(self.present(kind))


def on_duty(
    db: Database,
    campaign_id: int | None,
    *,
    silent_after: float = SILENT_AFTER_S,
    self_key: str | None = None,
) -> list[SeatPresence]:
    """The campaign's seats heard from in the last hour, one per person and kind (their
    freshest), present first. Reads the database: call it off the UI thread."""
    rows = seats.roster(db, campaign_id, int(KEEP_GONE_S * 1e6))
    out: dict[tuple[str, str, str | None], SeatPresence] = {}
    for row in rows:  # freshest first: the first of a person and kind wins
        key = (row.kind, row.display_name, row.login)
        if key in out:
            continue
        silent = row.silent_us / 1e6
        out[key] = SeatPresence(
            seat_key=row.seat_key,
            kind=row.kind,
            display_name=row.display_name,
            role=row.role,
            login=row.login,
            campaign_id=row.campaign_id,
            started_at_us=row.started_at_us,
            seen_at_us=row.seen_at_us,
            silent_s=silent,
            present=silent < silent_after,
            is_self=row.seat_key == self_key,
        )
    return sorted(out.values(), key=lambda s: (not s.present, s.kind, s.display_name))


class Presence:
    """This seat's heartbeat, and the roster of its campaign after each beat."""

    def __init__(
        self,
        db: Database,
        *,
        kind: SeatKind | str,
        display_name: str,
        role: str | None = None,
        campaign_id: int | None = None,
        login: str | None = None,
        beat_every: float = BEAT_EVERY_S,
        look_every: float = LOOK_EVERY_S,
        silent_after: float = SILENT_AFTER_S,
        seat_key: str | None = None,
        on_roster: Callable[[Roster], None] | None = None,
        on_error: Callable[[str | None], None] | None = None,
    ) -> None:
        self.db = db
        self.kind = SeatKind(kind).value
        self.role = role or self.kind
        self.seat_key = seat_key or secrets.token_hex(16)
        self.beat_every = beat_every
        self.look_every = min(look_every, beat_every)
        self.silent_after = silent_after
        self.on_roster = on_roster
        self.on_error = on_error  # the reason in words; None once it works again
        self._login = login
        self._display_name = display_name
        self._campaign_id = campaign_id
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._failing = False
        self._previous: dict[str, bool] = {}
        self._thread = threading.Thread(target=self._run, name="presence", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def set_campaign(self, campaign_id: int | None) -> None:
        """The seat now watches another campaign (beats at once)."""
        with self._lock:
            self._campaign_id = campaign_id
            self._previous = {}
        self._wake.set()

    def set_display_name(self, name: str) -> None:
        with self._lock:
            self._display_name = name
        self._wake.set()

    def roster(self) -> Roster:
        """The roster now (reads the database: off the UI thread)."""
        with self._lock:
            campaign_id = self._campaign_id
        return Roster(
            campaign_id,
            on_duty(self.db, campaign_id, silent_after=self.silent_after, self_key=self.seat_key),
        )

    def stop(self) -> None:
        """Stop beating without waiting: the thread says this seat has left as it ends."""
        self._stop.set()
        self._wake.set()

    def close(self, timeout: float = 2.0) -> bool:
        """Stop beating and say this seat has left (shown gone at once). True when done in
        time; during an outage it gives up after `timeout` (the seat then goes silent)."""
        self.stop()
        if self._thread.ident is not None:
            self._thread.join(timeout)
        return not self._thread.is_alive() and not self._failing

    # -- the thread ---------------------------------------------------------------------------

    def _run(self) -> None:
        if self._login is None:
            try:
                self._login = seats.session_login(self.db) or getpass.getuser()
            except (SQLAlchemyError, OSError, KeyError):
                self._login = None
        beats = 0
        next_beat = 0.0
        told: tuple[object, ...] | None = None  # the roster last told, as _who_is_there says
        while not self._stop.is_set():
            look_every = self.look_every
            try:
                beating = time.monotonic() >= next_beat or self._wake.is_set()
                self._wake.clear()
                if beating:
                    next_beat = time.monotonic() + self.beat_every
                    self._beat()
                    if beats % 1000 == 0:
                        seats.prune(self.db, int(PRUNE_AFTER_S * 1e6))
                    beats += 1
                if self._failing:
                    self._failing = False
                    self._tell_error(None)
                roster = self.roster()
                who = self._who_is_there(roster)
                if beating or who != told:  # each beat (silences grow), or someone moved
                    told = who
                    self._announce(roster)
            except (SQLAlchemyError, OSError) as exc:
                log.warning("presence heartbeat failed: %s", exc)
                if not self._failing:
                    self._failing = True
                    self._tell_error(describe_failure(exc))
                told = None
                look_every = self.beat_every  # tried again at the next beat, not every look
            self._wake.wait(min(look_every, max(0.0, next_beat - time.monotonic())))
        try:
            seats.leave(self.db, self.seat_key, int(self.silent_after * 1e6))
        except (SQLAlchemyError, OSError) as exc:
            log.warning("presence: leaving not recorded: %s", exc)
            self._failing = True

    def _beat(self) -> None:
        with self._lock:
            campaign_id, name = self._campaign_id, self._display_name
        seats.beat(self.db, seat_key=self.seat_key, campaign_id=campaign_id, kind=self.kind,
                   display_name=name, role=self.role, login=self._login)  # fmt: skip

    def _announce(self, roster: Roster) -> None:
        with self._lock:
            previous = self._previous
            self._previous = {self._person(s): s.present for s in roster.seats}
        gone = [s for s in roster.seats if not s.present and previous.get(self._person(s))]
        back = [s for s in roster.seats if s.present and previous.get(self._person(s)) is False]
        if self.on_roster is not None:
            try:
                self.on_roster(Roster(roster.campaign_id, roster.seats, gone, back))
            except Exception:
                log.exception("roster listener failed")

    @staticmethod
    def _who_is_there(roster: Roster) -> tuple[object, ...]:
        """A roster without its clocks: it differs when a seat came, left, went silent,
        came back, switched campaign or changed its name."""
        return (roster.campaign_id, *((s.seat_key, s.display_name, s.role, s.present)
                                      for s in roster.seats))  # fmt: skip

    @staticmethod
    def _person(seat: SeatPresence) -> str:
        return f"{seat.kind}\x00{seat.display_name}\x00{seat.login}"

    def _tell_error(self, reason: str | None) -> None:
        if self.on_error is not None:
            try:
                self.on_error(reason)
            except Exception:
                log.exception("presence error listener failed")
