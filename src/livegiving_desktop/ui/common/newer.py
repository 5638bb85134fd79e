"""Rows that hold still as new ones come on top of a list sorted newest first (the moderation
tables, the creator's donor feed, a paid event's ticket sales).

Someone reading older rows (scrolled down), or with the pointer over the rows at the top (about
to click one), keeps the rows they see where they are, as a chat pauses under the pointer: the
view scrolls by what came on top, and a button over the rows ("↑ 3 newer donations") goes back
to the newest. A pause the pointer made ends at the next rows once the pointer has left with
nothing selected; one they scrolled into, or left with rows selected (off to the action
buttons), lasts until they go back to the top.

    newer = NewerRows(view, "moderationTableNewer")
    holding = newer.holding()            # before the rows are inserted on top
    added = model.insert_on_top(...)
    if added and holding:
        newer.hold(added)

The pointer is read when rows come (the view's own flag: its rows, its header and the button
count): an event filter in Python on the view was called as the view was being destroyed, and
crashed the process.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, QPersistentModelIndex, Slot
from PySide6.QtWidgets import QAbstractItemView, QTableView

from livegiving_desktop.ui.common.widgets import button

# The most rows a view keeps while it holds still: past them (a pointer resting on it through
# a burst, or someone reading below through a rush of sales) the newest show again and the
# model is trimmed to its limit.
HOLD_ROWS = 1_000


class NewerRows(QObject):
    """Holds `view`'s rows in place as rows come on top; its button goes back to the newest."""

    def __init__(
        self, view: QAbstractItemView, name: str, *, feed: bool = False, tickets: bool = False
    ) -> None:
        """`feed`: the creator's donor feed. Its selection stays for good (the donor to
        thank), so a selection does not keep a pause the pointer made once it has left, and
        its button goes over the middle of the rows (its amounts are on the right; a table's
        button goes top right, where its columns say least). `tickets`: the rows are ticket
        sales, and the button says so; like a table's, its selection (the ticket to refund or
        give a new code) keeps the pause."""
        super().__init__(view)
        self.view = view
        self._feed = feed
        self._tickets = tickets
        self.count = 0  # rows that came on top while the view held its place
        self.by_pointer = False  # held only because the pointer was over the rows at the top
        self._adjusting = False  # the view scrolled by hold(), not by its user
        self.button = button("", name, "mdi6.arrow-up", "primary")
        self.button.setParent(view)
        self.button.hide()
        self.button.clicked.connect(self.show_newest)
        view.verticalScrollBar().valueChanged.connect(self._on_scrolled)

    def holding(self) -> bool:
        """Whether the rows in view stay put as rows come on top now. A pause the pointer
        made ends here once the pointer has left with nothing selected."""
        view = self.view
        pointer = view.underMouse()
        if self.by_pointer and not pointer:
            selection = view.selectionModel()
            if not self._feed and selection is not None and selection.hasSelection():
                self.by_pointer = False  # rows to act on, off to the buttons: they stay in view
            else:
                self.show_newest()
        if self.count:
            self._place()  # the view may have been resized since
        return view.verticalScrollBar().value() > 0 or pointer

    def holding_at_most(self, kept: int, *, pointer_only: bool = False) -> bool:
        """holding(), but a hold that keeps HOLD_ROWS rows (`kept`) lets go. `pointer_only`:
        only a pointer's hold (a view that pages older rows in as it is scrolled keeps them on
        purpose)."""
        holding = self.holding()
        if holding and kept >= HOLD_ROWS and (self.by_pointer or not pointer_only):
            self.show_newest()
            return False
        return holding

    def hold(self, added: int) -> None:
        """`added` rows came on top: scroll by them, so that the rows in view stay put."""
        view = self.view
        view.doItemsLayout()  # the scroll bar's range includes the new rows
        bar = view.verticalScrollBar()
        before = bar.value()
        if view.verticalScrollMode() is QAbstractItemView.ScrollMode.ScrollPerItem:
            step = 1
        elif isinstance(view, QTableView):
            step = view.rowHeight(0)  # a table's rows may be taller than their hint
        else:
            step = view.sizeHintForRow(0)
        self._adjusting = True
        try:
            bar.setValue(before + added * step)
        finally:
            self._adjusting = False
        if bar.value() == before:
            return  # every row fits: nothing moved out of view
        self.by_pointer = self.by_pointer or before == 0
        self.count += added
        if self._tickets:
            text = self.tr("%n newer ticket sale(s)", "", self.count)
        else:
            text = self.tr("%n newer donation(s)", "", self.count)
        self.button.setText(text)
        self.button.setAccessibleName(text)
        self.button.adjustSize()
        self._place()
        self.button.show()
        self.button.raise_()

    def _place(self) -> None:
        """At the top of the rows, away from the donor and the amount a click aims at."""
        viewport, pill = self.view.viewport(), self.button
        free = viewport.width() - pill.width()
        pill.move(viewport.x() + (free // 2 if self._feed else free - 12), viewport.y() + 8)

    @Slot()
    def show_newest(self) -> None:
        """Back to the newest rows, which then come on top as they arrive."""
        self.view.scrollToTop()
        self._forget()

    def _forget(self) -> None:
        self.count = 0
        self.by_pointer = False
        self.button.hide()

    @Slot(int)
    def _on_scrolled(self, value: int) -> None:
        if not self._adjusting:
            self.by_pointer = False  # its user scrolled: held until they go back
        if value == 0 and self.count:
            self._forget()  # the newest rows are in view


@contextmanager
def unpicked_if_gone(view: QAbstractItemView) -> Iterator[None]:
    """Around rows leaving `view`'s model (a list trimmed at the bottom as new rows come on
    top): a picked row that leaves is unpicked, never swapped for another. A single-selection
    view of Qt selects a neighbour when the selected row is removed, so the donor picked for
    Thank, or the ticket picked for Refund, became someone the user never picked."""
    selection = view.selectionModel()
    picked = [QPersistentModelIndex(i) for i in selection.selectedIndexes()] if selection else []
    yield
    if picked and not all(p.isValid() for p in picked):
        selection.clear()
