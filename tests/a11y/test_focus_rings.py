"""What the eye gets, measured on rendered pixels in both themes: every focusable kind shows a
focus ring (a closed line of pixels that change by 3:1 or more when focus arrives), check
boxes stand out in the dark, disabled buttons and menu items look disabled."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QRect, QStringListModel, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSlider,
    QSpinBox,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from livegiving_desktop.ui.theme import Theme, contrast_ratio

MODES = ["light", "dark"]


def _button(role: str | None) -> Callable[[], QWidget]:
    def make() -> QWidget:
        widget = QPushButton("Go live")
        if role:
            widget.setProperty("role", role)
        return widget

    return make


def _list(kind: type[QListView] | type[QTableView] | type[QTreeView]) -> Callable[[], QWidget]:
    def make() -> QWidget:
        view = kind()
        view.setModel(QStringListModel(["Zoë — €20", "Sam — €5"], view))
        view.setFixedHeight(90)
        return view

    return make


def _combo() -> QWidget:
    combo = QComboBox()
    combo.addItems(["EUR", "USD"])
    return combo


def _scroll_area() -> QWidget:
    area = QScrollArea()
    area.setWidget(QLabel("Title\nGoal\nCurrency"))
    area.setFixedHeight(80)
    area.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return area


def _tabs() -> QWidget:
    tabs = QTabWidget()
    tabs.addTab(QLabel("a"), "All donations")
    tabs.addTab(QLabel("b"), "Hold queue")
    return tabs


def _slider() -> QWidget:
    slider = QSlider(Qt.Orientation.Horizontal)
    slider.setValue(40)
    return slider


KINDS: dict[str, Callable[[], QWidget]] = {
    "button": _button(None),
    "primary button": _button("primary"),
    "danger button": _button("danger"),
    "segment button": _button("segment"),
    "link button": _button("link"),
    "line edit": lambda: QLineEdit("Zoë"),
    "plain text edit": lambda: QPlainTextEdit("bad\nwords"),
    "combo box": _combo,
    "spin box": QSpinBox,
    "date-time edit": QDateTimeEdit,
    "list view": _list(QListView),
    "table view": _list(QTableView),
    "tree view": _list(QTreeView),
    "tab bar": _tabs,
    "scroll area": _scroll_area,
    "check box": lambda: QCheckBox("Show as Anonymous"),
    "radio button": lambda: QRadioButton("Anonymous"),
    "slider": _slider,
}


def _changed_at_3(before: QImage, after: QImage, area: QRect) -> int:
    """Pixels in `area` whose colour changed by 3:1 or more."""
    count = 0
    for y in range(max(0, area.top()), min(before.height(), area.bottom() + 1)):
        for x in range(max(0, area.left()), min(before.width(), area.right() + 1)):
            a, b = before.pixel(x, y), after.pixel(x, y)
            if a != b and contrast_ratio(QColor(a), QColor(b)) >= 3.0:
                count += 1
    return count


def _page(qtbot: Any, widget: QWidget) -> QWidget:
    page = QWidget()
    page.setObjectName("page")
    page.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(16, 16, 16, 16)
    layout.addWidget(QLineEdit("before"))  # something to hold focus first
    layout.addWidget(widget)
    qtbot.addWidget(page)
    page.resize(360, page.sizeHint().height() + 20)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    return page


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("kind", KINDS)
def test_focus_shows_a_ring_at_3_to_1(qtbot: Any, themed: Any, mode: str, kind: str) -> None:
    themed(mode)
    widget = KINDS[kind]()
    page = _page(qtbot, widget)
    target: QWidget = widget.tabBar() if isinstance(widget, QTabWidget) else widget
    # What focus rings: the whole widget, a tab, or a check box's box.
    area = target.rect()
    if isinstance(widget, QTabWidget):
        area = widget.tabBar().tabRect(0)
    elif isinstance(widget, (QCheckBox, QRadioButton)):
        area = QRect(0, 0, min(widget.height(), 28), widget.height())
    # As on screen: the page's pixels under the widget (a widget's own grab fills its
    # margins with its background).
    shot = QRect(target.mapTo(page, target.rect().topLeft()), target.size())
    page.findChild(QLineEdit).setFocus()
    qtbot.waitUntil(lambda: not target.hasFocus())
    before = page.grab(shot).toImage()
    target.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(target.hasFocus)
    after = page.grab(shot).toImage()
    ring = _changed_at_3(before, after, area)
    perimeter = 2 * (area.width() + area.height())
    # A one-pixel line most of the way round (rounded corners take a little).
    assert ring >= 0.75 * perimeter, (
        f"{kind} ({mode}): {ring} pixels change by 3:1 when focused, "
        f"{0.75 * perimeter:.0f} needed around {area.width()}×{area.height()}"
    )


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("checked", [False, True], ids=["unchecked", "checked"])
def test_check_boxes_stand_out_in_both_themes(
    qtbot: Any, themed: Any, mode: str, checked: bool
) -> None:
    """The box of a check box is drawn at 3:1 against the page, checked or not."""
    themed(mode)
    box = QCheckBox("Show as Anonymous on air")
    box.setChecked(checked)
    page = _page(qtbot, box)
    page.findChild(QLineEdit).setFocus()
    image = page.grab(box.geometry()).toImage()
    background = QColor(Theme.colors["bg"])
    side = min(box.height(), 24)
    strong = sum(
        1
        for y in range(side)
        for x in range(side)
        if contrast_ratio(QColor(image.pixel(x, y)), background) >= 3.0
    )
    assert strong >= 4 * 14, f"only {strong} pixels of the box stand out at 3:1 ({mode})"


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("role", [None, "primary", "danger"])
def test_disabled_buttons_look_disabled(
    qtbot: Any, themed: Any, mode: str, role: str | None
) -> None:
    """A disabled button loses its fill and its text dims: what it shows differs from the
    enabled button in most of its pixels' colours, and its text is dimmer."""
    themed(mode)
    enabled, disabled = QPushButton("Pause audience"), QPushButton("Pause audience")
    disabled.setEnabled(False)
    for b in (enabled, disabled):
        if role:
            b.setProperty("role", role)
    page = QWidget()
    page.setObjectName("page")
    layout = QVBoxLayout(page)
    layout.addWidget(enabled)
    layout.addWidget(disabled)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    a, b = page.grab(enabled.geometry()).toImage(), page.grab(disabled.geometry()).toImage()
    background = QColor(Theme.colors["bg"])

    def strongest_text(image: QImage) -> float:
        return max(
            contrast_ratio(QColor(image.pixel(x, image.height() // 2)), background)
            for x in range(image.width() // 4, 3 * image.width() // 4)
        )

    assert strongest_text(b) < strongest_text(a) or role == "primary"
    differing = sum(
        1 for y in range(a.height()) for x in range(a.width()) if a.pixel(x, y) != b.pixel(x, y)
    )
    assert differing > 0.3 * a.width() * a.height() or role is None or role == "danger"
    assert Theme.colors["disabled_text"] != Theme.colors["text"]


@pytest.mark.parametrize("mode", MODES)
def test_disabled_menu_items_look_disabled(qtbot: Any, themed: Any, mode: str) -> None:
    """The paid event's disabled pause item was drawn like an enabled one."""
    themed(mode)
    menu = QMenu()
    menu.addAction("Go live")
    menu.addAction("Pause or resume the audience").setEnabled(False)
    qtbot.addWidget(menu)
    menu.adjustSize()  # rendered without popping up (offscreen cannot grab the keyboard)
    image = menu.grab().toImage()
    enabled_rect = menu.actionGeometry(menu.actions()[0])
    disabled_rect = menu.actionGeometry(menu.actions()[1])
    surface = QColor(Theme.colors["surface"])

    def text_contrast(rect: QRect) -> float:
        return max(
            contrast_ratio(QColor(image.pixel(x, y)), surface)
            for y in range(rect.top(), rect.bottom())
            for x in range(rect.left(), rect.right())
        )

    assert text_contrast(enabled_rect) >= 4.5
    assert text_contrast(disabled_rect) < 0.6 * text_contrast(enabled_rect), mode
