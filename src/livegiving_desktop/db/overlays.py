"""The overlay store: every SQL statement of the OBS overlays.

A campaign's overlay row (token, settings JSON, controls) is made on first use. The reads the
overlay server needs (its snapshot, the alerts a returning page missed, the rows a change
touched) each run in one read transaction, REPEATABLE READ on PostgreSQL, so what they return
is one state of the ledger, named by the campaign's `change_seq`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Connection, Table, func, select, update
from sqlalchemy.dialects import postgresql, sqlite

from livegiving_desktop.core.errors import NotFoundError
from livegiving_desktop.core.overlays import new_overlay_token
from livegiving_desktop.core.records import CampaignRecord, StoredDonation
from livegiving_desktop.db.engine import Database
from livegiving_desktop.db.ledger import _DONATION_COLUMNS, now_us
from livegiving_desktop.db.ledger import _campaign as _campaign_record
from livegiving_desktop.db.models import AuditEntry, Campaign, Donation, OverlaySetup, StoryFrame

campaigns = cast(Table, Campaign.__table__)
donations = cast(Table, Donation.__table__)
overlays = cast(Table, OverlaySetup.__table__)
audit_log = cast(Table, AuditEntry.__table__)
frames = cast(Table, StoryFrame.__table__)

CONTROLS = ("test", "replay", "skip")


@dataclass(frozen=True, slots=True)
class OverlaySetupRecord:
    """A campaign's overlay row: token, settings (JSON, checked by core/overlays.py) and
    the controls' state."""

    campaign_id: int
    token: str
    settings: str
    paused: bool
    test_count: int
    replay_count: int
    skip_count: int
    updated_at_us: int


@dataclass(frozen=True, slots=True)
class StoryHead:
    """The newest frame of the campaign's shared Story (sharing again replaces a frame and
    moves its time)."""

    frame_id: int
    shared_at_us: int


@dataclass(frozen=True, slots=True)
class LedgerView:
    """One read of what the overlays show, at one state of the ledger."""

    campaign: CampaignRecord
    change_seq: int
    setup: OverlaySetupRecord | None
    recent: list[StoredDonation]  # newest first
    last_donation_id: int  # the campaign's newest donation id (0: none)
    last_audit_id: int  # the newest audit row of the campaign (0: none)
    story: StoryHead | None


@dataclass(frozen=True, slots=True)
class LedgerDelta:
    """What changed after a point (`after_donation_id`, `after_audit_id`), read at one
    state: the new donations (oldest first, at most the limit asked: read again for the
    rest), the donations that moderator actions touched since (as they are now)."""

    campaign: CampaignRecord
    change_seq: int
    setup: OverlaySetupRecord | None
    new_donations: list[StoredDonation]
    more: bool  # more new donations than the limit: read again from the last one
    touched: list[StoredDonation]
    last_audit_id: int
    story: StoryHead | None


def _setup(row: Any) -> OverlaySetupRecord:
    return OverlaySetupRecord(
        campaign_id=int(row.campaign_id),
        token=row.token,
        settings=row.settings,
        paused=bool(row.paused),
        test_count=int(row.test_count),
        replay_count=int(row.replay_count),
        skip_count=int(row.skip_count),
        updated_at_us=int(row.updated_at_us),
    )


_SETUP_COLUMNS = (
    overlays.c.campaign_id,
    overlays.c.token,
    overlays.c.settings,
    overlays.c.paused,
    overlays.c.test_count,
    overlays.c.replay_count,
    overlays.c.skip_count,
    overlays.c.updated_at_us,
)


class OverlayStore:
    """Synchronous access to the overlays' rows. Thread-safe: each call uses its own
    connection."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._insert = (
            postgresql.insert(overlays) if db.dialect == "postgresql" else sqlite.insert(overlays)
        ).on_conflict_do_nothing(index_elements=["campaign_id"])

    # -- the campaign's overlay row ---------------------------------------------------------

    def setup(self, campaign_id: int) -> OverlaySetupRecord | None:
        with self.db.reader.connect() as conn:
            return self._setup_in(conn, campaign_id)

    def ensure_setup(self, campaign_id: int, default_settings: str) -> OverlaySetupRecord:
        """The campaign's overlay row, made with a new token and the default settings on
        first use (two seats at once: one row, the other's insert does nothing)."""
        found = self.setup(campaign_id)
        if found is not None:
            return found
        with self.db.writer.begin() as conn:
            self._require_campaign(conn, campaign_id)
            conn.execute(
                self._insert.values(
                    campaign_id=campaign_id,
                    token=new_overlay_token(),
                    settings=default_settings,
                    paused=False,
                    test_count=0,
                    replay_count=0,
                    skip_count=0,
                    updated_at_us=now_us(),
                )
            )
            row = self._setup_in(conn, campaign_id)
        assert row is not None
        return row

    def campaign_for_token(self, token: str) -> int | None:
        with self.db.reader.connect() as conn:
            found = conn.execute(
                select(overlays.c.campaign_id).where(overlays.c.token == token)
            ).first()
        return None if found is None else int(found[0])

    def save_settings(self, campaign_id: int, settings_json: str) -> OverlaySetupRecord:
        return self._update(campaign_id, settings=settings_json)

    def rotate_token(self, campaign_id: int) -> OverlaySetupRecord:
        return self._update(campaign_id, token=new_overlay_token())

    def set_paused(self, campaign_id: int, paused: bool) -> OverlaySetupRecord:
        return self._update(campaign_id, paused=paused)

    def count_control(self, campaign_id: int, action: str) -> OverlaySetupRecord:
        """One more test alert, replay or skip: every overlay server of the campaign acts on
        each increment once."""
        if action not in CONTROLS:
            raise ValueError(action)
        column = overlays.c[f"{action}_count"]
        return self._update(campaign_id, **{column.name: column + 1})

    def _update(self, campaign_id: int, **values: Any) -> OverlaySetupRecord:
        with self.db.writer.begin() as conn:
            result = conn.execute(
                update(overlays)
                .where(overlays.c.campaign_id == campaign_id)
                .values(updated_at_us=now_us(), **values)
                .returning(*_SETUP_COLUMNS)
            ).first()
        if result is None:
            raise NotFoundError("campaign", f"campaign {campaign_id} has no overlays yet")
        return _setup(result)

    # -- reads of the ledger ----------------------------------------------------------------

    def view(self, campaign_id: int, recent: int) -> LedgerView:
        """The campaign, its newest `recent` donations, the newest audit row and Story frame
        and its overlay row, in one read transaction (the overlay server's snapshot)."""
        with self._read() as conn:
            campaign, seq = self._campaign_in(conn, campaign_id)
            rows = conn.execute(
                select(*_DONATION_COLUMNS)
                .where(donations.c.campaign_id == campaign_id)
                .order_by(donations.c.id.desc())
                .limit(recent)
            ).all()
            recent_rows = [StoredDonation._make(r) for r in rows]
            last_id = recent_rows[0].id if recent_rows else 0
            return LedgerView(
                campaign=campaign,
                change_seq=seq,
                setup=self._setup_in(conn, campaign_id),
                recent=recent_rows,
                last_donation_id=last_id,
                last_audit_id=self._last_audit_in(conn, campaign_id),
                story=self._story_in(conn, campaign_id),
            )

    def delta(
        self, campaign_id: int, after_donation_id: int, after_audit_id: int, limit: int
    ) -> LedgerDelta:
        """What changed after the donation and audit ids given, in one read transaction."""
        with self._read() as conn:
            campaign, seq = self._campaign_in(conn, campaign_id)
            rows = conn.execute(
                select(*_DONATION_COLUMNS)
                .where(donations.c.campaign_id == campaign_id, donations.c.id > after_donation_id)
                .order_by(donations.c.id)
                .limit(limit + 1)
            ).all()
            new = [StoredDonation._make(r) for r in rows[:limit]]
            audit = conn.execute(
                select(audit_log.c.id, audit_log.c.donation_id)
                .where(audit_log.c.campaign_id == campaign_id, audit_log.c.id > after_audit_id)
                .order_by(audit_log.c.id)
            ).all()
            last_audit = int(audit[-1].id) if audit else after_audit_id
            # A donation touched after it was read as new; newer ones are read as new, as
            # they are now, by this read or a later one.
            touched_ids = sorted(
                {int(a.donation_id) for a in audit
                 if a.donation_id is not None and a.donation_id <= after_donation_id}
            )  # fmt: skip
            return LedgerDelta(
                campaign=campaign,
                change_seq=seq,
                setup=self._setup_in(conn, campaign_id),
                new_donations=new,
                more=len(rows) > limit,
                touched=self._donations_in(conn, campaign_id, touched_ids),
                last_audit_id=last_audit,
                story=self._story_in(conn, campaign_id),
            )

    def donations_by_id(self, campaign_id: int, ids: Sequence[int]) -> list[StoredDonation]:
        with self.db.reader.connect() as conn:
            return self._donations_in(conn, campaign_id, ids)

    def completed_after(
        self, campaign_id: int, after_id: int, upto_id: int, since_us: int, limit: int
    ) -> tuple[list[StoredDonation], int]:
        """Completed donations with after_id < id <= upto_id received since `since_us`: the
        oldest `limit` of them, and how many there are in all (the alerts a page missed)."""
        where = (
            donations.c.campaign_id == campaign_id,
            donations.c.id > after_id,
            donations.c.id <= upto_id,
            donations.c.status == "completed",
            donations.c.received_at_us >= since_us,
        )
        with self._read() as conn:
            total = conn.execute(select(func.count()).where(*where)).scalar_one()
            rows = conn.execute(
                select(*_DONATION_COLUMNS).where(*where).order_by(donations.c.id).limit(limit)
            ).all()
        return [StoredDonation._make(r) for r in rows], int(total)

    # -- helpers ----------------------------------------------------------------------------

    def _read(self) -> Any:
        """A read transaction that sees one state of the ledger."""
        conn = self.db.reader.connect()
        if self.db.dialect == "postgresql":
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
        return _ReadTransaction(conn)

    @staticmethod
    def _campaign_in(conn: Connection, campaign_id: int) -> tuple[CampaignRecord, int]:
        row = conn.execute(select(campaigns).where(campaigns.c.id == campaign_id)).first()
        if row is None:
            raise NotFoundError("campaign", f"no campaign has the id {campaign_id}")
        return _campaign_record(row), int(row.change_seq)

    @staticmethod
    def _require_campaign(conn: Connection, campaign_id: int) -> None:
        found = conn.execute(select(campaigns.c.id).where(campaigns.c.id == campaign_id)).first()
        if found is None:
            raise NotFoundError("campaign", f"no campaign has the id {campaign_id}")

    @staticmethod
    def _setup_in(conn: Connection, campaign_id: int) -> OverlaySetupRecord | None:
        row = conn.execute(
            select(*_SETUP_COLUMNS).where(overlays.c.campaign_id == campaign_id)
        ).first()
        return None if row is None else _setup(row)

    @staticmethod
    def _last_audit_in(conn: Connection, campaign_id: int) -> int:
        value = conn.execute(
            select(func.max(audit_log.c.id)).where(audit_log.c.campaign_id == campaign_id)
        ).scalar_one()
        return int(value or 0)

    @staticmethod
    def _story_in(conn: Connection, campaign_id: int) -> StoryHead | None:
        row = conn.execute(
            select(frames.c.id, frames.c.shared_at_us)
            .where(frames.c.campaign_id == campaign_id)
            .order_by(frames.c.shared_at_us.desc(), frames.c.id.desc())
            .limit(1)
        ).first()
        return None if row is None else StoryHead(int(row.id), int(row.shared_at_us))

    @staticmethod
    def _donations_in(
        conn: Connection, campaign_id: int, ids: Sequence[int]
    ) -> list[StoredDonation]:
        found: list[StoredDonation] = []
        ids = list(ids)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            found.extend(
                StoredDonation._make(r)
                for r in conn.execute(
                    select(*_DONATION_COLUMNS)
                    .where(donations.c.campaign_id == campaign_id, donations.c.id.in_(chunk))
                    .order_by(donations.c.id)
                )
            )
        return found


class _ReadTransaction:
    """`with store._read() as conn:` one read transaction, closed after."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def __enter__(self) -> Connection:
        self._conn.begin()
        return self._conn

    def __exit__(self, *exc: object) -> None:
        try:
            self._conn.rollback()
        finally:
            self._conn.close()
