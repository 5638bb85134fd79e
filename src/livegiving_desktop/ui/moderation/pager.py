"""Paging for one moderation table: the row count and pages of 200 rows are queried on the
database thread; a new query (filter, sort, campaign) bumps the model's generation, so pages of
an older query that arrive late are dropped, and ones still waiting are skipped. New donations
on top leave the rows a moderator reads where they are (ui/common/newer.py)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QTableView

from livegiving_desktop.core.moderation import DonationFilter
from livegiving_desktop.core.records import StoredDonation
from livegiving_desktop.services.moderation import ModerationService
from livegiving_desktop.ui.common.error_text import user_message
from livegiving_desktop.ui.common.newer import NewerRows
from livegiving_desktop.ui.common.runner import DbRunner, spawn
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
        self.newer = NewerRows(view, f"{view.objectName()}Newer")
        model.pageWanted.connect(self._on_model_page_wanted)
        model.sortChanged.connect(self._on_model_sort_changed)

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
        self.newer.show_newest()
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
            holding = self.newer.holding()
            added = model.refresh(count, loaded)
            if added and holding:
                self.newer.hold(added)
            self.counted.emit(count)
