"""The Overlays panel alone (ui/overlays): the links, the style with its live preview, what
is saved, who is connected, and the alert controls, on a real ledger and a real server."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QListView, QPushButton

from helpers.ledger import fundraiser
from livegiving_desktop.core.overlays import Position
from livegiving_desktop.services.ledger import LedgerService
from livegiving_desktop.services.overlays import OverlayService
from livegiving_desktop.ui.overlays.panel import OverlaysPanel

from .conftest import find


@pytest.fixture
def overlays(tmp_path: Path) -> Iterator[tuple[OverlayService, int]]:
    ledger = LedgerService.open(str(tmp_path / "ledger.db"))
    campaign = fundraiser(ledger)
    service = OverlayService(ledger)
    service.start_server(port=0)
    try:
        yield service, campaign.id
    finally:
        service.close()
        ledger.close()


@pytest.fixture
def panel(qtbot: Any, overlays: tuple[OverlayService, int]) -> OverlaysPanel:
    service, campaign_id = overlays
    widget = OverlaysPanel(service, refresh_ms=100)
    qtbot.addWidget(widget)
    widget.resize(700, 900)
    widget.show()
    widget.set_campaign(campaign_id)
    test = find(widget, QPushButton, "overlayTestAlert")
    qtbot.waitUntil(test.isEnabled, timeout=10_000)
    return widget


def test_the_panel_shows_each_overlay_link_with_the_campaign_token(
    qtbot: Any, panel: OverlaysPanel, overlays: tuple[OverlayService, int]
) -> None:
    service, campaign_id = overlays
    token = service.setup(campaign_id).token
    alerts = find(panel, QLineEdit, "overlayUrl_alerts")
    qtbot.waitUntil(lambda: alerts.text() != "", timeout=5_000)
    server = service.server
    assert server is not None
    assert alerts.text() == f"http://127.0.0.1:{server.port}/overlay/{token}/alerts"
    assert find(panel, QLineEdit, "overlayUrl_ticker").text().endswith(f"/{token}/ticker")
    assert "this computer only" in find(panel, QLabel, "overlayServerStatus").text()
    for widget in (alerts, find(panel, QPushButton, "overlayPauseAlerts")):
        assert widget.accessibleName()


def test_the_preview_follows_the_style_and_saving_stores_it_for_every_seat(
    qtbot: Any, panel: OverlaysPanel, overlays: tuple[OverlayService, int]
) -> None:
    service, campaign_id = overlays
    accent = find(panel, QLineEdit, "overlayAccentColor")
    accent.setText("#0EA5E9")
    position = find(panel, QComboBox, "overlayPosition")
    position.setCurrentIndex(position.findData(Position.BOTTOM_LEFT.value))
    # The live preview paints from the same CSS variables as the pages, before any save.
    assert panel.preview.css_variables["--lg-accent"] == "#0EA5E9"
    assert panel.preview.css_variables["--lg-justify"] == "flex-end"
    assert "#0EA5E9" in panel.preview.accessibleDescription()
    assert service.setup(campaign_id).settings.style.accent_color != "#0EA5E9"
    find(panel, QPushButton, "saveOverlaySettings").click()
    qtbot.waitUntil(lambda: "saved" in find(panel, QLabel, "overlayNotice").text(),
                    timeout=5_000)  # fmt: skip
    stored = service.setup(campaign_id).settings
    assert stored.style.accent_color == "#0EA5E9"
    assert stored.style.position is Position.BOTTOM_LEFT


def test_a_bad_colour_is_named_and_nothing_is_saved(
    qtbot: Any, panel: OverlaysPanel, overlays: tuple[OverlayService, int]
) -> None:
    service, campaign_id = overlays
    before = service.setup(campaign_id).settings
    find(panel, QLineEdit, "overlayTextColor").setText("white")
    error = find(panel, QLabel, "overlayError")
    assert error.text() == "text colour: 'white' is not a colour like #FF4F7B"
    save = find(panel, QPushButton, "saveOverlaySettings")
    assert not save.isEnabled()
    find(panel, QLineEdit, "overlayTierAmount2").setText("12,50")
    find(panel, QLineEdit, "overlayTextColor").setText("#FFFFFF")
    assert error.text().startswith("tier 2 minimum:")
    assert service.setup(campaign_id).settings == before


class _Page:
    """An overlay page connected from another thread (as OBS would be)."""

    def __init__(self, url: str) -> None:
        self.ws_url = url.rsplit("/", 1)[0].replace("http://", "ws://") + "/ws?kind=alerts"
        self.messages: list[dict[str, Any]] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=lambda: asyncio.run(self._run()), daemon=True)
        self.thread.start()

    async def _run(self) -> None:
        async with aiohttp.ClientSession() as session, session.ws_connect(self.ws_url) as ws:
            await ws.send_str(json.dumps({"type": "hello", "cursor": 0, "held": []}))
            while not self.stop.is_set():
                try:
                    msg = await ws.receive(timeout=0.1)
                except TimeoutError:
                    continue
                if msg.type is aiohttp.WSMsgType.TEXT:
                    self.messages.append(json.loads(msg.data))


def test_connected_overlays_and_the_alert_controls(
    qtbot: Any, panel: OverlaysPanel, overlays: tuple[OverlayService, int]
) -> None:
    service, campaign_id = overlays
    count = find(panel, QLabel, "overlayConnectedCount")
    assert count.text() == "No overlay connected"
    page = _Page(find(panel, QLineEdit, "overlayUrl_alerts").text())
    try:
        # "1 overlay connected" once the English catalog is installed (plural forms).
        one = panel.tr("%n overlay(s) connected", "", 1)
        qtbot.waitUntil(lambda: count.text() == one, timeout=5_000)
        assert count.text().startswith("1 overlay")
        listed = find(panel, QListView, "overlayConnections").model()
        row = listed.data(listed.index(0, 0))
        assert row.startswith("Alert box — connected since ") and "last seen" in row
        find(panel, QPushButton, "overlayTestAlert").click()
        qtbot.waitUntil(lambda: any(m.get("alerts") for m in page.messages), timeout=5_000)
        test_alert = next(a for m in page.messages for a in m.get("alerts", []))
        assert test_alert["test"] and test_alert["name"] == "Test donor"
        pause = find(panel, QPushButton, "overlayPauseAlerts")
        pause.click()
        qtbot.waitUntil(lambda: pause.text() == "Resume alerts", timeout=5_000)
        assert service.setup(campaign_id).paused
        qtbot.waitUntil(lambda: any(m.get("paused") for m in page.messages), timeout=5_000)
        find(panel, QPushButton, "overlaySkipAlert").click()
        qtbot.waitUntil(lambda: any(m.get("skip") for m in page.messages), timeout=5_000)
    finally:
        page.stop.set()
        page.thread.join(timeout=5)
    qtbot.waitUntil(lambda: count.text() == "No overlay connected", timeout=5_000)
    listed = find(panel, QListView, "overlayConnections").model()
    assert "disconnected, last seen" in listed.data(listed.index(0, 0))


def test_the_panel_speaks_french(
    qtbot: Any, french: None, overlays: tuple[OverlayService, int]
) -> None:
    service, campaign_id = overlays
    widget = OverlaysPanel(service, refresh_ms=100)
    qtbot.addWidget(widget)
    widget.set_campaign(campaign_id)
    pause = find(widget, QPushButton, "overlayPauseAlerts")
    qtbot.waitUntil(pause.isEnabled, timeout=10_000)
    assert pause.text() == "Mettre les alertes en pause"
    assert find(widget, QLabel, "overlayConnectedCount").text() == "Aucune incrustation connectée"
    assert "cet ordinateur seulement" in find(widget, QLabel, "overlayServerStatus").text()
