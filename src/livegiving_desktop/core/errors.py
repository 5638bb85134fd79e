"""Errors that carry what a user needs to fix their input."""

from __future__ import annotations


class LiveGivingError(Exception):
    """Base of the errors the app turns into a message (never a traceback)."""


class ValidationError(LiveGivingError):
    """Bad input: names the field and the reason. Nothing is written when one is raised."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


class NotFoundError(LiveGivingError):
    """Something the user named (a campaign, a donation) does not exist."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


class StateError(LiveGivingError):
    """The operation is not allowed in the current state (e.g. donating to an ended campaign)."""
