"""The tests' databases, made cheaply and kept apart.

A migration to head costs ~0.1 s on a new SQLite file and ~0.4 s on PostgreSQL, and hundreds
of tests open a ledger first thing. So a database migrated to head is made once per pytest
process and copied for each test that wants one (SQLite: a file copy of the plugin's
`livegiving_migrated_ledger`; PostgreSQL: `CREATE DATABASE ... TEMPLATE`). On PostgreSQL every
test gets a database of its own, under a name of its own, gone after it: no test sees
another's rows, and two pytest processes can share one server.

A copy of the template costs the server about 0.3 s of CPU (it writes every page of the
catalog to the WAL), and about 250 tests take one. So a migrated database a test is done with
is wiped and given to the next test, when that is provably the same as a new copy: its
connections closed, the schema, privileges and settings the template's (a fingerprint of the
catalog), every table emptied (TRUNCATE ... RESTART IDENTITY, ~45 ms), its sequences and
`alembic_version` as the template's. It is then renamed: a connection the test left behind
that tries again finds no database, as after a DROP. Anything else is dropped.

A database left by a killed run carries the prefix `lgt_`: `psql -c '\\l lgt_*'` lists
them."""

from __future__ import annotations

import functools
import os
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import cast

import psycopg
from sqlalchemy.engine import URL, make_url

PG_ENV = "LIVEGIVING_TEST_PG_URL"

# What makes two migrated databases the same but for their rows: every object outside the
# system schemas, its definition, owner and privileges, the database's own settings and
# privileges, what survives a session (prepared transactions, large objects, event triggers).
_FINGERPRINT = """
SELECT md5(string_agg(x, '|' ORDER BY x)) FROM (
  SELECT 'n:' || nspname || ':' || nspowner::regrole::text || ':' || coalesce(nspacl::text, '')
         AS x
    FROM pg_namespace n WHERE {user_schema}
  UNION ALL
  SELECT 'c:' || c.oid::regclass::text || ':' || c.relkind::text || ':' || c.relowner::regrole::text
         || ':' || coalesce(c.relacl::text, '') || ':' || c.relrowsecurity
         || ':' || coalesce(array_to_string(c.reloptions, ','), '')
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE {user_schema}
  UNION ALL
  SELECT 'a:' || a.attrelid::regclass::text || ':' || a.attname || ':'
         || format_type(a.atttypid, a.atttypmod) || ':' || a.attnotnull || ':'
         || coalesce(pg_get_expr(d.adbin, d.adrelid), '') || ':' || coalesce(a.attacl::text, '')
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
   WHERE {user_schema} AND a.attnum > 0 AND NOT a.attisdropped
  UNION ALL
  SELECT 'k:' || conrelid::regclass::text || ':' || conname || ':' || pg_get_constraintdef(k.oid)
    FROM pg_constraint k JOIN pg_namespace n ON n.oid = k.connamespace WHERE {user_schema}
  UNION ALL
  SELECT 'i:' || pg_get_indexdef(i.indexrelid)
    FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace WHERE {user_schema}
  UNION ALL
  SELECT 'p:' || p.oid::regprocedure::text || ':' || p.proowner::regrole::text || ':'
         || md5(pg_get_functiondef(p.oid)) || ':' || coalesce(p.proacl::text, '')
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
   WHERE {user_schema} AND p.prokind IN ('f', 'p')
  UNION ALL
  SELECT 't:' || t.tgrelid::regclass::text || ':' || pg_get_triggerdef(t.oid) || ':'
         || t.tgenabled::text
    FROM pg_trigger t WHERE NOT t.tgisinternal
  UNION ALL
  SELECT 'y:' || t.oid::regtype::text || ':' || t.typtype::text || ':'
         || coalesce(t.typacl::text, '')
    FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
   WHERE {user_schema} AND t.typtype IN ('e', 'd', 'r', 'm')
  UNION ALL
  SELECT 'r:' || schemaname || '.' || tablename || ':' || rulename FROM pg_rules
  UNION ALL
  SELECT 'pol:' || polrelid::regclass::text || ':' || polname || ':' || polcmd::text || ':'
         || coalesce(pg_get_expr(polqual, polrelid), '') FROM pg_policy
  UNION ALL
  SELECT 'e:' || extname || ':' || extversion FROM pg_extension
  UNION ALL
  SELECT 'et:' || evtname || ':' || evtenabled::text FROM pg_event_trigger
  UNION ALL
  SELECT 'da:' || coalesce(setrole::text, '') || ':' || array_to_string(setconfig, ',')
    FROM pg_db_role_setting
   WHERE setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database())
  UNION ALL
  SELECT 'd:' || coalesce(datacl::text, '') || ':' || datconnlimit || ':' || datallowconn
         || ':' || datdba::regrole::text
    FROM pg_database WHERE datname = current_database()
  UNION ALL
  SELECT 'ddp:' || defaclrole::regrole::text || ':' || defaclobjtype::text || ':' || defaclacl::text
    FROM pg_default_acl
  UNION ALL
  SELECT 'lo:' || count(*) FROM pg_largeobject_metadata
  UNION ALL
  SELECT 'px:' || count(*) FROM pg_prepared_xacts WHERE database = current_database()
) objects
""".format(
    user_schema="n.nspname NOT IN ('pg_catalog', 'information_schema')"
    " AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'"
)

# A table of more rows than this is emptied by TRUNCATE (its dead rows would slow the next test).
_DELETE_AT_MOST = 2000

# The rows a wiped database keeps: the template's, table by table (only alembic_version's).
_STATE = """
SELECT (SELECT json_agg(json_build_array(sequencename, last_value) ORDER BY sequencename)
          FROM pg_sequences WHERE schemaname NOT IN ('pg_catalog', 'information_schema')),
       (SELECT json_agg(version_num ORDER BY version_num) FROM alembic_version)
"""


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
        self._head_print: tuple[str, object] | None = None  # its fingerprint and state
        self._wiped: list[str] = []  # migrated databases wiped back to head, for the next
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

    def _new_name(self) -> str:
        with self._lock:
            self._count += 1
            return f"{self.prefix}_{self._count}"

    def create(self, *, migrated: bool) -> str:
        """A new database of its own, empty or migrated to head: its name. A migrated one may
        be one a test was done with, wiped back to head (`release`) and renamed."""
        if migrated:
            with self._lock:
                if self._wiped:
                    return self._wiped.pop()
        name = self._new_name()
        template = self._head_template() if migrated else "template0"
        with self.admin() as conn:
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        return name

    def release(self, name: str, *, migrated: bool) -> None:
        """A test is done with database `name`: wiped and kept under a new name for the next
        test when it can be made the same as a new copy of the template, dropped otherwise."""
        kept = None
        try:
            kept = self._wipe(name) if migrated else None
        finally:
            if kept is None:
                self.drop(name)
            else:
                with self._lock:
                    self._wiped.append(kept)

    def _fingerprint(self, conn: psycopg.Connection[tuple[object, ...]]) -> tuple[str, object]:
        schema = conn.execute(_FINGERPRINT).fetchone()
        state = conn.execute(_STATE).fetchone()
        assert schema is not None and state is not None
        return str(schema[0]), state

    def _head_fingerprint(self) -> tuple[str, object]:
        if self._head_print is None:
            with psycopg.connect(
                libpq_conninfo(self.base, self._head_template()), autocommit=True
            ) as conn:
                self._head_print = self._fingerprint(conn)
        return self._head_print

    def _close_connections(self, admin: psycopg.Connection[tuple[object, ...]], name: str) -> bool:
        """Close every connection to `name`; True once none is left (within 5 s)."""
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = %s AND pid <> pg_backend_pid()",
            (name,),
        )
        for _ in range(500):
            left = admin.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = %s", (name,)
            ).fetchone()
            if left is not None and left[0] == 0:
                return True
            time.sleep(0.01)
        return False

    def _wipe(self, name: str) -> str | None:
        """`name` emptied back to the template, under a new name; None when it cannot be."""
        head = self._head_fingerprint()
        try:
            with self.admin() as admin:
                if not self._close_connections(admin, name):
                    return None
                with psycopg.connect(libpq_conninfo(self.base, name), autocommit=True) as conn:
                    tables = [
                        f'"{schema}"."{table}"'
                        for schema, table in conn.execute(
                            "SELECT schemaname, tablename FROM pg_tables"
                            " WHERE schemaname NOT IN ('pg_catalog', 'information_schema')"
                            " AND tablename <> 'alembic_version'"
                        )
                    ]
                    if not self._empty(conn, tables) or self._fingerprint(conn) != head:
                        return None  # its schema, privileges, settings or revision changed
                if not self._close_connections(admin, name):
                    return None
                renamed = self._new_name()
                admin.execute(f'ALTER DATABASE "{name}" RENAME TO "{renamed}"')
                return renamed
        except psycopg.Error:
            return None  # not a superuser, or a connection came back: dropped instead

    @staticmethod
    def _rows(conn: psycopg.Connection[tuple[object, ...]], tables: list[str]) -> list[int]:
        """How many rows each of `tables` holds, in one statement."""
        if not tables:
            return []
        counts = conn.execute(
            " UNION ALL ".join(f"SELECT {i}, count(*) FROM {t}" for i, t in enumerate(tables))
        ).fetchall()
        return [cast(int, n) for _, n in sorted(counts, key=lambda row: cast(int, row[0]))]

    def _empty(self, conn: psycopg.Connection[tuple[object, ...]], tables: list[str]) -> bool:
        """Every row of `tables` deleted and every sequence back at its start, as in a new
        copy; True when none is left. DELETE, not TRUNCATE, for a table of a few rows:
        TRUNCATE makes new files for the table and each index (100 to 300 ms for the ledger's
        tables); the dead rows left are autovacuum's."""
        with conn.transaction():
            # The ledger's triggers refuse a DELETE (the audit log is append-only): a
            # superuser's replica session fires none, foreign keys' included.
            conn.execute("SET LOCAL session_replication_role = replica")
            for table, rows in zip(tables, self._rows(conn, tables), strict=True):
                if rows > _DELETE_AT_MOST:
                    conn.execute(f"TRUNCATE {table} CASCADE")
                elif rows:
                    conn.execute(f"DELETE FROM {table}")
        conn.execute(
            "SELECT setval(format('%I.%I', schemaname, sequencename), start_value, false)"
            " FROM pg_sequences WHERE schemaname NOT IN ('pg_catalog', 'information_schema')"
            " AND last_value IS NOT NULL"
        )
        return not any(self._rows(conn, tables))

    def drop(self, name: str) -> None:
        """Drop a database, closing what a test left connected to it."""
        with self.admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def close(self) -> None:
        with self._lock:
            names, self._wiped = self._wiped, []
        for name in names:
            self.drop(name)
        if self._head is not None:
            self.drop(self._head)
            self._head = None


@functools.cache
def pg_server() -> PgServer:
    """This process's PgServer (LIVEGIVING_TEST_PG_URL must be set)."""
    return PgServer(os.environ[PG_ENV])


@contextmanager
def pg_database(*, migrated: bool) -> Iterator[str]:
    """The URL of a new PostgreSQL database of its own (empty, or migrated to head), gone on
    leaving (dropped, or wiped and renamed for another test)."""
    server = pg_server()
    name = server.create(migrated=migrated)
    try:
        yield server.url(name)
    finally:
        server.release(name, migrated=migrated)


def close_pg_server() -> None:
    """Drop this process's template database, if it made one."""
    if pg_server.cache_info().currsize:
        pg_server().close()
        pg_server.cache_clear()
