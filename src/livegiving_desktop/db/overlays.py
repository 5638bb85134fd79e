"""The overlay store: every SQL statement of the OBS overlays.

A campaign's overlay row (token, settings JSON, controls) is made on first use; each change
of it is a change of the campaign on the change feed (kind `campaign`, detail
`{"event": "overlays"}`), so every overlay server and seat learns of it. The reads the overlay
server needs (its snapshot, the alerts a returning page missed) each run in one read
transaction (db/changes.read_transaction), so what they return is one state of the ledger,
named by the campaign's `change_seq`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, select, update

from livegiving_desktop.core.changes import ChangeKind
from livegiving_desktop.core.errors import NotFoundError
from livegiving_desktop.core.overlays import new_overlay_token
from livegiving_desktop.core.records import CampaignRecord, StoredDonation, TopDonor
from livegiving_desktop.db import views
from livegiving_desktop.db.changes import read_transaction, record_change
from livegiving_desktop.db.engine import Database, dialect_insert
from livegiving_desktop.db.ledger import _DONATION_COLUMNS, now_us
from livegiving_desktop.db.models import campaigns, donations
from livegiving_desktop.db.models import overlay_settings as overlays
from livegiving_desktop.db.models import story_frames as frames

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
    """One read of what the overlays show, at one state of the ledger: `campaign.change_seq`
    names it (the change feed delivers what comes after)."""

    campaign: CampaignRecord
    setup: OverlaySetupRecord | None
    recent: list[StoredDonation]  # newest first
    last_donation_id: int  # the campaign's newest donation id (0: none)
    top: list[TopDonor]
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
        self._insert = dialect_insert(db, overlays).on_conflict_do_nothing(
            index_elements=["campaign_id"]
        )

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
            record_change(conn, campaign_id, ChangeKind.CAMPAIGN,
                          detail={"event": "overlays", "overlays": "created"})  # fmt: skip
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
        return self._update(campaign_id, "settings", settings=settings_json)

    def rotate_token(self, campaign_id: int) -> OverlaySetupRecord:
        return self._update(campaign_id, "token", token=new_overlay_token())

    def set_paused(self, campaign_id: int, paused: bool) -> OverlaySetupRecord:
        return self._update(campaign_id, "pause" if paused else "resume", paused=paused)

    def count_control(self, campaign_id: int, action: str) -> OverlaySetupRecord:
        """One more test alert, replay or skip: every overlay server of the campaign acts on
        each increment once."""
        if action not in CONTROLS:
            raise ValueError(action)
        column = overlays.c[f"{action}_count"]
        return self._update(campaign_id, action, **{column.name: column + 1})

    def _update(self, campaign_id: int, what: str, **values: Any) -> OverlaySetupRecord:
        """Change the overlay row; a change of the campaign (`detail.overlays`) on the change
        feed tells every overlay server and seat. The campaign row is locked first (the
        feed's bump), as every write does."""
        with self.db.writer.begin() as conn:
            record_change(conn, campaign_id, ChangeKind.CAMPAIGN,
                          detail={"event": "overlays", "overlays": what})  # fmt: skip
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

    def view(self, campaign_id: int, recent: int, top: int) -> LedgerView:
        """The campaign, its newest `recent` donations, its top donors, its newest Story frame
        and its overlay row, in one read transaction (the overlay server's snapshot)."""
        with read_transaction(self.db) as conn:
            campaign = views.campaign(conn, campaign_id)
            rows = views.recent_donations(conn, campaign_id, recent)
            mark = views.watermark(conn, campaign_id)
            return LedgerView(
                campaign=campaign,
                setup=self._setup_in(conn, campaign_id),
                recent=rows,
                last_donation_id=mark.max_id,
                top=views.top_donors(conn, campaign_id, mark, top),
                story=self._story_in(conn, campaign_id),
            )

    def story_head(self, campaign_id: int) -> StoryHead | None:
        with self.db.reader.connect() as conn:
            return self._story_in(conn, campaign_id)

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
        with read_transaction(self.db) as conn:
            total = conn.execute(select(func.count()).where(*where)).scalar_one()
            rows = conn.execute(
                select(*_DONATION_COLUMNS).where(*where).order_by(donations.c.id).limit(limit)
            ).all()
        return [StoredDonation._make(r) for r in rows], int(total)

    # -- helpers ----------------------------------------------------------------------------

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
