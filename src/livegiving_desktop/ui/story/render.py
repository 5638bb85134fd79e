"""The Story: one 1080×1920 frame painted with QPainter, the composer that designs it, the
shared Story player, and the export (the CLI and the player's Export button share it).

render_frame() paints into a QImage, which is allowed off the GUI thread (the export renders
on the database thread); nothing here makes a QPixmap outside the GUI thread.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QPointF,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QImageWriter,
    QLinearGradient,
    QPainter,
    QPen,
)

from livegiving_desktop.core.errors import ValidationError
from livegiving_desktop.core.money import format_money
from livegiving_desktop.core.records import CampaignRecord
from livegiving_desktop.core.stickers import sticker_title
from livegiving_desktop.core.story import (
    FRAME_HEIGHT,
    FRAME_SECONDS,
    FRAME_WIDTH,
    BackgroundKind,
    SharedFrame,
    StoryDesign,
    image_format,
    story_file_name,
)
from livegiving_desktop.services.stories import StoryService
from livegiving_desktop.ui.story.sticker import (
    StickerLook,
    fitted_font,
    paint_sticker,
    sticker_image,
)

FRAME_SIZE = QSize(FRAME_WIDTH, FRAME_HEIGHT)
STICKER_SIDE = 1080  # sticker.png is 1080×1080, transparent around the sticker
STICKER_WIDTH_SHARE = 0.6  # at scale 1.0 the sticker spans 60 % of the frame's width
FRAME_MS = int(FRAME_SECONDS * 1000)
TICK_MS = 40
HOLD_MS = 250
SEGMENTS_SHOWN = 40  # a longer story shows a window of its progress bar around the frame


@dataclass(frozen=True, slots=True)
class FrameTexts:
    """The words of one frame, already translated and formatted."""

    name: str
    ago: str
    amount: str  # empty: hidden
    organization: str
    total: str
    call: str


def relative_time(then_us: int, now_us: int) -> str:
    """ "just now", "5 min ago", "2 h ago", "3 d ago"."""
    seconds = max(0, (now_us - then_us) // 1_000_000)
    if seconds < 60:
        return QCoreApplication.translate("Story", "just now")
    minutes = seconds // 60
    if minutes < 60:
        return QCoreApplication.translate("Story", "%n min ago", "", minutes)
    hours = minutes // 60
    if hours < 24:
        return QCoreApplication.translate("Story", "%n h ago", "", hours)
    days = hours // 24  # (lupdate reads "//" as a comment: not inside the translate call)
    return QCoreApplication.translate("Story", "%n d ago", "", days)


def frame_texts(
    frame: SharedFrame, campaign: CampaignRecord, organization: str, *, total_minor: int,
    locale: str, now_us: int,
) -> FrameTexts:  # fmt: skip
    amount = (
        QCoreApplication.translate("Story", "Gave %1").replace(
            "%1", format_money(frame.amount_minor, campaign.currency, locale)
        )
        if frame.amount_minor is not None
        else ""
    )
    return FrameTexts(
        name=frame.shown_name or QCoreApplication.translate("Story", "Anonymous"),
        ago=relative_time(frame.shared_at_us, now_us),
        amount=amount,
        organization=organization,
        total=QCoreApplication.translate("Story", "%1 raised").replace(
            "%1", format_money(total_minor, campaign.currency, locale)
        ),
        call=QCoreApplication.translate("Story", "Give now"),
    )


def sticker_look(campaign: CampaignRecord, organization: str, locale: str) -> StickerLook:
    return StickerLook(
        sticker_title(locale), organization, campaign.primary_color, campaign.accent_color
    )


def sticker_rect(design: StoryDesign, size: QSize = FRAME_SIZE) -> QRectF:
    """Where the sticker sits in a frame of `size`, before its rotation."""
    side = size.width() * STICKER_WIDTH_SHARE * design.sticker_scale
    rect = QRectF(0, 0, side, side)
    rect.moveCenter(QPointF(design.sticker_x * size.width(), design.sticker_y * size.height()))
    return rect


def frame_rect_in(area: QRectF) -> QRectF:
    """The largest frame (9:16) inside `area`, centred across and at its top: a preview
    that shrinks with its window keeps the Story's shape."""
    height = min(area.height(), area.width() * FRAME_HEIGHT / FRAME_WIDTH)
    width = height * FRAME_WIDTH / FRAME_HEIGHT
    return QRectF(area.x() + (area.width() - width) / 2, area.y(), width, height)


def decode_image(data: bytes | None) -> QImage | None:
    if not data:
        return None
    image = QImage.fromData(QByteArray(data))
    return None if image.isNull() else image


def _paint_background(p: QPainter, rect: QRectF, design: StoryDesign, image: QImage | None) -> None:
    if design.background is BackgroundKind.IMAGE and image is not None:
        # Cover the frame, centred, as a phone does.
        scale = max(rect.width() / image.width(), rect.height() / image.height())
        target = QRectF(0, 0, image.width() * scale, image.height() * scale)
        target.moveCenter(rect.center())
        p.fillRect(rect, QColor("#000000"))
        p.drawImage(target, image)
        return
    if design.background is BackgroundKind.SOLID:
        p.fillRect(rect, QColor(design.color_top))
        return
    gradient = QLinearGradient(rect.topLeft(), rect.bottomRight())
    gradient.setColorAt(0.0, QColor(design.color_top))
    gradient.setColorAt(1.0, QColor(design.color_bottom))
    p.fillRect(rect, gradient)


def paint_frame(
    p: QPainter,
    size: QSize,
    design: StoryDesign,
    look: StickerLook,
    texts: FrameTexts,
    *,
    background: QImage | None = None,
) -> None:
    """Paint one Story frame of `size` (1080×1920 or the same shape scaled)."""
    w, h = float(size.width()), float(size.height())
    u = w / FRAME_WIDTH  # one unit of the 1080-wide design
    rect = QRectF(0, 0, w, h)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    _paint_background(p, rect, design, background)
    # Scrims keep the header and footer readable on any background.
    for top, bottom, y0, y1 in ((150, 0, 0.0, 320 * u), (0, 170, h - 420 * u, h)):
        scrim = QLinearGradient(0, y0, 0, y1)
        scrim.setColorAt(0.0, QColor(0, 0, 0, top))
        scrim.setColorAt(1.0, QColor(0, 0, 0, bottom))
        p.fillRect(QRectF(0, y0, w, y1 - y0), scrim)
    white = QColor("#FFFFFF")
    # Header: avatar, shown name, how long ago.
    avatar = QRectF(48 * u, 72 * u, 96 * u, 96 * u)
    p.setPen(QPen(white, 5 * u))
    p.setBrush(QColor(look.primary))
    p.drawEllipse(avatar)
    p.setPen(white)
    initial = texts.name[:1].upper() or "?"
    p.setFont(fitted_font(initial, avatar.width() * 0.6, avatar.height() * 0.5))
    p.drawText(avatar, Qt.AlignmentFlag.AlignCenter, initial)
    name_font = QFont()
    name_font.setPixelSize(max(1, int(42 * u)))
    name_font.setBold(True)
    name_metrics = QFontMetricsF(name_font)
    name_left = avatar.right() + 24 * u
    name = name_metrics.elidedText(texts.name, Qt.TextElideMode.ElideRight, w * 0.5)
    p.setFont(name_font)
    p.drawText(QRectF(name_left, avatar.top(), w * 0.5, avatar.height()),
               Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, name)  # fmt: skip
    ago_font = QFont()
    ago_font.setPixelSize(max(1, int(34 * u)))
    p.setFont(ago_font)
    p.setPen(QColor(255, 255, 255, 200))
    p.drawText(
        QRectF(name_left + name_metrics.horizontalAdvance(name) + 18 * u, avatar.top(),
               w * 0.4, avatar.height()),
        Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, texts.ago,
    )  # fmt: skip
    # The sticker, placed, scaled and rotated.
    placed = sticker_rect(design, size)
    p.save()
    p.translate(placed.center())
    p.rotate(design.sticker_rotation)
    paint_sticker(p, QRectF(-placed.width() / 2, -placed.height() / 2, placed.width(),
                            placed.height()), look)  # fmt: skip
    p.restore()
    # Caption and amount, in pills.
    pill_y = h * 0.66
    for text, size_px, colour in (
        (design.caption, 50, QColor(0, 0, 0, 120)),
        (texts.amount, 44, QColor(look.accent)),
    ):
        if not text:
            continue
        font = QFont()
        font.setPixelSize(max(1, int(size_px * u)))
        font.setBold(True)
        metrics = QFontMetricsF(font)
        bounds = metrics.boundingRect(
            QRectF(0, 0, w * 0.8, h), int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignHCenter),
            text,
        )  # fmt: skip
        pill = QRectF(0, 0, bounds.width() + 56 * u, bounds.height() + 32 * u)
        pill.moveCenter(QPointF(w / 2, pill_y + pill.height() / 2))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawRoundedRect(pill, 28 * u, 28 * u)
        p.setPen(white)
        p.setFont(font)
        p.drawText(pill, int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignCenter), text)
        pill_y = pill.bottom() + 20 * u
    # Footer: the organization, the campaign's total and the call to give.
    footer_top = h - 250 * u
    org_font = QFont()
    org_font.setPixelSize(max(1, int(40 * u)))
    org_font.setBold(True)
    p.setFont(org_font)
    p.setPen(white)
    call_font = QFont()
    call_font.setPixelSize(max(1, int(40 * u)))
    call_font.setBold(True)
    call_width = QFontMetricsF(call_font).horizontalAdvance(texts.call) + 80 * u
    call = QRectF(w - 48 * u - call_width, footer_top + 30 * u, call_width, 100 * u)
    text_width = call.left() - 48 * u - 24 * u
    org = QFontMetricsF(org_font).elidedText(
        texts.organization, Qt.TextElideMode.ElideRight, text_width
    )
    p.drawText(QRectF(48 * u, footer_top + 20 * u, text_width, 60 * u),
               Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, org)  # fmt: skip
    total_font = QFont()
    total_font.setPixelSize(max(1, int(36 * u)))
    p.setFont(total_font)
    p.setPen(QColor(255, 255, 255, 215))
    p.drawText(QRectF(48 * u, footer_top + 84 * u, text_width, 56 * u),
               Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, texts.total)  # fmt: skip
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(white)
    p.drawRoundedRect(call, 50 * u, 50 * u)
    p.setFont(call_font)
    p.setPen(QColor(look.primary))
    p.drawText(call, Qt.AlignmentFlag.AlignCenter, texts.call)


def render_frame(
    design: StoryDesign,
    look: StickerLook,
    texts: FrameTexts,
    background: QImage | None = None,
    size: QSize = FRAME_SIZE,
) -> QImage:
    """One Story frame as an image (1080×1920 unless told): safe off the GUI thread."""
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    paint_frame(painter, size, design, look, texts, background=background)
    painter.end()
    return image


# -- background images -----------------------------------------------------------------------


def read_background(path: str) -> bytes:
    """The bytes to store for a background the donor picked: an image, downscaled to fit the
    frame (JPEG, or PNG when it has transparency). Anything else: ValidationError."""
    name = os.path.basename(path)
    not_image = QCoreApplication.translate(
        "Story", "“%1” is not an image (PNG, JPEG, GIF, BMP, WebP)."
    ).replace("%1", name)
    try:
        # Opened without blocking and checked before any read: a FIFO or a device picked as
        # a background would block the database thread for good.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
        with open(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                not_file = QCoreApplication.translate(
                    "Story", "“%1” is not a file (a device, a pipe or a folder)."
                ).replace("%1", name)
                raise ValidationError("background", not_file)
            data = handle.read(64 * 1024 * 1024 + 1)
    except OSError as exc:
        unreadable = QCoreApplication.translate("Story", "“%1” cannot be read: %2")
        reason = unreadable.replace("%1", name).replace("%2", exc.strerror or str(exc))
        raise ValidationError("background", reason) from None
    if image_format(data) is None:
        raise ValidationError("background", not_image)
    image = QImage.fromData(QByteArray(data))
    if image.isNull():
        raise ValidationError("background", not_image)
    if image.width() > FRAME_WIDTH or image.height() > FRAME_HEIGHT:
        image = image.scaled(FRAME_SIZE, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)  # fmt: skip
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(b"PNG" if image.hasAlphaChannel() else b"JPEG"))
    writer.setQuality(88)
    writer.write(image)
    return bytes(buffer.data().data())


# -- export ----------------------------------------------------------------------------------

_STORY_FILE = re.compile(r"^story-\d{4,}\.png$")


@dataclass(frozen=True, slots=True)
class StoryExport:
    folder: Path
    frames: int


def prepare_folder(out: str | Path) -> Path:
    """The export folder, created when missing; a path that is a file is bad input."""
    folder = Path(out)
    if folder.exists() and not folder.is_dir():
        raise ValidationError("--out", f"{folder} is a file, not a folder")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


_PART_FILE = re.compile(r"^\.part-.*\.png$")


def _remove_leftovers(folder: Path) -> None:
    """`.part-*.png` files an interrupted export left behind (never followed if links)."""
    for old in folder.iterdir():
        if _PART_FILE.match(old.name) and (old.is_symlink() or old.is_file()):
            with contextlib.suppress(OSError):
                old.unlink()


def _save(image: QImage, target: Path) -> None:
    # Written beside the target and renamed: never half a PNG under the final name.
    tmp = target.with_name(f".part-{target.name}")  # the .png suffix names the format
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()  # a leftover, or a link planted there: never written through
    if not image.save(str(tmp)):
        raise OSError(f"could not write {target}")
    os.replace(tmp, target)


def export_story(
    service: StoryService,
    campaign_id: int,
    out: str | Path,
    *,
    locale: str = "en",
    progress: Callable[[int, int], None] | None = None,
) -> StoryExport:
    """Write sticker.png (1080×1080) and story-0001.png, … (1080×1920) into `out`. Earlier
    story-NNNN.png files beyond this story's length are removed (a refunded frame left)."""
    folder = prepare_folder(out)
    _remove_leftovers(folder)
    header = service.header(campaign_id)
    campaign = header.campaign
    look = sticker_look(campaign, header.organization, locale)
    _save(sticker_image(look, STICKER_SIDE), folder / "sticker.png")
    frames = service.iter_frames(campaign)
    now = time.time_ns() // 1000
    for number, frame in enumerate(frames, start=1):
        texts = frame_texts(frame, campaign, header.organization,
                            total_minor=header.total_minor, locale=locale, now_us=now)  # fmt: skip
        image = render_frame(frame.design, look, texts, decode_image(frame.background_image))
        _save(image, folder / story_file_name(number))
        if progress is not None:
            progress(number, len(frames))
    keep = {story_file_name(n) for n in range(1, len(frames) + 1)}
    for old in folder.iterdir():
        if _STORY_FILE.match(old.name) and old.name not in keep:
            old.unlink()
    return StoryExport(folder, len(frames))
