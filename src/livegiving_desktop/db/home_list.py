"""The home list's SQL, written once, and the read-only fast path that runs it with the
standard library's sqlite3 (issue 19: `livegiving campaigns list` and the window's first list
without importing SQLAlchemy, ~0.3 s on its own).

`home_query` builds plain SQL text that runs unchanged on SQLite and PostgreSQL, with named
parameters (`:name`, which both sqlite3 and SQLAlchemy's `text()` take); `campaign_record`
turns one row into a `CampaignRecord`. `CampaignStore.home` and `LedgerStore.list_campaigns`
run them through SQLAlchemy on an opened database, `read_home_file` through sqlite3 on the
file, each with a `Fetch` function; so both paths list, filter and sort the same way.

`read_home_file` only reads a file that the full path (`db/engine.open_database`) would open
as it is: an existing regular SQLite file, writable, at the head schema revision, sound
(`PRAGMA quick_check`). Anything else (a URL of another database, a missing, read-only, older,
newer, foreign or damaged file, a lock, any error) gives None, and the caller opens the
database the full way, which migrates it or says what is wrong. It opens the file through
SQLite alone, read-only: reading it with a plain file descriptor would drop this process's
POSIX locks on it when closed (see `db/engine._OpenFiles`).
"""

from __future__ import annotations

import logging
import os
import sqlite3
import stat
from collections.abc import Callable, Mapping, Sequence
from dataclasses import fields
from pathlib import Path
from typing import Any

from livegiving_desktop.core.campaigns import (
    STATUS_ORDER,
    CampaignKind,
    CampaignStatus,
    HomeSort,
)
from livegiving_desktop.core.records import CampaignRecord
from livegiving_desktop.db.recovery import quick_check_problems, read_only_uri
from livegiving_desktop.db.schema import HEAD_REVISION

log = logging.getLogger("livegiving.db")

# The columns read, in the order of CampaignRecord's fields.
CAMPAIGN_COLUMNS = tuple(f.name for f in fields(CampaignRecord))
_BOOL_COLUMNS = frozenset(f.name for f in fields(CampaignRecord) if f.type in ("bool", bool))
_SELECT = f"SELECT {', '.join(CAMPAIGN_COLUMNS)} FROM campaigns"
_BUSY_S = 0.1  # another program's lock: the full path waits for it, and says so
_NEWEST = "coalesce(started_at_us, created_at_us) DESC, id DESC"
CURRENCIES_SQL = "SELECT DISTINCT currency FROM campaigns"

# Runs one statement with its named parameters; returns its rows (sequences of values).
Fetch = Callable[[str, Mapping[str, Any]], Sequence[Sequence[Any]]]


def campaign_record(row: Mapping[str, Any]) -> CampaignRecord:
    """A campaigns row (column name to value; other columns ignored), from SQLAlchemy or
    sqlite3, as a CampaignRecord: SQLite's 0/1 become booleans, the kind and status enums."""
    named = {name: row[name] for name in CAMPAIGN_COLUMNS}
    for name in _BOOL_COLUMNS:
        named[name] = bool(named[name])
    named["kind"] = CampaignKind(named["kind"])
    named["status"] = CampaignStatus(named["status"])
    return CampaignRecord(**named)


def like_pattern(text: str) -> str:
    """`text` anywhere, with LIKE's wildcards in it taken literally (ESCAPE '\\')."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _scale(currency: str) -> int:
    """Ten-thousandths of a major unit per minor unit, so that 1,000 JPY and 10.00 EUR
    compare by their figures (no exchange rates: a list, not a sum)."""
    from livegiving_desktop.core.money import exponent

    return int(10 ** max(0, 4 - exponent(currency)))


def home_query(
    *,
    search_key: str = "",
    organization_ids: Sequence[str] = (),
    sort: HomeSort = HomeSort.NEWEST,
    include_archived: bool = False,
    currencies: Sequence[str] = (),
) -> tuple[str, dict[str, Any]]:
    """The home list's statement and its parameters: campaigns whose folded title holds
    `search_key` or whose nonprofit is one of `organization_ids` (both empty: every
    campaign), archived ones only when asked for, sorted by `sort`. The sort by total needs
    the campaigns' `currencies` (`CURRENCIES_SQL`)."""
    where: list[str] = []
    params: dict[str, Any] = {}
    if not include_archived:
        where.append("archived_at_us IS NULL")
    if search_key:
        params["title_like"] = like_pattern(search_key)
        matches = ["title_key LIKE :title_like ESCAPE '\\'"]
        if organization_ids:
            names = [f"org_{i}" for i in range(len(organization_ids))]
            params.update(zip(names, organization_ids, strict=True))
            matches.append(f"organization_id IN ({', '.join(':' + n for n in names)})")
        where.append(f"({' OR '.join(matches)})")
    if sort is HomeSort.TITLE:
        order = "title_key, id"
    elif sort is HomeSort.STATUS:
        ranks = " ".join(f"WHEN '{s.value}' THEN {i}" for i, s in enumerate(STATUS_ORDER))
        order = f"CASE status {ranks} ELSE 9 END, {_NEWEST}"
    elif sort is HomeSort.TOTAL:
        scale = "1"
        if currencies:
            whens = []
            for i, currency in enumerate(currencies):
                params[f"cur_{i}"] = currency
                whens.append(f"WHEN :cur_{i} THEN {_scale(currency)}")
            scale = f"CASE currency {' '.join(whens)} ELSE 1 END"
        order = f"(total_minor + revenue_minor) * {scale} DESC, {_NEWEST}"
    else:
        order = _NEWEST
    sql = _SELECT + (f" WHERE {' AND '.join(where)}" if where else "") + f" ORDER BY {order}"
    return sql, params


def read_home(
    fetch: Fetch,
    *,
    search_key: str = "",
    organization_ids: Sequence[str] = (),
    sort: HomeSort = HomeSort.NEWEST,
    include_archived: bool = False,
) -> list[CampaignRecord]:
    """The home list read through `fetch` (see `home_query`)."""
    currencies: list[str] = []
    if sort is HomeSort.TOTAL:
        currencies = sorted(str(row[0]) for row in fetch(CURRENCIES_SQL, {}))
    sql, params = home_query(search_key=search_key, organization_ids=organization_ids,
                             sort=sort, include_archived=include_archived,
                             currencies=currencies)  # fmt: skip
    return [campaign_record(dict(zip(CAMPAIGN_COLUMNS, row, strict=True)))
            for row in fetch(sql, params)]  # fmt: skip


def read_all(fetch: Fetch) -> list[CampaignRecord]:
    """Every campaign, archived ones too, the most recently started or created first."""
    return read_home(fetch, include_archived=True)


def sqlite_file_of(db: str) -> Path | None:
    """The SQLite file that `--db` names when it is a plain path (the full path's `to_url`
    reads it the same way); None for a URL, which the full path handles."""
    if not db.strip() or "://" in db:
        return None
    return Path(db).expanduser().absolute()


def read_home_file(
    db: str, work: Callable[[Fetch], list[CampaignRecord]], *, check: bool = True
) -> list[CampaignRecord] | None:
    """`work` (read_home or read_all) run on the SQLite file `db` through sqlite3; None when
    the file is not one that the full path would open as it is (see the module's docstring):
    the caller then opens it the full way. `check=False` skips `quick_check` (~0.4 s on a
    million donations) for a caller that opens the database the full way right after, which
    checks it and says when it is damaged (the window)."""
    path = sqlite_file_of(db)
    if path is None:
        return None
    try:
        mode = path.stat().st_mode
        if not stat.S_ISREG(mode) or not os.access(path, os.W_OK):
            return None
        if not os.access(path.parent, os.W_OK):
            return None
        if not _current_and_sound(path, check=check):
            return None
        # Read through a connection that honours the other programs' locks (an immutable one
        # would read past a writer in the middle of its transaction), that our statements may
        # not write with (query_only), and that, closed last, removes the -wal and -shm files
        # it may have made, as the full path leaves them. `mode=rw`: never create the file.
        conn = sqlite3.connect(f"{path.as_uri()}?mode=rw", uri=True, timeout=_BUSY_S,
                               isolation_level=None)  # fmt: skip
    except (OSError, sqlite3.Error) as exc:
        log.info("home list from %s: the full path instead (%s)", path, exc)
        return None
    try:
        conn.execute("PRAGMA query_only = ON")
        conn.execute("BEGIN")  # one snapshot for every statement below
        if conn.execute("SELECT version_num FROM alembic_version").fetchall() != [(HEAD_REVISION,)]:
            return None

        def fetch(sql: str, params: Mapping[str, Any]) -> list[Any]:
            return conn.execute(sql, dict(params)).fetchall()

        return work(fetch)
    except (sqlite3.Error, ValueError, TypeError) as exc:
        log.info("home list from %s: the full path instead (%s)", path, exc)
        return None
    finally:
        conn.close()


def _current_and_sound(path: Path, *, check: bool) -> bool:
    """At the head revision and sound (`PRAGMA quick_check`), read as the full path checks a
    file (read-only; immutable when no -wal exists, so nothing is made beside a file that
    the full path may refuse)."""
    conn = sqlite3.connect(read_only_uri(path), uri=True, timeout=_BUSY_S)
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        if "alembic_version" not in tables:
            return False
        rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
        return rows == [(HEAD_REVISION,)] and not (check and quick_check_problems(conn))
    finally:
        conn.close()
