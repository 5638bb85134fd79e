"""Item models of the paid event's live view: ticket sales and the admission log, newest
first, bounded (the newest rows; older ones stay in the database and the exports)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtGui import QColor

from livegiving_desktop.core.money import format_money
from livegiving_desktop.core.tickets import (
    AdmissionReason,
    AdmissionRecord,
    StoredTicket,
    TicketStatus,
)
from livegiving_desktop.ui.common.format import isolate
from livegiving_desktop.ui.common.model_base import RecordModel, RecordRole
from livegiving_desktop.ui.theme import Theme

TicketRole = RecordRole


CATEGORY_NAMES = {
    "performance": QT_TRANSLATE_NOOP("EventCategory", "Performance"),
    "cooking-class": QT_TRANSLATE_NOOP("EventCategory", "Cooking class"),
    "conference": QT_TRANSLATE_NOOP("EventCategory", "Professional conference"),
    "fitness": QT_TRANSLATE_NOOP("EventCategory", "Fitness"),
    "talk": QT_TRANSLATE_NOOP("EventCategory", "Talk"),
    "other": QT_TRANSLATE_NOOP("EventCategory", "Other"),
}


def category_text(key: str | None) -> str:
    return QCoreApplication.translate("EventCategory", str(CATEGORY_NAMES.get(key or "", "Other")))


def status_text(status: TicketStatus) -> str:
    return {
        TicketStatus.VALID: QCoreApplication.translate("Tickets", "valid"),
        TicketStatus.ADMITTED: QCoreApplication.translate("Tickets", "admitted"),
        TicketStatus.REFUNDED: QCoreApplication.translate("Tickets", "refunded"),
    }[status]


def reason_text(reason: AdmissionReason) -> str:
    """The reason for a refusal, in the creator's words."""
    return {
        AdmissionReason.NO_TICKET: QCoreApplication.translate("Tickets", "no ticket"),
        AdmissionReason.WRONG_CODE: QCoreApplication.translate("Tickets", "wrong code"),
        AdmissionReason.REFUNDED: QCoreApplication.translate("Tickets", "ticket refunded"),
        AdmissionReason.ALREADY_ADMITTED: QCoreApplication.translate(
            "Tickets", "code already used"
        ),
        AdmissionReason.NOT_LIVE: QCoreApplication.translate("Tickets", "event not live"),
    }[reason]


class TicketSalesModel(RecordModel[StoredTicket]):
    """Ticket sales, newest first: `Name — €15.00 · valid`."""

    def __init__(self, locale: str, limit: int = 500, parent: QObject | None = None) -> None:
        super().__init__(limit, parent)
        self.locale = locale

    def display(self, t: StoredTicket, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            amount = format_money(t.amount_minor, t.currency, self.locale)
            return f"{isolate(t.buyer_name)} — {amount} · {status_text(t.status)}"
        if role == Qt.ItemDataRole.ForegroundRole:
            if t.status is TicketStatus.REFUNDED:
                return QColor(Theme.colors["muted"])
            if t.status is TicketStatus.ADMITTED:
                return QColor(Theme.colors["success"])
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            when = t.purchased_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
            return QCoreApplication.translate("Tickets", "Ticket %1 · bought %2").replace(
                "%1", str(t.id)).replace("%2", when)  # fmt: skip
        return None

    def ticket(self, row: int) -> StoredTicket | None:
        return self.record(row)


class AdmissionLogModel(RecordModel[AdmissionRecord]):
    """Everyone who tried to get in, newest first; refusals say why, in red."""

    def __init__(self, limit: int = 500, parent: QObject | None = None) -> None:
        super().__init__(limit, parent)

    def display(self, a: AdmissionRecord, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            name = isolate(a.attendee_name)
            if a.reason is None:
                return QCoreApplication.translate("Tickets", "✓ %1 admitted").replace("%1", name)
            return (
                QCoreApplication.translate("Tickets", "✕ %1 refused: %2")
                .replace("%1", name)
                .replace("%2", reason_text(a.reason))
            )
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor(Theme.colors["success" if a.reason is None else "danger"])
        return None
