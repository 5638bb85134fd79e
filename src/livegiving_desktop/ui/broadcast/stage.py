"""The broadcast stage: the simulated stream as viewers see it (LIVE badge and elapsed time,
viewers, the goal overlay, the latest alert, the thank-you banner), painted with QPainter in
device-independent pixels so that it stays crisp on high-DPI screens."""

from __future__ import annotations

from PySide6.QtCore import (
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QIcon,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPixmap,
    QRadialGradient,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QSizePolicy,
    QWidget,
)

from livegiving_desktop.ui.common.widgets import icon
from livegiving_desktop.ui.theme import Theme

# The stage shrinks before the feed does on a short screen (a 1366×768 laptop, 150 %).
STAGE_MIN_WIDTH, STAGE_MIN_HEIGHT = 360, 180
STAGE_HEIGHT = 270  # what it asks for when there is room


class BroadcastStage(QWidget):
    """The simulated broadcast as viewers see it: the scene, the LIVE badge with elapsed time,
    the viewer count, the goal overlay, the latest donation alert and the thank-you banner."""

    resized = Signal()  # its fonts follow its size: the live view warms the new ones

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(STAGE_MIN_WIDTH, STAGE_MIN_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.live = False
        self.live_text = "LIVE"
        self.off_air_text = "OFF AIR"
        self.elapsed_text = "00:00:00"
        self.viewers_text = ""
        self.title = ""
        self.organization = ""
        self.goal_text = ""
        self.goal_fraction = 0.0
        self.alert_title = ""
        self.alert_message = ""
        self.banner = ""
        self.notice = ""
        self.status_text = ""
        self.viewers_spoken = ""  # "1,234 watching", in the app's language
        self._eye: QIcon | None = None
        self._background_key: tuple[int, int, float, str] | None = None
        self._background_pixmap: QPixmap | None = None

    def sizeHint(self) -> QSize:
        return QSize(STAGE_HEIGHT * 16 // 9, STAGE_HEIGHT)

    def summary(self) -> str:
        """What the stage shows, in words, for a screen reader: on air or not with the time,
        the viewers, the latest alert, the goal and any banner (the texts are the page's,
        already in the app's language)."""
        parts = [f"{self.live_text if self.live else self.off_air_text} {self.elapsed_text}"]
        parts += [
            text
            for text in (
                self.viewers_spoken,
                self.status_text,
                " ".join(t for t in (self.alert_title, self.alert_message) if t),
                self.goal_text,
                self.banner,
                self.notice,
            )
            if text
        ]
        return "; ".join(parts)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        try:
            self._paint(p)
        finally:
            p.end()  # not left to Python: a frame held by an exception would keep it painting

    def _paint(self, p: QPainter) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        r = QRectF(self.rect())
        scale = self._scale(r)
        p.drawPixmap(0, 0, self._background())
        clip = QPainterPath()
        clip.addRoundedRect(r, 16, 16)
        p.setClipPath(clip)
        pad = 22 * scale
        # Scene title in the middle, as a stream scene would show it; on a short stage an alert
        # covers it, as an alert covers a scene (drawn under the alert, it showed through it
        # and the alert's edge cut the organization's line).
        title_rect = QRectF(pad, r.height() * 0.30, r.width() - 2 * pad, 48 * scale)
        lines = 2 if self.status_text else 1  # the organization, the status
        block = title_rect.adjusted(0, 0, 0, (12 + 34 * lines) * scale)
        if not (self.alert_title and block.intersects(self._alert_rect(r, scale))):
            p.setPen(QColor(255, 255, 255, 235))
            p.setFont(self._font(30 * scale, bold=True))
            p.drawText(title_rect, Qt.AlignmentFlag.AlignCenter, self.title)
            p.setPen(QColor(255, 255, 255, 170))
            p.setFont(self._font(15 * scale))
            p.drawText(
                title_rect.translated(0, 46 * scale), Qt.AlignmentFlag.AlignCenter,
                self.organization,
            )  # fmt: skip
            if self.status_text:
                p.setFont(self._font(12 * scale))
                p.drawText(
                    title_rect.translated(0, 80 * scale), Qt.AlignmentFlag.AlignCenter,
                    self.status_text,
                )  # fmt: skip
        # LIVE badge and elapsed time
        badge_font = self._font(13 * scale, bold=True)
        p.setFont(badge_font)
        badge_text = self.live_text if self.live else self.off_air_text
        bw = QFontMetrics(badge_font).horizontalAdvance(badge_text) + 26 * scale
        badge = QRectF(pad, pad, bw, 30 * scale)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(Theme.color("live") if self.live else QColor(255, 255, 255, 60))
        p.drawRoundedRect(badge, 7 * scale, 7 * scale)
        p.setPen(Theme.color("on_live") if self.live else QColor("white"))
        p.drawText(badge, Qt.AlignmentFlag.AlignCenter, badge_text)
        p.setFont(self._font(13 * scale, bold=True))
        time_rect = QRectF(badge.right() + 10 * scale, badge.top(), 140 * scale, badge.height())
        p.setBrush(QColor(0, 0, 0, 90))
        p.setPen(Qt.PenStyle.NoPen)
        p.drawRoundedRect(time_rect.adjusted(0, 0, -40 * scale, 0), 7 * scale, 7 * scale)
        p.setPen(QColor("white"))
        p.drawText(
            time_rect.adjusted(0, 0, -40 * scale, 0),
            Qt.AlignmentFlag.AlignCenter,
            self.elapsed_text,
        )
        if self.viewers_text:
            vw = QFontMetrics(p.font()).horizontalAdvance(self.viewers_text) + 44 * scale
            viewers = QRectF(r.width() - pad - vw, pad, vw, 30 * scale)
            p.setBrush(QColor(0, 0, 0, 90))
            p.setPen(Qt.PenStyle.NoPen)
            p.drawRoundedRect(viewers, 7 * scale, 7 * scale)
            if self._eye is None:
                self._eye = icon("mdi6.eye", "white")
            size = int(18 * scale)
            self._eye.paint(
                p,
                int(viewers.left() + 10 * scale),
                int(viewers.center().y() - size / 2),
                size,
                size,
            )
            p.setPen(QColor("white"))
            p.drawText(
                viewers.adjusted(30 * scale, 0, -8 * scale, 0),
                Qt.AlignmentFlag.AlignCenter,
                self.viewers_text,
            )
        # Donation alert (top centre) and thank-you banner (lower third)
        if self.alert_title:
            self._draw_alert(p, r, scale)
        if self.banner:
            self._draw_banner(p, r, scale, self.banner, Theme.color("stage_success"))
        elif self.notice:
            self._draw_banner(p, r, scale, self.notice, Theme.color("stage_warning"))
        # Goal overlay (bottom)
        if self.goal_text:
            bar = QRectF(pad, r.height() - pad - 14 * scale, r.width() - 2 * pad, 14 * scale)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(255, 255, 255, 45))
            p.drawRoundedRect(bar, 7 * scale, 7 * scale)
            filled = QRectF(bar.left(), bar.top(), bar.width() * self.goal_fraction, bar.height())
            fill = QLinearGradient(bar.topLeft(), bar.topRight())
            fill.setColorAt(0, Theme.color("accent"))
            fill.setColorAt(1, Theme.color("accent2"))
            p.setBrush(QBrush(fill))
            if filled.width() > 0:
                p.drawRoundedRect(filled, 7 * scale, 7 * scale)
            p.setPen(QColor("white"))
            p.setFont(self._font(14 * scale, bold=True))
            p.drawText(
                QRectF(bar.left(), bar.top() - 34 * scale, bar.width(), 28 * scale),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                self.goal_text,
            )

    def _background(self) -> QPixmap:
        """The scene's gradients, painted once per size and theme (they are the costly part)."""
        ratio = self.devicePixelRatioF()
        key = (self.width(), self.height(), ratio, Theme.colors["stage_top"])
        if self._background_key == key and self._background_pixmap is not None:
            return self._background_pixmap
        pixmap = QPixmap(int(self.width() * ratio), int(self.height() * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        p = QPainter(pixmap)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(0, 0, self.width(), self.height())
        clip = QPainterPath()
        clip.addRoundedRect(r, 16, 16)
        p.setClipPath(clip)
        gradient = QLinearGradient(r.topLeft(), r.bottomRight())
        gradient.setColorAt(0, Theme.color("stage_top"))
        gradient.setColorAt(1, Theme.color("stage_bottom"))
        p.fillRect(r, gradient)
        glow = QRadialGradient(r.center() + QPointF(r.width() * 0.18, -r.height() * 0.1), r.width())
        accent = Theme.color("accent")
        accent.setAlpha(70)
        glow.setColorAt(0, accent)
        glow.setColorAt(0.6, QColor(0, 0, 0, 0))
        p.fillRect(r, glow)
        p.end()
        self._background_key, self._background_pixmap = key, pixmap
        return pixmap

    @staticmethod
    def _scale(r: QRectF) -> float:
        return max(0.6, min(r.width() / 960, r.height() / 540))

    def name_fonts(self) -> list[QFont]:
        """The fonts the stage writes donors' names and messages in at its present size: the
        alert's title and message, the thank-you banner."""
        scale = self._scale(QRectF(self.rect()))
        return [self._alert_title_font(scale), self._alert_message_font(scale),
                self._banner_font(scale)]  # fmt: skip

    def _alert_title_font(self, scale: float) -> QFont:
        return self._font(19 * scale, bold=True)

    def _alert_message_font(self, scale: float) -> QFont:
        return self._font(14 * scale)

    def _banner_font(self, scale: float) -> QFont:
        return self._font(20 * scale, bold=True)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()

    def _font(self, size: float, *, bold: bool = False) -> QFont:
        font = QFont(self.font())
        # In half points: a few pixels more or less use the same fonts (each new size loads
        # its glyphs and each script's shaping again).
        font.setPointSizeF(max(7.0, round(size * 1.5) / 2))
        font.setBold(bold)
        return font

    @staticmethod
    def _alert_rect(r: QRectF, scale: float) -> QRectF:
        width = min(r.width() * 0.62, 560 * scale)
        return QRectF(r.center().x() - width / 2, 64 * scale, width, 92 * scale)

    def _draw_alert(self, p: QPainter, r: QRectF, scale: float) -> None:
        box = self._alert_rect(r, scale)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(10, 12, 24, 240))
        p.drawRoundedRect(box, 14 * scale, 14 * scale)
        p.setBrush(Theme.color("accent"))
        p.drawRoundedRect(QRectF(box.left(), box.top(), 8 * scale, box.height()), 4, 4)
        p.setPen(QColor("white"))
        p.setFont(self._alert_title_font(scale))
        inner = box.adjusted(22 * scale, 12 * scale, -16 * scale, -12 * scale)
        metrics = QFontMetrics(p.font())
        p.drawText(
            QRectF(inner.left(), inner.top(), inner.width(), metrics.height()),
            Qt.AlignmentFlag.AlignLeft,
            metrics.elidedText(self.alert_title, Qt.TextElideMode.ElideRight, int(inner.width())),
        )
        if self.alert_message:
            p.setPen(QColor(255, 255, 255, 200))
            p.setFont(self._alert_message_font(scale))
            small = QFontMetrics(p.font())
            p.drawText(
                QRectF(inner.left(), inner.top() + metrics.height() + 6 * scale, inner.width(),
                       small.height()),
                Qt.AlignmentFlag.AlignLeft,
                small.elidedText(self.alert_message, Qt.TextElideMode.ElideRight,
                                 int(inner.width())),
            )  # fmt: skip

    def banner_rect(self, text: str) -> QRectF:
        """Where the thank-you or notice banner goes: the lower third, above the goal's
        caption however short the stage is."""
        r = QRectF(self.rect())
        scale = self._scale(r)
        font = self._banner_font(scale)
        width = min(QFontMetrics(font).horizontalAdvance(text) + 60 * scale, r.width() - 40)
        height = 50 * scale
        above_goal = r.height() - 22 * scale - 14 * scale - 34 * scale - height - 4 * scale
        top = min(r.height() * 0.66, above_goal) if self.goal_text else r.height() * 0.66
        return QRectF(r.center().x() - width / 2, top, width, height)

    def _draw_banner(self, p: QPainter, r: QRectF, scale: float, text: str, color: QColor) -> None:
        """A banner in one of the stage's banner colours (stage_success, stage_warning) with
        its text in on_stage_banner: 4.5:1 in both themes."""
        font = self._banner_font(scale)
        p.setFont(font)
        box = self.banner_rect(text)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(color)
        p.drawRoundedRect(box, 25 * scale, 25 * scale)
        p.setPen(Theme.color("on_stage_banner"))
        metrics = QFontMetrics(font)
        p.drawText(
            box,
            Qt.AlignmentFlag.AlignCenter,
            metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(box.width() - 20)),
        )
