"""The ledger store: every SQL statement of the app on campaigns, donations and donors.

Writes happen in short transactions. On SQLite the writer engine begins IMMEDIATE (the write
lock is taken up front); on PostgreSQL the campaign row is locked FOR UPDATE first, so batches
of one campaign commit one after another and donation ids grow in commit order (the donor
statistics rely on it).
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from typing import Any, NamedTuple, cast

from sqlalchemy import Connection, bindparam, func, select, text, update
from sqlalchemy.exc import DBAPIError, OperationalError

from livegiving_desktop.core.campaigns import (
    CampaignKind,
    CampaignSpec,
    CampaignStatus,
    FundraiserSpec,
    PaidEventSpec,
    check_transition,
)
from livegiving_desktop.core.changes import ChangeKind
from livegiving_desktop.core.decisions import ConflictError, check_versions
from livegiving_desktop.core.donations import (
    DonationSource,
    DonationStatus,
    ValidDonation,
    ValidRow,
)
from livegiving_desktop.core.errors import NotFoundError, StateError
from livegiving_desktop.core.moderation import MessageStatus
from livegiving_desktop.core.records import (
    Actor,
    ActorRole,
    CampaignRecord,
    CampaignStats,
    RefundOutcome,
    StoredDonation,
    TopDonor,
    to_us,
)
from livegiving_desktop.core.text import fold
from livegiving_desktop.db.audit import append_audit, conflicts_of
from livegiving_desktop.db.changes import insert_change, record_change
from livegiving_desktop.db.engine import Database, sql_fetch
from livegiving_desktop.db.home_list import campaign_record, read_all
from livegiving_desktop.db.models import campaigns, donations, donors, refunds

log = logging.getLogger("livegiving.db")


_DONATION_COLUMNS = (
    donations.c.id,
    donations.c.campaign_id,
    donations.c.external_id,
    donations.c.received_at_us,
    donations.c.donor_name,
    donations.c.anonymous,
    donations.c.amount_minor,
    donations.c.currency,
    donations.c.message,
    donations.c.message_status,
    donations.c.status,
    donations.c.source,
    donations.c.thanked,
    donations.c.donor_key,
    donations.c.flags,
    donations.c.hide_name_on_air,
    donations.c.hide_amount_on_air,
    donations.c.version,
    donations.c.after_broadcast,
    donations.c.review_reasons,
)

# Donor statistics catch-up: fold the completed donations above the watermark into `donors`.
_CATCH_UP_NEW_DONORS = text(
    """
    SELECT count(*) FROM (
        SELECT DISTINCT donor_key FROM donations
        WHERE campaign_id = :c AND id > :low AND id <= :high AND status = 'completed'
    ) AS d
    WHERE NOT EXISTS (
        SELECT 1 FROM donors AS x
        WHERE x.campaign_id = :c AND x.donor_key = d.donor_key AND x.donation_count > 0
    )
    """
)
_CATCH_UP_UPSERT = text(
    """
    INSERT INTO donors (campaign_id, donor_key, donor_name, total_minor, donation_count,
                        named_count)
    SELECT campaign_id, donor_key, max(donor_name), sum(amount_minor), count(*),
           sum(CASE WHEN anonymous OR hide_name_on_air THEN 0 ELSE 1 END)
    FROM donations
    WHERE campaign_id = :c AND id > :low AND id <= :high AND status = 'completed'
    GROUP BY campaign_id, donor_key
    ON CONFLICT (campaign_id, donor_key) DO UPDATE SET
        total_minor = donors.total_minor + excluded.total_minor,
        donation_count = donors.donation_count + excluded.donation_count,
        named_count = donors.named_count + excluded.named_count,
        donor_name = excluded.donor_name
    """
)


# -- one batch of donations: the ingestion path's only write -----------------------------------
#
# Per batch, on SQLite: BEGIN IMMEDIATE, one SELECT of the campaign (its status and totals,
# read under the write lock), multi-row INSERTs of at most 128 donations, one UPDATE of the
# totals, the change row, COMMIT. Plain SQL run on the sqlite3 cursor of the transaction's
# connection (SQLAlchemy's layers cost ~25 us a statement, with the GIL held) with the
# validated tuples themselves as parameters: no per-row dict or Core object. Each statement
# hands the GIL over while SQLite works and must take it back from the producer thread
# (validating the next batch) afterwards, so fewer statements is what makes the pipeline
# lean; one statement per row (an executemany) would hand it over per row.

# SQLite prepares a multi-row VALUES in time quadratic in its rows (1,000 rows: 0.18 s, 500:
# 41 ms, 128: 4 ms, here), once per statement text. A full batch of 1,000 is two 500-row
# INSERTs (each statement hands the GIL over and waits for it back: ten 128-row statements
# made the whole pipeline slower; two of 500 cost as much wall time as one of 1,000 and 0.14 s
# less CPU); any other size is sent by its binary digits (300 = 256 + 32 + 8 + 4): ten
# statement texts in all, each prepared once per connection and kept in the driver's cache,
# whatever sizes the batches come in (a new text for every size cost up to 0.18 s each time).
_SQLITE_ROWS_PER_STATEMENT = 500


def _statement_rows(count: int) -> Iterator[int]:
    """The rows of each INSERT for a batch of `count`: 500 at a time, then the rest by its
    binary digits (1,300 = 500 + 500 + 256 + 32 + 8 + 4)."""
    full, rest = divmod(count, _SQLITE_ROWS_PER_STATEMENT)
    yield from (_SQLITE_ROWS_PER_STATEMENT,) * full
    size = 1 << rest.bit_length()
    while rest:
        size >>= 1
        if rest & size:
            rest -= size
            yield size


_FIELDS = ValidDonation._fields
_BATCH_CAMPAIGN_COLUMNS = (
    campaigns.c.status,
    campaigns.c.currency,
    campaigns.c.kind,
    campaigns.c.total_minor,
    campaigns.c.donation_count,
    campaigns.c.held_count,
    campaigns.c.donor_count,
    campaigns.c.change_seq,
)
# SQLite: the write lock is the transaction's (BEGIN IMMEDIATE). PostgreSQL: FOR UPDATE.
_SQLITE_BATCH_CAMPAIGN = (
    f"SELECT {', '.join(c.name for c in _BATCH_CAMPAIGN_COLUMNS)} FROM campaigns WHERE id = ?"
)
_BATCH_CAMPAIGN = (
    select(*_BATCH_CAMPAIGN_COLUMNS)
    .where(campaigns.c.id == bindparam("campaign_id"))
    .with_for_update()
)
_BATCH_TOTALS_DELTAS = (
    "total_minor",
    "donation_count",
    "held_count",
    "unthanked_count",  # every new donation waits to be thanked: the thank queue's N
    "after_broadcast_count",
    "after_broadcast_minor",
)
_SQLITE_BATCH_TOTALS = (
    "UPDATE campaigns SET "
    + ", ".join(f"{name} = {name} + ?" for name in _BATCH_TOTALS_DELTAS)
    + ", change_seq = change_seq + 1 WHERE id = ?"
)
_BATCH_TOTALS = (
    update(campaigns)
    .where(campaigns.c.id == bindparam("campaign_id"))
    .values(
        change_seq=campaigns.c.change_seq + 1,
        **{name: campaigns.c[name] + bindparam(f"add_{name}") for name in _BATCH_TOTALS_DELTAS},
    )
)
# (campaign id, received time, currency, after the broadcast 0/1): the same for every row.
_BatchConstants = tuple[int, int, str, int]


class _BatchCampaign(NamedTuple):
    """The campaign as a batch reads it under the write lock (_BATCH_CAMPAIGN_COLUMNS)."""

    status: str
    currency: str
    kind: str
    total_minor: int
    donation_count: int
    held_count: int
    donor_count: int
    change_seq: int


@contextmanager
def _sqlalchemy_errors(statement: str) -> Iterator[None]:
    """sqlite3's errors raised as SQLAlchemy raises them (OperationalError for a full disk or
    a lock...): what the pipeline retries and describe_failure puts in words."""
    try:
        yield
    except sqlite3.Error as exc:
        raise DBAPIError.instance(statement[:200], None, exc, sqlite3.Error) from exc


_SQLITE_NEW_IDS = (
    "SELECT external_id, id FROM donations WHERE campaign_id = ? AND id BETWEEN ? AND ?"
)


# sqlite3 binds an exact str or int directly, but None and bool go through its adapter
# registry (a lookup and two attribute probes each, with the GIL held): about a third of a
# batch's parameters. So None is bound as '' and read back by NULLIF in the columns that may
# be NULL (a validated message, status, flags or reasons is never empty), a bool as 0 or 1.
_BIND: dict[object, object] = {None: "", False: 0, True: 1}
_NULLABLE = frozenset({"message", "message_status", "flags", "review_reasons"})


@lru_cache(maxsize=16)
def _sqlite_insert_sql(rows: int) -> str:
    """INSERT of `rows` donations: ?1 campaign id, ?2 received time, ?3 currency, ?4 after the
    broadcast, then the fields of each ValidDonation in order (the tuples are the parameters,
    through _BIND). The text depends on the row count alone, so it stays prepared in the
    driver's cache."""
    width = len(_FIELDS)
    values = []
    for r in range(rows):
        fields = ", ".join(
            f"NULLIF(?{5 + r * width + i}, '')" if name in _NULLABLE else f"?{5 + r * width + i}"
            for i, name in enumerate(_FIELDS)
        )
        values.append(f"({fields}, ?1, ?2, ?3, 'completed', 0, ?4)")
    return (
        f"INSERT INTO donations ({', '.join(_FIELDS)}, campaign_id,"
        " received_at_us, currency, status, thanked, after_broadcast)"
        f" VALUES {', '.join(values)}"
        " ON CONFLICT (campaign_id, external_id) DO NOTHING"
    )


_COMPLETED = DonationStatus.COMPLETED.value
_HELD = MessageStatus.HELD.value


def _postgresql_array_type(name: str) -> str:
    python_type = donations.c[name].type.python_type
    return {str: "TEXT[]", bool: "BOOLEAN[]", int: "BIGINT[]"}[python_type]


# PostgreSQL: a batch's donations as one array per field, unnested in the batch's order (new
# ids follow it). The statement's text is the same for every batch, however many donations
# it carries: psycopg converts it once and the server prepares it after a few batches. Sent
# as SQLAlchemy's multi-row VALUES instead, a 1,000-donation batch was a new statement of
# 10,000 parameters, each parsed again by psycopg: most of the writer's time on PostgreSQL.
_POSTGRESQL_INSERT = text(
    f"INSERT INTO donations ({', '.join(_FIELDS)}, campaign_id, received_at_us, currency,"
    " status, thanked, after_broadcast)"
    f" SELECT {', '.join(f'u.{name}' for name in _FIELDS)}, :campaign_id, :received_at_us,"
    " :currency, :status, false, :after_broadcast"
    " FROM unnest("
    + ", ".join(f"CAST(:{name} AS {_postgresql_array_type(name)})" for name in _FIELDS)
    + f") WITH ORDINALITY AS u({', '.join(_FIELDS)}, position)"
    " ORDER BY u.position"
    " ON CONFLICT (campaign_id, external_id) DO NOTHING"
    " RETURNING id, external_id"
)


def _unnamed(d: StoredDonation) -> bool:
    """Not counted as named in the per-donor figures: given anonymously, or the name hidden
    on air by a moderator (the top donors on air then say Anonymous)."""
    return d.anonymous or d.hide_name_on_air


_STATUS_ACTIONS = {CampaignStatus.LIVE: "go-live", CampaignStatus.ENDED: "end"}


def now_us() -> int:
    return time.time_ns() // 1000


_OFFLINE = DonationSource.OFFLINE.value


def _check_open_for(campaign: Any, items: Sequence[ValidRow]) -> bool:
    """Refuse donations a campaign no longer takes (StateError). Returns True when they come
    after its broadcast: an ended fundraiser still takes offline donations (a cheque, cash),
    recorded as such; a cancelled event takes nothing."""
    if campaign.status == CampaignStatus.CANCELLED.value:
        raise StateError("the event was cancelled; it takes no more donations")
    if campaign.status != CampaignStatus.ENDED.value:
        return False
    if campaign.kind == CampaignKind.FUNDRAISER.value and all(d[6] == _OFFLINE for d in items):
        return True
    raise StateError("the campaign has ended; it takes no more donations")


@dataclass(frozen=True, slots=True)
class ThankAll:
    """What "thank all" did, and what undoing it needs: the thanks it gave carry `stamp`
    (unique per campaign: campaigns.last_thank_us only grows)."""

    campaign_id: int
    stamp: int
    thanked: int  # how many donations it thanked
    unthanked_count: int  # the queue's N after it


@dataclass(frozen=True, slots=True)
class BatchWrite:
    """What one committed batch did."""

    accepted: list[StoredDonation]  # empty when the rows were not wanted
    accepted_count: int
    held_count: int
    duplicates: list[str]  # external ids already in the ledger (or twice in the batch)
    stats: CampaignStats


def _campaign(row: Any) -> CampaignRecord:
    return campaign_record(row._mapping)


def _donation(row: Any) -> StoredDonation:
    return StoredDonation._make(row)


def _rows_by_id(
    conn: Connection, campaign_id: int, ids: Sequence[int]
) -> dict[int, StoredDonation]:
    """The campaign's donations with these ids, as they are now."""
    out: dict[int, StoredDonation] = {}
    for start in range(0, len(ids), 500):
        query = select(*_DONATION_COLUMNS).where(
            donations.c.campaign_id == campaign_id, donations.c.id.in_(ids[start : start + 500])
        )
        for row in conn.execute(query):
            d = _donation(row)
            out[d.id] = d
    return out


class LedgerStore:
    """Synchronous access to the ledger. Thread-safe: each call uses its own connection."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._sqlite = db.dialect == "sqlite"

    # -- campaigns -------------------------------------------------------------------------

    def create_campaign(self, spec: CampaignSpec, *, is_demo: bool = False) -> int:
        values: dict[str, Any] = {
            "kind": spec.kind.value,
            "title": spec.title,
            "title_key": fold(spec.title),
            "status": CampaignStatus.DRAFT.value,
            "currency": spec.currency,
            "created_at_us": now_us(),
            "is_demo": is_demo,
            "maximum_minor": spec.maximum_minor,
            "total_minor": 0,
            "donation_count": 0,
            "held_count": 0,
            "donors_through_id": 0,
            "donor_count": 0,
            "description": "",
            "show_names_on_air": True,
            "show_amounts_on_air": True,
            "allow_anonymous": True,
            "online_only": True,
            "minimum_minor": 1,
        }
        if isinstance(spec, FundraiserSpec):
            values.update(
                organization_id=spec.organization_id,
                goal_minor=spec.goal_minor,
                show_names_on_air=spec.show_names_on_air,
                show_amounts_on_air=spec.show_amounts_on_air,
                allow_anonymous=spec.allow_anonymous,
                minimum_minor=spec.minimum_minor,
            )
        elif isinstance(spec, PaidEventSpec):
            values.update(
                category=spec.category,
                ticket_price_minor=spec.ticket_price_minor,
                capacity=spec.capacity,
                starts_at_us=None if spec.starts_at is None else to_us(spec.starts_at),
                duration_minutes=spec.duration_minutes,
                online_only=spec.online_only,
                description=spec.description,
                organization_id=spec.organization_id,
                goal_minor=spec.goal_minor,
            )
        with self.db.writer.begin() as conn:
            result = conn.execute(campaigns.insert().values(**values).returning(campaigns.c.id))
            campaign_id = int(result.scalar_one())
            record_change(conn, campaign_id, ChangeKind.CAMPAIGN, detail={"event": "created"})
            return campaign_id

    def get_campaign(self, campaign_id: int) -> CampaignRecord:
        with self.db.reader.connect() as conn:
            row = conn.execute(select(campaigns).where(campaigns.c.id == campaign_id)).first()
        if row is None:
            raise NotFoundError("campaign", f"no campaign has the id {campaign_id}")
        return _campaign(row)

    def list_campaigns(self) -> list[CampaignRecord]:
        """Every campaign, archived ones too, the most recently started or created first
        (the SQL of db/home_list.py, which `campaigns list` also runs without SQLAlchemy)."""
        with self.db.reader.connect() as conn:
            return read_all(sql_fetch(conn))

    def find_demo_campaign(self) -> CampaignRecord | None:
        """The demo: the newest demo campaign not archived, whatever its status (an ended
        demo is offered for a restart, never silently replaced)."""
        query = (
            select(campaigns)
            .where(campaigns.c.is_demo.is_(True), campaigns.c.archived_at_us.is_(None))
            .order_by(campaigns.c.id.desc())
            .limit(1)
        )
        with self.db.reader.connect() as conn:
            row = conn.execute(query).first()
        return None if row is None else _campaign(row)

    def set_status(
        self, campaign_id: int, target: CampaignStatus, actor: Actor | None = None
    ) -> CampaignRecord:
        """Go live or end, with its audit row (`go-live`, `end`) in the same transaction."""
        with self.db.writer.begin() as conn:
            current = self._lock_campaign(conn, campaign_id)
            check_transition(CampaignStatus(current.status), target)
            stamp = now_us()
            values: dict[str, Any] = {"status": target.value}
            if target is CampaignStatus.LIVE:
                values["started_at_us"] = stamp
            if target is CampaignStatus.ENDED:
                values["ended_at_us"] = stamp
            conn.execute(update(campaigns).where(campaigns.c.id == campaign_id).values(**values))
            append_audit(
                conn,
                at_us=stamp,
                campaign_id=campaign_id,
                actor=actor or Actor("creator", ActorRole.CREATOR),
                action=_STATUS_ACTIONS.get(target, target.value),
                before=str(current.status),
                after=target.value,
            )
            record_change(conn, campaign_id, ChangeKind.CAMPAIGN, detail={"event": target.value})
        return self.get_campaign(campaign_id)

    def _lock_campaign(self, conn: Connection, campaign_id: int) -> Any:
        query = select(campaigns.c.status, campaigns.c.currency, campaigns.c.kind).where(
            campaigns.c.id == campaign_id
        )
        row = conn.execute(query.with_for_update()).first()
        if row is None:
            raise NotFoundError("campaign", f"no campaign has the id {campaign_id}")
        return row

    # -- donations -------------------------------------------------------------------------

    def insert_batch(
        self,
        campaign_id: int,
        items: Sequence[ValidRow],
        received_at_us: int | None = None,
        *,
        want_rows: bool = True,
    ) -> BatchWrite:
        """Store a batch in one transaction; a donation whose external id is already in the
        ledger (or earlier in the batch) is dropped and reported instead of counted twice.
        `want_rows=False` skips building the stored rows when only the counts are needed."""
        received = now_us() if received_at_us is None else received_at_us
        sqlite_db = self._sqlite
        with self.db.writer.begin() as conn:
            # The campaign's status and totals, read under the lock every batch takes first:
            # nothing else changes them before the commit, so the totals after the batch are
            # these plus the batch (no RETURNING, one statement less).
            row: Any
            if sqlite_db:
                cursor = cast(sqlite3.Connection, conn.connection.driver_connection).cursor()
                with _sqlalchemy_errors(_SQLITE_BATCH_CAMPAIGN):
                    found = cursor.execute(_SQLITE_BATCH_CAMPAIGN, (campaign_id,)).fetchone()
                row = None if found is None else _BatchCampaign._make(found)
            else:
                row = conn.execute(_BATCH_CAMPAIGN, {"campaign_id": campaign_id}).first()
            if row is None:
                raise NotFoundError("campaign", f"no campaign has the id {campaign_id}")
            after_broadcast = _check_open_for(row, items)
            currency: str = row.currency
            shared = (campaign_id, received, currency, int(after_broadcast))
            if not items:
                first_id, by_external_id = 0, None
            elif sqlite_db:
                first_id, by_external_id = self._insert_rows_sqlite(cursor, shared, items)
            else:
                first_id, by_external_id = self._insert_rows(conn, shared, items)
            if by_external_id is None:  # every donation of the batch is new, ids in order
                new_items: Sequence[ValidRow] = items
                ids: Sequence[int] = range(first_id, first_id + len(items))
                duplicates: list[str] = []
            else:
                new_items, ids, duplicates = [], [], []
                for d in items:
                    donation_id = by_external_id.pop(d[0], None)  # external_id
                    if donation_id is None:
                        duplicates.append(d[0])
                    else:
                        new_items.append(d)
                        ids.append(donation_id)
            count = len(new_items)
            total = sum(d[3] for d in new_items)  # amount_minor
            held = sum(d[5] == _HELD for d in new_items)  # message_status
            if count:
                late = (count, total) if after_broadcast else (0, 0)
                deltas = (total, count, held, count, *late)
                # The change feed's seq is bumped in the UPDATE of the totals.
                if sqlite_db:
                    with _sqlalchemy_errors(_SQLITE_BATCH_TOTALS):
                        cursor.execute(_SQLITE_BATCH_TOTALS, (*deltas, campaign_id))
                else:
                    params = {
                        f"add_{n}": v for n, v in zip(_BATCH_TOTALS_DELTAS, deltas, strict=True)
                    }
                    conn.execute(_BATCH_TOTALS, {"campaign_id": campaign_id, **params})
                first, last = (ids[0], ids[-1]) if isinstance(ids, range) else (min(ids), max(ids))
                insert_change(conn, campaign_id, row.change_seq + 1, ChangeKind.DONATIONS,
                              at_us=received, first_id=first, last_id=last,
                              detail={"count": count, "held": held})  # fmt: skip
        stats = CampaignStats(
            row.total_minor + total,
            row.donation_count + count,
            row.held_count + held,
            row.donor_count,
        )
        if not want_rows:
            return BatchWrite([], count, held, duplicates, stats)
        # tuple.__new__: a NamedTuple's own constructor costs twice as much, per row.
        new = tuple.__new__
        accepted = [
            new(StoredDonation, (
                i, campaign_id, d[0], received, d[1], d[2], d[3], currency, d[4], d[5],
                _COMPLETED, d[6], False, d[7], d[8], False, False, 0, after_broadcast, d[9],
            ))
            for i, d in zip(ids, new_items, strict=True)
        ]  # fmt: skip
        return BatchWrite(accepted, count, held, duplicates, stats)

    def _insert_rows_sqlite(
        self, cursor: sqlite3.Cursor, shared: _BatchConstants, items: Sequence[ValidRow]
    ) -> tuple[int, dict[str, int] | None]:
        """Insert, ignoring external ids already stored. Returns (first id, None) when every
        row was new (ids first_id, first_id+1, ... in order), else (0, {external_id: id}).

        One multi-row INSERT per 1,000 donations, the validated tuples themselves as its
        parameters (the batch's constants are ?1..?4, shared by every row): sqlite3 hands the
        GIL over once for the whole statement. Under the write lock, new rowids are max(id)+1,
        +2, ... in VALUES order, so the new rows of the batch are the ids up to the last
        insert's rowid: read back by id only when some donation was a duplicate. The rows an
        INSERT added are told by the connection's total_changes (C), never by the cursor's
        rowcount, which a Turkish locale makes -1 (see engine.rows_changed)."""
        inserted = first_new = last_new = start = 0
        connection = cursor.connection
        for rows in _statement_rows(len(items)):
            flat = tuple(chain.from_iterable(items[start : start + rows]))
            start += rows
            statement = _sqlite_insert_sql(rows)
            before = connection.total_changes
            with _sqlalchemy_errors(statement):
                cursor.execute(statement, (*shared, *map(_BIND.get, flat, flat)))
            added = connection.total_changes - before
            if added:
                last_new = int(cursor.lastrowid or 0)
                if not inserted:
                    first_new = last_new - added + 1
                inserted += added
        if inserted == len(items):
            return first_new, None
        if not inserted:
            return 0, {}
        with _sqlalchemy_errors(_SQLITE_NEW_IDS):
            read_back = cursor.execute(_SQLITE_NEW_IDS, (shared[0], first_new, last_new))
            return 0, {ext: id_ for ext, id_ in read_back}

    def _insert_rows(
        self, conn: Connection, shared: _BatchConstants, items: Sequence[ValidRow]
    ) -> tuple[int, dict[str, int] | None]:
        """PostgreSQL: one INSERT ... RETURNING for the whole batch, each field an array
        (_POSTGRESQL_INSERT); returns (0, {external_id: id}) of the new rows."""
        campaign_id, received, currency, after_broadcast = shared
        params: dict[str, Any] = dict(
            zip(_FIELDS, map(list, zip(*items, strict=True)), strict=True)
        )
        params.update(
            campaign_id=campaign_id,
            received_at_us=received,
            currency=currency,
            status=_COMPLETED,
            after_broadcast=bool(after_broadcast),
        )
        result = conn.execute(_POSTGRESQL_INSERT, params)
        return 0, {ext: id_ for id_, ext in result}

    def donation(self, donation_id: int) -> StoredDonation:
        with self.db.reader.connect() as conn:
            row = conn.execute(
                select(*_DONATION_COLUMNS).where(donations.c.id == donation_id)
            ).first()
        if row is None:
            raise NotFoundError("donation", f"no donation has the id {donation_id}")
        return _donation(row)

    def recent_donations(
        self, campaign_id: int, *, before_id: int | None = None, limit: int = 200
    ) -> list[StoredDonation]:
        """Newest first; `before_id` pages further back (keyset pagination)."""
        query = select(*_DONATION_COLUMNS).where(donations.c.campaign_id == campaign_id)
        if before_id is not None:
            query = query.where(donations.c.id < before_id)
        query = query.order_by(donations.c.id.desc()).limit(limit)
        with self.db.reader.connect() as conn:
            return [_donation(r) for r in conn.execute(query)]

    def unthanked_donations(
        self,
        campaign_id: int,
        limit: int = 200,
        *,
        before_id: int | None = None,
        offset: int = 0,
    ) -> list[StoredDonation]:
        """The thank queue, newest first: completed donations not yet thanked. `before_id`
        pages further back (keyset: cheap at any depth); `offset` skips rows (for a view
        that jumps). Every unthanked donation is reachable: page until a short page."""
        query = select(*_DONATION_COLUMNS).where(
            donations.c.campaign_id == campaign_id,
            donations.c.thanked.is_(False),
            donations.c.status == DonationStatus.COMPLETED.value,
        )
        if before_id is not None:
            query = query.where(donations.c.id < before_id)
        query = query.order_by(donations.c.id.desc()).offset(offset).limit(limit)
        with self.db.reader.connect() as conn:
            return [_donation(r) for r in conn.execute(query)]

    def unthanked_count(self, campaign_id: int) -> int:
        """The thank queue's N: kept on the campaign row by every write that changes it."""
        query = select(campaigns.c.unthanked_count).where(campaigns.c.id == campaign_id)
        with self.db.reader.connect() as conn:
            value = conn.execute(query).scalar_one_or_none()
        if value is None:
            raise NotFoundError("campaign", f"no campaign has the id {campaign_id}")
        return int(value)

    def _thank_stamp(self, conn: Connection, campaign_id: int) -> int:
        """Lock the campaign and take the stamp of a thank: after the campaign's last one
        (even if the clock went back), so that each "thank all" can be told apart."""
        row = conn.execute(
            select(campaigns.c.last_thank_us).where(campaigns.c.id == campaign_id).with_for_update()
        ).first()
        if row is None:
            raise NotFoundError("campaign", f"no campaign has the id {campaign_id}")
        return max(now_us(), int(row.last_thank_us) + 1)

    def mark_thanked(self, campaign_id: int, donation_ids: Sequence[int]) -> list[int]:
        """Mark donations thanked; returns the ids that were not thanked before. The queue's
        count drops by the completed ones, in the same transaction."""
        if not donation_ids:
            return []
        newly: list[int] = []
        completed = 0
        with self.db.writer.begin() as conn:
            stamp = self._thank_stamp(conn, campaign_id)
            for start in range(0, len(donation_ids), 500):
                chunk = list(donation_ids[start : start + 500])
                result = conn.execute(
                    update(donations)
                    .where(
                        donations.c.campaign_id == campaign_id,
                        donations.c.id.in_(chunk),
                        donations.c.thanked.is_(False),
                    )
                    .values(thanked=True, thanked_at_us=stamp)
                    .returning(donations.c.id, donations.c.status)
                )
                for donation_id, status in result:
                    newly.append(donation_id)
                    completed += status == _COMPLETED
            if newly:
                record_change(conn, campaign_id, ChangeKind.THANKS, at_us=stamp, ids=newly)
            conn.execute(
                update(campaigns)
                .where(campaigns.c.id == campaign_id)
                .values(
                    unthanked_count=campaigns.c.unthanked_count - completed,
                    last_thank_us=stamp,
                )
            )
        return newly

    def thank_all(self, campaign_id: int, through_id: int | None = None) -> ThankAll:
        """Thank every completed donation of the queue (up to `through_id`, when given) in one
        transaction. The returned ThankAll undoes exactly these (`undo_thank_all`)."""
        with self.db.writer.begin() as conn:
            stamp = self._thank_stamp(conn, campaign_id)
            query = update(donations).where(
                donations.c.campaign_id == campaign_id,
                donations.c.thanked.is_(False),
                donations.c.status == _COMPLETED,
            )
            if through_id is not None:
                query = query.where(donations.c.id <= through_id)
            ids = list(
                conn.execute(
                    query.values(thanked=True, thanked_at_us=stamp).returning(donations.c.id)
                ).scalars()
            )
            thanked = len(ids)
            if ids:  # seats read these rows again (too many: they take a fresh snapshot)
                record_change(conn, campaign_id, ChangeKind.THANKS, at_us=stamp, ids=ids,
                              detail={"thank_all": True, "count": thanked})  # fmt: skip
            left = conn.execute(
                update(campaigns)
                .where(campaigns.c.id == campaign_id)
                .values(unthanked_count=campaigns.c.unthanked_count - thanked, last_thank_us=stamp)
                .returning(campaigns.c.unthanked_count)
            ).scalar_one()
        return ThankAll(campaign_id, stamp, int(thanked), int(left))

    def undo_thank_all(self, done: ThankAll) -> tuple[int, int]:
        """Put back in the queue the donations `done` thanked: those still carrying its stamp
        (thanked otherwise since, they keep it) and still completed (a refund leaves the
        queue). One transaction. Returns (how many, the queue's N after)."""
        with self.db.writer.begin() as conn:
            self._thank_stamp(conn, done.campaign_id)  # the lock
            ids = list(
                conn.execute(
                    update(donations)
                    .where(
                        donations.c.campaign_id == done.campaign_id,
                        donations.c.thanked.is_(True),
                        donations.c.thanked_at_us == done.stamp,
                        donations.c.status == _COMPLETED,
                    )
                    .values(thanked=False, thanked_at_us=None)
                    .returning(donations.c.id)
                ).scalars()
            )
            restored = len(ids)
            if ids:
                record_change(conn, done.campaign_id, ChangeKind.THANKS, ids=ids,
                              detail={"undo_thank_all": True, "count": restored})  # fmt: skip
            left = conn.execute(
                update(campaigns)
                .where(campaigns.c.id == done.campaign_id)
                .values(unthanked_count=campaigns.c.unthanked_count + restored)
                .returning(campaigns.c.unthanked_count)
            ).scalar_one()
        return int(restored), int(left)

    def refund_donation(
        self, donation_id: int, reason: str, actor: Actor, *, seen_version: int | None = None
    ) -> RefundOutcome:
        """Refund one completed donation: a refund record of its own, the donation's status
        set to refunded, the totals and per-donor figures lowered, an audit row; one
        transaction. `reason` and `actor` are already checked (core/refunds.py).
        `seen_version`: the version the moderator saw; another seat's decision since then is
        a ConflictError (nothing written)."""
        with self.db.reader.connect() as conn:
            found = conn.execute(
                select(donations.c.campaign_id).where(donations.c.id == donation_id)
            ).first()
        if found is None:
            raise NotFoundError("donation", f"no donation has the id {donation_id}")
        seen = None if seen_version is None else {donation_id: seen_version}
        outcomes = self.refund_donations(
            int(found.campaign_id), [donation_id], reason, actor, seen=seen
        )
        if not outcomes:  # already refunded, and that is what the moderator saw
            raise StateError(f"donation {donation_id} is already refunded")
        return outcomes[0]

    def refund_donations(
        self,
        campaign_id: int,
        donation_ids: Sequence[int],
        reason: str,
        actor: Actor,
        *,
        seen: Mapping[int, int] | None = None,
    ) -> list[RefundOutcome]:
        """Refund several donations of a campaign in ONE transaction: all or nothing.
        `seen` ({donation id: version}) names what the moderator saw: a donation changed since
        (by another seat) refunds nothing and raises ConflictError saying who did what. Without
        `seen`, a donation already refunded refunds nothing (StateError). With it, one already
        refunded when seen is left as it was (not in the outcomes). An unknown id: NotFoundError.
        Returns one outcome per donation refunded, in id order (their stats: after them all)."""
        stamp = now_us()
        unique = sorted(set(donation_ids))
        with self.db.writer.begin() as conn:
            self._lock_campaign(conn, campaign_id)
            rows = _rows_by_id(conn, campaign_id, unique)
            missing = [i for i in unique if i not in rows]
            if missing:
                raise NotFoundError(
                    "donation", f"no donation has the id {missing[0]} in campaign {campaign_id}"
                )
            stale = check_versions({i: d.version for i, d in rows.items()}, seen)
            if stale:
                raise ConflictError(
                    conflicts_of(conn, {i: (seen or {})[i] for i in stale},
                                 {i: rows[i].version for i in stale}),
                    asked=len(unique),
                )  # fmt: skip
            done = [d for d in rows.values() if d.status != _COMPLETED]
            if done and seen is None:
                raise StateError(f"donation {done[0].id} is already refunded; nothing was refunded")
            todo = [rows[i] for i in unique if rows[i].status == _COMPLETED]
            if not todo:
                return []
            # Fold every donation into the per-donor totals first: then the donor's row counts
            # these donations, and what it has left after the refund is the donor's remainder.
            self._catch_up(conn, campaign_id)
            outcomes: list[tuple[int, StoredDonation]] = []
            gone_donors = 0
            for current in todo:
                conn.execute(
                    update(donations)
                    .where(donations.c.id == current.id)
                    .values(status=DonationStatus.REFUNDED.value, version=donations.c.version + 1)
                )
                refund_id = conn.execute(
                    refunds.insert()
                    .values(
                        campaign_id=campaign_id,
                        donation_id=current.id,
                        amount_minor=current.amount_minor,
                        currency=current.currency,
                        reason=reason,
                        actor_name=actor.name,
                        actor_role=actor.role.value,
                        override=False,
                        created_at_us=stamp,
                    )
                    .returning(refunds.c.id)
                ).scalar_one()
                remaining = conn.execute(
                    update(donors)
                    .where(
                        donors.c.campaign_id == campaign_id,
                        donors.c.donor_key == current.donor_key,
                    )
                    .values(
                        total_minor=donors.c.total_minor - current.amount_minor,
                        donation_count=donors.c.donation_count - 1,
                        named_count=donors.c.named_count - (0 if _unnamed(current) else 1),
                    )
                    .returning(donors.c.donation_count)
                ).scalar_one()
                gone_donors += 1 if remaining == 0 else 0
                append_audit(
                    conn,
                    at_us=stamp,
                    campaign_id=campaign_id,
                    actor=actor,
                    action="refund",
                    donation_id=current.id,
                    before=_COMPLETED,
                    after=DonationStatus.REFUNDED.value,
                    reason=reason,
                )
                outcomes.append((int(refund_id), current))
            late = [d for d in todo if d.after_broadcast]
            stats = conn.execute(
                update(campaigns)
                .where(campaigns.c.id == campaign_id)
                .values(
                    total_minor=campaigns.c.total_minor - sum(d.amount_minor for d in todo),
                    donation_count=campaigns.c.donation_count - len(todo),
                    donor_count=campaigns.c.donor_count - gone_donors,
                    # refunded donations leave the thank queue
                    unthanked_count=campaigns.c.unthanked_count
                    - sum(1 for d in todo if not d.thanked),
                    after_broadcast_count=campaigns.c.after_broadcast_count - len(late),
                    after_broadcast_minor=campaigns.c.after_broadcast_minor
                    - sum(d.amount_minor for d in late),
                )
                .returning(
                    campaigns.c.total_minor,
                    campaigns.c.donation_count,
                    campaigns.c.held_count,
                    campaigns.c.donor_count,
                )
            ).one()
            record_change(conn, campaign_id, ChangeKind.REFUND, at_us=stamp,
                          ids=[d.id for d in todo], actor=actor.name)  # fmt: skip
            # What each donor has left once every refund of the batch is done.
            left = {
                key: int(count)
                for key, count in conn.execute(
                    select(donors.c.donor_key, donors.c.donation_count).where(
                        donors.c.campaign_id == campaign_id,
                        donors.c.donor_key.in_({d.donor_key for d in todo}),
                    )
                )
            }
        after = CampaignStats(*stats)
        return [
            RefundOutcome(
                refund_id=refund_id,
                donation=current._replace(
                    status=DonationStatus.REFUNDED.value, version=current.version + 1
                ),
                stats=after,
                donor_has_completed=left.get(current.donor_key, 0) > 0,
                was_thanked=current.thanked,
            )
            for refund_id, current in outcomes
        ]

    def iter_donations(self, campaign_id: int, chunk: int = 5000) -> Iterator[StoredDonation]:
        """Every donation of a campaign, oldest first, in chunks (for exports)."""
        last = 0
        while True:
            query = (
                select(*_DONATION_COLUMNS)
                .where(donations.c.campaign_id == campaign_id, donations.c.id > last)
                .order_by(donations.c.id)
                .limit(chunk)
            )
            with self.db.reader.connect() as conn:
                rows = [_donation(r) for r in conn.execute(query)]
            if not rows:
                return
            yield from rows
            last = rows[-1].id

    def completed_sum(self, campaign_id: int) -> tuple[int, int]:
        """(sum, count) of completed donations, recomputed from the rows (for checks)."""
        query = select(func.coalesce(func.sum(donations.c.amount_minor), 0), func.count()).where(
            donations.c.campaign_id == campaign_id,
            donations.c.status == DonationStatus.COMPLETED.value,
        )
        with self.db.reader.connect() as conn:
            total, count = conn.execute(query).one()
        return int(total), int(count)

    # -- donor statistics ------------------------------------------------------------------

    def catch_up_donor_stats(self, campaign_id: int) -> int:
        """Fold donations above the watermark into per-donor totals; returns how many."""
        with self.db.writer.begin() as conn:
            self._lock_campaign(conn, campaign_id)
            return self._catch_up(conn, campaign_id)

    def _catch_up(self, conn: Connection, campaign_id: int) -> int:
        """Catch up the per-donor totals in the caller's transaction (campaign row locked)."""
        low = conn.execute(
            select(campaigns.c.donors_through_id).where(campaigns.c.id == campaign_id)
        ).scalar_one()
        high = conn.execute(
            select(func.max(donations.c.id)).where(donations.c.campaign_id == campaign_id)
        ).scalar_one()
        if high is None or high <= low:
            return 0
        bounds = {"c": campaign_id, "low": low, "high": high}
        new_donors = conn.execute(_CATCH_UP_NEW_DONORS, bounds).scalar_one()
        conn.execute(_CATCH_UP_UPSERT, bounds)
        conn.execute(
            update(campaigns)
            .where(campaigns.c.id == campaign_id)
            .values(donors_through_id=high, donor_count=campaigns.c.donor_count + new_donors)
        )
        return int(high - low)

    def _catch_up_before_reading(self, campaign_id: int) -> None:
        try:
            self.catch_up_donor_stats(campaign_id)
        except OperationalError as exc:
            # A full disk or a lock held too long: read the per-donor figures as of the last
            # catch-up rather than fail the read (totals and counts are exact regardless).
            log.warning("donor statistics not caught up before reading: %s", exc.orig)

    def stats(self, campaign_id: int) -> CampaignStats:
        """Exact totals; per-donor figures are caught up first (cheap when little is new)."""
        self._catch_up_before_reading(campaign_id)
        query = select(
            campaigns.c.total_minor,
            campaigns.c.donation_count,
            campaigns.c.held_count,
            campaigns.c.donor_count,
        ).where(campaigns.c.id == campaign_id)
        with self.db.reader.connect() as conn:
            row = conn.execute(query).first()
        if row is None:
            raise NotFoundError("campaign", f"no campaign has the id {campaign_id}")
        return CampaignStats(*row)

    def top_donors(self, campaign_id: int, limit: int = 5) -> list[TopDonor]:
        self._catch_up_before_reading(campaign_id)
        query = (
            select(
                donors.c.donor_name,
                donors.c.total_minor,
                donors.c.donation_count,
                donors.c.named_count,
            )
            .where(donors.c.campaign_id == campaign_id, donors.c.donation_count > 0)
            .order_by(donors.c.total_minor.desc(), donors.c.id)
            .limit(limit)
        )
        with self.db.reader.connect() as conn:
            return [
                TopDonor(name if named else None, total, count)
                for name, total, count, named in conn.execute(query)
            ]
