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


class FeedDelegate(QStyledItemDelegate):
    """A donation row: avatar, shown name, message, time, amount and the thanked marker."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._thanked_icon: QIcon | None = None
        self._thanked_color = ""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        # Taller with a larger system font: the name's line and the message's line fit.
        bold = QFont(option.font)
        bold.setBold(True)
        small = QFont(option.font)
        small.setPointSizeF(option.font.pointSizeF() * 0.9)
        lines = QFontMetrics(bold).height() + QFontMetrics(small).height() + 26
        return QSize(option.rect.width(), max(FEED_ROW_HEIGHT, lines))

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
        # Avatar: as large as its initials need (a larger system font), white on a colour dark
        # enough for them.
        font = QFont(option.font)
        font.setBold(True)
        side = max(36.0, QFontMetrics(font).horizontalAdvance("WM") + 12.0)
        avatar = QRectF(rect.left() + 10, rect.center().y() - side / 2, side, side)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(avatar_color(name))
        painter.drawEllipse(avatar)
        painter.setFont(font)
        painter.setPen(QColor(AVATAR_TEXT))
        painter.drawText(avatar, Qt.AlignmentFlag.AlignCenter, initials(name))
        # Amount (right)
        right = rect.right() - 12
        if amount:
            amount_font = QFont(option.font)
            amount_font.setBold(True)
            amount_font.setPointSizeF(option.font.pointSizeF() * 1.35)
            amount_font.setStrikeOut(d.refunded)  # refunded by a moderator
            painter.setFont(amount_font)
            painter.setPen(QColor(c["accent"]))
            amount_width = QFontMetrics(amount_font).horizontalAdvance(amount) + 4
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
        painter.setFont(font)
        painter.setPen(QColor(c["text"]))
        metrics = QFontMetrics(font)
        top = QRectF(text_left, rect.top() + 8, width, metrics.height())
        painter.drawText(
            top,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(name, Qt.TextElideMode.ElideRight, int(width * 0.7)),
        )
        small = QFont(option.font)
        small.setPointSizeF(option.font.pointSizeF() * 0.9)
        painter.setFont(small)
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
            small.setItalic(italic)
            painter.setFont(small)
            painter.setPen(QColor(c["muted"] if italic else c["text"]))
            small_metrics = QFontMetrics(small)
            painter.drawText(
                QRectF(text_left, top.bottom() + 4, width, small_metrics.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                small_metrics.elidedText(message, Qt.TextElideMode.ElideRight, int(width)),
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
