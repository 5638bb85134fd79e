"""The shared Story player (`sharedStoryPreview`), played as a phone plays a Story: a
segmented progress bar on top, about five seconds a frame, a click on the right half for the
next frame and on the left half for the previous one, hold the mouse or press Space to pause.

Frames are loaded and rendered lazily: only the current frame and its neighbours are read from
the database and painted, with a small LRU cache, so a Story of 10,000 frames opens at once.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QObject, QRectF, QSize, Qt, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QImage,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QProgressBar,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from livegiving_desktop.core.errors import LiveGivingError
from livegiving_desktop.core.story import SharedFrame
from livegiving_desktop.services.stories import SharedStory, StoryService
from livegiving_desktop.ui.common.error_text import user_message
from livegiving_desktop.ui.common.runner import DbRunner, spawn
from livegiving_desktop.ui.common.screen import fit_to_screen
from livegiving_desktop.ui.common.widgets import button, label, themed_icon, timer
from livegiving_desktop.ui.story.canvas import RING, paint_focus_ring
from livegiving_desktop.ui.story.render import (
    FRAME_MS,
    HOLD_MS,
    SEGMENTS_SHOWN,
    TICK_MS,
    StoryExport,
    decode_image,
    export_story,
    frame_rect_in,
    frame_texts,
    render_frame,
    sticker_look,
)
from livegiving_desktop.ui.theme import Theme

VIEW_SIZE = QSize(360, 640)  # the phone screen, when the screen has room for it
VIEW_SMALLEST = QSize(225, 400)
FRAMES_CACHED = 5  # loaded frames kept (current ±1 and a little history)
IMAGES_CACHED = 3  # rendered frames kept


class StoryView(QWidget):
    """The phone screen: the current frame, scaled, with the progress bar painted on top."""

    clickedSide = Signal(bool)  # True: the right half (next)
    holdChanged = Signal(bool)  # True while the mouse is held down (paused)

    def __init__(self, player: SharedStoryPlayer) -> None:
        super().__init__(player)
        self.player = player
        self.setObjectName("storyView")
        self.setAccessibleName(self.tr("Shared Story"))
        # 360×640 when the screen allows, smaller on a short one; the frame keeps its shape.
        self.setMinimumSize(VIEW_SMALLEST.width() + 2 * RING, VIEW_SMALLEST.height() + 2 * RING)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._hold = timer(self, HOLD_MS, single_shot=True)
        self._hold.timeout.connect(self._on_hold_timeout)
        self._held = False

    def sizeHint(self) -> QSize:
        return QSize(VIEW_SIZE.width() + 2 * RING, VIEW_SIZE.height() + 2 * RING)

    def frame_rect(self) -> QRectF:
        return frame_rect_in(QRectF(self.rect()).adjusted(RING, RING, -RING, -RING))

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        frame = self.frame_rect()
        image = self.player.current_image(frame.size().toSize())
        if image is not None:
            p.drawImage(frame, image)
        else:
            p.fillRect(frame, QColor(Theme.colors["stage_bottom"]))
            p.setPen(QColor("white"))  # on the stage's dark colour, in both themes
            p.drawText(frame, Qt.AlignmentFlag.AlignCenter, self.player.empty_text())
        p.save()
        p.translate(frame.topLeft())
        self._paint_progress(p, frame.width())
        p.restore()
        if self.hasFocus():
            paint_focus_ring(p, frame)
        p.end()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def _paint_progress(self, p: QPainter, frame_width: float) -> None:
        count = self.player.frame_count()
        if count == 0:
            return
        index = self.player.index
        first = 0
        shown = count
        if count > SEGMENTS_SHOWN:
            first = min(max(0, index - SEGMENTS_SHOWN // 2), count - SEGMENTS_SHOWN)
            shown = SEGMENTS_SHOWN
        margin, gap, height = 8.0, 3.0, 3.0
        width = (frame_width - 2 * margin - gap * (shown - 1)) / shown
        p.setPen(Qt.PenStyle.NoPen)
        for n in range(shown):
            frame = first + n
            x = margin + n * (width + gap)
            bar = QRectF(x, 8, width, height)
            p.setBrush(QColor(255, 255, 255, 90))
            p.drawRoundedRect(bar, 1.5, 1.5)
            done = 1.0 if frame < index else self.player.progress() if frame == index else 0.0
            if done > 0:
                p.setBrush(QColor("white"))
                p.drawRoundedRect(QRectF(x, 8, width * done, height), 1.5, 1.5)
        if count > SEGMENTS_SHOWN:
            font = QFont(self.font())
            font.setPointSizeF(font.pointSizeF() * 0.85)
            p.setFont(font)
            p.setPen(QColor(255, 255, 255, 220))
            p.drawText(QRectF(0, 14, frame_width - margin, 18),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                       f"{index + 1:,} / {count:,}".replace(",", "\u202f"))  # fmt: skip

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._held = False
            self._hold.start()
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        self._hold.stop()
        if self._held:
            self._held = False
            self.holdChanged.emit(False)
        else:
            self.clickedSide.emit(event.position().x() >= self.frame_rect().center().x())
        event.accept()

    @Slot()
    def _on_hold_timeout(self) -> None:
        self._held = True
        self.holdChanged.emit(True)


class SharedStoryPlayer(QDialog):
    """The campaign's shared Story. Frames come from `service` through the database thread."""

    frameShown = Signal(int)  # the index shown
    exported = Signal(object)  # StoryExport

    def __init__(
        self,
        runner: DbRunner,
        service: StoryService,
        story: SharedStory,
        locale: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sharedStoryPreview")
        self.setAccessibleName(self.tr("Shared Story"))
        self.setWindowTitle(self.tr("Shared Story — %1").replace("%1", story.header.campaign.title))
        self.runner, self.service, self.story, self.money_locale = runner, service, story, locale
        self.index = 0
        self.paused = False
        self._held = False
        self._elapsed_ms = 0  # of the current frame, before the running stretch
        self._clock = QElapsedTimer()
        self._frames: OrderedDict[int, tuple[SharedFrame, QImage | None]] = OrderedDict()
        self._images: OrderedDict[tuple[int, int, int], QImage] = OrderedDict()
        self._loading: set[int] = set()
        self._look = sticker_look(story.header.campaign, story.header.organization, locale)
        self._build()
        self._tick = timer(self, TICK_MS)
        self._tick.timeout.connect(self._on_tick_timeout)
        self.show_index(0)
        self._tick.start()
        self._clock.start()
        fit_to_screen(self)

    def _build(self) -> None:
        self.view = StoryView(self)
        self.view.clickedSide.connect(self._on_view_clicked_side)
        self.view.holdChanged.connect(self._on_view_hold_changed)
        self.previous = button(self.tr("Previous"), "storyPrevious", "mdi6.chevron-left")
        self.previous.clicked.connect(self._on_previous_clicked)
        self.next = button(self.tr("Next"), "storyNext", "mdi6.chevron-right")
        self.next.clicked.connect(self._on_next_clicked)
        self.pause_button = button(self.tr("Pause"), "storyPause", "mdi6.pause")
        self.pause_button.clicked.connect(self.toggle_pause)
        self.export = button(self.tr("Export…"), "exportStory", "mdi6.export")
        self.export.setToolTip(self.tr("Write sticker.png and every frame as PNG files"))
        self.export.clicked.connect(self._on_export_clicked)
        self.export_progress = QProgressBar()
        self.export_progress.setObjectName("storyExportProgress")
        self.export_progress.setAccessibleName(self.tr("Export progress"))
        self.export_progress.setVisible(False)
        self.export_status = label("", "muted", wrap=True)
        self.export_status.setObjectName("storyExportStatus")
        self.count_label = label("", "muted")
        self.count_label.setObjectName("storyFrameCount")
        controls = QHBoxLayout()
        controls.addWidget(self.previous)
        controls.addWidget(self.pause_button)
        controls.addWidget(self.next)
        footer = QHBoxLayout()
        footer.addWidget(self.count_label, 1)
        footer.addWidget(self.export)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 18, 18, 14)
        layout.setSpacing(10)
        layout.addWidget(self.view, 1, Qt.AlignmentFlag.AlignHCenter)
        layout.addLayout(controls)
        layout.addLayout(footer)
        layout.addWidget(self.export_progress)
        layout.addWidget(self.export_status)
        count = f"{self.frame_count():,}".replace(",", "\u202f")
        self.count_label.setText(self.tr("Frames: %1").replace("%1", count))
        hint = self.tr("Click right: next · left: previous · hold or Space: pause")
        self.view.setToolTip(hint)
        # A window shortcut, so that Space pauses even when a button has the focus.
        self.space = QShortcut(QKeySequence(Qt.Key.Key_Space), self)
        self.space.setAutoRepeat(False)
        self.space.activated.connect(self.toggle_pause)

    # -- state -----------------------------------------------------------------------------

    def frame_count(self) -> int:
        return len(self.story.refs)

    def empty_text(self) -> str:
        if not self.story.refs:
            return self.tr("No Story shared yet")
        return self.tr("Loading…")

    def progress(self) -> float:
        return min(1.0, self.elapsed_ms() / FRAME_MS)

    def elapsed_ms(self) -> int:
        running = 0 if self.is_paused() else self._clock.elapsed()
        return self._elapsed_ms + running

    def is_paused(self) -> bool:
        return self.paused or self._held

    def current_frame_id(self) -> int | None:
        return self.story.refs[self.index].frame_id if self.story.refs else None

    def show_index(self, index: int) -> None:
        count = self.frame_count()
        self.index = index % count if count else 0
        self._elapsed_ms = 0
        self._clock.restart()
        self._request_frames()
        self.view.update()
        self.frameShown.emit(self.index)

    def _request_frames(self) -> None:
        count = self.frame_count()
        if not count:
            return
        for offset in (0, 1, -1):
            ref = self.story.refs[(self.index + offset) % count]
            if ref.frame_id not in self._frames and ref.frame_id not in self._loading:
                self._loading.add(ref.frame_id)
                spawn(self._load(ref.frame_id), self._report)

    async def _load(self, frame_id: int) -> None:
        try:
            frame = await self.runner.call(self.service.frame, self.story.header.campaign, frame_id)
        finally:
            self._loading.discard(frame_id)
        self._frames[frame_id] = (frame, decode_image(frame.background_image))
        while len(self._frames) > FRAMES_CACHED:
            self._frames.popitem(last=False)
        if frame_id == self.current_frame_id():
            self.view.update()

    def is_loaded(self, frame_id: int) -> bool:
        return frame_id in self._frames

    def current_image(self, size: QSize) -> QImage | None:
        """The current frame rendered at `size` (device pixels), from the cache if it can."""
        frame_id = self.current_frame_id()
        if frame_id is None or frame_id not in self._frames:
            return None
        self._frames.move_to_end(frame_id)
        ratio = self.devicePixelRatioF()
        pixels = QSize(round(size.width() * ratio), round(size.height() * ratio))
        key = (frame_id, pixels.width(), pixels.height())
        image = self._images.get(key)
        if image is None:
            frame, background = self._frames[frame_id]
            h = self.story.header
            now = time.time_ns() // 1000
            texts = frame_texts(frame, h.campaign, h.organization, total_minor=h.total_minor,
                                locale=self.money_locale, now_us=now)  # fmt: skip
            image = render_frame(frame.design, self._look, texts, background, pixels)
            image.setDevicePixelRatio(ratio)
            self._images[key] = image
            while len(self._images) > IMAGES_CACHED:
                self._images.popitem(last=False)
        else:
            self._images.move_to_end(key)
        return image

    # -- playing ---------------------------------------------------------------------------

    @Slot()
    def _on_tick_timeout(self) -> None:
        due = self.frame_count() and not self.is_paused() and self.elapsed_ms() >= FRAME_MS
        if due and self.current_frame_id() in self._frames:  # never skip a frame still loading
            self.show_index(self.index + 1)
            return
        self.view.update()

    def set_paused(self, paused: bool) -> None:
        if paused == self.paused:
            return
        self._freeze_clock()
        self.paused = paused
        text = self.tr("Play") if paused else self.tr("Pause")
        self.pause_button.setText(text)
        self.pause_button.setAccessibleName(text)  # read as it shows
        themed_icon(self.pause_button, "mdi6.play" if paused else "mdi6.pause")
        self.view.update()

    def _freeze_clock(self) -> None:
        if not self.is_paused():
            self._elapsed_ms += self._clock.elapsed()
        self._clock.restart()

    @Slot()
    def toggle_pause(self) -> None:
        self.set_paused(not self.paused)

    @Slot()
    def _on_next_clicked(self) -> None:
        self.show_index(self.index + 1)

    @Slot()
    def _on_previous_clicked(self) -> None:
        self.show_index(self.index - 1)

    @Slot(bool)
    def _on_view_clicked_side(self, right: bool) -> None:
        self.show_index(self.index + (1 if right else -1))

    @Slot(bool)
    def _on_view_hold_changed(self, held: bool) -> None:
        self._freeze_clock()
        self._held = held
        self.view.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Right:
            self.show_index(self.index + 1)
        elif key == Qt.Key.Key_Left:
            self.show_index(self.index - 1)
        else:
            super().keyPressEvent(event)

    def done(self, result: int) -> None:
        self._tick.stop()
        super().done(result)

    # -- export ----------------------------------------------------------------------------

    @Slot()
    def _on_export_clicked(self) -> None:
        dialog = QFileDialog(self, self.tr("Export the shared Story to a folder"))
        dialog.setObjectName("storyExportDialog")
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(self._on_export_folder_selected)
        self.export_dialog = dialog
        dialog.open()

    @Slot(str)
    def _on_export_folder_selected(self, folder: str) -> None:
        spawn(self.export_to(folder), self._report)

    async def export_to(self, folder: str | Path) -> StoryExport | None:
        """The same files as `livegiving story export`, written on the database thread (it
        reads the frames and renders QImages, which is allowed off the GUI thread)."""
        self.export.setEnabled(False)
        self.export_progress.setRange(0, max(1, self.frame_count()))
        self.export_progress.setValue(0)
        self.export_progress.setVisible(True)
        self.export_status.setText(self.tr("Exporting…"))
        progress = _Progress(self)
        progress.advanced.connect(self._on_export_advanced)
        try:
            result = await self.runner.call(
                export_story, self.service, self.story.header.campaign.id, folder,
                locale=self.money_locale, progress=progress.advanced.emit,
            )  # fmt: skip
        except (LiveGivingError, OSError) as exc:
            reason = user_message(exc)  # in words: an OSError's own text, a refusal translated
            self.export_status.setText(self.tr("The export failed: %1").replace("%1", reason))
            return None
        finally:
            self.export.setEnabled(True)
            self.export_progress.setVisible(False)
        self.export_status.setText(
            self.tr("Written to %1: sticker.png and %2 frames")
            .replace("%1", str(result.folder))
            .replace("%2", str(result.frames))
        )
        self.exported.emit(result)
        return result

    @Slot(int, int)
    def _on_export_advanced(self, done: int, total: int) -> None:
        self.export_progress.setRange(0, max(1, total))
        self.export_progress.setValue(done)

    def _report(self, exc: BaseException) -> None:
        self.export_status.setText(user_message(exc))


class _Progress(QObject):
    """Carries the export's progress from the database thread to the UI (a queued signal)."""

    advanced = Signal(int, int)
