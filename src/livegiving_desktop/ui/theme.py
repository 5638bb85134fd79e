"""The theme: a QSS template filled from a light or a dark palette, with text sizes relative
to the system font.

Both palettes meet WCAG 2.2 AA: every colour of kind TEXT reads at 4.5:1 or more on every
SURFACE, every LINE (component borders, the focus ring, graphics such as the goal bar) and
every COMPONENT_FILL (the primary button, the selected row) stands at 3:1 or more against
every SURFACE, and the text drawn on a fill (`FILL_TEXT`) reads at 4.5:1 on it.
`tests/a11y/test_contrast.py` computes every pair from these tables and from the stylesheet
itself.

For the View › Theme menu: `theme_actions(app, parent)` gives its three checkable items
(object names `actionThemeSystem`, `actionThemeLight`, `actionThemeDark`), or build them from
`THEME_MODES`, `theme_mode_label(mode)`, `saved_theme_mode()` (the check mark) and
`set_theme_mode(app, mode)` (applied at once and remembered). `theme_notifier().changed` tells
widgets that paint themselves or hold icons to refresh.
"""

from __future__ import annotations

import tempfile
from enum import Enum, StrEnum
from pathlib import Path
from string import Template

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QColor, QFont, QFontInfo, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from livegiving_desktop.core.resources import read_text
from livegiving_desktop.services import config
from livegiving_desktop.ui.settings import THEME, AppSettings


class ThemeMode(StrEnum):
    """What the View › Theme menu offers; the value is what the settings remember."""

    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


THEME_MODES: tuple[ThemeMode, ...] = (ThemeMode.SYSTEM, ThemeMode.LIGHT, ThemeMode.DARK)
SETTINGS_KEY = THEME


class Kind(Enum):
    """What a palette colour is for, which decides the contrast it owes (WCAG 2.2 AA)."""

    SURFACE = "surface"  # a background that text and controls sit on
    TEXT = "text"  # text: 4.5:1 on every surface
    LINE = "line"  # component borders, the focus ring, graphics: 3:1 on every surface
    COMPONENT_FILL = "component fill"  # a filled control or state: 3:1 on every surface
    FILL = "fill"  # a filled badge or a hover state: only its text is owed 4.5:1
    ON_FILL = "on fill"  # the text drawn on a fill (FILL_TEXT says which)
    STAGE = "stage"  # the simulated broadcast, dark in both themes
    DISABLED = "disabled"  # inactive controls: exempt (WCAG 1.4.3), drawn distinctly
    DECORATIVE = "decorative"  # card edges, dividers: not needed to identify anything


KINDS: dict[str, Kind] = {
    "bg": Kind.SURFACE,
    "surface": Kind.SURFACE,
    "surface2": Kind.SURFACE,  # raised: secondary buttons, hovered rows, tracks
    "input": Kind.SURFACE,
    "accent_soft": Kind.SURFACE,  # a tint: checked segments, hovered menu items
    "text": Kind.TEXT,
    "muted": Kind.TEXT,
    "accent": Kind.TEXT,  # amounts, links, flags
    "accent2": Kind.TEXT,  # warnings ("Held")
    "success": Kind.TEXT,
    "danger": Kind.TEXT,
    "control_border": Kind.LINE,
    "focus": Kind.LINE,
    "progress_start": Kind.LINE,
    "progress_end": Kind.LINE,
    "accent_fill": Kind.COMPONENT_FILL,  # primary buttons, checked boxes, slider handles
    "selection": Kind.COMPONENT_FILL,  # selected rows and menu items
    "accent_fill_hover": Kind.FILL,
    "danger_fill": Kind.FILL,  # a danger button under the mouse
    "live": Kind.FILL,  # the LIVE badge
    "on_accent": Kind.ON_FILL,
    "on_selection": Kind.ON_FILL,
    "on_danger": Kind.ON_FILL,
    "on_live": Kind.ON_FILL,
    "stage_top": Kind.STAGE,
    "stage_bottom": Kind.STAGE,
    "stage_success": Kind.STAGE,  # the thank-you banner on the stage
    "stage_warning": Kind.STAGE,  # a notice banner on the stage
    "on_stage_banner": Kind.STAGE,
    "disabled_text": Kind.DISABLED,
    "disabled_bg": Kind.DISABLED,
    "disabled_border": Kind.DISABLED,
    "border": Kind.DECORATIVE,
}

FILL_TEXT: dict[str, str] = {
    "accent_fill": "on_accent",
    "accent_fill_hover": "on_accent",
    "selection": "on_selection",
    "danger_fill": "on_danger",
    "live": "on_live",
    "stage_success": "on_stage_banner",
    "stage_warning": "on_stage_banner",
}

LIGHT: dict[str, str] = {
    "bg": "#F4F5FA", "surface": "#FFFFFF", "surface2": "#EEF0F7", "input": "#FFFFFF",
    "accent_soft": "#FBE3EA",
    "text": "#151829", "muted": "#565D7A", "accent": "#C2185B", "accent2": "#964B00",
    "success": "#0A7350", "danger": "#C0261A",
    "control_border": "#6F7691", "focus": "#3451D1",
    "progress_start": "#C2185B", "progress_end": "#B8450F",
    "accent_fill": "#C2185B", "accent_fill_hover": "#A3134C", "on_accent": "#FFFFFF",
    "selection": "#3451D1", "on_selection": "#FFFFFF",
    "danger_fill": "#C0261A", "on_danger": "#FFFFFF",
    "live": "#C8102E", "on_live": "#FFFFFF",
    "stage_top": "#3B2470", "stage_bottom": "#101C3D",
    "stage_success": "#2FD39A", "stage_warning": "#FFB547", "on_stage_banner": "#0B0E1A",
    "disabled_text": "#8D93A8", "disabled_bg": "#F4F5FA", "disabled_border": "#B4B9CA",
    "border": "#D9DCE8",
}  # fmt: skip
DARK: dict[str, str] = {
    "bg": "#0E1120", "surface": "#161A2E", "surface2": "#1F2441", "input": "#12162A",
    "accent_soft": "#331F3D",
    "text": "#ECEFF8", "muted": "#A3AAC4", "accent": "#FF6E91", "accent2": "#FFB547",
    "success": "#2FD39A", "danger": "#FF6B6B",
    "control_border": "#737B9E", "focus": "#8FA8FF",
    "progress_start": "#FF6E91", "progress_end": "#FFB547",
    "accent_fill": "#D33167", "accent_fill_hover": "#BF2A5C", "on_accent": "#FFFFFF",
    "selection": "#5768DB", "on_selection": "#FFFFFF",
    "danger_fill": "#D32F2F", "on_danger": "#FFFFFF",
    "live": "#E0243F", "on_live": "#FFFFFF",
    "stage_top": "#2B1B4D", "stage_bottom": "#0B1530",
    "stage_success": "#2FD39A", "stage_warning": "#FFB547", "on_stage_banner": "#0B0E1A",
    "disabled_text": "#5F6685", "disabled_bg": "#161A2E", "disabled_border": "#3A4066",
    "border": "#2A3052",
}  # fmt: skip
PALETTES: dict[bool, dict[str, str]] = {False: LIGHT, True: DARK}

# Text sizes in points for a 10 pt system font. Body sizes scale with the system font;
# headings and figures (above 13 pt) grow by 1.5 pt per point of it, so that a large system
# font enlarges them without pushing them out of their cards.
REFERENCE_BASE_PT = 10.0
REFERENCE_SIZES: dict[str, float] = {
    "font_small": 8.5,
    "font_h2": 13.0,
    "font_h1": 20.0,
    "font_stat": 18.0,
    "font_total": 40.0,
}
_DISPLAY_FROM_PT = 13.0
_DISPLAY_GROWTH = 1.5


def font_sizes(base_pt: float) -> dict[str, float]:
    """The theme's text sizes (points) for a system font of `base_pt` points."""
    sizes = {"font_base": base_pt}
    factor = base_pt / REFERENCE_BASE_PT
    for name, reference in REFERENCE_SIZES.items():
        if reference <= _DISPLAY_FROM_PT:
            sizes[name] = round(reference * factor, 1)
        else:
            sizes[name] = round(max(reference * min(factor, 1.0),
                                    reference + (base_pt - REFERENCE_BASE_PT) * _DISPLAY_GROWTH),
                                1)  # fmt: skip
    return sizes


# -- contrast (WCAG 2.2 relative luminance) --------------------------------------------------


def relative_luminance(color: str | QColor) -> float:
    """WCAG relative luminance of an opaque colour (0 black … 1 white)."""
    c = QColor(color)

    def linear(channel: int) -> float:
        v = channel / 255
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(c.red()) + 0.7152 * linear(c.green()) + 0.0722 * linear(c.blue())


def contrast_ratio(a: str | QColor, b: str | QColor) -> float:
    """WCAG contrast ratio of two opaque colours (1 … 21)."""
    la, lb = relative_luminance(a), relative_luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


# -- the palette in use ----------------------------------------------------------------------


_system_palette_dark: bool | None = None  # the desktop's palette, read before ours replaces it


def _remember_system_palette() -> bool:
    """Whether the desktop's palette is dark, read once, before the first theme replaces it."""
    global _system_palette_dark  # noqa: PLW0603 - read once, before the first theme
    if _system_palette_dark is None:
        window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
        _system_palette_dark = window.lightness() < 128
    return _system_palette_dark


def system_is_dark() -> bool:
    """Whether the desktop is dark: its colour scheme, else its palette as it was before the
    theme replaced the application's palette (so that System still means the system after
    Light or Dark was picked)."""
    # Asking for the colour scheme builds the Qt namespace's enums (~20 to 50 ms): never
    # before the window's first frame (`remembered_system_dark`).
    from PySide6.QtCore import Qt

    hints = QGuiApplication.styleHints()
    scheme = hints.colorScheme() if hints is not None else Qt.ColorScheme.Unknown
    palette_dark = _remember_system_palette()
    if scheme != Qt.ColorScheme.Unknown:
        return scheme == Qt.ColorScheme.Dark
    return palette_dark


# Whether the desktop was dark when last asked: the window's first frame takes its colours
# from it, the desktop is asked once that frame is on screen (`follow_the_system`).
SYSTEM_DARK_KEY = "themeSystemDark"


def remembered_system_dark() -> bool | None:
    """The desktop's darkness as last seen (None before it was ever seen)."""
    return {"dark": True, "light": False}.get(str(_settings().value(SYSTEM_DARK_KEY)))


def follow_the_system(app: QApplication) -> None:
    """After the first frame (painted with `remembered_system_dark`): the desktop asked, its
    answer remembered, and the theme applied again if System now means the other one."""
    dark = system_is_dark()
    if remembered_system_dark() is not dark:
        _settings().setValue(SYSTEM_DARK_KEY, "dark" if dark else "light")
    if Theme.mode is ThemeMode.SYSTEM and Theme.dark is not dark:
        apply_theme(app, Theme.mode, system_dark=dark)


class Theme:
    """The palette in use; widgets that paint themselves read colours from here."""

    dark: bool = True
    mode: ThemeMode = ThemeMode.SYSTEM
    colors: dict[str, str] = DARK
    sizes: dict[str, float] = font_sizes(REFERENCE_BASE_PT)

    @classmethod
    def color(cls, name: str) -> QColor:
        return QColor(cls.colors[name])


class ThemeNotifier(QObject):
    """Emits `changed` after a theme has been applied (painted widgets and icons refresh)."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.follows_font = False

    @Slot(QFont)
    def on_app_font_changed(self, _font: QFont) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, Theme.mode)


_notifier: ThemeNotifier | None = None


def theme_notifier() -> ThemeNotifier:
    global _notifier  # noqa: PLW0603 - one notifier for the application
    if _notifier is None:
        _notifier = ThemeNotifier()
    return _notifier


# -- modes and what is remembered ------------------------------------------------------------


def theme_mode_label(mode: ThemeMode) -> str:
    """The menu text of a mode, in the UI's language."""
    return {
        ThemeMode.SYSTEM: QCoreApplication.translate("Theme", "System"),
        ThemeMode.LIGHT: QCoreApplication.translate("Theme", "Light"),
        ThemeMode.DARK: QCoreApplication.translate("Theme", "Dark"),
    }[mode]


def _settings() -> QSettings:
    return AppSettings().store


def saved_theme_mode() -> ThemeMode:
    """The mode picked in View › Theme (System until one is picked)."""
    value = _settings().value(SETTINGS_KEY)
    try:
        return ThemeMode(str(value))
    except ValueError:
        return ThemeMode.SYSTEM


def set_theme_mode(app: QApplication, mode: ThemeMode | str) -> None:
    """Apply `mode` now and remember it for the next start."""
    chosen = ThemeMode(mode)
    settings = _settings()
    settings.setValue(SETTINGS_KEY, chosen.value)
    settings.sync()
    apply_theme(app, chosen)


ACTION_NAMES: dict[ThemeMode, str] = {
    ThemeMode.SYSTEM: "actionThemeSystem",
    ThemeMode.LIGHT: "actionThemeLight",
    ThemeMode.DARK: "actionThemeDark",
}


def theme_actions(app: QApplication, parent: QObject) -> list[QAction]:
    """The View › Theme items: System, Light, Dark, one checked (the remembered mode); picking
    one applies and remembers it. Call `retranslate_theme_actions` on a language change."""
    group = QActionGroup(parent)
    group.setExclusive(True)
    actions = []
    current = saved_theme_mode()
    for mode in THEME_MODES:
        action = QAction(theme_mode_label(mode), group)
        action.setObjectName(ACTION_NAMES[mode])
        action.setCheckable(True)
        action.setChecked(mode is current)
        action.setData(mode.value)
        action.triggered.connect(lambda _checked=False, m=mode: set_theme_mode(app, m))
        actions.append(action)
    return actions


def retranslate_theme_actions(actions: list[QAction]) -> None:
    for action in actions:
        action.setText(theme_mode_label(ThemeMode(str(action.data()))))


# -- applying --------------------------------------------------------------------------------


def system_font_pt(app: QApplication) -> float:
    """The size of the application's (the desktop's) font in points."""
    font: QFont = app.font()
    size = font.pointSizeF()
    return size if size > 0 else QFontInfo(font).pointSizeF()


FUSION_AT_START = "livegivingFusionAtStart"  # QApplication property (app.create_application)


def apply_theme(
    app: QApplication,
    mode: ThemeMode | str | None = None,
    *,
    base_pt: float | None = None,
    system_dark: bool | None = None,
) -> ThemeMode:
    """Apply the theme of `mode` (None: the remembered one) to the whole app, its text sizes
    following the system font (`base_pt` overrides it). Returns the mode applied. Safe to
    call again: when the system's colour scheme or font changes, or another mode is picked.
    `system_dark`: whether the desktop is dark, as remembered (the first frame), instead of
    asking it."""
    chosen = saved_theme_mode() if mode is None else ThemeMode(mode)
    # Read first: the desktop's palette is about to be replaced.
    if system_dark is None:
        system_dark = system_is_dark()
    else:
        _remember_system_palette()
    dark = system_dark if chosen is ThemeMode.SYSTEM else chosen is ThemeMode.DARK
    Theme.mode, Theme.dark = chosen, dark
    Theme.colors = PALETTES[dark]
    Theme.sizes = font_sizes(system_font_pt(app) if base_pt is None else base_pt)
    if app.property(FUSION_AT_START):
        # Chosen on QApplication's command line (app.create_application): Qt made it in C++;
        # asking for it here would build its Python wrapper, ~6 ms before the first paint.
        app.setProperty(FUSION_AT_START, False)  # a later call (a new theme) sets it again
    else:
        app.setStyle("Fusion")
    app.setPalette(build_palette(Theme.colors))
    app.setStyleSheet(render_stylesheet(Theme.colors, Theme.sizes))
    notifier = theme_notifier()
    if base_pt is None and not notifier.follows_font:
        # The desktop's font changed while the app runs: the sizes follow it.
        notifier.follows_font = True
        app.fontChanged.connect(notifier.on_app_font_changed)
    notifier.changed.emit()
    return chosen


def build_palette(c: dict[str, str]) -> QPalette:
    """The QPalette of a theme, with a disabled group of its own (drawn dimmed)."""
    palette = QPalette()
    for role, key in (
        (QPalette.ColorRole.Window, "bg"),
        (QPalette.ColorRole.Base, "input"),
        (QPalette.ColorRole.AlternateBase, "surface2"),
        (QPalette.ColorRole.Text, "text"),
        (QPalette.ColorRole.WindowText, "text"),
        (QPalette.ColorRole.ButtonText, "text"),
        (QPalette.ColorRole.Button, "surface2"),
        (QPalette.ColorRole.Highlight, "selection"),
        (QPalette.ColorRole.HighlightedText, "on_selection"),
        (QPalette.ColorRole.PlaceholderText, "muted"),
        (QPalette.ColorRole.ToolTipBase, "surface"),
        (QPalette.ColorRole.ToolTipText, "text"),
        (QPalette.ColorRole.Link, "accent"),
        (QPalette.ColorRole.LinkVisited, "accent"),
        (QPalette.ColorRole.BrightText, "on_accent"),
        (QPalette.ColorRole.Accent, "accent_fill"),
        # Fusion draws frames and indicators that QSS leaves alone with these.
        (QPalette.ColorRole.Mid, "control_border"),
        (QPalette.ColorRole.Dark, "control_border"),
        (QPalette.ColorRole.Shadow, "control_border"),
        (QPalette.ColorRole.Light, "surface"),
        (QPalette.ColorRole.Midlight, "surface2"),
    ):
        palette.setColor(role, QColor(c[key]))
    disabled = QPalette.ColorGroup.Disabled
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.PlaceholderText,
        QPalette.ColorRole.HighlightedText,
    ):
        palette.setColor(disabled, role, QColor(c["disabled_text"]))
    palette.setColor(disabled, QPalette.ColorRole.Button, QColor(c["disabled_bg"]))
    palette.setColor(disabled, QPalette.ColorRole.Base, QColor(c["disabled_bg"]))
    palette.setColor(disabled, QPalette.ColorRole.Highlight, QColor(c["disabled_border"]))
    return palette


def render_stylesheet(c: dict[str, str], sizes: dict[str, float]) -> str:
    """The application stylesheet for a palette and text sizes."""
    values = {
        **c,
        **{k: f"{v:g}" for k, v in sizes.items()},
        **_images(c),
    }
    return Template(read_text("theme", "theme.qss")).substitute(values)


# -- images QSS takes by path ----------------------------------------------------------------

_STROKES = {
    "arrow_down": ("M3 6l5 5 5-5", "muted"),
    "arrow_up": ("M3 10l5-5 5 5", "muted"),
    "check": ("M3.5 8.5l3 3 6-7", "on_accent"),
    "check_disabled": ("M3.5 8.5l3 3 6-7", "disabled_text"),
    "menu_check": ("M3.5 8.5l3 3 6-7", "text"),
    "menu_check_selected": ("M3.5 8.5l3 3 6-7", "on_selection"),
}
_DOTS = {"menu_dot": "text", "menu_dot_selected": "on_selection", "radio_dot": "on_accent"}


def _images(c: dict[str, str]) -> dict[str, str]:
    """Chevrons, check marks and radio dots in the palette's colours, as SVG files (QSS takes
    images by path), written once per colour to the user data folder."""
    paths: dict[str, str] = {}
    for name, (path, key) in _STROKES.items():
        svg = (
            f'<path d="{path}" fill="none" stroke="{c[key]}" stroke-width="2" '
            'stroke-linecap="round" stroke-linejoin="round"/>'
        )
        paths[name] = _svg_file(name, c[key], svg)
    for name, key in _DOTS.items():
        paths[name] = _svg_file(name, c[key], f'<circle cx="8" cy="8" r="3.5" fill="{c[key]}"/>')
    return paths


def _svg_file(name: str, color: str, body: str) -> str:
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16">'
        f"{body}</svg>"
    )
    file_name = f"{name}-{color.lstrip('#').lower()}.svg"
    for folder in (config.data_dir() / "theme", Path(tempfile.gettempdir()) / "livegiving"):
        target = folder / file_name
        try:
            if not target.exists() or target.read_text(encoding="utf-8") != svg:
                folder.mkdir(parents=True, exist_ok=True)
                _write_atomically(target, svg)
        except OSError:  # a read-only data folder: the temporary folder will do
            continue
        return target.as_posix()
    return ""  # no image: Qt draws none, the control still works


def _write_atomically(target: Path, text: str) -> None:
    tmp = target.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(target)
