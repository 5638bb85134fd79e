"""Each writing system a donor may use, shaped once in each font a live view writes names and
messages in, before the first such name arrives.

The first text of a script in a font loads a fallback font and its shaping tables on the UI
thread: 16 ms for a Devanagari name in the feed's bold font, 9 ms more in each other size, 7 ms
for Thai (this machine). In the middle of a burst that was the longest hitch left: a 5 ms
heartbeat 18 ms late, once per script and font (issue 19). `ScriptWarmer` pays it when a live
view opens instead, one script in one font per turn of the event loop, and never twice for a
font in a process. Measuring a text (QFontMetrics) loads what painting it needs, but for the
glyphs themselves (well under a millisecond).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtGui import QFont, QFontMetrics

# One word per script the audience's names and messages use, and those donors commonly write
# in: Latin with its accents, Greek, Cyrillic, Arabic, Hebrew, Devanagari, Bengali, Thai,
# Hangul, Han, kana, and emoji (a flag is two regional letters).
SAMPLES = (
    "Łódź Ñandú Ærøskøbing Şişli Đặng",
    "Γιώργος",
    "Жанна",
    "فاطمة",
    "שלום",
    "राहुल",
    "বাংলা",
    "สวัสดี",
    "고지아",
    "李杰",
    "佐藤はると",
    "🎉💪❤️☕🙏🇧🇪",
)

_warmed: set[str] = set()  # QFont.key() of the fonts already warmed in this process


def warmed(font: QFont) -> bool:
    """Whether every sample was shaped in this font (in this process)."""
    return font.key() in _warmed


class ScriptWarmer(QObject):
    """`warm(fonts)` shapes SAMPLES in each of them, a (font, sample) pair per 0 ms timer tick
    on the thread this object lives in (the UI thread: fonts are cached per thread)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._todo: list[tuple[QFont, str]] = []  # each font's samples in a row, SAMPLES' order
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)

    def warm(self, fonts: Iterable[QFont]) -> None:
        waiting = {font.key() for font, _ in self._todo}
        for font in fonts:
            key = font.key()
            if key in _warmed or key in waiting:
                continue
            waiting.add(key)
            copy = QFont(font)
            self._todo.extend((copy, sample) for sample in SAMPLES)
        if self._todo and not self._timer.isActive():
            self._timer.start()

    def pending(self) -> bool:
        return bool(self._todo)

    @Slot()
    def _step(self) -> None:
        if self._todo:
            font, sample = self._todo.pop(0)
            QFontMetrics(font).horizontalAdvance(sample)
            if sample == SAMPLES[-1]:  # its last sample: this font is warm
                _warmed.add(font.key())
        if not self._todo:
            self._timer.stop()
