"""Painted widgets: the feed's row delegate, the sparkline and the broadcast stage.

Everything is drawn with QPainter in device-independent pixels, so it stays crisp on high-DPI
screens; colours come from the theme.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

import qtawesome as qta
from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QTimer,
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
    QPixmap,
    QRadialGradient,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from livegiving_desktop.core.records import StoredDonation
from livegiving_desktop.ui.fundraiser.models import (
    AmountTextRole,
    DonationRole,
    ShownNameRole,
    short_time,
)
from livegiving_desktop.ui.theme import Theme

FEED_ROW_HEIGHT = 64


def icon(name: str, color: str | None = None) -> QIcon:
    """An icon from the Material Design Icons set (qtawesome), in a theme colour."""
    result: QIcon = qta.icon(name, color=color or Theme.colors["text"])
    return result


def initials(name: str) -> str:
    parts = [p for p in name.replace(".", " ").split() if p]
    if not parts:
        return "?"
    if len(parts) == 1:
        return parts[0][:2].upper()
    return (parts[0][0] + parts[-1][0]).upper()


def avatar_color(name: str) -> QColor:
    digest = hashlib.blake2s(name.encode(), digest_size=2).digest()
    return QColor.fromHsl(int.from_bytes(digest, "big") % 360, 150, 120)


def button(
    text: str, name: str, icon_name: str, role: str | None = None, tip: str = ""
) -> QPushButton:
    """A push button of the theme: icon in the role's colour, object and accessible names,
    `role` primary or danger (QSS), an optional tooltip."""
    color = "white" if role == "primary" else Theme.colors["text"]
    if role == "danger":
        color = Theme.colors["danger"]
    widget = QPushButton(icon(icon_name, color), text)
    widget.setObjectName(name)
    widget.setAccessibleName(text)
    if role:
        widget.setProperty("role", role)
    if tip:
        widget.setToolTip(tip)
    return widget


def page_header(home: QWidget, title: QWidget, subtitle: QWidget, *right: QWidget) -> QHBoxLayout:
    """A live view's header: back to the campaigns, the title over its subtitle, then the
    status and the actions on the right."""
    header = QHBoxLayout()
    header.setSpacing(14)
    header.addWidget(home)
    titles = QVBoxLayout()
    titles.setSpacing(0)
    titles.addWidget(title)
    titles.addWidget(subtitle)
    header.addLayout(titles, 1)
    for widget in right:
        header.addWidget(widget)
    return header


def card(role: str = "card") -> QFrame:
    frame = QFrame()
    frame.setProperty("role", role)
    return frame


def label(text: str = "", role: str | None = None, *, wrap: bool = False) -> QLabel:
    widget = QLabel(text)
    if role:
        widget.setProperty("role", role)
    widget.setWordWrap(wrap)
    return widget


class FeedDelegate(QStyledItemDelegate):
    """A donation row: avatar, shown name, message, time, amount and the thanked marker."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._thanked_icon: QIcon | None = None

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(option.rect.width(), FEED_ROW_HEIGHT)

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
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        if selected or hovered:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(c["accent_soft"] if selected else c["surface2"]))
            painter.drawRoundedRect(rect, 10, 10)
        name: str = index.data(ShownNameRole)
        amount: str = index.data(AmountTextRole)
        # Avatar
        avatar = QRectF(rect.left() + 10, rect.center().y() - 18, 36, 36)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(avatar_color(name))
        painter.drawEllipse(avatar)
        font = QFont(option.font)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("white"))
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
            if self._thanked_icon is None:
                self._thanked_icon = icon("mdi6.heart-circle", c["success"])
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
            QRectF(text_left + name_width + 8, top.top(), 80, top.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            short_time(d),
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
        self.setAccessibleDescription(
            f"{self._values[-1] if self._values else 0} donations in the last second"
        )
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


class BroadcastStage(QWidget):
    """The simulated broadcast as viewers see it: the scene, the LIVE badge with elapsed time,
    the viewer count, the goal overlay, the latest donation alert and the thank-you banner."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(480, 270)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.live = False
        self.live_text = "LIVE"
        self.off_air_text = "OFF AIR"
        self.elapsed_text = "00:00:00"
        self.viewers_text = ""
        self.title = ""
        self.organization = ""
        self.goal_text = ""
        self.goal_fraction = 0.0
        self.alert_title = ""
        self.alert_message = ""
        self.banner = ""
        self.notice = ""
        self.status_text = ""
        self._eye: QIcon | None = None
        self._background_key: tuple[int, int, float, str] | None = None
        self._background_pixmap: QPixmap | None = None

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        r = QRectF(self.rect())
        scale = max(0.6, min(r.width() / 960, r.height() / 540))
        p.drawPixmap(0, 0, self._background())
        clip = QPainterPath()
        clip.addRoundedRect(r, 16, 16)
        p.setClipPath(clip)
        pad = 22 * scale
        # Scene title in the middle, as a stream scene would show it.
        p.setPen(QColor(255, 255, 255, 235))
        p.setFont(self._font(30 * scale, bold=True))
        title_rect = QRectF(pad, r.height() * 0.30, r.width() - 2 * pad, 48 * scale)
        p.drawText(title_rect, Qt.AlignmentFlag.AlignCenter, self.title)
        p.setPen(QColor(255, 255, 255, 170))
        p.setFont(self._font(15 * scale))
        p.drawText(
            title_rect.translated(0, 46 * scale), Qt.AlignmentFlag.AlignCenter, self.organization
        )
        if self.status_text:
            p.setFont(self._font(12 * scale))
            p.drawText(
                title_rect.translated(0, 80 * scale), Qt.AlignmentFlag.AlignCenter, self.status_text
            )
        # LIVE badge and elapsed time
        badge_font = self._font(13 * scale, bold=True)
        p.setFont(badge_font)
        badge_text = self.live_text if self.live else self.off_air_text
        bw = QFontMetrics(badge_font).horizontalAdvance(badge_text) + 26 * scale
        badge = QRectF(pad, pad, bw, 30 * scale)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(Theme.color("live") if self.live else QColor(255, 255, 255, 60))
        p.drawRoundedRect(badge, 7 * scale, 7 * scale)
        p.setPen(QColor("white"))
        p.drawText(badge, Qt.AlignmentFlag.AlignCenter, badge_text)
        p.setFont(self._font(13 * scale, bold=True))
        time_rect = QRectF(badge.right() + 10 * scale, badge.top(), 140 * scale, badge.height())
        p.setBrush(QColor(0, 0, 0, 90))
        p.setPen(Qt.PenStyle.NoPen)
        p.drawRoundedRect(time_rect.adjusted(0, 0, -40 * scale, 0), 7 * scale, 7 * scale)
        p.setPen(QColor("white"))
        p.drawText(
            time_rect.adjusted(0, 0, -40 * scale, 0),
            Qt.AlignmentFlag.AlignCenter,
            self.elapsed_text,
        )
        if self.viewers_text:
            vw = QFontMetrics(p.font()).horizontalAdvance(self.viewers_text) + 44 * scale
            viewers = QRectF(r.width() - pad - vw, pad, vw, 30 * scale)
            p.setBrush(QColor(0, 0, 0, 90))
            p.setPen(Qt.PenStyle.NoPen)
            p.drawRoundedRect(viewers, 7 * scale, 7 * scale)
            if self._eye is None:
                self._eye = icon("mdi6.eye", "white")
            size = int(18 * scale)
            self._eye.paint(
                p,
                int(viewers.left() + 10 * scale),
                int(viewers.center().y() - size / 2),
                size,
                size,
            )
            p.setPen(QColor("white"))
            p.drawText(
                viewers.adjusted(30 * scale, 0, -8 * scale, 0),
                Qt.AlignmentFlag.AlignCenter,
                self.viewers_text,
            )
        # Donation alert (top centre) and thank-you banner (lower third)
        if self.alert_title:
            self._draw_alert(p, r, scale)
        if self.banner:
            self._draw_banner(p, r, scale, self.banner, Theme.color("success"))
        elif self.notice:
            self._draw_banner(p, r, scale, self.notice, Theme.color("accent2"))
        # Goal overlay (bottom)
        if self.goal_text:
            bar = QRectF(pad, r.height() - pad - 14 * scale, r.width() - 2 * pad, 14 * scale)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(255, 255, 255, 45))
            p.drawRoundedRect(bar, 7 * scale, 7 * scale)
            filled = QRectF(bar.left(), bar.top(), bar.width() * self.goal_fraction, bar.height())
            fill = QLinearGradient(bar.topLeft(), bar.topRight())
            fill.setColorAt(0, Theme.color("accent"))
            fill.setColorAt(1, Theme.color("accent2"))
            p.setBrush(QBrush(fill))
            if filled.width() > 0:
                p.drawRoundedRect(filled, 7 * scale, 7 * scale)
            p.setPen(QColor("white"))
            p.setFont(self._font(14 * scale, bold=True))
            p.drawText(
                QRectF(bar.left(), bar.top() - 34 * scale, bar.width(), 28 * scale),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                self.goal_text,
            )
        p.end()

    def _background(self) -> QPixmap:
        """The scene's gradients, painted once per size and theme (they are the costly part)."""
        ratio = self.devicePixelRatioF()
        key = (self.width(), self.height(), ratio, Theme.colors["stage_top"])
        if self._background_key == key and self._background_pixmap is not None:
            return self._background_pixmap
        pixmap = QPixmap(int(self.width() * ratio), int(self.height() * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        p = QPainter(pixmap)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(0, 0, self.width(), self.height())
        clip = QPainterPath()
        clip.addRoundedRect(r, 16, 16)
        p.setClipPath(clip)
        gradient = QLinearGradient(r.topLeft(), r.bottomRight())
        gradient.setColorAt(0, Theme.color("stage_top"))
        gradient.setColorAt(1, Theme.color("stage_bottom"))
        p.fillRect(r, gradient)
        glow = QRadialGradient(r.center() + QPointF(r.width() * 0.18, -r.height() * 0.1), r.width())
        accent = Theme.color("accent")
        accent.setAlpha(70)
        glow.setColorAt(0, accent)
        glow.setColorAt(0.6, QColor(0, 0, 0, 0))
        p.fillRect(r, glow)
        p.end()
        self._background_key, self._background_pixmap = key, pixmap
        return pixmap

    def _font(self, size: float, *, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, size * 0.75))
        font.setBold(bold)
        return font

    def _draw_alert(self, p: QPainter, r: QRectF, scale: float) -> None:
        width = min(r.width() * 0.62, 560 * scale)
        box = QRectF(r.center().x() - width / 2, 64 * scale, width, 92 * scale)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(10, 12, 24, 215))
        p.drawRoundedRect(box, 14 * scale, 14 * scale)
        p.setBrush(Theme.color("accent"))
        p.drawRoundedRect(QRectF(box.left(), box.top(), 8 * scale, box.height()), 4, 4)
        p.setPen(QColor("white"))
        p.setFont(self._font(19 * scale, bold=True))
        inner = box.adjusted(22 * scale, 12 * scale, -16 * scale, -12 * scale)
        metrics = QFontMetrics(p.font())
        p.drawText(
            QRectF(inner.left(), inner.top(), inner.width(), metrics.height()),
            Qt.AlignmentFlag.AlignLeft,
            metrics.elidedText(self.alert_title, Qt.TextElideMode.ElideRight, int(inner.width())),
        )
        if self.alert_message:
            p.setPen(QColor(255, 255, 255, 200))
            p.setFont(self._font(14 * scale))
            small = QFontMetrics(p.font())
            p.drawText(
                QRectF(inner.left(), inner.top() + metrics.height() + 6 * scale, inner.width(),
                       small.height()),
                Qt.AlignmentFlag.AlignLeft,
                small.elidedText(self.alert_message, Qt.TextElideMode.ElideRight,
                                 int(inner.width())),
            )  # fmt: skip

    def _draw_banner(self, p: QPainter, r: QRectF, scale: float, text: str, color: QColor) -> None:
        font = self._font(20 * scale, bold=True)
        p.setFont(font)
        width = min(QFontMetrics(font).horizontalAdvance(text) + 60 * scale, r.width() - 40)
        box = QRectF(r.center().x() - width / 2, r.height() * 0.66, width, 50 * scale)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(color)
        p.drawRoundedRect(box, 25 * scale, 25 * scale)
        p.setPen(QColor("#0B0E1A"))
        metrics = QFontMetrics(font)
        p.drawText(
            box,
            Qt.AlignmentFlag.AlignCenter,
            metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(box.width() - 20)),
        )


class StatBlock(QWidget):
    """A caption above a big figure (donors, average...)."""

    def __init__(self, caption: str, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.caption = label(caption, "eyebrow")
        self.value = label("0", "stat")
        self.value.setObjectName(object_name)
        self.value.setAccessibleName(caption)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)


def timer(parent: QObject, interval_ms: int, *, single_shot: bool = False) -> QTimer:
    """A timer with its properties set one by one: PySide6's keyword properties
    (`QTimer(self, interval=...)`) are looked up through the C locale's case mapping and fail
    under a Turkish locale ("'interval' is not a Qt property")."""
    made = QTimer(parent)
    made.setInterval(interval_ms)
    made.setSingleShot(single_shot)
    return made
