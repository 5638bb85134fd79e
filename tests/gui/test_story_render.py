"""The sticker and the Story frame, checked by their pixels (no golden files)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter

from livegiving_desktop.core.story import BackgroundKind, StoryDesign
from livegiving_desktop.ui.story.render import FrameTexts, render_frame, sticker_rect
from livegiving_desktop.ui.story.sticker import StickerLook, paint_sticker, sticker_image

EN = StickerLook("I donated", "Croix-Rouge française", "#6D28D9", "#F59E0B")
FR = StickerLook("J'ai fait un don", "Croix-Rouge française", "#6D28D9", "#F59E0B")
TEXTS = FrameTexts("Alice", "2 min ago", "", "Croix-Rouge française", "€120.00 raised", "Give now")
SOLID = StoryDesign(background=BackgroundKind.SOLID, color_top="#102030", color_bottom="#102030")


@pytest.fixture(autouse=True)
def _app(qapp: Any) -> None:
    """Fonts need a QGuiApplication."""


def _mean_saturation(image: QImage, rect: QRectF, step: int = 9) -> float:
    values = []
    for x in range(int(rect.left()), int(rect.right()), step):
        for y in range(int(rect.top()), int(rect.bottom()), step):
            color = image.pixelColor(x, y)
            if color.alpha() > 200:
                values.append(color.hsvSaturationF())
    return sum(values) / len(values)


def _differs(a: QImage, b: QImage, rect: QRectF, step: int = 3) -> int:
    return sum(
        a.pixel(x, y) != b.pixel(x, y)
        for x in range(int(rect.left()), int(rect.right()), step)
        for y in range(int(rect.top()), int(rect.bottom()), step)
    )


def test_sticker_image_is_the_size_asked_and_transparent_around() -> None:
    for side in (64, 512, 1080):
        image = sticker_image(EN, side)
        assert image.size() == QSize(side, side)
        assert image.pixelColor(0, 0).alpha() == 0
        assert image.pixelColor(side // 2, side // 2).alpha() == 255


def test_locked_sticker_is_grey_with_a_padlock() -> None:
    unlocked, locked = sticker_image(EN, 400), sticker_image(EN, 400, locked=True)
    area = QRectF(60, 60, 280, 280)
    assert _mean_saturation(unlocked, area) > 0.4
    assert _mean_saturation(locked, area) < 0.1
    # The padlock's body, under the keyhole, is white on the locked one only.
    assert locked.pixelColor(170, 235).lightness() > 230
    assert unlocked.pixelColor(170, 235).lightness() < 200
    assert _differs(unlocked, locked, area) > 1000


def test_words_are_painted_and_french_differs() -> None:
    blank = StickerLook("", "", "#6D28D9", "#F59E0B")
    words = QRectF(60, 200, 280, 90)  # the band of "I donated" under the heart
    en, fr, none = sticker_image(EN, 400), sticker_image(FR, 400), sticker_image(blank, 400)
    assert _differs(en, none, words) > 150
    assert _differs(en, fr, words) > 150


def test_sticker_is_crisp_when_large_not_a_scaled_bitmap() -> None:
    # A hard edge of the white border stays within a few pixels at 2048 px.
    image = QImage(2048, 2048, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    paint_sticker(painter, QRectF(0, 0, 2048, 2048), EN)
    painter.end()
    row = [image.pixelColor(x, 1024).alpha() for x in range(0, 120)]
    ramp = [a for a in row if 0 < a < 255]
    assert len(ramp) <= 3


def test_frame_is_1080_by_1920_and_the_sticker_is_where_placed() -> None:
    left = SOLID.with_changes(
        sticker_x=0.25, sticker_y=0.3, sticker_rotation=0.0, sticker_scale=0.6
    )
    right = left.with_changes(sticker_x=0.75, sticker_y=0.6)
    a, b = render_frame(left, EN, TEXTS), render_frame(right, EN, TEXTS)
    assert a.size() == QSize(1080, 1920)
    background = QColor("#102030")
    for image, design, elsewhere in ((a, left, right), (b, right, left)):
        here = sticker_rect(design).center().toPoint()
        there = sticker_rect(elsewhere).center().toPoint()
        assert image.pixelColor(here) != background
        assert image.pixelColor(there) == background


def test_rotation_and_scale_move_the_sticker_bounds() -> None:
    def bounds(image: QImage) -> tuple[int, int]:
        y = 700  # a row through the sticker, above the caption band
        xs = [x for x in range(1080) if image.pixelColor(x, y) != QColor("#102030")]
        return min(xs), max(xs)

    plain = SOLID.with_changes(sticker_y=0.36, sticker_rotation=0.0)
    big = plain.with_changes(sticker_scale=1.4)
    turned = plain.with_changes(sticker_rotation=30.0)
    base = bounds(render_frame(plain, EN, TEXTS))
    assert bounds(render_frame(big, EN, TEXTS))[1] - bounds(render_frame(big, EN, TEXTS))[0] > (
        base[1] - base[0] + 150
    )
    assert bounds(render_frame(turned, EN, TEXTS)) != base


def test_caption_and_amount_are_painted() -> None:
    plain = render_frame(SOLID, EN, TEXTS)
    captioned = render_frame(SOLID.with_changes(caption="Join me!"), EN, TEXTS)
    band = QRectF(100, 1240, 880, 140)
    assert _differs(plain, captioned, band) > 100
    with_amount = FrameTexts(
        TEXTS.name, TEXTS.ago, "Gave €25.00", TEXTS.organization, TEXTS.total, TEXTS.call
    )
    assert _differs(plain, render_frame(SOLID, EN, with_amount), band) > 100


def test_header_name_is_painted() -> None:
    a = render_frame(SOLID, EN, TEXTS)
    b = render_frame(SOLID, EN, FrameTexts("Bernard", TEXTS.ago, "", TEXTS.organization,
                                           TEXTS.total, TEXTS.call))  # fmt: skip
    assert _differs(a, b, QRectF(170, 70, 500, 100)) > 50


def test_image_background_covers_the_frame() -> None:
    picture = QImage(200, 100, QImage.Format.Format_RGB32)
    picture.fill(QColor("#00FF00"))
    image = render_frame(
        StoryDesign(background=BackgroundKind.IMAGE), EN, TEXTS, picture, QSize(540, 960)
    )
    assert image.size() == QSize(540, 960)
    assert image.pixelColor(10, 480).green() > 200  # the left edge is the picture


def test_frame_renders_at_any_size() -> None:
    small = render_frame(StoryDesign(), EN, TEXTS, size=QSize(108, 192))
    assert small.size() == QSize(108, 192)
