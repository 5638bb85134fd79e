"""A headless Chromium for the overlay tests (Debian's chromium and chromium-driver, selenium
with the system driver). Where Chromium cannot start, the tests are skipped with the reason."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest

from helpers.browser import ChromiumUnavailableError, quit_chromium, start_chromium
from helpers.ledger import fundraiser
from livegiving_desktop.core.overlays import OverlaySettings
from livegiving_desktop.services.ledger import LedgerService
from livegiving_desktop.services.overlays import OverlayService


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    """One Chromium for a module's tests, quit after them (nothing left running for the rest
    of the suite)."""
    try:
        driver = start_chromium()
    except ChromiumUnavailableError as exc:
        pytest.skip(str(exc))
    try:
        yield driver
    finally:
        quit_chromium(driver)


@pytest.fixture
def browser(chromium: Any) -> Iterator[Any]:
    """The session's Chromium, one window, on a blank page after the test."""
    yield chromium
    handles = chromium.window_handles
    for handle in handles[1:]:
        chromium.switch_to.window(handle)
        chromium.close()
    chromium.switch_to.window(handles[0])
    chromium.get("about:blank")


@dataclass
class OverlayBench:
    """A fundraiser on a SQLite ledger with its overlay server running (as the app runs it)."""

    ledger: LedgerService
    overlays: OverlayService
    campaign_id: int
    path: Path

    def url(self, kind: str) -> str:
        return next(link.url for link in self.overlays.links(self.campaign_id)
                    if link.kind.value == kind)  # fmt: skip

    def restart_server(self, *, between: Any = None) -> None:
        """Stop the server (as quitting the app does), run `between()`, start a new one (a
        new process would: nothing in memory survives) on the same port."""
        port = self.overlays.server.port if self.overlays.server else 0
        self.overlays.close()
        if between is not None:
            between()
        self.overlays = OverlayService(self.ledger)
        self.overlays.start_server(port=port)


@pytest.fixture
def bench(tmp_path: Path) -> Iterator[OverlayBench]:
    path = tmp_path / "ledger.db"
    ledger = LedgerService.open(str(path))
    campaign = fundraiser(ledger)
    overlays = OverlayService(ledger)
    settings = overlays.setup(campaign.id).settings
    overlays.save_settings(campaign.id, replace(settings, alert_ms=1000))
    overlays.start_server(port=0)
    setup = OverlayBench(ledger, overlays, campaign.id, path)
    try:
        yield setup
    finally:
        setup.overlays.close()
        ledger.close()


__all__ = ["OverlayBench", "OverlaySettings"]
