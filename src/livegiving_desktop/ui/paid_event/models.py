"""Item models of the paid event's live view: ticket sales and the admission log, newest
first, bounded (the newest rows; older ones stay in the database and the exports)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from livegiving_desktop.core.money import format_money
from livegiving_desktop.core.tickets import (
    AdmissionReason,
    AdmissionRecord,
    StoredTicket,
    TicketStatus,
)
from livegiving_desktop.ui.fundraiser.models import RecordRole, isolate
from livegiving_desktop.ui.theme import Theme

_Index = QModelIndex | QPersistentModelIndex
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


class _NewestFirst(QAbstractListModel):
    def __init__(self, limit: int = 500, parent: Any = None) -> None:
        super().__init__(parent)
        self.limit = limit
        self._rows: list[Any] = []

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def reset(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows[: self.limit])
        self.endResetModel()

    def prepend(self, newest_first: Sequence[Any]) -> None:
        """One insert for a whole batch (the flush timer calls it ten times a second at most)."""
        rows = list(newest_first[: self.limit])
        if not rows:
            return
        self.beginInsertRows(QModelIndex(), 0, len(rows) - 1)
        self._rows[:0] = rows
        self.endInsertRows()
        if len(self._rows) > self.limit:
            self.beginRemoveRows(QModelIndex(), self.limit, len(self._rows) - 1)
            del self._rows[self.limit :]
            self.endRemoveRows()


class TicketSalesModel(_NewestFirst):
    """Ticket sales, newest first: `Name — €15.00 · valid`."""

    def __init__(self, locale: str, limit: int = 500, parent: Any = None) -> None:
        super().__init__(limit, parent)
        self.locale = locale

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        t: StoredTicket = self._rows[index.row()]
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
        if role == TicketRole:
            return t
        return None

    def ticket(self, row: int) -> StoredTicket | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def set_status(self, ticket_ids: Sequence[int], status: TicketStatus) -> None:
        wanted = set(ticket_ids)
        for row, t in enumerate(self._rows):
            if t.id in wanted and t.status is not status:
                self._rows[row] = replace(t, status=status)
                self.dataChanged.emit(self.index(row), self.index(row))

    def all_rows(self) -> list[StoredTicket]:
        return list(self._rows)


class AdmissionLogModel(_NewestFirst):
    """Everyone who tried to get in, newest first; refusals say why, in red."""

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        a: AdmissionRecord = self._rows[index.row()]
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
        if role == RecordRole:
            return a
        return None

    def all_rows(self) -> list[AdmissionRecord]:
        return list(self._rows)
