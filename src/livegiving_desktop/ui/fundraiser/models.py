"""Item models of the fundraiser's live view: the donor feed (bounded: it keeps the newest rows
and pages older ones in from the database as the user scrolls) and the queue of donations to
thank. What each row shows on air follows core/on_air.py."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

from livegiving_desktop.core.on_air import MessageOnAir, OnAirPolicy, message_on_air
from livegiving_desktop.core.records import CampaignRecord, StoredDonation
from livegiving_desktop.ui.common.format import isolate, money
from livegiving_desktop.ui.common.model_base import RecordModel, RecordRole

DonationRole = RecordRole  # the StoredDonation of a row
ShownNameRole = Qt.ItemDataRole.UserRole + 2
AmountTextRole = Qt.ItemDataRole.UserRole + 3

_Index = QModelIndex | QPersistentModelIndex
# The rows a live list keeps while its user watches the top (older ones page in on scrolling).
# A QListView lays out every row of its model at each insert, asking Python for the row count
# twice per row: 0.78 ms a flush with 500 rows, 0.31 ms with 200, on the UI thread.
LIVE_ROWS = 200


class OnAirPrivacy:
    """How a donation reads on air, in the UI's language (the rule itself: core/on_air.py)."""

    def __init__(self, campaign: CampaignRecord | None, locale: str) -> None:
        # No campaign: the empty views shown while a campaign loads (they hold no rows).
        self.policy = OnAirPolicy.of(campaign)
        self.locale = locale

    def shown_name(self, d: StoredDonation) -> str:
        return self.policy.shown_name(d) or QCoreApplication.translate("Feed", "Anonymous")

    def top_donor_name(self, name: str | None) -> str:
        return self.policy.shown_top_donor(name) or QCoreApplication.translate("Feed", "Anonymous")

    def amount_text(self, d: StoredDonation) -> str:
        minor = self.policy.shown_amount(d)
        return "" if minor is None else money(minor, d.currency, self.locale)

    def message_text(self, d: StoredDonation) -> str:
        return {
            MessageOnAir.REFUNDED: QCoreApplication.translate("Feed", "Refunded"),
            MessageOnAir.NONE: "",
            MessageOnAir.HELD: QCoreApplication.translate("Feed", "Message held for review"),
            MessageOnAir.HIDDEN: QCoreApplication.translate(
                "Feed", "Message hidden by a moderator"
            ),
            MessageOnAir.SHOWN: d.message or "",
        }[message_on_air(d)]

    def line(self, d: StoredDonation) -> str:
        """`Name — €12.50`; the name is isolated so that a right-to-left name does not pull
        the amount to its side."""
        name, amount = isolate(self.shown_name(d)), self.amount_text(d)
        return f"{name} — {amount}" if amount else name


def short_time(d: StoredDonation) -> str:
    return d.received_at.astimezone().strftime("%H:%M:%S")  # the creator's local time


def after_broadcast_mark(d: StoredDonation) -> str:
    """'after the broadcast' for an offline donation recorded once the broadcast had ended."""
    return QCoreApplication.translate("Feed", "after the broadcast") if d.after_broadcast else ""


def time_line(d: StoredDonation) -> str:
    """The time a row shows, marked when the donation came after the broadcast."""
    mark = after_broadcast_mark(d)
    return f"{short_time(d)} · {mark}" if mark else short_time(d)


class PagedDonationModel(RecordModel[StoredDonation]):
    """Donations newest first, older pages loaded from the database as the user scrolls:
    `fetchMore` asks for the rows before the oldest shown (`olderRequested`), and
    `append_older` adds the page that comes back."""

    olderRequested = Signal(int)  # the id of the oldest row shown: load rows before it

    def __init__(self, privacy: OnAirPrivacy, limit: int, parent: QObject | None = None) -> None:
        super().__init__(limit, parent)
        self.privacy = privacy
        self._has_older = True
        self._loading_older = False

    def show(self, rows: Sequence[StoredDonation], *, has_older: bool = True) -> None:
        """A campaign's newest rows (the first page)."""
        self._has_older = has_older
        self._loading_older = False
        self.reset(rows)

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return (
            not parent.isValid()
            and self._has_older
            and not self._loading_older
            and self.rowCount() > 0
        )

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        oldest = self.record(self.rowCount() - 1)
        if self.canFetchMore(parent) and oldest is not None:
            self._loading_older = True
            # From now on nothing leaves from the bottom: rows trimmed while the page is read
            # would be missing for good (the page starts below the oldest row shown).
            self._keep_paged_in()
            self.olderRequested.emit(oldest.id)

    def append_older(self, rows: Sequence[StoredDonation], *, page_size: int) -> None:
        self._loading_older = False
        oldest = self.record(self.rowCount() - 1)
        older = [r for r in rows if oldest is None or r.id < oldest.id]
        self._keep_paged_in()
        self.append(older)
        self._has_older = len(older) >= page_size

    def _keep_paged_in(self) -> None:
        """Called before a page of older rows is appended."""


class DonationFeedModel(PagedDonationModel):
    """Newest first. Live donations are prepended in one insert per flush; while the user
    watches the top the model keeps at most `limit` rows, and it loads older pages on demand
    (`olderRequested`)."""

    def __init__(
        self, privacy: OnAirPrivacy, live_limit: int = LIVE_ROWS, parent: QObject | None = None
    ) -> None:
        super().__init__(privacy, live_limit, parent)

    @property
    def live_limit(self) -> int:
        return self.limit or 0

    def display(self, d: StoredDonation, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            head = self.privacy.line(d)
            mark = after_broadcast_mark(d)
            head = f"{head} · {mark}" if mark else head
            message = self.privacy.message_text(d)
            return f"{head} · {isolate(message)}" if message else head
        if role == ShownNameRole:
            return self.privacy.shown_name(d)
        if role == AmountTextRole:
            return self.privacy.amount_text(d)
        if role == Qt.ItemDataRole.ToolTipRole:
            thanked = (
                QCoreApplication.translate("Feed", "Thanked on air")
                if d.thanked
                else QCoreApplication.translate("Feed", "Not thanked yet")
            )
            return f"{self.privacy.shown_name(d)} · {time_line(d)} · {thanked}"
        return None

    def add_newest(self, newest_first: Sequence[StoredDonation]) -> int:
        """Live donations on top; rows already shown are not shown twice. Returns how many
        came on top (rows past the limit may leave from the bottom meanwhile)."""
        top = self.record(0)
        fresh = [d for d in newest_first if top is None or d.id > top.id]
        if not self.keep_older:
            # Trimmed next to the newest `live_limit`: the rest would leave at once (older
            # ones page in from the database). Kept rows keep every new one: no gap.
            fresh = fresh[: self.live_limit]
        if not fresh:
            return 0
        self.beginInsertRows(QModelIndex(), 0, len(fresh) - 1)
        self._rows[0:0] = fresh
        self.endInsertRows()
        if not self.keep_older and self.rowCount() > self.live_limit:
            self.trim()
            self._has_older = True
        return len(fresh)

    def donation(self, row: int) -> StoredDonation | None:
        return self.record(row)


class ThankQueueModel(PagedDonationModel):
    """The donations not thanked yet, newest first: the newest `limit` rows, and older pages
    from the database as the user scrolls (`olderRequested`), through all of them."""

    def __init__(
        self, privacy: OnAirPrivacy, limit: int = LIVE_ROWS, parent: QObject | None = None
    ) -> None:
        super().__init__(privacy, limit, parent)
        self._live_limit = limit

    def prepend(self, newest_first: Sequence[StoredDonation]) -> int:
        if self.limit is not None and not self.keep_older and len(newest_first) > self.limit:
            newest_first = newest_first[: self.limit]  # the rest would leave at once
            self._has_older = True
        before = self.rowCount()
        added = super().prepend(newest_first)
        if self.rowCount() < before + added:
            self._has_older = True  # rows left from the bottom: they can be paged in again
        return added

    def show(self, rows: Sequence[StoredDonation], *, has_older: bool = True) -> None:
        self.limit = self._live_limit  # a new first page: bounded again
        super().show(rows, has_older=has_older)

    def _keep_paged_in(self) -> None:
        self.limit = None  # paged in on purpose: kept while the queue is looked at

    def display(self, d: StoredDonation, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.privacy.line(d)
        return None

    def follow(self, changed: Sequence[StoredDonation]) -> None:
        """Thanked and refunded donations leave the queue; others show their new version."""
        self.remove(d.id for d in changed if d.thanked or d.refunded)
        self.update(d for d in changed if not (d.thanked or d.refunded))
