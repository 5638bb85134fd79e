"""Every refusal of the command line: exit status 2, the field named on stderr, no traceback,
and nothing written. The cases run concurrently, each on its own copy of a prepared ledger."""

from __future__ import annotations

import os
import shutil
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from helpers.cli import CliResult, run_cli
from helpers.files import make_read_only, make_writable
from helpers.ledger import PREPARED_FUNDRAISER
from livegiving_desktop.services.ledger import LedgerService

CAMPAIGN = str(PREPARED_FUNDRAISER)


@dataclass(frozen=True)
class Refusal:
    id: str
    args: tuple[str, ...]
    mentions: tuple[str, ...]  # what stderr must say: the field, and the reason where useful
    # "prepared": a copy of the prepared ledger, which must keep its bytes and its rows;
    # "missing": no database yet, and the refusal must not create one;
    # "text" / "newer" / "truncated" / "readonly": a file that is not ours to change, which
    # must keep its bytes, its modification time and its folder as they were;
    # "missing-folder": a --db in a folder that does not exist, which must not be created;
    # "folder": a --db that is a folder, which must stay empty.
    db: str = "prepared"
    marks: tuple[pytest.MarkDecorator, ...] = field(default=())


def donate(amount: str = "10", donor: str = "Alice", *extra: str) -> tuple[str, ...]:
    return ("donate", "--campaign", CAMPAIGN, "--amount", amount, "--donor", donor, *extra)


def create(kind: str, options: dict[str, str], **changes: str | None) -> tuple[str, ...]:
    merged = {**options, **{f"--{k.replace('_', '-')}": v for k, v in changes.items()}}
    pairs = [(k, v) for k, v in merged.items() if v is not None]
    return ("campaigns", "create", "--kind", kind, *(x for pair in pairs for x in pair))


def create_fundraiser(**changes: str | None) -> tuple[str, ...]:
    options = {"--title": "T", "--organization": "croix-rouge-francaise", "--goal": "100",
               "--currency": "EUR"}  # fmt: skip
    return create("fundraiser", options, **changes)


def create_event(**changes: str | None) -> tuple[str, ...]:
    options = {"--title": "T", "--category": "talk", "--price": "10", "--currency": "EUR"}
    return create("paid-event", options, **changes)


def simulate(*extra: str) -> tuple[str, ...]:
    return ("simulate", "--campaign", CAMPAIGN, *extra)


AMOUNTS = {
    "comma": "12,50", "exponent": "1e3", "nan": "NaN", "inf": "inf", "negative": "-5",
    "zero": "0", "empty": "", "three-decimals": "12.505",
}  # fmt: skip

REFUSALS = [
    *(Refusal(f"amount-{name}", donate(amount), ("amount",)) for name, amount in AMOUNTS.items()),
    Refusal("donor-empty", donate(donor=""), ("donor name", "empty")),
    Refusal("donor-101-chars", donate("10", "x" * 101), ("donor name", "101")),
    # A Latin-1 terminal: the argument bytes are b"Caf\xe9", not UTF-8.
    Refusal("donor-not-utf8", donate("10", "Caf\udce9"), ("--donor", "not UTF-8")),
    Refusal(
        "title-not-utf8",
        create_fundraiser(title="Caf\udce9"),
        ("title",),
        "missing",
    ),
    # Every other text option too: refused naming it, before the ledger is opened (a refund's
    # reason once reached the database and failed there, "unexpected error").
    Refusal(
        "refund-reason-not-utf8",
        (
            "moderate",
            "refund",
            "--campaign",
            CAMPAIGN,
            "--donation",
            "1",
            "--reason",
            "Fraude \udce9",
        ),
        ("--reason", "not UTF-8"),
    ),
    Refusal(
        "hide-moderator-not-utf8",
        ("moderate", "hide", "--campaign", CAMPAIGN, "--donation", "1", "--moderator", "Al\udce9"),
        ("--moderator", "not UTF-8"),
    ),
    Refusal("message-501-chars", donate("10", "A", "--message", "m" * 501), ("message", "501")),
    Refusal(
        "donate-unknown-campaign",
        ("donate", "--campaign", "999", "--amount", "10", "--donor", "A"),
        ("campaign", "999"),
    ),
    Refusal(
        "fundraiser-unknown-organization",
        create_fundraiser(organization="no-such-charity"),
        ("organization", "no-such-charity"),
        "missing",
    ),
    Refusal(
        "fundraiser-bad-currency",
        create_fundraiser(currency="EURO"),
        ("currency", "EURO"),
        "missing",
    ),
    Refusal("fundraiser-missing-goal", create_fundraiser(goal=None), ("--goal",), "missing"),
    Refusal("event-bad-category", create_event(category="wrestling"), ("category",), "missing"),
    Refusal(
        "event-capacity-superscript",
        create_event(capacity="²"),
        ("capacity",),
        "missing",
    ),
    Refusal(
        "simulate-duplicates-1.5",
        simulate("--count", "10", "--duplicates", "1.5"),
        ("--duplicates",),
    ),
    Refusal("simulate-count-zero", simulate("--count", "0"), ("--count",)),
    Refusal(
        "export-unknown-campaign",
        ("export", "--campaign", "999", "--format", "csv"),
        ("campaign", "999"),
    ),
    Refusal(
        "export-missing-folder",
        ("export", "--campaign", CAMPAIGN, "--format", "csv", "-o", "/nonexistent-folder/x.csv"),
        ("-o", "does not exist"),
    ),
    Refusal("db-text-file", ("campaigns", "list"), ("not a LiveGiving database",), "text"),
    Refusal("db-newer-schema", donate(), ("newer",), "newer"),
    Refusal("db-truncated", ("campaigns", "list"), ("damaged", "not changed"), "truncated"),
    Refusal("db-truncated-donate", donate(), ("damaged",), "truncated"),
    Refusal("db-read-only", donate(), ("read-only",), "readonly"),
    Refusal("db-missing-folder", ("campaigns", "list"), ("does not exist",), "missing-folder"),
    Refusal("db-is-a-folder", simulate("--count", "10"), ("is a folder",), "folder"),
]


def ledger_state(path: Path) -> tuple[object, ...]:
    """What a user could see of the ledger: campaigns, totals and every donation."""
    service = LedgerService.open(str(path))
    try:
        campaigns = service.campaigns()
        donations = [tuple(d) for c in campaigns for d in service.iter_donations(c.id)]
        summary = [(c.id, c.kind, c.title, c.status, c.total_minor, c.donation_count)
                   for c in campaigns]  # fmt: skip
    finally:
        service.close()
    return tuple(summary), tuple(donations)


@dataclass
class Outcome:
    result: CliResult
    db: Path
    bytes_before: bytes | None
    mtime_before: int | None = None
    folder_before: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def outcomes(prepared_ledger: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Outcome]:
    """Run every refusal once, concurrently (each start of the CLI costs ~0.6 s of CPU)."""
    root = tmp_path_factory.mktemp("refusals")
    jobs: dict[str, tuple[tuple[str, ...], Path, Path]] = {}
    read_only: list[Path] = []
    outcomes: dict[str, Outcome] = {}
    for case in REFUSALS:
        folder = root / case.id
        folder.mkdir()
        db = folder / "ledger.db"
        if case.db in ("prepared", "truncated", "readonly"):
            shutil.copyfile(prepared_ledger, db)
        elif case.db == "text":
            db = folder / "notes.txt"
            db.write_bytes(b"hello")
        elif case.db == "newer":
            shutil.copyfile(prepared_ledger, db)
            conn = sqlite3.connect(db)
            with conn:
                conn.execute("UPDATE alembic_version SET version_num = '9999'")
            conn.close()
        elif case.db == "missing-folder":
            db = folder / "no-such-folder" / "ledger.db"
        elif case.db == "folder":
            db = folder / "ledger-folder"
            db.mkdir()
        if case.db == "truncated":
            with db.open("r+b") as fh:
                fh.truncate(db.stat().st_size // 2)
        if case.db == "readonly":
            if not make_read_only(db):
                continue  # root without chattr: the case is skipped below
            read_only.append(db)
        data = root / "user-data" / case.id  # apart: the database's folder must not change
        outcomes[case.id] = Outcome(
            CliResult(-1, "", ""),
            db,
            db.read_bytes() if db.is_file() else None,
            db.stat().st_mtime_ns if db.is_file() else None,
            sorted(p.name for p in (db.parent.iterdir() if db.parent.exists() else ())),
        )
        jobs[case.id] = (case.args, db, data)

    def run(case_id: str) -> CliResult:
        args, db, data = jobs[case_id]
        return run_cli(*args, data_dir=data, db=db)

    try:
        with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
            for case_id, result in zip(jobs, pool.map(run, jobs), strict=True):
                outcomes[case_id].result = result
    finally:
        for path in read_only:
            make_writable(path)  # the temporary folders must stay removable
    return outcomes


@pytest.fixture(scope="module")
def prepared_state(prepared_ledger: Path) -> tuple[object, ...]:
    return ledger_state(prepared_ledger)


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id, marks=c.marks) for c in REFUSALS])
def test_refusal(
    case: Refusal, outcomes: dict[str, Outcome], prepared_state: tuple[object, ...]
) -> None:
    if case.id not in outcomes:
        pytest.skip("cannot make a file read-only here (root without chattr)")
    outcome = outcomes[case.id]
    result = outcome.result
    assert result.code == 2, (result.code, result.stderr)
    assert "Traceback" not in result.stderr
    for text in case.mentions:
        assert text in result.stderr, result.stderr
    assert result.stdout == ""
    if case.db == "missing":
        assert not outcome.db.exists(), "bad input must not even create the database"
        return
    if case.db == "missing-folder":
        assert not outcome.db.parent.exists(), "the folder must not be created"
        return
    if case.db == "folder":
        assert list(outcome.db.iterdir()) == []
        return
    assert outcome.db.read_bytes() == outcome.bytes_before, "the database file was changed"
    if case.db != "prepared":
        assert outcome.db.stat().st_mtime_ns == outcome.mtime_before
        assert sorted(p.name for p in outcome.db.parent.iterdir()) == outcome.folder_before
    else:
        assert ledger_state(outcome.db) == prepared_state


def test_a_database_path_that_is_not_utf8_is_refused_and_not_created(tmp_path: Path) -> None:
    # A Latin-1 terminal's "café.sqlite": the ledger's name is shown, logged and kept by seats
    # as text, so it is refused in words rather than failing later.
    target = tmp_path / "caf\udce9.sqlite"
    result = run_cli("campaigns", "list", data_dir=tmp_path / "data", db=target)
    assert result.code == 2, result.stderr
    assert "--db" in result.stderr and "not UTF-8" in result.stderr
    assert "Traceback" not in result.stderr and "unexpected" not in result.stderr
    assert not any(p.name.startswith("caf") for p in tmp_path.iterdir())
