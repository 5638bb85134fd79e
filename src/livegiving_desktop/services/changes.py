"""The change feed, read side: every seat applies each committed change of the campaigns it
follows exactly once, in order, whether it was made in this process or on another seat.

    follower = ChangeFollower(db, on_changes, on_health=..., on_heads=...)
    snapshot = load_fundraiser(service, campaign_id)       # services/snapshots.py
    follower.follow(campaign_id, snapshot.seq)              # nothing missed, nothing twice
    ...
    follower.close(timeout=2.0)                             # True: stopped in time

How a follower learns that something changed:
- PostgreSQL: LISTEN livegiving_changes on a dedicated autocommit psycopg 3 connection (the
  0003 trigger sends '<campaign>:<seq>' at each commit). The same connection reads every
  campaign's head each second: the health check (an answer within 2 s, else "unreachable")
  and the fallback for a notification missed. After a reconnect it reads the heads and
  resyncs every campaign it follows from the last seq it applied (NOTIFY keeps nothing for a
  listener that was away).
- SQLite: `PRAGMA data_version` on a dedicated connection at most every 200 ms (it changes
  when any other connection commits), then the heads. A commit in this process wakes it at
  once (a pool check-in listener on the writer engine).

Then it reads, in ONE read transaction, the changes after the last seq applied and the rows
they name as they are now (CampaignChanges), and calls `on_changes` with it. Callbacks run on
the follower's thread: a consumer hops to its own thread (a queued Qt signal) and never blocks
in the callback (follow() and unfollow() wait for a callback in progress to return).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import StrEnum
from functools import partial
from typing import Any

from sqlalchemy import Connection, Engine, event
from sqlalchemy.exc import InterfaceError, OperationalError, SQLAlchemyError

from livegiving_desktop.core.changes import (
    DONATION_UPDATE_KINDS,
    DONOR_KINDS,
    RULE_KINDS,
    ChangeEvent,
    ChangeKind,
)
from livegiving_desktop.core.errors import NotFoundError
from livegiving_desktop.core.moderation import ModerationRules
from livegiving_desktop.core.records import CampaignRecord, CampaignStats, StoredDonation, TopDonor
from livegiving_desktop.core.tickets import AdmissionRecord, EventFigures, StoredTicket
from livegiving_desktop.db import views
from livegiving_desktop.db.changes import (
    PgListener,
    SqliteWatch,
    Wakeup,
    changes_after,
    deadline,
    feed_engine,
    read_transaction,
)
from livegiving_desktop.db.engine import Database, sqlite_path
from livegiving_desktop.db.ledger import LedgerStore
from livegiving_desktop.db.moderation import rules_in
from livegiving_desktop.services.failures import describe_failure

log = logging.getLogger("livegiving.feed")

NEW_ROWS_LIMIT = 500  # new donations (tickets, admissions) carried by one CampaignChanges
EVENTS_PER_DELIVERY = 1000  # changes resolved in one read (a long backlog comes in pages)
RESYNC_BACKLOG = 50_000  # further behind than this: `resync`, reload a snapshot instead
UPDATED_ROWS_LIMIT = 5000  # more existing rows touched at once: `resync` as well
TOP_DONORS = 5
CATCH_UP_AFTER = 20_000  # donations above the donor watermark before a follower catches up

SQLITE_POLL_S = 0.2
PG_CHECK_EVERY_S = 1.0  # heads on the listening connection: health check and fallback
PG_READ_TIMEOUT_S = 4.0  # a read of the changes taking longer is cut (silent outage)
RETRY_FIRST_S = 0.25
RETRY_MAX_S = 2.0


class FeedState(StrEnum):
    CONNECTED = "connected"  # following (the first connection)
    UNREACHABLE = "unreachable"  # the database cannot be reached: `reason` says why
    RECONNECTED = "reconnected"  # reachable again; resyncing from the last seq applied
    RESYNCED = "resynced"  # caught up after a reconnect: nothing was missed


@dataclass(frozen=True, slots=True)
class FeedHealth:
    """Whether a seat follows its database. `reason` is in words (never driver text), set when
    unreachable. Reported on every change of state; unreachable within 5 s of an outage."""

    state: FeedState
    reason: str | None
    at_us: int

    @property
    def connected(self) -> bool:
        return self.state is not FeedState.UNREACHABLE


@dataclass(frozen=True, slots=True)
class CampaignChanges:
    """What a seat applies: the changes first_seq..last_seq of one campaign (in order, each
    exactly once per follow) with the rows they name as they are now.

    A consumer that hops threads keeps the seq it shows and applies a delivery only when
    `first_seq == shown + 1` (one queued before it followed again from a newer snapshot has
    `last_seq <= shown`: drop it). `resync`: reload a snapshot and follow from its seq."""

    campaign_id: int
    first_seq: int
    last_seq: int
    events: list[ChangeEvent]  # for notices ("Sam hid this message"); empty on resync
    campaign: CampaignRecord  # the row now: status, goal, totals, change_seq
    stats: CampaignStats  # exact (the donor count too) unless the follow filters kinds
    new_donations: list[StoredDonation] = field(default_factory=list)  # oldest first; newest
    new_donation_count: int = 0  # all of them (new_donations holds at most NEW_ROWS_LIMIT)
    new_per_second: dict[int, int] = field(default_factory=dict)  # epoch second -> count
    updated_donations: list[StoredDonation] = field(default_factory=list)  # as they are now
    top_donors: list[TopDonor] | None = None  # set when donors may have changed
    moderation: ModerationRules | None = None  # set when rules or blocked donors changed
    new_tickets: list[StoredTicket] = field(default_factory=list)  # oldest first
    new_ticket_count: int = 0
    updated_tickets: list[StoredTicket] = field(default_factory=list)  # refunded, admitted
    new_admissions: list[AdmissionRecord] = field(default_factory=list)  # oldest first
    figures: EventFigures | None = None  # a paid event's figures, when tickets moved
    story_changed: bool = False  # a frame shared, or a refund that may take one away
    resync: bool = False  # too far behind to apply incrementally: reload a snapshot

    def kinds(self) -> set[str]:
        return {e.kind for e in self.events}


def resolve_changes(
    conn: Connection,
    campaign_id: int,
    after_seq: int,
    *,
    kinds: Collection[str] | None = None,
    max_events: int = EVENTS_PER_DELIVERY,
    resync_backlog: int = RESYNC_BACKLOG,
) -> CampaignChanges | None:
    """The campaign's changes after `after_seq` (at most `max_events` of them) resolved to the
    rows as they are now, in the caller's read transaction; None when there is none. With
    `kinds`, only those are resolved and returned (the seqs of the others are covered)."""
    record = views.campaign(conn, campaign_id)
    head = record.change_seq
    if head <= after_seq:
        return None
    if kinds is None and head - after_seq > resync_backlog:  # (a filtered follow reads little)
        mark = views.watermark(conn, campaign_id)
        return CampaignChanges(campaign_id, after_seq + 1, head, [], record,
                               views.exact_stats(conn, record, mark), resync=True)  # fmt: skip
    events = changes_after(
        conn, campaign_id, after_seq, through_seq=head, limit=max_events, kinds=kinds
    )
    first_seq = after_seq + 1
    if kinds is None:
        if not events:  # the head moved but its rows are not visible: never (same snapshot)
            return None
        last_seq = events[-1].seq
    else:  # the other kinds up to the head are covered too (none of them is delivered)
        last_seq = events[-1].seq if len(events) == max_events else head
    present = {e.kind for e in events}
    if kinds is not None and not present:
        stats = CampaignStats(record.total_minor, record.donation_count, record.held_count,
                              record.donor_count)  # fmt: skip
        return CampaignChanges(campaign_id, first_seq, last_seq, [], record, stats)
    mark = views.watermark(conn, campaign_id)
    if kinds is None or present & DONOR_KINDS:
        stats = views.exact_stats(conn, record, mark)
    else:
        stats = CampaignStats(record.total_minor, record.donation_count, record.held_count,
                              record.donor_count)  # fmt: skip
    out: dict[str, Any] = {}
    # New donations: the batches' id ranges (a campaign's batches commit in id order).
    batches = [e for e in events if e.kind == ChangeKind.DONATIONS and e.first_id is not None]
    if batches:
        low = min(e.first_id for e in batches if e.first_id is not None)
        high = max(e.last_id for e in batches if e.last_id is not None)
        new_rows = views.donations_between(conn, campaign_id, low, high, NEW_ROWS_LIMIT)
        per_second: dict[int, int] = {}
        for e in batches:
            second = e.at_us // 1_000_000
            per_second[second] = per_second.get(second, 0) + e.count
        out.update(
            new_donations=new_rows,
            new_donation_count=sum(e.count for e in batches),
            new_per_second=per_second,
        )
    else:
        new_rows = []
    updated_ids = {i for e in events if e.kind in DONATION_UPDATE_KINDS for i in e.ids}
    updated_ids -= {d.id for d in new_rows}
    if len(updated_ids) > UPDATED_ROWS_LIMIT:
        return CampaignChanges(campaign_id, first_seq, last_seq, [], record, stats, resync=True)
    if updated_ids:
        out["updated_donations"] = views.donations_by_id(conn, campaign_id, sorted(updated_ids))
    if present & DONOR_KINDS:
        out["top_donors"] = views.top_donors(conn, campaign_id, mark, TOP_DONORS)
    if present & RULE_KINDS:
        out["moderation"] = rules_in(conn, campaign_id, record.currency)
    sales = [e for e in events if e.kind == ChangeKind.TICKETS and e.first_id is not None]
    if sales:
        low = min(e.first_id for e in sales if e.first_id is not None)
        high = max(e.last_id for e in sales if e.last_id is not None)
        out["new_tickets"] = views.tickets_between(conn, campaign_id, low, high, NEW_ROWS_LIMIT)
        out["new_ticket_count"] = sum(e.count for e in sales)
    doors = [e for e in events if e.kind == ChangeKind.ADMISSIONS and e.first_id is not None]
    if doors:
        low = min(e.first_id for e in doors if e.first_id is not None)
        high = max(e.last_id for e in doors if e.last_id is not None)
        out["new_admissions"] = views.admissions_between(
            conn, campaign_id, low, high, NEW_ROWS_LIMIT
        )
    touched = {
        i for e in events if e.kind in (ChangeKind.TICKETS, ChangeKind.ADMISSIONS) for i in e.ids
    }
    touched -= {t.id for t in out.get("new_tickets", [])}
    if touched:
        out["updated_tickets"] = views.tickets_by_id(conn, campaign_id, sorted(touched))
    if present & {ChangeKind.TICKETS, ChangeKind.ADMISSIONS, ChangeKind.CAMPAIGN}:
        out["figures"] = views.figures(record)
    out["story_changed"] = bool(present & {ChangeKind.STORY, ChangeKind.REFUND})
    return CampaignChanges(campaign_id, first_seq, last_seq, events, record, stats, **out)


def read_changes(
    db: Database,
    campaign_id: int,
    after_seq: int,
    *,
    kinds: Collection[str] | None = None,
    max_events: int = EVENTS_PER_DELIVERY,
) -> CampaignChanges | None:
    """resolve_changes in a read transaction of its own (a consumer that polls, a test)."""
    with read_transaction(db) as conn:
        return resolve_changes(conn, campaign_id, after_seq, kinds=kinds, max_events=max_events)


@dataclass(slots=True)
class _Follow:
    position: int  # the last seq delivered
    kinds: frozenset[str] | None
    generation: int


class _UnreachableError(Exception):
    """The database cannot be reached; `cause` says why."""

    def __init__(self, cause: BaseException) -> None:
        super().__init__(describe_failure(cause))
        self.cause = cause


def _now_us() -> int:
    return time.time_ns() // 1000


class ChangeFollower:
    """Follows the change feed of some campaigns on a thread of its own (one per seat
    process, or one per headless pipeline). See the module's docstring."""

    def __init__(
        self,
        db: Database,
        on_changes: Callable[[CampaignChanges], None],
        *,
        on_health: Callable[[FeedHealth], None] | None = None,
        on_heads: Callable[[dict[int, int]], None] | None = None,
        name: str = "change-feed",
        resync_backlog: int = RESYNC_BACKLOG,
        wake_on_local_commits: bool = True,
        pace_s: float = 0.0,
    ) -> None:
        self.db = db
        # At most one delivery each `pace_s`: a window shows what was committed ten times a
        # second, and reading after each of the audience's commits (twenty or more a second in
        # a burst) would only read the same rows, figures and top donors twice as often, on a
        # thread that competes with the UI thread for the GIL. Nothing is missed: the changes
        # of the pause come in the next delivery.
        self.pace_s = pace_s
        self._delivered_at = 0.0
        self.on_changes = on_changes
        self.on_health = on_health
        self.on_heads = on_heads
        self.resync_backlog = resync_backlog
        self._follows: dict[int, _Follow] = {}
        self._generation = 0
        self._lock = threading.Lock()  # _follows, _dirty, _local
        self._delivering = threading.RLock()  # held while a callback runs
        self._dirty: set[int] = set()
        self._heads: dict[int, int] = {}
        self._health: FeedHealth | None = None
        self._stop = threading.Event()
        self._wakeup = Wakeup()
        path = sqlite_path(db.url)
        self._sqlite = path is not None
        self._watch: SqliteWatch | PgListener = (
            SqliteWatch(str(path)) if path is not None else PgListener(db.url)
        )
        self._engine: Engine | None = None
        # A commit in this process: look now rather than at the next poll (SQLite; on
        # PostgreSQL the NOTIFY comes at once). A pipeline's rules follower does not: its
        # own commits are donations, and the rules come from other seats.
        self._local = self._sqlite and wake_on_local_commits
        if self._local:
            event.listen(db.writer, "checkin", self._on_local_checkin)
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    # -- the consumer's side ----------------------------------------------------------------

    def follow(
        self, campaign_id: int, after_seq: int, *, kinds: Collection[str] | None = None
    ) -> None:
        """Deliver the campaign's changes after `after_seq` (the seq of the snapshot shown),
        and every later one, exactly once each, in order. Following again restarts from the
        seq given. `kinds`: only these kinds (ChangeKind values) are delivered."""
        with self._delivering, self._lock:
            self._generation += 1
            self._follows[campaign_id] = _Follow(
                after_seq, None if kinds is None else frozenset(kinds), self._generation
            )
            self._dirty.add(campaign_id)
        self._wakeup.wake()

    def unfollow(self, campaign_id: int) -> None:
        """Stop delivering the campaign's changes (a callback in progress ends first)."""
        with self._delivering, self._lock:
            self._follows.pop(campaign_id, None)
            self._dirty.discard(campaign_id)

    def position(self, campaign_id: int) -> int | None:
        """The last seq delivered for the campaign (None: not followed)."""
        with self._lock:
            follow = self._follows.get(campaign_id)
            return None if follow is None else follow.position

    def wake(self) -> None:
        """A commit in this process: look now (latency only; every change also comes by the
        feed's own path)."""
        self._wakeup.wake()

    @property
    def health(self) -> FeedHealth | None:
        return self._health

    @property
    def heads(self) -> dict[int, int]:
        with self._lock:
            return dict(self._heads)

    def stop(self, *_: object) -> None:
        """Ask the thread to end, without waiting for it (`close` waits)."""
        self._stop.set()
        self._wakeup.wake()
        with self._lock:
            local, self._local = self._local, False
        if local:
            event.remove(self.db.writer, "checkin", self._on_local_checkin)

    def close(self, timeout: float = 5.0) -> bool:
        """Stop following; True when the thread ended within `timeout` (it may be stuck on a
        database that does not answer: it is a daemon thread, it never holds the app up)."""
        self.stop()
        self._thread.join(timeout)
        return not self._thread.is_alive()  # the thread closed its pipe as it ended

    # -- the follower's thread --------------------------------------------------------------

    def _on_local_checkin(self, *_: Any) -> None:
        self._wakeup.wake()

    def _report(self, state: FeedState, reason: str | None = None) -> None:
        current = self._health
        if current is not None and current.state is state and current.reason == reason:
            return
        health = FeedHealth(state, reason, _now_us())
        self._health = health
        if state is FeedState.UNREACHABLE:
            log.warning("change feed: database unreachable (%s)", reason)
        elif current is not None:
            log.info("change feed: %s", state.value)
        if self.on_health is not None:
            try:
                self.on_health(health)
            except Exception:
                log.exception("feed health listener failed")

    def _run(self) -> None:
        backoff = RETRY_FIRST_S
        next_check = 0.0
        while not self._stop.is_set():
            rest = self._delivered_at + self.pace_s - time.monotonic()
            if rest > 0:
                self._stop.wait(rest)
                continue
            try:
                if not self._watch.is_open:
                    was_down = self._health is not None and not self._health.connected
                    self._guard(self._watch.open)
                    heads = self._guard(self._watch.heads)
                    self._report(FeedState.RECONNECTED if was_down else FeedState.CONNECTED)
                    self._apply(heads, full=True)
                    if was_down:
                        self._report(FeedState.RESYNCED)
                    backoff = RETRY_FIRST_S
                    next_check = time.monotonic() + PG_CHECK_EVERY_S
                    continue  # what that delivered starts the pace too (above)
                if self._sqlite:
                    heads = self._guard(partial(self._watch.wait, self._wakeup, SQLITE_POLL_S))
                    self._apply(heads, full=heads is not None)
                    continue
                timeout = max(0.0, next_check - time.monotonic())
                notified = self._guard(partial(self._watch.wait, self._wakeup, timeout))
                if time.monotonic() >= next_check:
                    heads = self._guard(self._watch.heads)
                    next_check = time.monotonic() + PG_CHECK_EVERY_S
                    if notified:
                        heads.update({c: max(s, heads.get(c, 0)) for c, s in notified.items()})
                    self._apply(heads, full=True)
                else:
                    self._apply(notified, full=False)
            except _UnreachableError as exc:
                self._watch.close()
                self._drop_engine()
                if self._stop.is_set():
                    break
                self._report(FeedState.UNREACHABLE, str(exc))
                self._stop.wait(backoff)
                backoff = min(RETRY_MAX_S, backoff * 2)
            except Exception:  # a bug: said in the log, never a dead feed
                log.exception("change feed failed; starting again")
                self._watch.close()
                self._drop_engine()
                self._stop.wait(RETRY_MAX_S)
        self._watch.close()
        self._drop_engine()
        # Its pipe too: a follower only stopped (its bridge deleted by Qt) is never joined.
        self._wakeup.close()

    def _guard(self, work: Callable[[], Any]) -> Any:
        """Run database work; a connection or disk failure becomes _UnreachableError."""
        try:
            return work()
        except _UnreachableError:
            raise
        except (OperationalError, InterfaceError, OSError) as exc:
            raise _UnreachableError(exc) from exc
        except Exception as exc:
            if _is_driver_error(exc):
                raise _UnreachableError(exc) from exc
            raise

    def _apply(self, heads: dict[int, int] | None, *, full: bool) -> None:
        """New heads: tell on_heads, then catch up every followed campaign that is behind."""
        with self._lock:
            if heads:
                before = dict(self._heads)
                if full:
                    self._heads = dict(heads)
                else:
                    self._heads.update(heads)
                moved = self._heads != before
            else:
                moved = False
            heads_now = dict(self._heads)
            due = [
                c
                for c, f in self._follows.items()
                if c in self._dirty or heads_now.get(c, 0) > f.position
            ]
            self._dirty.clear()
        if moved and self.on_heads is not None:
            try:
                self.on_heads(heads_now)
            except Exception:
                log.exception("feed heads listener failed")
        for campaign_id in due:
            if self._stop.is_set():
                return
            self._catch_up(campaign_id)

    def _catch_up(self, campaign_id: int) -> None:
        while not self._stop.is_set():
            with self._lock:
                follow = self._follows.get(campaign_id)
                if follow is None:
                    return
                position, kinds, generation = follow.position, follow.kinds, follow.generation
            try:
                changes = self._guard(partial(self._read, campaign_id, position, kinds))
            except NotFoundError:  # no such campaign (a wiped database): nothing to follow
                log.warning("change feed: campaign %d not found; not followed", campaign_id)
                with self._lock:
                    if self._follows.get(campaign_id) is follow:
                        del self._follows[campaign_id]
                return
            if changes is None:
                return
            with self._delivering:
                with self._lock:
                    current = self._follows.get(campaign_id)
                    if current is None or current.generation != generation:
                        continue  # followed again meanwhile: start from its new seq
                if changes.events or changes.resync:
                    self._delivered_at = time.monotonic()
                    try:
                        self.on_changes(changes)
                    except Exception:  # the consumer's bug: logged; the feed goes on
                        log.exception("change listener failed on campaign %d", campaign_id)
                with self._lock:
                    if current is self._follows.get(campaign_id):
                        current.position = changes.last_seq
            if changes.last_seq >= changes.campaign.change_seq:
                return  # caught up with the head read in the same transaction

    def _read(
        self, campaign_id: int, after_seq: int, kinds: frozenset[str] | None
    ) -> CampaignChanges | None:
        if kinds is None or kinds & DONOR_KINDS:
            self._catch_up_donors_if_far_behind(campaign_id)
        with self._reading() as conn:
            return resolve_changes(
                conn, campaign_id, after_seq, kinds=kinds, resync_backlog=self.resync_backlog
            )

    def _catch_up_donors_if_far_behind(self, campaign_id: int) -> None:
        """The donor figures read above the aggregate's watermark; when nobody has folded the
        donations in for long (a headless rehearsal elsewhere), fold them in once."""
        with self._reading() as conn:
            behind = views.watermark(conn, campaign_id).behind
        if behind > CATCH_UP_AFTER:
            try:
                LedgerStore(self.db).catch_up_donor_stats(campaign_id)
            except SQLAlchemyError as exc:
                log.warning("donor figures not caught up: %s", exc)

    @contextmanager
    def _reading(self) -> Iterator[Connection]:
        if self._sqlite:
            with read_transaction(self.db) as conn:
                yield conn
            return
        if self._engine is None:
            self._engine = feed_engine(self.db)
        with self._engine.connect() as conn, deadline(conn, PG_READ_TIMEOUT_S):
            repeatable = conn.execution_options(isolation_level="REPEATABLE READ")
            with repeatable.begin():
                yield repeatable

    def _drop_engine(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None


def _is_driver_error(exc: BaseException) -> bool:
    """A psycopg or sqlite3 error raised outside SQLAlchemy (the listening connection)."""
    module = type(exc).__module__
    return module.startswith(("psycopg", "sqlite3"))


def rules_and_seq(db: Database, campaign: CampaignRecord) -> tuple[ModerationRules, int]:
    """The campaign's moderation rules and the seq they are as of (one read transaction)."""
    with read_transaction(db) as conn:
        return rules_in(conn, campaign.id, campaign.currency), views.campaign(
            conn, campaign.id
        ).change_seq


def follow_rules(
    db: Database,
    campaign_id: int,
    after_seq: int,
    apply: Callable[[ModerationRules], None],
) -> ChangeFollower:
    """A follower that hands the campaign's rules to `apply` (IngestionPipeline.set_moderation)
    each time they or its blocked donors change, on any seat, from `after_seq` on."""

    def changed(changes: CampaignChanges) -> None:
        if changes.moderation is not None:
            apply(changes.moderation)

    follower = ChangeFollower(
        db, changed, name=f"rules-feed-{campaign_id}", wake_on_local_commits=False
    )
    follower.follow(campaign_id, after_seq, kinds=RULE_KINDS)
    return follower
