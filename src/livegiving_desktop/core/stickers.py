"""The "I donated" sticker: who has it unlocked, since when and until when. Pure rules.

A completed donation unlocks the campaign's sticker for `sticker_hours` (24 by default): the
sticker is unlocked from the donor's latest completed donation until that time plus the
campaign's hours, so every new donation renews it. A donor who never gave has it locked; once
the time is over it has expired; when every donation of the donor was refunded it is revoked.
Times are integer microseconds since the epoch, UTC, as the ledger stores them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from livegiving_desktop.core.errors import ValidationError

HOUR_US = 3_600_000_000
MAX_STICKER_HOURS = 24 * 30
_COLOR_RE = re.compile(r"^#[0-9A-Fa-f]{6}$")


class StickerState(StrEnum):
    UNLOCKED = "unlocked"
    LOCKED = "locked"  # the donor never gave to this campaign
    EXPIRED = "expired"  # unlocked once; the time is over
    REVOKED = "revoked"  # every donation of the donor was refunded


@dataclass(frozen=True, slots=True)
class DonorGiving:
    """A donor's donations to one campaign, summed up (see db/stories.py)."""

    donor_key: str
    donor_name: str
    completed_count: int = 0
    refunded_count: int = 0
    total_minor: int = 0  # completed donations only
    first_completed_us: int | None = None
    last_completed_us: int | None = None
    named_count: int = 0  # completed donations given under their name (not anonymous)
    hide_name: bool = False  # a moderator hid the name of one of the donations on air
    hide_amount: bool = False  # likewise for the amount

    @property
    def anonymous_only(self) -> bool:
        return self.named_count == 0


@dataclass(frozen=True, slots=True)
class Sticker:
    """One campaign's sticker as one donor sees it."""

    campaign_id: int
    campaign_title: str
    organization: str
    primary_color: str
    accent_color: str
    state: StickerState
    unlocked_at_us: int | None = None
    until_us: int | None = None

    @property
    def unlocked(self) -> bool:
        return self.state is StickerState.UNLOCKED


def sticker_state(giving: DonorGiving | None, sticker_hours: int, now_us: int) -> StickerState:
    """The rule of the sticker (see the module's docstring)."""
    if giving is None or (giving.completed_count == 0 and giving.refunded_count == 0):
        return StickerState.LOCKED
    if giving.completed_count == 0 or giving.last_completed_us is None:
        return StickerState.REVOKED
    until = giving.last_completed_us + sticker_hours * HOUR_US
    return StickerState.UNLOCKED if now_us < until else StickerState.EXPIRED


def unlock_window(giving: DonorGiving | None, sticker_hours: int) -> tuple[int | None, int | None]:
    """(unlocked at, until): from the latest completed donation, for the campaign's hours."""
    if giving is None or giving.last_completed_us is None or giving.completed_count == 0:
        return None, None
    return giving.last_completed_us, giving.last_completed_us + sticker_hours * HOUR_US


def sort_gallery(stickers: list[Sticker], current_campaign_id: int | None = None) -> list[Sticker]:
    """Unlocked first (the current campaign first among equals), then the latest unlocked."""

    def key(s: Sticker) -> tuple[int, int, int]:
        rank = 0 if s.unlocked else 1 if s.state is StickerState.EXPIRED else 2
        return (rank, 0 if s.campaign_id == current_campaign_id else 1, -(s.unlocked_at_us or 0))

    return sorted(stickers, key=key)


def sticker_title(language: str) -> str:
    """The sticker's words, by the app's language."""
    return "J'ai fait un don" if language.startswith("fr") else "I donated"


def check_sticker_hours(value: int, field: str = "sticker_hours") -> int:
    """How long a donation unlocks the sticker: 1 hour to 30 days."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, "must be a whole number of hours")
    if not 1 <= value <= MAX_STICKER_HOURS:
        raise ValidationError(field, f"must be from 1 to {MAX_STICKER_HOURS} hours")
    return value


def check_color(value: str, field: str) -> str:
    """A campaign colour, `#RRGGBB`."""
    if not isinstance(value, str) or not _COLOR_RE.match(value.strip()):
        raise ValidationError(field, f"'{value}' is not a colour like #6D28D9")
    return value.strip().upper()
