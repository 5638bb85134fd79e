"""A PostgreSQL database of its own with a team, for the role tests: created with a unique
name, its group roles and logins dropped with it at the end (roles are cluster-wide)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy.engine import URL

from helpers.databases import libpq_conninfo, pg_server
from livegiving_desktop.db.engine import open_database
from livegiving_desktop.db.team import TeamRole, TeamStore


@dataclass
class TeamDatabase:
    """A migrated database with `team init` done; `add` makes logins (dropped at the end)."""

    admin_url: URL
    name: str
    logins: list[str] = field(default_factory=list)

    def url(self, login: str | None = None, password: str | None = None) -> str:
        """The SQLAlchemy URL of a login (the admin's without one)."""
        url = self.admin_url
        if login is not None:
            url = url.set(username=login, password=password)
        return url.render_as_string(hide_password=False)

    def libpq(self, login: str) -> str:
        """A libpq connection string for psycopg (raw SQL as that login, like psql)."""
        return libpq_conninfo(self.admin_url.set(username=login, password=None), self.name)

    def add(self, role: TeamRole, prefix: str = "") -> tuple[str, str]:
        """A new login in the role: (name, password)."""
        name = f"{prefix or role.value[:3]}_{uuid.uuid4().hex[:8]}"
        db = open_database(self.url())
        try:
            password = TeamStore(db).add(name, role)
        finally:
            db.close()
        assert password is not None
        self.logins.append(name)
        return name, password


@contextmanager
def team_database(init: bool = True) -> Iterator[TeamDatabase]:
    server = pg_server()
    name = server.create(migrated=True)
    team = TeamDatabase(admin_url=server.base.set(database=name), name=name)
    try:
        if init:
            db = open_database(team.url())
            try:
                TeamStore(db).init()
            finally:
                db.close()
        yield team
    finally:
        server.drop(name)
        with server.admin() as conn:
            members = conn.execute(
                "SELECT u.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid"
                " JOIN pg_roles u ON u.oid = m.member WHERE g.rolname LIKE %s",
                (f"{name}\\_%",),
            ).fetchall()
            groups = [f"{name}_{r.value}" for r in TeamRole]
            for login in {*team.logins, *(m[0] for m in members)} - set(groups):
                conn.execute(f'DROP ROLE IF EXISTS "{login}"')
            for group in groups:
                conn.execute(f'DROP ROLE IF EXISTS "{group}"')
