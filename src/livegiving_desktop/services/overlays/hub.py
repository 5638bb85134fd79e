"""What one campaign's overlays show, and the messages that carry it to the pages.

The protocol (docs/automation.md, "OBS overlays"), JSON text frames on the page's WebSocket:

- The page opens `ws://HOST:PORT/overlay/TOKEN/ws?kind=KIND` and says `hello` with what it
  has: `{"type": "hello", "epoch": E|null, "seq": N|null, "cursor": ID, "held": [ID…],
  "client": "…"}`. `epoch` and `seq` name the last message it applied (null on a fresh load),
  `cursor` the newest donation id it has queued as an alert (kept across reloads),
  `held` the alerts in its queue and on screen.
- A page this hub knows (same `epoch`, `seq` still in the hub's buffer) gets the `change`
  messages after its `seq`, nothing else: resumed from its sequence, nothing lost or twice.
- Any other page gets a `snapshot` (the state at `seq`: settings, figures, ticker, top donors),
  with, when it had a cursor, the alerts committed after its cursor (within the replay window;
  beyond `queue_max` merged into a `burst`) and its held alerts as they are now (`updates`).
- Then `change` messages, each with its `seq`: `new` (donations committed, oldest first; the
  alert box queues them, the ticker shows them), `updates` (donations a moderator touched, as
  the air shows them now: a message hidden after it was queued is pulled from the queue and the
  ticker, a refunded one is `gone`), `figures`, `top`, `story`, `settings`, `paused`, `skip`,
  `alerts` (a test alert or a replay).
- The page pings every 5 s (`{"type": "ping"}`, answered `{"type": "pong"}`): the live view
  shows when each page was last seen; a page that hears nothing for 15 s reconnects.

What goes on air is decided by core/on_air.py (through core/overlays.overlay_item) and nowhere
else: a held message, a hidden message, name or amount never leaves this module.
"""

from __future__ import annotations

import json
import logging
import secrets
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from livegiving_desktop.core.errors import ValidationError
from livegiving_desktop.core.goals import (
    MILESTONES,
    percent_reached,
    progress_permille,
    reached_milestones,
)
from livegiving_desktop.core.money import format_money, minor_per_major
from livegiving_desktop.core.on_air import OnAirPolicy
from livegiving_desktop.core.overlays import OverlayKind, OverlaySettings, labels, overlay_item
from livegiving_desktop.core.records import CampaignRecord, StoredDonation
from livegiving_desktop.db.overlays import OverlaySetupRecord
from livegiving_desktop.services.overlays.source import (
    RECENT_ROWS,
    OverlayChanges,
    OverlaySnapshot,
    StorySpotlight,
)

log = logging.getLogger("livegiving.overlays")

PROTOCOL = 1
BUFFER_EVENTS = 2000  # change messages kept for pages that come back (a few minutes at 10/s)
MAX_CONTROL_REPEAT = 5  # one change of the overlay row acts at most this many times


@dataclass(frozen=True, slots=True)
class PageHello:
    """What a page says it has when it connects."""

    kind: OverlayKind
    epoch: str | None = None
    seq: int | None = None
    cursor: int = 0
    held: tuple[int, ...] = ()
    client: str = ""

    @classmethod
    def parse(cls, kind: OverlayKind, data: Any) -> PageHello:
        """The page's hello; anything malformed counts as a fresh page."""
        if not isinstance(data, dict) or data.get("type") != "hello":
            return cls(kind)
        epoch = data.get("epoch")
        seq = data.get("seq")
        cursor = data.get("cursor")
        held = data.get("held")
        client = data.get("client")
        return cls(
            kind=kind,
            epoch=epoch if isinstance(epoch, str) and len(epoch) <= 64 else None,
            seq=seq if _whole(seq) else None,
            cursor=cursor if isinstance(cursor, int) and _whole(cursor) else 0,
            held=tuple(i for i in held[:500] if _whole(i)) if isinstance(held, list) else (),
            client=client[:64] if isinstance(client, str) else "",
        )

    @property
    def wants_ledger(self) -> bool:
        """A page that had alerts: what it missed and what became of its queue are read from
        the ledger (unless its sequence is still in the hub's buffer)."""
        return self.cursor > 0 or bool(self.held)


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 2**63


@dataclass(frozen=True, slots=True)
class Resume:
    """What the ledger says about a returning page's alerts."""

    alerts: list[StoredDonation]  # committed after its cursor, oldest first
    more: int  # how many more there were (merged into one burst)
    held: list[StoredDonation]  # its held alerts as they are now (missing ones are gone)
    held_ids: tuple[int, ...] = ()
    read_seq: int = 0  # the hub's seq when the read began: newer alerts come from the buffer


@dataclass(slots=True)
class _Event:
    seq: int
    text: str
    new: list[dict[str, Any]] = field(default_factory=list)


class OverlayHub:
    """One campaign's overlay state (on the server's loop thread only)."""

    def __init__(self, snapshot: OverlaySnapshot, *, epoch: str | None = None) -> None:
        self.epoch = epoch or secrets.token_hex(8)
        self.campaign_id = snapshot.campaign.id
        self.seq = snapshot.seq
        self.campaign = snapshot.campaign
        self.setup = snapshot.setup
        self.settings = self._parse_settings(snapshot.setup, None)
        self.recent: deque[StoredDonation] = deque(snapshot.recent, maxlen=RECENT_ROWS)
        self.last_donation_id = snapshot.last_donation_id
        self.top = list(snapshot.top)
        self.last_alert: StoredDonation | None = next(
            (d for d in snapshot.recent if d.status == "completed"), None
        )
        self._buffer: deque[_Event] = deque(maxlen=BUFFER_EVENTS)
        self._floor = self.seq  # the seq before the oldest buffered event

    @property
    def token(self) -> str:
        return self.setup.token

    @property
    def policy(self) -> OnAirPolicy:
        return OnAirPolicy.of(self.campaign)

    # -- the ledger's changes --------------------------------------------------------------

    def apply(self, changes: OverlayChanges) -> str | None:
        """Take the changes in; returns the change message for the pages (None if nothing a
        page shows changed). Changes at or before the hub's seq are ignored (never twice)."""
        if changes.seq <= self.seq:
            return None
        if changes.reset is not None:
            return self._reset(changes.reset)
        message: dict[str, Any] = {}
        before = self.campaign
        self.campaign = changes.campaign
        if changes.setup is not None:
            message.update(self._setup_changed(changes.setup))
        new = [d for d in changes.new_donations if d.id > self.last_donation_id]
        for d in new:
            self.recent.appendleft(d)
        if new:
            self.last_donation_id = new[-1].id
            shown = [d for d in new if d.status == "completed"]
            if shown:
                self.last_alert = shown[-1]
        if changes.missed:
            message["burst"] = {"count": changes.missed}
        if changes.updated:
            self._update_rows(changes.updated)
        if changes.top is not None:
            self.top = list(changes.top)
            message["top"] = self._top()
        new_items = [self._item(d) for d in new]
        if new_items:
            message["new"] = new_items
        if changes.updated:
            message["updates"] = [self._item(d) for d in changes.updated]
        if changes.story is not None:
            message["story"] = self._story(changes.story)
        if new or changes.updated or before != self.campaign or "settings" in message:
            message["figures"] = self._figures()
        self.seq = changes.seq
        if not message:
            return None
        return self._emit(message, new_items)

    def _reset(self, snapshot: OverlaySnapshot) -> str:
        """Far behind (the feed's resync): start again from a new snapshot. The donations
        committed since are told as new (the newest ones) and a burst (the rest)."""
        before = self.campaign
        message = self._setup_changed(snapshot.setup)
        self.campaign = snapshot.campaign
        new = sorted((d for d in snapshot.recent if d.id > self.last_donation_id),
                     key=lambda d: d.id)  # fmt: skip
        self.recent = deque(snapshot.recent, maxlen=RECENT_ROWS)
        self.top = list(snapshot.top)
        self.last_donation_id = max(self.last_donation_id, snapshot.last_donation_id)
        self.seq = snapshot.seq
        new_items = [self._item(d) for d in new if d.status == "completed"]
        rest = snapshot.campaign.donation_count - before.donation_count - len(new_items)
        if rest > 0:
            message["burst"] = {"count": rest}
        message.update(new=new_items, ticker=self._ticker(), top=self._top(),
                       figures=self._figures())  # fmt: skip
        return self._emit(message, new_items)

    def _setup_changed(self, setup: OverlaySetupRecord) -> dict[str, Any]:
        old = self.setup
        self.setup = setup
        message: dict[str, Any] = {}
        if setup.settings != old.settings:
            self.settings = self._parse_settings(setup, self.settings)
            message["settings"] = self.settings.for_page()
            message["ticker"] = self._ticker()
            message["top"] = self._top()
        if setup.paused != old.paused:
            message["paused"] = setup.paused
        tests = min(MAX_CONTROL_REPEAT, max(0, setup.test_count - old.test_count))
        replays = min(MAX_CONTROL_REPEAT, max(0, setup.replay_count - old.replay_count))
        alerts = [self._test_item(old.test_count + i + 1) for i in range(tests)]
        if replays and self.last_alert is not None:
            replay = {**self._item(self.last_alert), "replay": True}
            if not replay["gone"]:
                alerts.extend([replay] * replays)
        if alerts:
            message["alerts"] = alerts
        skips = min(MAX_CONTROL_REPEAT, max(0, setup.skip_count - old.skip_count))
        if skips:
            message["skip"] = skips
        return message

    def _parse_settings(
        self, setup: OverlaySetupRecord, previous: OverlaySettings | None
    ) -> OverlaySettings:
        try:
            return OverlaySettings.from_json(setup.settings, self.campaign.currency)
        except ValidationError as exc:
            # Written by a newer or broken seat: keep showing what we had.
            log.warning("overlay settings of campaign %s not usable: %s", self.campaign_id, exc)
            return previous or OverlaySettings.defaults(self.campaign.currency)

    def _update_rows(self, rows: Iterable[StoredDonation]) -> None:
        by_id = {d.id: d for d in rows}
        for i, d in enumerate(self.recent):
            if d.id in by_id:
                self.recent[i] = by_id[d.id]
        if self.last_alert is not None and self.last_alert.id in by_id:
            self.last_alert = by_id[self.last_alert.id]

    def _emit(self, message: dict[str, Any], new_items: list[dict[str, Any]]) -> str:
        text = _encode({"type": "change", "epoch": self.epoch, "seq": self.seq, **message})
        if len(self._buffer) == self._buffer.maxlen:
            self._floor = self._buffer[0].seq
        self._buffer.append(_Event(self.seq, text, new_items))
        return text

    # -- pages that connect -----------------------------------------------------------------

    def replay(self, hello: PageHello) -> list[str] | None:
        """The change messages after the page's seq, if this hub still has them all; None
        when the page needs a snapshot."""
        if hello.epoch != self.epoch or hello.seq is None:
            return None
        if not self._floor <= hello.seq <= self.seq:
            return None
        return [e.text for e in self._buffer if e.seq > hello.seq]

    def snapshot(self, hello: PageHello, resume: Resume | None = None) -> str:
        """The snapshot message for a page; with `resume`, the alerts it missed after its
        cursor (the ledger's, then the buffer's since the read began) and its held alerts as
        they are now."""
        message: dict[str, Any] = {
            "type": "snapshot",
            "protocol": PROTOCOL,
            "epoch": self.epoch,
            "seq": self.seq,
            "kind": hello.kind.value,
            "settings": self.settings.for_page(),
            "paused": self.setup.paused,
            "figures": self._figures(),
            "ticker": self._ticker(),
            "top": self._top(),
            "cursor": self.last_donation_id,
        }
        if resume is not None:
            alerts = [self._item(d) for d in resume.alerts if d.id > hello.cursor]
            alerts = [a for a in alerts if not a["gone"]]
            newer = [
                item
                for e in self._buffer
                if e.seq > resume.read_seq
                for item in e.new
                if item["id"] > hello.cursor and not item["gone"]
            ]
            seen = {a["id"] for a in alerts}
            alerts.extend(a for a in newer if a["id"] not in seen)
            message["alerts"] = alerts
            if resume.more:
                message["burst"] = {"count": resume.more}
            now = {d.id: d for d in resume.held}
            message["updates"] = [
                self._item(now[i]) if i in now else _gone(i) for i in resume.held_ids
            ]
        return _encode(message)

    # -- what a page shows ------------------------------------------------------------------

    def _money(self, amount_minor: int | None) -> str | None:
        if amount_minor is None:
            return None
        return format_money(amount_minor, self.campaign.currency, self.settings.language)

    def _item(self, d: StoredDonation) -> dict[str, Any]:
        item = overlay_item(d, self.policy, self.settings)
        return {
            "id": item.id,
            "name": item.name,
            "amount": self._money(item.amount_minor),
            "message": item.message,
            "tier": item.tier,
            "gone": item.gone,
        }

    def _test_item(self, number: int) -> dict[str, Any]:
        words = labels(self.settings.language)
        index = (number - 1) % len(self.settings.tiers)
        tier = self.settings.tiers[index]
        amount = tier.min_minor or 5 * minor_per_major(self.campaign.currency)
        return {
            "id": 0,
            "test": True,
            "name": words["test_name"],
            "amount": self._money(amount),
            "message": words["test_message"],
            "tier": index,
            "gone": False,
        }

    def _ticker(self) -> list[dict[str, Any]]:
        items = (self._item(d) for d in self.recent)
        shown = [i for i in items if not i["gone"]]
        return shown[: self.settings.ticker_items]

    def _top(self) -> list[dict[str, Any]]:
        policy = self.policy
        return [
            {
                "name": policy.shown_top_donor(t.name),
                "amount": self._money(t.total_minor) if policy.show_amounts else None,
            }
            for t in self.top
        ]

    def _story(self, spotlight: StorySpotlight) -> dict[str, Any]:
        return {
            "frame": spotlight.frame_id,
            "name": spotlight.name,
            "caption": spotlight.caption,
            "amount": self._money(spotlight.amount_minor),
        }

    def _figures(self) -> dict[str, Any]:
        c: CampaignRecord = self.campaign
        show = self.policy.show_amounts
        seats_left = None
        if c.capacity is not None:
            seats_left = max(0, c.capacity - c.tickets_sold)
        return {
            "title": c.title,
            "status": c.status.value,
            "campaign_kind": c.kind.value,
            "total": self._money(c.total_minor) if show else None,
            "total_minor": c.total_minor if show else None,
            "goal": self._money(c.goal_minor) if show and c.goal_minor else None,
            "permille": progress_permille(c.total_minor, c.goal_minor),
            "percent": percent_reached(c.total_minor, c.goal_minor),
            "milestones": list(MILESTONES) if c.goal_minor else [],
            "reached": reached_milestones(c.total_minor, c.goal_minor),
            "donations": c.donation_count,
            "donors": c.donor_count,
            "tickets_sold": c.tickets_sold,
            "capacity": c.capacity,
            "seats_left": seats_left,
            "admitted": c.admitted_count,
        }


def _gone(donation_id: int) -> dict[str, Any]:
    return {"id": donation_id, "name": None, "amount": None, "message": None, "tier": 0,
            "gone": True}  # fmt: skip


def _encode(message: dict[str, Any]) -> str:
    return json.dumps(message, ensure_ascii=False, separators=(",", ":"))
