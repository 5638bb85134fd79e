"""Accessibility tests: the theme applied for a test and put back afterwards."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtGui import QFont

from livegiving_desktop.ui import theme


@pytest.fixture
def themed(qapp: Any) -> Iterator[Callable[..., None]]:
    """`themed("dark")` applies a palette (and optionally a system font size) to the app for
    this test; the app's font, palette and stylesheet are put back afterwards."""
    font = QFont(qapp.font())
    sheet, palette = qapp.styleSheet(), qapp.palette()
    saved = (theme.Theme.dark, theme.Theme.mode, theme.Theme.colors, theme.Theme.sizes)

    def apply(mode: str, *, font_pt: float | None = None) -> None:
        if font_pt is not None:
            bigger = QFont(font)
            bigger.setPointSizeF(font_pt)
            qapp.setFont(bigger)
        theme.apply_theme(qapp, mode)

    yield apply
    qapp.setFont(font)
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    theme.Theme.dark, theme.Theme.mode, theme.Theme.colors, theme.Theme.sizes = saved
