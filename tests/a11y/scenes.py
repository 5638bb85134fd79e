"""The screens the accessibility checks visit, on a prepared database, reached the way a test
from outside would: through the object names of the automation contract.

Used by the AT-SPI driver (`app_driver.py`), the layout and keyboard probe (`screens_probe.py`)
and the screenshots; importable without Qt (Qt is imported inside the functions).
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
CONTRACT = REPO / "docs" / "automation.md"

FUNDRAISER_TITLE = "24-hour charity marathon"
EVENT_TITLE = "Sushi masterclass with Chef Aiko"
MODERATOR = "Sam (mod)"

# What each screen shows (the screen names are the tests' parameters).
SCREENS = (
    "home",
    "setup-fundraiser",
    "setup-paid-event",
    "live",
    "offline-dialog",
    "story-composer",
    "story-player",
    "paid-event",
    "ticket-new-code",
    "moderation-all",
    "moderation-hold",
    "moderation-rules",
    "moderation-audit",
)
# Labels that show a figure: a screen reader must get the figure, not only its caption.
FIGURES = (
    "totalRaised",
    "donorCount",
    "donationCount",
    "averageDonation",
    "topDonors",
    "savingStatus",
    "revenueTotal",
    "attendeeCount",
    "ticketsSold",
    "seatsLeft",
    "deniedCount",
)
# Widgets that paint themselves: they need a role and a name saying what they show.
PAINTED = ("broadcastStage", "donationSparkline", "stickerPreview", "capacityGauge")
# Where each figure and painted widget is shown.
SHOWN_ON = {
    **{n: "live" for n in FIGURES[:6]},
    **{n: "paid-event" for n in FIGURES[6:]},
    "broadcastStage": "live",
    "donationSparkline": "live",
    "stickerPreview": "live",
    "capacityGauge": "paid-event",
}
# The window each screen is in, and one object that proves the screen is up.
WINDOW_OF = {
    "offline-dialog": "offlineDonationDialog",
    "story-composer": "storyComposer",
    "story-player": "sharedStoryPreview",
    "ticket-new-code": "reissuedCode",
    **{s: "moderationConsole" for s in SCREENS if s.startswith("moderation-")},
}
LANDMARK = {
    "home": "campaignList",
    "setup-fundraiser": "goalAmount",
    "setup-paid-event": "ticketPrice",
    "live": "totalRaised",
    "offline-dialog": "donationAmount",
    "story-composer": "storyCanvas",
    "story-player": "storyView",
    "paid-event": "revenueTotal",
    "ticket-new-code": "copyReissuedCode",
    "moderation-all": "moderationTable",
    "moderation-hold": "holdQueue",
    "moderation-rules": "blocklistEnglish",
    "moderation-audit": "auditLog",
}


def contract_names() -> set[str]:
    """Every object name the automation contract (docs/automation.md) promises."""
    text = CONTRACT.read_text(encoding="utf-8")
    return {
        n
        for n in re.findall(r"`([a-z][A-Za-z0-9]*(?:_\d)?)`", text)
        if any(ch.isupper() for ch in n) or n.startswith("summary_")
    }


@dataclass(frozen=True)
class Prepared:
    """The prepared database: a live fundraiser with donations (a shared Story, held
    messages), a paid event on air with sales and refusals at the door."""

    url: str
    data_dir: str
    fundraiser_id: int
    event_id: int


def prepare_database(folder: Path) -> Prepared:
    """Build the database and the user folder the screens are shown on (services only)."""
    import os

    from livegiving_desktop.core.story import StoryDesign
    from livegiving_desktop.services.events import EventService
    from livegiving_desktop.services.ledger import LedgerService
    from livegiving_desktop.services.stories import StoryService

    folder.mkdir(parents=True, exist_ok=True)
    data_dir = folder / "userdata"
    data_dir.mkdir(exist_ok=True)
    # Asked once by the moderation console: answered beforehand.
    (data_dir / "settings.ini").write_text(
        f"[moderation]\ndisplayName={MODERATOR}\nrole=moderator\n\n[overlays]\nport=0\n",
        encoding="utf-8",
    )
    url = str(folder / "a11y.db")
    previous = os.environ.get("LIVEGIVING_DATA_DIR")
    os.environ["LIVEGIVING_DATA_DIR"] = str(data_dir)
    ledger = LedgerService.open(url)
    try:
        event = ledger.create_paid_event(
            title=EVENT_TITLE, category="cooking-class", price="18", currency="EUR",
            capacity="400",
        )  # fmt: skip
        events = EventService(ledger)
        events.simulate(event.id, count=120, seed=5)  # the pre-sale
        ledger.go_live(event.id)
        events.simulate(event.id, count=160, seed=6)  # sales and the door, refusals included
        fundraiser = ledger.create_fundraiser(
            title=FUNDRAISER_TITLE, organization_id="croix-rouge-francaise", goal="15000",
            currency="EUR",
        )  # fmt: skip
        ledger.go_live(fundraiser.id)
        ledger.simulate(fundraiser.id, count=300, seed=7)  # ~38 % of the goal, some held
        for name, amount, message in (
            ("Camille Dubois", "25", "Running for those who can't. Join me!"),
            ("Kenji Watanabe", "50", "頑張って! Keep going!"),
            ("Zoë Martin", "20", "Bravo à toute l'équipe !"),
        ):
            ledger.record_donation(fundraiser.id, amount=amount, donor_name=name, message=message)
        StoryService(ledger).share(fundraiser.id, "Camille Dubois", StoryDesign(caption="Join me!"))
        return Prepared(url, str(data_dir), fundraiser.id, event.id)
    finally:
        ledger.close()
        if previous is None:
            os.environ.pop("LIVEGIVING_DATA_DIR", None)
        else:
            os.environ["LIVEGIVING_DATA_DIR"] = previous


# -- reaching a screen, inside the app's asyncio loop (qasync) ------------------------------


class ScreenTimeoutError(AssertionError):
    pass


async def wait_for(predicate: Callable[[], object], what: str, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise ScreenTimeoutError(f"timed out waiting for {what}")
        await asyncio.sleep(0.05)


async def figures_settled(quiet: float = 0.6, timeout: float = 20.0) -> None:
    """Wait until the figures have not changed for `quiet` seconds: what the audience sent
    before it stopped is shown, and a screen reader then reads what the screen shows (on a
    busy machine a batch in flight lands well after the audience stops)."""
    deadline = time.monotonic() + timeout
    seen = figure_texts()
    since = time.monotonic()
    while time.monotonic() - since < quiet:
        if time.monotonic() > deadline:
            raise ScreenTimeoutError("timed out waiting for the figures to settle")
        await asyncio.sleep(0.1)
        now = figure_texts()
        if now != seen:
            seen, since = now, time.monotonic()


def find(name: str, kind: Any = None) -> Any:
    """The visible widget named `name` in any window of the app (None if none is shown)."""
    from PySide6.QtWidgets import QApplication, QWidget

    for top in QApplication.topLevelWidgets():
        if not top.isVisible():
            continue
        candidates = [top] if top.objectName() == name else []
        candidates += top.findChildren(kind or QWidget, name)
        for widget in candidates:
            if isinstance(widget, QWidget) and widget.isVisible():
                return widget
    return None


def shown(name: str) -> bool:
    return find(name) is not None


def action(window: Any, name: str) -> Any:
    from PySide6.QtGui import QAction

    found = window.findChild(QAction, name)
    assert found is not None, f"no action {name!r}"
    return found


class Navigator:
    """Moves the main window from screen to screen by object names."""

    def __init__(self, window: Any, prepared: Prepared) -> None:
        self.window = window
        self.prepared = prepared
        self.current = ""

    def main_view_is(self, name: str) -> bool:
        return find(name) is not None and find(name).window() is self.window

    async def close_extras(self) -> None:
        """Close every window but the main one (dialogs, the console, the player)."""
        from PySide6.QtWidgets import QApplication, QDialog

        for top in QApplication.topLevelWidgets():
            if top is self.window or not top.isVisible():
                continue
            if isinstance(top, QDialog):
                top.reject()
            else:
                top.close()
        await wait_for(
            lambda: all(
                t is self.window or not t.isVisible() or t.objectName() == ""
                for t in QApplication.topLevelWidgets()
            ),
            "the other windows to close",
        )

    async def home(self) -> None:
        await self.close_extras()
        if not self.main_view_is("campaignList"):
            action(self.window, "actionHome").trigger()
        await wait_for(lambda: shown("campaignList"), "the campaign list")
        await wait_for(lambda: find("campaignList").model().rowCount() >= 2, "the campaigns")

    async def open_campaign(self, title: str, figure: str) -> None:
        from PySide6.QtCore import QItemSelectionModel

        await self.home()
        listing = find("campaignList")
        model = listing.model()
        row = next(
            r for r in range(model.rowCount()) if title in str(model.index(r, 0).data() or "")
        )
        listing.selectionModel().setCurrentIndex(
            model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        find("openCampaign").click()
        await wait_for(lambda: shown(figure) and find(figure).text(), f"{figure} to show")
        rate = find("simulationRate")
        rate.setValue(0)  # nobody else gives while the checks run
        await figures_settled()

    async def live(self) -> None:
        await self.close_extras()
        if not (self.main_view_is("totalRaised") and self.current.startswith(("live", "story"))):
            await self.open_campaign(FUNDRAISER_TITLE, "totalRaised")
        await wait_for(lambda: find("donorFeed").model().rowCount() > 0, "the donor feed")

    def select_feed_donor(self, name: str) -> None:
        from PySide6.QtCore import QItemSelectionModel

        feed = find("donorFeed")
        model = feed.model()
        row = next(
            r for r in range(model.rowCount()) if name in str(model.index(r, 0).data() or "")
        )
        feed.selectionModel().setCurrentIndex(
            model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    def select_usable_ticket(self) -> None:
        """The first ticket of the sales list that can be given a new code."""
        from PySide6.QtCore import QItemSelectionModel

        sales = find("ticketSales")
        for row in range(sales.model().rowCount()):
            sales.selectionModel().setCurrentIndex(
                sales.model().index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            if find("reissueTicket").isEnabled():
                return
        raise AssertionError("no ticket in the sales list can be given a new code")

    async def show(self, screen: str) -> Any:
        """Show `screen`; returns the window it is in."""
        from PySide6.QtWidgets import QTabWidget

        if screen == "home":
            await self.home()
        elif screen.startswith("setup-"):
            await self.home()
            find("newCampaign").click()
            await wait_for(lambda: shown("campaignTitle"), "set-up")
            kind = (
                "campaignKindPaidEvent"
                if screen == "setup-paid-event"
                else "campaignKindFundraiser"
            )
            find(kind).click()
            await wait_for(
                lambda: shown("ticketPrice" if screen == "setup-paid-event" else "goalAmount"),
                "the set-up form",
            )
        elif screen == "live":
            await self.live()
            self.select_feed_donor("Zoë Martin")
            await wait_for(lambda: find("stickerGallery").model().rowCount() > 0, "the stickers")
        elif screen == "offline-dialog":
            await self.live()
            find("addOfflineDonation").click()
            await wait_for(lambda: shown("offlineDonationDialog"), "the offline donation dialog")
        elif screen == "story-composer":
            await self.live()
            self.select_feed_donor("Zoë Martin")
            await wait_for(lambda: find("composeStory").isEnabled(), "Compose Story")
            find("composeStory").click()
            await wait_for(lambda: shown("storyComposer"), "the composer")
        elif screen == "story-player":
            await self.live()
            find("openSharedStory").click()
            await wait_for(lambda: shown("sharedStoryPreview"), "the shared Story")
            await asyncio.sleep(1.0)
        elif screen == "paid-event":
            await self.close_extras()
            await self.open_campaign(EVENT_TITLE, "revenueTotal")
        elif screen == "ticket-new-code":  # a buyer lost their code: the new one, shown once
            await self.close_extras()
            if not self.main_view_is("revenueTotal"):
                await self.open_campaign(EVENT_TITLE, "revenueTotal")
            self.select_usable_ticket()
            find("reissueTicket").click()
            await wait_for(lambda: shown("reissueTicketConfirm"), "the question")
            find("confirmReissueTicket").click()
            await wait_for(lambda: shown("reissuedCode"), "the new code")
        elif screen.startswith("moderation-"):
            if not shown("moderationConsole"):
                await self.live()
                action(self.window, "openModeration").trigger()
                await wait_for(lambda: shown("moderationConsole"), "the moderation console")
            tabs = find("moderationTabs", QTabWidget)
            index = ("all", "hold", "rules", "audit").index(screen.split("-", 1)[1])
            tabs.setCurrentIndex(index)
            view = ("moderationTable", "holdQueue", "blocklistEnglish", "auditLog")[index]
            await wait_for(lambda: shown(view), view)
            if index in (0, 1):
                await wait_for(lambda: find(view).model().rowCount() > 0, f"rows in {view}")
        else:
            raise ValueError(f"unknown screen {screen!r}")
        self.current = screen
        await asyncio.sleep(0.5)  # let layouts and the accessibility bridge settle
        return self.screen_window(screen)

    def screen_window(self, screen: str) -> Any:
        if screen in WINDOW_OF:
            return find(WINDOW_OF[screen]).window()
        return self.window


def figure_texts() -> dict[str, str]:
    """The text each figure shows on screen now (rich text as plain text)."""
    from PySide6.QtGui import QTextDocument
    from PySide6.QtWidgets import QLabel

    out: dict[str, str] = {}
    for name in FIGURES:
        widget = find(name, QLabel)
        if widget is None:
            continue
        text = widget.text()
        if "<" in text:
            doc = QTextDocument()
            doc.setHtml(text)
            text = doc.toPlainText()
        out[name] = " ".join(text.split())
    return out
