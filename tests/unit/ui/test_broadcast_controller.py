"""The BroadcastController fed with the change feed's deliveries, no window: what the views
are told, once each, at most ten times a second."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from tests.unit.ui.test_models import campaign, donation

from livegiving_desktop.core.campaigns import CampaignKind, CampaignStatus
from livegiving_desktop.core.changes import ChangeEvent
from livegiving_desktop.core.moderation import ModerationRules
from livegiving_desktop.core.records import CampaignStats, StoredDonation
from livegiving_desktop.services.changes import CampaignChanges
from livegiving_desktop.ui.broadcast.controller import FLUSH_MS, BroadcastController
from livegiving_desktop.ui.common.runner import DbRunner


class Heard:
    """What a view connected to the controller would hear."""

    def __init__(self, controller: BroadcastController) -> None:
        self.added: list[list[StoredDonation]] = []
        self.changed: list[list[StoredDonation]] = []
        self.stats: list[tuple[CampaignStats, bool]] = []
        self.campaigns: list[Any] = []
        controller.donationsAdded.connect(self.added.append)
        controller.donationsChanged.connect(self.changed.append)
        controller.statsChanged.connect(lambda s, new: self.stats.append((s, new)))
        controller.campaignChanged.connect(self.campaigns.append)


@pytest.fixture
def controller(qtbot: Any) -> BroadcastController:
    made = BroadcastController(DbRunner(), CampaignKind.FUNDRAISER)
    made.campaign = campaign()
    made.seq = 10
    return made


def delivery(first: int, last: int, **fields: Any) -> CampaignChanges:
    stats = fields.pop("stats", CampaignStats(0, 0, 0, 0))
    record = fields.pop("campaign", campaign())
    events = [ChangeEvent(seq, 0, "donations", None, None, None) for seq in range(first, last + 1)]
    return CampaignChanges(1, first, last, events, record, stats, **fields)


def test_new_donations_are_shown_once_newest_first_with_the_totals(
    controller: BroadcastController,
) -> None:
    heard = Heard(controller)
    controller._on_feed_changes(delivery(11, 11, new_donations=[donation(1), donation(2)],
                                         stats=CampaignStats(300, 2, 0, 2)))  # fmt: skip
    controller._on_feed_changes(delivery(12, 13, new_donations=[donation(3)],
                                         stats=CampaignStats(600, 3, 0, 3)))  # fmt: skip
    controller._flush.flush()
    assert [[d.id for d in batch] for batch in heard.added] in (
        [[2, 1], [3]],
        [[2, 1]],
        [[3, 2, 1]],
    )
    assert [d.id for batch in heard.added for d in batch][-1] in (1, 3)
    assert heard.stats[-1] == (CampaignStats(600, 3, 0, 3), True)
    assert controller.seq == 13


def test_what_the_snapshot_showed_or_another_campaign_is_not_applied(
    controller: BroadcastController,
) -> None:
    heard = Heard(controller)
    controller._on_feed_changes(delivery(9, 10, new_donations=[donation(1)]))  # in the snapshot
    other = replace(delivery(11, 11, new_donations=[donation(2)]), campaign_id=2)
    controller._on_feed_changes(other)
    controller._flush.flush()
    assert heard.added == [] and controller.seq == 10


def test_moderated_rows_the_rules_and_the_campaign_follow(
    controller: BroadcastController,
) -> None:
    heard = Heard(controller)
    rules = ModerationRules.off()
    live = replace(campaign(), status=CampaignStatus.ENDED)
    controller._on_feed_changes(delivery(11, 11, updated_donations=[donation(1, thanked=True)]))
    controller._on_feed_changes(
        delivery(12, 12, updated_donations=[donation(1, message_status="hidden")],
                 moderation=rules, campaign=live)
    )  # fmt: skip
    controller._flush.flush()
    changed = heard.changed[-1]
    assert [(d.id, d.message_status) for d in changed] == [(1, "hidden")]  # the latest version
    assert controller.moderation is rules
    assert [c.status for c in heard.campaigns] == [CampaignStatus.ENDED]


def test_a_resync_reloads_the_snapshot(
    controller: BroadcastController, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Too far behind (a seat that was away): the view reloads a snapshot instead."""
    from livegiving_desktop.ui.broadcast import controller as module

    started: list[str] = []

    def fake_spawn(coro: Any, on_error: Any = None) -> None:
        started.append(coro.__qualname__)
        coro.close()

    monkeypatch.setattr(module, "spawn", fake_spawn)
    heard = Heard(controller)
    controller._on_feed_changes(replace(delivery(11, 90_000), resync=True))
    controller._flush.flush()
    assert started == ["BroadcastController._load"]
    assert heard.added == []


def test_a_burst_is_shown_at_most_ten_times_a_second(
    controller: BroadcastController, qtbot: Any
) -> None:
    heard = Heard(controller)
    for n in range(50):
        seq = 11 + n
        controller._on_feed_changes(delivery(seq, seq, new_donations=[donation(100 + n)]))
    assert len(heard.added) <= 1  # the first at once, the rest folded into the next flush
    qtbot.wait(FLUSH_MS + 50)
    assert len(heard.added) == 2
    assert sum(len(batch) for batch in heard.added) == 50
