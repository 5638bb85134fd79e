"""The donor feed's painted row (avatar, shown name, message, time, amount, thanked) and the
donations-per-second sparkline."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QIcon,
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

from livegiving_desktop.core.records import StoredDonation
from livegiving_desktop.ui.common.widgets import (
    AVATAR_TEXT,
    avatar_color,
    draw_donor_text,
    icon,
    initials,
    paint_row_card,
)
from livegiving_desktop.ui.fundraiser.models import (
    AmountTextRole,
    DonationRole,
    ShownNameRole,
    time_line,
)
from livegiving_desktop.ui.theme import Theme

FEED_ROW_HEIGHT = 64


class _RowFonts:
    """The fonts and metrics a feed row paints with, made once per view font (the feed paints
    every visible row at each flush: ten times a second under a burst)."""

    def __init__(self, base: QFont) -> None:
        self.base = QFont(base)
        self.bold = QFont(base)
        self.bold.setBold(True)
        self.bold_metrics = QFontMetrics(self.bold)
        # The avatar is as large as its initials need (a larger system font).
        self.avatar_side = max(36.0, self.bold_metrics.horizontalAdvance("WM") + 12.0)
        self.amount = QFont(self.bold)
        self.amount.setPointSizeF(base.pointSizeF() * 1.35)
        self.amount_metrics = QFontMetrics(self.amount)
        self.refunded_amount = QFont(self.amount)  # struck out: refunded by a moderator
        self.refunded_amount.setStrikeOut(True)
        self.small = QFont(base)
        self.small.setPointSizeF(base.pointSizeF() * 0.9)
        self.small_metrics = QFontMetrics(self.small)
        self.small_italic = QFont(self.small)
        self.small_italic.setItalic(True)
        self.small_italic_metrics = QFontMetrics(self.small_italic)
        # Taller with a larger system font: the name's line and the message's line fit.
        self.row_height = max(
            FEED_ROW_HEIGHT, self.bold_metrics.height() + self.small_metrics.height() + 26
        )


class FeedDelegate(QStyledItemDelegate):
    """A donation row: avatar, shown name, message, time, amount and the thanked marker."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._thanked_icon: QIcon | None = None
        self._thanked_color = ""
        self._fonts: _RowFonts | None = None

    def _fonts_for(self, font: QFont) -> _RowFonts:
        if self._fonts is None or self._fonts.base != font:
            self._fonts = _RowFonts(font)
        return self._fonts

    def name_fonts(self, font: QFont) -> list[QFont]:
        """The fonts a row writes the name and the message in, for this view font."""
        fonts = self._fonts_for(font)
        return [fonts.bold, fonts.small, fonts.small_italic]

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(option.rect.width(), self._fonts_for(option.font).row_height)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        d: StoredDonation | None = index.data(DonationRole)
        if d is None:
            return
        c = Theme.colors
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(option.rect).adjusted(4, 3, -4, -3)
        paint_row_card(painter, option, rect)
        name: str = index.data(ShownNameRole)
        amount: str = index.data(AmountTextRole)
        fonts = self._fonts_for(option.font)
        side = fonts.avatar_side
        avatar = QRectF(rect.left() + 10, rect.center().y() - side / 2, side, side)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(avatar_color(name))
        painter.drawEllipse(avatar)
        painter.setFont(fonts.bold)
        painter.setPen(QColor(AVATAR_TEXT))
        painter.drawText(avatar, Qt.AlignmentFlag.AlignCenter, initials(name))
        # Amount (right)
        right = rect.right() - 12
        if amount:
            painter.setFont(fonts.refunded_amount if d.refunded else fonts.amount)
            painter.setPen(QColor(c["accent"]))
            amount_width = fonts.amount_metrics.horizontalAdvance(amount) + 4
            painter.drawText(
                QRectF(right - amount_width, rect.top(), amount_width, rect.height()),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                amount,
            )
            right -= amount_width + 10
        if d.thanked:
            if self._thanked_icon is None or self._thanked_color != c["success"]:
                self._thanked_icon = icon("mdi6.heart-circle", c["success"])  # this theme's
                self._thanked_color = c["success"]
            self._thanked_icon.paint(painter, int(right - 22), int(rect.center().y() - 11), 22, 22)
            right -= 30
        # Name, time, message
        text_left = avatar.right() + 12
        width = max(10.0, right - text_left)
        painter.setFont(fonts.bold)
        painter.setPen(QColor(c["text"]))
        metrics = fonts.bold_metrics
        top = QRectF(text_left, rect.top() + 8, width, metrics.height())
        shown = metrics.elidedText(name, Qt.TextElideMode.ElideRight, int(width * 0.7))
        draw_donor_text(painter, top, shown, metrics)
        painter.setFont(fonts.small)
        painter.setPen(QColor(c["muted"]))
        name_width = min(metrics.horizontalAdvance(name), int(width * 0.7))
        painter.drawText(
            QRectF(
                text_left + name_width + 8,
                top.top(),
                max(80.0, width - name_width - 8),
                top.height(),
            ),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            time_line(d),
        )
        message = index.model().privacy.message_text(d)  # type: ignore[attr-defined]
        if message:
            italic = d.message_status != "visible"
            painter.setFont(fonts.small_italic if italic else fonts.small)
            painter.setPen(QColor(c["muted"] if italic else c["text"]))
            small_metrics = fonts.small_italic_metrics if italic else fonts.small_metrics
            draw_donor_text(
                painter,
                QRectF(text_left, top.bottom() + 4, width, small_metrics.height()),
                small_metrics.elidedText(message, Qt.TextElideMode.ElideRight, int(width)),
                small_metrics,
            )
        painter.restore()


class Sparkline(QWidget):
    """Donations per second over the last minute."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._values: list[int] = []
        self.setMinimumHeight(56)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_values(self, values: Sequence[int]) -> None:
        self._values = list(values)
        self.update()

    def values(self) -> list[int]:
        return list(self._values)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(2, 4, -2, -2)
        values = self._values or [0]
        top = max(*values, 1)
        step = rect.width() / max(len(values) - 1, 1)
        path = QPainterPath()
        for i, v in enumerate(values):
            point = QPointF(rect.left() + i * step, rect.bottom() - v / top * rect.height())
            if i == 0:
                path.moveTo(point)
            else:
                path.lineTo(point)
        fill = QPainterPath(path)
        fill.lineTo(rect.right() if len(values) > 1 else rect.left(), rect.bottom())
        fill.lineTo(rect.left(), rect.bottom())
        fill.closeSubpath()
        gradient = QLinearGradient(rect.topLeft(), rect.bottomLeft())
        accent = Theme.color("accent")
        soft = QColor(accent)
        soft.setAlpha(90)
        clear = QColor(accent)
        clear.setAlpha(0)
        gradient.setColorAt(0, soft)
        gradient.setColorAt(1, clear)
        painter.fillPath(fill, QBrush(gradient))
        painter.setPen(QPen(accent, 2))
        painter.drawPath(path)
        painter.end()
