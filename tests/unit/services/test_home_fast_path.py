"""The home list read from the SQLite file with sqlite3 alone (issue 19's fast path) lists,
filters and sorts exactly as the full path through SQLAlchemy, and steps aside (None) for
every file that the full path must open itself: to create, migrate or refuse it."""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import astuple
from pathlib import Path

import pytest

from helpers.ledger import DEMO_ORG, valid
from livegiving_desktop.core.campaigns import HomeSort
from livegiving_desktop.core.organizations import bundled_catalog
from livegiving_desktop.core.records import Actor, ActorRole, CampaignRecord
from livegiving_desktop.db import home_list
from livegiving_desktop.services.home import quick_all_campaigns, quick_home_campaigns
from livegiving_desktop.services.ledger import LedgerService

pytestmark = pytest.mark.db

ANA = Actor("Ana", ActorRole.CREATOR)
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "schema"

# Every query the home page can ask: each sort, with and without archived campaigns, and
# searches (accents and case ignored, a nonprofit's name, LIKE's wildcards as text).
QUERIES = [
    {"sort": sort.value, "include_archived": archived, "search": search}
    for sort in HomeSort
    for archived in (False, True)
    for search in ("", "noel", "ÉCRIRE", "croix-rouge", "amnesty", "100%_", "zoo")
]


@pytest.fixture
def filled(service: LedgerService) -> LedgerService:
    """Fundraisers in three currencies (exponents 2 and 0), a paid event with a ticket
    revenue of zero, a draft; donations, a refund that changes the order by total, an
    archived campaign."""
    noel = service.create_fundraiser(title="Noël solidaire", organization_id=DEMO_ORG,
                                     goal="5000", currency="EUR")  # fmt: skip
    zoo = service.create_fundraiser(title="zoo de Vincennes", organization_id="wwf-france",
                                    goal="100000", currency="JPY")  # fmt: skip
    amnesty = service.create_fundraiser(title="Écrire pour les droits",
                                        organization_id="amnesty-international", goal="900",
                                        currency="GBP")  # fmt: skip
    service.create_paid_event(title="Jazz", category="performance", price="10", currency="EUR")
    service.create_fundraiser(title="100 % solidaire", organization_id=DEMO_ORG, goal="10",
                              currency="EUR")  # fmt: skip
    service.go_live(zoo.id)
    service.store.insert_batch(zoo.id, [valid("z", "Z", 90_000)])  # 90,000 JPY
    service.go_live(noel.id)
    service.store.insert_batch(noel.id, [valid("n1", "N", 30_000), valid("n2", "M", 25_000)])
    service.go_live(amnesty.id)
    service.store.insert_batch(amnesty.id, [valid("a", "A", 20_000)])  # 200.00 GBP
    service.end_broadcast(amnesty.id)
    # 550.00 EUR ranked above 200.00 GBP; refunded to 250.00 EUR, still above; the other one
    # too, and it falls below.
    biggest = service.recent_donations(noel.id)
    for donation in biggest:
        service.refund_donation(donation.id, "asked by the donor", ANA)
    service.archive(amnesty.id, ANA)
    return service


def _ids(campaigns: list[CampaignRecord] | None) -> list[int]:
    assert campaigns is not None
    return [c.id for c in campaigns]


def test_the_full_path_lists_as_expected(filled: LedgerService) -> None:
    """On SQLite and on PostgreSQL (LIVEGIVING_TEST_PG_URL): the refunds counted, the order
    by total across currencies, archived campaigns only when asked."""
    home = filled.home_campaigns
    by_total = home(sort="total", include_archived=True)
    assert [c.title for c in by_total][:2] == ["zoo de Vincennes", "Écrire pour les droits"]
    noel = next(c for c in by_total if c.title == "Noël solidaire")
    assert noel.total_minor == 0 and noel.donation_count == 0  # both refunded
    assert "Écrire pour les droits" not in [c.title for c in home()]
    assert [c.title for c in home(search="noel")] == ["Noël solidaire"]
    assert home(search="100%") == []  # "%" is text, not a wildcard: "100 %" has a space
    assert [c.title for c in home(search="100 %")] == ["100 % solidaire"]


def test_the_fast_path_lists_as_the_full_path(filled: LedgerService, db_url: str) -> None:
    if "://" in db_url:
        assert quick_home_campaigns(db_url, filled.catalog) is None  # PostgreSQL: the full way
        assert quick_all_campaigns(db_url) is None
        return
    for query in QUERIES:
        full = filled.home_campaigns(**query)
        quick = quick_home_campaigns(db_url, filled.catalog, **query)
        assert quick == full, query  # the same records, every field, in the same order
        for fast_one, full_one in zip(quick, full, strict=True):  # True, not 1: same types
            assert [type(v) for v in astuple(fast_one)] == [type(v) for v in astuple(full_one)]
    assert quick_all_campaigns(db_url) == filled.campaigns()  # `campaigns list`
    for record in [*filled.home_campaigns(), *(quick_all_campaigns(db_url) or [])]:
        flags = (record.is_demo, record.allow_anonymous, record.online_only)
        assert all(type(flag) is bool for flag in flags)  # never SQLite's 0 and 1
    assert len(filled.campaigns()) == 5
    assert [c.title for c in quick_home_campaigns(db_url, filled.catalog, search="noël") or []] \
        == ["Noël solidaire"]  # fmt: skip


def test_the_fast_path_sees_each_commit(service: LedgerService, db_url: str) -> None:
    if "://" in db_url:
        pytest.skip("SQLite only")
    assert quick_all_campaigns(db_url) == []
    made = service.create_fundraiser(title="Nuit", organization_id=DEMO_ORG, goal="10",
                                     currency="EUR")  # fmt: skip
    service.go_live(made.id)
    service.store.insert_batch(made.id, [valid("x", "X", 1_250)])
    listed = quick_all_campaigns(db_url)
    assert listed is not None and listed[0].total_minor == 1_250
    assert listed == service.campaigns()


def _made(tmp_path: Path) -> Path:
    path = tmp_path / "ledger.db"
    opened = LedgerService.open(str(path))
    try:
        opened.create_fundraiser(title="Nuit", organization_id=DEMO_ORG, goal="10",
                                 currency="EUR")  # fmt: skip
    finally:
        opened.close()
    return path


def test_a_sound_file_at_the_current_schema_is_read(tmp_path: Path) -> None:
    path = _made(tmp_path)
    assert [c.title for c in quick_all_campaigns(str(path)) or []] == ["Nuit"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ledger.db"]  # nothing left beside


def test_every_other_database_is_left_to_the_full_path(tmp_path: Path) -> None:
    path = _made(tmp_path)
    assert quick_all_campaigns(str(tmp_path / "missing.db")) is None  # to be created
    assert quick_all_campaigns(f"sqlite:///{path}") is None  # a URL: the full way
    assert quick_all_campaigns(str(tmp_path)) is None  # a folder
    older = tmp_path / "0005.db"
    shutil.copy(FIXTURES / "0005.sqlite", older)
    assert quick_all_campaigns(str(older)) is None  # to be migrated
    newer = tmp_path / "newer.db"
    shutil.copy(path, newer)
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    assert quick_all_campaigns(str(newer)) is None  # refused by the full path, in words
    foreign = tmp_path / "foreign.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
    conn.close()
    assert quick_all_campaigns(str(foreign)) is None
    text = tmp_path / "notes.db"
    text.write_text("shopping list\n", encoding="utf-8")
    assert quick_all_campaigns(str(text)) is None
    truncated = tmp_path / "truncated.db"
    data = path.read_bytes()
    truncated.write_bytes(data[: len(data) // 2])
    assert quick_all_campaigns(str(truncated)) is None  # damaged: the full path says so
    read_only = tmp_path / "read-only.db"
    shutil.copy(path, read_only)
    os.chmod(read_only, 0o400)
    try:
        if os.access(read_only, os.W_OK):
            pytest.skip("running as a user who may write anyway (root)")
        assert quick_all_campaigns(str(read_only)) is None  # the full path refuses it
    finally:
        os.chmod(read_only, 0o600)


def test_a_file_locked_by_another_program_is_left_to_the_full_path(tmp_path: Path) -> None:
    """Never read past another program's lock (it may be in the middle of writing): the full
    path waits for it, then says that the ledger is in use."""
    path = _made(tmp_path)
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("PRAGMA journal_mode = DELETE")  # another program's own way of locking
        other.execute("BEGIN EXCLUSIVE")
        assert quick_all_campaigns(str(path)) is None
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ledger.db"]


def test_a_writer_on_another_seat_does_not_stop_the_read(tmp_path: Path) -> None:
    """WAL: a transaction open elsewhere neither blocks the list nor shows in it before its
    commit."""
    path = _made(tmp_path)
    writer = sqlite3.connect(path, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE campaigns SET title = 'Uncommitted'")
        assert [c.title for c in quick_all_campaigns(str(path)) or []] == ["Nuit"]
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_quick_check_is_skipped_only_when_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window skips it (its full open checks the file right after); `campaigns list`
    does not, and a file whose quick_check reports a problem is left to the full path."""
    path = _made(tmp_path)
    monkeypatch.setattr(home_list, "quick_check_problems", lambda _conn: ("page 2: damaged",))
    assert quick_all_campaigns(str(path)) is None
    quick = quick_home_campaigns(str(path), bundled_catalog(), check=False)
    assert [c.title for c in quick or []] == ["Nuit"]
