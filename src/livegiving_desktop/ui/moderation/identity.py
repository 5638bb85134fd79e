"""Who is moderating: the name written on every action. On a single desk (SQLite) the
moderator types it once and it is remembered in the settings."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from livegiving_desktop.core.records import Actor, ActorRole
from livegiving_desktop.ui.moderation.dialogs import DisplayNameDialog
from livegiving_desktop.ui.settings import AppSettings


class ModeratorIdentity(QObject):
    """The display name and role of this seat's moderator; `changed` when they change."""

    changed = Signal()

    def __init__(self, settings: AppSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self._dialog: DisplayNameDialog | None = None

    @property
    def name(self) -> str:
        return self.settings.moderator_name

    @property
    def role(self) -> ActorRole:
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
