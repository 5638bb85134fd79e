"""The Overlays window (Broadcast › Overlays, Ctrl+Shift+O, or the live views' Overlays
button): the OBS links, the style and the alert controls of the campaign shown, in a window of
its own that a creator can keep on a second screen during the broadcast. The overlay server of
this seat (services/overlays) starts when the database opens, off the UI thread, on the port
and interface remembered in the settings."""

from __future__ import annotations

import asyncio
import logging
from functools import partial

from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QWidget

from livegiving_desktop.core.errors import LiveGivingError
from livegiving_desktop.services.failures import describe_failure
from livegiving_desktop.services.overlays import OverlayService
from livegiving_desktop.services.overlays.server import DEFAULT_PORT
from livegiving_desktop.ui.common.screen import fit_to_screen
from livegiving_desktop.ui.overlays.panel import OverlaysPanel

log = logging.getLogger("livegiving.ui")

PORT_KEY = "overlays/port"
LAN_KEY = "overlays/lan"


def server_settings(settings: QSettings) -> tuple[int, bool]:
    """The port and LAN switch remembered (7580, this computer only, by default)."""
    try:
        port = int(str(settings.value(PORT_KEY, DEFAULT_PORT)))
    except ValueError:
        port = DEFAULT_PORT
    lan = str(settings.value(LAN_KEY, "false")).lower() in ("true", "1")
    return (port if 0 <= port <= 65535 else DEFAULT_PORT), lan


async def start_server(service: OverlayService, settings: QSettings) -> str | None:
    """Start this seat's overlay server on the executor; None when it listens, else why not
    (in words: the port in use, …): the panel says so and offers another port."""
    port, lan = server_settings(settings)
    loop = asyncio.get_running_loop()
    try:
        await loop.run_in_executor(service.executor, partial(service.start_server, port=port,
                                                             lan=lan))  # fmt: skip
    except Exception as exc:  # an OverlayServerError says it in words
        log.warning("overlay server not started: %s", exc)
        text = str(exc) if isinstance(exc, LiveGivingError) else describe_failure(exc)
        return "port " + text.removeprefix("--port: ") if text.startswith("--port: ") else text
    return None


class OverlaysWindow(QMainWindow):
    """`overlaysWindow`: the Overlays panel (`overlaysPanel`) of the campaign shown."""

    def __init__(self, service: OverlayService, settings: QSettings, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setObjectName("overlaysWindow")
        self.setWindowTitle(self.tr("Overlays — LiveGiving Desktop"))
        self.settings = settings
        self.panel = OverlaysPanel(service, self)
        self.panel.serverChanged.connect(self._on_panel_server_changed)
        self.setCentralWidget(self.panel)  # the panel scrolls by itself
        for keys in (QKeySequence.StandardKey.Close, QKeySequence(Qt.Key.Key_Escape)):
            QShortcut(keys, self, self.close)
        # As wide as the panel's rows need, as tall as the screen allows.
        fit_to_screen(self, QSize(max(760, self.panel.sizeHint().width() + 40), 900))

    def show_campaign(self, campaign_id: int | None, title: str) -> None:
        self.panel.set_campaign(campaign_id)
        self.setWindowTitle(
            self.tr("Overlays — %1").replace("%1", title)
            if campaign_id is not None
            else self.tr("Overlays — LiveGiving Desktop")
        )

    def _on_panel_server_changed(self, port: int, lan: bool) -> None:
        """The port and LAN switch the creator applied: remembered for the next start."""
        self.settings.setValue(PORT_KEY, port)
        self.settings.setValue(LAN_KEY, "true" if lan else "false")
