"""Regenerates docs/screenshots/: set-up, live in English, live in French, home.

    make screenshots     (QT_QPA_PLATFORM=offscreen python docs/make_screenshots.py)

Each run works on a throwaway database and user folder; the simulated audience is seeded so
the pictures change only when the app does.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parent / "screenshots"
SIZE = (1440, 900)
SCREEN = (1920, 1080)  # dialogs size themselves to the screen: a desktop's, not offscreen's 800×600


def _offscreen_desktop() -> None:
    """Offscreen, on a virtual 1920×1080 screen (set before Qt starts)."""
    import json

    if os.environ.get("QT_QPA_PLATFORM", "offscreen") != "offscreen":
        return
    config = Path(tempfile.mkdtemp(prefix="screenshots-")) / "screen.json"
    screen = {"name": "desktop", "x": 0, "y": 0, "width": SCREEN[0], "height": SCREEN[1],
              "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}  # fmt: skip
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


_offscreen_desktop()


async def capture(language: str, folder: Path) -> None:
    from livegiving_desktop.ui.main_window import MainWindow

    os.environ["LIVEGIVING_DATA_DIR"] = str(folder / f"data-{language}")
    window = MainWindow(db_url=str(folder / f"{language}.db"), language=language)
    window.resize(*SIZE)
    window.show()
    while not window.is_ready():
        await asyncio.sleep(0.05)

    async def settle(seconds: float = 0.4) -> None:
        # Qt processes its events while the coroutine sleeps (never processEvents() here:
        # that would run other tasks inside this one).
        await asyncio.sleep(seconds)

    if language == "en":
        await settle()
        window.grab().save(str(OUT / "home-empty.png"))
    # Set-up, filled in.
    window.home.new_button.click()
    setup = window.setup
    setup.title.setText(
        "Marathon solidaire 24 h" if language == "fr" else "24-hour charity marathon"
    )
    setup.org_search.setText("croix")
    setup.org_list.setCurrentIndex(setup.org_model.index(0))
    setup.goal.setText("5000")
    setup.minimum.setText("2")
    await settle()
    if language == "en":
        window.grab().save(str(OUT / "setup.png"))
    setup.create_button.click()
    while window.live.campaign is None:
        await asyncio.sleep(0.05)
    live = window.live
    live.rate.setValue(12)
    live.go_live.click()
    await settle(7.0)
    live.select_feed_row(2)
    live.thank.click()
    await settle(1.0)
    window.grab().save(str(OUT / f"live-{language}.png"))
    if language == "en":  # the OBS overlays window of the campaign on air
        window.show_overlays()
        overlays = window.overlays_window
        assert overlays is not None
        overlays.resize(820, 1000)
        await settle(1.5)
        overlays.grab().save(str(OUT / "overlays-window.png"))
        overlays.close()
    await window.live.close_campaign()
    if language == "en":
        await window.show_home()
        await settle()
        window.grab().save(str(OUT / "home.png"))
    window.shutdown_now()
    window.close()


async def capture_story(folder: Path) -> None:
    """The sticker gallery in the live view, the story composer and the shared Story player."""
    from livegiving_desktop.core.story import StoryDesign
    from livegiving_desktop.services.ledger import LedgerService
    from livegiving_desktop.services.stories import StoryService
    from livegiving_desktop.ui.main_window import MainWindow

    os.environ["LIVEGIVING_DATA_DIR"] = str(folder / "data-story")
    db = str(folder / "story.db")
    ledger = LedgerService.open(db)
    org = "croix-rouge-francaise"
    ledger.create_fundraiser(title="Spring food drive", organization_id=org, goal="2000",
                             currency="EUR")  # fmt: skip
    campaign = ledger.create_fundraiser(title="24-hour charity marathon", organization_id=org,
                                        goal="5000", currency="EUR")  # fmt: skip
    stories = StoryService(ledger)
    designs = {
        "Camille Dubois": StoryDesign(caption="Running for those who can't. Join me!",
                                      show_amount=True),
        "Noah Schmidt": StoryDesign(background="gradient", color_top="#0EA5E9",  # type: ignore[arg-type]
                                    color_bottom="#1E3A8A", sticker_y=0.38, sticker_rotation=8,
                                    caption="Every euro counts"),
        "Amara Okafor": StoryDesign(background="gradient", color_top="#6D28D9",  # type: ignore[arg-type]
                                    color_bottom="#EC4899", sticker_scale=1.3),
        "Lucas Martin": StoryDesign(background="solid", color_top="#151829",  # type: ignore[arg-type]
                                    color_bottom="#151829", caption="Proud to give 💜"),
    }  # fmt: skip
    for name, amount in (("Camille Dubois", "25"), ("Noah Schmidt", "10"), ("Amara Okafor", "50"),
                         ("Lucas Martin", "15"), ("Inès Laurent", "20")):  # fmt: skip
        ledger.record_donation(campaign.id, amount=amount, donor_name=name)
        if name in designs:
            stories.share(campaign.id, name, designs[name])
    ledger.record_donation(campaign.id, amount="5", donor_name="Secret Santa", anonymous=True)
    ledger.close()

    window = MainWindow(db_url=db, language="en")
    window.resize(*SIZE)
    window.show()
    while not window.is_ready():
        await asyncio.sleep(0.05)
    await window.show_live(campaign.id)
    live = window.live
    live.select_feed_row(1)  # Inès Laurent (row 0 is the anonymous gift)
    while live.stickers.model.rowCount() < 2:
        await asyncio.sleep(0.05)
    await asyncio.sleep(0.4)
    window.grab().save(str(OUT / "story-gallery.png"))
    composer = await live.stickers.open_composer("Camille Dubois")
    await asyncio.sleep(0.4)
    composer.grab().save(str(OUT / "story-composer.png"))
    composer.close()
    player = await live.stickers.open_player()
    while player.current_frame_id() is None or not player.is_loaded(player.current_frame_id() or 0):
        await asyncio.sleep(0.05)
    player.show_index(0)
    await asyncio.sleep(2.6)
    player.grab().save(str(OUT / "story-player.png"))
    player.close()
    await window.live.close_campaign()
    window.shutdown_now()
    window.close()


async def capture_paid_event(folder: Path) -> None:
    """The paid event: its set-up, then its live view with sales and the door."""
    from livegiving_desktop.ui.main_window import MainWindow

    os.environ["LIVEGIVING_DATA_DIR"] = str(folder / "data-paid")
    window = MainWindow(db_url=str(folder / "paid.db"), language="en")
    window.resize(*SIZE)
    window.show()
    while not window.is_ready():
        await asyncio.sleep(0.05)
    window.home.new_button.click()
    setup = window.setup
    setup.kind_event.click()
    setup.title.setText("Sushi masterclass with Chef Aiko")
    setup.category.setCurrentIndex(setup.category.findData("cooking-class"))
    setup.price.setText("18.00")
    setup.capacity.setText("400")
    setup.description.setPlainText(
        "Two hours of nigiri and maki, live from Aiko's kitchen. Ingredient list sent with "
        "the ticket."
    )
    await asyncio.sleep(0.4)
    window.grab().save(str(OUT / "setup-paid-event.png"))
    setup.create_button.click()
    page = window.event_view
    while page.campaign is None:
        await asyncio.sleep(0.05)
    page.rate.setValue(40)
    page.go_live.click()
    await asyncio.sleep(8.0)
    page.code.setText("WRONG-CODE1-2345")
    page.admit.click()
    await asyncio.sleep(0.6)
    page.select_ticket_row(1)
    await asyncio.sleep(0.6)
    window.grab().save(str(OUT / "live-paid-event.png"))
    await page.close_campaign()
    window.shutdown_now()
    window.close()


async def capture_moderation(folder: Path) -> None:
    """The moderation console (all donations, with a refund, flags and privacy choices) and its
    hold queue, in English."""
    from livegiving_desktop.core.records import Actor, ActorRole
    from livegiving_desktop.services.ledger import LedgerService
    from livegiving_desktop.services.moderation import ModerationService
    from livegiving_desktop.ui.main_window import MainWindow

    os.environ["LIVEGIVING_DATA_DIR"] = str(folder / "data-moderation")
    url = str(folder / "moderation.db")
    service = LedgerService.open(url)
    campaign = service.create_fundraiser(title="24-hour charity marathon",
                                         organization_id="croix-rouge-francaise", goal="5000",
                                         currency="EUR", minimum="2")  # fmt: skip
    service.go_live(campaign.id)
    service.simulate(campaign.id, count=240, seed=11)
    mod, sam = ModerationService(service), Actor("Sam (mod)", ActorRole.MODERATOR)
    gifts = [("Amélie Laurent", "25", "Bravo à toute l'équipe, on y croit !"),
             ("Jordan P.", "750", "For my grandmother, who volunteered 30 years"),
             ("xX_troll_Xx", "2", "c0nn@rd va"), ("Promo Bot", "2", "Free followers www.fol.lo.ws"),
             ("Kenji Watanabe", "50", "頑張って! Keep going!")]  # fmt: skip
    ids = [service.record_donation(campaign.id, amount=a, donor_name=n, message=m).donation.id
           for n, a, m in gifts]  # type: ignore[union-attr]  # fmt: skip
    mod.refund(ids[0], "Donor asked: card used by mistake", sam)
    mod.block_donor(ids[2], sam, "abuse")
    mod.set_privacy(campaign.id, [ids[4]], sam, hide_name=True)
    held = [d.id for d in mod.page(campaign.id, mod_filter(), limit=40)][-3:]
    mod.approve(campaign.id, held[:1], sam)
    service.close()
    window = MainWindow(db_url=url, language="en")
    window.settings.setValue("moderation/displayName", "Sam (mod)")
    window.show()
    while not window.is_ready():
        await asyncio.sleep(0.05)
    await window.show_live(campaign.id)
    console = await window.open_moderation()
    console.resize(*SIZE)
    await asyncio.sleep(1.0)
    table = console.table
    table.selectRow(1)
    await asyncio.sleep(0.5)
    console.grab().save(str(OUT / "moderation-console.png"))
    console.tabs.setCurrentIndex(1)
    await asyncio.sleep(0.5)
    console.hold_queue.selectRow(0)
    console.hold_queue.selectionModel().select(
        console.held_model.index(1, 0),
        console.hold_queue.selectionModel().SelectionFlag.Select
        | console.hold_queue.selectionModel().SelectionFlag.Rows,
    )
    await asyncio.sleep(0.5)
    console.grab().save(str(OUT / "moderation-hold-queue.png"))
    console.tabs.setCurrentIndex(3)
    await asyncio.sleep(0.8)
    console.grab().save(str(OUT / "moderation-audit.png"))
    console.tabs.setCurrentIndex(2)
    await asyncio.sleep(0.3)
    console.grab().save(str(OUT / "moderation-rules.png"))
    window.shutdown_now()
    window.close()


def mod_filter() -> object:
    from livegiving_desktop.core.moderation import DonationFilter

    return DonationFilter(message_statuses=("held",))


def main() -> int:
    import qasync

    from livegiving_desktop.app import create_application, prepare

    OUT.mkdir(parents=True, exist_ok=True)
    app = create_application()
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for language in ("en", "fr"):
            prepare(app, language)
            results.append(qasync.run(capture(language, Path(tmp))))
        prepare(app, "en")
        results.append(qasync.run(capture_story(Path(tmp))))
        results.append(qasync.run(capture_paid_event(Path(tmp))))
        results.append(qasync.run(capture_moderation(Path(tmp))))
    print("screenshots written to", OUT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
