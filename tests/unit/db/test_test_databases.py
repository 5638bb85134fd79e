"""The suite's own databases (tests/helpers/databases.py, the plugin's migrated ledger): what a
test is given is what it would have made itself, its alone, and gone after it."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import NullPool

from helpers.databases import PG_ENV, libpq_conninfo, pg_database, pg_server
from helpers.ledger import fundraiser
from livegiving_desktop.db.engine import to_url
from livegiving_desktop.db.schema import HEAD_REVISION
from livegiving_desktop.services.ledger import LedgerService

pytestmark = pytest.mark.db


def _tables(url: str) -> set[str]:
    engine = create_engine(to_url(url))
    try:
        with engine.connect() as conn:
            return set(inspect(conn).get_table_names())
    finally:
        engine.dispose()


def test_a_database_given_alone_is_empty(db_url: str) -> None:
    """The migration tests need a database nothing has touched."""
    if not db_url.startswith("postgresql"):
        assert not Path(db_url).exists()
        return
    assert _tables(db_url) == set()


def test_a_ledger_opened_first_thing_is_at_head_with_no_rows(
    service: LedgerService, db_url: str
) -> None:
    with service.db.reader.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
            HEAD_REVISION
        )
        assert conn.execute(text("SELECT count(*) FROM campaigns")).scalar() == 0
        assert conn.execute(text("SELECT count(*) FROM donations")).scalar() == 0
    fundraiser(service)  # and it works as one the app made
    if not db_url.startswith("postgresql"):  # the user's alone, as the app makes a ledger
        assert stat.S_IMODE(os.stat(db_url).st_mode) == 0o600


@pytest.mark.skipif(not os.environ.get(PG_ENV), reason=f"set {PG_ENV} to run on PostgreSQL")
def test_each_postgresql_database_is_its_own_and_gone_after() -> None:
    with pg_database(migrated=True) as first, pg_database(migrated=True) as second:
        assert first != second
        one = LedgerService.open(first)
        try:
            fundraiser(one)
        finally:
            one.close()
        other = LedgerService.open(second)
        try:
            assert other.campaigns() == []
        finally:
            other.close()
    names = [to_url(first).database, to_url(second).database]
    with pg_server().admin() as conn:
        left = conn.execute(
            "SELECT datname FROM pg_database WHERE datname = ANY(%s)", (names,)
        ).fetchall()
    assert left == []


@pytest.mark.skipif(not os.environ.get(PG_ENV), reason=f"set {PG_ENV} to run on PostgreSQL")
def test_a_postgresql_database_a_test_is_done_with_comes_back_only_as_new() -> None:
    """A migrated database is wiped and handed to the next test (a copy costs the server
    0.3 s): it must come back as a new copy would, rows, ids and schema, or not at all."""
    with pg_database(migrated=True) as first:
        one = LedgerService.open(first)
        try:
            fundraiser(one)
            fundraiser(one, title="Second")
        finally:
            one.close()
    with pg_database(migrated=True) as second:
        assert second != first
        other = LedgerService.open(second)
        try:
            assert other.campaigns() == []
            assert fundraiser(other).id == 1  # its ids start again
        finally:
            other.close()
        with psycopg.connect(libpq_conninfo(to_url(second), to_url(second).database or "")) as conn:
            conn.execute("CREATE TABLE left_behind (x integer)")
            conn.execute("GRANT SELECT ON campaigns TO PUBLIC")
    with pg_database(migrated=True) as third:  # a changed schema is not handed on
        assert "left_behind" not in _tables(third)
        with psycopg.connect(libpq_conninfo(to_url(third), to_url(third).database or "")) as conn:
            granted = conn.execute(
                "SELECT relacl IS NULL FROM pg_class WHERE relname = 'campaigns'"
            ).fetchone()
        assert granted == (True,)


@pytest.mark.skipif(not os.environ.get(PG_ENV), reason=f"set {PG_ENV} to run on PostgreSQL")
def test_a_connection_a_test_left_open_reaches_no_other_tests_database() -> None:
    with pg_database(migrated=True) as first:
        engine = create_engine(to_url(first), poolclass=NullPool)
        left_open = engine.connect()
    try:
        with pytest.raises(OperationalError):  # closed by the server
            left_open.execute(text("SELECT 1")).scalar()
        with pytest.raises(OperationalError, match="does not exist"):
            engine.connect()  # as it would try again: its database is gone (renamed)
    finally:
        left_open.invalidate()
        engine.dispose()
