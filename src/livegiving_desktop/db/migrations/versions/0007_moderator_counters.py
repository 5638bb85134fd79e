"""a moderator's login moves a campaign's counters only as its actions do (PostgreSQL, team
databases): the grants of 0006's team let a moderator update the counters a refund or a decision
keeps (`team.MODERATOR_GRANTS`), and with psql they could set any value: a total of a billion on
every seat and in OBS. A trigger now checks every change a moderator's login makes to them
against what the same transaction recorded:

- the total and the donation count fall by exactly the refunds it inserted (their sum, their
  number), the after-the-broadcast figures by those of them given after it, the thank queue by
  those not yet thanked;
- the held count falls by exactly the held messages it approved or hid (its audit rows);
- the donor count never rises above the donors who still have a donation, and the donor
  statistics' watermark only moves forward, never past the newest donation;
- the change feed's sequence moves by one at a time.

Anything else is refused with insufficient_privilege, and nothing of the transaction is
written. An owner's login, the ingestion's and a database outside a team are not checked.
SQLite: nothing (one desk, no logins).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 03:15:00.000000

"""

from collections.abc import Sequence

from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_POSTGRESQL = [
    """CREATE FUNCTION campaigns_moderator_counters() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        me xid;
        refunded bigint;
        refunded_count bigint;
        late_minor bigint;
        late_count bigint;
        unthanked bigint;
        released bigint;
        donors_left bigint;
        newest bigint;
    BEGIN
        IF NOT livegiving_is_team() OR livegiving_team_role() IS DISTINCT FROM 'moderator' THEN
            RETURN NEW;
        END IF;
        IF NEW.change_seq NOT IN (OLD.change_seq, OLD.change_seq + 1) THEN
            RAISE EXCEPTION 'a moderator moves the change feed one change at a time'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF (NEW.total_minor, NEW.donation_count, NEW.held_count, NEW.unthanked_count,
            NEW.after_broadcast_count, NEW.after_broadcast_minor, NEW.donor_count,
            NEW.donors_through_id)
           IS NOT DISTINCT FROM
           (OLD.total_minor, OLD.donation_count, OLD.held_count, OLD.unthanked_count,
            OLD.after_broadcast_count, OLD.after_broadcast_minor, OLD.donor_count,
            OLD.donors_through_id) THEN
            RETURN NEW;
        END IF;
        me := pg_current_xact_id()::xid;
        IF (NEW.total_minor, NEW.donation_count, NEW.unthanked_count,
            NEW.after_broadcast_count, NEW.after_broadcast_minor)
           IS DISTINCT FROM
           (OLD.total_minor, OLD.donation_count, OLD.unthanked_count,
            OLD.after_broadcast_count, OLD.after_broadcast_minor) THEN
            SELECT coalesce(sum(r.amount_minor), 0), count(*),
                   coalesce(sum(r.amount_minor) FILTER (WHERE d.after_broadcast), 0),
                   count(*) FILTER (WHERE d.after_broadcast),
                   count(*) FILTER (WHERE NOT d.thanked)
              INTO refunded, refunded_count, late_minor, late_count, unthanked
              FROM refunds AS r JOIN donations AS d ON d.id = r.donation_id
             WHERE r.campaign_id = NEW.id AND r.xmin = me;
            IF OLD.total_minor - NEW.total_minor <> refunded
               OR OLD.donation_count - NEW.donation_count <> refunded_count
               OR OLD.after_broadcast_minor - NEW.after_broadcast_minor <> late_minor
               OR OLD.after_broadcast_count - NEW.after_broadcast_count <> late_count
               OR OLD.unthanked_count - NEW.unthanked_count <> unthanked THEN
                RAISE EXCEPTION 'a moderator changes the totals only by the refunds they record'
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
        END IF;
        IF NEW.held_count IS DISTINCT FROM OLD.held_count THEN
            SELECT count(*) INTO released FROM audit_log
             WHERE campaign_id = NEW.id AND xmin = me AND before = 'held'
               AND action IN ('approve', 'hide');
            IF OLD.held_count - NEW.held_count <> released THEN
                RAISE EXCEPTION 'a moderator changes the held count only by what they release'
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
        END IF;
        IF NEW.donors_through_id IS DISTINCT FROM OLD.donors_through_id THEN
            SELECT max(id) INTO newest FROM donations WHERE campaign_id = NEW.id;
            IF NEW.donors_through_id < OLD.donors_through_id
               OR NEW.donors_through_id > coalesce(newest, 0) THEN
                RAISE EXCEPTION 'the donor statistics only move forward, up to the newest donation'
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
        END IF;
        IF NEW.donor_count IS DISTINCT FROM OLD.donor_count THEN
            SELECT count(*) INTO donors_left FROM donors
             WHERE campaign_id = NEW.id AND donation_count > 0;
            IF NEW.donor_count < 0 OR NEW.donor_count > donors_left THEN
                RAISE EXCEPTION 'the donor count is the donors who gave'
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
        END IF;
        RETURN NEW;
    END $$""",
    """CREATE TRIGGER campaigns_moderator_counters BEFORE UPDATE ON campaigns
    FOR EACH ROW EXECUTE FUNCTION campaigns_moderator_counters()""",
]


def upgrade() -> None:
    """Upgrade schema."""
    if op.get_bind().dialect.name == "postgresql":
        for statement in _POSTGRESQL:
            op.execute(statement)


def downgrade() -> None:
    """Downgrade schema."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS campaigns_moderator_counters ON campaigns")
        op.execute("DROP FUNCTION IF EXISTS campaigns_moderator_counters()")
