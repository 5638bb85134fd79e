"""The window paints its frame first, then loads (issue 19): `livegiving` shows the main window
itself, in the theme's colours with the app's name, before asyncio, the home page and the
menus are imported; the same window then gets its content. The frame's colours are the
desktop's as last seen (asking the desktop costs more than the frame); the desktop is asked
right after, and the theme follows it."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QMenuBar, QPushButton
from tests.gui.conftest import find

from livegiving_desktop.testing import window_on


def test_the_first_frame_is_the_window_in_the_theme_with_the_apps_name(
    qtbot: Any, qapp: Any, livegiving_db_url: str
) -> None:
    from livegiving_desktop.ui.theme import Theme

    with window_on(qtbot, qapp, livegiving_db_url, first_frame=True) as window:
        assert window.frame_painted() and window.isVisible()
        assert window.windowTitle() == "LiveGiving Desktop"
        name = find(window, QLabel, "firstFrame")
        assert name.text() == "LiveGiving Desktop" and name.isVisible()
        assert window.findChild(QMenuBar) is None  # the menus come with the content
        image = window.grab().toImage()
        assert image.pixelColor(4, 4) == QColor(Theme.colors["bg"])  # not a white flash
        middle = image.height() // 2
        row = {image.pixelColor(x, middle).name() for x in range(image.width())}
        assert len(row) > 2, "the app's name is not drawn in the middle of the frame"

        frame = window
        window.build()  # what `livegiving` does once the frame is on screen
        assert window is frame
        assert not name.isVisible()  # replaced by the content
        qtbot.waitUntil(window.is_ready, timeout=15_000)
        assert window.findChild(QLabel, "firstFrame") is None  # and deleted
        assert window.home.isVisible() and not window.home.is_loading()
        assert find(window, QPushButton, "newCampaign").isEnabled()
        assert len(window.menuBar().actions()) >= 4  # File, Broadcast, View, Help…


def test_the_keyboard_starts_in_the_home_search_as_on_a_window_shown_whole(
    qtbot: Any, qapp: Any, livegiving_db_url: str
) -> None:
    """The window became active on its frame, with no control to focus: once its content was
    built, no control had the focus, and what was typed went nowhere."""
    from PySide6.QtWidgets import QApplication, QLineEdit

    with window_on(qtbot, qapp, livegiving_db_url, first_frame=True) as window:
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
        window.build()
        qtbot.waitUntil(window.is_ready, timeout=15_000)
        assert QApplication.focusWidget() is find(window, QLineEdit, "homeSearch")


def test_a_window_closed_on_its_first_frame_opens_nothing(
    qtbot: Any, qapp: Any, livegiving_db_url: str
) -> None:
    with window_on(qtbot, qapp, livegiving_db_url, first_frame=True) as window:
        window.close()
        assert window.is_closed() and not window.isVisible()
        assert window.service is None


@pytest.mark.parametrize(("remembered", "system_dark"), [("dark", False), ("light", True)])
def test_the_frame_takes_the_desktops_colours_as_last_seen_then_follows_it(
    qapp: Any, remembered: str, system_dark: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The desktop went from dark to light (or back) since the last start: the first frame is
    painted as it was, then the theme follows the desktop, and it is remembered."""
    from livegiving_desktop.app import prepare, prepare_after_first_frame, prepare_first_frame
    from livegiving_desktop.ui import theme

    settings = theme._settings()
    settings.setValue(theme.SYSTEM_DARK_KEY, remembered)
    settings.remove(theme.SETTINGS_KEY)  # System
    monkeypatch.setattr(theme, "system_is_dark", lambda: system_dark)
    try:
        prepare_first_frame(qapp, "en")
        assert theme.Theme.dark is (remembered == "dark")
        assert qapp.palette().window().color() == QColor(theme.PALETTES[remembered == "dark"]["bg"])
        prepare_after_first_frame(qapp)
        assert theme.Theme.dark is system_dark
        assert qapp.palette().window().color() == QColor(theme.PALETTES[system_dark]["bg"])
        assert theme.remembered_system_dark() is system_dark
    finally:
        monkeypatch.undo()
        settings.remove(theme.SYSTEM_DARK_KEY)
        prepare(qapp, "en")


def test_the_desktop_turning_dark_while_the_app_runs_is_followed_and_remembered(
    qapp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The next start's first frame is painted dark too."""
    from PySide6.QtCore import Qt

    from livegiving_desktop.app import prepare
    from livegiving_desktop.ui import theme

    settings = theme._settings()
    settings.remove(theme.SETTINGS_KEY)  # System
    try:
        prepare(qapp, "en")
        assert theme.Theme.dark is False  # offscreen: a light desktop
        monkeypatch.setattr(theme, "system_is_dark", lambda: True)
        qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
        assert theme.Theme.dark is True
        assert qapp.palette().window().color() == QColor(theme.DARK["bg"])
        assert theme.remembered_system_dark() is True
    finally:
        monkeypatch.undo()
        settings.remove(theme.SYSTEM_DARK_KEY)
        prepare(qapp, "en")
