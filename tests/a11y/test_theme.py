"""The theme follows the system font size, and offers System, Light and Dark, remembered."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from livegiving_desktop.ui import theme
from livegiving_desktop.ui.theme import THEME_MODES, Theme, ThemeMode


def _shown(qtbot: Any, *widgets: QWidget) -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    for w in widgets:
        layout.addWidget(w)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    return page


@pytest.mark.parametrize("system_pt", [9.0, 14.0])
def test_text_follows_the_system_font_size(qtbot: Any, themed: Any, system_pt: float) -> None:
    """A 14 pt desktop font came back as 10 pt: the theme forced every font to 10 pt."""
    themed("light", font_pt=system_pt)
    body, button, field = QLabel("Amount raised"), QPushButton("Go live"), QLineEdit("Zoë")
    heading, total = QLabel("Campaigns"), QLabel("€3,704.00")
    heading.setProperty("role", "h1")
    total.setProperty("role", "total")
    page = _shown(qtbot, body, button, field, heading, total)
    for widget in (body, button, field):
        assert widget.font().pointSizeF() == pytest.approx(system_pt)
    # Headings and figures grow with the system font, and stay larger than body text.
    assert heading.font().pointSizeF() == pytest.approx(theme.font_sizes(system_pt)["font_h1"])
    assert total.font().pointSizeF() == pytest.approx(theme.font_sizes(system_pt)["font_total"])
    assert body.font().pointSizeF() < heading.font().pointSizeF() < total.font().pointSizeF()
    page.close()


def test_sizes_scale_from_the_system_font() -> None:
    ten, fourteen = theme.font_sizes(10), theme.font_sizes(14)
    assert fourteen["font_base"] == 14
    assert fourteen["font_small"] == pytest.approx(8.5 * 1.4)
    for name in ("font_h1", "font_h2", "font_stat", "font_total"):
        assert fourteen[name] > ten[name]
    assert fourteen["font_small"] < fourteen["font_base"] < fourteen["font_h2"]


def test_a_change_of_the_desktop_font_while_running_resizes_the_text(
    qtbot: Any, themed: Any, qapp: Any
) -> None:
    themed("light", font_pt=10)
    heading = QLabel("Campaigns")
    heading.setProperty("role", "h1")
    page = _shown(qtbot, heading)
    before = heading.font().pointSizeF()
    bigger = qapp.font()
    bigger.setPointSizeF(16)
    qapp.setFont(bigger)  # what the platform does when the desktop's font changes
    qtbot.waitUntil(lambda: heading.font().pointSizeF() > before)
    assert Theme.sizes["font_base"] == 16
    page.close()


def test_modes_apply_and_are_remembered(themed: Any, qapp: Any) -> None:
    themed("light")
    assert theme.saved_theme_mode() is ThemeMode.SYSTEM  # nothing picked yet
    changes: list[bool] = []

    def on_changed() -> None:
        changes.append(Theme.dark)

    theme.theme_notifier().changed.connect(on_changed)
    theme.set_theme_mode(qapp, ThemeMode.DARK)
    assert Theme.dark and Theme.colors is theme.DARK and Theme.mode is ThemeMode.DARK
    assert theme.saved_theme_mode() is ThemeMode.DARK
    # The next start (apply_theme without a mode) takes the remembered one.
    theme.apply_theme(qapp, ThemeMode.LIGHT)
    assert theme.apply_theme(qapp) is ThemeMode.DARK and Theme.dark
    theme.set_theme_mode(qapp, "light")
    assert not Theme.dark and theme.saved_theme_mode() is ThemeMode.LIGHT
    # System follows the desktop (light here), also after Dark was picked.
    theme.set_theme_mode(qapp, ThemeMode.DARK)
    theme.set_theme_mode(qapp, ThemeMode.SYSTEM)
    assert Theme.dark is theme.system_is_dark() and not Theme.dark
    assert changes[:2] == [True, False]
    assert (
        qapp.palette().color(qapp.palette().ColorRole.Window).name().upper() == (theme.LIGHT["bg"])
    )


def test_mode_names_for_the_menu_are_translated(qapp: Any) -> None:
    from livegiving_desktop.ui.common.i18n import install_translators

    assert [theme.theme_mode_label(m) for m in THEME_MODES] == ["System", "Light", "Dark"]
    install_translators(qapp, "fr")
    try:
        assert [theme.theme_mode_label(m) for m in THEME_MODES] == ["Système", "Clair", "Sombre"]
    finally:
        install_translators(qapp, "en")


def test_an_unknown_remembered_mode_means_system(qapp: Any) -> None:
    settings = theme._settings()
    settings.setValue(theme.SETTINGS_KEY, "sepia")
    settings.sync()
    assert theme.saved_theme_mode() is ThemeMode.SYSTEM


def test_the_theme_menu_items_apply_remember_and_check_the_mode(
    qtbot: Any, themed: Any, qapp: Any
) -> None:
    """What View › Theme needs: three checkable items, the remembered one checked."""
    from PySide6.QtWidgets import QMenu

    themed("light")
    theme.set_theme_mode(qapp, ThemeMode.DARK)
    menu = QMenu()
    qtbot.addWidget(menu)
    actions = theme.theme_actions(qapp, menu)
    menu.addActions(actions)
    names = [a.objectName() for a in actions]
    assert names == ["actionThemeSystem", "actionThemeLight", "actionThemeDark"]
    assert [a.text() for a in actions] == ["System", "Light", "Dark"]
    assert [a.isChecked() for a in actions] == [False, False, True]
    actions[1].trigger()
    assert not Theme.dark and theme.saved_theme_mode() is ThemeMode.LIGHT
    assert [a.isChecked() for a in actions] == [False, True, False]
    from livegiving_desktop.ui.common.i18n import install_translators

    install_translators(qapp, "fr")
    try:
        theme.retranslate_theme_actions(actions)
        assert [a.text() for a in actions] == ["Système", "Clair", "Sombre"]
    finally:
        install_translators(qapp, "en")
