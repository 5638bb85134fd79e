"""Where the overlay server learns what the ledger committed: a snapshot with its sequence
number, then the changes after it, in order, each once.

`OverlaySource` is the small interface the server uses. `PollingSource` implements it by
reading the ledger after what it has seen (new donations by id, moderator actions by audit id,
the campaign row, the newest Story frame, the overlay row), on a thread of its own, about every
`interval` seconds and at once when `wake()` says this process committed something. It is the
stand-in for the change feed (issue 12, `services/changes.ChangeFollower`), which will feed the
same `OverlayChanges` from the `changes` table; the server does not change.

Callbacks run on the source's thread; the server hops to its own loop.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from sqlalchemy.exc import SQLAlchemyError

from livegiving_desktop.core.errors import LiveGivingError
from livegiving_desktop.core.records import CampaignRecord, StoredDonation, TopDonor
from livegiving_desktop.db.engine import Database
from livegiving_desktop.db.ledger import LedgerStore
from livegiving_desktop.db.overlays import OverlaySetupRecord, OverlayStore, StoryHead
from livegiving_desktop.db.stories import StoryStore
from livegiving_desktop.services.stories import shown_frame

log = logging.getLogger("livegiving.overlays")

RECENT_ROWS = 50  # the newest donations a snapshot holds (the ticker shows at most 50)
NEW_ROWS_LIMIT = 500  # new donations read at once (read again at once for the rest)
TOP_DONORS = 5
TOP_EVERY_S = 1.0  # top donors are read again at most this often while donations come in


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
    cursor: object = None  # the source's own position after this state (opaque to others)


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
    seq: int
    last_donation_id: int
    last_audit_id: int
    story: StoryHead | None
    setup_stamp: tuple[int, str]
    campaign: CampaignRecord | None = None
    top_due: bool = False
    top_at: float = 0.0


class PollingSource:
    """The ledger read after what was seen, on a thread of its own (see the module doc)."""

    def __init__(
        self, db: Database, *, interval: float = 0.05, store: OverlayStore | None = None
    ) -> None:
        self.db = db
        self.store = store or OverlayStore(db)
        self.ledger = LedgerStore(db)
        self.stories = StoryStore(db, self.ledger)
        self.interval = interval
        self._followed: dict[int, _Followed] = {}
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._error_logged = False

    # -- OverlaySource ------------------------------------------------------------------------

    def snapshot(self, campaign_id: int) -> OverlaySnapshot:
        view = self.store.view(campaign_id, RECENT_ROWS)
        setup = view.setup
        if setup is None:
            raise LiveGivingError(f"campaign {campaign_id} has no overlays")
        return OverlaySnapshot(
            seq=0,
            campaign=view.campaign,
            setup=setup,
            recent=view.recent,
            last_donation_id=view.last_donation_id,
            top=self._top(campaign_id),
            story=view.story,
            cursor=view.last_audit_id,
        )

    def follow(self, snapshot: OverlaySnapshot, on_changes: OnChanges) -> None:
        followed = _Followed(
            campaign_id=snapshot.campaign.id,
            on_changes=on_changes,
            seq=snapshot.seq,
            last_donation_id=snapshot.last_donation_id,
            last_audit_id=snapshot.cursor if isinstance(snapshot.cursor, int) else 0,
            story=snapshot.story,
            setup_stamp=(snapshot.setup.updated_at_us, snapshot.setup.token),
            campaign=snapshot.campaign,
        )
        with self._lock:
            self._followed[followed.campaign_id] = followed
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="livegiving-overlay-source", daemon=True
                )
                self._thread.start()
        self._wake.set()

    def unfollow(self, campaign_id: int) -> None:
        with self._lock:
            self._followed.pop(campaign_id, None)

    def wake(self) -> None:
        self._wake.set()

    def close(self) -> None:
        self._stop.set()
        self._wake.set()
        thread = self._thread
        if thread is not None:
            thread.join(timeout=5)

    # -- the polling thread -------------------------------------------------------------------

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.wait(self.interval)
            self._wake.clear()
            if self._stop.is_set():
                return
            with self._lock:
                followed = list(self._followed.values())
            for f in followed:
                try:
                    self._poll(f)
                    self._error_logged = False
                except (SQLAlchemyError, LiveGivingError, OSError) as exc:
                    # The database is away (a restart, a network cut): say it once, go on
                    # polling; nothing is skipped since the cursors did not move.
                    if not self._error_logged:
                        log.warning("overlays cannot read the ledger: %s", exc)
                        self._error_logged = True
                except Exception:
                    log.exception("overlay source failed on campaign %s", f.campaign_id)

    def _poll(self, f: _Followed) -> None:
        while True:
            delta = self.store.delta(
                f.campaign_id, f.last_donation_id, f.last_audit_id, NEW_ROWS_LIMIT
            )
            setup = delta.setup
            stamp = (setup.updated_at_us, setup.token) if setup is not None else f.setup_stamp
            story = None
            if delta.story is not None and delta.story != f.story:
                story = self._spotlight(delta.campaign, delta.story.frame_id)
            if delta.new_donations or delta.touched:
                f.top_due = True
            now = time.monotonic()
            top = None
            if f.top_due and now - f.top_at >= TOP_EVERY_S:
                top = self._top(f.campaign_id)
                f.top_due, f.top_at = False, now
            changed = (
                delta.new_donations
                or delta.touched
                or top is not None
                or story is not None
                or stamp != f.setup_stamp
                or delta.campaign != f.campaign
            )
            if changed:
                f.seq += 1
                f.on_changes(
                    OverlayChanges(
                        seq=f.seq,
                        campaign=delta.campaign,
                        new_donations=delta.new_donations,
                        updated=delta.touched,
                        top=top,
                        story=story,
                        setup=setup if stamp != f.setup_stamp else None,
                    )
                )
            f.campaign = delta.campaign
            if delta.new_donations:
                f.last_donation_id = delta.new_donations[-1].id
            f.last_audit_id = delta.last_audit_id
            f.story = delta.story or f.story
            f.setup_stamp = stamp
            if not delta.more:
                return

    def _top(self, campaign_id: int) -> list[TopDonor]:
        return self.ledger.top_donors(campaign_id, TOP_DONORS)

    def _spotlight(self, campaign: CampaignRecord, frame_id: int) -> StorySpotlight | None:
        try:
            frame = shown_frame(campaign, self.stories.frame(frame_id))
        except LiveGivingError:
            return None  # replaced between the two reads: the next read names the new one
        return StorySpotlight(
            frame_id=frame.frame_id,
            name=frame.shown_name,
            caption=frame.design.caption,
            amount_minor=frame.amount_minor,
        )
