"""Opening a database: migrations at start-up, models in step with migrations, SQLite set-up."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from livegiving_desktop.db.engine import (
    HEAD_REVISION,
    MIGRATIONS,
    SCHEMA_REVISIONS,
    open_database,
)
from livegiving_desktop.db.models import metadata
from livegiving_desktop.services.ledger import LedgerService

pytestmark = pytest.mark.db


def test_opening_creates_and_migrates_the_schema(service: LedgerService) -> None:
    with service.db.reader.connect() as conn:
        tables = set(inspect(conn).get_table_names())
    assert {"campaigns", "donations", "donors", "alembic_version"} <= tables
    assert service.db.schema_version() == HEAD_REVISION
    assert service.campaigns() == []


def test_models_and_migrations_agree(service: LedgerService) -> None:
    with service.db.writer.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(context, metadata)
    assert diff == []


def test_schema_revisions_match_the_shipped_migrations() -> None:
    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    scripts = ScriptDirectory.from_config(config)
    oldest_first = tuple(reversed([s.revision for s in scripts.walk_revisions()]))
    assert oldest_first == SCHEMA_REVISIONS
    assert scripts.get_current_head() == HEAD_REVISION


def test_reopening_keeps_the_data(db_url: str) -> None:
    first = LedgerService.open(db_url)
    try:
        created = first.create_fundraiser(
            title="Reopen me", organization_id="croix-rouge-francaise", goal="100", currency="EUR"
        )
    finally:
        first.close()
    again = LedgerService.open(db_url)
    try:
        assert [c.title for c in again.campaigns()] == ["Reopen me"]
        assert again.campaign(created.id).goal_minor == 10_000
        assert again.db.schema_version() == HEAD_REVISION
    finally:
        again.close()


def test_sqlite_pragmas_promise_durability(tmp_path) -> None:
    db = open_database(str(tmp_path / "pragmas.db"))
    try:
        for engine in (db.writer, db.reader):
            with engine.connect() as conn:
                assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
                assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
                assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
                assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    finally:
        db.close()


def test_plain_path_and_sqlite_url_open_the_same_file(tmp_path) -> None:
    path = tmp_path / "same.db"
    first = LedgerService.open(str(path))
    try:
        first.create_fundraiser(
            title="One file", organization_id="croix-rouge-francaise", goal="100", currency="EUR"
        )
    finally:
        first.close()
    by_url = LedgerService.open(f"sqlite:///{path}")
    try:
        assert [c.title for c in by_url.campaigns()] == ["One file"]
    finally:
        by_url.close()


def test_databases_opened_from_several_threads_are_each_migrated(tmp_path) -> None:
    # Regression: Alembic's op/context proxies are process-wide; two migrations at once ran on
    # each other's ("no such table: main.donations", "'NoneType' object has no attribute 'f'").
    from concurrent.futures import ThreadPoolExecutor

    def open_one(number: int) -> str | None:
        db = open_database(str(tmp_path / f"{number}.db"))
        try:
            return db.schema_version()
        finally:
            db.close()

    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(open_one, range(8))) == [HEAD_REVISION] * 8
