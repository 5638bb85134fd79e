"""No code path of the package updates or deletes an audit row: the only statement on
audit_log outside the migrations is the INSERT of db/audit.py append_audit. (The triggers of
migration 0002 refuse UPDATE and DELETE as well: tests/unit/services/test_refunds.py.)"""

from __future__ import annotations

import re
from pathlib import Path

import livegiving_desktop

PACKAGE = Path(livegiving_desktop.__file__).parent
FORBIDDEN = [
    re.compile(r"update\(\s*(audit_log|AuditEntry)", re.IGNORECASE),
    re.compile(r"delete\(\s*(audit_log|AuditEntry)", re.IGNORECASE),
    re.compile(r"(audit_log|AuditEntry)(\.__table__)?\.(update|delete)\(", re.IGNORECASE),
    re.compile(r"UPDATE\s+audit_log", re.IGNORECASE),
    re.compile(r"DELETE\s+FROM\s+audit_log", re.IGNORECASE),
    re.compile(r"TRUNCATE\s+(TABLE\s+)?audit_log", re.IGNORECASE),
    re.compile(r"DROP\s+TABLE\s+(IF\s+EXISTS\s+)?audit_log", re.IGNORECASE),
]


def _sources() -> list[Path]:
    return [p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts]


def test_the_package_source_is_scanned() -> None:
    names = {p.name for p in _sources()}
    assert {"audit.py", "moderation.py", "ledger.py"} <= names


def test_no_code_path_updates_or_deletes_an_audit_row() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)}:{text[: m.start()].count(chr(10)) + 1}: {m.group(0)}"
        for path in _sources()
        for text in [path.read_text(encoding="utf-8")]
        for pattern in FORBIDDEN
        for m in pattern.finditer(text)
    ]
    assert offenders == []


def test_the_scan_would_catch_an_offender() -> None:
    samples = ["conn.execute(update(audit_log).values(reason='x'))",
               "delete(AuditEntry)", "audit_log.delete()", "DELETE FROM audit_log WHERE 1",
               "update audit_log set reason = ''"]  # fmt: skip
    for sample in samples:
        assert any(p.search(sample) for p in FORBIDDEN), sample


def test_audit_log_is_written_only_by_append_audit() -> None:
    writers = [
        path.relative_to(PACKAGE).as_posix()
        for path in _sources()
        if re.search(r"insert\(\s*audit_log|audit_log\.insert\(", path.read_text(encoding="utf-8"))
    ]
    assert writers == ["db/audit.py"]
