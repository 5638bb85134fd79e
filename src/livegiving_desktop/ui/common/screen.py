"""A window's size on its screen: light enough for the window's first frame (issue 19)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# Room for a window's title bar and a desktop panel that the platform may not report.
WINDOW_CHROME = 80


def fit_to_screen(window: QWidget, preferred: QSize | None = None) -> None:
    """Size a window to `preferred` (its size hint by default) within the work area of its
    screen, so that a dialog never opens taller than a 1366×768 laptop or a screen at 150 %."""
    anchor = window.parentWidget() or window
    screen = anchor.screen() or QGuiApplication.primaryScreen()
    wanted = (preferred or window.sizeHint()).expandedTo(window.minimumSizeHint())
    area = screen.availableGeometry()
    window.resize(
        min(wanted.width(), area.width()), min(wanted.height(), area.height() - WINDOW_CHROME)
    )
