"""Donors' words in Arabic or Hebrew, painted by the feed's rows and the top donors: laid out
right to left, as their readers write them (a painter lays text out left to right unless told:
`ليلى ا.` ended with its full stop on the right), and still at the left where the row's other
texts start."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetrics

from livegiving_desktop.ui.common.widgets import draw_donor_text


class _Painter:
    """What a painter is told: the box and the flags of each text."""

    def __init__(self) -> None:
        self.calls: list[tuple[QRectF, int, str]] = []

    def drawText(self, rect: QRectF, flags: Any, text: str) -> None:  # Qt's name
        self.calls.append((QRectF(rect), int(flags), text))


def test_right_to_left_words_are_laid_out_so_at_the_left_of_their_box(qapp: Any) -> None:
    metrics = QFontMetrics(QFont())
    box = QRectF(40, 10, 300, 20)
    forced = int(Qt.TextFlag.TextForceRightToLeft)
    for text in ("ليلى ا.", "שלום כהן", "شكرا لكم جميعا!"):
        painter = _Painter()
        draw_donor_text(painter, box, text, metrics)  # type: ignore[arg-type]
        ((rect, flags, drawn),) = painter.calls
        assert drawn == text and flags & forced
        assert rect.left() == box.left() and rect.width() < box.width()  # its own width, left
        assert rect.width() >= metrics.horizontalAdvance(text)
    for text in ("Zoë Martin", "Bravo ليلى", "123"):
        painter = _Painter()
        draw_donor_text(painter, box, text, metrics)  # type: ignore[arg-type]
        ((rect, flags, drawn),) = painter.calls
        assert not flags & forced and rect == box
