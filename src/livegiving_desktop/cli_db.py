"""`livegiving db check` and `livegiving db recover --out NEW`: a damaged SQLite ledger.

Kept apart from cli.py, which registers the parser and dispatches here. Neither command opens
the ledger for writing: `check` reads it read-only, `recover` writes only the new file.
Exit status: `check` 0 when the file is sound, 1 when SQLite finds it damaged; `recover` 0
once the new file is written; 2 bad input (not a SQLite file, NEW exists; nothing written).
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from pathlib import Path

from livegiving_desktop.core.errors import ValidationError
from livegiving_desktop.services import config

SubParsers = argparse._SubParsersAction


def add_parser(sub: SubParsers, db: argparse.ArgumentParser) -> None:
    """`livegiving db check|recover`."""
    cmd = sub.add_parser("db", parents=[db], help="check or recover a damaged SQLite ledger")
    d_sub = cmd.add_subparsers(dest="action", required=True, parser_class=type(db))
    d_sub.add_parser("check", parents=[db], help="SQLite's integrity check, read-only")
    rec = d_sub.add_parser(
        "recover", parents=[db], help="save what can be read into a new file (never the old one)"
    )
    rec.add_argument("--out", required=True, metavar="NEW", help="the new file (must not exist)")


def _source(args: argparse.Namespace) -> Path:
    from livegiving_desktop.db.engine import SQLITE_HEADER, sqlite_path, to_url

    given = getattr(args, "db", None)
    url = to_url(config.default_database() if given is None else given)
    path = sqlite_path(url)
    if path is None:
        raise ValidationError("--db", "db check and db recover work on a SQLite file")
    if not path.is_file():
        raise ValidationError("--db", f"{path} is not a file")
    with path.open("rb") as fh:
        if fh.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise ValidationError("--db", f"{path} is not an SQLite file")
    return path


def cmd_db(args: argparse.Namespace) -> int:
    from livegiving_desktop.db import recovery
    from livegiving_desktop.db.engine import to_url
    from livegiving_desktop.services.files import check_target, ledger_files

    source = _source(args)
    if args.action == "check":
        report = recovery.check(source)
        if report.ok:
            print(f"{source}: no damage found", file=sys.stderr)
            sys.stdout.write("ok\n")
            return 0
        for line in report.problems:
            sys.stdout.write(line + "\n")
        print(
            f"{source} is damaged ({len(report.problems)} problems). Save what can be read with "
            f"`livegiving --db {source} db recover --out NEW.db`.",
            file=sys.stderr,
        )
        return 1
    out = Path(args.out).expanduser().absolute()
    if out.exists() or out.is_symlink():
        raise ValidationError("--out", f"{out} already exists; recovery writes a new file")
    check_target(out, protected=ledger_files(to_url(str(source))), overwrite=False, field="--out")
    try:
        report2 = recovery.recover(source, out)
    except sqlite3.DatabaseError as exc:
        print(f"livegiving: nothing could be recovered from {source}: {exc}", file=sys.stderr)
        return 1
    total = sum(report2.rows.values())
    print(
        f"{total} rows of {len(report2.rows)} tables saved to {out} ({report2.method}); "
        f"{source} was not changed. Open the new file with `livegiving --db {out}`.",
        file=sys.stderr,
    )
    for note in report2.unreadable:
        print(f"not recovered: {note}", file=sys.stderr)
    summary = {"out": str(out), "method": report2.method, "rows": report2.rows,
               "unreadable": report2.unreadable}  # fmt: skip
    sys.stdout.write(json.dumps(summary) + "\n")
    return 0
