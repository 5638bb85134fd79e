"""Refund rules: the reason a refund needs, and who acts."""

from __future__ import annotations

from livegiving_desktop.core.errors import ValidationError
from livegiving_desktop.core.records import Actor
from livegiving_desktop.core.text import CONTROL_RE, SURROGATE_RE, strip_bidi

REASON_MAX = 500
ACTOR_NAME_MAX = 100


def clean_reason(text: str, field: str = "reason") -> str:
    """A refund or moderation reason: required, one to 500 characters, no control characters
    other than line breaks."""
    value = strip_bidi(text).strip()
    if not value:
        raise ValidationError(field, "is required")
    if len(value) > REASON_MAX:
        raise ValidationError(field, f"must be at most {REASON_MAX} characters")
    if CONTROL_RE.search(value.replace("\n", " ").replace("\r", " ").replace("\t", " ")):
        raise ValidationError(field, "must not contain control characters")
    if SURROGATE_RE.search(value):
        raise ValidationError(field, "is not valid text (it holds bytes of another encoding)")
    return value


def clean_actor(actor: Actor, field: str = "moderator") -> Actor:
    """The display name written on audit rows: required, one line, at most 100 characters."""
    name = strip_bidi(actor.name).strip()
    if not name:
        raise ValidationError(field, "a display name is required")
    if len(name) > ACTOR_NAME_MAX or CONTROL_RE.search(name) or SURROGATE_RE.search(name):
        raise ValidationError(field, f"must be 1 to {ACTOR_NAME_MAX} printable characters")
    return Actor(name, actor.role)
