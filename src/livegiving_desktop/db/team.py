"""A team on one PostgreSQL server (issue 13): each person a login of the server, each login a
member of one of the database's group roles, and what each group may do granted by the server.

The group roles are named after the database (`<database>_owner`, `_moderator`, `_viewer`):
roles are cluster-wide, so two LiveGiving databases on one server keep separate teams. Each
group has the privileges of the one below it (owner ⊃ moderator ⊃ viewer). The grants are
table and column privileges (see docs/architecture.md for why); the audit log's actor is set
by the server (migration 0006), never typed.

Every statement here needs a login allowed to create roles (superuser or CREATEROLE); a team
change writes an audit row (campaign-less) in the same transaction as the change.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

from livegiving_desktop.core.errors import LiveGivingError, ValidationError
from livegiving_desktop.core.records import Actor, ActorRole
from livegiving_desktop.core.team import RoleRefusedError, TeamRole
from livegiving_desktop.db.audit import append_audit
from livegiving_desktop.db.engine import Database
from livegiving_desktop.db.ledger import now_us

ROLE_ORDER = (TeamRole.OWNER, TeamRole.MODERATOR, TeamRole.VIEWER)
# A login name: what psql takes without quoting, plus dots and dashes (quoted by us).
_LOGIN = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]{0,62}$")
_MAX_DATABASE_NAME = 63 - len("_moderator")

# What each group may do beyond the group below it. Columns of the campaign a moderator's
# actions keep (the counters a refund takes off, the change feed's sequence); a campaign's
# settings, status, goal and title are the owner's.
_CAMPAIGN_COUNTERS = (
    "total_minor",
    "donation_count",
    "donor_count",
    "held_count",
    "unthanked_count",
    "after_broadcast_count",
    "after_broadcast_minor",
    "donors_through_id",
    "change_seq",
)
_DONATION_DECISIONS = (
    "message_status",
    "hide_name_on_air",
    "hide_amount_on_air",
    "status",
    "version",
)
_DONATION_OWNER = ("thanked", "thanked_at_us", "after_broadcast", "flags", "review_reasons")
VIEWER_GRANTS = (
    "GRANT SELECT ON ALL TABLES IN SCHEMA public TO {viewer}",
    # presence: a seat says who watches (the seats table only)
    "GRANT INSERT, UPDATE, DELETE ON seats TO {viewer}",
    "GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {viewer}",
)
MODERATOR_GRANTS = (
    f"GRANT UPDATE ({', '.join(_DONATION_DECISIONS)}) ON donations TO {{moderator}}",
    f"GRANT UPDATE ({', '.join(_CAMPAIGN_COUNTERS)}) ON campaigns TO {{moderator}}",
    "GRANT INSERT ON refunds, audit_log, changes TO {moderator}",
    "GRANT INSERT, UPDATE ON donors TO {moderator}",
    "GRANT INSERT, DELETE ON blocked_donors TO {moderator}",
    "GRANT INSERT, UPDATE ON moderation_rules TO {moderator}",
)
OWNER_GRANTS = (
    # Nothing of the ledger is ever deleted (a donation, a refund, a ticket, the audit log):
    # the owner deletes only what the app deletes (presence, a block), through the groups below.
    "REVOKE DELETE, TRUNCATE ON ALL TABLES IN SCHEMA public FROM {owner}",
    "GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO {owner}",
    # a donation is never edited (amount, donor, message): only what the app changes on it
    "REVOKE UPDATE ON donations FROM {owner}",
    f"GRANT UPDATE ({', '.join(_DONATION_OWNER)}) ON donations TO {{owner}}",
    # the audit log stays append-only for everyone (the triggers of 0002 refuse the rest)
    "REVOKE UPDATE ON audit_log FROM {owner}",
    "REVOKE INSERT, UPDATE ON alembic_version FROM {owner}",
    "GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {owner}",
)


class TeamError(LiveGivingError):
    """A team command refused; `status` is the CLI's exit status (README)."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


EXIT_NOT_ALLOWED = 4  # the server refused: this login may not do it
EXIT_NAME_TAKEN = 5  # the name is another login of the server, or already in the team


@dataclass(frozen=True, slots=True)
class Member:
    """A login of the team."""

    name: str
    role: TeamRole
    can_login: bool


def check_login_name(name: str) -> str:
    """A valid login name, or ValidationError naming the field."""
    if not _LOGIN.match(name):
        raise ValidationError(
            "NAME",
            f"'{name}' is not a login name (a letter or _, then letters, digits, _ . -;"
            " at most 63 characters)",
        )
    return name


def parse_role(text_value: str) -> TeamRole:
    try:
        return TeamRole(text_value.strip().lower())
    except ValueError:
        raise ValidationError(
            "ROLE", f"'{text_value}' is not a role; use owner, moderator or viewer"
        ) from None


def generate_password() -> str:
    """A password a person can copy: 24 URL-safe characters (144 bits)."""
    return secrets.token_urlsafe(18)


class TeamStore:
    """Create, list and change the team of one PostgreSQL database."""

    def __init__(self, db: Database) -> None:
        if db.dialect != "postgresql":
            raise ValidationError(
                "--db",
                "team roles need a PostgreSQL database; an SQLite file is a single desk"
                " (the console asks for your name)",
            )
        self.db = db

    # -- helpers ---------------------------------------------------------------------------

    @staticmethod
    def _q(conn: Connection, name: str) -> str:
        return conn.dialect.identifier_preparer.quote_identifier(name)

    @staticmethod
    def database_name(conn: Connection) -> str:
        return str(conn.execute(text("SELECT current_database()")).scalar_one())

    def group(self, conn: Connection, role: TeamRole) -> str:
        """The database's group role of a team role (`<database>_<role>`)."""
        return f"{self.database_name(conn)}_{role.value}"

    @staticmethod
    def _role_exists(conn: Connection, name: str) -> bool:
        return bool(
            conn.execute(
                text("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :n)"), {"n": name}
            ).scalar_one()
        )

    @staticmethod
    def _may_manage_roles(conn: Connection) -> bool:
        row = conn.execute(
            text("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = session_user")
        ).scalar_one()
        return bool(row)

    def _require_admin(self, conn: Connection, what: str) -> None:
        if not self._may_manage_roles(conn):
            login = conn.execute(text("SELECT session_user")).scalar_one()
            raise TeamError(
                f"the login '{login}' is not allowed to create roles, so it cannot {what};"
                " ask whoever administers the database server (a superuser or a login with"
                " CREATEROLE)",
                EXIT_NOT_ALLOWED,
            )

    def _require_team(self, conn: Connection) -> None:
        if not self._role_exists(conn, self.group(conn, TeamRole.OWNER)):
            raise TeamError("this database has no team yet; run `livegiving team init` first", 1)

    def _audit(self, conn: Connection, action: str, before: str | None, after: str) -> None:
        # Name and role are the server's (trigger of 0006); these are placeholders.
        append_audit(
            conn,
            at_us=now_us(),
            campaign_id=None,
            actor=Actor("team", ActorRole.OWNER),
            action=action,
            before=before,
            after=after,
        )

    def _membership(self, conn: Connection, name: str) -> TeamRole | None:
        for role in ROLE_ORDER:
            direct = conn.execute(
                text(
                    "SELECT EXISTS (SELECT 1 FROM pg_auth_members m"
                    " JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member"
                    " WHERE g.rolname = :g AND u.rolname = :u)"
                ),
                {"g": self.group(conn, role), "u": name},
            ).scalar_one()
            if direct:
                return role
        return None

    # -- commands --------------------------------------------------------------------------

    def init(self) -> list[str]:
        """Create the three group roles and grant what each may do; again after an upgrade
        (new tables) or at any time: idempotent. Returns the group roles' names."""
        with self.db.writer.begin() as conn:
            self._require_admin(conn, "create the team's roles")
            database = self.database_name(conn)
            if len(database) > _MAX_DATABASE_NAME:
                raise ValidationError(
                    "--db", f"the database name is longer than {_MAX_DATABASE_NAME} characters"
                )
            names = {role.value: self.group(conn, role) for role in ROLE_ORDER}
            quoted = {k: self._q(conn, v) for k, v in names.items()}
            created = []
            for role in ROLE_ORDER:
                if not self._role_exists(conn, names[role.value]):
                    conn.exec_driver_sql(f"CREATE ROLE {quoted[role.value]} NOLOGIN")
                    created.append(names[role.value])
            conn.exec_driver_sql(f"GRANT {quoted['viewer']} TO {quoted['moderator']}")
            conn.exec_driver_sql(f"GRANT {quoted['moderator']} TO {quoted['owner']}")
            conn.exec_driver_sql(
                f"GRANT CONNECT ON DATABASE {self._q(conn, database)} TO {quoted['viewer']}"
            )
            conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA public TO {quoted['viewer']}")
            for statement in (*VIEWER_GRANTS, *MODERATOR_GRANTS, *OWNER_GRANTS):
                conn.exec_driver_sql(statement.format(**quoted))
            if created:
                self._audit(conn, "team-init", None, ", ".join(created))
            return [names[r.value] for r in ROLE_ORDER]

    def add(self, name: str, role: TeamRole) -> str | None:
        """Create a login in the role; returns its generated password (shown once), or None
        when the login is already in the team with that role (nothing done)."""
        check_login_name(name)
        with self.db.writer.begin() as conn:
            self._require_admin(conn, "add a login")
            self._require_team(conn)
            if self._role_exists(conn, name):
                current = self._membership(conn, name)
                if current is role:
                    return None
                if current is None:
                    raise TeamError(
                        f"the name '{name}' is taken: the server already has a role of that"
                        " name outside this team; choose another name",
                        EXIT_NAME_TAKEN,
                    )
                raise TeamError(
                    f"'{name}' is already in the team as {current.value}; to change it, run"
                    f" `livegiving team role {name} {role.value}`",
                    EXIT_NAME_TAKEN,
                )
            password = generate_password()
            verifier = _scram_verifier(conn, name, password)
            extra = " CREATEROLE" if role is TeamRole.OWNER else ""
            # A utility statement takes no bound parameters; the verifier is base64 and `$:=`.
            literal = "'" + verifier.replace("'", "''") + "'"
            conn.exec_driver_sql(
                f"CREATE ROLE {self._q(conn, name)} LOGIN{extra} PASSWORD {literal}"
                f" IN ROLE {self._q(conn, self.group(conn, role))}"
            )
            self._audit(conn, "team-add", None, f"{name}: {role.value}")
            return password

    def set_role(self, name: str, role: TeamRole) -> TeamRole:
        """Move a login of the team to another role; returns the role it had."""
        check_login_name(name)
        with self.db.writer.begin() as conn:
            self._require_admin(conn, "change a role")
            self._require_team(conn)
            current = self._member(conn, name)
            if current is not role:
                q = self._q(conn, name)
                conn.exec_driver_sql(f"GRANT {self._q(conn, self.group(conn, role))} TO {q}")
                conn.exec_driver_sql(f"REVOKE {self._q(conn, self.group(conn, current))} FROM {q}")
                attribute = "CREATEROLE" if role is TeamRole.OWNER else "NOCREATEROLE"
                conn.exec_driver_sql(f"ALTER ROLE {q} {attribute}")
                self._audit(conn, "team-role", f"{name}: {current.value}", f"{name}: {role.value}")
            return current

    def remove(self, name: str) -> bool:
        """Drop the login (it can no longer connect; its open sessions are ended). False when
        there is no such login (nothing to do)."""
        check_login_name(name)
        with self.db.writer.begin() as conn:
            self._require_admin(conn, "remove a login")
            self._require_team(conn)
            if not self._role_exists(conn, name):
                return False
            current = self._member(conn, name)
            # Its open sessions (named before the drop: a dropped role's have no name).
            sessions = (
                conn.execute(
                    text("SELECT pid FROM pg_stat_activity WHERE usename = :u"), {"u": name}
                )
                .scalars()
                .all()
            )
            conn.exec_driver_sql(f"DROP ROLE {self._q(conn, name)}")
            self._audit(conn, "team-remove", f"{name}: {current.value}", "removed")
        if sessions:
            with self.db.writer.connect() as conn:
                # Sessions already open end too (needs pg_signal_backend or a superuser).
                conn.execute(
                    text("SELECT pg_terminate_backend(pid) FROM unnest(:p) AS pid"),
                    {"p": list(sessions)},
                )
                conn.commit()
        return True

    def _member(self, conn: Connection, name: str) -> TeamRole:
        current = self._membership(conn, name)
        if current is None:
            raise TeamError(
                f"'{name}' is not in this database's team (see `livegiving team list`)", 2
            )
        return current

    def members(self) -> list[Member]:
        """Every login of the team with its role, by name."""
        with self.db.reader.connect() as conn:
            self._require_team(conn)
            out: dict[str, Member] = {}
            for role in ROLE_ORDER:
                rows = conn.execute(
                    text(
                        "SELECT u.rolname, u.rolcanlogin FROM pg_auth_members m"
                        " JOIN pg_roles g ON g.oid = m.roleid"
                        " JOIN pg_roles u ON u.oid = m.member"
                        " WHERE g.rolname = :g"
                    ),
                    {"g": self.group(conn, role)},
                )
                groups = set(self._groups(conn))
                for login, can_login in rows:
                    if login not in groups and login not in out:
                        out[login] = Member(login, role, bool(can_login))
            return sorted(out.values(), key=lambda m: m.name)

    def _groups(self, conn: Connection) -> Iterable[str]:
        return (self.group(conn, role) for role in ROLE_ORDER)


def _scram_verifier(conn: Connection, name: str, password: str) -> str:
    """The password's SCRAM verifier, computed by libpq on this side: the password itself
    never travels to the server nor reaches its statement log."""
    raw: Any = conn.connection.dbapi_connection
    pgconn = raw.pgconn
    return bytes(
        pgconn.encrypt_password(password.encode(), name.encode(), b"scram-sha-256")
    ).decode()


def login_role(conn: Connection) -> TeamRole | None:
    """The connected login's team role (the server's membership), None outside a team."""
    value = conn.execute(text("SELECT livegiving_team_role()")).scalar_one_or_none()
    return None if value is None else TeamRole(value)


def is_refused_by_role(exc: BaseException) -> bool:
    """True for the server's "insufficient privilege" (SQLSTATE 42501)."""
    seen: BaseException | None = exc
    while seen is not None:
        if getattr(seen, "sqlstate", None) == "42501":
            return True
        seen = getattr(seen, "orig", None) or seen.__cause__
    return False


def role_of(db: Database) -> TeamRole | None:
    """The team role of the database's login (None on SQLite or outside a team)."""
    if db.dialect != "postgresql":
        return None
    with db.reader.connect() as conn:
        return login_role(conn)


def refusal_of(db: Database, exc: BaseException, action: str) -> RoleRefusedError | None:
    """The refusal in words when the server refused `exc` for lack of privilege, else None."""
    if not is_refused_by_role(exc):
        return None
    try:
        role = role_of(db)
    except Exception:  # the words without the role rather than a second failure
        role = None
    return RoleRefusedError(role, action)
