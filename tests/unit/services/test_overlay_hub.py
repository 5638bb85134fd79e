"""The hub alone: what one campaign's overlays are sent, change by change."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from livegiving_desktop.core.campaigns import CampaignKind, CampaignStatus
from livegiving_desktop.core.overlays import OverlayKind, OverlaySettings
from livegiving_desktop.core.records import CampaignRecord, StoredDonation
from livegiving_desktop.db.overlays import OverlaySetupRecord
from livegiving_desktop.services.overlays.hub import OverlayHub, PageHello
from livegiving_desktop.services.overlays.source import OverlayChanges, OverlaySnapshot

CAMPAIGN = CampaignRecord(
    id=1, kind=CampaignKind.FUNDRAISER, title="Marathon", status=CampaignStatus.LIVE,
    currency="EUR", created_at_us=0, started_at_us=0, ended_at_us=None, is_demo=False,
    organization_id="croix-rouge-francaise", goal_minor=100_000, show_names_on_air=True,
    show_amounts_on_air=True, allow_anonymous=True, minimum_minor=100, maximum_minor=10**9,
    category=None, ticket_price_minor=None, capacity=None, starts_at_us=None,
    duration_minutes=None, online_only=True, description="", total_minor=0, donation_count=0,
    held_count=0, donor_count=0,
)  # fmt: skip
SETUP = OverlaySetupRecord(1, "t" * 32, OverlaySettings.defaults("EUR").to_json(), False,
                           0, 0, 0, 1)  # fmt: skip


def donation(i: int, name: str = "Ana", amount: int = 500, **fields: Any) -> StoredDonation:
    return StoredDonation(i, 1, f"x{i}", i, name, False, amount, "EUR", fields.pop("message", None),
                          fields.pop("message_status", None), "completed", "stream",
                          False)._replace(**fields)  # fmt: skip


def hub_with(*recent: StoredDonation) -> OverlayHub:
    snapshot = OverlaySnapshot(7, CAMPAIGN, SETUP, list(reversed(recent)),
                               max((d.id for d in recent), default=0), [], None)  # fmt: skip
    return OverlayHub(snapshot, epoch="e1")


def test_a_change_is_numbered_and_applied_once() -> None:
    hub = hub_with(donation(1))
    campaign = replace(CAMPAIGN, total_minor=1200, donation_count=2)
    text = hub.apply(OverlayChanges(seq=8, campaign=campaign, new_donations=[donation(2)]))
    assert text is not None
    message = json.loads(text)
    assert (message["seq"], [i["id"] for i in message["new"]]) == (8, [2])
    assert message["figures"]["total"] == "€12.00"
    assert hub.apply(OverlayChanges(seq=8, campaign=campaign, new_donations=[donation(2)])) is None
    # A page at seq 7 of this hub gets exactly that message; a page of another epoch, none.
    assert hub.replay(PageHello(OverlayKind.TICKER, epoch="e1", seq=7)) == [text]
    assert hub.replay(PageHello(OverlayKind.TICKER, epoch="e1", seq=8)) == []
    assert hub.replay(PageHello(OverlayKind.TICKER, epoch="old", seq=7)) is None


def test_too_many_at_once_become_a_burst_and_the_held_message_stays_home() -> None:
    hub = hub_with()
    held = donation(3, "Linker", message="spam link", message_status="held")
    text = hub.apply(OverlayChanges(seq=8, campaign=CAMPAIGN, new_donations=[held], missed=499))
    assert text is not None and "spam link" not in text
    message = json.loads(text)
    assert message["burst"] == {"count": 499}
    assert message["new"][0]["message"] is None


def test_a_resync_starts_again_from_a_new_snapshot() -> None:
    hub = hub_with(donation(1))
    later = replace(CAMPAIGN, donation_count=40, total_minor=20_000)
    fresh = OverlaySnapshot(90, later, SETUP, [donation(41, "Zoé"), donation(40)], 41, [], None)
    text = hub.apply(OverlayChanges(seq=90, campaign=later, reset=fresh))
    assert text is not None
    message = json.loads(text)
    assert [i["id"] for i in message["new"]] == [40, 41]
    assert message["burst"] == {"count": 38}
    assert [i["name"] for i in message["ticker"]] == ["Zoé", "Ana"]
    assert hub.seq == 90 and hub.last_donation_id == 41
