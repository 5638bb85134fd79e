"""The colours the stylesheet cannot reach, measured on rendered pixels in both themes: the
stage's banners, primary-button icons, the selected row of a painted list (the feed, the
sticker gallery, the home's campaign cards), avatar initials; and icons and the top donors
drawn again when the theme changes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QRect, QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from livegiving_desktop.services.ledger import LedgerService
from livegiving_desktop.ui import theme
from livegiving_desktop.ui.broadcast.stage import BroadcastStage
from livegiving_desktop.ui.common.widgets import (
    AVATAR_TEXT,
    avatar_color,
    button,
    paint_row_card,
)
from livegiving_desktop.ui.fundraiser.cards import TopDonorsCard
from livegiving_desktop.ui.fundraiser.models import OnAirPrivacy
from livegiving_desktop.ui.theme import Theme, contrast_ratio

MODES = ["light", "dark"]


def same(a: QColor, b: QColor | str, tolerance: int = 3) -> bool:
    b = QColor(b)
    return all(abs(x - y) <= tolerance for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


def opaque_colours(image: QImage) -> set[str]:
    """The colours of the fully opaque pixels of an icon."""
    found = set()
    for y in range(image.height()):
        for x in range(image.width()):
            pixel = image.pixelColor(x, y)
            if pixel.alpha() == 255:
                found.add(pixel.name())
    return found


# -- the stage's banners --------------------------------------------------------------------


BANNERS = [("banner", "stage_success"), ("notice", "stage_warning")]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(("kind", "fill"), BANNERS)
def test_stage_banners_read_at_4_5_in_both_themes(
    qtbot: Any, themed: Any, mode: str, kind: str, fill: str
) -> None:
    themed(mode)
    stage = BroadcastStage()
    qtbot.addWidget(stage)
    stage.resize(640, 240)  # short: the banner stays above the goal's caption
    stage.goal_text = "€5,750.00 raised of €15,000.00"
    stage.goal_fraction = 0.38
    text = "Thank you, Zoë!"
    setattr(stage, kind, text)
    image = stage.grab().toImage()
    box = stage.banner_rect(text)
    inside = image.pixelColor(int(box.center().x()), int(box.top()) + 3)
    assert same(inside, Theme.colors[fill]), (inside.name(), Theme.colors[fill])
    # The text: the pixels of the banner furthest from its fill are the banner's text colour.
    pixels = [
        image.pixelColor(x, y)
        for y in range(int(box.top()) + 2, int(box.bottom()) - 2)
        for x in range(int(box.left()) + 30, int(box.right()) - 30)
    ]
    darkest = max(pixels, key=lambda c: contrast_ratio(c, inside))
    assert contrast_ratio(darkest, inside) >= 4.5
    assert same(darkest, Theme.colors["on_stage_banner"], tolerance=12), darkest.name()
    goal_caption_top = stage.height() - (22 + 14 + 34) * 0.6
    assert box.bottom() <= goal_caption_top


# -- icons ----------------------------------------------------------------------------------


def icon_colours(widget: Any) -> set[str]:
    return opaque_colours(widget.icon().pixmap(32, 32).toImage())


def test_primary_button_icons_are_drawn_in_on_accent(
    qtbot: Any, themed: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    themed("light")
    # A palette whose on_accent is not white: the icon follows it.
    monkeypatch.setattr(Theme, "colors", {**theme.LIGHT, "on_accent": "#102030"})
    primary = button("Go live", "goLiveTest", "mdi6.broadcast", "primary")
    qtbot.addWidget(primary)
    assert icon_colours(primary) == {"#102030"}


@pytest.mark.parametrize(("first", "then"), [("light", "dark"), ("dark", "light")])
def test_icons_are_drawn_again_when_the_theme_changes(
    qtbot: Any, themed: Any, first: str, then: str
) -> None:
    themed(first)
    plain = button("Moderation", "moderationTest", "mdi6.shield-account")
    danger = button("End broadcast", "endTest", "mdi6.stop-circle", "danger")
    for widget in (plain, danger):
        qtbot.addWidget(widget)
    assert icon_colours(plain) == {Theme.colors["text"].lower()}
    themed(then)
    assert icon_colours(plain) == {Theme.colors["text"].lower()}
    assert icon_colours(danger) == {Theme.colors["danger"].lower()}


def test_the_top_donors_are_drawn_again_when_the_theme_changes(qtbot: Any, themed: Any) -> None:
    from livegiving_desktop.core.records import TopDonor

    themed("light")
    card = TopDonorsCard()
    qtbot.addWidget(card)
    card.show_donors([TopDonor("Zoë Martin", 2000, 1)], OnAirPrivacy(None, "en"), "EUR")
    assert card.list.rank_color() == theme.LIGHT["muted"]
    themed("dark")
    assert card.list.rank_color() == theme.DARK["muted"]


# -- the selected row of a painted list ------------------------------------------------------


def row_option(selected: bool, rect: QRect) -> QStyleOptionViewItem:
    option = QStyleOptionViewItem()
    option.rect = rect
    option.state = QStyle.StateFlag.State_Enabled
    if selected:
        option.state |= QStyle.StateFlag.State_Selected
    return option


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("outlined", [False, True], ids=["feed", "gallery"])
def test_a_selected_painted_row_stands_out_at_3(themed: Any, mode: str, outlined: bool) -> None:
    themed(mode)
    surface = QColor(Theme.colors["surface"])
    image = QImage(300, 70, QImage.Format.Format_RGB32)
    image.fill(surface)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    rect = QRectF(4, 3, 292, 64)
    assert paint_row_card(painter, row_option(True, QRect(0, 0, 300, 70)), rect, outlined=outlined)
    painter.end()
    # Across the row's left edge, from the list to the fill: some pixel stands at 3:1.
    edge = [image.pixelColor(x, 35) for x in range(0, 12)]
    assert max(contrast_ratio(c, surface) for c in edge) >= 3.0, [c.name() for c in edge]


@pytest.fixture
def campaign_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    monkeypatch.setenv("LIVEGIVING_DATA_DIR", str(tmp_path / "data"))
    ledger = LedgerService.open(str(tmp_path / "home.db"))
    try:
        yield ledger.create_fundraiser(
            title="Marathon", organization_id="croix-rouge-francaise", goal="500", currency="EUR"
        )
    finally:
        ledger.close()


@pytest.mark.parametrize("mode", MODES)
def test_the_selected_campaign_card_stands_out_at_3(
    themed: Any, mode: str, campaign_record: Any
) -> None:
    from livegiving_desktop.ui.home import CampaignDelegate, CampaignListModel

    themed(mode)
    model = CampaignListModel()
    model.reset([campaign_record])
    delegate = CampaignDelegate(model)
    surface = QColor(Theme.colors["surface"])
    image = QImage(500, 92, QImage.Format.Format_RGB32)
    image.fill(surface)
    painter = QPainter(image)
    index: QModelIndex = model.index(0, 0)
    delegate.paint(painter, row_option(True, QRect(0, 0, 500, 92)), index)
    painter.end()
    edge = [image.pixelColor(x, 46) for x in range(0, 14)]
    assert max(contrast_ratio(c, surface) for c in edge) >= 3.0, [c.name() for c in edge]


# -- avatars ---------------------------------------------------------------------------------


def test_avatar_initials_read_at_4_5_on_every_avatar_colour() -> None:
    names = [f"Donor {n}" for n in range(3000)] + ["Zoë Martin", "Kenji Watanabe", "ليلى ا."]
    hues = set()
    for name in names:
        colour = avatar_color(name)
        hues.add(colour.hslHue() // 30)
        assert contrast_ratio(AVATAR_TEXT, colour) >= 4.5, (name, colour.name())
    assert len(hues) == 12  # still every kind of colour, not one safe grey


def test_avatar_size_follows_the_font(qtbot: Any) -> None:
    """With a 14 pt font the feed's rows grow so that the name and the message both fit."""
    from PySide6.QtGui import QFont

    from livegiving_desktop.ui.fundraiser.widgets import FEED_ROW_HEIGHT, FeedDelegate

    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, 400, 10)
    option.font = QFont(option.font)
    option.font.setPointSizeF(10)
    delegate = FeedDelegate()
    small = delegate.sizeHint(option, QModelIndex())
    option.font.setPointSizeF(14)
    large = delegate.sizeHint(option, QModelIndex())
    assert small == QSize(400, FEED_ROW_HEIGHT)
    assert large.height() > FEED_ROW_HEIGHT
