"""A damaged SQLite ledger: check it, and save what can still be read into a new file.

Neither ever writes to the damaged file: it is opened read-only (immutable when no `-wal` file
exists beside it, so not even a `-shm` file appears). Recovery uses SQLite's own `.recover`
command when the `sqlite3` shell on this machine can run it (it needs the `sqlite_dbpage`
table, which many builds leave out), else copies table by table through the `sqlite3` module,
skipping over the rows it cannot read. Either way the result is written as `.NEW.part` and
renamed to NEW only once it passes SQLite's integrity check.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger("livegiving.db.recovery")

_RESUME_TRIES = 64  # how many times a table's copy jumps over rows it cannot read
_SHELL_TIMEOUT_S = 600


@dataclass(frozen=True)
class CheckReport:
    path: Path
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class RecoveryReport:
    out: Path
    method: str  # "sqlite3 .recover" or "table copy"
    rows: dict[str, int] = field(default_factory=dict)
    unreadable: list[str] = field(default_factory=list)  # tables (or parts) left behind


def read_only_uri(path: Path) -> str:
    wal = path.with_name(path.name + "-wal")
    return f"{path.absolute().as_uri()}?mode=ro" + ("" if wal.exists() else "&immutable=1")


def quick_check_problems(conn: sqlite3.Connection, pragma: str = "quick_check") -> tuple[str, ...]:
    """What SQLite's quick_check (or integrity_check) reports; empty when the file is sound."""
    lines: list[str] = []
    for (row,) in conn.execute(f"PRAGMA {pragma}"):
        lines.extend(
            part for part in str(row).splitlines() if part and not part.startswith("*** in ")
        )
    return () if lines == ["ok"] else tuple(lines)


def check(path: Path) -> CheckReport:
    """SQLite's full integrity check, read-only."""
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            return CheckReport(path, quick_check_problems(conn, "integrity_check"))
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return CheckReport(path, (str(exc),))


def recover(source: Path, out: Path) -> RecoveryReport:
    """Save what can be read of `source` into the new file `out` (which must not exist)."""
    part = out.with_name(f".{out.name}.part")
    with contextlib.suppress(FileNotFoundError):
        os.unlink(part)  # a leftover of an interrupted recovery (never followed if a link)
    try:
        report = _with_shell(source, part) or _by_table_copy(source, part)
        report.out = out
        sound = check(part)
        if not sound.ok:
            raise sqlite3.DatabaseError("the recovered copy fails its own check")
        os.link(part, out)  # never replaces a file that appeared meanwhile
    finally:
        for suffix in ("", "-journal", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                os.unlink(f"{part}{suffix}")
    return report


def _with_shell(source: Path, part: Path) -> RecoveryReport | None:
    shell = shutil.which("sqlite3")
    if shell is None:
        return None
    try:
        dump = subprocess.run(
            [shell, "-readonly", read_only_uri(source), ".recover"],
            capture_output=True, timeout=_SHELL_TIMEOUT_S, check=False,
        )  # fmt: skip
    except (OSError, subprocess.TimeoutExpired) as exc:
        log.info("sqlite3 .recover unavailable: %s", exc)
        return None
    if dump.returncode != 0 or dump.stderr.strip() or b"COMMIT" not in dump.stdout:
        log.info("sqlite3 .recover failed: %s", dump.stderr[:500])
        return None
    try:
        conn = sqlite3.connect(part)
        try:
            conn.executescript(dump.stdout.decode("utf-8", "surrogateescape"))
            rows = _row_counts(conn)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        log.info("sqlite3 .recover output did not load: %s", exc)
        with contextlib.suppress(OSError):
            os.unlink(part)
        return None
    return RecoveryReport(part, "sqlite3 .recover", rows)


def _row_counts(conn: sqlite3.Connection) -> dict[str, int]:
    names = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'lost_and_found%' ORDER BY name"
        )
    ]
    return {n: conn.execute(f'SELECT count(*) FROM "{_ident(n)}"').fetchone()[0] for n in names}


def _ident(name: str) -> str:
    return name.replace('"', '""')


def _by_table_copy(source: Path, part: Path) -> RecoveryReport:
    report = RecoveryReport(part, "table copy")
    src = sqlite3.connect(read_only_uri(source), uri=True)
    dst = sqlite3.connect(part, isolation_level=None)
    try:
        schema = src.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL "
            "AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
        dst.execute("PRAGMA foreign_keys = OFF")
        dst.execute("BEGIN")
        tables = [(name, sql) for kind, name, sql in schema if kind == "table"]
        for _name, sql in tables:
            dst.execute(sql)
        for name, _ in tables:
            report.rows[name] = _copy_rows(src, dst, name, report)
        with contextlib.suppress(sqlite3.Error):
            seq = src.execute("SELECT name, seq FROM sqlite_sequence").fetchall()
            dst.executemany("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", seq)
        for kind, name, sql in schema:
            if kind == "table":
                continue
            try:
                dst.execute(sql)
            except sqlite3.Error as exc:  # a unique index the salvaged rows break
                report.unreadable.append(f"{kind} {name}: {exc}")
        dst.execute("COMMIT")
    finally:
        src.close()
        dst.close()
    return report


def _copy_rows(
    src: sqlite3.Connection, dst: sqlite3.Connection, table: str, report: RecoveryReport
) -> int:
    quoted = f'"{_ident(table)}"'
    try:
        columns = [r[1] for r in src.execute(f"PRAGMA table_info({quoted})")]
    except sqlite3.Error as exc:
        report.unreadable.append(f"table {table}: {exc}")
        return 0
    names = ", ".join(f'"{_ident(c)}"' for c in columns)
    insert = f"INSERT OR IGNORE INTO {quoted} (rowid, {names}) VALUES ({', '.join('?' * (len(columns) + 1))})"  # noqa: E501
    copied, last = 0, None
    for _ in range(_RESUME_TRIES):
        query = f"SELECT rowid, {names} FROM {quoted}"
        params: tuple[int, ...] = ()
        if last is not None:
            query += " WHERE rowid > ?"
            params = (last,)
        try:
            for row in src.execute(query + " ORDER BY rowid", params):
                dst.execute(insert, row)
                copied += 1
                last = row[0]
            return copied
        except sqlite3.DatabaseError as exc:
            report.unreadable.append(f"table {table} after row {last}: {exc}")
            last = (last or 0) + 1  # jump over the row that could not be read
    return copied
