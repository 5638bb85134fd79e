"""The story store: every SQL statement of stickers and the shared Story.

A donor's giving is summed from their donations (first and latest completed time, counts, the
on-air privacy flags). The shared Story lists frames whose donor still has a completed
donation through the `donors` aggregate (indexed on campaign and donor key), so a refunded
donor's frame leaves the listing without anything being deleted, and 10,000 frames list as
light rows; designs and images are loaded one frame at a time.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, case, func, select, update

from livegiving_desktop.core.changes import ChangeKind
from livegiving_desktop.core.donations import DonationStatus
from livegiving_desktop.core.errors import NotFoundError, StateError
from livegiving_desktop.core.records import CampaignRecord
from livegiving_desktop.core.stickers import DonorGiving, StickerState, sticker_state
from livegiving_desktop.core.story import SharedFrameRef
from livegiving_desktop.db.changes import record_change
from livegiving_desktop.db.engine import Database, dialect_insert
from livegiving_desktop.db.ledger import LedgerStore, now_us
from livegiving_desktop.db.models import campaigns, donations, donors
from livegiving_desktop.db.models import story_frames as frames

_COMPLETED = DonationStatus.COMPLETED.value
_completed = donations.c.status == _COMPLETED

_GIVING_COLUMNS = (
    func.max(donations.c.donor_name),
    func.sum(case((_completed, 1), else_=0)),
    func.sum(case((_completed, 0), else_=1)),
    func.coalesce(func.sum(case((_completed, donations.c.amount_minor), else_=0)), 0),
    func.min(case((_completed, donations.c.received_at_us))),
    func.max(case((_completed, donations.c.received_at_us))),
    func.sum(case((_completed & ~donations.c.anonymous, 1), else_=0)),
    func.max(case((_completed & donations.c.hide_name_on_air, 1), else_=0)),
    func.max(case((_completed & donations.c.hide_amount_on_air, 1), else_=0)),
)


def _giving(donor_key: str, row: Any) -> DonorGiving:
    name, done, refunded, total, first, last, named, hide_name, hide_amount = row
    return DonorGiving(
        donor_key=donor_key,
        donor_name=name or "",
        completed_count=int(done or 0),
        refunded_count=int(refunded or 0),
        total_minor=int(total or 0),
        first_completed_us=None if first is None else int(first),
        last_completed_us=None if last is None else int(last),
        named_count=int(named or 0),
        hide_name=bool(hide_name),
        hide_amount=bool(hide_amount),
    )


@dataclass(frozen=True, slots=True)
class StoredFrame:
    """A story_frames row with its donor's giving (for the privacy choices)."""

    frame_id: int
    campaign_id: int
    donor_key: str
    donor_name: str
    shared_at_us: int
    design: str
    background_image: bytes | None
    giving: DonorGiving | None


@dataclass(frozen=True, slots=True)
class ShareResult:
    frame_id: int
    replaced: bool  # the donor had shared before: their earlier frame was replaced


class StoryStore:
    """Synchronous access to stickers and stories. Thread-safe: a connection per call."""

    def __init__(self, db: Database, ledger: LedgerStore | None = None) -> None:
        self.db = db
        self.ledger = ledger or LedgerStore(db)

    # -- giving ----------------------------------------------------------------------------

    def _giving_in(self, conn: Connection, campaign_id: int, donor_key: str) -> DonorGiving | None:
        # No index on donor_key: this reads the campaign's donations (fine up to ~10^5 rows).
        row = conn.execute(
            select(*_GIVING_COLUMNS).where(
                donations.c.campaign_id == campaign_id, donations.c.donor_key == donor_key
            )
        ).one()
        if row[1] is None:
            return None
        return _giving(donor_key, row)

    def giving(self, campaign_id: int, donor_key: str) -> DonorGiving | None:
        """The donor's donations to the campaign summed up; None if they never gave."""
        with self.db.reader.connect() as conn:
            return self._giving_in(conn, campaign_id, donor_key)

    def giving_by_campaign(self, donor_key: str) -> dict[int, DonorGiving]:
        """The donor's giving to every campaign they gave to (one pass over the donations)."""
        query = (
            select(donations.c.campaign_id, *_GIVING_COLUMNS)
            .where(donations.c.donor_key == donor_key)
            .group_by(donations.c.campaign_id)
        )
        with self.db.reader.connect() as conn:
            return {int(row[0]): _giving(donor_key, row[1:]) for row in conn.execute(query)}

    def givings(self, campaign_id: int) -> dict[str, DonorGiving]:
        """Every donor's giving to the campaign (one grouped pass, for the export)."""
        query = (
            select(donations.c.donor_key, *_GIVING_COLUMNS)
            .where(donations.c.campaign_id == campaign_id)
            .group_by(donations.c.donor_key)
        )
        with self.db.reader.connect() as conn:
            return {row[0]: _giving(row[0], row[1:]) for row in conn.execute(query)}

    # -- sharing ---------------------------------------------------------------------------

    def share_frame(
        self,
        campaign: CampaignRecord,
        donor_key: str,
        design_json: str,
        background_image: bytes | None,
        *,
        at_us: int | None = None,
    ) -> ShareResult:
        """Add or replace the donor's frame. The sticker is checked in the same transaction:
        a donor whose sticker is not unlocked (never gave, expired, refunded) is refused."""
        stamp = now_us() if at_us is None else at_us
        with self.db.writer.begin() as conn:
            self.ledger._lock_campaign(conn, campaign.id)
            giving = self._giving_in(conn, campaign.id, donor_key)
            state = sticker_state(giving, campaign.sticker_hours, stamp)
            if state is not StickerState.UNLOCKED or giving is None:
                raise StateError(_refusal(state))
            existing = conn.execute(
                select(frames.c.id).where(
                    frames.c.campaign_id == campaign.id, frames.c.donor_key == donor_key
                )
            ).scalar_one_or_none()
            values = {
                "campaign_id": campaign.id,
                "donor_key": donor_key,
                "donor_name": giving.donor_name[:100],
                "shared_at_us": stamp,
                "design": design_json,
                "background_image": background_image,
            }
            insert = dialect_insert(self.db, frames).values(**values)
            upsert = insert.on_conflict_do_update(
                index_elements=["campaign_id", "donor_key"],
                set_={k: insert.excluded[k] for k in values if k != "campaign_id"},
            ).returning(frames.c.id)
            frame_id = int(conn.execute(upsert).scalar_one())
            record_change(conn, campaign.id, ChangeKind.STORY, at_us=stamp, ids=[frame_id],
                          detail={"replaced": existing is not None})  # fmt: skip
        return ShareResult(frame_id, existing is not None)

    # -- settings --------------------------------------------------------------------------

    def set_sticker_settings(
        self, campaign_id: int, *, hours: int | None, primary: str | None, accent: str | None
    ) -> None:
        """The campaign's sticker hours and colours (values already checked)."""
        values: dict[str, object] = {}
        if hours is not None:
            values["sticker_hours"] = hours
        if primary is not None:
            values["primary_color"] = primary
        if accent is not None:
            values["accent_color"] = accent
        with self.db.writer.begin() as conn:
            self.ledger._lock_campaign(conn, campaign_id)
            if values:
                conn.execute(update(campaigns).where(campaigns.c.id == campaign_id).values(values))
                record_change(conn, campaign_id, ChangeKind.CAMPAIGN,
                              detail={"event": "settings", "fields": sorted(values)})  # fmt: skip

    # -- the shared story ------------------------------------------------------------------

    def frame_refs(self, campaign_id: int) -> list[SharedFrameRef]:
        """The shared Story in the order it was shared: ids and times only. A frame whose
        donor has no completed donation left (all refunded) is not listed."""
        self.ledger.catch_up_donor_stats(campaign_id)
        query = (
            select(frames.c.id, frames.c.donor_key, frames.c.shared_at_us)
            .join(
                donors,
                (donors.c.campaign_id == frames.c.campaign_id)
                & (donors.c.donor_key == frames.c.donor_key),
            )
            .where(frames.c.campaign_id == campaign_id, donors.c.donation_count > 0)
            .order_by(frames.c.shared_at_us, frames.c.id)
        )
        with self.db.reader.connect() as conn:
            return [SharedFrameRef(int(i), k, int(t)) for i, k, t in conn.execute(query)]

    def _frame_query(self) -> Any:
        return select(
            frames.c.id,
            frames.c.campaign_id,
            frames.c.donor_key,
            frames.c.donor_name,
            frames.c.shared_at_us,
            frames.c.design,
            frames.c.background_image,
        )

    def frame(self, frame_id: int) -> StoredFrame:
        """One frame with its donor's giving (privacy and amount)."""
        with self.db.reader.connect() as conn:
            row = conn.execute(self._frame_query().where(frames.c.id == frame_id)).first()
            if row is None:
                raise NotFoundError("frame", f"no story frame has the id {frame_id}")
            giving = self._giving_in(conn, int(row.campaign_id), row.donor_key)
        return _stored(row, giving)

    def frame_of(self, campaign_id: int, donor_key: str) -> StoredFrame | None:
        """The donor's own frame, if they shared one (the composer starts from it)."""
        with self.db.reader.connect() as conn:
            row = conn.execute(
                self._frame_query().where(
                    frames.c.campaign_id == campaign_id, frames.c.donor_key == donor_key
                )
            ).first()
            if row is None:
                return None
            giving = self._giving_in(conn, campaign_id, donor_key)
        return _stored(row, giving)

    def iter_frames(
        self, campaign_id: int, givings: dict[str, DonorGiving], chunk: int = 200
    ) -> Iterator[StoredFrame]:
        """Every listed frame, loaded a chunk at a time (the export)."""
        refs = self.frame_refs(campaign_id)
        for start in range(0, len(refs), chunk):
            ids = [r.frame_id for r in refs[start : start + chunk]]
            with self.db.reader.connect() as conn:
                rows = {
                    int(row.id): row
                    for row in conn.execute(self._frame_query().where(frames.c.id.in_(ids)))
                }
            for frame_id in ids:
                row = rows.get(frame_id)
                if row is not None:
                    yield _stored(row, givings.get(row.donor_key))


def _stored(row: Any, giving: DonorGiving | None) -> StoredFrame:
    return StoredFrame(
        frame_id=int(row.id),
        campaign_id=int(row.campaign_id),
        donor_key=row.donor_key,
        donor_name=row.donor_name,
        shared_at_us=int(row.shared_at_us),
        design=row.design,
        background_image=row.background_image,
        giving=giving,
    )


def _refusal(state: StickerState) -> str:
    if state is StickerState.EXPIRED:
        return "this donor's sticker has expired; a new donation unlocks it again"
    if state is StickerState.REVOKED:
        return "this donor's donations were refunded; their sticker is locked"
    return "only a donor whose sticker is unlocked can share a Story"
