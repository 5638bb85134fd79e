"""team roles on PostgreSQL (issue 13): the audit log records the server's login; in a team
database (one whose group roles `<database>_owner`, `_moderator`, `_viewer` exist) the name and
role on every audit row and refund are the login's and its group's, and a login cannot write
an audit row of an action its role may not take. SQLite: only the (empty) `login` column.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 09:00:00.000000

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The audit actions a moderator's login may write (its actions); a viewer writes none.
_MODERATOR_ACTIONS = (
    "approve",
    "hide",
    "privacy",
    "refund",
    "block-donor",
    "unblock-donor",
    "rules",
)

_POSTGRESQL = [
    # The login's team role, from the server's own membership: NULL outside a team database.
    """CREATE FUNCTION livegiving_team_role() RETURNS text LANGUAGE plpgsql STABLE AS $$
    DECLARE
        team text;
    BEGIN
        FOREACH team IN ARRAY ARRAY['owner', 'moderator', 'viewer'] LOOP
            IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_database() || '_' || team)
               AND pg_has_role(session_user, current_database() || '_' || team, 'MEMBER') THEN
                RETURN team;
            END IF;
        END LOOP;
        RETURN NULL;
    END $$""",
    """CREATE FUNCTION livegiving_is_team() RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_database() || '_owner') $$""",
    f"""CREATE FUNCTION audit_log_actor() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        team text;
    BEGIN
        NEW.login := session_user;
        IF livegiving_is_team() THEN
            team := coalesce(livegiving_team_role(), 'none');
            NEW.actor_name := session_user;
            NEW.actor_role := team;
            IF team <> 'owner' AND NOT (team = 'moderator' AND NEW.action IN
                    ({", ".join(f"'{a}'" for a in _MODERATOR_ACTIONS)})) THEN
                RAISE EXCEPTION 'role % may not write the audit action %', team, NEW.action
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
        END IF;
        RETURN NEW;
    END $$""",
    """CREATE TRIGGER audit_log_actor BEFORE INSERT ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_actor()""",
    """CREATE FUNCTION refunds_actor() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF livegiving_is_team() THEN
            NEW.actor_name := session_user;
            NEW.actor_role := coalesce(livegiving_team_role(), 'none');
        END IF;
        RETURN NEW;
    END $$""",
    """CREATE TRIGGER refunds_actor BEFORE INSERT ON refunds
    FOR EACH ROW EXECUTE FUNCTION refunds_actor()""",
]


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column("audit_log", sa.Column("login", sa.String(length=63), nullable=True))
    if op.get_bind().dialect.name == "postgresql":
        for statement in _POSTGRESQL:
            op.execute(statement)


def downgrade() -> None:
    """Downgrade schema."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS refunds_actor ON refunds")
        op.execute("DROP FUNCTION IF EXISTS refunds_actor()")
        op.execute("DROP TRIGGER IF EXISTS audit_log_actor ON audit_log")
        op.execute("DROP FUNCTION IF EXISTS audit_log_actor()")
        op.execute("DROP FUNCTION IF EXISTS livegiving_is_team()")
        op.execute("DROP FUNCTION IF EXISTS livegiving_team_role()")
    with op.batch_alter_table("audit_log", recreate="never") as batch_op:
        batch_op.drop_column("login")
