"""The goal while live: a stretch goal above what was raised so far (as Tiltify allows), or a
new goal for a draft. Recorded with an audit row; the milestones follow the new goal."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from livegiving_desktop.core.money import format_amount_input
from livegiving_desktop.core.records import CampaignRecord
from livegiving_desktop.services.ledger import GoalUpdate, LedgerService
from livegiving_desktop.ui.common.accessibility import report_field_error
from livegiving_desktop.ui.common.error_text import user_message
from livegiving_desktop.ui.common.runner import DbRunner, spawn
from livegiving_desktop.ui.common.widgets import error_label, label, ok_cancel


class GoalDialog(QDialog):
    """OK writes the goal on the database thread; a refusal keeps the dialog open with the
    reason in `goalError` (nothing written)."""

    def __init__(
        self,
        runner: DbRunner,
        service: LedgerService,
        campaign: CampaignRecord,
        raised: str,
        *,
        locale: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("goalDialog")
        self.setWindowTitle(self.tr("Change the goal"))
        self.setMinimumWidth(380)
        self._runner, self._service, self.campaign = runner, service, campaign
        self.amount_locale = locale
        self.goal_update: GoalUpdate | None = None
        self.goal = QLineEdit()
        self.goal.setObjectName("newGoal")
        self.goal.setAccessibleName(self.tr("New goal"))
        if campaign.goal_minor:
            self.goal.setText(format_amount_input(campaign.goal_minor, campaign.currency, locale))
            self.goal.selectAll()
        self.error = error_label("goalError", self.tr("Error"))
        self.buttons = ok_cancel(self, "goalButtons", self.tr("Set goal"), self.tr("Cancel"),
                                 self._on_buttons_accepted)  # fmt: skip
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow(self.tr("New goal (%1)").replace("%1", campaign.currency), self.goal)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 20, 22, 18)
        layout.setSpacing(12)
        layout.addWidget(label(self.tr("Stretch goal"), "h2"))
        layout.addWidget(
            label(
                self.tr("Raised so far: %1. While live, the goal can only go up.").replace(
                    "%1", raised
                ),
                "muted",
                wrap=True,
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    @Slot()
    def _on_buttons_accepted(self) -> None:
        self.buttons.setEnabled(False)
        spawn(self._save(self.goal.text()), self._on_save_failed)

    async def _save(self, text: str) -> None:
        service, campaign_id, locale = self._service, self.campaign.id, self.amount_locale
        self.goal_update = await self._runner.call(
            lambda: service.change_goal(campaign_id, text, locale=locale)
        )
        report_field_error(self.error, "", None)
        self.accept()

    def _on_save_failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        message = user_message(exc)  # in words, never driver text
        report_field_error(self.error, message, self.goal)
