"""Shared fixtures: a database per test (SQLite always, PostgreSQL when configured), a ledger
service on it, and an isolated user data directory so no test touches the real one."""

from __future__ import annotations

import contextlib
import gc
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, settings

from helpers.databases import PG_ENV, close_pg_server, pg_database

if TYPE_CHECKING:
    from helpers.team import TeamDatabase
    from livegiving_desktop.services.ledger import LedgerService

# The GUI tests need no display; set before any QApplication exists.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The app's ingestion workers run at the tests' own priority: a step below (the app's default,
# tests/unit/services/test_worker.py checks it) they would get a fraction of a core beside three
# pytest processes and their windows, and the tests waiting for them would only wait longer.
os.environ.setdefault("LIVEGIVING_WORKER_NICE", "0")

settings.register_profile(
    "livegiving",
    deadline=None,
    max_examples=60,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("livegiving")


def pytest_addoption(parser: pytest.Parser) -> None:
    # The package's pytest plugin may already offer it (ValueError: option already added).
    with contextlib.suppress(ValueError):
        parser.addoption(
            "--run-slow", action="store_true", default=False, help="run tests marked slow"
        )
    parser.addoption(
        "--crash-kills",
        type=int,
        default=None,
        metavar="N",
        help="SIGKILLs of the crash loop (tests/cli/test_crash_loop.py; default 10, "
        "120 with --run-slow)",
    )
    parser.addoption(
        "--crash-seed",
        type=int,
        default=None,
        metavar="N",
        help="seed of the crash loop's kill moments (default: a new one each run, shown in "
        "every failure)",
    )


def pytest_collection_finish(session: pytest.Session) -> None:
    """What collecting imported (Qt, SQLAlchemy, hypothesis, the app, every test module) lives
    as long as this process: out of the garbage collector's sight, as the app's window puts
    what it imported at ready. Each full collection walked it all again (3.9 to 7.5 s of
    each pytest process's CPU)."""
    gc.collect()
    gc.freeze()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--run-slow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --run-slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def user_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Every test gets its own user data directory; LIVEGIVING_DB never leaks in."""
    folder = tmp_path_factory.mktemp("user-data")
    # A window's OBS overlay server listens on any free port here: 7580 may be taken.
    (folder / "settings.ini").write_text("[overlays]\nport=0\n", encoding="utf-8")
    monkeypatch.setenv("LIVEGIVING_DATA_DIR", str(folder))
    monkeypatch.delenv("LIVEGIVING_DB", raising=False)
    return folder


@pytest.fixture(scope="session", autouse=True)
def _pg_template_dropped() -> Iterator[None]:
    """This process's PostgreSQL template database dropped at the end (each test's own
    database is dropped after it)."""
    yield
    close_pg_server()


# The fixtures that open the test's database first thing, migrating it to head: a test using
# one gets a database already migrated (a copy), the same as it would see after the opening.
MIGRATING_FIXTURES = frozenset({"service", "proxied"})


@pytest.fixture(
    params=[
        "sqlite",
        pytest.param(
            "postgresql",
            marks=pytest.mark.skipif(
                not os.environ.get(PG_ENV), reason=f"set {PG_ENV} to run on PostgreSQL"
            ),
        ),
    ]
)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database URL: a new SQLite file (a plain path), or a new PostgreSQL database of this
    test alone, dropped after it. Empty, but for a test that opens it at once (`service`):
    migrated to head then, a copy of one migrated once."""
    migrated = not MIGRATING_FIXTURES.isdisjoint(request.fixturenames)
    if request.param == "sqlite":
        path = tmp_path / "ledger.db"
        if migrated:  # the plugin's (livegiving_desktop.testing)
            shutil.copy(request.getfixturevalue("livegiving_migrated_ledger"), path)
        yield str(path)
        return
    with pg_database(migrated=migrated) as url:
        yield url


@pytest.fixture
def service(db_url: str) -> Iterator[LedgerService]:
    """A LedgerService on the test's database, closed after the test."""
    from livegiving_desktop.services.ledger import LedgerService

    opened = LedgerService.open(db_url)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def team_db() -> Iterator[TeamDatabase]:
    """A PostgreSQL database of this test with a team (`team init` done); its roles and logins
    are dropped afterwards. Skipped without LIVEGIVING_TEST_PG_URL: SQLite is a single desk."""
    if not os.environ.get(PG_ENV):
        pytest.skip(f"team roles are PostgreSQL's: set {PG_ENV} to run")
    from helpers.team import team_database

    with team_database() as team:
        yield team
