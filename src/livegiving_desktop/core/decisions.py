"""Moderators' decisions as a race has them: each decision names the version of every donation
it was made on (compare-and-set), so when two seats decide at once exactly one wins and the
other is told, in words, who decided what. A decision on several donations is all or nothing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from livegiving_desktop.core.errors import LiveGivingError
from livegiving_desktop.core.records import StoredDonation

# Audit actions that bump a donation's version (db/moderation.py, db/ledger.py).
VERSIONED_ACTIONS = ("approve", "hide", "privacy", "refund")


class Decision(StrEnum):
    """What a moderator decides on donations (the `livegiving moderate` actions)."""

    APPROVE = "approve"
    HIDE = "hide"
    ANONYMOUS = "anonymous"  # name shown as Anonymous on air
    SHOW_NAME = "show-name"
    HIDE_AMOUNT = "hide-amount"
    SHOW_AMOUNT = "show-amount"
    REFUND = "refund"
    BLOCK = "block"


def seen_versions(donations: Iterable[StoredDonation]) -> dict[int, int]:
    """The versions a seat saw, to name in a decision: {donation id: version}."""
    return {d.id: d.version for d in donations}


# English templates: %1 the moderator, %2 the donation id. "this" forms for one donation.
_ONE = {
    "approve": "%1 approved this message",
    "hide": "%1 hid this message",
    "refund": "%1 refunded this donation",
    "name-hidden": "%1 named this donor as Anonymous",
    "name-shown": "%1 showed this donor's name again",
    "amount-hidden": "%1 hid this amount",
    "amount-shown": "%1 showed this amount again",
    None: "this donation was changed on another seat",
}
_MANY = {
    "approve": "%1 approved the message of donation %2",
    "hide": "%1 hid the message of donation %2",
    "refund": "%1 refunded donation %2",
    "name-hidden": "%1 named the donor of donation %2 as Anonymous",
    "name-shown": "%1 showed the name of donation %2 again",
    "amount-hidden": "%1 hid the amount of donation %2",
    "amount-shown": "%1 showed the amount of donation %2 again",
    None: "donation %2 was changed on another seat",
}
# Every template, for the UI's translation tables.
CONFLICT_TEMPLATES = tuple(_ONE.values()) + tuple(_MANY.values())


def _privacy_words(before: str | None, after: str | None) -> str | None:
    try:
        old = json.loads(before or "{}")
        new = json.loads(after or "{}")
    except ValueError:
        return None
    if old.get("hide_name_on_air") != new.get("hide_name_on_air"):
        return "name-hidden" if new.get("hide_name_on_air") else "name-shown"
    if old.get("hide_amount_on_air") != new.get("hide_amount_on_air"):
        return "amount-hidden" if new.get("hide_amount_on_air") else "amount-shown"
    return None


@dataclass(frozen=True, slots=True)
class Conflict:
    """A donation that changed after the seat saw it, and the decision that changed it (the
    latest versioned audit row of the donation; None when none explains it)."""

    donation_id: int
    seen_version: int
    version: int
    actor_name: str | None = None
    action: str | None = None  # the audit action: approve, hide, privacy, refund
    before: str | None = None
    after: str | None = None
    at_us: int | None = None

    @property
    def what(self) -> str | None:
        """The decision in a word: approve, hide, refund, name-hidden, name-shown,
        amount-hidden, amount-shown, or None (unknown)."""
        if self.actor_name is None or self.action is None:
            return None
        if self.action == "privacy":
            return _privacy_words(self.before, self.after)
        return self.action if self.action in _ONE else None

    def template(self, *, single: bool) -> str:
        """The English template of `sentence` (%1 the moderator, %2 the donation id)."""
        return (_ONE if single else _MANY)[self.what]

    def sentence(self, *, single: bool = True) -> str:
        """ "Sam hid this message" (single) or "Sam hid the message of donation 42"."""
        return (
            self.template(single=single)
            .replace("%1", self.actor_name or "")
            .replace("%2", str(self.donation_id))
        )


class ConflictError(LiveGivingError):
    """A decision lost a race: a donation it names changed since the seat saw it. Nothing of
    the decision was written. Not bad input: the command line exits 3 (docs/automation.md)."""

    def __init__(self, conflicts: Sequence[Conflict], *, asked: int) -> None:
        self.conflicts = tuple(conflicts)
        self.asked = asked  # how many donations the decision named
        single = asked == 1 and len(self.conflicts) == 1
        words = "; ".join(c.sentence(single=single) for c in self.conflicts)
        super().__init__(f"{words[:1].upper()}{words[1:]}; nothing was changed")

    @property
    def sentences(self) -> list[str]:
        single = self.asked == 1 and len(self.conflicts) == 1
        return [c.sentence(single=single) for c in self.conflicts]


@dataclass(frozen=True, slots=True)
class DecisionSummary:
    """What a decision on several donations did: every named donation is in one of the two
    lists (a decision is all or nothing: either this summary, or a ConflictError)."""

    decision: Decision
    changed: tuple[int, ...]  # donation ids changed by this decision
    unchanged: tuple[int, ...]  # already so (or no message to decide on): left as they were
    versions: Mapping[int, int]  # every named donation's version after the decision

    def text(self) -> str:
        """One English line for the command line, e.g. "2 donations changed (hide), 1 was
        already so"."""
        done = len(self.changed)
        line = f"{done} donation{'s' if done != 1 else ''} changed ({self.decision.value})"
        if self.unchanged:
            n = len(self.unchanged)
            line += f", {n} {'was' if n == 1 else 'were'} already so"
        return line


def check_versions(current: Mapping[int, int], seen: Mapping[int, int] | None) -> list[int]:
    """The donation ids whose version is not the one seen (empty: the decision may go on)."""
    if seen is None:
        return []
    return sorted(i for i, version in current.items() if i in seen and seen[i] != version)
