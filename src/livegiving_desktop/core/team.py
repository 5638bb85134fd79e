"""A seat's team role and the server's refusal of it, in plain Python: the window's first
screen shows them (the title, the home list's buttons) before SQLAlchemy is imported.
db/team.py and services/team.py re-export these names."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from livegiving_desktop.core.errors import LiveGivingError


class TeamRole(StrEnum):
    """A person's role in the team, strongest first."""

    OWNER = "owner"
    MODERATOR = "moderator"
    VIEWER = "viewer"


EXIT_ROLE_REFUSED = 4  # the server refused the action to the login's role


class RoleRefusedError(LiveGivingError):
    """The server refused an action to the login's role: "Your role (moderator) cannot end a
    broadcast". `role` is None when the login is in no team of the database."""

    def __init__(self, role: TeamRole | None, action: str) -> None:
        who = f"Your role ({role.value})" if role is not None else "Your database login"
        super().__init__(f"{who} cannot {action}")
        self.role = role
        self.action = action
        self.status = EXIT_ROLE_REFUSED


@dataclass(frozen=True, slots=True)
class SeatIdentity:
    """Who this seat is to the server: its login and team role (None: no team, a single desk)."""

    login: str | None
    role: TeamRole | None

    @property
    def may_run_broadcast(self) -> bool:
        """Go live, end, cancel, record offline donations, change goals: the owner's."""
        return self.role is None or self.role is TeamRole.OWNER

    @property
    def may_moderate(self) -> bool:
        """Decide messages, privacy, refunds, blocks, rules: the owner's and a moderator's."""
        return self.role is not TeamRole.VIEWER

    @property
    def read_only(self) -> bool:
        return self.role is TeamRole.VIEWER
