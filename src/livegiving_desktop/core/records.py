"""Read models shared by the services, the CLI and the UI: plain, immutable data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import NamedTuple

from livegiving_desktop.core.campaigns import CampaignKind, CampaignStatus
from livegiving_desktop.core.donations import DonationRules
from livegiving_desktop.core.moderation import ReviewReason, parse_review_reasons


def from_us(value: int) -> datetime:
    """Microseconds since the epoch (as stored) to an aware UTC datetime."""
    return datetime.fromtimestamp(value / 1_000_000, tz=UTC).replace(microsecond=value % 1_000_000)


def to_us(value: datetime) -> int:
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    delta = aware - datetime(1970, 1, 1, tzinfo=UTC)
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


@dataclass(frozen=True, slots=True)
class CampaignRecord:
    id: int
    kind: CampaignKind
    title: str
    status: CampaignStatus
    currency: str
    created_at_us: int
    started_at_us: int | None
    ended_at_us: int | None
    is_demo: bool
    organization_id: str | None
    goal_minor: int | None
    show_names_on_air: bool
    show_amounts_on_air: bool
    allow_anonymous: bool
    minimum_minor: int
    maximum_minor: int
    category: str | None
    ticket_price_minor: int | None
    capacity: int | None
    starts_at_us: int | None
    duration_minutes: int | None
    online_only: bool
    description: str
    total_minor: int
    donation_count: int
    held_count: int
    donor_count: int
    sticker_hours: int = 24
    primary_color: str = "#6D28D9"
    accent_color: str = "#F59E0B"
    refund_window_hours: int = 48
    tickets_sold: int = 0
    admitted_count: int = 0
    denied_count: int = 0
    revenue_minor: int = 0
    change_seq: int = 0  # the sequence number of the campaign's last committed change
    # Added in 0004 (kept by the ledger in the transactions that change them).
    unthanked_count: int = 0  # completed donations not yet thanked on air: the thank queue
    after_broadcast_count: int = 0  # offline donations recorded after the broadcast ended
    after_broadcast_minor: int = 0  # their amount (part of total_minor)
    refunded_tickets: int = 0
    refunded_ticket_minor: int = 0
    archived_at_us: int | None = None

    @property
    def archived(self) -> bool:
        """Hidden from the home list unless archived campaigns are asked for."""
        return self.archived_at_us is not None

    @property
    def donation_rules(self) -> DonationRules:
        return DonationRules(
            currency=self.currency,
            minimum_minor=self.minimum_minor,
            maximum_minor=self.maximum_minor,
            allow_anonymous=self.allow_anonymous,
        )


class StoredDonation(NamedTuple):
    """A donation as the ledger holds it (committed, durable). A NamedTuple: thousands are
    made per second on the ingestion path."""

    id: int
    campaign_id: int
    external_id: str
    received_at_us: int
    donor_name: str
    anonymous: bool
    amount_minor: int
    currency: str
    message: str | None
    message_status: str | None
    status: str
    source: str
    thanked: bool
    donor_key: str = ""
    flags: str | None = None  # review flags of the moderation rules, comma-separated
    hide_name_on_air: bool = False
    hide_amount_on_air: bool = False
    # Bumped by every moderator decision on the donation; a decision names the version it saw
    # (compare-and-set, core/decisions.py). With a default: built positionally.
    version: int = 0
    after_broadcast: bool = False  # an offline donation recorded after the broadcast ended
    review_reasons: str | None = None  # why the rules held or flagged it (JSON; see `reasons`)

    @property
    def reasons(self) -> tuple[ReviewReason, ...]:
        """Why the moderation rules held or flagged this donation, for the hold queue."""
        return parse_review_reasons(self.review_reasons)

    @property
    def received_at(self) -> datetime:
        return from_us(self.received_at_us)

    @property
    def refunded(self) -> bool:
        return self.status == "refunded"


@dataclass(frozen=True, slots=True)
class CampaignStats:
    """The running totals of a campaign. Exact: read in one transaction with the ledger."""

    total_minor: int
    donation_count: int
    held_count: int
    donor_count: int

    @property
    def average_minor(self) -> int:
        """The average completed donation, rounded down to the minor unit (0 with none)."""
        return self.total_minor // self.donation_count if self.donation_count else 0


@dataclass(frozen=True, slots=True)
class TopDonor:
    """A donor's completed total. `name` is None for a donor who always gave anonymously."""

    name: str | None
    total_minor: int
    donation_count: int


class ActorRole(StrEnum):
    CREATOR = "creator"
    MODERATOR = "moderator"
    SYSTEM = "system"
    # Team roles on PostgreSQL (the server writes them on audit rows, issue 13)
    OWNER = "owner"
    VIEWER = "viewer"


@dataclass(frozen=True, slots=True)
class Actor:
    """Who acts: written on every audit row and refund."""

    name: str
    role: ActorRole


@dataclass(frozen=True, slots=True)
class RefundOutcome:
    """What refunding one donation did."""

    refund_id: int
    donation: StoredDonation  # as it is now (status refunded)
    stats: CampaignStats
    donor_has_completed: bool  # False: the donor has nothing left (sticker and story go)
    was_thanked: bool  # the donor was already thanked on air


@dataclass(frozen=True, slots=True)
class AuditRecord:
    """One row of the append-only audit log."""

    id: int
    campaign_id: int | None
    at_us: int
    actor_name: str
    actor_role: str
    action: str
    donation_id: int | None
    ticket_id: int | None
    before: str | None
    after: str | None
    reason: str | None
    login: str | None = None  # PostgreSQL: the server's login that wrote it (session_user)

    @property
    def at(self) -> datetime:
        return from_us(self.at_us)
