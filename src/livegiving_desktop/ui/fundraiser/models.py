"""Item models over ledger records. The live feed is bounded: it keeps the newest rows and pages
older ones in from the database as the user scrolls."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from livegiving_desktop.core.money import format_money
from livegiving_desktop.core.organizations import Organization
from livegiving_desktop.core.records import CampaignRecord, StoredDonation

DonationRole = Qt.ItemDataRole.UserRole + 1
ShownNameRole = Qt.ItemDataRole.UserRole + 2
AmountTextRole = Qt.ItemDataRole.UserRole + 3
RecordRole = Qt.ItemDataRole.UserRole + 4

_Index = QModelIndex | QPersistentModelIndex


def isolate(text: str) -> str:
    """First-strong isolate: text of either direction laid out as one unit."""
    return f"\u2068{text}\u2069"


class OnAirPrivacy:
    """How the campaign shows donors on air (the feed follows the same choices)."""

    def __init__(self, campaign: CampaignRecord | None, locale: str) -> None:
        # No campaign: the empty views shown while a campaign loads (they hold no rows).
        self.show_names = campaign.show_names_on_air if campaign else True
        self.show_amounts = campaign.show_amounts_on_air if campaign else True
        self.currency = campaign.currency if campaign else ""
        self.locale = locale

    def shown_name(self, d: StoredDonation) -> str:
        return (
            QCoreApplication.translate("Feed", "Anonymous")
            if d.anonymous or d.hide_name_on_air or not self.show_names
            else d.donor_name
        )

    def line(self, d: StoredDonation) -> str:
        """`Name — €12.50`; the name is isolated so that a right-to-left name does not pull
        the amount to its side."""
        name, amount = isolate(self.shown_name(d)), self.amount_text(d)
        return f"{name} — {amount}" if amount else name

    def amount_text(self, d: StoredDonation) -> str:
        if not self.show_amounts or d.hide_amount_on_air:
            return ""
        return format_money(d.amount_minor, d.currency, self.locale)

    def message_text(self, d: StoredDonation) -> str:
        if d.status == "refunded":
            return QCoreApplication.translate("Feed", "Refunded")
        if not d.message:
            return ""
        if d.message_status == "held":
            return QCoreApplication.translate("Feed", "Message held for review")
        if d.message_status == "hidden":
            return QCoreApplication.translate("Feed", "Message hidden by a moderator")
        return d.message


class DonationFeedModel(QAbstractListModel):
    """Newest first. Live batches are prepended in one insert; the model keeps at most
    `live_limit` rows while the user watches the top, and loads older pages on demand."""

    olderRequested = Signal(int)  # the id of the oldest row shown: load rows before it

    def __init__(self, privacy: OnAirPrivacy, live_limit: int = 500, parent: Any = None) -> None:
        super().__init__(parent)
        self.privacy = privacy
        self.live_limit = live_limit
        self._rows: list[StoredDonation] = []
        self._has_older = True
        self._loading_older = False
        self.keep_older = False  # True while the user looks at older rows: do not trim them

    # -- Qt model API ----------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        d = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            head = self.privacy.line(d)
            message = self.privacy.message_text(d)
            return f"{head} · {isolate(message)}" if message else head
        if role == DonationRole:
            return d
        if role == ShownNameRole:
            return self.privacy.shown_name(d)
        if role == AmountTextRole:
            return self.privacy.amount_text(d)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.ToolTipRole:
            when = d.received_at.astimezone().strftime("%H:%M:%S")
            thanked = (
                QCoreApplication.translate("Feed", "Thanked on air")
                if d.thanked
                else QCoreApplication.translate("Feed", "Not thanked yet")
            )
            return f"{self.privacy.shown_name(d)} · {when} · {thanked}"
        return None

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return (
            not parent.isValid()
            and self._has_older
            and not self._loading_older
            and bool(self._rows)
        )

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._loading_older = True
            self.olderRequested.emit(self._rows[-1].id)

    # -- updates ---------------------------------------------------------------------------

    def reset(self, rows: Sequence[StoredDonation], *, has_older: bool = True) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._has_older = has_older
        self._loading_older = False
        self.endResetModel()

    def prepend(self, newest_first: Sequence[StoredDonation]) -> None:
        """One insert for a whole batch of live donations (newest first)."""
        if not newest_first:
            return
        self.beginInsertRows(QModelIndex(), 0, len(newest_first) - 1)
        self._rows[0:0] = newest_first
        self.endInsertRows()
        if not self.keep_older and len(self._rows) > self.live_limit:
            self.beginRemoveRows(QModelIndex(), self.live_limit, len(self._rows) - 1)
            del self._rows[self.live_limit :]
            self.endRemoveRows()
            self._has_older = True

    def append_older(self, rows: Sequence[StoredDonation], *, page_size: int) -> None:
        self._loading_older = False
        known = self._rows[-1].id if self._rows else None
        rows = [r for r in rows if known is None or r.id < known]
        if rows:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self._has_older = len(rows) >= page_size

    def mark_thanked(self, ids: Sequence[int]) -> None:
        wanted = set(ids)
        for row, d in enumerate(self._rows):
            if d.id in wanted and not d.thanked:
                self._rows[row] = d._replace(thanked=True)
                index = self.index(row)
                self.dataChanged.emit(index, index)

    def update_rows(self, changed: Sequence[StoredDonation]) -> None:
        """Show new versions of rows (approved, hidden, refunded, privacy) where they are."""
        by_id = {d.id: d for d in changed}
        for row, d in enumerate(self._rows):
            new = by_id.get(d.id)
            if new is not None:
                self._rows[row] = new._replace(thanked=new.thanked or d.thanked)
                index = self.index(row)
                self.dataChanged.emit(index, index)

    def donation(self, row: int) -> StoredDonation | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rows(self) -> list[StoredDonation]:
        return list(self._rows)


class DonationListModel(QAbstractListModel):
    """A short plain list of donations (the queue of donors to thank)."""

    def __init__(self, privacy: OnAirPrivacy, limit: int = 300, parent: Any = None) -> None:
        super().__init__(parent)
        self.privacy = privacy
        self.limit = limit
        self._rows: list[StoredDonation] = []

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        d = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.privacy.line(d)
        if role == DonationRole:
            return d
        return None

    def reset(self, rows: Sequence[StoredDonation]) -> None:
        self.beginResetModel()
        self._rows = list(rows)[: self.limit]
        self.endResetModel()

    def prepend(self, newest_first: Sequence[StoredDonation]) -> None:
        if not newest_first:
            return
        self.beginResetModel()
        self._rows = (list(newest_first) + self._rows)[: self.limit]
        self.endResetModel()

    def remove_ids(self, ids: Sequence[int]) -> None:
        gone = set(ids)
        self.beginResetModel()
        self._rows = [d for d in self._rows if d.id not in gone]
        self.endResetModel()

    def ids(self) -> list[int]:
        return [d.id for d in self._rows]


class CampaignListModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[CampaignRecord] = []
        self.locale = "en"
        self.organization_names: dict[str, str] = {}

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        c = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            amount = c.revenue_minor if c.kind.value == "paid-event" else c.total_minor
            return f"{c.title} — {format_money(amount, c.currency, self.locale)}"
        if role == RecordRole:
            return c
        return None

    def reset(self, rows: Sequence[CampaignRecord]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def campaign(self, row: int) -> CampaignRecord | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None


class OrganizationListModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Organization] = []

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        o = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{o.name}  ·  {o.country}"
        if role == RecordRole:
            return o
        if role == Qt.ItemDataRole.ToolTipRole:
            return o.website
        return None

    def reset(self, rows: Sequence[Organization]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def organization(self, row: int) -> Organization | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, organization_id: str) -> int:
        for row, o in enumerate(self._rows):
            if o.id == organization_id:
                return row
        return -1


def short_time(d: StoredDonation) -> str:
    return d.received_at.astimezone().strftime("%H:%M:%S")  # the creator's local time
