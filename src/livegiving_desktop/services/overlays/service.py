"""OverlayService: what the live view's Overlays panel and `livegiving overlay` do.

The settings, the token and the controls live in the ledger (db/overlays.py), so every seat of
a campaign and every `livegiving overlay serve` following the same database show the same
overlays; the server of this process (if it runs) is told at once, the others within their
next read. Every method but the server's life cycle and `connections()` touches the database:
call them off the UI thread (`executor` is a thread for that, if the caller has none).
"""

from __future__ import annotations

import logging
from collections.abc import Collection
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from livegiving_desktop.core.errors import ValidationError
from livegiving_desktop.core.overlay_names import CONTROL_ACTIONS
from livegiving_desktop.core.overlays import (
    OVERLAY_SIZES,
    OverlayKind,
    OverlaySettings,
)
from livegiving_desktop.db.engine import Database
from livegiving_desktop.db.overlays import OverlaySetupRecord, OverlayStore
from livegiving_desktop.services.ledger import LedgerService
from livegiving_desktop.services.overlays.server import (
    ALL_INTERFACES,
    DEFAULT_PORT,
    LOOPBACK,
    OverlayConnection,
    OverlayServer,
    overlay_url,
    url_host,
)

log = logging.getLogger("livegiving.overlays")


@dataclass(frozen=True, slots=True)
class OverlayLink:
    """One overlay's URL, with the browser source size to give it in OBS."""

    kind: OverlayKind
    url: str
    width: int
    height: int


@dataclass(frozen=True, slots=True)
class OverlaySetupView:
    """A campaign's overlays as the panel shows them."""

    campaign_id: int
    token: str
    settings: OverlaySettings
    paused: bool
    currency: str


class OverlayService:
    """Overlay settings, links and controls over one database, and this process's server."""

    def __init__(self, ledger: LedgerService) -> None:
        self.ledger = ledger
        self.store = OverlayStore(ledger.db)
        self.server: OverlayServer | None = None
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="livegiving-overlays")

    @property
    def db(self) -> Database:
        return self.ledger.db

    # -- settings (database) ----------------------------------------------------------------

    def setup(self, campaign_id: int) -> OverlaySetupView:
        """The campaign's overlays, made with a new token and the defaults on first use."""
        return self._view(self._record(campaign_id))

    def _record(self, campaign_id: int) -> OverlaySetupRecord:
        campaign = self.ledger.campaign(campaign_id)
        defaults = OverlaySettings.defaults(campaign.currency).to_json()
        return self.store.ensure_setup(campaign_id, defaults)

    def _view(self, record: OverlaySetupRecord) -> OverlaySetupView:
        currency = self.ledger.campaign(record.campaign_id).currency
        try:
            settings = OverlaySettings.from_json(record.settings, currency)
        except ValidationError as exc:
            log.warning("overlay settings of campaign %s not usable: %s", record.campaign_id, exc)
            settings = OverlaySettings.defaults(currency)
        return OverlaySetupView(record.campaign_id, record.token, settings, record.paused, currency)

    def save_settings(self, campaign_id: int, settings: OverlaySettings) -> OverlaySetupView:
        """Check and store the settings; every overlay of the campaign follows."""
        checked = settings.check()
        self._record(campaign_id)
        view = self._view(self.store.save_settings(campaign_id, checked.to_json()))
        self._wake()
        return view

    def new_token(self, campaign_id: int) -> OverlaySetupView:
        """Replace the token: the old links stop working (their pages get 403)."""
        self._record(campaign_id)
        view = self._view(self.store.rotate_token(campaign_id))
        self._wake()
        return view

    def control(self, campaign_id: int, action: str) -> OverlaySetupView:
        """test (one test alert), replay (the last alert again), skip (the one on screen),
        pause or resume the alerts: on every overlay of the campaign."""
        if action not in CONTROL_ACTIONS:
            raise ValidationError("action", f"must be one of {', '.join(CONTROL_ACTIONS)}")
        self._record(campaign_id)
        if action in ("pause", "resume"):
            record = self.store.set_paused(campaign_id, action == "pause")
        else:
            record = self.store.count_control(campaign_id, action)
        self._wake()
        return self._view(record)

    def links(
        self, campaign_id: int, *, host: str | None = None, port: int | None = None
    ) -> list[OverlayLink]:
        """Each overlay's URL (on this process's server when it runs, else on `host`:`port`,
        127.0.0.1:7580 by default), with its 1080p browser-source size."""
        token = self.setup(campaign_id).token
        server = self.server
        if host is None:
            host = url_host(server.host) if server is not None else LOOPBACK
        if port is None:
            port = server.port if server is not None else DEFAULT_PORT
        return [
            OverlayLink(kind, overlay_url(host, port, token, kind), *OVERLAY_SIZES[kind])
            for kind in OverlayKind
        ]

    # -- this process's server ----------------------------------------------------------------

    def start_server(
        self,
        *,
        port: int = DEFAULT_PORT,
        lan: bool = False,
        campaigns: Collection[int] | None = None,
    ) -> OverlayServer:
        """Start (or restart on another port or interface) the overlay server of this
        process: 127.0.0.1 unless `lan`. Raises OverlayServerError when it cannot listen."""
        host = ALL_INTERFACES if lan else LOOPBACK
        current = self.server
        if current is not None and current.running:
            same_port = port in (current.requested_port, current.port)
            if current.host == host and same_port and current.campaigns == _frozen(campaigns):
                return current
            self.stop_server()
        server = OverlayServer(self.db, host=host, port=port, campaigns=campaigns)
        server.start()
        self.server = server
        return server

    def stop_server(self) -> None:
        server, self.server = self.server, None
        if server is not None:
            server.stop()

    def connections(self, campaign_id: int | None = None) -> list[OverlayConnection]:
        """The pages connected to this process's server (and those seen in the last 10
        minutes), for one campaign or all. No database: safe on any thread."""
        server = self.server
        if server is None:
            return []
        found = server.connections()
        return [c for c in found if campaign_id is None or c.campaign_id == campaign_id]

    def wake(self) -> None:
        """Something was committed in this process: the server looks at the ledger now."""
        self._wake()

    def close(self) -> None:
        self.stop_server()
        self.executor.shutdown(wait=False, cancel_futures=True)

    def _wake(self) -> None:
        server = self.server
        if server is not None:
            server.wake()


def _frozen(campaigns: Collection[int] | None) -> frozenset[int] | None:
    return None if campaigns is None else frozenset(campaigns)
