"""The "I donated" sticker, painted with QPainter: vector only (paths, gradients, text fitted
to the width), so it is crisp at any size. Also the sticker gallery's model and delegate.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDateTime,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
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
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import (
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from livegiving_desktop.core.stickers import Sticker, StickerState, sticker_title
from livegiving_desktop.ui.common.model_base import RecordModel
from livegiving_desktop.ui.common.widgets import paint_row_card
from livegiving_desktop.ui.theme import Theme

StickerRole = Qt.ItemDataRole.UserRole + 20
GALLERY_ROW_HEIGHT = 64
_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class StickerLook:
    """What the sticker says and its colours."""

    title: str  # "I donated" / "J'ai fait un don"
    organization: str
    primary: str
    accent: str


def look_of(sticker: Sticker, language: str) -> StickerLook:
    return StickerLook(
        sticker_title(language), sticker.organization, sticker.primary_color, sticker.accent_color
    )


def _grey(color: QColor) -> QColor:
    value = int(color.lightness() * 0.75 + 40)
    return QColor(value, value, value)


def heart_path(rect: QRectF) -> QPainterPath:
    """A heart filling `rect` (two cubic lobes meeting at the bottom point)."""
    x, y, w, h = rect.x(), rect.y(), rect.width(), rect.height()
    path = QPainterPath(QPointF(x + w / 2, y + h))
    path.cubicTo(x + w * 0.12, y + h * 0.70, x - w * 0.02, y + h * 0.38, x + w * 0.10, y + h * 0.16)
    path.cubicTo(x + w * 0.24, y - h * 0.04, x + w * 0.46, y + h * 0.02, x + w / 2, y + h * 0.22)
    path.cubicTo(x + w * 0.54, y + h * 0.02, x + w * 0.76, y - h * 0.04, x + w * 0.90, y + h * 0.16)
    path.cubicTo(x + w * 1.02, y + h * 0.38, x + w * 0.88, y + h * 0.70, x + w / 2, y + h)
    path.closeSubpath()
    return path


def padlock_path(rect: QRectF) -> QPainterPath:
    """A padlock: a rounded body and a shackle, as one filled path."""
    x, y, w, h = rect.x(), rect.y(), rect.width(), rect.height()
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)
    body = QRectF(x, y + h * 0.42, w, h * 0.58)
    path.addRoundedRect(body, w * 0.14, w * 0.14)
    shackle = QPainterPath()
    outer = QRectF(x + w * 0.16, y, w * 0.68, h * 0.84)
    inner = QRectF(x + w * 0.30, y + h * 0.12, w * 0.40, h * 0.60)
    shackle.addRoundedRect(outer, w * 0.34, w * 0.34)
    shackle.addRoundedRect(inner, w * 0.2, w * 0.2)
    shackle.setFillRule(Qt.FillRule.OddEvenFill)
    clip = QPainterPath()
    clip.addRect(QRectF(x, y, w, h * 0.45))
    result = path.united(shackle.intersected(clip))
    keyhole = QPainterPath()
    keyhole.addEllipse(QPointF(x + w / 2, y + h * 0.66), w * 0.08, w * 0.08)
    keyhole.addRect(QRectF(x + w * 0.465, y + h * 0.68, w * 0.07, h * 0.16))
    return result.subtracted(keyhole)


def fitted_font(text: str, width: float, height: float, *, bold: bool = True) -> QFont:
    """The largest font (in pixels) whose line of `text` fits `width` × `height`."""
    font = QFont()
    font.setBold(bold)
    font.setWeight(QFont.Weight.Black if bold else QFont.Weight.DemiBold)
    size = max(1.0, height)
    font.setPixelSize(max(1, int(size)))
    advance = QFontMetricsF(font).horizontalAdvance(text) or 1.0
    if advance > width:
        font.setPixelSize(max(1, int(size * width / advance)))
    return font


def paint_sticker(painter: QPainter, rect: QRectF, look: StickerLook, locked: bool = False) -> None:
    """Paint the sticker in the largest square inside `rect`. Locked: greyed, with a padlock."""
    side = min(rect.width(), rect.height())
    if side < 4:
        return
    box = QRectF(0, 0, side, side)
    box.moveCenter(rect.center())
    primary, accent = QColor(look.primary), QColor(look.accent)
    if locked:
        primary, accent = _grey(primary), _grey(accent)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    radius = side * 0.2
    # Soft shadow, then the white die-cut border, then the badge.
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(0, 0, 0, 50))
    painter.drawRoundedRect(box.adjusted(side * 0.03, side * 0.05, -side * 0.01, 0), radius, radius)
    outline = box.adjusted(side * 0.02, side * 0.02, -side * 0.03, -side * 0.04)
    painter.setBrush(QColor("#FFFFFF"))
    painter.drawRoundedRect(outline, radius, radius)
    badge = outline.adjusted(side * 0.04, side * 0.04, -side * 0.04, -side * 0.04)
    gradient = QLinearGradient(badge.topLeft(), badge.bottomRight())
    gradient.setColorAt(0.0, primary)
    gradient.setColorAt(1.0, accent)
    painter.setBrush(gradient)
    inner_radius = radius * 0.8
    painter.drawRoundedRect(badge, inner_radius, inner_radius)
    # A glossy band across the top.
    shine = QLinearGradient(badge.topLeft(), QPointF(badge.left(), badge.center().y()))
    shine.setColorAt(0.0, QColor(255, 255, 255, 70))
    shine.setColorAt(1.0, QColor(255, 255, 255, 0))
    painter.setBrush(shine)
    painter.drawRoundedRect(badge, inner_radius, inner_radius)
    w = badge.width()
    # The heart.
    heart = QRectF(0, 0, w * 0.30, w * 0.27)
    heart.moveCenter(QPointF(badge.center().x(), badge.top() + w * 0.25))
    painter.setBrush(QColor("#FFFFFF"))
    painter.drawPath(heart_path(heart))
    # The words, fitted to the width.
    painter.setPen(QColor("#FFFFFF"))
    text_width = w * 0.84
    title_box = QRectF(badge.left() + w * 0.08, badge.top() + w * 0.44, text_width, w * 0.22)
    painter.setFont(fitted_font(look.title, text_width, w * 0.17))
    painter.drawText(title_box, Qt.AlignmentFlag.AlignCenter, look.title)
    if look.organization:
        org_font = fitted_font(look.organization, text_width, w * 0.075, bold=False)
        painter.setFont(org_font)
        painter.setPen(QColor(255, 255, 255, 225))
        org_top = title_box.bottom() + w * 0.02
        org_box = QRectF(badge.left() + w * 0.08, org_top, text_width, w * 0.12)
        text = QFontMetricsF(org_font).elidedText(
            look.organization, Qt.TextElideMode.ElideRight, text_width
        )
        painter.drawText(org_box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, text)
    if locked:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(20, 22, 35, 120))
        painter.drawRoundedRect(badge, inner_radius, inner_radius)
        lock = QRectF(0, 0, w * 0.26, w * 0.32)
        lock.moveCenter(badge.center())
        painter.setBrush(QColor("#FFFFFF"))
        painter.setPen(QPen(QColor(0, 0, 0, 60), max(1.0, w * 0.006)))
        painter.drawPath(padlock_path(lock))
    painter.restore()


def sticker_image(look: StickerLook, side: int = 1080, *, locked: bool = False) -> QImage:
    """The sticker alone on a transparent square (the export's sticker.png)."""
    image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    paint_sticker(painter, QRectF(0, 0, side, side), look, locked)
    painter.end()
    return image


class StickerWidget(QWidget):
    """One sticker, painted at the widget's size (the gallery's `stickerPreview`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.look: StickerLook | None = None
        self.locked = True
        self.setMinimumSize(96, 96)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def set_sticker(self, look: StickerLook | None, locked: bool) -> None:
        self.look, self.locked = look, locked
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(120, 120)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        if self.look is None:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(QColor(Theme.colors["border"]), 2, Qt.PenStyle.DashLine))
            side = min(self.width(), self.height()) - 8
            box = QRectF(0, 0, side, side)
            box.moveCenter(QRectF(self.rect()).center())
            painter.drawRoundedRect(box, side * 0.2, side * 0.2)
        else:
            area = QRectF(self.rect()).adjusted(2, 2, -2, -2)
            paint_sticker(painter, area, self.look, self.locked)
        painter.end()


class StickerGalleryModel(RecordModel[Sticker]):
    """The stickers of one donor: unlocked first, then expired or revoked, then locked.
    `StickerRole` (UserRole + 20, in docs/automation.md) gives a row's Sticker."""

    def __init__(self, language: str, parent: QObject | None = None) -> None:
        super().__init__(None, parent)
        self.language = language

    def key(self, record: Sticker) -> Hashable:
        return record.campaign_id

    def display(self, s: Sticker, column: int, role: int) -> Any:
        if role == StickerRole:
            return s
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{s.campaign_title} — {self.status_text(s)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.status_text(s)
        return None

    def sticker(self, row: int) -> Sticker | None:
        return self.record(row)

    def when(self, us: int | None) -> str:
        if us is None:
            return ""
        french = self.language.startswith("fr")
        locale = QLocale(QLocale.Language.French if french else QLocale.Language.English)
        stamp = QDateTime.fromMSecsSinceEpoch(us // 1000).toLocalTime()
        return locale.toString(stamp, QLocale.FormatType.ShortFormat)

    def status_text(self, s: Sticker) -> str:
        if s.state is StickerState.UNLOCKED:
            return (
                QCoreApplication.translate("Stickers", "Unlocked %1, until %2")
                .replace("%1", self.when(s.unlocked_at_us))
                .replace("%2", self.when(s.until_us))
            )
        if s.state is StickerState.EXPIRED:
            return QCoreApplication.translate(
                "Stickers", "Expired %1: a new donation unlocks it"
            ).replace("%1", self.when(s.until_us))
        if s.state is StickerState.REVOKED:
            return QCoreApplication.translate("Stickers", "Locked: the donations were refunded")
        return QCoreApplication.translate(
            "Stickers", "Locked: unlocked by a donation to this campaign"
        )


class StickerDelegate(QStyledItemDelegate):
    """A gallery row: the sticker in miniature (greyed with a padlock when locked), the
    campaign and when it unlocked and until when, or why it is locked."""

    def __init__(self, language: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.language = language

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        return QSize(option.rect.width(), GALLERY_ROW_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        s: Sticker | None = index.data(StickerRole)
        if s is None:
            return
        c = Theme.colors
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(option.rect).adjusted(3, 2, -3, -2)
        paint_row_card(painter, option, rect)
        thumb = QRectF(rect.left() + 6, rect.top() + 4, rect.height() - 8, rect.height() - 8)
        paint_sticker(painter, thumb, look_of(s, self.language), locked=not s.unlocked)
        left = thumb.right() + 10
        width = rect.right() - left - 6
        font = QFont(option.font)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor(c["text"] if s.unlocked else c["muted"]))
        metrics = QFontMetricsF(font)
        top = QRectF(left, rect.top() + 8, width, metrics.height())
        painter.drawText(
            top,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(s.campaign_title, Qt.TextElideMode.ElideRight, width),
        )
        small = QFont(option.font)
        small.setPointSizeF(option.font.pointSizeF() * 0.88)
        painter.setFont(small)
        painter.setPen(QColor(c["success"] if s.unlocked else c["muted"]))
        model = index.model()
        status = model.status_text(s) if isinstance(model, StickerGalleryModel) else ""
        small_metrics = QFontMetricsF(small)
        painter.drawText(
            QRectF(left, top.bottom() + 3, width, small_metrics.height() * 2 + 2),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
            status,
        )
        painter.restore()
