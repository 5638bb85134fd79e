"""Refusals of the core rules in the app's language.

The core raises `ValidationError(field, reason)` in English (the CLI prints it as is). The UI
translates the field name and the reason: each known reason is an English template with %1, %2
for its variable parts; a reason without a template is shown in English rather than not at all.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from livegiving_desktop.core.errors import LiveGivingError, NotFoundError, ValidationError
from livegiving_desktop.core.team import RoleRefusedError

if TYPE_CHECKING:
    from livegiving_desktop.core.decisions import ConflictError
from livegiving_desktop.services.failures import describe_failure

_CONTEXT = "Errors"

# The core names a field; the UI says its label, as the form shows it.
_FIELDS = {
    "title": QT_TRANSLATE_NOOP("Errors", "Title"),
    "organization": QT_TRANSLATE_NOOP("Errors", "Nonprofit"),
    "goal": QT_TRANSLATE_NOOP("Errors", "Goal"),
    "currency": QT_TRANSLATE_NOOP("Errors", "Currency"),
    "minimum donation": QT_TRANSLATE_NOOP("Errors", "Minimum donation"),
    "amount": QT_TRANSLATE_NOOP("Errors", "Amount"),
    "donor name": QT_TRANSLATE_NOOP("Errors", "Donor"),
    "message": QT_TRANSLATE_NOOP("Errors", "Message"),
    "external id": QT_TRANSLATE_NOOP("Errors", "External id"),
    "anonymous": QT_TRANSLATE_NOOP("Errors", "Anonymous"),
    "category": QT_TRANSLATE_NOOP("Errors", "Category"),
    "ticket price": QT_TRANSLATE_NOOP("Errors", "Ticket price"),
    "capacity": QT_TRANSLATE_NOOP("Errors", "Capacity"),
    "starts at": QT_TRANSLATE_NOOP("Errors", "Starts at"),
    "duration": QT_TRANSLATE_NOOP("Errors", "Duration"),
    "description": QT_TRANSLATE_NOOP("Errors", "Description"),
    "reason": QT_TRANSLATE_NOOP("Errors", "Reason"),
    "moderator": QT_TRANSLATE_NOOP("Errors", "Moderator"),
    "campaign": QT_TRANSLATE_NOOP("Errors", "Campaign"),
    "donation": QT_TRANSLATE_NOOP("Errors", "Donation"),
    "name": QT_TRANSLATE_NOOP("Errors", "Name"),
    "sort": QT_TRANSLATE_NOOP("Errors", "Sort"),
    "export file": QT_TRANSLATE_NOOP("Errors", "Export file"),
    "buyer name": QT_TRANSLATE_NOOP("Errors", "Buyer name"),
    "attendee name": QT_TRANSLATE_NOOP("Errors", "Attendee name"),
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
    # amounts as typed in the app's language (core/money.parse_amount_input)
    QT_TRANSLATE_NOOP("Errors", "is empty; enter an amount such as %1"),
    QT_TRANSLATE_NOOP("Errors", "'%1' is not an amount; write it like %2 or %3"),
    QT_TRANSLATE_NOOP("Errors", "'%1' is not an amount; write it like %2"),
    QT_TRANSLATE_NOOP("Errors", "'%1' could be %2 or %3; write one of them"),
    # goals, the home list, thanks
    QT_TRANSLATE_NOOP("Errors", "must be above the amount raised so far"),
    QT_TRANSLATE_NOOP("Errors", "is already the goal"),
    QT_TRANSLATE_NOOP("Errors", "too late to undo: the donors stay thanked"),
    # what a campaign's state refuses (StateError)
    QT_TRANSLATE_NOOP("Errors", "the campaign is live; end the broadcast before archiving it"),
    QT_TRANSLATE_NOOP("Errors", "the campaign has ended; it takes no more donations"),
    QT_TRANSLATE_NOOP("Errors", "the campaign has ended; its goal can no longer change"),
    QT_TRANSLATE_NOOP("Errors", "the campaign has ended; rehearse on a draft or live campaign"),
    QT_TRANSLATE_NOOP("Errors", "the campaign takes no more donations"),
    QT_TRANSLATE_NOOP("Errors", "the event has already ended"),
    QT_TRANSLATE_NOOP("Errors", "the event has ended; it sells no more tickets"),
    QT_TRANSLATE_NOOP("Errors", "the event has ended; it takes no more donations"),
    QT_TRANSLATE_NOOP("Errors", "the event is already cancelled"),
    QT_TRANSLATE_NOOP("Errors", "the event is sold out: every seat has a ticket"),
    QT_TRANSLATE_NOOP("Errors", "the event was cancelled; it sells no more tickets"),
    QT_TRANSLATE_NOOP("Errors", "the event was cancelled; it takes no more donations"),
    QT_TRANSLATE_NOOP("Errors", "the event was cancelled; its goal can no longer change"),
    QT_TRANSLATE_NOOP("Errors", "this event raises no money: it has no goal"),
    QT_TRANSLATE_NOOP("Errors", "a moderator approves or hides; holding is the rules' decision"),
    QT_TRANSLATE_NOOP("Errors", "donation %1 is already refunded; nothing was refunded"),
    QT_TRANSLATE_NOOP("Errors", "donation %1 is already refunded"),
    QT_TRANSLATE_NOOP("Errors", "ticket %1 is already refunded"),
    # db/failures.py: more database failures, in words
    QT_TRANSLATE_NOOP("Errors", "the database took too long to answer; the statement was stopped"),
    QT_TRANSLATE_NOOP("Errors", "another seat was changing the same records; try again"),
    QT_TRANSLATE_NOOP("Errors", "the records are locked by another seat; try again"),
    QT_TRANSLATE_NOOP("Errors", "the database server has too many connections"),
    QT_TRANSLATE_NOOP("Errors", "the database server refused the login"),
    QT_TRANSLATE_NOOP("Errors", "the database does not exist on the server"),
    QT_TRANSLATE_NOOP("Errors", "the database server is shutting down or restarting"),
    QT_TRANSLATE_NOOP("Errors", "the database server is starting up; try again in a moment"),
    QT_TRANSLATE_NOOP("Errors", "your database login is not allowed to do this"),
    QT_TRANSLATE_NOOP("Errors", "the database is read-only"),
    QT_TRANSLATE_NOOP("Errors", "the database server does not answer"),
    QT_TRANSLATE_NOOP("Errors", "the database reported an error (the details are in the log)"),
    QT_TRANSLATE_NOOP("Errors", "the database is busy: no connection was free in time"),
    # services/worker.py: the audience's process
    QT_TRANSLATE_NOOP("Errors", "the audience's process was stopped by signal %1"),
    QT_TRANSLATE_NOOP("Errors", "the audience's process ended with status %1"),
    QT_TRANSLATE_NOOP("Errors", "the audience's process stopped answering"),
    QT_TRANSLATE_NOOP("Errors", "the audience's process stopped before saying what it saved"),
    # services/overlays: the overlay server of this seat
    QT_TRANSLATE_NOOP("Errors", "port %1 is already in use"),
    QT_TRANSLATE_NOOP("Errors", "port %1 cannot be used (%2)"),
    QT_TRANSLATE_NOOP("Errors", "the overlay server did not start in time"),
    QT_TRANSLATE_NOOP("Errors", "the overlay server cannot start: %1"),
    # services/files.py: where an export may not be written
    QT_TRANSLATE_NOOP("Errors", "is the ledger's own database file; choose another name"),
    QT_TRANSLATE_NOOP("Errors", "is not a regular file; choose a file name"),
    QT_TRANSLATE_NOOP("Errors", "is a folder; choose a file name"),
    QT_TRANSLATE_NOOP("Errors", "its folder does not exist"),
    # names and events nobody should be able to save (issue 16)
    QT_TRANSLATE_NOOP("Errors", "has no visible character"),
    QT_TRANSLATE_NOOP("Errors", "must stay on one line"),
    QT_TRANSLATE_NOOP("Errors", "this event raises no money: it takes no donations"),
    QT_TRANSLATE_NOOP("Errors", "ticket %1 is refunded; it has no code to reissue"),
    QT_TRANSLATE_NOOP("Errors", "another program is using the ledger; close it and try again"),
    QT_TRANSLATE_NOOP(
        "Errors",
        "database: %1 is damaged (%2). The file was not changed. See what is wrong with "
        "`livegiving --db %3 db check`, save what can be read into a new file with "
        "`livegiving --db %4 db recover --out NEW.db`, then open NEW.db (or restore a backup).",
    ),
)
# core/decisions.py: a decision that lost a race (%1 the moderator, %2 the donation).
_CONFLICTS = (
    QT_TRANSLATE_NOOP("Conflicts", "%1 approved this message"),
    QT_TRANSLATE_NOOP("Conflicts", "%1 hid this message"),
    QT_TRANSLATE_NOOP("Conflicts", "%1 refunded this donation"),
    QT_TRANSLATE_NOOP("Conflicts", "%1 named this donor as Anonymous"),
    QT_TRANSLATE_NOOP("Conflicts", "%1 showed this donor's name again"),
    QT_TRANSLATE_NOOP("Conflicts", "%1 hid this amount"),
    QT_TRANSLATE_NOOP("Conflicts", "%1 showed this amount again"),
    QT_TRANSLATE_NOOP("Conflicts", "this donation was changed on another seat"),
    QT_TRANSLATE_NOOP("Conflicts", "%1 approved the message of donation %2"),
    QT_TRANSLATE_NOOP("Conflicts", "%1 hid the message of donation %2"),
    QT_TRANSLATE_NOOP("Conflicts", "%1 refunded donation %2"),
    QT_TRANSLATE_NOOP("Conflicts", "%1 named the donor of donation %2 as Anonymous"),
    QT_TRANSLATE_NOOP("Conflicts", "%1 showed the name of donation %2 again"),
    QT_TRANSLATE_NOOP("Conflicts", "%1 hid the amount of donation %2"),
    QT_TRANSLATE_NOOP("Conflicts", "%1 showed the amount of donation %2 again"),
    QT_TRANSLATE_NOOP("Conflicts", "donation %2 was changed on another seat"),
)

# Team roles (services/team.py): the role's name and what the server refused it, the words
# of ui/operations.py (`Operations._as`).
ROLE_NAMES = {
    "owner": QT_TRANSLATE_NOOP("Roles", "owner"),
    "moderator": QT_TRANSLATE_NOOP("Roles", "moderator"),
    "viewer": QT_TRANSLATE_NOOP("Roles", "viewer"),
}
ROLE_ACTIONS = {
    "go live": QT_TRANSLATE_NOOP("Roles", "go live"),
    "end a broadcast": QT_TRANSLATE_NOOP("Roles", "end a broadcast"),
    "thank donors on air": QT_TRANSLATE_NOOP("Roles", "thank donors on air"),
    "record a donation": QT_TRANSLATE_NOOP("Roles", "record a donation"),
    "decide on messages": QT_TRANSLATE_NOOP("Roles", "decide on messages"),
    "change what goes on air": QT_TRANSLATE_NOOP("Roles", "change what goes on air"),
    "block a donor": QT_TRANSLATE_NOOP("Roles", "block a donor"),
    "unblock a donor": QT_TRANSLATE_NOOP("Roles", "unblock a donor"),
    "refund a donation": QT_TRANSLATE_NOOP("Roles", "refund a donation"),
    "change the moderation rules": QT_TRANSLATE_NOOP("Roles", "change the moderation rules"),
    "admit at the door": QT_TRANSLATE_NOOP("Roles", "admit at the door"),
    "refund a ticket": QT_TRANSLATE_NOOP("Roles", "refund a ticket"),
    "give a ticket a new code": QT_TRANSLATE_NOOP("Roles", "give a ticket a new code"),
    "cancel an event": QT_TRANSLATE_NOOP("Roles", "cancel an event"),
    "create a campaign": QT_TRANSLATE_NOOP("Roles", "create a campaign"),
    "change a goal": QT_TRANSLATE_NOOP("Roles", "change a goal"),
}


def role_name(role: str) -> str:
    """A team role's name in the app's language."""
    source = ROLE_NAMES.get(role)
    return role if source is None else QCoreApplication.translate("Roles", str(source))


def role_refusal_message(exc: RoleRefusedError) -> str:
    """ "Your role (moderator) cannot end a broadcast", in the app's language."""
    source = ROLE_ACTIONS.get(exc.action)
    action = exc.action if source is None else QCoreApplication.translate("Roles", str(source))
    if exc.role is None:
        template = QCoreApplication.translate("Roles", "Your database login cannot %1")
        return template.replace("%1", action)
    template = QCoreApplication.translate("Roles", "Your role (%1) cannot %2")
    return template.replace("%1", role_name(exc.role.value)).replace("%2", action)


def conflict_message(exc: ConflictError) -> str:
    """ "Sam hid this message; nothing was changed", in the app's language."""
    single = exc.asked == 1 and len(exc.conflicts) == 1
    sentences = [
        QCoreApplication.translate("Conflicts", c.template(single=single))
        .replace("%1", c.actor_name or "")
        .replace("%2", str(c.donation_id))
        for c in exc.conflicts
    ]
    words = QCoreApplication.translate("Conflicts", "; ").join(sentences)
    words = words[:1].upper() + words[1:]
    return QCoreApplication.translate("Conflicts", "%1; nothing was changed").replace("%1", words)


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
    from livegiving_desktop.core.decisions import ConflictError  # loaded when one is raised

    if isinstance(exc, ConflictError):
        return conflict_message(exc)
    if isinstance(exc, RoleRefusedError):
        return role_refusal_message(exc)
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
