"""OBS overlays: the server (aiohttp, on a thread of its own), what it shows (hub.py), where it
learns of the ledger's changes (source.py) and the operations of the panel and the CLI
(service.py)."""

from livegiving_desktop.services.overlays.server import (
    DEFAULT_PORT,
    OverlayConnection,
    OverlayServer,
    OverlayServerError,
)
from livegiving_desktop.services.overlays.service import (
    CONTROL_ACTIONS,
    OverlayLink,
    OverlayService,
    OverlaySetupView,
)

__all__ = [
    "CONTROL_ACTIONS",
    "DEFAULT_PORT",
    "OverlayConnection",
    "OverlayLink",
    "OverlayServer",
    "OverlayServerError",
    "OverlayService",
    "OverlaySetupView",
]
