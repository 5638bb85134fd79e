"""The composer's canvas (`storyCanvas`): the 1080×1920 Story frame shown scaled, where the
sticker is placed with the mouse or with the keyboard.

Mouse: drag the sticker to move it; the wheel resizes it, Shift+wheel turns it.
Keyboard (the canvas takes focus with Tab and shows a focus ring): the arrows move the sticker
(Shift: farther), + and - resize it, [ and ] turn it (Shift: { and } turn it farther).
The frame keeps its 9:16 shape and shrinks with the dialog on a small screen.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from livegiving_desktop.core.story import (
    FRAME_HEIGHT,
    FRAME_WIDTH,
    SCALE_MAX,
    SCALE_MIN,
    SharedFrame,
    StoryDesign,
)
from livegiving_desktop.services.stories import StoryHeader
from livegiving_desktop.ui.common.accessibility import describe, mark_graphic
from livegiving_desktop.ui.story.render import (
    frame_rect_in,
    frame_texts,
    paint_frame,
    sticker_look,
    sticker_rect,
)
from livegiving_desktop.ui.theme import Theme

PREVIEW_WIDTH = 342  # the preview is 342×608: the frame at 31.7 %
SMALLEST_WIDTH = 225  # on a small screen the frame shrinks to 225×400, no smaller
RING = 4  # the focus ring is drawn around the frame, on the dialog's background
MOVE_STEP, MOVE_STEP_FAR = 0.01, 0.05  # of the frame's width or height
SCALE_STEP = 0.05
TURN_STEP, TURN_STEP_FAR = 5.0, 15.0  # degrees


def paint_focus_ring(painter: QPainter, frame: QRectF) -> None:
    """The theme's focus ring around a painted frame, on the dialog's background outside it
    (the `RING` margin), where it stands at 3:1."""
    painter.setPen(QPen(Theme.color("focus"), 3))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(frame.adjusted(-2.5, -2.5, 2.5, 2.5), 6, 6)


def _frame_height(width: int) -> int:
    return width * FRAME_HEIGHT // FRAME_WIDTH


def _turned(rotation: float, degrees: float) -> float:
    return (rotation + degrees + 180.0) % 360.0 - 180.0


class StoryCanvas(QWidget):
    """The frame, scaled to the widget, and the sticker placed on it (`design`)."""

    designChanged = Signal(object)  # StoryDesign

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("storyCanvas")
        mark_graphic(self, self.tr("Story preview"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(SMALLEST_WIDTH + 2 * RING, _frame_height(SMALLEST_WIDTH) + 2 * RING)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.design = StoryDesign()
        self.frame: SharedFrame | None = None
        self.header: StoryHeader | None = None
        self.money_locale = "en"
        self.background: QImage | None = None
        self._drag_offset: QPointF | None = None
        self._describe()

    def sizeHint(self) -> QSize:
        return QSize(PREVIEW_WIDTH + 2 * RING, _frame_height(PREVIEW_WIDTH) + 2 * RING)

    # -- geometry --------------------------------------------------------------------------

    def frame_rect(self) -> QRectF:
        """Where the frame is painted: the largest 9:16 rectangle inside the ring, centred
        across and at the top."""
        return frame_rect_in(QRectF(self.rect()).adjusted(RING, RING, -RING, -RING))

    def frame_size(self) -> QSize:
        return self.frame_rect().size().toSize()

    def sticker_area(self) -> QRectF:
        """The sticker's rectangle (before its rotation), in the canvas's coordinates."""
        frame = self.frame_rect()
        return sticker_rect(self.design, frame.size().toSize()).translated(frame.topLeft())

    # -- painting --------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        frame = self.frame_rect()
        if self.frame is not None and self.header is not None:
            c, org = self.header.campaign, self.header.organization
            now = time.time_ns() // 1000
            texts = frame_texts(self.frame, c, org, total_minor=self.header.total_minor,
                                locale=self.money_locale, now_us=now)  # fmt: skip
            painter.save()
            painter.translate(frame.topLeft())
            paint_frame(painter, frame.size().toSize(), self.design,
                        sticker_look(c, org, self.money_locale), texts,
                        background=self.background)  # fmt: skip
            painter.restore()
        else:
            painter.fillRect(frame, QColor(Theme.colors["surface2"]))
        if self.hasFocus():
            paint_focus_ring(painter, frame)
        painter.end()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    # -- changing the design ---------------------------------------------------------------

    def _set(self, design: StoryDesign) -> None:
        self.design = design
        self.update()
        self._describe()
        self.designChanged.emit(design)

    def show_design(self, design: StoryDesign) -> None:
        """Show `design` (set from the composer's controls, no signal)."""
        self.design = design
        self.update()
        self._describe()

    def move_sticker(self, dx: float, dy: float) -> None:
        """Move the sticker by a share of the frame's width and height (kept on the frame)."""
        d = self.design
        x = min(1.0, max(0.0, round(d.sticker_x + dx, 4)))
        y = min(1.0, max(0.0, round(d.sticker_y + dy, 4)))
        self._set(d.with_changes(sticker_x=x, sticker_y=y))

    def scale_sticker(self, steps: float) -> None:
        scale = round(self.design.sticker_scale + steps * SCALE_STEP, 2)
        self._set(self.design.with_changes(sticker_scale=min(SCALE_MAX, max(SCALE_MIN, scale))))

    def turn_sticker(self, degrees: float) -> None:
        rotation = _turned(self.design.sticker_rotation, degrees)
        self._set(self.design.with_changes(sticker_rotation=rotation))

    def _describe(self) -> None:
        """Where the sticker is, for a screen reader, and the keys that place it."""
        d = self.design
        where = (
            self.tr("Sticker %1 % across, %2 % down, size %3 %, turned %4°.")
            .replace("%1", str(round(d.sticker_x * 100)))
            .replace("%2", str(round(d.sticker_y * 100)))
            .replace("%3", str(round(d.sticker_scale * 100)))
            .replace("%4", str(round(d.sticker_rotation)))
        )
        keys = self.tr("Arrows move it, plus and minus resize it, brackets turn it.")
        describe(self, f"{where} {keys}")

    # -- the keyboard ----------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        far = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        step = MOVE_STEP_FAR if far else MOVE_STEP
        moves = {
            Qt.Key.Key_Left: (-step, 0.0),
            Qt.Key.Key_Right: (step, 0.0),
            Qt.Key.Key_Up: (0.0, -step),
            Qt.Key.Key_Down: (0.0, step),
        }
        if key in moves:
            self.move_sticker(*moves[key])
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.scale_sticker(1)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.scale_sticker(-1)
        elif key in (Qt.Key.Key_BracketLeft, Qt.Key.Key_BraceLeft):
            self.turn_sticker(-(TURN_STEP_FAR if key == Qt.Key.Key_BraceLeft or far else TURN_STEP))
        elif key in (Qt.Key.Key_BracketRight, Qt.Key.Key_BraceRight):
            self.turn_sticker(TURN_STEP_FAR if key == Qt.Key.Key_BraceRight or far else TURN_STEP)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    # -- the mouse -------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        if event.button() == Qt.MouseButton.LeftButton and self.sticker_area().contains(
            event.position()
        ):
            self._drag_offset = event.position() - self.sticker_area().center()
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag_offset is None:
            return
        frame = self.frame_rect()
        centre = event.position() - self._drag_offset - frame.topLeft()
        x = min(1.0, max(0.0, centre.x() / frame.width()))
        y = min(1.0, max(0.0, centre.y() / frame.height()))
        self._set(self.design.with_changes(sticker_x=x, sticker_y=y))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._drag_offset = None
        self.setCursor(Qt.CursorShape.OpenHandCursor)

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.turn_sticker(steps * TURN_STEP)
        else:
            self.scale_sticker(steps)
        event.accept()
