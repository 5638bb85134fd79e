"""SQLAlchemy 2 typed models of the ledger.

Times are stored as integer microseconds since the Unix epoch in UTC: exact, portable between
SQLite and PostgreSQL, cheap to index. Money is integer minor units plus an ISO 4217 code.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# SQLite only makes INTEGER PRIMARY KEY an alias of the rowid; PostgreSQL gets a BIGINT identity.
BigId = BigInteger().with_variant(Integer(), "sqlite")
# The condition of the amount index (every donation meets it: amounts are above zero); the
# sort by amount states it too (db/moderation.py), so that this query alone reads the index.
AMOUNT_INDEX_WHERE = "amount_minor > 0"

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Campaign(Base):
    """A fundraiser or a paid live event, with its running totals."""

    __tablename__ = "campaigns"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(10), default="draft")
    currency: Mapped[str] = mapped_column(String(3))
    created_at_us: Mapped[int] = mapped_column(BigInteger)
    started_at_us: Mapped[int | None] = mapped_column(BigInteger)
    ended_at_us: Mapped[int | None] = mapped_column(BigInteger)
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)
    # Fundraiser
    organization_id: Mapped[str | None] = mapped_column(String(64))
    goal_minor: Mapped[int | None] = mapped_column(BigInteger)
    show_names_on_air: Mapped[bool] = mapped_column(Boolean, default=True)
    show_amounts_on_air: Mapped[bool] = mapped_column(Boolean, default=True)
    allow_anonymous: Mapped[bool] = mapped_column(Boolean, default=True)
    minimum_minor: Mapped[int] = mapped_column(BigInteger, default=1)
    maximum_minor: Mapped[int] = mapped_column(BigInteger)
    # Paid live event
    category: Mapped[str | None] = mapped_column(String(20))
    ticket_price_minor: Mapped[int | None] = mapped_column(BigInteger)
    capacity: Mapped[int | None] = mapped_column(Integer)
    starts_at_us: Mapped[int | None] = mapped_column(BigInteger)
    duration_minutes: Mapped[int | None] = mapped_column(Integer)
    online_only: Mapped[bool] = mapped_column(Boolean, default=True)
    description: Mapped[str] = mapped_column(Text, default="")
    # Running totals, updated in the same transaction as the donations they count.
    total_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    donation_count: Mapped[int] = mapped_column(BigInteger, default=0)
    held_count: Mapped[int] = mapped_column(BigInteger, default=0)
    # Per-donor statistics are an aggregate of the donations up to this id (see Donor).
    donors_through_id: Mapped[int] = mapped_column(BigInteger, default=0)
    donor_count: Mapped[int] = mapped_column(BigInteger, default=0)
    # Added in 0002. Server defaults so that rows of earlier versions get a value.
    # The "I donated" sticker: how long a donation unlocks it, and the campaign's colours.
    sticker_hours: Mapped[int] = mapped_column(Integer, server_default=text("24"))
    primary_color: Mapped[str] = mapped_column(String(7), server_default="#6D28D9")
    accent_color: Mapped[str] = mapped_column(String(7), server_default="#F59E0B")
    refund_window_hours: Mapped[int] = mapped_column(Integer, server_default=text("48"))
    # Paid live event totals, updated in the same transaction as the tickets they count.
    tickets_sold: Mapped[int] = mapped_column(BigInteger, server_default=text("0"))
    admitted_count: Mapped[int] = mapped_column(BigInteger, server_default=text("0"))
    denied_count: Mapped[int] = mapped_column(BigInteger, server_default=text("0"))
    revenue_minor: Mapped[int] = mapped_column(BigInteger, server_default=text("0"))
    # Added in 0003: the sequence number of the campaign's last committed change (see Change).
    change_seq: Mapped[int] = mapped_column(BigInteger, server_default=text("0"))
    # Added in 0004 (issue 15), each kept in the transactions that change what it counts:
    # completed donations not yet thanked on air (the thank queue's N), and the stamp of the
    # campaign's last thank (strictly increasing, so a "thank all" can be undone exactly).
    unthanked_count: Mapped[int] = mapped_column(BigInteger, server_default=text("0"))
    last_thank_us: Mapped[int] = mapped_column(BigInteger, server_default=text("0"))
    # Completed offline donations recorded after the broadcast ended (part of total_minor).
    after_broadcast_count: Mapped[int] = mapped_column(BigInteger, server_default=text("0"))
    after_broadcast_minor: Mapped[int] = mapped_column(BigInteger, server_default=text("0"))
    # Refunded tickets of a paid event and their amount (a cancellation keeps its refunds).
    refunded_tickets: Mapped[int] = mapped_column(BigInteger, server_default=text("0"))
    refunded_ticket_minor: Mapped[int] = mapped_column(BigInteger, server_default=text("0"))
    # The home list: archived campaigns are hidden unless asked for; the title folded (case
    # and accents) for search and sorting.
    archived_at_us: Mapped[int | None] = mapped_column(BigInteger)
    title_key: Mapped[str] = mapped_column(Text, server_default="")


class Donation(Base):
    """One donation. Never deleted; a refund changes its status and has a record of its own."""

    __tablename__ = "donations"
    __table_args__ = (
        UniqueConstraint("campaign_id", "external_id"),
        Index(None, "campaign_id", "id"),
        # Added in 0004: the moderation table's sort by amount. Partial on a condition every
        # row meets, so that only a query that states it (the sort by amount) reads it: as a
        # plain index SQLite took it for every `campaign_id = ?` and read the rows in amount
        # order, twice as slow. None on the donor: measured, it nearly tripled the insert time
        # (docs/architecture.md, "Indexes").
        Index(
            None,
            "campaign_id",
            "amount_minor",
            "id",
            sqlite_where=text(AMOUNT_INDEX_WHERE),
            postgresql_where=text(AMOUNT_INDEX_WHERE),
        ),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    campaign_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("campaigns.id"))
    external_id: Mapped[str] = mapped_column(String(200))
    received_at_us: Mapped[int] = mapped_column(BigInteger)
    donor_name: Mapped[str] = mapped_column(String(100))
    donor_key: Mapped[str] = mapped_column(Text)  # NFKC can lengthen a name
    anonymous: Mapped[bool] = mapped_column(Boolean)
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    message: Mapped[str | None] = mapped_column(Text)
    message_status: Mapped[str | None] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(10))
    source: Mapped[str] = mapped_column(String(10))
    thanked: Mapped[bool] = mapped_column(Boolean)
    thanked_at_us: Mapped[int | None] = mapped_column(BigInteger)
    # Added in 0002: review flags set by the moderation rules (comma-separated), and the
    # moderator's on-air privacy choices for this one donation.
    flags: Mapped[str | None] = mapped_column(String(100))
    hide_name_on_air: Mapped[bool] = mapped_column(Boolean, server_default=false())
    hide_amount_on_air: Mapped[bool] = mapped_column(Boolean, server_default=false())
    # Added in 0003: bumped by every moderator decision on this donation, so that a decision
    # can name the state it saw (compare-and-set) and a race has one winner.
    version: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    # Added in 0004: an offline donation recorded after the broadcast ended; and why the
    # moderation rules held or flagged it (JSON, core/moderation.py review_reasons).
    after_broadcast: Mapped[bool] = mapped_column(Boolean, server_default=false())
    review_reasons: Mapped[str | None] = mapped_column(Text)


class Donor(Base):
    """Per-donor totals of a campaign, an exact aggregate of its completed donations with
    id <= campaigns.donors_through_id, caught up off the ingestion hot path."""

    __tablename__ = "donors"
    __table_args__ = (
        UniqueConstraint("campaign_id", "donor_key"),
        Index(None, "campaign_id", "total_minor"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    campaign_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("campaigns.id"))
    donor_key: Mapped[str] = mapped_column(Text)  # NFKC can lengthen a name
    donor_name: Mapped[str] = mapped_column(String(100))
    total_minor: Mapped[int] = mapped_column(BigInteger)
    donation_count: Mapped[int] = mapped_column(BigInteger)
    named_count: Mapped[int] = mapped_column(BigInteger)


class Ticket(Base):
    """A ticket of a paid live event. The access code is never stored: only its SHA-256."""

    __tablename__ = "tickets"
    __table_args__ = (
        UniqueConstraint("campaign_id", "external_id"),
        UniqueConstraint("campaign_id", "code_hash"),
        Index(None, "campaign_id", "id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    campaign_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("campaigns.id"))
    external_id: Mapped[str] = mapped_column(String(200))
    buyer_name: Mapped[str] = mapped_column(String(100))
    buyer_key: Mapped[str] = mapped_column(Text)
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    status: Mapped[str] = mapped_column(String(10))  # valid, admitted, refunded
    purchased_at_us: Mapped[int] = mapped_column(BigInteger)
    code_hash: Mapped[str] = mapped_column(String(64))
    admitted_at_us: Mapped[int | None] = mapped_column(BigInteger)
    refunded_at_us: Mapped[int | None] = mapped_column(BigInteger)


class Admission(Base):
    """One attempt to join a paid live event: admitted, or refused with the reason."""

    __tablename__ = "admissions"
    __table_args__ = (Index(None, "campaign_id", "id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    campaign_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("campaigns.id"))
    at_us: Mapped[int] = mapped_column(BigInteger)
    ticket_id: Mapped[int | None] = mapped_column(BigInteger, ForeignKey("tickets.id"))
    attendee_name: Mapped[str] = mapped_column(String(100))
    outcome: Mapped[str] = mapped_column(String(10))  # admitted, refused
    reason: Mapped[str | None] = mapped_column(String(20))


class Refund(Base):
    """A refund: a record of its own pointing at one donation or one ticket."""

    __tablename__ = "refunds"
    __table_args__ = (Index(None, "campaign_id", "id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    campaign_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("campaigns.id"))
    donation_id: Mapped[int | None] = mapped_column(
        BigInteger, ForeignKey("donations.id"), unique=True
    )
    ticket_id: Mapped[int | None] = mapped_column(BigInteger, ForeignKey("tickets.id"), unique=True)
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    reason: Mapped[str] = mapped_column(Text)
    actor_name: Mapped[str] = mapped_column(String(100))
    actor_role: Mapped[str] = mapped_column(String(20))
    override: Mapped[bool] = mapped_column(Boolean, server_default=false())
    created_at_us: Mapped[int] = mapped_column(BigInteger)


class AuditEntry(Base):
    """Who did what, on which record, before and after, why and when. Append-only: triggers
    made by migration 0002 refuse UPDATE and DELETE on this table."""

    __tablename__ = "audit_log"
    __table_args__ = (Index(None, "campaign_id", "id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    campaign_id: Mapped[int | None] = mapped_column(BigInteger, ForeignKey("campaigns.id"))
    at_us: Mapped[int] = mapped_column(BigInteger)
    actor_name: Mapped[str] = mapped_column(String(100))
    actor_role: Mapped[str] = mapped_column(String(20))
    action: Mapped[str] = mapped_column(String(40))
    donation_id: Mapped[int | None] = mapped_column(BigInteger)
    ticket_id: Mapped[int | None] = mapped_column(BigInteger)
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str | None] = mapped_column(Text)
    # The server's login that wrote the row (PostgreSQL: set by a trigger to session_user,
    # never typed; NULL on SQLite, a single desk). Migration 0006.
    login: Mapped[str | None] = mapped_column(String(63))


class BlockedDonor(Base):
    """A donor whose later messages are held automatically."""

    __tablename__ = "blocked_donors"
    __table_args__ = (UniqueConstraint("campaign_id", "donor_key"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    campaign_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("campaigns.id"))
    donor_key: Mapped[str] = mapped_column(Text)
    donor_name: Mapped[str] = mapped_column(String(100))
    blocked_at_us: Mapped[int] = mapped_column(BigInteger)
    actor_name: Mapped[str] = mapped_column(String(100))


class ModerationRuleSet(Base):
    """A campaign's moderation rules, saved as JSON (core/moderation.py reads and checks it)."""

    __tablename__ = "moderation_rules"

    campaign_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("campaigns.id"), primary_key=True
    )
    settings: Mapped[str] = mapped_column(Text)
    updated_at_us: Mapped[int] = mapped_column(BigInteger)


class StoryFrame(Base):
    """A donor's frame of the campaign's shared Story; sharing again replaces it."""

    __tablename__ = "story_frames"
    __table_args__ = (
        UniqueConstraint("campaign_id", "donor_key"),
        Index(None, "campaign_id", "shared_at_us"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    campaign_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("campaigns.id"))
    donor_key: Mapped[str] = mapped_column(Text)
    donor_name: Mapped[str] = mapped_column(String(100))
    shared_at_us: Mapped[int] = mapped_column(BigInteger)
    design: Mapped[str] = mapped_column(Text)  # JSON: background, sticker placement, caption
    background_image: Mapped[bytes | None] = mapped_column(LargeBinary)


class Change(Base):
    """The change feed: one row per committed change of a campaign, numbered by
    `campaigns.change_seq` in the same transaction (so, per campaign, in commit order with no
    gaps). Every seat applies the changes after the last one it applied. The row names what
    changed (ids only); readers fetch the current state. On PostgreSQL a trigger made by 0003
    sends NOTIFY livegiving_changes, '<campaign id>:<seq>' for each row, at commit."""

    __tablename__ = "changes"

    campaign_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("campaigns.id"), primary_key=True
    )
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    at_us: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(24))
    # A batch of new rows: ids first_id..last_id of the kind's table (other campaigns' rows may
    # lie between on PostgreSQL); a change of existing rows: their ids as a JSON array.
    first_id: Mapped[int | None] = mapped_column(BigInteger)
    last_id: Mapped[int | None] = mapped_column(BigInteger)
    ids: Mapped[str | None] = mapped_column(Text)
    actor: Mapped[str | None] = mapped_column(String(200))
    detail: Mapped[str | None] = mapped_column(Text)  # small JSON, e.g. {"decision": "hidden"}


class Seat(Base):
    """Presence: one row per running seat (a window, a console, an overlay server), its
    heartbeat renewed every few seconds; a seat silent for 15 s is gone."""

    __tablename__ = "seats"
    __table_args__ = (Index(None, "seen_at_us"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    seat_key: Mapped[str] = mapped_column(String(64), unique=True)
    campaign_id: Mapped[int | None] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(20))  # creator, moderator, viewer, overlay
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    login: Mapped[str | None] = mapped_column(String(200))
    started_at_us: Mapped[int] = mapped_column(BigInteger)
    seen_at_us: Mapped[int] = mapped_column(BigInteger)


class OverlaySetup(Base):
    """A campaign's OBS overlays (added in 0005): the secret token of its overlay URLs, the
    settings every seat and overlay server shows (styling, alert tiers, voice; JSON checked by
    core/overlays.py), and the creator's controls: alerts paused, and counters that every
    overlay server follows (each increment is one test alert, one replay, one skip)."""

    __tablename__ = "overlay_settings"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    campaign_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("campaigns.id"), unique=True)
    token: Mapped[str] = mapped_column(String(64), unique=True)
    settings: Mapped[str] = mapped_column(Text)
    paused: Mapped[bool] = mapped_column(Boolean, server_default=false())
    test_count: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    replay_count: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    skip_count: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    updated_at_us: Mapped[int] = mapped_column(BigInteger)
