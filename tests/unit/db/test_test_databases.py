"""The suite's own databases (tests/helpers/databases.py, the plugin's migrated ledger): what a
test is given is what it would have made itself, its alone, and gone after it."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

from helpers.databases import PG_ENV, pg_database, pg_server
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
def test_each_postgresql_database_is_its_own_and_dropped_after() -> None:
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
