"""What a screen reader gets, in process: figures read with their values, painted widgets as
graphics that say what they show, announcements of donations (summed up), milestones and
errors, and an error that takes the focus to its field."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QSpinBox, QWidget
from tests.gui.conftest import create_fundraiser, find

from livegiving_desktop.core.campaigns import CampaignStatus
from livegiving_desktop.core.money import format_money
from livegiving_desktop.services.ledger import LedgerService


def _live(qtbot: Any, w: Any, ledger: LedgerService, goal: str = "100") -> int:
    create_fundraiser(qtbot, w, goal=goal)
    campaign_id = int(w.live.campaign.id)
    find(w, QSpinBox, "simulationRate").setValue(0)
    find(w, QPushButton, "goLive").click()
    qtbot.waitUntil(lambda: ledger.campaign(campaign_id).status is CampaignStatus.LIVE)
    return campaign_id


def test_figures_are_read_with_their_values(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService
) -> None:
    w = livegiving_window
    campaign_id = _live(qtbot, w, ledger)
    ledger.record_donation(campaign_id, amount="42.50", donor_name="Zoë")
    total = find(w, QLabel, "totalRaised")
    shown = format_money(4250, ledger.campaign(campaign_id).currency, "en")
    qtbot.waitUntil(lambda: total.text() == shown)
    assert total.accessibleName() == f"Amount raised: {shown}"
    assert find(w, QLabel, "donationCount").accessibleName() == "Donations: 1"
    qtbot.waitUntil(lambda: find(w, QLabel, "donorCount").accessibleName() == "Donors: 1")
    qtbot.waitUntil(lambda: "Zoë" in find(w, QLabel, "topDonors").accessibleName())


def test_painted_widgets_are_graphics_that_say_what_they_show(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService
) -> None:
    w = livegiving_window
    _live(qtbot, w, ledger)
    for name in ("broadcastStage", "donationSparkline", "stickerPreview"):
        widget = find(w, QWidget, name)
        iface = QAccessible.queryAccessibleInterface(widget)
        assert iface.role() == QAccessible.Role.Graphic, name
        assert iface.text(QAccessible.Text.Name), name
    stage = find(w, QWidget, "broadcastStage")
    qtbot.waitUntil(lambda: stage.accessibleDescription().startswith("LIVE "), timeout=3_000)
    sparkline = find(w, QWidget, "donationSparkline")
    qtbot.waitUntil(lambda: "in the last second" in sparkline.accessibleDescription())


def test_a_burst_is_announced_as_one_sentence_and_the_goal_at_once(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService
) -> None:
    w = livegiving_window
    said: list[str] = []
    w.live.announcer.announced.connect(said.append)
    campaign_id = _live(qtbot, w, ledger, goal="100")
    for name in ("Ann", "Bob", "Zoë"):
        ledger.record_donation(campaign_id, amount="20", donor_name=name)
    qtbot.waitUntil(lambda: any("new donation" in s for s in said), timeout=6_000)
    qtbot.wait(300)
    summed = [s for s in said if "new donation" in s]
    twenty = format_money(2000, ledger.campaign(campaign_id).currency, "en")
    assert len(summed) <= 2 and summed[-1].endswith(f"Zoë, {twenty}")
    ledger.record_donation(campaign_id, amount="60", donor_name="Max")  # €120 of €100
    qtbot.waitUntil(lambda: "Goal reached! Thank you all!" in said, timeout=5_000)


def test_a_refused_set_up_takes_the_focus_to_the_field_and_says_why(
    qtbot: Any, livegiving_window: Any
) -> None:
    w = livegiving_window
    find(w, QPushButton, "newCampaign").click()
    find(w, QLineEdit, "campaignTitle").setText("Marathon")
    find(w, QLineEdit, "organizationSearch").setText("croix")
    org_list = find(w, QWidget, "organizationList")
    org_list.setCurrentIndex(org_list.model().index(0, 0))  # type: ignore[attr-defined]
    goal = find(w, QLineEdit, "goalAmount")
    goal.setText("")
    find(w, QPushButton, "createCampaign").click()
    error = find(w, QLabel, "setupError")
    assert error.text().startswith("Goal")
    assert error.accessibleName() == error.text()
    assert goal.hasFocus() or w.focusWidget() is goal
    assert goal.accessibleDescription() == error.text()
