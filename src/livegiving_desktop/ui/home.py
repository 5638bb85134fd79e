"""The home screen: every campaign (live, draft, ended) with its total; resume or create."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QPushButton,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from livegiving_desktop.core.campaigns import HomeSort
from livegiving_desktop.core.goals import progress_permille
from livegiving_desktop.core.money import format_money
from livegiving_desktop.core.team import SeatIdentity
from livegiving_desktop.ui.common.accessibility import name_clear_button
from livegiving_desktop.ui.common.error_text import user_message
from livegiving_desktop.ui.common.format import money
from livegiving_desktop.ui.common.model_base import RecordModel, RecordRole
from livegiving_desktop.ui.common.roles import gate
from livegiving_desktop.ui.common.runner import DbRunner, spawn
from livegiving_desktop.ui.common.throttle import Throttle
from livegiving_desktop.ui.common.widgets import card, label, themed_icon, themed_picture
from livegiving_desktop.ui.theme import Theme

if TYPE_CHECKING:  # the first screen paints before SQLAlchemy is imported (issue 19)
    from livegiving_desktop.core.records import CampaignRecord
    from livegiving_desktop.services.ledger import LedgerService


class CampaignListModel(RecordModel["CampaignRecord"]):
    """The campaigns of the home list (a card each, painted by CampaignDelegate)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(None, parent)
        self.locale = "en"
        self.organization_names: dict[str, str] = {}

    def display(self, c: CampaignRecord, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            amount = c.revenue_minor if c.kind.value == "paid-event" else c.total_minor
            text = f"{c.title} — {money(amount, c.currency, self.locale)}"
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return f"{text}, {self.date_line(c)}"
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.date_line(c)
        return None

    def date_line(self, c: CampaignRecord) -> str:
        """When: ended on, started on, else created on (a paid event: when it starts)."""
        if c.ended_at_us:
            text, when = self.tr("Ended %1"), c.ended_at_us
        elif c.started_at_us:
            text, when = self.tr("Started %1"), c.started_at_us
        elif c.starts_at_us:
            text, when = self.tr("Starts %1"), c.starts_at_us
        else:
            text, when = self.tr("Created %1"), c.created_at_us
        from babel.dates import format_date  # once campaigns are listed, after the first paint

        day = datetime.fromtimestamp(when / 1e6, UTC).astimezone()
        return text.replace("%1", format_date(day, "medium", locale=self.locale.replace("-", "_")))

    def campaign(self, row: int) -> CampaignRecord | None:
        return self.record(row)

    def tickets_line(self, c: CampaignRecord) -> str:
        """A paid event's card: its category and the tickets sold."""
        from livegiving_desktop.ui.paid_event.models import category_text  # a paid event's

        sold = self.tr("%1 · %n ticket(s) sold", "", c.tickets_sold)
        return sold.replace("%1", category_text(c.category))


class CampaignDelegate(QStyledItemDelegate):
    """A campaign card: title, organization, status, total and goal progress."""

    def __init__(self, model: CampaignListModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.model = model

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(option.rect.width(), 92)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        c: CampaignRecord | None = index.data(RecordRole)
        if c is None:
            return
        colors = Theme.colors
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(option.rect).adjusted(6, 5, -6, -5)
        from PySide6.QtWidgets import QStyle  # its enums cost 25 ms: after the first paint

        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        # Selected: a 2 px accent edge, at 3:1 on the list (the soft fill alone is not).
        painter.setPen(QPen(QColor(colors["accent"]), 2) if selected else QColor(colors["border"]))
        painter.setBrush(QColor(colors["accent_soft"] if selected else colors["surface2"]))
        painter.drawRoundedRect(rect, 12, 12)
        inner = rect.adjusted(18, 12, -18, -12)
        title_font = QFont(option.font)
        title_font.setBold(True)
        title_font.setPointSizeF(option.font.pointSizeF() * 1.2)
        painter.setFont(title_font)
        painter.setPen(QColor(colors["text"]))
        metrics = QFontMetrics(title_font)
        painter.drawText(
            QRectF(inner.left(), inner.top(), inner.width() * 0.6, metrics.height()),
            Qt.AlignmentFlag.AlignLeft,
            metrics.elidedText(c.title, Qt.TextElideMode.ElideRight, int(inner.width() * 0.6)),
        )
        # Status pill
        status = {
            "live": self.tr("LIVE"), "draft": self.tr("DRAFT"), "ended": self.tr("ENDED"),
            "cancelled": self.tr("CANCELLED"),
        }[c.status.value]  # fmt: skip
        pill_font = QFont(option.font)
        pill_font.setBold(True)
        pill_font.setPointSizeF(option.font.pointSizeF() * 0.8)
        painter.setFont(pill_font)
        pill_w = QFontMetrics(pill_font).horizontalAdvance(status) + 18
        pill = QRectF(inner.left(), inner.top() + metrics.height() + 8, pill_w, 20)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colors["live"] if c.status.value == "live" else colors["border"]))
        painter.drawRoundedRect(pill, 6, 6)
        painter.setPen(QColor(colors["on_live"] if c.status.value == "live" else colors["text"]))
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, status)
        subtitle = self.model.organization_names.get(c.organization_id or "", "")
        paid = c.kind.value == "paid-event"
        if paid:  # a paid event's card shows its ticket revenue, not donations
            subtitle = self.model.tickets_line(c)
        small = QFont(option.font)
        painter.setFont(small)
        painter.setPen(QColor(colors["muted"]))
        subtitle = " · ".join(part for part in (subtitle, self.model.date_line(c)) if part)
        room = inner.width() - 270 - (pill.right() + 10 - inner.left())
        painter.drawText(
            QRectF(pill.right() + 10, pill.top(), max(40.0, room), pill.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            QFontMetrics(small).elidedText(subtitle, Qt.TextElideMode.ElideRight, int(room)),
        )
        # Total and progress (right)
        total = format_money(c.revenue_minor if paid else c.total_minor, c.currency,
                             self.model.locale)  # fmt: skip
        total_font = QFont(option.font)
        total_font.setBold(True)
        total_font.setPointSizeF(option.font.pointSizeF() * 1.5)
        painter.setFont(total_font)
        painter.setPen(QColor(colors["text"]))
        painter.drawText(
            QRectF(inner.right() - 260, inner.top() - 2, 260, 30),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            total,
        )
        if c.goal_minor and not paid:
            bar = QRectF(inner.right() - 260, inner.bottom() - 10, 260, 8)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colors["border"]))
            painter.drawRoundedRect(bar, 4, 4)
            share = progress_permille(c.total_minor, c.goal_minor) / 1000
            painter.setBrush(QColor(colors["accent"]))
            if share > 0:
                painter.drawRoundedRect(QRectF(bar.left(), bar.top(), bar.width() * share, 8), 4, 4)
            painter.setFont(small)
            painter.setPen(QColor(colors["muted"]))
            goal = format_money(c.goal_minor, c.currency, self.model.locale)
            painter.drawText(
                QRectF(bar.left(), bar.top() - 24, bar.width(), 20),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                f"{int(share * 100)} % · {goal}",
            )
        painter.restore()


class HomePage(QWidget):
    newRequested = Signal()
    openRequested = Signal(object)  # CampaignRecord
    queryChanged = Signal()  # the search, the sort or "show archived" changed: list again
    failed = Signal(str)  # an archive or duplicate was refused: in words

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.identity: SeatIdentity | None = None  # a team seat's role (PostgreSQL)
        self.setObjectName("page")
        self.model = CampaignListModel(self)
        self.new_button = QPushButton(self.tr("New campaign"))
        themed_icon(self.new_button, "mdi6.plus-circle", "on_accent")
        self.new_button.setObjectName("newCampaign")
        self.new_button.setAccessibleName(self.tr("New campaign"))
        self.new_button.setProperty("role", "primary")
        self.new_button.clicked.connect(self.newRequested)

        self.list = QListView()
        self.list.setObjectName("campaignList")
        self.list.setAccessibleName(self.tr("Campaigns"))
        self.list.setModel(self.model)
        self.list.setItemDelegate(CampaignDelegate(self.model, self.list))
        self.list.setUniformItemSizes(True)
        self.list.setMouseTracking(True)
        self.list.activated.connect(self._on_list_activated)
        self.open_button = QPushButton(self.tr("Open"))
        themed_icon(self.open_button, "mdi6.play-circle")
        self.open_button.setObjectName("openCampaign")
        self.open_button.setAccessibleName(self.tr("Open the selected campaign"))
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.runner: DbRunner | None = None
        self.service: LedgerService | None = None
        self._build_tools()

        # Empty state: what to do next.
        empty = card()
        empty_layout = QVBoxLayout(empty)
        empty_layout.setContentsMargins(40, 40, 40, 40)
        empty_layout.setSpacing(12)
        art = label()
        themed_picture(art, "mdi6.hand-heart-outline", "accent", 72)
        art.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty_layout.addWidget(art)
        title = label(self.tr("Raise money live for a cause you love"), "h1")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty_layout.addWidget(title)
        hint = label(
            self.tr(
                "Create your first fundraiser: pick a nonprofit, set a goal, then go live and "
                "thank your donors on air."
            ),
            "muted",
            wrap=True,
        )
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty_layout.addWidget(hint)
        self.empty_new = QPushButton(self.tr("Create a fundraiser"))
        themed_icon(self.empty_new, "mdi6.plus-circle", "on_accent")
        self.empty_new.setObjectName("emptyStateNewCampaign")
        self.empty_new.setAccessibleName(self.tr("Create a fundraiser"))
        self.empty_new.setProperty("role", "primary")
        self.empty_new.clicked.connect(self.newRequested)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.empty_new)
        row.addStretch(1)
        empty_layout.addLayout(row)

        self.stack = QStackedWidget()
        listing = QWidget()
        listing_layout = QVBoxLayout(listing)
        listing_layout.setContentsMargins(0, 0, 0, 0)
        listing_layout.addWidget(self.list, 1)
        open_row = QHBoxLayout()
        open_row.addWidget(self.archive_button)
        open_row.addWidget(self.duplicate_button)
        open_row.addStretch(1)
        open_row.addWidget(self.open_button)
        listing_layout.addLayout(open_row)
        self.stack.addWidget(listing)
        empty_page = QWidget()
        empty_page_layout = QVBoxLayout(empty_page)
        empty_page_layout.addStretch(1)
        empty_page_layout.addWidget(empty)
        empty_page_layout.addStretch(2)
        self.stack.addWidget(empty_page)
        # While the database opens (after the window's first paint): said, not a blank list.
        self.loading = label("", "muted", wrap=True)
        self.loading.setObjectName("homeLoading")
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        loading_page = QWidget()
        loading_layout = QVBoxLayout(loading_page)
        loading_layout.addStretch(1)
        loading_layout.addWidget(self.loading)
        loading_layout.addStretch(2)
        self.stack.addWidget(loading_page)
        self._loading_page = loading_page

        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(label(self.tr("LIVEGIVING"), "eyebrow"))
        titles.addWidget(label(self.tr("Your campaigns"), "h1"))
        header.addLayout(titles)
        header.addStretch(1)
        header.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 28, 40, 28)
        layout.setSpacing(18)
        layout.addLayout(header)
        layout.addLayout(self.tools)
        layout.addWidget(self.stack, 1)

    def set_loading(self, text: str) -> None:
        """The list is not there yet (the database opens, or could not): say so, in words a
        screen reader reads; nothing to create or open until it is."""
        self.loading.setText(text)
        self.loading.setAccessibleName(text)
        self.list.setAccessibleDescription(text)
        self.stack.setCurrentWidget(self._loading_page)
        for button in (self.new_button, self.empty_new):
            button.setEnabled(False)
        self._update_tools()

    def is_loading(self) -> bool:
        return self.stack.currentWidget() is self._loading_page

    def set_identity(self, identity: SeatIdentity) -> None:
        """A team seat that may not create campaigns sees why (the owner's)."""
        self.identity = identity
        gate(self.new_button, identity.may_run_broadcast, identity, "create a campaign")
        self._update_tools()

    def _build_tools(self) -> None:
        """Search, sort and archived campaigns above the list; archive and duplicate below."""
        self.search = QLineEdit()
        self.search.setObjectName("homeSearch")
        self.search.setAccessibleName(self.tr("Search campaigns"))
        self.search.setPlaceholderText(self.tr("Search by title or nonprofit"))
        self.search.setClearButtonEnabled(True)
        name_clear_button(self.search)
        self.sort = QComboBox()
        self.sort.setObjectName("homeSort")
        self.sort.setAccessibleName(self.tr("Sort campaigns"))
        for text, key in ((self.tr("Newest first"), HomeSort.NEWEST),
                          (self.tr("Title"), HomeSort.TITLE),
                          (self.tr("Most raised"), HomeSort.TOTAL),
                          (self.tr("Status"), HomeSort.STATUS)):  # fmt: skip
            self.sort.addItem(text, key.value)
        sort_label = label(self.tr("Sort by"), "muted")
        sort_label.setBuddy(self.sort)
        self.show_archived = QCheckBox(self.tr("Show archived"))
        self.show_archived.setObjectName("homeShowArchived")
        self.show_archived.setAccessibleName(self.tr("Show archived campaigns"))
        self.archive_button = QPushButton(self.tr("Archive"))
        themed_icon(self.archive_button, "mdi6.archive-arrow-down-outline")
        self.archive_button.setObjectName("archiveCampaign")
        self.archive_button.setAccessibleName(self.tr("Archive the selected campaign"))
        self.duplicate_button = QPushButton(self.tr("Duplicate"))
        themed_icon(self.duplicate_button, "mdi6.content-copy")
        self.duplicate_button.setObjectName("duplicateCampaign")
        self.duplicate_button.setAccessibleName(self.tr("Duplicate the selected campaign"))
        self.tools = QHBoxLayout()
        self.tools.addWidget(self.search, 1)
        self.tools.addWidget(sort_label)
        self.tools.addWidget(self.sort)
        self.tools.addWidget(self.show_archived)
        self._debounce = Throttle(self.queryChanged.emit, 250, parent=self)
        self.search.textChanged.connect(self._on_query_edited)
        self.sort.currentIndexChanged.connect(self._on_query_edited)
        self.show_archived.toggled.connect(self._on_query_edited)
        self.archive_button.clicked.connect(self._on_archive_clicked)
        self.duplicate_button.clicked.connect(self._on_duplicate_clicked)
        self.list.selectionModel().currentChanged.connect(self._update_tools)
        self._update_tools()

    def attach(self, runner: DbRunner, service: LedgerService) -> None:
        """Where campaigns are created, opened, archived and duplicated: until then (the list
        read from the file while the database opens) their buttons wait."""
        self.runner, self.service = runner, service
        self._enable_new()
        self._update_tools()

    def _enable_new(self) -> None:
        """Creating a campaign is possible once the list is shown and the ledger attached
        (the role allowing)."""
        if self.is_loading() or self.service is None:
            return
        for button in (self.new_button, self.empty_new):
            button.setEnabled(True)
        if self.identity is not None:
            gate(self.new_button, self.identity.may_run_broadcast, self.identity,
                 "create a campaign")  # fmt: skip

    def query(self) -> dict[str, Any]:
        """The home list's query (LedgerService.home_campaigns' keywords)."""
        return {
            "search": self.search.text(),
            "sort": str(self.sort.currentData()),
            "include_archived": self.show_archived.isChecked(),
        }

    def is_filtered(self) -> bool:
        return bool(self.search.text().strip()) or self.show_archived.isChecked()

    @Slot()
    def _on_query_edited(self) -> None:
        self._debounce()

    @Slot()
    def _update_tools(self) -> None:
        c = self.model.campaign(self.list.currentIndex().row())
        archived = c is not None and c.archived_at_us is not None
        if self.service is None:  # listed from the file; the ledger is still opening
            c = None
        text = self.tr("Unarchive") if archived else self.tr("Archive")
        self.archive_button.setText(text)
        self.archive_button.setAccessibleName(
            self.tr("Unarchive the selected campaign") if archived
            else self.tr("Archive the selected campaign")
        )  # fmt: skip
        self.archive_button.setEnabled(c is not None and c.status.value != "live")
        self.duplicate_button.setEnabled(c is not None)
        self.open_button.setEnabled(c is not None)
        if self.identity is not None:  # a team seat: archive and duplicate are the owner's
            owner = self.identity.may_run_broadcast
            gate(self.archive_button, owner, self.identity, "create a campaign")
            gate(self.duplicate_button, owner, self.identity, "create a campaign")

    @Slot()
    def _on_archive_clicked(self) -> None:
        c = self.model.campaign(self.list.currentIndex().row())
        if c is not None:
            undo = c.archived_at_us is not None
            spawn(self._write(lambda s: s.unarchive(c.id) if undo else s.archive(c.id)),
                  self._report)  # fmt: skip

    @Slot()
    def _on_duplicate_clicked(self) -> None:
        c = self.model.campaign(self.list.currentIndex().row())
        if c is not None:
            spawn(self._write(lambda s: s.duplicate(c.id)), self._report)

    async def _write(self, work: Callable[[LedgerService], CampaignRecord]) -> None:
        service, runner = self.service, self.runner
        if service is None or runner is None:
            return
        await runner.call(work, service)
        self.queryChanged.emit()  # the list again, at once

    def _report(self, exc: BaseException) -> None:
        self.failed.emit(user_message(exc))  # in words, never driver text

    def set_campaigns(self, campaigns: list[CampaignRecord], locale: str) -> None:
        was_loading = self.is_loading()
        if was_loading:
            self.list.setAccessibleDescription("")
        current = self.model.campaign(self.list.currentIndex().row())
        self.model.locale = locale
        self.model.reset(campaigns)
        # The empty state is for a database without campaigns, not a search that finds none.
        self.stack.setCurrentIndex(0 if campaigns or self.is_filtered() else 1)
        if campaigns:
            row = self.model.row_of(current.id) if current is not None else -1
            self.list.setCurrentIndex(self.model.index(max(0, row)))
        if was_loading:
            self._enable_new()
        self._update_tools()

    @Slot(QModelIndex)
    def _on_list_activated(self, index: QModelIndex) -> None:
        campaign = self.model.campaign(index.row())
        if campaign is not None and self.service is not None:  # opened once the ledger is
            self.openRequested.emit(campaign)

    @Slot()
    def _on_open_button_clicked(self) -> None:
        self._on_list_activated(self.list.currentIndex())
