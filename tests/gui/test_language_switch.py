"""Français / English from the menu: the whole window changes language at once, no restart."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMenuBar, QPushButton
from tests.gui.conftest import create_fundraiser, find


def _menu_titles(window: Any) -> list[str]:
    bar = window.findChild(QMenuBar)
    return [a.text() for a in bar.actions() if a.text()]


def test_switching_to_french_translates_the_open_window_now(
    qtbot: Any, livegiving_window: Any, qapp: Any
) -> None:
    from livegiving_desktop.app import prepare

    window = livegiving_window
    create_fundraiser(qtbot, window, goal="1234.5")
    assert find(window, QPushButton, "goLive").text() == "Go live"
    assert find(window, QLabel, "totalRaised").text() == "$0.00"
    french = find(window, QAction, "actionFrench")
    english = find(window, QAction, "actionEnglish")
    assert english.isChecked() and not french.isChecked()
    try:
        french.trigger()
        # Buttons, menus, composed figures: all French, in the same window, at once.
        assert find(window, QPushButton, "goLive").text() == "Passer en direct"
        assert "&Fichier" in _menu_titles(window)
        assert find(window, QLabel, "totalRaised").text() == "0,00\u00a0$US"
        assert "1\u00a0234,50\u00a0$US" in find(window, QLabel, "goalLabel").text()
        assert french.isChecked() and not english.isChecked()
        assert window.settings.value("language") == "fr"  # and the next start too
        window.live.home_button.click()
        qtbot.waitUntil(lambda: find(window, QPushButton, "newCampaign").isVisible())
        assert find(window, QPushButton, "newCampaign").text() == "Nouvelle campagne"
        english.trigger()
        assert find(window, QPushButton, "newCampaign").text() == "New campaign"
        assert find(window, QPushButton, "goLive").text() == "Go live"
        assert "&File" in _menu_titles(window)
        assert find(window, QLabel, "totalRaised").text() == "$0.00"
    finally:
        prepare(qapp, "en")


def test_a_long_title_in_french_fits_a_1366_px_window(
    qtbot: Any, livegiving_window: Any, qapp: Any
) -> None:
    """The live view's header (title, status, who watches, Overlays, Moderation, Go live) is
    wider in French: the title gives way ("…") so that the window fits a 1366 px laptop; the
    whole title stays its text, tooltip and accessible name."""
    from livegiving_desktop.app import prepare

    window = livegiving_window
    title = "Marathon solidaire en direct pour la Croix-Rouge"
    create_fundraiser(qtbot, window, title=title)
    try:
        find(window, QAction, "actionFrench").trigger()
        heading = window.live.title
        assert window.minimumSizeHint().width() <= 1366
        window.resize(1366, 720)
        qtbot.waitUntil(lambda: heading.width() < heading.sizeHint().width())
        assert heading.text() == title
        assert heading.toolTip() == title and heading.accessibleName() == title
        shown = QLabel.text(heading)
        assert shown.endswith("…") and shown != title
        window.resize(1900, 720)  # room again: the whole title, no tooltip
        qtbot.waitUntil(lambda: QLabel.text(heading) == title)
        assert heading.toolTip() == ""
    finally:
        prepare(qapp, "en")
