"""The live preview of the overlays' style, painted with QPainter from the same CSS variables the
pages read (OverlaySettings.css_variables): no browser in the app."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from livegiving_desktop.core.overlays import OverlaySettings

BASE_FONT_PX = 28  # overlay.css: font-size: calc(28px * var(--lg-scale)) on a 1080p source
SOURCE_HEIGHT = 600  # the alert box's browser source (core/overlays.OVERLAY_SIZES)


def css_color(value: str) -> QColor:
    """A CSS #RRGGBB or #RRGGBBAA as a QColor (Qt reads #AARRGGBB, so the alpha moves)."""
    text = value.strip()
    if len(text) == 9:
        color = QColor(text[:7])
        color.setAlpha(int(text[7:9], 16))
        return color
    return QColor(text)


class OverlayPreview(QWidget):
    """A 16:9 scene with the alert box and the goal bar as the creator styled them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overlayPreview")
        self.setMinimumSize(QSize(320, 180))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._settings: OverlaySettings | None = None
        self._tier = 0
        self._name = self.tr("Zoé")
        self._amount = "€25.00"
        self._message = self.tr("Good luck with the marathon!")
        self.setAccessibleName(self.tr("Overlay preview"))

    def set_sample(self, name: str, amount: str, message: str) -> None:
        self._name, self._amount, self._message = name, amount, message
        self.update()

    def set_settings(self, settings: OverlaySettings, tier: int = 0) -> None:
        """Show these settings (checked or not: the preview follows every keystroke)."""
        self._settings = settings
        self._tier = max(0, min(tier, len(settings.tiers) - 1))
        variables = settings.css_variables()
        self.setAccessibleDescription(
            self.tr("Alert box at %1, font %2 at %3 %, accent %4")
            .replace("%1", settings.style.position.value)
            .replace("%2", settings.style.font_family)
            .replace("%3", str(settings.style.font_scale))
            .replace("%4", variables["--lg-accent"])
        )
        self.update()

    @property
    def css_variables(self) -> dict[str, str]:
        return self._settings.css_variables() if self._settings is not None else {}

    def heightForWidth(self, width: int) -> int:
        return width * 9 // 16

    def hasHeightForWidth(self) -> bool:
        return True

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        w = float(self.width())
        h = min(float(self.height()), w * 9 / 16)
        scene = QRectF(0, (self.height() - h) / 2, w, h)
        sky = QLinearGradient(scene.topLeft(), scene.bottomRight())
        sky.setColorAt(0.0, QColor("#2B1B4D"))
        sky.setColorAt(1.0, QColor("#0B1530"))
        painter.fillRect(scene, sky)
        settings = self._settings
        if settings is None:
            painter.end()
            return
        v = settings.css_variables()
        scale = h / 1080  # the preview is a 1080p scene made small
        self._paint_goal(painter, scene, settings, v, scale)
        self._paint_alert(painter, scene, settings, v, scale)
        painter.end()

    def _font(self, settings: OverlaySettings, px: float, bold: bool = False) -> QFont:
        font = QFont(settings.style.font_family)
        font.setPixelSize(max(1, round(px)))
        font.setBold(bold)
        return font

    def _paint_goal(
        self,
        painter: QPainter,
        scene: QRectF,
        settings: OverlaySettings,
        v: dict[str, str],
        scale: float,
    ) -> None:
        px = BASE_FONT_PX * settings.style.font_scale / 100 * scale * 0.8
        box = QRectF(scene.left() + scene.width() * 0.05, scene.top() + scene.height() * 0.05,
                     scene.width() * 0.5, px * 3.4)  # fmt: skip
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(css_color(v["--lg-panel"]))
        painter.drawRoundedRect(box, px * 0.6, px * 0.6)
        painter.setFont(self._font(settings, px, bold=True))
        painter.setPen(css_color(v["--lg-text"]))
        inner = box.adjusted(px * 0.8, px * 0.4, -px * 0.8, -px * 0.4)
        painter.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                         self.tr("Goal"))  # fmt: skip
        painter.setPen(css_color(v["--lg-accent"]))
        painter.drawText(inner, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, "62 %")
        bar = QRectF(inner.left(), inner.bottom() - px * 0.8, inner.width(), px * 0.6)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 46))
        painter.drawRoundedRect(bar, bar.height() / 2, bar.height() / 2)
        painter.setBrush(css_color(v["--lg-accent"]))
        filled = QRectF(bar.left(), bar.top(), bar.width() * 0.62, bar.height())
        painter.drawRoundedRect(filled, bar.height() / 2, bar.height() / 2)

    def _paint_alert(
        self,
        painter: QPainter,
        scene: QRectF,
        settings: OverlaySettings,
        v: dict[str, str],
        scale: float,
    ) -> None:
        tier = settings.tiers[self._tier]
        size = {"normal": 1.0, "large": 1.25, "huge": 1.5}[tier.size.value]
        px = BASE_FONT_PX * settings.style.font_scale / 100 * size * scale * 1.6
        tier_color = css_color(tier.color)
        head_font = self._font(settings, px, bold=True)
        amount_font = self._font(settings, px * 1.9, bold=True)
        message_font = self._font(settings, px * 0.85)
        donated = self.tr("donated")
        head = f"{self._name} {donated}"
        widths = [
            QFontMetricsF(head_font).horizontalAdvance(head),
            QFontMetricsF(amount_font).horizontalAdvance(self._amount),
            QFontMetricsF(message_font).horizontalAdvance(self._message),
        ]
        pad = px * 0.8
        width = min(scene.width() * 0.9, max(widths) + 2 * pad)
        height = px * 1.3 + px * 2.4 + px * 1.2 + 2 * pad
        margin = 24 * scale * 1.6
        justify = v["--lg-justify"]
        align = v["--lg-align"]
        x = {
            "flex-start": scene.left() + margin,
            "center": scene.center().x() - width / 2,
            "flex-end": scene.right() - margin - width,
        }[align]
        y = {
            "flex-start": scene.top() + margin,
            "center": scene.center().y() - height / 2,
            "flex-end": scene.bottom() - margin - height,
        }[justify]
        card = QRectF(x, y, width, height)
        path = QPainterPath()
        path.addRoundedRect(card, px * 0.6, px * 0.6)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(css_color(v["--lg-panel"]))
        painter.drawPath(path)
        painter.setPen(QPen(tier_color, max(1.0, px * 0.25)))
        painter.drawLine(card.bottomLeft() + _dx(px * 0.6), card.bottomRight() - _dx(px * 0.6))
        inner = card.adjusted(pad, pad, -pad, -pad)
        center = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        painter.setFont(head_font)
        painter.setPen(tier_color)
        painter.drawText(QRectF(inner.left(), inner.top(), inner.width(), px * 1.3), center,
                         head)  # fmt: skip
        painter.setFont(amount_font)
        painter.drawText(QRectF(inner.left(), inner.top() + px * 1.3, inner.width(), px * 2.4),
                         center, self._amount)  # fmt: skip
        painter.setFont(message_font)
        painter.setPen(css_color(v["--lg-text"]))
        painter.drawText(QRectF(inner.left(), inner.top() + px * 3.7, inner.width(), px * 1.2),
                         center, self._message)  # fmt: skip


def _dx(value: float) -> QPointF:
    return QPointF(value, 0)
