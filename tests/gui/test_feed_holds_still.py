"""The creator's donor feed under the pointer: the rows they are about to click hold still as
donations come on top (at five a second they moved under the pointer and a click took the next
donor), as the moderation tables do (ui/common/newer.py); the newest show again once the pointer
has left (with the creator's donor still selected: the feed keeps its selection for Thank),
and a pointer resting on the feed through a burst lets it go past HOLD_ROWS (newer.py)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QListView, QPushButton
from tests.gui.conftest import find

from livegiving_desktop.core.records import CampaignRecord
from livegiving_desktop.services.ledger import LedgerService
from livegiving_desktop.ui.common import newer as newer_rows
from livegiving_desktop.ui.common.runner import spawn


@pytest.fixture
def campaign(ledger: LedgerService) -> CampaignRecord:
    c = ledger.create_fundraiser(
        title="Winter drive", organization_id="croix-rouge-francaise", goal="500", currency="EUR"
    )
    for i in range(40):
        ledger.record_donation(c.id, amount="5", donor_name=f"Older {i:02d}")
    return ledger.campaign(c.id)


def _top_visible(feed: QListView) -> str:
    donation = feed.model().donation(feed.indexAt(QPoint(4, 4)).row())
    return "" if donation is None else donation.donor_name


def _open(qtbot: Any, window: Any, campaign: CampaignRecord) -> QListView:
    spawn(window.show_live(campaign.id))
    qtbot.waitUntil(lambda: window.live.campaign is not None, timeout=10_000)
    feed = find(window, QListView, "donorFeed")
    qtbot.waitUntil(lambda: feed.model().rowCount() == 40, timeout=10_000)
    qtbot.waitUntil(lambda: _top_visible(feed) == "Older 39")
    return feed


def test_the_pointer_over_the_feed_holds_its_rows_until_it_leaves(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService, campaign: CampaignRecord
) -> None:
    feed = _open(qtbot, livegiving_window, campaign)
    newer = find(livegiving_window, QPushButton, "donorFeedNewer")
    rows = feed.model().rowCount

    def give(donor: str, count: int) -> None:
        ledger.record_donation(campaign.id, amount="7", donor_name=donor)
        qtbot.waitUntil(lambda: rows() == count, timeout=10_000)

    feed.setAttribute(Qt.WidgetAttribute.WA_UnderMouse, True)  # offscreen has no pointer
    give("Eve", 41)
    qtbot.waitUntil(newer.isVisible, timeout=5_000)
    assert _top_visible(feed) == "Older 39"  # still under the pointer
    assert newer.text() == "1 newer donation"
    assert feed.model().donation(0).donor_name == "Eve"  # row 0: the newest (the contract)
    feed.setAttribute(Qt.WidgetAttribute.WA_UnderMouse, False)
    give("Fay", 42)
    qtbot.waitUntil(lambda: _top_visible(feed) == "Fay", timeout=5_000)
    assert not newer.isVisible()

    # A donor picked (for Thank), then off to the buttons: the newest show again all the same.
    feed.setAttribute(Qt.WidgetAttribute.WA_UnderMouse, True)
    feed.setCurrentIndex(feed.model().index(3, 0))
    give("Gus", 43)
    qtbot.waitUntil(newer.isVisible, timeout=5_000)
    feed.setAttribute(Qt.WidgetAttribute.WA_UnderMouse, False)
    give("Hal", 44)
    qtbot.waitUntil(lambda: _top_visible(feed) == "Hal", timeout=5_000)
    assert feed.model().donation(feed.currentIndex().row()).donor_name == "Older 38"


def test_a_pointer_resting_on_the_feed_through_a_burst_lets_it_go(
    qtbot: Any,
    livegiving_window: Any,
    ledger: LedgerService,
    campaign: CampaignRecord,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(newer_rows, "HOLD_ROWS", 43)
    feed = _open(qtbot, livegiving_window, campaign)
    newer = find(livegiving_window, QPushButton, "donorFeedNewer")
    feed.setAttribute(Qt.WidgetAttribute.WA_UnderMouse, True)
    for i in range(3):
        ledger.record_donation(campaign.id, amount="7", donor_name=f"Burst {i}")
        qtbot.waitUntil(lambda i=i: feed.model().rowCount() == 41 + i, timeout=10_000)
    qtbot.waitUntil(newer.isVisible, timeout=5_000)
    assert _top_visible(feed) == "Older 39"
    assert feed.model().rowCount() == 43  # held: kept whole
    ledger.record_donation(campaign.id, amount="7", donor_name="One too many")
    qtbot.waitUntil(lambda: _top_visible(feed) == "One too many", timeout=10_000)
    assert not newer.isVisible()
    assert not feed.model().keep_older  # at the top again: trimmed to LIVE_ROWS from now on


def test_a_donor_picked_for_thank_who_leaves_the_feed_is_unpicked_not_swapped(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService, campaign: CampaignRecord
) -> None:
    """At the top the feed keeps its newest rows: the donor picked low in it leaves as
    donations come. Qt then picked the next donor in their place, and Thank thanked someone
    the creator never picked; now nobody is picked."""
    feed = _open(qtbot, livegiving_window, campaign)
    livegiving_window.live.feed_model.limit = 40  # the newest 40 rows while watching the top
    feed.setCurrentIndex(feed.model().index(39, 0))
    assert feed.model().donation(39).donor_name == "Older 00"
    feed.scrollToTop()
    ledger.record_donation(campaign.id, amount="7", donor_name="Newest")
    qtbot.waitUntil(lambda: feed.model().donation(0).donor_name == "Newest", timeout=10_000)
    assert feed.model().rowCount() == 40  # Older 00 left
    assert feed.selectionModel().selectedRows() == []
    assert not find(livegiving_window, QPushButton, "thankDonor").isEnabled()


def test_the_thank_queue_holds_the_names_read_out_under_the_pointer(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService, campaign: CampaignRecord
) -> None:
    """The creator reads the names to thank on air from the queue: under the pointer they
    hold still as donations come on top, and "↑ 1 newer donation" goes back to the newest."""
    _open(qtbot, livegiving_window, campaign)
    queue = find(livegiving_window, QListView, "thankQueue")
    qtbot.waitUntil(lambda: queue.model().rowCount() == 40, timeout=10_000)
    newer = find(livegiving_window, QPushButton, "thankQueueNewer")

    def top() -> str:
        donation = queue.model().record(queue.indexAt(QPoint(4, 4)).row())
        return "" if donation is None else donation.donor_name

    assert top() == "Older 39"
    assert queue.model().rowCount() * queue.sizeHintForRow(0) > queue.viewport().height()
    queue.setAttribute(Qt.WidgetAttribute.WA_UnderMouse, True)  # offscreen has no pointer
    ledger.record_donation(campaign.id, amount="7", donor_name="Eve")
    qtbot.waitUntil(lambda: queue.model().rowCount() == 41, timeout=10_000)
    qtbot.waitUntil(newer.isVisible, timeout=5_000)
    assert top() == "Older 39"
    assert newer.text() == "1 newer donation"
    assert queue.model().record(0).donor_name == "Eve"  # row 0: the newest
    newer.click()
    qtbot.waitUntil(lambda: top() == "Eve")
    assert not newer.isVisible()
