"""The ledger's tables, in SQLAlchemy Core.

Times are stored as integer microseconds since the Unix epoch in UTC: exact, portable between
SQLite and PostgreSQL, cheap to index. Money is integer minor units plus an ISO 4217 code.

Plain `Table`s, no ORM: the app writes and reads through Core statements and never maps rows
to objects, and `sqlalchemy.orm` with the declarative classes cost ~0.07 s to import (issue 19:
each `livegiving` command pays it). The schema itself is made by the migrations
(db/migrations); a test checks that these tables and the migrated database agree.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
    text,
)

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

metadata = MetaData(naming_convention=NAMING)

# Added in 0004: the moderation table's sort by amount. Partial on a condition every row
# meets, so that only a query that states it (the sort by amount) reads it: as a plain index
# SQLite took it for every `campaign_id = ?` and read the rows in amount order, twice as slow.
# None on the donor: measured, it nearly tripled the insert time (docs/architecture.md,
# "Indexes"). Its PostgreSQL condition is given by `postgresql_options`.
AMOUNT_INDEX = Index(
    None, "campaign_id", "amount_minor", "id", sqlite_where=text(AMOUNT_INDEX_WHERE)
)


def postgresql_options() -> None:
    """Give the tables their PostgreSQL options (the amount index's WHERE, as migration 0004
    made it): called before these tables are used with PostgreSQL (`db/engine.open_database`
    of any database but SQLite, the migrations' environment). Not at import: a `postgresql_*`
    option imports SQLAlchemy's PostgreSQL dialect with all its drivers (asyncpg's included,
    ~35 ms), which a command on a SQLite file never needs. Idempotent."""
    AMOUNT_INDEX.dialect_kwargs["postgresql_where"] = text(AMOUNT_INDEX_WHERE)


# A fundraiser or a paid live event, with its running totals.
campaigns = Table(
    "campaigns",
    metadata,
    Column("id", BigId, primary_key=True),
    Column("kind", String(20), nullable=False),
    Column("title", String(200), nullable=False),
    Column("status", String(10), default="draft", nullable=False),
    Column("currency", String(3), nullable=False),
    Column("created_at_us", BigInteger, nullable=False),
    Column("started_at_us", BigInteger),
    Column("ended_at_us", BigInteger),
    Column("is_demo", Boolean, default=False, nullable=False),
    # Fundraiser
    Column("organization_id", String(64)),
    Column("goal_minor", BigInteger),
    Column("show_names_on_air", Boolean, default=True, nullable=False),
    Column("show_amounts_on_air", Boolean, default=True, nullable=False),
    Column("allow_anonymous", Boolean, default=True, nullable=False),
    Column("minimum_minor", BigInteger, default=1, nullable=False),
    Column("maximum_minor", BigInteger, nullable=False),
    # Paid live event
    Column("category", String(20)),
    Column("ticket_price_minor", BigInteger),
    Column("capacity", Integer),
    Column("starts_at_us", BigInteger),
    Column("duration_minutes", Integer),
    Column("online_only", Boolean, default=True, nullable=False),
    Column("description", Text, default="", nullable=False),
    # Running totals, updated in the same transaction as the donations they count.
    Column("total_minor", BigInteger, default=0, nullable=False),
    Column("donation_count", BigInteger, default=0, nullable=False),
    Column("held_count", BigInteger, default=0, nullable=False),
    # Per-donor statistics are an aggregate of the donations up to this id (see donors).
    Column("donors_through_id", BigInteger, default=0, nullable=False),
    Column("donor_count", BigInteger, default=0, nullable=False),
    # Added in 0002. Server defaults so that rows of earlier versions get a value.
    # The "I donated" sticker: how long a donation unlocks it, and the campaign's colours.
    Column("sticker_hours", Integer, server_default=text("24"), nullable=False),
    Column("primary_color", String(7), server_default="#6D28D9", nullable=False),
    Column("accent_color", String(7), server_default="#F59E0B", nullable=False),
    Column("refund_window_hours", Integer, server_default=text("48"), nullable=False),
    # Paid live event totals, updated in the same transaction as the tickets they count.
    Column("tickets_sold", BigInteger, server_default=text("0"), nullable=False),
    Column("admitted_count", BigInteger, server_default=text("0"), nullable=False),
    Column("denied_count", BigInteger, server_default=text("0"), nullable=False),
    Column("revenue_minor", BigInteger, server_default=text("0"), nullable=False),
    # Added in 0003: the sequence number of the campaign's last committed change (see changes).
    Column("change_seq", BigInteger, server_default=text("0"), nullable=False),
    # Added in 0004 (issue 15), each kept in the transactions that change what it counts:
    # completed donations not yet thanked on air (the thank queue's N), and the stamp of the
    # campaign's last thank (strictly increasing, so a "thank all" can be undone exactly).
    Column("unthanked_count", BigInteger, server_default=text("0"), nullable=False),
    Column("last_thank_us", BigInteger, server_default=text("0"), nullable=False),
    # Completed offline donations recorded after the broadcast ended (part of total_minor).
    Column("after_broadcast_count", BigInteger, server_default=text("0"), nullable=False),
    Column("after_broadcast_minor", BigInteger, server_default=text("0"), nullable=False),
    # Refunded tickets of a paid event and their amount (a cancellation keeps its refunds).
    Column("refunded_tickets", BigInteger, server_default=text("0"), nullable=False),
    Column("refunded_ticket_minor", BigInteger, server_default=text("0"), nullable=False),
    # The home list: archived campaigns are hidden unless asked for; the title folded (case
    # and accents) for search and sorting.
    Column("archived_at_us", BigInteger),
    Column("title_key", Text, server_default="", nullable=False),
)


# One donation. Never deleted; a refund changes its status and has a record of its own.
donations = Table(
    "donations",
    metadata,
    Column("id", BigId, primary_key=True),
    Column("campaign_id", BigInteger, ForeignKey("campaigns.id"), nullable=False),
    Column("external_id", String(200), nullable=False),
    Column("received_at_us", BigInteger, nullable=False),
    Column("donor_name", String(100), nullable=False),
    Column("donor_key", Text, nullable=False),  # NFKC can lengthen a name
    Column("anonymous", Boolean, nullable=False),
    Column("amount_minor", BigInteger, nullable=False),
    Column("currency", String(3), nullable=False),
    Column("message", Text),
    Column("message_status", String(10)),
    Column("status", String(10), nullable=False),
    Column("source", String(10), nullable=False),
    Column("thanked", Boolean, nullable=False),
    Column("thanked_at_us", BigInteger),
    # Added in 0002: review flags set by the moderation rules (comma-separated), and the
    # moderator's on-air privacy choices for this one donation.
    Column("flags", String(100)),
    Column("hide_name_on_air", Boolean, server_default=false(), nullable=False),
    Column("hide_amount_on_air", Boolean, server_default=false(), nullable=False),
    # Added in 0003: bumped by every moderator decision on this donation, so that a decision
    # can name the state it saw (compare-and-set) and a race has one winner.
    Column("version", Integer, server_default=text("0"), nullable=False),
    # Added in 0004: an offline donation recorded after the broadcast ended; and why the
    # moderation rules held or flagged it (JSON, core/moderation.py review_reasons).
    Column("after_broadcast", Boolean, server_default=false(), nullable=False),
    Column("review_reasons", Text),
    UniqueConstraint("campaign_id", "external_id"),
    Index(None, "campaign_id", "id"),
    AMOUNT_INDEX,
)


# Per-donor totals of a campaign, an exact aggregate of its completed donations with
# id <= campaigns.donors_through_id, caught up off the ingestion hot path.
donors = Table(
    "donors",
    metadata,
    Column("id", BigId, primary_key=True),
    Column("campaign_id", BigInteger, ForeignKey("campaigns.id"), nullable=False),
    Column("donor_key", Text, nullable=False),  # NFKC can lengthen a name
    Column("donor_name", String(100), nullable=False),
    Column("total_minor", BigInteger, nullable=False),
    Column("donation_count", BigInteger, nullable=False),
    Column("named_count", BigInteger, nullable=False),
    UniqueConstraint("campaign_id", "donor_key"),
    Index(None, "campaign_id", "total_minor"),
)


# A ticket of a paid live event. The access code is never stored: only its SHA-256.
tickets = Table(
    "tickets",
    metadata,
    Column("id", BigId, primary_key=True),
    Column("campaign_id", BigInteger, ForeignKey("campaigns.id"), nullable=False),
    Column("external_id", String(200), nullable=False),
    Column("buyer_name", String(100), nullable=False),
    Column("buyer_key", Text, nullable=False),
    Column("amount_minor", BigInteger, nullable=False),
    Column("currency", String(3), nullable=False),
    Column("status", String(10), nullable=False),  # valid, admitted, refunded
    Column("purchased_at_us", BigInteger, nullable=False),
    Column("code_hash", String(64), nullable=False),
    Column("admitted_at_us", BigInteger),
    Column("refunded_at_us", BigInteger),
    UniqueConstraint("campaign_id", "external_id"),
    UniqueConstraint("campaign_id", "code_hash"),
    Index(None, "campaign_id", "id"),
)


# One attempt to join a paid live event: admitted, or refused with the reason.
admissions = Table(
    "admissions",
    metadata,
    Column("id", BigId, primary_key=True),
    Column("campaign_id", BigInteger, ForeignKey("campaigns.id"), nullable=False),
    Column("at_us", BigInteger, nullable=False),
    Column("ticket_id", BigInteger, ForeignKey("tickets.id")),
    Column("attendee_name", String(100), nullable=False),
    Column("outcome", String(10), nullable=False),  # admitted, refused
    Column("reason", String(20)),
    Index(None, "campaign_id", "id"),
)


# A refund: a record of its own pointing at one donation or one ticket.
refunds = Table(
    "refunds",
    metadata,
    Column("id", BigId, primary_key=True),
    Column("campaign_id", BigInteger, ForeignKey("campaigns.id"), nullable=False),
    Column("donation_id", BigInteger, ForeignKey("donations.id"), unique=True),
    Column("ticket_id", BigInteger, ForeignKey("tickets.id"), unique=True),
    Column("amount_minor", BigInteger, nullable=False),
    Column("currency", String(3), nullable=False),
    Column("reason", Text, nullable=False),
    Column("actor_name", String(100), nullable=False),
    Column("actor_role", String(20), nullable=False),
    Column("override", Boolean, server_default=false(), nullable=False),
    Column("created_at_us", BigInteger, nullable=False),
    Index(None, "campaign_id", "id"),
)


# Who did what, on which record, before and after, why and when. Append-only: triggers
# made by migration 0002 refuse UPDATE and DELETE on this table.
audit_log = Table(
    "audit_log",
    metadata,
    Column("id", BigId, primary_key=True),
    Column("campaign_id", BigInteger, ForeignKey("campaigns.id")),
    Column("at_us", BigInteger, nullable=False),
    Column("actor_name", String(100), nullable=False),
    Column("actor_role", String(20), nullable=False),
    Column("action", String(40), nullable=False),
    Column("donation_id", BigInteger),
    Column("ticket_id", BigInteger),
    Column("before", Text),
    Column("after", Text),
    Column("reason", Text),
    # The server's login that wrote the row (PostgreSQL: set by a trigger to session_user,
    # never typed; NULL on SQLite, a single desk). Migration 0006.
    Column("login", String(63)),
    Index(None, "campaign_id", "id"),
)


# A donor whose later messages are held automatically.
blocked_donors = Table(
    "blocked_donors",
    metadata,
    Column("id", BigId, primary_key=True),
    Column("campaign_id", BigInteger, ForeignKey("campaigns.id"), nullable=False),
    Column("donor_key", Text, nullable=False),
    Column("donor_name", String(100), nullable=False),
    Column("blocked_at_us", BigInteger, nullable=False),
    Column("actor_name", String(100), nullable=False),
    UniqueConstraint("campaign_id", "donor_key"),
)


# A campaign's moderation rules, saved as JSON (core/moderation.py reads and checks it).
moderation_rules = Table(
    "moderation_rules",
    metadata,
    Column("campaign_id", BigInteger, ForeignKey("campaigns.id"), primary_key=True),
    Column("settings", Text, nullable=False),
    Column("updated_at_us", BigInteger, nullable=False),
)


# A donor's frame of the campaign's shared Story; sharing again replaces it.
story_frames = Table(
    "story_frames",
    metadata,
    Column("id", BigId, primary_key=True),
    Column("campaign_id", BigInteger, ForeignKey("campaigns.id"), nullable=False),
    Column("donor_key", Text, nullable=False),
    Column("donor_name", String(100), nullable=False),
    Column("shared_at_us", BigInteger, nullable=False),
    Column("design", Text, nullable=False),  # JSON: background, sticker placement, caption
    Column("background_image", LargeBinary),
    UniqueConstraint("campaign_id", "donor_key"),
    Index(None, "campaign_id", "shared_at_us"),
)


# The change feed: one row per committed change of a campaign, numbered by
# `campaigns.change_seq` in the same transaction (so, per campaign, in commit order with no
# gaps). Every seat applies the changes after the last one it applied. The row names what
# changed (ids only); readers fetch the current state. On PostgreSQL a trigger made by 0003
# sends NOTIFY livegiving_changes, '<campaign id>:<seq>' for each row, at commit.
changes = Table(
    "changes",
    metadata,
    Column("campaign_id", BigInteger, ForeignKey("campaigns.id"), primary_key=True),
    Column("seq", BigInteger, primary_key=True),
    Column("at_us", BigInteger, nullable=False),
    Column("kind", String(24), nullable=False),
    # A batch of new rows: ids first_id..last_id of the kind's table (other campaigns' rows may
    # lie between on PostgreSQL); a change of existing rows: their ids as a JSON array.
    Column("first_id", BigInteger),
    Column("last_id", BigInteger),
    Column("ids", Text),
    Column("actor", String(200)),
    Column("detail", Text),  # small JSON, e.g. {"decision": "hidden"}
)


# Presence: one row per running seat (a window, a console, an overlay server), its
# heartbeat renewed every few seconds; a seat silent for 15 s is gone.
seats = Table(
    "seats",
    metadata,
    Column("id", BigId, primary_key=True),
    Column("seat_key", String(64), unique=True, nullable=False),
    Column("campaign_id", BigInteger),
    Column("kind", String(20), nullable=False),  # creator, moderator, viewer, overlay
    Column("display_name", String(200), nullable=False),
    Column("role", String(20), nullable=False),
    Column("login", String(200)),
    Column("started_at_us", BigInteger, nullable=False),
    Column("seen_at_us", BigInteger, nullable=False),
    Index(None, "seen_at_us"),
)


# A campaign's OBS overlays (added in 0005): the secret token of its overlay URLs, the
# settings every seat and overlay server shows (styling, alert tiers, voice; JSON checked by
# core/overlays.py), and the creator's controls: alerts paused, and counters that every
# overlay server follows (each increment is one test alert, one replay, one skip).
overlay_settings = Table(
    "overlay_settings",
    metadata,
    Column("id", BigId, primary_key=True),
    Column("campaign_id", BigInteger, ForeignKey("campaigns.id"), unique=True, nullable=False),
    Column("token", String(64), unique=True, nullable=False),
    Column("settings", Text, nullable=False),
    Column("paused", Boolean, server_default=false(), nullable=False),
    Column("test_count", Integer, server_default=text("0"), nullable=False),
    Column("replay_count", Integer, server_default=text("0"), nullable=False),
    Column("skip_count", Integer, server_default=text("0"), nullable=False),
    Column("updated_at_us", BigInteger, nullable=False),
)
