"""The console's dialogs: the moderator's display name (a single desk) and a refund's reason."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from livegiving_desktop.core.records import ActorRole
from livegiving_desktop.ui.common.widgets import label


class DisplayNameDialog(QDialog):
    """Asked once: the name written on every action of this moderator."""

    def __init__(self, current: str, role: ActorRole, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("moderatorNameDialog")
        self.setWindowTitle(self.tr("Your display name"))
        self.setMinimumWidth(380)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 20, 22, 16)
        layout.setSpacing(10)
        layout.addWidget(label(self.tr("Who is moderating?"), "h2"))
        layout.addWidget(
            label(
                self.tr("Your name is written on the audit log with every action."),
                "muted",
                wrap=True,
            )
        )
        self.name = QLineEdit(current)
        self.name.setObjectName("moderatorName")
        self.name.setAccessibleName(self.tr("Display name"))
        self.name.setMaxLength(100)
        self.name.setPlaceholderText(self.tr("e.g. Sam (mod)"))
        self.role = QComboBox()
        self.role.setObjectName("moderatorRole")
        self.role.setAccessibleName(self.tr("Role"))
        self.role.addItem(self.tr("Moderator"), ActorRole.MODERATOR.value)
        self.role.addItem(self.tr("Creator"), ActorRole.CREATOR.value)
        self.role.setCurrentIndex(max(0, self.role.findData(role.value)))
        # Visible labels, the fields' buddies: a screen reader reads the combo by its label.
        fields = QFormLayout()
        fields.setSpacing(10)
        fields.addRow(self.tr("Display name"), self.name)
        fields.addRow(self.tr("Role"), self.role)
        layout.addLayout(fields)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.setObjectName("moderatorNameButtons")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._on_name_text_changed)
        self._on_name_text_changed(current)

    @Slot(str)
    def _on_name_text_changed(self, text: str) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(bool(text.strip()))


class RefundDialog(QDialog):
    """One text field, the reason (required), and OK/Cancel."""

    def __init__(self, summary: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("refundDialog")
        self.setWindowTitle(self.tr("Refund"))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 20, 22, 16)
        layout.setSpacing(10)
        layout.addWidget(label(summary, "h2", wrap=True))
        layout.addWidget(
            label(self.tr("The reason is required and kept on the audit log."), "muted", wrap=True)
        )
        self.reason = QLineEdit()
        self.reason.setObjectName("refundReason")
        self.reason.setAccessibleName(self.tr("Reason for the refund"))
        self.reason.setMaxLength(500)
        self.reason.setPlaceholderText(self.tr("e.g. Donor asked: card used by mistake"))
        layout.addWidget(self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.setObjectName("refundButtons")
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText(self.tr("Refund"))
            ok.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.reason.textChanged.connect(self._on_reason_text_changed)

    @Slot(str)
    def _on_reason_text_changed(self, text: str) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(bool(text.strip()))
