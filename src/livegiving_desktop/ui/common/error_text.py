"""Refusals of the core rules in the app's language.

The core raises `ValidationError(field, reason)` in English (the CLI prints it as is). The UI
translates the field name and the reason: each known reason is an English template with %1, %2
for its variable parts; a reason without a template is shown in English rather than not at all.
"""

from __future__ import annotations

import re
from functools import lru_cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from livegiving_desktop.core.errors import LiveGivingError, NotFoundError, ValidationError
from livegiving_desktop.services.failures import describe_failure

_CONTEXT = "Errors"

_FIELDS = {
    "title": QT_TRANSLATE_NOOP("Errors", "title"),
    "organization": QT_TRANSLATE_NOOP("Errors", "organization"),
    "goal": QT_TRANSLATE_NOOP("Errors", "goal"),
    "currency": QT_TRANSLATE_NOOP("Errors", "currency"),
    "minimum donation": QT_TRANSLATE_NOOP("Errors", "minimum donation"),
    "amount": QT_TRANSLATE_NOOP("Errors", "amount"),
    "donor name": QT_TRANSLATE_NOOP("Errors", "donor name"),
    "message": QT_TRANSLATE_NOOP("Errors", "message"),
    "external id": QT_TRANSLATE_NOOP("Errors", "external id"),
    "anonymous": QT_TRANSLATE_NOOP("Errors", "anonymous"),
    "category": QT_TRANSLATE_NOOP("Errors", "category"),
    "ticket price": QT_TRANSLATE_NOOP("Errors", "ticket price"),
    "capacity": QT_TRANSLATE_NOOP("Errors", "capacity"),
    "starts at": QT_TRANSLATE_NOOP("Errors", "starts at"),
    "duration": QT_TRANSLATE_NOOP("Errors", "duration"),
    "description": QT_TRANSLATE_NOOP("Errors", "description"),
    "reason": QT_TRANSLATE_NOOP("Errors", "reason"),
    "moderator": QT_TRANSLATE_NOOP("Errors", "moderator"),
    "campaign": QT_TRANSLATE_NOOP("Errors", "campaign"),
    "donation": QT_TRANSLATE_NOOP("Errors", "donation"),
}

# English templates, exactly as the core words them, with %1, %2 for the variable parts.
_REASONS = (
    QT_TRANSLATE_NOOP("Errors", "is empty; give the campaign a title"),
    QT_TRANSLATE_NOOP("Errors", "is %1 characters long; at most %2"),
    QT_TRANSLATE_NOOP("Errors", "contains control characters"),
    QT_TRANSLATE_NOOP("Errors", "contains characters that are not valid text"),
    QT_TRANSLATE_NOOP("Errors", "is not chosen; pick a nonprofit from the catalog"),
    QT_TRANSLATE_NOOP("Errors", "'%1' is not in the catalog (see `livegiving organizations list`)"),
    QT_TRANSLATE_NOOP("Errors", "'%1' is not an ISO 8601 time such as 2026-12-31T20:00+01:00"),
    QT_TRANSLATE_NOOP("Errors", "'%1' is outside the supported years"),
    QT_TRANSLATE_NOOP("Errors", "'%1' is not one of %2"),
    QT_TRANSLATE_NOOP("Errors", "'%1' is not a whole number above zero"),
    QT_TRANSLATE_NOOP("Errors", "must be between 1 minute and 24 hours"),
    QT_TRANSLATE_NOOP("Errors", "is longer than 2000 characters"),
    QT_TRANSLATE_NOOP("Errors", "'%1' is not an ISO 4217 currency code"),
    QT_TRANSLATE_NOOP("Errors", "is empty; enter an amount such as 12.50"),
    QT_TRANSLATE_NOOP("Errors", "is %1 characters long; no amount needs that many"),
    QT_TRANSLATE_NOOP("Errors", "'%1' is not a number; use a dot as the decimal separator (12.50)"),
    QT_TRANSLATE_NOOP("Errors", "must be positive"),
    QT_TRANSLATE_NOOP("Errors", "'%1' is not a number; write digits with an optional dot (12.50)"),
    QT_TRANSLATE_NOOP("Errors", "%1 has no decimals"),
    QT_TRANSLATE_NOOP("Errors", "%1 has at most %2 decimals"),
    QT_TRANSLATE_NOOP("Errors", "%1 has at most %2 decimal"),
    QT_TRANSLATE_NOOP("Errors", "must be more than zero"),
    QT_TRANSLATE_NOOP("Errors", "must be at most %1 %2"),
    QT_TRANSLATE_NOOP("Errors", "is required"),
    QT_TRANSLATE_NOOP("Errors", "must be at most %1 characters"),
    QT_TRANSLATE_NOOP("Errors", "must not contain control characters"),
    QT_TRANSLATE_NOOP("Errors", "a display name is required"),
    QT_TRANSLATE_NOOP("Errors", "must be 1 to %1 printable characters"),
    QT_TRANSLATE_NOOP("Errors", "is empty; give the donor's name"),
    QT_TRANSLATE_NOOP("Errors", "is empty"),
    QT_TRANSLATE_NOOP("Errors", "is below the campaign's minimum donation of %1 %2"),
    QT_TRANSLATE_NOOP("Errors", "is above the campaign's maximum of %1 %2"),
    QT_TRANSLATE_NOOP("Errors", "this campaign does not accept anonymous donations"),
    # services/failures.py: database and disk failures
    QT_TRANSLATE_NOOP("Errors", "the disk is full"),
    QT_TRANSLATE_NOOP("Errors", "the database is locked by another program"),
    QT_TRANSLATE_NOOP("Errors", "the database file cannot be written (it is read-only)"),
    QT_TRANSLATE_NOOP("Errors", "the database file cannot be written (permission denied)"),
    QT_TRANSLATE_NOOP("Errors", "the disk could not be read or written (input/output error)"),
    QT_TRANSLATE_NOOP("Errors", "the database file is damaged"),
    QT_TRANSLATE_NOOP("Errors", "the database file cannot be opened"),
    QT_TRANSLATE_NOOP("Errors", "the disk quota is exceeded"),
    QT_TRANSLATE_NOOP("Errors", "the disk is read-only"),
    QT_TRANSLATE_NOOP("Errors", "permission denied"),
    QT_TRANSLATE_NOOP("Errors", "the database server's disk is full"),
    QT_TRANSLATE_NOOP("Errors", "the database server cannot be reached"),
)


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    compiled = []
    for template in _REASONS:
        parts = re.split(r"(%\d)", str(template))
        regex = "".join("(.+?)" if re.fullmatch(r"%\d", p) else re.escape(p) for p in parts)
        compiled.append((re.compile(f"^{regex}$", re.DOTALL), str(template)))
    return tuple(compiled)


def known_reason(reason: str) -> bool:
    """True when a template translates this reason."""
    return any(pattern.match(reason) for pattern, _ in _patterns())


def translate_reason(reason: str) -> str:
    """The reason in the app's language (English when no template knows it)."""
    for pattern, template in _patterns():
        match = pattern.match(reason)
        if match is None:
            continue
        text = QCoreApplication.translate(_CONTEXT, template)
        for number, value in enumerate(match.groups(), start=1):
            text = text.replace(f"%{number}", value)
        return text
    return reason


def translate_field(field: str) -> str:
    source = _FIELDS.get(field)
    return field if source is None else QCoreApplication.translate(_CONTEXT, str(source))


def describe(exc: LiveGivingError) -> str:
    """What to show the user for a refusal: `field: reason`, both translated."""
    if isinstance(exc, ValidationError | NotFoundError):
        return (
            QCoreApplication.translate("Errors", "%1: %2")
            .replace("%1", translate_field(exc.field))
            .replace("%2", translate_reason(exc.reason))
        )
    return translate_reason(str(exc))


def user_message(exc: BaseException, *, with_field: bool = True) -> str:
    """What to show for any failure: a refusal of the rules in the app's language (with or
    without the field's name), anything else as its own text."""
    if not isinstance(exc, LiveGivingError):
        return translate_reason(describe_failure(exc))
    if not with_field and isinstance(exc, ValidationError | NotFoundError):
        return translate_reason(exc.reason)
    return describe(exc)
