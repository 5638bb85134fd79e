"""Paging for one moderation table: the row count and pages of 200 rows are queried on the
database thread; a new query (filter, sort, campaign) bumps the model's generation, so pages of
an older query that arrive late are dropped, and ones still waiting are skipped.

New donations come on top of a table sorted newest first. A moderator reading older rows
(scrolled down), or with the pointer over the rows (about to click one), keeps the rows they
see where they are, as a chat pauses under the pointer: the view scrolls by what came on top,
and a "N newer" button over the table goes back to the newest. A pause the pointer made ends
at the next rows once the pointer has left with nothing selected; one the moderator scrolled
into, or left with rows selected (off to the action buttons), lasts until they go back."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QAbstractItemView, QTableView

from livegiving_desktop.core.moderation import DonationFilter
from livegiving_desktop.core.records import StoredDonation
from livegiving_desktop.services.moderation import ModerationService
from livegiving_desktop.ui.common.error_text import user_message
from livegiving_desktop.ui.common.runner import DbRunner, spawn
from livegiving_desktop.ui.common.widgets import button
from livegiving_desktop.ui.moderation.models import PAGE_ROWS, ModerationTableModel

REFRESH_PAGES = 3  # a refresh queries again at most the first pages loaded


class TablePager(QObject):
    """Drives `model` for `view`; `query` gives (campaign id, filter) or None (nothing shown,
    or the filter is not valid: `invalid` said why)."""

    counted = Signal(int)  # the rows of the current query
    failed = Signal(str)

    def __init__(  # noqa: PLR0917
        self,
        model: ModerationTableModel,
        view: QTableView,
        runner: DbRunner,
        moderation: ModerationService,
        query: Callable[[], tuple[int, DonationFilter] | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.model, self.view = model, view
        self.runner, self.moderation = runner, moderation
        self._query = query
        self._campaign_id: int | None = None
        self.newer = 0  # rows that came on top while the view held its place
        self._by_pointer = False  # held only because the pointer was over the rows at the top
        self._adjusting = False  # the view scrolled by _hold, not by the moderator
        self.newer_button = button("", f"{view.objectName()}Newer", "mdi6.arrow-up", "primary")
        self.newer_button.setParent(view)
        self.newer_button.hide()
        self.newer_button.clicked.connect(self.show_newest)
        view.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        model.pageWanted.connect(self._on_model_page_wanted)
        model.sortChanged.connect(self._on_model_sort_changed)

    # -- holding the rows in view ------------------------------------------------------------

    def _holding(self) -> bool:
        """Whether what the view shows stays put as rows come on top. A pause the pointer made
        ends here once the pointer has left (no event filter on the view: one in Python was
        called as the view was being destroyed, and crashed)."""
        view = self.view
        # The view's own flag: the pointer over its rows, its header or the button counts.
        pointer = view.underMouse()
        if self._by_pointer and not pointer:
            if view.selectionModel().hasSelection():
                self._by_pointer = False  # rows to act on, off to the buttons: they stay in view
            else:
                self.show_newest()
        if self.newer:
            self._place_newer()  # the view may have been resized since
        return view.verticalScrollBar().value() > 0 or pointer

    def _hold(self, added: int) -> None:
        view = self.view
        view.doItemsLayout()  # the scroll bar's range includes the new rows
        bar = view.verticalScrollBar()
        before = bar.value()
        per_item = view.verticalScrollMode() is QAbstractItemView.ScrollMode.ScrollPerItem
        self._adjusting = True
        try:
            bar.setValue(before + added * (1 if per_item else view.rowHeight(0)))
        finally:
            self._adjusting = False
        if bar.value() == before:
            return  # every row fits: nothing moved out of view
        self._by_pointer = self._by_pointer or before == 0
        self.newer += added
        self._show_newer()

    def _show_newer(self) -> None:
        text = self.tr("%n newer donation(s)", "", self.newer)
        self.newer_button.setText(text)
        self.newer_button.setAccessibleName(text)
        self.newer_button.adjustSize()
        self._place_newer()
        self.newer_button.show()
        self.newer_button.raise_()

    def _place_newer(self) -> None:
        """Top right over the rows, away from the donor and the amount a click aims at."""
        viewport, pill = self.view.viewport(), self.newer_button
        pill.move(viewport.x() + viewport.width() - pill.width() - 12, viewport.y() + 8)

    @Slot()
    def show_newest(self) -> None:
        """Back to the newest rows, which then come on top as they arrive."""
        self.view.scrollToTop()
        self._forget_newer()

    def _forget_newer(self) -> None:
        self.newer = 0
        self._by_pointer = False
        self.newer_button.hide()

    @Slot(int)
    def _on_scrolled(self, value: int) -> None:
        if not self._adjusting:
            self._by_pointer = False  # the moderator scrolled: held until they go back
        if value == 0 and self.newer:
            self._forget_newer()  # the newest rows are in view

    def _spawn_query(self, work: object) -> None:
        spawn(work, lambda exc: self.failed.emit(user_message(exc)))  # type: ignore[arg-type]

    @Slot(int)
    def _on_model_page_wanted(self, page: int) -> None:
        self._spawn_query(self.load_page(page))

    @Slot()
    def _on_model_sort_changed(self) -> None:
        self._spawn_query(self.reload())

    async def reload(self) -> None:
        """A new query: its count and first rows, shown from the top."""
        query = self._query()
        if query is None:
            return
        campaign_id, where = query
        model = self.model
        model.filter = where
        sort, desc = model.sort_key, model.descending

        def work() -> tuple[int, list[StoredDonation]]:
            count = self.moderation.count(campaign_id, where)
            rows = self.moderation.page(
                campaign_id, where, sort=sort, descending=desc, offset=0, limit=PAGE_ROWS
            )
            return count, rows

        count, rows = await self.runner.call(work)
        now = self._query()
        if now is None or now[0] != campaign_id:
            return  # another campaign is shown now
        self._campaign_id = campaign_id
        model.set_count(count, rows)
        # A new query shows its first rows (and never asks for a deep page it will not show).
        self.show_newest()
        self.counted.emit(count)

    async def load_page(self, page: int) -> None:
        if self._campaign_id is None:
            return
        model, campaign_id = self.model, self._campaign_id
        generation, where = model.generation, model.filter
        sort, desc = model.sort_key, model.descending

        def work() -> list[StoredDonation] | None:
            # Skipped when the query changed while it waited its turn (a deep page of a large
            # sorted campaign is not free): the new query's pages are asked for instead.
            if model.generation != generation:
                return None
            return self.moderation.page(
                campaign_id, where, sort=sort, descending=desc,
                offset=page * PAGE_ROWS, limit=PAGE_ROWS,
            )  # fmt: skip

        rows = await self.runner.call(work)
        if rows is not None:
            model.page_loaded(generation, page, rows)

    async def refresh(self) -> None:
        """The same query again: new donations appear, changed ones update in place."""
        if self._campaign_id is None:
            return
        model, campaign_id = self.model, self._campaign_id
        generation, where = model.generation, model.filter
        sort, desc = model.sort_key, model.descending
        pages = model.loaded_pages()[:REFRESH_PAGES] or [0]

        def work() -> tuple[int, dict[int, list[StoredDonation]]]:
            count = self.moderation.count(campaign_id, where)
            return count, {
                p: self.moderation.page(
                    campaign_id,
                    where,
                    sort=sort,
                    descending=desc,
                    offset=p * PAGE_ROWS,
                    limit=PAGE_ROWS,
                )
                for p in pages
            }

        count, loaded = await self.runner.call(work)
        if model.generation == generation and self._campaign_id == campaign_id:
            holding = self._holding()
            added = model.refresh(count, loaded)
            if added and holding:
                self._hold(added)
            self.counted.emit(count)
