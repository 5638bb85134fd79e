"""A model of records that inserts, removes and updates rows in place (never a reset for a
change), in the spirit of napari's `_qt/containers/_base_item_model.py`: a view keeps its
selection and scroll position while rows come and go, and a screen reader hears the rows that
were added rather than a whole new list.

`RecordModel` serves lists and `RecordTableModel` tables (`COLUMNS` > 1); subclasses say how
a record is shown (`display`) and how it is identified (`key`). A list is a QAbstractListModel
so that Qt's own `index()` and `columnCount()` answer a view: a QListView lays out each of its
rows through them after every insert, and a Python override of either cost the live feed
several milliseconds of the UI thread per flush under a burst (benchmarks/ui_burst.py).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex

RecordRole = Qt.ItemDataRole.UserRole + 1  # the record itself


if TYPE_CHECKING:
    _ItemModel = QAbstractItemModel
else:

    class _ItemModel:  # at run time the Qt class comes from RecordModel or RecordTableModel
        pass


class _RecordRows(_ItemModel, Generic[R]):
    """Rows of records in a fixed order chosen by the caller (newest first for live lists).
    `limit` bounds how many rows are kept when new ones are prepended (None: no bound), except
    while `keep_older` (its view holds still for someone reading: ui/common/newer.py).
    Mixed into a Qt model class: RecordModel (lists) and RecordTableModel (tables)."""

    COLUMNS: ClassVar[int] = 1

    def __init__(self, limit: int | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.limit = limit
        self.keep_older = False
        self._rows: list[R] = []

    # -- what subclasses say ---------------------------------------------------------------

    def key(self, record: R) -> Hashable:
        """What identifies a record across versions of it (its id)."""
        key: Hashable = getattr(record, "id")  # noqa: B009
        return key

    def display(self, record: R, column: int, role: int) -> Any:
        """The data of a record's column for a role other than RecordRole (None: nothing)."""
        return None

    def header(self, column: int) -> str | None:
        """A table's column title."""
        return None

    # -- the Qt model API ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        record = self._rows[index.row()]
        if role == RecordRole:
            return record
        return self.display(record, index.column(), role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.header(section)
        return None

    # -- reading ---------------------------------------------------------------------------

    def record(self, row: int) -> R | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def records(self) -> list[R]:
        return list(self._rows)

    def row_of(self, key: Hashable) -> int:
        """The row of the record with this key, -1 when not shown."""
        for row, record in enumerate(self._rows):
            if self.key(record) == key:
                return row
        return -1

    # -- changing --------------------------------------------------------------------------

    def reset(self, rows: Iterable[R]) -> None:
        """Show another list altogether (another campaign): the one reset."""
        self.beginResetModel()
        self._rows = list(rows)
        if self.limit is not None:
            del self._rows[self.limit :]
        self.endResetModel()

    def prepend(self, newest_first: Sequence[R]) -> int:
        """Insert rows at the top in one insert; rows beyond `limit` leave from the bottom.
        Returns how many came on top."""
        if not newest_first:
            return 0
        self.beginInsertRows(QModelIndex(), 0, len(newest_first) - 1)
        self._rows[0:0] = newest_first
        self.endInsertRows()
        self.trim()
        return len(newest_first)

    def append(self, rows: Sequence[R]) -> None:
        """Add rows at the bottom (an older page) in one insert."""
        if not rows:
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def trim(self) -> None:
        """Keep at most `limit` rows (the newest, at the top); all of them while `keep_older`."""
        if self.limit is not None and not self.keep_older and len(self._rows) > self.limit:
            self.beginRemoveRows(QModelIndex(), self.limit, len(self._rows) - 1)
            del self._rows[self.limit :]
            self.endRemoveRows()

    def remove(self, keys: Iterable[Hashable]) -> int:
        """Remove the rows of these records, one remove per contiguous run; returns how many."""
        gone = set(keys)
        rows = [row for row, record in enumerate(self._rows) if self.key(record) in gone]
        removed = 0
        # From the bottom up, so that earlier rows keep their numbers.
        for first, last in reversed(_runs(rows)):
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._rows[first : last + 1]
            self.endRemoveRows()
            removed += last - first + 1
        return removed

    def update(self, records: Iterable[R]) -> list[R]:
        """Show the new version of records already listed, where they are; returns those
        that were not listed."""
        by_key = {self.key(r): r for r in records}
        changed: list[int] = []
        for row, record in enumerate(self._rows):
            new = by_key.pop(self.key(record), None)
            if new is not None:
                self._rows[row] = new
                changed.append(row)
        for first, last in _runs(changed):
            self.dataChanged.emit(self.index(first, 0), self.index(last, self.COLUMNS - 1))
        return list(by_key.values())


class RecordModel(_RecordRows[R], QAbstractListModel):
    """A list of records (one column; `model.index(row)`), see _RecordRows."""


class RecordTableModel(_RecordRows[R], QAbstractTableModel):
    """A table of records, `COLUMNS` columns, see _RecordRows."""

    COLUMNS: ClassVar[int] = 2

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def index(self, row: int, column: int = 0, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        """As a list model's: `model.index(row)` is the row's first column."""
        return super().index(row, column, parent)


def _runs(rows: Sequence[int]) -> list[tuple[int, int]]:
    """Sorted row numbers as (first, last) runs of consecutive rows."""
    runs: list[tuple[int, int]] = []
    for row in sorted(rows):
        if runs and row == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs
