"""Every seat sees every change (issue 12): what a moderator does on another seat, or in
another process, reaches the creator's live view through the change feed, on SQLite and on
PostgreSQL; rules decided elsewhere reach the creator's running pipeline."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QListView, QPushButton, QSpinBox
from tests.gui.conftest import create_fundraiser, find, row_records

from helpers.databases import PG_ENV, pg_database
from livegiving_desktop.core.campaigns import CampaignStatus
from livegiving_desktop.core.moderation import MessageStatus
from livegiving_desktop.core.money import format_money
from livegiving_desktop.core.records import Actor, ActorRole
from livegiving_desktop.services.ledger import LedgerService
from livegiving_desktop.services.moderation import ModerationService
from livegiving_desktop.testing import window_on

REPO = Path(__file__).resolve().parents[2]
SAM = Actor("Sam", ActorRole.MODERATOR)


@pytest.fixture(
    params=[
        "sqlite",
        pytest.param(
            "postgresql",
            marks=pytest.mark.skipif(not os.environ.get(PG_ENV), reason=f"set {PG_ENV}"),
        ),
    ]
)
def seat_url(request: pytest.FixtureRequest, livegiving_db_url: str) -> Iterator[str]:
    if request.param == "sqlite":
        yield livegiving_db_url
        return
    with pg_database(migrated=True) as url:
        yield url


@pytest.fixture
def creator(qtbot: Any, qapp: Any, seat_url: str) -> Iterator[Any]:
    with window_on(qtbot, qapp, seat_url) as window:
        yield window


@pytest.fixture
def other_seat(seat_url: str) -> Iterator[LedgerService]:
    """Another seat's connection to the same ledger."""
    service = LedgerService.open(seat_url)
    yield service
    service.close()


def _feed_line(window: Any, donation_id: int) -> str:
    feed = find(window, QListView, "donorFeed")
    for row in range(feed.model().rowCount()):
        index = feed.model().index(row, 0)
        if index.data(Qt.ItemDataRole.UserRole + 1).id == donation_id:
            return str(index.data())
    return ""


def _on_air(qtbot: Any, w: Any, other: LedgerService) -> int:
    create_fundraiser(qtbot, w, goal="1000")
    campaign_id = int(w.live.campaign.id)
    find(w, QSpinBox, "simulationRate").setValue(0)
    go_live = find(w, QPushButton, "goLive")
    qtbot.waitUntil(lambda: go_live.isVisible() and go_live.isEnabled())
    go_live.click()
    qtbot.waitUntil(lambda: other.campaign(campaign_id).status is CampaignStatus.LIVE)
    return campaign_id


def test_a_moderators_decisions_on_another_seat_reach_the_creators_view(
    qtbot: Any, creator: Any, other_seat: LedgerService
) -> None:
    w, other = creator, other_seat
    campaign_id = _on_air(qtbot, w, other)
    ann = other.record_donation(campaign_id, amount="20", donor_name="Ann", message="Bravo !")
    bob = other.record_donation(campaign_id, amount="7", donor_name="Bob", message="Coucou")
    assert ann.donation is not None and bob.donation is not None
    qtbot.waitUntil(lambda: "Coucou" in _feed_line(w, bob.donation.id), timeout=5_000)
    total = find(w, QLabel, "totalRaised")
    assert total.text() == format_money(2700, other.campaign(campaign_id).currency, "en")

    moderation = ModerationService(other)
    moderation.hide(campaign_id, [bob.donation.id], SAM)
    qtbot.waitUntil(
        lambda: "Message hidden by a moderator" in _feed_line(w, bob.donation.id), timeout=5_000
    )
    moderation.set_privacy(campaign_id, [ann.donation.id], SAM, hide_name=True)
    qtbot.waitUntil(lambda: _feed_line(w, ann.donation.id).startswith("\u2068Anonymous"))
    queue = find(w, QListView, "thankQueue")
    assert ann.donation.id in [d.id for d in row_records(queue)]
    moderation.refund(ann.donation.id, "card used by mistake", SAM)
    currency = other.campaign(campaign_id).currency
    # The total, the feed and the thank queue follow the refund, with nobody giving.
    qtbot.waitUntil(lambda: total.text() == format_money(700, currency, "en"), timeout=5_000)
    assert "Refunded" in _feed_line(w, ann.donation.id)
    qtbot.waitUntil(lambda: ann.donation.id not in [d.id for d in row_records(queue)])
    assert find(w, QLabel, "donorCount").text() == "1"


def test_a_word_blocked_on_another_seat_holds_the_next_message_of_the_live_session(
    qtbot: Any, creator: Any, other_seat: LedgerService
) -> None:
    w, other = creator, other_seat
    campaign_id = _on_air(qtbot, w, other)
    # The creator's audience and pipeline run in a worker process, which follows the rules
    # itself: once it runs (its first rules read), a word blocked elsewhere reaches it.
    qtbot.waitUntil(lambda: w.live.controller.session is not None)
    session = w.live.controller.session
    assert session is not None
    qtbot.waitUntil(lambda: session.ready and session.rules_applied == 1, timeout=10_000)
    moderation = ModerationService(other)
    settings = moderation.settings(campaign_id).with_words("en", ["bananas"])
    moderation.save_settings(campaign_id, settings, SAM)
    qtbot.waitUntil(lambda: session.rules_applied == 2, timeout=5_000)
    # The creator's own session (its pipeline) holds it: an offline donation goes through it.
    draft = other.offline_draft(
        other.campaign(campaign_id), amount="5", donor_name="Zed", message="Bananas!"
    )
    session.submit(draft)
    qtbot.waitUntil(lambda: any(d.donor_name == "Zed" for d in other.recent_donations(campaign_id)))
    (zed,) = [d for d in other.recent_donations(campaign_id) if d.donor_name == "Zed"]
    assert zed.message_status == "held"
    qtbot.waitUntil(lambda: "Message held for review" in _feed_line(w, zed.id), timeout=5_000)


def test_a_refund_made_in_another_process_reaches_the_view(
    qtbot: Any, creator: Any, other_seat: LedgerService, seat_url: str
) -> None:
    w, other = creator, other_seat
    campaign_id = _on_air(qtbot, w, other)
    gift = other.record_donation(campaign_id, amount="12.50", donor_name="Léa")
    assert gift.donation is not None
    total = find(w, QLabel, "totalRaised")
    currency = other.campaign(campaign_id).currency
    qtbot.waitUntil(lambda: total.text() == format_money(1250, currency, "en"), timeout=5_000)
    script = textwrap.dedent(f"""
        from livegiving_desktop.core.records import Actor, ActorRole
        from livegiving_desktop.services.ledger import LedgerService
        service = LedgerService.open({seat_url!r})
        service.refund_donation({gift.donation.id}, "duplicate card",
                                Actor("Sam", ActorRole.MODERATOR))
        service.close()
    """)
    subprocess.run([sys.executable, "-c", script], cwd=REPO, check=True, timeout=60)
    qtbot.waitUntil(lambda: total.text() == format_money(0, currency, "en"), timeout=5_000)
    assert "Refunded" in _feed_line(w, gift.donation.id)


def test_a_decision_that_lost_a_race_says_who_decided_and_changes_nothing(
    qtbot: Any, creator: Any, other_seat: LedgerService
) -> None:
    """Two moderators on one message: the one who acts on what they saw before the other's
    decision is told who decided what, and nothing of theirs is written."""
    w, other = creator, other_seat
    campaign_id = _on_air(qtbot, w, other)
    moderation = ModerationService(other)
    settings = moderation.settings(campaign_id).with_words("en", ["bananas"])
    moderation.save_settings(campaign_id, settings, SAM)
    gift = other.record_donation(campaign_id, amount="9", donor_name="Eve", message="Bananas")
    assert gift.donation is not None
    seen = gift.donation  # held for review, as this seat's console shows it
    assert seen.message_status == "held"
    w.settings.setValue("moderation/displayName", "Alex")
    find(w, QAction, "openModeration").trigger()
    qtbot.waitUntil(lambda: w.console is not None and w.console.isVisible())
    console = w.console
    qtbot.waitUntil(lambda: not console.loading and console.campaign is not None)
    moderation.hide(campaign_id, [seen.id], SAM)  # Sam, on another seat, first
    console.decisions._selection = lambda: [seen]  # acted on before the change arrived
    console.decisions.decide(MessageStatus.VISIBLE)
    notice = find(console, QLabel, "moderationNotice")
    qtbot.waitUntil(
        lambda: notice.text() == "Sam hid this message; nothing was changed", timeout=5_000
    )
    (now,) = [d for d in other.recent_donations(campaign_id) if d.id == seen.id]
    assert now.message_status == "hidden"  # Sam's decision stands
    audit = moderation.audit_entries(campaign_id, limit=10)
    assert [a.actor_name for a in audit if a.donation_id == seen.id] == ["Sam"]


def test_each_seat_sees_who_is_on_duty(
    qtbot: Any, qapp: Any, creator: Any, other_seat: LedgerService, seat_url: str
) -> None:
    """The creator sees how many moderators watch; a moderator's own seat sees the creator on
    duty; a seat that leaves is shown gone at once."""
    from livegiving_desktop.ui.moderation.window import open_console_only
    from livegiving_desktop.ui.settings import AppSettings

    w, other = creator, other_seat
    campaign_id = _on_air(qtbot, w, other)
    watching = find(w, QLabel, "moderatorsWatching")
    qtbot.waitUntil(lambda: watching.text() == "No moderator watching", timeout=10_000)
    AppSettings(w.settings).set_last_campaign(seat_url, campaign_id)
    w.settings.setValue("moderation/displayName", "Sam")
    console = open_console_only(seat_url, "en", w.settings)
    qtbot.addWidget(console)
    console.show()
    try:
        on_duty = find(console, QLabel, "onDuty")
        qtbot.waitUntil(lambda: watching.text() == "1 moderator watching", timeout=15_000)
        assert watching.toolTip() == "Sam"
        qtbot.waitUntil(lambda: "(creator)" in on_duty.text(), timeout=15_000)
        assert on_duty.text().startswith("On duty: ")
        assert "You" in on_duty.text()
    finally:
        console.close()
    # Left cleanly: gone at once, not after 15 s of silence.
    qtbot.waitUntil(lambda: watching.text() == "No moderator watching", timeout=8_000)


def test_the_home_list_follows_campaigns_made_on_another_seat(
    qtbot: Any, creator: Any, other_seat: LedgerService
) -> None:
    """A campaign created, then put on air, on another seat shows on this seat's home list."""
    w, other = creator, other_seat
    qtbot.waitUntil(find(w, QPushButton, "newCampaign").isVisible)  # home (empty)
    campaigns = find(w, QListView, "campaignList")
    before = campaigns.model().rowCount()
    made = other.create_fundraiser(title="Made elsewhere", organization_id="croix-rouge-francaise",
                                   goal="500", currency="EUR")  # fmt: skip
    qtbot.waitUntil(lambda: campaigns.model().rowCount() == before + 1, timeout=5_000)
    other.go_live(made.id)
    qtbot.waitUntil(
        lambda: any(c.id == made.id and c.status is CampaignStatus.LIVE
                    for c in row_records(campaigns)),
        timeout=5_000,
    )  # fmt: skip
