"""Item models of the moderation console: every donation of a campaign (a million rows: the
model holds a count and pages of rows fetched on demand, never the whole table) and the audit
log."""

from __future__ import annotations

import html
import json
from collections.abc import Hashable, Sequence
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from livegiving_desktop.core.moderation import (
    DonationFilter,
    ReviewFlag,
    ReviewReason,
    ReviewRule,
    TableSort,
    parse_review_reasons,
)
from livegiving_desktop.core.money import format_money
from livegiving_desktop.core.records import AuditRecord, StoredDonation
from livegiving_desktop.db.moderation import BlockedDonorRecord
from livegiving_desktop.ui.common.model_base import RecordModel, RecordTableModel
from livegiving_desktop.ui.common.model_base import RecordRole as DonationRole
from livegiving_desktop.ui.theme import Theme

_Index = QModelIndex | QPersistentModelIndex
PAGE_ROWS = 200


def message_status_text(status: str | None) -> str:
    return {
        "visible": QCoreApplication.translate("Moderation", "On air"),
        "held": QCoreApplication.translate("Moderation", "Held"),
        "hidden": QCoreApplication.translate("Moderation", "Hidden"),
    }.get(status or "", "")


def flag_text(flags: str | None) -> str:
    names = {
        ReviewFlag.LARGE_AMOUNT.value: QCoreApplication.translate("Moderation", "Large amount"),
        ReviewFlag.RAPID_REPEAT.value: QCoreApplication.translate(
            "Moderation", "Many in a short time"
        ),
        ReviewFlag.LARGE_FIRST.value: QCoreApplication.translate(
            "Moderation", "Large first donation"
        ),
        ReviewFlag.BLOCKED_DONOR.value: QCoreApplication.translate("Moderation", "Blocked donor"),
    }
    return ", ".join(names.get(f, f) for f in (flags or "").split(",") if f)


def reason_text(reason: ReviewReason, currency: str, locale: str) -> str:
    """Why the rules held or flagged a donation, in words: the word, the link, the length,
    the blocked donor or the flag with its threshold."""
    rule = reason.rule
    if rule is ReviewRule.WORD:
        return QCoreApplication.translate("Moderation", "Word “%1”").replace(
            "%1", reason.text or reason.word or ""
        )
    if rule is ReviewRule.LINK:
        return QCoreApplication.translate("Moderation", "Link %1").replace("%1", reason.text or "")
    if rule is ReviewRule.LENGTH:
        return (
            QCoreApplication.translate("Moderation", "%1 characters, over %2")
            .replace("%1", str(reason.length or 0))
            .replace("%2", str(reason.limit or 0))
        )
    if rule is ReviewRule.BLOCKED_DONOR:
        return QCoreApplication.translate("Moderation", "Blocked donor")
    if rule is ReviewRule.RAPID_REPEAT:
        return (
            QCoreApplication.translate("Moderation", "%1 donations within %2 s")
            .replace("%1", str(reason.count or 0))
            .replace("%2", str(reason.window_s or 0))
        )
    limit = format_money(reason.limit or 0, currency, locale)
    if rule is ReviewRule.LARGE_AMOUNT:
        return QCoreApplication.translate("Moderation", "Large amount (from %1)").replace(
            "%1", limit
        )
    return QCoreApplication.translate("Moderation", "Large first donation (from %1)").replace(
        "%1", limit
    )


def highlighted_message(d: StoredDonation) -> str | None:
    """The message as rich text with what the rules matched (a word, a link) marked; None
    when nothing in it matched."""
    message = d.message or ""
    spans = sorted(
        (r.start, r.end)
        for r in parse_review_reasons(d.review_reasons)
        if r.start is not None and r.end is not None and 0 <= r.start < r.end <= len(message)
    )
    if not spans:
        return None
    colors = Theme.colors
    mark = f'<span style="background-color:{colors["accent_soft"]};color:{colors["text"]};' \
           'font-weight:bold;text-decoration:underline">'  # fmt: skip
    out, at = [], 0
    for start, end in spans:
        if start < at:
            continue  # overlapping matches: the first one is marked
        out.append(html.escape(message[at:start]))
        out.append(mark + html.escape(message[start:end]) + "</span>")
        at = end
    out.append(html.escape(message[at:]))
    return "".join(out).replace("\n", " ")


HighlightRole = Qt.ItemDataRole.UserRole + 5  # the message with its matches marked (rich text)


class ModerationTableModel(QAbstractTableModel):
    """Rows of the moderation table: a count and pages of PAGE_ROWS rows, fetched by its pager
    (ui/moderation/pager.py) when a view first shows a row of a page (`pageWanted`). Rows not
    loaded yet show empty until their page arrives."""

    pageWanted = Signal(int)  # a row of this page is shown and not loaded: fetch it
    sortChanged = Signal()  # the user sorted by another column: query again

    COLUMNS = ("id", "time", "donor", "amount", "message", "message_status", "status", "flags",
               "reasons")  # fmt: skip
    SORTS: ClassVar[dict[int, TableSort]] = {
        0: TableSort.ID,
        1: TableSort.TIME,
        2: TableSort.DONOR,
        3: TableSort.AMOUNT,
    }

    def __init__(self, locale: str, base: DonationFilter | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.locale = locale
        self.base = base or DonationFilter()
        self.filter = self.base
        self.sort_key = TableSort.ID
        self.descending = True
        self._count = 0
        self._pages: dict[int, list[StoredDonation]] = {}
        self._requested: set[int] = set()
        self.generation = 0  # bumped on every reset: late pages of an older query are dropped

    # -- Qt model API ----------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            QCoreApplication.translate("Moderation", "#"),
            QCoreApplication.translate("Moderation", "Time"),
            QCoreApplication.translate("Moderation", "Donor"),
            QCoreApplication.translate("Moderation", "Amount"),
            QCoreApplication.translate("Moderation", "Message"),
            QCoreApplication.translate("Moderation", "On air"),
            QCoreApplication.translate("Moderation", "Status"),
            QCoreApplication.translate("Moderation", "Flags"),
            QCoreApplication.translate("Moderation", "Why"),
        )[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        d = self.donation(index.row())
        if d is None:
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                return "…"
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(d, column)
        if role == DonationRole:
            return d
        if role == HighlightRole and column == 4:
            return highlighted_message(d)
        if role == Qt.ItemDataRole.ToolTipRole and column == 4:
            return d.message or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (0, 3):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if d.status == "refunded":
                return QColor(Theme.colors["muted"])
            if column == 5 and d.message_status == "held":
                return QColor(Theme.colors["accent2"])
            if column == 5 and d.message_status == "hidden":
                return QColor(Theme.colors["danger"])
            if column in (7, 8) and d.flags:
                return QColor(Theme.colors["accent"])
        if role == Qt.ItemDataRole.FontRole and d.status == "refunded" and column == 3:
            font = QFont()
            font.setStrikeOut(True)
            return font
        return None

    def _text(self, d: StoredDonation, column: int) -> str:
        if column == 0:
            return str(d.id)
        if column == 1:
            return d.received_at.astimezone().strftime("%H:%M:%S")
        if column == 2:
            name = d.donor_name
            marks = []
            if d.anonymous:
                marks.append(QCoreApplication.translate("Moderation", "anonymous"))
            if d.hide_name_on_air:
                marks.append(QCoreApplication.translate("Moderation", "name hidden on air"))
            return f"{name} ({', '.join(marks)})" if marks else name
        if column == 3:
            amount = format_money(d.amount_minor, d.currency, self.locale)
            hidden = QCoreApplication.translate("Moderation", "hidden on air")
            return f"{amount} · {hidden}" if d.hide_amount_on_air else amount
        if column == 4:
            return (d.message or "").replace("\n", " ")
        if column == 5:
            return message_status_text(d.message_status) if d.message else ""
        if column == 6:
            return (
                QCoreApplication.translate("Moderation", "Refunded")
                if d.status == "refunded"
                else QCoreApplication.translate("Moderation", "Completed")
            )
        if column == 7:
            return flag_text(d.flags)
        return "; ".join(
            reason_text(r, d.currency, self.locale) for r in parse_review_reasons(d.review_reasons)
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.SORTS.get(column)
        if key is None:
            return
        self.sort_key = key
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.sortChanged.emit()

    # -- paging ----------------------------------------------------------------------------

    def donation(self, row: int) -> StoredDonation | None:
        if not 0 <= row < self._count:
            return None
        page, offset = divmod(row, PAGE_ROWS)
        rows = self._pages.get(page)
        if rows is None:
            if page not in self._requested:
                self._requested.add(page)
                self.pageWanted.emit(page)
            return None
        return rows[offset] if offset < len(rows) else None

    def set_count(self, count: int, first_page: Sequence[StoredDonation]) -> None:
        """A fresh query result: the row count and its first page."""
        self.beginResetModel()
        self.generation += 1
        self._count = count
        self._pages = {0: list(first_page)} if count else {}
        self._requested = {0}
        self.endResetModel()

    def refresh(self, count: int, pages: dict[int, list[StoredDonation]]) -> int:
        """The same query again (live updates): new rows on top in id order keep the rows the
        user selected where they are; otherwise the rows are replaced in place. Returns how
        many rows came on top (the view keeps what it shows in place: TablePager)."""
        grown = count - self._count
        if grown:
            self.generation += 1  # pages asked for before the rows moved would land shifted
        if grown > 0 and self.sort_key is TableSort.ID and self.descending:
            self.beginInsertRows(QModelIndex(), 0, grown - 1)
            self._count = count
            self._pages = pages
            self._requested = set(pages)
            self.endInsertRows()
        elif count != self._count:
            self.beginResetModel()
            self._count = count
            self._pages = pages
            self._requested = set(pages)
            self.endResetModel()
            return 0
        else:
            self._pages = pages
            self._requested = set(pages)
        if self._count:
            self.dataChanged.emit(
                self.index(0, 0), self.index(self._count - 1, len(self.COLUMNS) - 1)
            )
        return grown

    def page_loaded(self, generation: int, page: int, rows: list[StoredDonation]) -> None:
        if generation != self.generation:
            return
        self._pages[page] = rows
        first = page * PAGE_ROWS
        last = min(self._count, first + PAGE_ROWS) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.COLUMNS) - 1))

    def loaded_pages(self) -> list[int]:
        return sorted(self._pages)

    def update_donations(self, changed: Sequence[StoredDonation]) -> None:
        """Replace loaded rows by their new version (an action elsewhere changed them)."""
        by_id = {d.id: d for d in changed}
        for page, rows in self._pages.items():
            for i, d in enumerate(rows):
                new = by_id.get(d.id)
                if new is not None:
                    rows[i] = new
                    row = page * PAGE_ROWS + i
                    self.dataChanged.emit(
                        self.index(row, 0), self.index(row, len(self.COLUMNS) - 1)
                    )


class AuditTableModel(RecordTableModel[AuditRecord]):
    """The newest rows of the audit log (who, role, what, donation, before → after, reason)."""

    COLUMNS: ClassVar[int] = 7

    def header(self, column: int) -> str | None:
        return (
            QCoreApplication.translate("Moderation", "When"),
            QCoreApplication.translate("Moderation", "Who"),
            QCoreApplication.translate("Moderation", "Role"),
            QCoreApplication.translate("Moderation", "Action"),
            QCoreApplication.translate("Moderation", "Donation"),
            QCoreApplication.translate("Moderation", "Before → after"),
            QCoreApplication.translate("Moderation", "Reason"),
        )[column]

    def display(self, e: AuditRecord, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(e, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == 5:
            return f"{e.before or '—'}\n→\n{e.after or '—'}"
        return None

    def _text(self, e: AuditRecord, column: int) -> str:
        if column == 0:
            return e.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        if column == 1:
            return e.actor_name
        if column == 2:
            return {
                "creator": QCoreApplication.translate("Moderation", "Creator"),
                "moderator": QCoreApplication.translate("Moderation", "Moderator"),
                "system": QCoreApplication.translate("Moderation", "System"),
            }.get(e.actor_role, e.actor_role)
        if column == 3:
            return action_text(e.action)
        if column == 4:
            return str(e.donation_id) if e.donation_id is not None else ""
        if column == 5:
            if e.action == "rules":
                return QCoreApplication.translate("Moderation", "rules edited")
            return f"{_short(e.before)} → {_short(e.after)}"
        return e.reason or ""

    def show_newest(self, newest_first: Sequence[AuditRecord]) -> None:
        """The log read again: rows newer than the top one are inserted above it."""
        top = self.record(0)
        if top is None or not newest_first or newest_first[-1].id > top.id:
            self.reset(newest_first)
            return
        self.prepend([e for e in newest_first if e.id > top.id])

    def entry(self, row: int) -> AuditRecord | None:
        return self.record(row)


def action_text(action: str) -> str:
    return {
        "approve": QCoreApplication.translate("Moderation", "Approved message"),
        "hide": QCoreApplication.translate("Moderation", "Hid message"),
        "privacy": QCoreApplication.translate("Moderation", "On-air privacy"),
        "block-donor": QCoreApplication.translate("Moderation", "Blocked donor"),
        "unblock-donor": QCoreApplication.translate("Moderation", "Unblocked donor"),
        "rules": QCoreApplication.translate("Moderation", "Edited rules"),
        "refund": QCoreApplication.translate("Moderation", "Refund"),
    }.get(action, action)


def _short(value: str | None) -> str:
    if value is None:
        return "—"
    if value.startswith("{"):
        try:
            data = json.loads(value)
        except ValueError:
            return value[:60]
        if isinstance(data, dict) and "hide_name_on_air" in data:
            parts = []
            if data.get("hide_name_on_air"):
                parts.append(QCoreApplication.translate("Moderation", "name hidden"))
            if data.get("hide_amount_on_air"):
                parts.append(QCoreApplication.translate("Moderation", "amount hidden"))
            return ", ".join(parts) or QCoreApplication.translate("Moderation", "shown")
    return {
        "visible": QCoreApplication.translate("Moderation", "on air"),
        "held": QCoreApplication.translate("Moderation", "held"),
        "hidden": QCoreApplication.translate("Moderation", "hidden"),
        "completed": QCoreApplication.translate("Moderation", "completed"),
        "refunded": QCoreApplication.translate("Moderation", "refunded"),
    }.get(value, value[:60])


class BlockedDonorListModel(RecordModel[BlockedDonorRecord]):
    """The campaign's blocked donors: name, who blocked them."""

    def key(self, record: BlockedDonorRecord) -> Hashable:
        return record.donor_key

    def display(self, b: BlockedDonorRecord, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return (
                QCoreApplication.translate("Moderation", "%1 · blocked by %2")
                .replace("%1", b.donor_name)
                .replace("%2", b.actor_name)
            )
        return None
