"""Small building blocks shared by every screen: themed buttons, labels and cards, icons,
initials and avatar colours, a caption over a figure, timers."""

from __future__ import annotations

import hashlib

import qtawesome as qta
from PySide6.QtCore import QObject, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QIcon, QPainter
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from livegiving_desktop.ui.theme import Theme


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


class StatBlock(QWidget):
    """A caption above a big figure (donors, average...)."""

    def __init__(self, caption: str, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.caption = label(caption, "eyebrow")
        self.spoken = caption.capitalize()  # a screen reader would spell a caption in capitals
        self.value = label("", "stat")
        self.value.setObjectName(object_name)
        self.set_value("0")
        layout.addWidget(self.caption)
        layout.addWidget(self.value)

    def set_value(self, text: str) -> None:
        """The figure, read by a screen reader with its caption ("Donors: 1,234")."""
        self.value.setText(text)
        self.value.setAccessibleName(f"{self.spoken}: {text}")


def timer(parent: QObject, interval_ms: int, *, single_shot: bool = False) -> QTimer:
    """A timer with its properties set one by one: PySide6's keyword properties
    (`QTimer(self, interval=...)`) are looked up through the C locale's case mapping and fail
    under a Turkish locale ("'interval' is not a Qt property")."""
    made = QTimer(parent)
    made.setInterval(interval_ms)
    made.setSingleShot(single_shot)
    return made


def paint_row_card(
    painter: QPainter, option: QStyleOptionViewItem, rect: QRectF, *, outlined: bool = False
) -> bool:
    """The card behind a painted list row: the accent fill when selected, a soft fill when
    hovered (always, with a border, when `outlined`). Returns whether the row is selected."""
    colors = Theme.colors
    selected = bool(option.state & QStyle.StateFlag.State_Selected)
    hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
    if outlined:
        painter.setPen(QColor(colors["accent"] if selected else colors["border"]))
    elif selected or hovered:
        painter.setPen(Qt.PenStyle.NoPen)
    else:
        return False
    painter.setBrush(QColor(colors["accent_soft"] if selected else colors["surface2"]))
    painter.drawRoundedRect(rect, 10, 10)
    return selected


class Card(QWidget):
    """A card of a live view: a framed panel (`role` picks its style) whose `body` holds it."""

    def __init__(
        self, role: str = "card", *, vertical: int = 14, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        frame = card(role)
        self.body = QVBoxLayout(frame)
        self.body.setContentsMargins(20, vertical, 20, vertical)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)
