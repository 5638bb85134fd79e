"""Presence on the UI thread's side: this seat's heartbeat (services/presence.py, on a thread of
its own) and the roster of its campaign as queued Qt signals, with the words a view shows: who
is on duty, how many moderators are watching, who has gone and who is back."""

from __future__ import annotations

import getpass
import time

from PySide6.QtCore import QCoreApplication, QObject, Signal

from livegiving_desktop.db.engine import Database
from livegiving_desktop.services.presence import Presence, Roster, SeatKind, SeatPresence
from livegiving_desktop.ui.common.bridge import thread_emitter

CLOSE_WAIT_S = 2.0


def default_name() -> str:
    """Who this seat is before anyone types a name: the computer's user name."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""


class PresenceBridge(QObject):
    """Owns this seat's Presence. `roster` (a Roster) after every beat, `problem` (the reason
    in words, or None once heartbeats work again); both queued to the UI thread."""

    roster = Signal(object)
    problem = Signal(object)

    def __init__(
        self, db: Database, kind: SeatKind, display_name: str, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self.last: Roster | None = None
        self.roster.connect(self._keep)
        self.presence = Presence(
            db,
            kind=kind,
            display_name=display_name or default_name(),
            on_roster=thread_emitter(self, "roster"),
            on_error=thread_emitter(self, "problem"),
        )
        # Deleted by Qt (its window with it) without being closed: the seat leaves instead of
        # beating for ever, shown on duty on every other seat while nobody is there.
        self.destroyed.connect(self.presence.stop)
        self.presence.start()

    def _keep(self, roster: Roster) -> None:
        self.last = roster

    def set_campaign(self, campaign_id: int | None) -> None:
        self.presence.set_campaign(campaign_id)

    def set_display_name(self, name: str) -> None:
        self.presence.set_display_name(name or default_name())

    def close(self) -> bool:
        """Leave (shown gone at once to the others); never waits more than CLOSE_WAIT_S."""
        return self.presence.close(CLOSE_WAIT_S)


# -- the words ----------------------------------------------------------------------------


class _Plurals(QObject):
    """Plural forms (lupdate reads them from `self.tr` only)."""

    def watching(self, count: int) -> str:
        return self.tr("%n moderator(s) watching", "", count)


def seat_label(seat: SeatPresence) -> str:
    """`Sam`, `Camille (creator)`, `You`."""
    name = QCoreApplication.translate("Presence", "You") if seat.is_self else seat.display_name
    if seat.kind == SeatKind.CREATOR:
        return QCoreApplication.translate("Presence", "%1 (creator)").replace("%1", name)
    if seat.kind == SeatKind.VIEWER:
        return QCoreApplication.translate("Presence", "%1 (viewer)").replace("%1", name)
    return name


def on_duty_text(roster: Roster | None) -> str:
    """The console's line: `On duty: You, Camille (creator) · Gone: Léa (0:45)`."""
    if roster is None:
        return ""
    people = [s for s in roster.seats if s.kind != SeatKind.OVERLAY]
    present = [seat_label(s) for s in people if s.present]
    gone = [
        QCoreApplication.translate("Presence", "%1 (silent %2)")
        .replace("%1", seat_label(s))
        .replace("%2", _silence(s.silent_s))
        for s in people
        if not s.present
    ]
    text = (
        QCoreApplication.translate("Presence", "On duty: %1").replace("%1", ", ".join(present))
        if present
        else ""
    )
    if gone:
        gone_text = QCoreApplication.translate("Presence", "Gone: %1").replace(
            "%1", ", ".join(gone)
        )
        text = f"{text} · {gone_text}" if text else gone_text
    return text


def watching_text(roster: Roster | None) -> str:
    """The creator's line: `No moderator watching` / `2 moderators watching`."""
    count = 0 if roster is None else roster.count(SeatKind.MODERATOR)
    if count == 0:
        return QCoreApplication.translate("Presence", "No moderator watching")
    return _Plurals().watching(count)


def watching_names(roster: Roster | None) -> str:
    """Who is watching, for a tooltip: `Sam, Léa`."""
    if roster is None:
        return ""
    return ", ".join(s.display_name for s in roster.present(SeatKind.MODERATOR))


def comings_and_goings(roster: Roster, *, kinds: tuple[SeatKind, ...]) -> list[str]:
    """`Sam's seat has gone (last heard 14:02:10)`, `Sam is back`, for the seats of `kinds`
    that went silent or came back since the previous roster (not this seat itself)."""
    lines = []
    for seat in roster.gone:
        if seat.kind in kinds and not seat.is_self:
            heard = time.strftime("%H:%M:%S", time.localtime(seat.seen_at_us / 1e6))
            lines.append(
                QCoreApplication.translate("Presence", "%1's seat has gone (last heard %2)")
                .replace("%1", seat_label(seat))
                .replace("%2", heard)
            )
    for seat in roster.back:
        if seat.kind in kinds and not seat.is_self:
            lines.append(
                QCoreApplication.translate("Presence", "%1 is back").replace("%1", seat_label(seat))
            )
    return lines


def _silence(seconds: float) -> str:
    whole = int(seconds)
    if whole >= 3600:
        return f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"
    return f"{whole // 60}:{whole % 60:02d}"
