"""Stickers, the story composer and the shared Story player, through the contract's names."""

from __future__ import annotations

from collections.abc import Coroutine
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QCheckBox, QDialog, QLabel, QLineEdit, QListView, QPushButton, QWidget
from tests.gui.conftest import find

from livegiving_desktop.core.records import Actor, ActorRole
from livegiving_desktop.core.stickers import StickerState
from livegiving_desktop.core.story import BackgroundKind, StoryDesign
from livegiving_desktop.services.ledger import LedgerService
from livegiving_desktop.services.stories import StoryService
from livegiving_desktop.ui.common.runner import spawn
from livegiving_desktop.ui.story.sticker import StickerRole

T = TypeVar("T")
MODERATOR = Actor("Mod", ActorRole.MODERATOR)


def run(qtbot: Any, coro: Coroutine[Any, Any, T]) -> T:
    task = spawn(coro)
    qtbot.waitUntil(task.done, timeout=10_000)
    return task.result()


def open_campaign(qtbot: Any, window: Any, ledger: LedgerService, donors: list[str],
                  anonymous: tuple[str, ...] = ()) -> int:  # fmt: skip
    """A fundraiser with one donation per donor (oldest first), opened in the live view."""
    campaign = ledger.create_fundraiser(
        title="Marathon", organization_id="croix-rouge-francaise", goal="500", currency="EUR"
    )
    for name in donors:
        ledger.record_donation(campaign.id, amount="10", donor_name=name,
                               anonymous=name in anonymous)  # fmt: skip
    run(qtbot, window.show_live(campaign.id))
    return campaign.id


def select_donor(qtbot: Any, window: Any, name: str) -> None:
    model = window.live.feed_model
    row = next(r for r in range(model.rowCount()) if model.donation(r).donor_name == name)
    window.live.select_feed_row(row)
    panel = window.live.stickers
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0 and panel.donor_name == name)


def test_gallery_follows_the_selected_donor(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService
) -> None:
    w = livegiving_window
    other = ledger.create_fundraiser(title="Food drive", organization_id="croix-rouge-francaise",
                                     goal="100", currency="EUR")  # fmt: skip
    open_campaign(qtbot, w, ledger, ["Alice", "Secret"], anonymous=("Secret",))
    gallery = find(w, QListView, "stickerGallery")
    preview = find(w, QWidget, "stickerPreview")
    assert gallery.model().rowCount() == 0
    select_donor(qtbot, w, "Alice")
    rows = [gallery.model().index(r).data(StickerRole) for r in range(gallery.model().rowCount())]
    assert [(s.campaign_title, s.state) for s in rows] == [
        ("Marathon", StickerState.UNLOCKED), ("Food drive", StickerState.LOCKED),
    ]  # fmt: skip
    assert rows[1].campaign_id == other.id
    assert "Unlocked" in gallery.model().index(0).data()
    assert "until" in gallery.model().index(0).data()
    assert preview.locked is False  # type: ignore[attr-defined]
    gallery.setCurrentIndex(gallery.model().index(1))
    assert preview.locked is True  # type: ignore[attr-defined]
    select_donor(qtbot, w, "Secret")
    assert find(w, QLabel, "stickerDonor").text() == "Anonymous"


def test_compose_and_share_then_share_again_replaces(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService
) -> None:
    w = livegiving_window
    campaign_id = open_campaign(qtbot, w, ledger, ["Alice"])
    select_donor(qtbot, w, "Alice")
    find(w, QPushButton, "composeStory").click()
    qtbot.waitUntil(lambda: w.live.stickers.composer is not None)
    composer = find(w, QDialog, "storyComposer")
    assert composer.isVisible()
    amount = find(composer, QCheckBox, "storyShowAmount")
    assert not amount.isChecked()  # hidden unless the donor asks
    find(composer, QLineEdit, "storyCaption").setText("Join me!")
    share = find(composer, QPushButton, "shareStory")
    assert share.isEnabled()
    share.click()
    notice = find(composer, QLabel, "storyNotice")
    qtbot.waitUntil(lambda: "Shared" in notice.text())
    stories = StoryService(ledger)
    story = stories.open_shared_story(campaign_id)
    assert len(story.refs) == 1
    frame = stories.frame(story.header.campaign, story.refs[0].frame_id)
    assert frame.design.caption == "Join me!" and frame.amount_minor is None
    amount.setChecked(True)
    share.click()
    qtbot.waitUntil(lambda: "replaced" in notice.text())
    story = stories.open_shared_story(campaign_id)
    assert len(story.refs) == 1
    assert stories.frame(story.header.campaign, story.refs[0].frame_id).amount_minor == 1000
    composer.close()


def test_the_sticker_is_placed_with_the_keyboard(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService
) -> None:
    """The canvas takes focus (with a ring), arrows move the sticker, + and - resize it,
    [ and ] turn it; the sliders follow and the shared frame keeps the placement."""
    from livegiving_desktop.ui.theme import Theme

    w = livegiving_window
    campaign_id = open_campaign(qtbot, w, ledger, ["Alice"])
    composer = run(qtbot, w.live.stickers.open_composer("Alice"))
    canvas = find(composer, QWidget, "storyCanvas")
    find(composer, QLineEdit, "storyCaption").setFocus()
    before = canvas.grab().toImage()
    canvas.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(canvas.hasFocus)
    ring = canvas.grab().toImage()
    edge = (1, canvas.height() // 2)
    assert ring.pixelColor(*edge).name() == Theme.colors["focus"].lower()
    assert before.pixelColor(*edge) != ring.pixelColor(*edge)
    start = composer.design
    QTest.keyClick(canvas, Qt.Key.Key_Right)
    QTest.keyClick(canvas, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(canvas, Qt.Key.Key_Plus)
    QTest.keyClick(canvas, Qt.Key.Key_Plus)
    QTest.keyClick(canvas, Qt.Key.Key_Minus)
    QTest.keyClick(canvas, Qt.Key.Key_BracketRight)
    QTest.keyClick(canvas, Qt.Key.Key_BracketLeft)
    QTest.keyClick(canvas, Qt.Key.Key_BracketLeft)
    d = composer.design
    assert round(d.sticker_x - start.sticker_x, 4) == 0.01
    assert round(d.sticker_y - start.sticker_y, 4) == 0.05
    assert round(d.sticker_scale - start.sticker_scale, 2) == 0.05
    assert d.sticker_rotation == start.sticker_rotation - 5
    assert find(composer, QWidget, "stickerScale").value() == round(d.sticker_scale * 100)
    assert find(composer, QWidget, "stickerRotation").value() == round(d.sticker_rotation)
    assert f"size {round(d.sticker_scale * 100)} %" in canvas.accessibleDescription()
    for _ in range(200):  # the sticker stays on the frame
        QTest.keyClick(canvas, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert composer.design.sticker_x == 0.0
    QTest.keyClick(canvas, Qt.Key.Key_Tab)
    assert not canvas.hasFocus()  # Tab moves on: no trap
    assert run(qtbot, composer.share_now()) is True
    stories = StoryService(ledger)
    story = stories.open_shared_story(campaign_id)
    shared = stories.frame(story.header.campaign, story.refs[0].frame_id).design
    assert (shared.sticker_x, shared.sticker_scale) == (0.0, d.sticker_scale)
    composer.close()


def test_a_refunded_donor_cannot_share(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService
) -> None:
    w = livegiving_window
    campaign_id = open_campaign(qtbot, w, ledger, ["Alice"])
    donation = ledger.recent_donations(campaign_id, limit=1)[0]
    ledger.refund_donation(donation.id, "chargeback", MODERATOR)
    select_donor(qtbot, w, "Alice")
    composer = run(qtbot, w.live.stickers.open_composer("Alice"))
    share = find(composer, QPushButton, "shareStory")
    assert not share.isEnabled()
    assert "refunded" in find(composer, QLabel, "shareReason").text()
    composer.close()


def test_a_file_that_is_not_an_image_is_refused(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService, tmp_path: Path
) -> None:
    w = livegiving_window
    campaign_id = open_campaign(qtbot, w, ledger, ["Alice"])
    composer = run(qtbot, w.live.stickers.open_composer("Alice"))
    text_file = tmp_path / "holiday.png"  # the name says PNG; the bytes do not
    text_file.write_text("not really a picture")
    assert run(qtbot, composer.load_image(str(text_file))) is False
    error = find(composer, QLabel, "storyError")
    assert "holiday.png" in error.text() and "is not an image" in error.text()
    assert composer.design.background is BackgroundKind.GRADIENT
    picture = QImage(2000, 3000, QImage.Format.Format_RGB32)
    picture.fill(Qt.GlobalColor.darkGreen)
    picture.save(str(tmp_path / "real.png"))
    assert run(qtbot, composer.load_image(str(tmp_path / "real.png"))) is True
    assert error.text() == ""
    assert run(qtbot, composer.share_now()) is True
    stored = StoryService(ledger).own_frame(campaign_id, "Alice")
    assert stored is not None and stored.background_image is not None
    kept = QImage.fromData(stored.background_image)
    assert kept.width() <= 1080 and kept.height() <= 1920  # downscaled before storing
    composer.close()


def test_player_next_previous_clicks_and_pause(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService, tmp_path: Path
) -> None:
    w = livegiving_window
    names = ["Alice", "Bob", "Chloé"]
    campaign_id = open_campaign(qtbot, w, ledger, names)
    stories = StoryService(ledger)
    for name in names:
        stories.share(campaign_id, name, StoryDesign(caption=name))
    find(w, QPushButton, "openSharedStory").click()
    qtbot.waitUntil(lambda: w.live.stickers.player is not None)
    player = find(w, QDialog, "sharedStoryPreview")
    view = find(player, QWidget, "storyView")
    qtbot.waitUntil(lambda: player.is_loaded(player.current_frame_id()))
    assert player.current_image(QSize(90, 160)) is not None
    assert player.frame_count() == 3 and player.index == 0
    find(player, QPushButton, "storyNext").click()
    assert player.index == 1
    find(player, QPushButton, "storyPrevious").click()
    assert player.index == 0
    QTest.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(view.width() - 20, 300))
    assert player.index == 1
    QTest.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(20, 300))
    assert player.index == 0
    # Press and hold pauses; letting go plays on, on the same frame.
    QTest.mousePress(view, Qt.MouseButton.LeftButton, pos=QPoint(200, 300))
    qtbot.waitUntil(player.is_paused, timeout=2_000)
    QTest.mouseRelease(view, Qt.MouseButton.LeftButton, pos=QPoint(200, 300))
    assert not player.is_paused() and player.index == 0
    find(player, QPushButton, "storyNext").setFocus()  # Space pauses, not "presses" the button
    QTest.keyClick(find(player, QPushButton, "storyNext"), Qt.Key.Key_Space)
    assert player.paused and player.index == 0
    pause = find(player, QPushButton, "storyPause")
    assert pause.text() == pause.accessibleName() == "Play"  # read as it shows
    before = player.elapsed_ms()
    qtbot.wait(300)
    assert player.elapsed_ms() == before  # paused: the frame's clock stands still
    QTest.keyClick(player, Qt.Key.Key_Space)
    assert not player.paused
    qtbot.wait(200)
    assert player.elapsed_ms() > before
    # About five seconds a frame: once the frame's time is up the player moves on by itself.
    player._elapsed_ms = 4_990
    qtbot.waitUntil(lambda: player.index == 1, timeout=2_000)
    top = view.grab().toImage()
    assert top.pixelColor(20, 9).lightness() > 240  # the first segment of the bar is full
    result = run(qtbot, player.export_to(tmp_path / "export"))
    assert result is not None and result.frames == 3
    assert QImage(str(tmp_path / "export" / "story-0003.png")).size() == QSize(1080, 1920)
    assert "sticker.png" in find(player, QLabel, "storyExportStatus").text()
    player.close()


def test_a_refunded_donor_leaves_the_player(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService
) -> None:
    w = livegiving_window
    campaign_id = open_campaign(qtbot, w, ledger, ["Alice", "Bob"])
    stories = StoryService(ledger)
    for name in ("Alice", "Bob"):
        stories.share(campaign_id, name, StoryDesign())
    alice = next(d for d in ledger.recent_donations(campaign_id) if d.donor_name == "Alice")
    ledger.refund_donation(alice.id, "chargeback", MODERATOR)
    player = run(qtbot, w.live.stickers.open_player())
    assert player.frame_count() == 1
    qtbot.waitUntil(lambda: player.is_loaded(player.current_frame_id()))
    assert player._frames[player.current_frame_id()][0].shown_name == "Bob"
    player.close()
