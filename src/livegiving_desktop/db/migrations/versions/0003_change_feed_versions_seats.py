"""the change feed (campaigns.change_seq, changes, NOTIFY on PostgreSQL), donation versions
for compare-and-set decisions, seats for presence

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30 10:30:00.000000

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Every seat LISTENs on this channel; the payload is '<campaign id>:<seq>' (ids only, far
# under NOTIFY's 8,000 bytes). NOTIFY inside a transaction is delivered at its commit.
_POSTGRESQL_NOTIFY = [
    """CREATE FUNCTION changes_notify() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM pg_notify('livegiving_changes', NEW.campaign_id::text || ':' || NEW.seq::text);
        RETURN NULL;
    END $$""",
    """CREATE TRIGGER changes_notify AFTER INSERT ON changes
    FOR EACH ROW EXECUTE FUNCTION changes_notify()""",
]


def upgrade() -> None:
    """Upgrade schema."""
    # Plain ALTER TABLE (no batch copy): a large donations table is not rewritten.
    op.add_column(
        "campaigns",
        sa.Column("change_seq", sa.BigInteger(), server_default=sa.text("0"), nullable=False),
    )
    op.add_column(
        "donations",
        sa.Column("version", sa.Integer(), server_default=sa.text("0"), nullable=False),
    )
    op.create_table(
        "changes",
        sa.Column("campaign_id", sa.BigInteger(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("at_us", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("first_id", sa.BigInteger(), nullable=True),
        sa.Column("last_id", sa.BigInteger(), nullable=True),
        sa.Column("ids", sa.Text(), nullable=True),
        sa.Column("actor", sa.String(length=200), nullable=True),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["campaign_id"], ["campaigns.id"], name=op.f("fk_changes_campaign_id_campaigns")
        ),
        sa.PrimaryKeyConstraint("campaign_id", "seq", name=op.f("pk_changes")),
    )
    op.create_table(
        "seats",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("seat_key", sa.String(length=64), nullable=False),
        sa.Column("campaign_id", sa.BigInteger(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("login", sa.String(length=200), nullable=True),
        sa.Column("started_at_us", sa.BigInteger(), nullable=False),
        sa.Column("seen_at_us", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_seats")),
        sa.UniqueConstraint("seat_key", name=op.f("uq_seats_seat_key")),
    )
    op.create_index(op.f("ix_seats_seen_at_us"), "seats", ["seen_at_us"], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        for statement in _POSTGRESQL_NOTIFY:
            op.execute(statement)


def downgrade() -> None:
    """Downgrade schema."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS changes_notify ON changes")
        op.execute("DROP FUNCTION IF EXISTS changes_notify()")
    op.drop_index(op.f("ix_seats_seen_at_us"), table_name="seats")
    op.drop_table("seats")
    op.drop_table("changes")
    with op.batch_alter_table("donations") as batch_op:
        batch_op.drop_column("version")
    with op.batch_alter_table("campaigns") as batch_op:
        batch_op.drop_column("change_seq")
