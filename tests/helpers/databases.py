"""The tests' databases, made cheaply and kept apart.

A migration to head costs ~0.1 s on a new SQLite file and ~0.4 s on PostgreSQL, and hundreds
of tests open a ledger first thing. So a database migrated to head is made once per pytest
process and copied for each test that wants one (SQLite: a file copy of the plugin's
`livegiving_migrated_ledger`; PostgreSQL: `CREATE DATABASE ... TEMPLATE`, ~40 ms). On
PostgreSQL every test gets a database of its own, created for it and dropped after it: no test
sees another's rows, and two pytest processes can share one server. A database left by a
killed run carries the prefix `lgt_`: `psql -c '\\l lgt_*'` lists them."""

from __future__ import annotations

import functools
import os
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
from sqlalchemy.engine import URL, make_url

PG_ENV = "LIVEGIVING_TEST_PG_URL"


def libpq_conninfo(url: URL, database: str) -> str:
    """A libpq connection string for psycopg: `url`'s server and login, on `database`."""
    return (
        f"host={url.host or '127.0.0.1'} port={url.port or 5432} dbname={database}"
        f" user={url.username or 'postgres'}"
        + (f" password={url.password}" if url.password else "")
    )


class PgServer:
    """The PostgreSQL server of LIVEGIVING_TEST_PG_URL, where this process makes and drops
    its databases (names in lower case: an unquoted name is folded to it by psql)."""

    def __init__(self, url: str) -> None:
        self.base = make_url(url)
        self.prefix = f"lgt_{uuid.uuid4().hex[:8]}"
        self._count = 0
        self._head: str | None = None
        self._lock = threading.Lock()

    def admin(self) -> psycopg.Connection[tuple[object, ...]]:
        """A connection to the server's own database (LIVEGIVING_TEST_PG_URL's), autocommit."""
        return psycopg.connect(
            libpq_conninfo(self.base, self.base.database or "postgres"), autocommit=True
        )

    def url(self, name: str) -> str:
        return self.base.set(database=name).render_as_string(hide_password=False)

    def _head_template(self) -> str:
        """A database migrated to head, made once: the template of the migrated ones."""
        with self._lock:
            if self._head is None:
                from livegiving_desktop.db.engine import open_database

                name = f"{self.prefix}_head"
                with self.admin() as conn:
                    conn.execute(f'CREATE DATABASE "{name}"')
                open_database(self.url(name)).close()  # its connections closed: a template
                self._head = name
            return self._head

    def create(self, *, migrated: bool) -> str:
        """A new database of its own, empty or migrated to head: its name."""
        with self._lock:
            self._count += 1
            name = f"{self.prefix}_{self._count}"
        template = self._head_template() if migrated else "template0"
        with self.admin() as conn:
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        return name

    def drop(self, name: str) -> None:
        """Drop a database, closing what a test left connected to it."""
        with self.admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def close(self) -> None:
        if self._head is not None:
            self.drop(self._head)
            self._head = None


@functools.cache
def pg_server() -> PgServer:
    """This process's PgServer (LIVEGIVING_TEST_PG_URL must be set)."""
    return PgServer(os.environ[PG_ENV])


@contextmanager
def pg_database(*, migrated: bool) -> Iterator[str]:
    """The URL of a new PostgreSQL database of its own (empty, or migrated to head), dropped
    on leaving."""
    server = pg_server()
    name = server.create(migrated=migrated)
    try:
        yield server.url(name)
    finally:
        server.drop(name)


def close_pg_server() -> None:
    """Drop this process's template database, if it made one."""
    if pg_server.cache_info().currsize:
        pg_server().close()
        pg_server.cache_clear()
