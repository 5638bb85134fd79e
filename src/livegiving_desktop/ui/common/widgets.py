"""Small building blocks shared by every screen: themed buttons, labels and cards, icons,
initials and avatar colours, a caption over a figure, timers, a scrolling column of cards and
a window sized to fit the screen."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import lru_cache

from PySide6.QtCore import QEvent, QObject, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QIcon,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStyleOptionViewItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from livegiving_desktop.core.text import right_to_left
from livegiving_desktop.ui.theme import Theme, contrast_ratio, theme_notifier


def icon(name: str, color: str | None = None) -> QIcon:
    """An icon from the Material Design Icons set (qtawesome), in a theme colour."""
    import qtawesome as qta  # 0.15 s with qtpy and its fonts: not before the first paint

    result: QIcon = qta.icon(name, color=color or Theme.colors["text"])
    return result


APP_ICON = ("mdi6.hand-heart", "#FF4F7B")
# While True, themed icons are named but not drawn: the window paints its first screen
# without importing qtawesome, then `draw_deferred_icons` draws them all (issue 19).
_deferred: list[bool] = []


def defer_icons() -> None:
    """Icons asked for from now on are drawn by `draw_deferred_icons`."""
    if not _deferred:
        _deferred.append(True)


def draw_deferred_icons() -> None:
    """Draw the icons named while deferred, and the application's icon."""
    if not _deferred:
        return
    _deferred.clear()
    redraw_themed_icons()
    app = QApplication.instance()
    if isinstance(app, QApplication) and app.windowIcon().isNull():
        app.setWindowIcon(icon(*APP_ICON))


# -- icons that follow the theme ---------------------------------------------------------------

THEMED_ICON = "themedIcon"  # property: "<icon name> <palette key>", redrawn on a theme change
THEMED_SIDE = "themedIconSide"  # property of a picture (QLabel): its side in pixels
THEMED_TABS = "themedTabIcons"  # property of a QTabWidget: its tabs' icon names, in order


def themed_icon(target: QObject, name: str, key: str = "text") -> None:
    """Give a button or an action the icon `name` in the palette colour `key` (text, muted,
    danger, on_accent...), drawn again in the new palette whenever the theme changes."""
    target.setProperty(THEMED_ICON, f"{name} {key}")
    if not _deferred:
        target.setIcon(icon(name, Theme.colors[key]))  # type: ignore[attr-defined]
    _follow_theme()


def themed_picture(picture: QLabel, name: str, key: str, side: int) -> None:
    """A label showing the icon `name` as a `side`-pixel picture in the palette colour `key`,
    drawn again when the theme changes."""
    picture.setProperty(THEMED_ICON, f"{name} {key}")
    picture.setProperty(THEMED_SIDE, side)
    picture.setMinimumSize(side, side)  # the same layout before and after it is drawn
    if not _deferred:
        picture.setPixmap(icon(name, Theme.colors[key]).pixmap(side, side))
    _follow_theme()


def themed_tab_icons(tabs: QTabWidget, names: list[str]) -> None:
    """The tabs' icons, in the text colour, redrawn when the theme changes."""
    tabs.setProperty(THEMED_TABS, " ".join(names))
    for index, name in enumerate(names if not _deferred else ()):
        tabs.setTabIcon(index, icon(name))
    _follow_theme()


_following: list[bool] = []


def _follow_theme() -> None:
    if not _following:
        _following.append(True)
        theme_notifier().changed.connect(redraw_themed_icons)


def redraw_themed_icons() -> None:
    """Every themed icon of the application in the palette now in use."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    targets: dict[int, QObject] = {}
    for widget in app.allWidgets():
        targets[id(widget)] = widget
        for action in widget.actions():  # a window's, a menu's, a field's icon
            targets[id(action)] = action
    for target in targets.values():
        spec = target.property(THEMED_ICON)
        if isinstance(spec, str) and " " in spec:
            name, key = spec.split(" ", 1)
            drawn = icon(name, Theme.colors[key])
            if isinstance(target, QLabel):
                side = target.property(THEMED_SIDE)
                size = QSize(side, side) if isinstance(side, int) else target.pixmap().size()
                target.setPixmap(drawn.pixmap(size))
            else:
                target.setIcon(drawn)  # type: ignore[attr-defined]
        names = target.property(THEMED_TABS)
        if isinstance(target, QTabWidget) and isinstance(names, str):
            for index, name in enumerate(names.split()):
                target.setTabIcon(index, icon(name))


# -- avatars -----------------------------------------------------------------------------------

AVATAR_TEXT = "#FFFFFF"  # initials, on every avatar colour at 4.5:1 or more


def initials(name: str) -> str:
    parts = [p for p in name.replace(".", " ").split() if p]
    if not parts:
        return "?"
    if len(parts) == 1:
        return parts[0][:2].upper()
    return (parts[0][0] + parts[-1][0]).upper()


def avatar_color(name: str) -> QColor:
    """A donor's avatar colour, from their name: its hue varies, and it is dark enough for
    the white initials (AVATAR_TEXT) to read at 4.5:1 (a yellow or a green is deepened)."""
    return QColor.fromHsl(*_avatar_hsl(name))


@lru_cache(maxsize=4096)
def _avatar_hsl(name: str) -> tuple[int, int, int]:
    """avatar_color's hue, saturation and lightness, worked out once per name (each feed row
    paints one at every frame)."""
    digest = hashlib.blake2s(name.encode(), digest_size=2).digest()
    hue = int.from_bytes(digest, "big") % 360
    return hue, 150, _avatar_lightness(hue)


@lru_cache(maxsize=360)
def _avatar_lightness(hue: int) -> int:
    """The lightest avatar of this hue the white initials read on at 4.5:1 (once per hue: the
    audience's 20,000 names overflow the cache by name)."""
    lightness = 120
    color = QColor.fromHsl(hue, 150, lightness)
    while contrast_ratio(AVATAR_TEXT, color) < 4.5 and lightness > 20:
        lightness -= 4
        color = QColor.fromHsl(hue, 150, lightness)
    return lightness


def button(
    text: str, name: str, icon_name: str, role: str | None = None, tip: str = ""
) -> QPushButton:
    """A push button of the theme: icon in the role's colour (on_accent on a primary button,
    danger on a danger one, redrawn when the theme changes), object and accessible names,
    `role` primary or danger (QSS), an optional tooltip."""
    key = {"primary": "on_accent", "danger": "danger"}.get(role or "", "text")
    widget = QPushButton(text)
    themed_icon(widget, icon_name, key)
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


def error_label(name: str, caption: str) -> QLabel:
    """A form's refusal line (`name`): empty until something is refused; read as `caption`."""
    error = label("", "error", wrap=True)
    error.setObjectName(name)
    error.setAccessibleName(caption)
    error.setProperty("a11yCaption", caption)
    return error


def ok_cancel(
    dialog: QDialog, name: str, ok_text: str, cancel_text: str, on_ok: Callable[[], None]
) -> QDialogButtonBox:
    """A dialog's OK (primary, named `ok_text`, calls `on_ok`) and Cancel (rejects) buttons."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.setObjectName(name)
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    ok.setAccessibleName(ok_text)
    ok.setProperty("role", "primary")
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(cancel_text)
    buttons.accepted.connect(on_ok)
    buttons.rejected.connect(dialog.reject)
    return buttons


def card(role: str = "card") -> QFrame:
    frame = QFrame()
    frame.setProperty("role", role)
    return frame


class WrappedLabel(QLabel):
    """A label that wraps its words and remembers its height for a width until its text,
    format, font, style or margins change. Qt lays a wrapped label's text out again each time
    it asks (QLabel keeps no such answer), and a figure changing elsewhere in the same column
    makes the layouts ask every wrapped label again: under a burst, ten times a second."""

    HEIGHTS_KEPT = 8

    def __init__(self, text: str = "") -> None:
        super().__init__(text)
        self._heights: dict[int, int] = {}
        self.setWordWrap(True)

    def heightForWidth(self, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            if len(self._heights) >= self.HEIGHTS_KEPT:
                self._heights.clear()
            height = self._heights[width] = super().heightForWidth(width)
        return height

    def setText(self, text: str) -> None:
        if text != self.text():
            self._heights.clear()
            super().setText(text)

    def setTextFormat(self, text_format: Qt.TextFormat) -> None:
        self._heights.clear()
        super().setTextFormat(text_format)

    def setIndent(self, indent: int) -> None:
        self._heights.clear()
        super().setIndent(indent)

    def setMargin(self, margin: int) -> None:
        self._heights.clear()
        super().setMargin(margin)

    def setWordWrap(self, on: bool) -> None:
        self._heights.clear()
        super().setWordWrap(on)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in _LABEL_LAYOUT_CHANGES:
            self._heights.clear()
        super().changeEvent(event)


_LABEL_LAYOUT_CHANGES = frozenset(
    {
        QEvent.Type.FontChange,
        QEvent.Type.StyleChange,
        QEvent.Type.ContentsRectChange,
        QEvent.Type.LayoutDirectionChange,
    }
)


def label(text: str = "", role: str | None = None, *, wrap: bool = False) -> QLabel:
    widget = WrappedLabel(text) if wrap else QLabel(text)
    if role:
        widget.setProperty("role", role)
    widget.setWordWrap(wrap)
    return widget


class FigureLabel(QLabel):
    """A large figure that keeps growing (the total raised). Wider than the room its column
    gives it, it is drawn smaller to fit, the text itself whole (its accessible name too),
    instead of widening the column: a digit gained no longer lays the whole window out again
    (under a burst, a 14 to 19 ms frame each time; issue 19), and the stage and the feed keep
    their size all broadcast long."""

    MINIMUM_WIDTH = 160  # what it asks of its column at least: the column's own width rules
    SMALLEST = 0.5  # never drawn smaller than half its size (past that, its column widens)

    def __init__(self, role: str | None = None) -> None:
        super().__init__()
        if role:
            self.setProperty("role", role)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        natural = hint.width()
        hint.setWidth(min(natural, max(self.MINIMUM_WIDTH, int(natural * self.SMALLEST) + 1)))
        return hint

    def scale(self) -> float:
        """How much smaller than its font the text is drawn (1.0: as is)."""
        text, room = self.text(), self.contentsRect().width() - 2 * self.margin()
        needed = self.fontMetrics().horizontalAdvance(text) if text else 0
        if needed <= room or needed <= 0:
            return 1.0
        return max(self.SMALLEST, room / needed * 0.98)  # hinting may round a glyph up

    def paintEvent(self, event: QPaintEvent) -> None:
        scale = self.scale()
        if scale >= 1.0:
            super().paintEvent(event)
            return
        font = QFont(self.font())
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * scale)
        else:
            font.setPixelSize(max(1, int(font.pixelSize() * scale)))
        rect = self.contentsRect().adjusted(self.margin(), self.margin(), -self.margin(),
                                            -self.margin())  # fmt: skip
        painter = QPainter(self)
        try:
            painter.setFont(font)
            self.style().drawItemText(
                painter, rect, int(self.alignment().value), self.palette(), self.isEnabled(),
                self.text(), QPalette.ColorRole.WindowText,
            )  # fmt: skip
        finally:
            painter.end()  # not when Python lets it go: a frame kept alive keeps it painting


class ElidedLabel(QLabel):
    """A one-line label that gives up its width before its neighbours: on a narrow window
    (1366 px in French) its text ends in "…"; `text()`, the tooltip and the accessible name
    keep the whole text."""

    MINIMUM_WIDTH = 80

    def __init__(self, text: str = "", role: str | None = None) -> None:
        super().__init__()
        if role:
            self.setProperty("role", role)
        self._full = ""
        self.setText(text)

    def text(self) -> str:
        return self._full

    def setText(self, text: str) -> None:
        self._full = text
        self.updateGeometry()
        self._elide()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        margins = self.contentsMargins()
        width = self.fontMetrics().horizontalAdvance(self._full) + margins.left() + margins.right()
        return QSize(width + 2, hint.height())

    def minimumSizeHint(self) -> QSize:
        width = min(self.sizeHint().width(), self.MINIMUM_WIDTH)
        return QSize(width, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.updateGeometry()
            self._elide()

    def _elide(self) -> None:
        width = self.contentsRect().width()
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, width)
        if shown != super().text():
            super().setText(shown)
        cut = shown != self._full
        self.setToolTip(self._full if cut else "")
        self.setAccessibleName(self._full if cut else "")


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


def set_bar_value(bar: QProgressBar, value: int) -> None:
    """A progress bar's new value, painted with the next frame: QProgressBar.setValue paints
    the bar at once (a synchronous repaint of it and of what lies under it) each time its
    filled width moves, which under a burst cost the UI thread milliseconds per flush."""
    if bar.value() == value:
        return
    bar.setUpdatesEnabled(False)
    try:
        bar.setValue(value)
    finally:
        bar.setUpdatesEnabled(True)  # schedules the bar's repaint, with the next frame
    bar.update()


def timer(parent: QObject, interval_ms: int, *, single_shot: bool = False) -> QTimer:
    """A timer with its properties set one by one: PySide6's keyword properties
    (`QTimer(self, interval=...)`) are looked up through the C locale's case mapping and fail
    under a Turkish locale ("'interval' is not a Qt property")."""
    made = QTimer(parent)
    made.setInterval(interval_ms)
    made.setSingleShot(single_shot)
    return made


_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RTL = int(Qt.TextFlag.TextForceRightToLeft)


def draw_donor_text(painter: QPainter, rect: QRectF, text: str, metrics: QFontMetrics) -> None:
    """One line of a donor's words (a name, a message) at the left of `rect`, in the painter's
    font (`metrics`'). Text in Arabic or Hebrew is laid out right to left, as its readers write
    it: a painter lays everything out left to right unless told, and `ليلى ا.` then ended with
    its full stop on the right."""
    if right_to_left(text):
        box = min(rect.width(), metrics.horizontalAdvance(text) + 2.0)  # at the left all the same
        painter.drawText(QRectF(rect.left(), rect.top(), box, rect.height()),
                         int(_LEFT) | _RTL, text)  # fmt: skip
    else:
        painter.drawText(rect, _LEFT, text)


def paint_row_card(
    painter: QPainter, option: QStyleOptionViewItem, rect: QRectF, *, outlined: bool = False
) -> bool:
    """The card behind a painted list row: selected, a soft fill inside a 2 px accent edge
    (the edge stands at 3:1 on the list, the row's text keeps its colours on the fill); a
    soft fill when hovered (always, with a decorative border, when `outlined`). Returns
    whether the row is selected."""
    colors = Theme.colors
    from PySide6.QtWidgets import QStyle  # its ~40 enums cost 25 ms: not before the first paint

    selected = bool(option.state & QStyle.StateFlag.State_Selected)
    hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
    if selected:
        painter.setPen(QPen(QColor(colors["accent"]), 2))
        rect = rect.adjusted(1, 1, -1, -1)  # the edge inside the row
    elif outlined:
        painter.setPen(QColor(colors["border"]))
    elif hovered:
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


class ScrollColumn(QScrollArea):
    """A column of cards that scrolls up and down when the window is too short for it, and is
    as wide as its widest card needs (at least `width`): a larger system font widens it
    instead of cutting a figure. It grows when a card needs more, by GROW_STEP more than that,
    and does not give the width back until `fit()` (a campaign opened, the language changed):
    a card whose text changes every second (the top donors) would otherwise widen and narrow
    it by turns, and each time the whole window would lay itself out and paint again (under a
    burst, a 15 to 20 ms frame; issue 19)."""

    GROW_STEP = 24

    def __init__(self, content: QWidget, width: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preferred_width = width
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the cards' controls take the focus
        content.setObjectName(content.objectName() or "column")
        content.setAutoFillBackground(False)
        self.viewport().setAutoFillBackground(False)
        self.setWidget(content)
        content.installEventFilter(self)
        self._widest = 0  # the most it was asked for since `fit()`

    def fit(self) -> None:
        """Be as wide as the cards need now, narrower than before if they need less."""
        self._widest = 0
        self.updateGeometry()

    def _width(self) -> int:
        content = self.widget()
        needed = content.minimumSizeHint().width() if content is not None else 0
        bar = self.verticalScrollBar().sizeHint().width()
        if needed + bar > self._widest:
            step = self.GROW_STEP if self._widest else 0  # room for the next few pixels too
            self._widest = max(self.preferred_width, needed + bar + step)
        return self._widest

    def sizeHint(self) -> QSize:
        content = self.widget()
        height = content.sizeHint().height() if content is not None else 0
        return QSize(self._width(), height)

    def minimumSizeHint(self) -> QSize:
        return QSize(self._width(), 120)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # a card's text grew: the column may need to widen
        return super().eventFilter(watched, event)


def scrolling(page: QWidget) -> QScrollArea:
    """`page` in a frameless scroll area: a form taller than a short screen scrolls, and Tab
    brings the field it reaches into view."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.setWidget(page)
    return area
