"""The app follows the seat's team role (issue 13): a control the role may not use is
disabled, its tooltip says why ("Your role (moderator) cannot end a broadcast"). The server
is what enforces the role; this only spares a person a refusal. SQLite: no role, no gate."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from livegiving_desktop.core.team import RoleRefusedError, SeatIdentity
from livegiving_desktop.ui.common.error_text import role_refusal_message


def gate(widget: QWidget, allowed: bool, identity: SeatIdentity | None, action: str) -> None:
    """Disable `widget` with the reason as its tooltip when the role may not `action`
    (English words of ui/common/error_text.ROLE_ACTIONS). Call after each enabling."""
    if identity is None or identity.role is None or allowed:
        return
    widget.setEnabled(False)
    reason = role_refusal_message(RoleRefusedError(identity.role, action))
    widget.setToolTip(reason)
    widget.setAccessibleDescription(reason)
