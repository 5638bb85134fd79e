"""What a campaign is and where it stands: two enums with no dependencies, so that the window's
first frame can name them without the campaigns' rules (core/campaigns.py, which exports them
too)."""

from __future__ import annotations

from enum import StrEnum


class CampaignKind(StrEnum):
    FUNDRAISER = "fundraiser"
    PAID_EVENT = "paid-event"


class CampaignStatus(StrEnum):
    DRAFT = "draft"
    LIVE = "live"
    ENDED = "ended"
    CANCELLED = "cancelled"  # a paid event called off: its tickets refunded, never "ended"

    @property
    def finished(self) -> bool:
        """Ended or cancelled: it takes no more broadcast donations or ticket sales."""
        return self in (CampaignStatus.ENDED, CampaignStatus.CANCELLED)
