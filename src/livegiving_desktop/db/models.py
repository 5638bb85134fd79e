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
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# SQLite only makes INTEGER PRIMARY KEY an alias of the rowid; PostgreSQL gets a BIGINT identity.
BigId = BigInteger().with_variant(Integer(), "sqlite")

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


class Donation(Base):
    """One donation. Never deleted; a refund changes its status and has a record of its own."""

    __tablename__ = "donations"
    __table_args__ = (
        UniqueConstraint("campaign_id", "external_id"),
        Index(None, "campaign_id", "id"),
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
