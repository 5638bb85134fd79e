"""One theme: a QSS template with variables, light and dark palettes following the system."""

from __future__ import annotations

import tempfile
from pathlib import Path
from string import Template

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from livegiving_desktop.core.resources import read_text
from livegiving_desktop.services import config

DARK = {
    "bg": "#0E1120", "surface": "#161A2E", "surface2": "#1F2441", "input": "#12162A",
    "border": "#2A3052", "text": "#ECEFF8", "muted": "#9AA2BD", "accent": "#FF4F7B",
    "accent_hover": "#FF6A90", "accent2": "#FFB547", "accent_soft": "#3A2340",
    "success": "#2FD39A", "danger": "#FF5D5D", "live": "#FF2E4D", "focus": "#7C9CFF",
    "stage_top": "#2B1B4D", "stage_bottom": "#0B1530",
}  # fmt: skip
LIGHT = {
    "bg": "#F4F5FA", "surface": "#FFFFFF", "surface2": "#EEF0F7", "input": "#FFFFFF",
    "border": "#D9DCE8", "text": "#151829", "muted": "#5B6280", "accent": "#E0335F",
    "accent_hover": "#F04A74", "accent2": "#F59E0B", "accent_soft": "#FBE3EA",
    "success": "#0E9F6E", "danger": "#D92D20", "live": "#E11D3F", "focus": "#3B5BDB",
    "stage_top": "#3B2470", "stage_bottom": "#101C3D",
}  # fmt: skip
SIZES = {"font_base": 10, "font_small": 8, "font_h1": 20, "font_h2": 13, "font_total": 40,
         "font_stat": 18}  # fmt: skip


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    scheme = hints.colorScheme() if hints is not None else Qt.ColorScheme.Unknown
    if scheme == Qt.ColorScheme.Unknown:
        window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
        return window.lightness() < 128
    return scheme == Qt.ColorScheme.Dark


class Theme:
    """The palette in use; widgets that paint themselves read colours from here."""

    dark: bool = True
    colors: dict[str, str] = DARK

    @classmethod
    def color(cls, name: str) -> QColor:
        return QColor(cls.colors[name])


def apply_theme(app: QApplication, dark: bool | None = None) -> None:
    """Apply the light or dark theme (default: follow the system) to the whole app."""
    Theme.dark = system_is_dark() if dark is None else dark
    Theme.colors = DARK if Theme.dark else LIGHT
    app.setStyle("Fusion")
    palette = QPalette()
    c = Theme.colors
    for role, key in (
        (QPalette.ColorRole.Window, "bg"),
        (QPalette.ColorRole.Base, "input"),
        (QPalette.ColorRole.AlternateBase, "surface2"),
        (QPalette.ColorRole.Text, "text"),
        (QPalette.ColorRole.WindowText, "text"),
        (QPalette.ColorRole.ButtonText, "text"),
        (QPalette.ColorRole.Button, "surface2"),
        (QPalette.ColorRole.Highlight, "accent"),
        (QPalette.ColorRole.PlaceholderText, "muted"),
        (QPalette.ColorRole.ToolTipBase, "surface"),
        (QPalette.ColorRole.ToolTipText, "text"),
    ):
        palette.setColor(role, QColor(c[key]))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("white"))
    app.setPalette(palette)
    values = {**c, **{k: str(v) for k, v in SIZES.items()}, **_arrow_images(c["muted"])}
    app.setStyleSheet(Template(read_text("theme", "theme.qss")).substitute(values))


_CHEVRONS = {
    "arrow_down": "M3 6l5 5 5-5",
    "arrow_up": "M3 10l5-5 5 5",
}


def _arrow_images(color: str) -> dict[str, str]:
    """Chevrons for combo boxes and spin boxes in the theme's colour, as SVG files (QSS takes
    images by path), written once per colour to the user data folder."""
    paths: dict[str, str] = {}
    for name, path in _CHEVRONS.items():
        svg = (
            '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16">'
            f'<path d="{path}" fill="none" stroke="{color}" stroke-width="2" '
            'stroke-linecap="round" stroke-linejoin="round"/></svg>'
        )
        file_name = f"{name}-{color.lstrip('#').lower()}.svg"
        for folder in (config.data_dir() / "theme", Path(tempfile.gettempdir()) / "livegiving"):
            target = folder / file_name
            try:
                if not target.exists():
                    folder.mkdir(parents=True, exist_ok=True)
                    _write_atomically(target, svg)
            except OSError:  # a read-only data folder: the temporary folder will do
                continue
            paths[name] = target.as_posix()
            break
        else:
            paths[name] = ""  # no arrow image: Qt draws none, the field still works
    return paths


def _write_atomically(target: Path, text: str) -> None:
    tmp = target.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(target)
