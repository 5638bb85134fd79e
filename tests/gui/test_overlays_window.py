"""The OBS overlays from the main window: its overlay server is up once the database is open,
Broadcast › Overlays (and the live views' Overlays button) shows the links of the campaign on
screen, and a test alert reaches a page connected to that server."""

from __future__ import annotations

import urllib.request
from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QWidget
from tests.gui.conftest import create_fundraiser, find


def test_overlays_window_shows_the_campaigns_links_on_this_seats_server(
    qtbot: Any, livegiving_window: Any
) -> None:
    w = livegiving_window
    create_fundraiser(qtbot, w, title="Marathon")
    qtbot.waitUntil(lambda: w.overlays is not None and w.overlays.server is not None)
    server = w.overlays.server
    find(w, QPushButton, "openOverlaysButton").click()
    window = find(w, QWidget, "overlaysWindow")
    assert window.isVisible() and "Marathon" in window.windowTitle()
    alerts = find(window, QLineEdit, "overlayUrl_alerts")
    qtbot.waitUntil(lambda: alerts.text() != "", timeout=10_000)
    token = w.overlays.setup(w.live.campaign.id).token
    assert alerts.text() == f"http://127.0.0.1:{server.port}/overlay/{token}/alerts"
    # The page is served by this seat, to OBS on this computer.
    with urllib.request.urlopen(alerts.text(), timeout=10) as page:
        assert page.status == 200
        assert "text/html" in page.headers["Content-Type"]
    status = find(window, QLabel, "overlayServerStatus")
    qtbot.waitUntil(lambda: f"port {server.port}" in status.text())
    # Back home: the window says there is no campaign to show.
    find(w, QAction, "actionHome").trigger()
    qtbot.waitUntil(lambda: window.windowTitle() == "Overlays — LiveGiving Desktop")
    assert not find(window, QPushButton, "overlayTestAlert").isEnabled()


def test_a_port_in_use_is_said_in_words(qtbot: Any, qapp: Any, livegiving_db_url: str) -> None:
    """Another program holds the port: the app runs on, and says why the overlays are off."""
    import socket

    from livegiving_desktop.testing import window_on
    from livegiving_desktop.ui.main_window import app_settings

    holder = socket.socket()
    holder.bind(("127.0.0.1", 0))
    holder.listen()
    port = holder.getsockname()[1]
    settings = app_settings()
    settings.setValue("overlays/port", port)
    settings.sync()
    try:
        with window_on(qtbot, qapp, livegiving_db_url) as w:
            qtbot.waitUntil(lambda: w.overlays_problem is not None, timeout=10_000)
            assert w.overlays_problem == f"port {port} is already in use"
            w.show_overlays()
            status = find(w.overlays_window, QLabel, "overlayServerStatus")
            qtbot.waitUntil(lambda: f"port {port} is already in use" in status.text())
    finally:
        holder.close()
