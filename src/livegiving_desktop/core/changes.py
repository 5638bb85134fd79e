"""The change feed's words: what kinds of change a campaign has, and one change as a seat reads
it. Every committed change of a campaign gets the next sequence number of that campaign in the
same transaction (db/changes.py); every seat applies the changes after the last one it applied
(services/changes.py)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class ChangeKind(StrEnum):
    """What a change row is about. A batch of new rows names its first and last id; a change
    of existing rows names their ids."""

    DONATIONS = "donations"  # a committed batch: donations first_id..last_id (detail: count)
    MESSAGE = "message"  # messages approved or hidden: ids (detail: decision)
    PRIVACY = "privacy"  # on-air privacy (name as Anonymous, amount hidden): ids
    REFUND = "refund"  # donations refunded: ids
    THANKS = "thanks"  # donors thanked on air: ids
    RULES = "rules"  # the campaign's moderation rules saved
    BLOCKED = "blocked"  # a donor blocked or unblocked (detail: donor, blocked)
    CAMPAIGN = "campaign"  # created, live, ended, cancelled, settings (detail: event)
    TICKETS = "tickets"  # a sale batch first_id..last_id, or tickets refunded: ids
    ADMISSIONS = "admissions"  # a door batch: admissions first_id..last_id, tickets used: ids
    STORY = "story"  # a Story frame shared: ids (frame ids)


# The kinds that can move the per-donor figures (top donors, donor count).
DONOR_KINDS = frozenset({ChangeKind.DONATIONS, ChangeKind.REFUND, ChangeKind.PRIVACY})
# The kinds that change existing donations (their rows are read again as they are now).
DONATION_UPDATE_KINDS = frozenset(
    {ChangeKind.MESSAGE, ChangeKind.PRIVACY, ChangeKind.REFUND, ChangeKind.THANKS}
)
# The kinds the ingestion pipeline follows: its rules and blocked donors.
RULE_KINDS = frozenset({ChangeKind.RULES, ChangeKind.BLOCKED})


@dataclass(frozen=True, slots=True)
class ChangeEvent:
    """One `changes` row: the campaign's `seq`-th committed change. Ids only; what changed is
    read as it is now."""

    seq: int
    at_us: int
    kind: str  # a ChangeKind value (kept as text: a newer seat may write kinds we do not know)
    actor: str | None
    first_id: int | None
    last_id: int | None
    ids: tuple[int, ...] = ()
    detail: Mapping[str, Any] = field(default_factory=dict)

    @property
    def count(self) -> int:
        """How many rows it names: the batch's count, else its ids."""
        value = self.detail.get("count")
        return int(value) if isinstance(value, int) else len(self.ids)
