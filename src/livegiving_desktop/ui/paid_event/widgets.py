"""Widgets of the paid event's live view: the capacity gauge, the refund and cancel dialogs."""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QConicalGradient, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from livegiving_desktop.core.errors import ValidationError
from livegiving_desktop.core.refunds import clean_reason
from livegiving_desktop.ui.common.error_text import user_message
from livegiving_desktop.ui.common.widgets import label
from livegiving_desktop.ui.theme import Theme


def _pen(brush: QBrush | QColor, width: float) -> QPen:
    pen = QPen(brush, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen


class CapacityGauge(QWidget):
    """A ring: seats sold (accent) and people admitted (green) out of the capacity. Without a
    capacity it shows the counts alone."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(132, 132)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.sold = 0
        self.admitted = 0
        self.capacity: int | None = None
        self.caption = ""

    def set_values(self, sold: int, admitted: int, capacity: int | None, caption: str) -> None:
        self.sold, self.admitted, self.capacity, self.caption = sold, admitted, capacity, caption
        self.update()

    def fraction_sold(self) -> float:
        return 0.0 if not self.capacity else min(1.0, self.sold / self.capacity)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(self.width(), self.height()) - 14
        rect = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        track = _pen(Theme.color("surface2"), 12)
        p.setPen(track)
        p.drawArc(rect, 0, 360 * 16)
        if self.capacity:
            sold_span = int(-360 * 16 * min(1.0, self.sold / self.capacity))
            gradient = QConicalGradient(rect.center(), 90)
            gradient.setColorAt(0, Theme.color("accent2"))
            gradient.setColorAt(1, Theme.color("accent"))
            p.setPen(_pen(QBrush(gradient), 12))
            if sold_span:
                p.drawArc(rect, 90 * 16, sold_span)
            inner = rect.adjusted(16, 16, -16, -16)
            admitted_span = int(-360 * 16 * min(1.0, self.admitted / self.capacity))
            p.setPen(_pen(Theme.color("success"), 6))
            if admitted_span:
                p.drawArc(inner, 90 * 16, admitted_span)
        p.setPen(Theme.color("text"))
        big = QFont(self.font())
        big.setPointSizeF(max(9.0, side / 7))
        big.setBold(True)
        p.setFont(big)
        percent = f"{math.floor(self.fraction_sold() * 100)} %" if self.capacity else "∞"
        p.drawText(rect.adjusted(0, -side * 0.12, 0, 0), Qt.AlignmentFlag.AlignCenter, percent)
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, side / 16))
        p.setFont(small)
        p.setPen(Theme.color("muted"))
        p.drawText(rect.adjusted(0, side * 0.22, 0, 0), Qt.AlignmentFlag.AlignCenter, self.caption)
        p.end()


def _button_box(ok_text: str, name: str, danger: bool = False) -> QDialogButtonBox:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    box.setObjectName(name)
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    ok.setAccessibleName(ok_text)
    ok.setProperty("role", "danger" if danger else "primary")
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
    cancel.setAccessibleName(cancel.text().replace("&", ""))
    return box


class RefundTicketDialog(QDialog):
    """Asks why a ticket is refunded; past the refund window the creator must tick the
    override (the policy is explained), and the override is recorded."""

    def __init__(
        self, summary: str, policy: str, needs_override: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("refundTicketDialog")
        self.setWindowTitle(self.tr("Refund a ticket"))
        self.setMinimumWidth(460)
        self.reason_text = ""
        self.needs_override = needs_override
        self.reason = QLineEdit()
        self.reason.setObjectName("refundReason")
        self.reason.setAccessibleName(self.tr("Reason for the refund"))
        self.reason.setPlaceholderText(self.tr("e.g. the buyer cannot attend"))
        self.override = QCheckBox(self.tr("Refund anyway (creator's override, recorded)"))
        self.override.setObjectName("refundOverride")
        self.override.setAccessibleName(self.tr("Override the refund window"))
        self.override.setVisible(needs_override)
        self.error = label("", "error", wrap=True)
        self.error.setObjectName("refundError")
        self.error.setAccessibleName(self.tr("Error"))
        self.buttons = _button_box(self.tr("Refund ticket"), "refundButtons", danger=True)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 20, 22, 18)
        layout.setSpacing(12)
        layout.addWidget(label(self.tr("Refund a ticket"), "h2"))
        layout.addWidget(label(summary, None, wrap=True))
        policy_label = label(policy, "muted", wrap=True)
        policy_label.setObjectName("refundPolicyNote")
        layout.addWidget(policy_label)
        layout.addWidget(self.reason)
        layout.addWidget(self.override)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.reason.setFocus()

    def _on_buttons_accepted(self) -> None:
        try:
            self.reason_text = clean_reason(self.reason.text())
        except ValidationError as exc:
            self.error.setText(user_message(exc))
            return
        if self.needs_override and not self.override.isChecked():
            self.error.setText(
                self.tr("The refund window has closed: tick the override to refund anyway.")
            )
            return
        self.error.setText("")
        self.accept()


class CancelEventDialog(QDialog):
    """Confirms cancelling the event (every ticket is refunded) and asks why."""

    def __init__(self, tickets: int, revenue: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cancelEventDialog")
        self.setWindowTitle(self.tr("Cancel the event"))
        self.setMinimumWidth(460)
        self.reason_text = ""
        self.reason = QLineEdit()
        self.reason.setObjectName("cancelReason")
        self.reason.setAccessibleName(self.tr("Reason for cancelling"))
        self.reason.setPlaceholderText(self.tr("e.g. the performer is ill"))
        self.error = label("", "error", wrap=True)
        self.error.setObjectName("cancelError")
        self.buttons = _button_box(self.tr("Cancel event and refund all"), "cancelButtons", True)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 20, 22, 18)
        layout.setSpacing(12)
        layout.addWidget(label(self.tr("Cancel the event?"), "h2"))
        layout.addWidget(
            label(
                self.tr("Every ticket is refunded (%n ticket(s), %2) and the event ends. "
                        "This cannot be undone.", "", tickets).replace("%2", revenue),
                None,
                wrap=True,
            )
        )  # fmt: skip
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.reason.setFocus()

    def _on_buttons_accepted(self) -> None:
        try:
            self.reason_text = clean_reason(self.reason.text())
        except ValidationError as exc:
            self.error.setText(user_message(exc))
            return
        self.accept()
