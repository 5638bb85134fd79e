"""what a creator and a moderator meet in the first hour (issue 15): the thank queue's count,
offline donations after the broadcast, cancelled events with their refunds, archived
campaigns and their folded titles, why the rules held or flagged a donation, and the index
of the moderation table's sort by amount

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 09:00:00.000000

"""

import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_CAMPAIGN_COUNTERS = (
    "unthanked_count",
    "last_thank_us",
    "after_broadcast_count",
    "after_broadcast_minor",
    "refunded_tickets",
    "refunded_ticket_minor",
)


def _fold(text: str) -> str:
    """core/text.fold as of this revision (copied: a migration does not change later)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped.replace("œ", "oe").replace("æ", "ae"))


def upgrade() -> None:
    """Upgrade schema."""
    # Plain ALTER TABLE (no batch copy): a large donations table is not rewritten.
    for name in _CAMPAIGN_COUNTERS:
        op.add_column(
            "campaigns",
            sa.Column(name, sa.BigInteger(), server_default=sa.text("0"), nullable=False),
        )
    op.add_column("campaigns", sa.Column("archived_at_us", sa.BigInteger(), nullable=True))
    op.add_column("campaigns", sa.Column("title_key", sa.Text(), server_default="", nullable=False))
    op.add_column(
        "donations",
        sa.Column("after_broadcast", sa.Boolean(), server_default=sa.false(), nullable=False),
    )
    op.add_column("donations", sa.Column("review_reasons", sa.Text(), nullable=True))

    # The counters of what is already stored, in one statement each.
    op.execute(
        """UPDATE campaigns SET
            unthanked_count = (SELECT count(*) FROM donations AS d
                               WHERE d.campaign_id = campaigns.id AND NOT d.thanked
                               AND d.status = 'completed'),
            last_thank_us = COALESCE((SELECT max(d.thanked_at_us) FROM donations AS d
                                      WHERE d.campaign_id = campaigns.id), 0),
            refunded_tickets = (SELECT count(*) FROM refunds AS r
                                WHERE r.campaign_id = campaigns.id
                                AND r.ticket_id IS NOT NULL),
            refunded_ticket_minor = COALESCE((SELECT sum(r.amount_minor) FROM refunds AS r
                                              WHERE r.campaign_id = campaigns.id
                                              AND r.ticket_id IS NOT NULL), 0)"""
    )
    # A cancelled event was stored as ended (with its `event-cancel` audit row): cancelled now.
    op.execute(
        """UPDATE campaigns SET status = 'cancelled'
        WHERE kind = 'paid-event' AND status = 'ended' AND EXISTS (
            SELECT 1 FROM audit_log AS a
            WHERE a.campaign_id = campaigns.id AND a.action = 'event-cancel')"""
    )
    bind = op.get_bind()
    campaigns = sa.table(
        "campaigns", sa.column("id", sa.BigInteger()), sa.column("title", sa.String()),
        sa.column("title_key", sa.Text()),
    )  # fmt: skip
    for campaign_id, title in bind.execute(sa.select(campaigns.c.id, campaigns.c.title)).all():
        bind.execute(
            campaigns.update().where(campaigns.c.id == campaign_id).values(title_key=_fold(title))
        )
    # The moderation table's sort by amount reads this index instead of sorting the whole
    # campaign. None on the donor: it nearly tripled the insert time. docs/architecture.md
    # ("Indexes") has the figures.
    # Partial on a condition every row meets (amounts are above zero), stated by the sort by
    # amount alone: a plain index is taken by SQLite for every `campaign_id = ?` and reads the
    # rows in amount order, twice as slow for the other queries.
    op.create_index(
        op.f("ix_donations_campaign_id_amount_minor_id"),
        "donations",
        ["campaign_id", "amount_minor", "id"],
        unique=False,
        sqlite_where=sa.text("amount_minor > 0"),
        postgresql_where=sa.text("amount_minor > 0"),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index(op.f("ix_donations_campaign_id_amount_minor_id"), table_name="donations")
    op.execute("UPDATE campaigns SET status = 'ended' WHERE status = 'cancelled'")
    with op.batch_alter_table("donations") as batch_op:
        batch_op.drop_column("review_reasons")
        batch_op.drop_column("after_broadcast")
    with op.batch_alter_table("campaigns") as batch_op:
        batch_op.drop_column("title_key")
        batch_op.drop_column("archived_at_us")
        for name in reversed(_CAMPAIGN_COUNTERS):
            batch_op.drop_column(name)
