"""The change feed on the UI thread's side: a ChangeFollower (services/changes.py) whose
deliveries arrive as queued Qt signals. One path for every change, made on this seat or on
another: a view loads a snapshot with its seq, follows from there, and applies what comes."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from livegiving_desktop.db.engine import Database
from livegiving_desktop.services.changes import CampaignChanges, ChangeFollower, FeedHealth
from livegiving_desktop.ui.common.bridge import thread_emitter

CLOSE_WAIT_S = 2.0
# What the window shows is flushed ten times a second (ui/broadcast/controller.FLUSH_MS): one
# read of the changes per flush is enough, however often the audience commits.
PACE_S = 0.1


class FeedBridge(QObject):
    """Owns one follower. Its callbacks run on the follower's thread and only emit signals,
    which Qt queues to the receivers' thread (the UI thread)."""

    changes = Signal(CampaignChanges)
    health = Signal(FeedHealth)
    heads = Signal(object)  # {campaign id: its last seq}: some campaign changed (the home list)

    def __init__(self, db: Database, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.follower = ChangeFollower(
            db, thread_emitter(self, "changes"), on_health=thread_emitter(self, "health"),
            on_heads=thread_emitter(self, "heads"), name=name, pace_s=PACE_S,
        )  # fmt: skip
        # Deleted by Qt (its window with it) without being closed: the follower must not go on
        # emitting the signals of a deleted object, reconnecting for ever on a thread of its own.
        self.destroyed.connect(self.follower.stop)

    def follow(self, campaign_id: int, after_seq: int) -> None:
        self.follower.follow(campaign_id, after_seq)

    def unfollow(self, campaign_id: int) -> None:
        self.follower.unfollow(campaign_id)

    def close(self) -> bool:
        """Stop following (True when the follower stopped within CLOSE_WAIT_S)."""
        return self.follower.close(timeout=CLOSE_WAIT_S)
