"""French headings in small capitals keep their accents: "MONTANT RÉCOLTÉ", not "MONTANT
RECOLTE". An accent on a capital rises above the font's ascent, and a heading laid out at its
own height clipped it away (seen in the live view at 1366x768 and in docs/screenshots)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from livegiving_desktop.ui.common.widgets import label
from livegiving_desktop.ui.theme import apply_theme


def _first_inked_row(qtbot: QtBot, text: str) -> int:
    """The first row of the heading, laid out as tight as a layout may make it, where its text
    is drawn."""
    heading = label(text, "eyebrow")
    qtbot.addWidget(heading)
    heading.ensurePolished()
    heading.resize(heading.sizeHint())
    image = heading.grab().toImage()
    paper = image.pixelColor(image.width() - 1, image.height() - 1).lightness()
    for y in range(image.height()):
        if any(abs(image.pixelColor(x, y).lightness() - paper) > 60 for x in range(image.width())):
            return y
    raise AssertionError(f"{text!r} drew nothing")


@pytest.mark.parametrize("base_pt", [7.0, 9.0, 12.0, 16.0])
def test_accents_on_small_capitals_are_drawn_whole(qtbot: QtBot, base_pt: float) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, "light", base_pt=base_pt)
    try:
        accented = _first_inked_row(qtbot, "ÉÈÊË")
        assert accented > 0, "the accents touch the heading's top edge: they are cut off"
        assert accented < _first_inked_row(qtbot, "EEEE")  # and they are drawn above the E
    finally:
        apply_theme(app)  # the theme the other tests run with
