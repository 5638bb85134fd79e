"""Who is moderating: the name written on every action. On a single desk (SQLite) the
moderator types it once and it is remembered in the settings; on a team's PostgreSQL database
it is the server's login (the audit log records that one whatever is typed)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from livegiving_desktop.core.records import Actor, ActorRole
from livegiving_desktop.services.team import SeatIdentity, TeamRole
from livegiving_desktop.ui.common.error_text import role_name
from livegiving_desktop.ui.moderation.dialogs import DisplayNameDialog
from livegiving_desktop.ui.settings import AppSettings


class ModeratorIdentity(QObject):
    """The display name and role of this seat's moderator; `changed` when they change."""

    changed = Signal()

    def __init__(self, settings: AppSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self._dialog: DisplayNameDialog | None = None
        self.seat: SeatIdentity | None = None  # a team's login and role (PostgreSQL)

    @property
    def in_team(self) -> bool:
        return self.seat is not None and self.seat.role is not None and bool(self.seat.login)

    def use_seat(self, seat: SeatIdentity) -> None:
        """The server said who this seat is: its login is the name, no prompt."""
        self.seat = seat
        self.changed.emit()

    @property
    def name(self) -> str:
        if self.in_team:
            assert self.seat is not None and self.seat.login is not None
            return self.seat.login
        return self.settings.moderator_name

    @property
    def role(self) -> ActorRole:
        if self.in_team:
            assert self.seat is not None
            return ActorRole.CREATOR if self.seat.role is TeamRole.OWNER else ActorRole.MODERATOR
        value = self.settings.moderator_role
        return ActorRole(value) if value in ("moderator", "creator") else ActorRole.MODERATOR

    def set(self, name: str, role: ActorRole = ActorRole.MODERATOR) -> None:
        self.settings.set_moderator(name, role.value)
        self.settings.sync()
        self.changed.emit()

    def actor(self) -> Actor | None:
        """The actor written on the audit log, None until a name is given."""
        return Actor(self.name, self.role) if self.name else None

    def describe(self) -> str:
        """`Moderating as Sam · Moderator`, or that no name was given yet."""
        if self.in_team:
            assert self.seat is not None and self.seat.role is not None
            return (
                self.tr("Signed in as %1 · %2")
                .replace("%1", self.name)
                .replace("%2", role_name(self.seat.role.value))
            )
        if not self.name:
            return self.tr("No display name yet")
        role = self.tr("Moderator") if self.role is ActorRole.MODERATOR else self.tr("Creator")
        return self.tr("Moderating as %1 · %2").replace("%1", self.name).replace("%2", role)

    def ask(self, parent: QWidget) -> None:
        """Open the display-name dialog (non-blocking); the answer is remembered."""
        if self._dialog is not None and self._dialog.isVisible():
            return
        dialog = DisplayNameDialog(self.name, self.role, parent)
        dialog.accepted.connect(
            lambda: self.set(dialog.name.text(), ActorRole(dialog.role.currentData()))
        )
        self._dialog = dialog
        dialog.open()
