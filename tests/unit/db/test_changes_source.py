"""Every write of the package records a change: each function that opens a write transaction
(`writer.begin()`) calls record_change (or insert_change, the donation batch's folded form),
or is named here with the reason it changes nothing a seat shows."""

from __future__ import annotations

import ast
from pathlib import Path

import livegiving_desktop

PACKAGE = Path(livegiving_desktop.__file__).parent

# Writes that change nothing a seat shows.
NOT_CHANGES = {
    # The per-donor aggregate catches up with donations already announced (totals unchanged).
    ("db/ledger.py", "catch_up_donor_stats"),
    # Presence: a heartbeat every few seconds; seats read the roster, it is not a change.
    ("db/seats.py", "beat"),
    ("db/seats.py", "leave"),
    ("db/seats.py", "prune"),
    # The team: roles of the server, no campaign's record (each writes an audit row).
    ("db/team.py", "init"),
    ("db/team.py", "add"),
    ("db/team.py", "set_role"),
    ("db/team.py", "remove"),
}


def _writers() -> list[tuple[str, str, bool]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef):
                continue
            source = ast.unparse(node)
            if "writer.begin()" not in source:
                continue
            records = "record_change(" in source or "insert_change(" in source
            found.append((path.relative_to(PACKAGE).as_posix(), node.name, records))
    return found


def test_the_write_functions_are_found() -> None:
    names = {(f, n) for f, n, _ in _writers()}
    assert {("db/ledger.py", "insert_batch"), ("db/moderation.py", "set_privacy"),
            ("db/tickets.py", "sell"), ("db/stories.py", "share_frame")} <= names  # fmt: skip


def test_every_write_records_a_change() -> None:
    silent = [(f, n) for f, n, records in _writers() if not records and (f, n) not in NOT_CHANGES]
    assert silent == []
