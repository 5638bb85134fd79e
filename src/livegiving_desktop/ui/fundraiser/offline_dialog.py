"""The dialog for a donation given outside the stream (cash at a venue, a bank transfer)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from livegiving_desktop.core.donations import DonationDraft
from livegiving_desktop.core.errors import LiveGivingError
from livegiving_desktop.core.money import amount_placeholder
from livegiving_desktop.core.records import CampaignRecord
from livegiving_desktop.services.ledger import LedgerService
from livegiving_desktop.ui.common.accessibility import report_field_error
from livegiving_desktop.ui.common.error_text import user_message
from livegiving_desktop.ui.common.widgets import error_label, label, ok_cancel


class OfflineDonationDialog(QDialog):
    """Validated like any other donation: OK keeps the dialog open with the reason in
    `donationError` until every field is valid; nothing is written before that."""

    def __init__(
        self,
        service: LedgerService,
        campaign: CampaignRecord,
        parent: QWidget | None = None,
        *,
        locale: str = "en",
    ) -> None:
        """`locale`: the UI's; the amount is read as people type it in that language."""
        super().__init__(parent)
        self.setObjectName("offlineDonationDialog")
        self.setWindowTitle(self.tr("Add an offline donation"))
        self.setMinimumWidth(420)
        self._service = service
        self.campaign = campaign  # the donation goes to this one, whatever is shown by then
        self.draft: DonationDraft | None = None
        self.amount_locale = locale

        self.amount = QLineEdit()
        self.amount.setObjectName("donationAmount")
        self.amount.setAccessibleName(self.tr("Amount"))
        self.amount.setPlaceholderText(amount_placeholder(campaign.currency, locale))
        self.donor = QLineEdit()
        self.donor.setObjectName("donorName")
        self.donor.setAccessibleName(self.tr("Donor name"))
        self.donor.setPlaceholderText(self.tr("Name as the donor gave it"))
        self.message = QPlainTextEdit()
        self.message.setObjectName("donationMessage")
        self.message.setAccessibleName(self.tr("Message"))
        self.message.setPlaceholderText(self.tr("Optional message, read on air"))
        self.message.setFixedHeight(80)
        self.message.setTabChangesFocus(True)
        self.anonymous = QCheckBox(self.tr("Show as Anonymous on air"))
        self.anonymous.setObjectName("donationAnonymous")
        self.anonymous.setAccessibleName(self.tr("Anonymous donation"))
        self.anonymous.setEnabled(campaign.allow_anonymous)
        self.error = error_label("donationError", self.tr("Error"))
        self.buttons = ok_cancel(self, "donationButtons", self.tr("Add donation"),
                                 self.tr("Cancel"), self._on_buttons_accepted)  # fmt: skip

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow(self.tr("Amount (%1)").replace("%1", campaign.currency), self.amount)
        form.addRow(self.tr("Donor"), self.donor)
        form.addRow(self.tr("Message"), self.message)
        form.addRow("", self.anonymous)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 20, 22, 18)
        layout.setSpacing(14)
        layout.addWidget(label(self.tr("Offline donation"), "h2"))
        layout.addWidget(
            label(self.tr("Cash at the venue, a bank transfer, a cheque…"), "muted", wrap=True)
        )
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.amount.setFocus()

    def _on_buttons_accepted(self) -> None:
        try:
            self.draft = self._service.offline_draft(
                self.campaign,
                amount=self.amount.text(),
                donor_name=self.donor.text(),
                message=self.message.toPlainText() or None,
                anonymous=self.anonymous.isChecked(),
                locale=self.amount_locale,
            )
        except LiveGivingError as exc:
            self.draft = None
            field = {"amount": self.amount, "donor name": self.donor, "name": self.donor,
                     "message": self.message}.get(getattr(exc, "field", ""))  # fmt: skip
            report_field_error(self.error, user_message(exc), field)
            return
        report_field_error(self.error, "", None)
        self.accept()
