"""Where the overlay server learns what the ledger committed: a snapshot with its sequence
number, then the changes after it, in order, each once.

`OverlaySource` is the small interface the server uses. `FeedSource` implements it over the
change feed (services/changes.ChangeFollower, one thread of its own): the snapshot is read in
one read transaction with the campaign's `change_seq`, the follower delivers every change
after that seq, and each delivery becomes one `OverlayChanges` (the Story frame just shared
and the overlay row, when they changed, read on the feed's thread). When the feed says
`resync` (far behind), a new snapshot is read and handed over as `reset`.

Callbacks run on the feed's thread; the server hops to its own loop.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from sqlalchemy.exc import SQLAlchemyError

from livegiving_desktop.core.changes import ChangeKind
from livegiving_desktop.core.errors import LiveGivingError
from livegiving_desktop.core.records import CampaignRecord, StoredDonation, TopDonor
from livegiving_desktop.db.engine import Database
from livegiving_desktop.db.ledger import LedgerStore
from livegiving_desktop.db.overlays import OverlaySetupRecord, OverlayStore, StoryHead
from livegiving_desktop.db.stories import StoryStore
from livegiving_desktop.services.changes import CampaignChanges, ChangeFollower
from livegiving_desktop.services.stories import shown_frame

log = logging.getLogger("livegiving.overlays")

# What the overlays show changes with these kinds only (thanks, rules and blocked donors
# do not show on air): the feed covers the others' seqs without reading for them.
OVERLAY_KINDS = frozenset({
    ChangeKind.DONATIONS, ChangeKind.MESSAGE, ChangeKind.PRIVACY, ChangeKind.REFUND,
    ChangeKind.CAMPAIGN, ChangeKind.STORY, ChangeKind.TICKETS, ChangeKind.ADMISSIONS,
})  # fmt: skip
RECENT_ROWS = 50  # the newest donations a snapshot holds (the ticker shows at most 50)
TOP_DONORS = 5


@dataclass(frozen=True, slots=True)
class StorySpotlight:
    """A frame just shared to the campaign's Story, as the air shows it."""

    frame_id: int
    name: str | None  # None: Anonymous
    caption: str
    amount_minor: int | None  # None: not shown


@dataclass(frozen=True, slots=True)
class OverlaySnapshot:
    """The state the overlays start from, read at one state of the ledger named by `seq`."""

    seq: int
    campaign: CampaignRecord
    setup: OverlaySetupRecord
    recent: list[StoredDonation]  # newest first
    last_donation_id: int
    top: list[TopDonor]
    story: StoryHead | None


@dataclass(frozen=True, slots=True)
class OverlayChanges:
    """What was committed after the previous seq, up to `seq`."""

    seq: int
    campaign: CampaignRecord  # the row now (status, goal, totals, event figures)
    new_donations: list[StoredDonation] = field(default_factory=list)  # oldest first
    missed: int = 0  # new donations not in the list (too many at once)
    updated: list[StoredDonation] = field(default_factory=list)  # as they are now
    top: list[TopDonor] | None = None  # when the top donors may have changed
    story: StorySpotlight | None = None  # a frame newly shared
    setup: OverlaySetupRecord | None = None  # the overlay row, when it changed
    reset: OverlaySnapshot | None = None  # far behind: start again from this snapshot


OnChanges = Callable[[OverlayChanges], None]


class OverlaySource(Protocol):
    """A source of "snapshot with seq" and "changes after seq"."""

    def snapshot(self, campaign_id: int) -> OverlaySnapshot:
        """Read the campaign's overlay state (blocking: call it off the event loop)."""
        ...

    def follow(self, snapshot: OverlaySnapshot, on_changes: OnChanges) -> None:
        """Report every change after `snapshot.seq`, in order, each once."""
        ...

    def unfollow(self, campaign_id: int) -> None: ...

    def wake(self) -> None:
        """Something was committed in this process: look now."""
        ...

    def close(self) -> None: ...


@dataclass
class _Followed:
    campaign_id: int
    on_changes: OnChanges
    story: StoryHead | None
    setup: OverlaySetupRecord


class FeedSource:
    """OverlaySource over the change feed (see the module doc)."""

    def __init__(self, db: Database, *, store: OverlayStore | None = None) -> None:
        self.db = db
        self.store = store or OverlayStore(db)
        self.stories = StoryStore(db, LedgerStore(db))
        self._followed: dict[int, _Followed] = {}
        self._lock = threading.Lock()
        self._follower: ChangeFollower | None = None

    # -- OverlaySource ------------------------------------------------------------------------

    def snapshot(self, campaign_id: int) -> OverlaySnapshot:
        view = self.store.view(campaign_id, RECENT_ROWS, TOP_DONORS)
        if view.setup is None:
            raise LiveGivingError(f"campaign {campaign_id} has no overlays")
        return OverlaySnapshot(
            seq=view.campaign.change_seq,
            campaign=view.campaign,
            setup=view.setup,
            recent=view.recent,
            last_donation_id=view.last_donation_id,
            top=view.top,
            story=view.story,
        )

    def follow(self, snapshot: OverlaySnapshot, on_changes: OnChanges) -> None:
        campaign_id = snapshot.campaign.id
        with self._lock:
            self._followed[campaign_id] = _Followed(
                campaign_id, on_changes, snapshot.story, snapshot.setup
            )
            if self._follower is None:
                self._follower = ChangeFollower(
                    self.db, self._on_changes, name="livegiving-overlay-feed"
                )
            follower = self._follower
        follower.follow(campaign_id, snapshot.seq, kinds=OVERLAY_KINDS)

    def unfollow(self, campaign_id: int) -> None:
        with self._lock:
            self._followed.pop(campaign_id, None)
            follower = self._follower
        if follower is not None:
            follower.unfollow(campaign_id)

    def wake(self) -> None:
        follower = self._follower
        if follower is not None:
            follower.wake()

    def close(self) -> None:
        with self._lock:
            follower, self._follower = self._follower, None
            self._followed.clear()
        if follower is not None:
            follower.close(timeout=2.0)

    # -- on the feed's thread -----------------------------------------------------------------

    def _on_changes(self, changes: CampaignChanges) -> None:
        with self._lock:
            followed = self._followed.get(changes.campaign_id)
        if followed is None:
            return
        try:
            overlay_changes = self._translate(followed, changes)
        except (SQLAlchemyError, LiveGivingError, OSError) as exc:
            # The extra reads failed (the database went away between two reads): the next
            # delivery, or a page's reconnect, brings the state back.
            log.warning("overlays could not read what changed: %s", exc)
            return
        followed.on_changes(overlay_changes)

    def _translate(self, followed: _Followed, changes: CampaignChanges) -> OverlayChanges:
        campaign_id = changes.campaign_id
        if changes.resync:
            snapshot = self.snapshot(campaign_id)
            followed.story, followed.setup = snapshot.story, snapshot.setup
            assert self._follower is not None
            self._follower.follow(campaign_id, snapshot.seq, kinds=OVERLAY_KINDS)
            return OverlayChanges(seq=snapshot.seq, campaign=snapshot.campaign, reset=snapshot)
        setup = None
        if any(e.kind == ChangeKind.CAMPAIGN and e.detail.get("event") == "overlays"
               for e in changes.events):  # fmt: skip
            found = self.store.setup(campaign_id)
            if found is not None and found != followed.setup:
                setup = followed.setup = found
        story = None
        frames = [i for e in changes.events if e.kind == ChangeKind.STORY for i in e.ids]
        if frames:
            story = self._spotlight(changes.campaign, frames[-1])
        return OverlayChanges(
            seq=changes.last_seq,
            campaign=changes.campaign,
            new_donations=changes.new_donations,
            missed=max(0, changes.new_donation_count - len(changes.new_donations)),
            updated=changes.updated_donations,
            top=changes.top_donors,
            story=story,
            setup=setup,
        )

    def _spotlight(self, campaign: CampaignRecord, frame_id: int) -> StorySpotlight | None:
        try:
            frame = shown_frame(campaign, self.stories.frame(frame_id))
        except LiveGivingError:
            return None  # replaced since: its new share is a change of its own
        return StorySpotlight(
            frame_id=frame.frame_id,
            name=frame.shown_name,
            caption=frame.design.caption,
            amount_minor=frame.amount_minor,
        )
