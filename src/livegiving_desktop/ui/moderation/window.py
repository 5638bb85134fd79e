"""The moderation console: a window of its own (a second screen, or a moderator's own seat with
`livegiving --moderator`) where moderators watch every donation, approve or hide held messages,
choose on-air privacy, refund, block donors, edit the campaign's rules and read the audit log.

The window composes its parts: the filter bar (filter_bar.py), the tables and their pagers
(models.py, pager.py), the rules form (rules_form.py), the moderator's identity (identity.py).
Every action is one operation (ui/operations.py); what it changed reaches every window through
the ledger's changes.
"""

from __future__ import annotations

import logging
from collections.abc import Coroutine
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QMainWindow,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from livegiving_desktop.core.campaigns import CampaignKind
from livegiving_desktop.core.errors import ValidationError
from livegiving_desktop.core.moderation import DonationFilter, MessageStatus, ModerationRules
from livegiving_desktop.core.records import Actor, CampaignRecord, CampaignStats, StoredDonation
from livegiving_desktop.services.ledger import LedgerService
from livegiving_desktop.services.moderation import LedgerChange
from livegiving_desktop.ui.broadcast.ledger_events import LedgerEvents
from livegiving_desktop.ui.common import format as fmt
from livegiving_desktop.ui.common.error_text import user_message
from livegiving_desktop.ui.common.model_base import RecordRole
from livegiving_desktop.ui.common.runner import DbRunner, spawn
from livegiving_desktop.ui.common.widgets import button, card, icon, label, timer
from livegiving_desktop.ui.moderation.actions import ModerationActions
from livegiving_desktop.ui.moderation.dialogs import RefundDialog
from livegiving_desktop.ui.moderation.filter_bar import FilterBar
from livegiving_desktop.ui.moderation.identity import ModeratorIdentity
from livegiving_desktop.ui.moderation.models import AuditTableModel, ModerationTableModel
from livegiving_desktop.ui.moderation.pager import TablePager
from livegiving_desktop.ui.moderation.rules_form import RulesForm
from livegiving_desktop.ui.operations import Operations
from livegiving_desktop.ui.settings import AppSettings, last_campaign_key

log = logging.getLogger("livegiving.ui.moderation")

REFRESH_MS = 1500
AUDIT_ROWS = 500
_HELD_QUEUE = DonationFilter(statuses=("completed",), message_statuses=("held",))

__all__ = ["ModerationConsole", "Tab", "last_campaign_key", "open_console_only"]


class Tab(IntEnum):
    """The console's tabs (`moderationTabs`), in order."""

    ALL = 0
    HELD = 1
    RULES = 2
    AUDIT = 3


def _table(name: str, accessible: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setAccessibleName(accessible)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setShowGrid(False)
    view.setWordWrap(False)
    # Tab leaves the table (arrows move between cells): no keyboard trap.
    view.setTabKeyNavigation(False)
    view.verticalHeader().setVisible(False)
    # Uniform row heights: a million rows scroll without measuring each one.
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(34)
    view.horizontalHeader().setHighlightSections(False)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class ModerationConsole(QMainWindow):
    """The console window. `open_campaign` loads a campaign; actions need a display name."""

    failed = Signal(str)
    campaignOpened = Signal(int)

    def __init__(
        self,
        runner: DbRunner,
        service: LedgerService,
        events: LedgerEvents,
        settings: QSettings,
        locale: str,
        *,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setObjectName("moderationConsole")
        self.setAccessibleName(self.tr("Moderation console"))
        self.setWindowTitle(self.tr("Moderation — LiveGiving Desktop"))
        self.resize(1280, 800)
        self.runner = runner
        self.service = service
        self.ops = Operations(runner, service)
        self.moderation = self.ops.moderation
        self.events = events
        self.identity = ModeratorIdentity(AppSettings(settings), self)
        self.money_locale = locale
        self.campaign: CampaignRecord | None = None
        self.stats = CampaignStats(0, 0, 0, 0)
        self.owns_runner = False  # True for the console-only seat: it closes what it opened
        self._refreshing = False
        self._ticks = 0
        self.loading = False  # True while a campaign is being opened
        self.all_model = ModerationTableModel(locale, parent=self)
        self.held_model = ModerationTableModel(locale, _HELD_QUEUE, parent=self)
        self.audit_model = AuditTableModel(self)
        self.decisions = ModerationActions(
            self.ops, campaign=lambda: self.campaign, selection=self.selected_donations,
            actor=self._require_actor, locale=locale, parent=self,
        )  # fmt: skip
        self._build()
        self._active_view: QTableView = self.table
        self.decisions.notice.connect(self._notify)
        self.decisions.failed.connect(self._on_failure_text)
        self.decisions.busyChanged.connect(self._update_buttons)
        self.decisions.changed.connect(self._on_actions_changed)
        self.decisions.rulesChanged.connect(self._on_actions_rules_changed)
        self.decisions.auditChanged.connect(self._on_actions_audit_changed)
        self.decisions.blockedChanged.connect(self._on_actions_blocked_changed)
        self.pagers = (
            TablePager(self.all_model, self.table, runner, self.moderation, self._all_query, self),
            TablePager(
                self.held_model, self.hold_queue, runner, self.moderation, self._held_query, self
            ),
        )
        for pager in self.pagers:
            pager.failed.connect(self._on_failure_text)
        self.pagers[0].counted.connect(self._on_all_counted)
        for view in (self.table, self.hold_queue):
            view.selectionModel().selectionChanged.connect(
                lambda *_, v=view: self._on_view_selection_changed(v)
            )
        self._refresh_timer = timer(self, REFRESH_MS)
        self._refresh_timer.timeout.connect(self._on_refresh_timer_timeout)
        self.filters.changed.connect(self._on_filters_changed)
        self.identity.changed.connect(self._on_identity_changed)
        events.donationsChanged.connect(self._on_events_donations_changed)
        events.statsChanged.connect(self._on_events_stats_changed)
        self._on_identity_changed()
        self.table.setFocus()  # keyboard-first: the table has the focus when the window opens

    # -- construction ----------------------------------------------------------------------

    def _build(self) -> None:
        root = QWidget()
        root.setObjectName("page")
        layout = QVBoxLayout(root)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(12)
        layout.addLayout(self._build_header())

        self.tabs = QTabWidget()
        self.tabs.setObjectName("moderationTabs")
        self.tabs.setAccessibleName(self.tr("Moderation views"))
        self.tabs.setDocumentMode(True)
        self.filters = FilterBar()
        self.table = _table("moderationTable", self.tr("Every donation of the campaign"))
        self.table.setSortingEnabled(True)
        self.table.setModel(self.all_model)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.hold_queue = _table("holdQueue", self.tr("Messages held for review"))
        self.hold_queue.setModel(self.held_model)
        for view in (self.table, self.hold_queue):
            for column, width in enumerate((70, 80, 190, 120, 360, 80, 95)):
                view.setColumnWidth(column, width)
        hint = self.tr(
            "Held messages are not shown on air. A approves (on air), H hides; "
            "select several rows with Shift or Ctrl."
        )
        self.rules = RulesForm()
        self.rules.saveClicked.connect(self._on_rules_save_clicked)
        self.rules.unblockClicked.connect(self._on_rules_unblock_clicked)
        self.audit = _table("auditLog", self.tr("Audit log: every moderation action"))
        self.audit.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.audit.setModel(self.audit_model)
        for column, width in enumerate((160, 130, 100, 150, 80, 220)):
            self.audit.setColumnWidth(column, width)
        append_only = self.tr("Append-only: nothing here can be edited or deleted.")
        for index, (widgets, glyph, title) in enumerate((
            ((self.filters, self.table), "mdi6.format-list-bulleted", self.tr("All donations")),
            ((label(hint, "muted", wrap=True), self.hold_queue), "mdi6.timer-sand",
             self.tr("Hold queue")),
            ((self.rules,), "mdi6.shield-check", self.tr("Rules")),
            ((label(append_only, "muted"), self.audit), "mdi6.history", self.tr("Audit log")),
        )):  # fmt: skip
            page = QWidget()
            page_layout = QVBoxLayout(page)
            page_layout.setContentsMargins(0, 10, 0, 0)
            for widget in widgets:
                page_layout.addWidget(widget, 1 if isinstance(widget, QTableView) else 0)
            self.tabs.insertTab(index, page, icon(glyph), title)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self._build_action_bar())
        self.notice = label("", "notice", wrap=True)
        self.notice.setObjectName("moderationNotice")
        layout.addWidget(self.notice)
        self.setCentralWidget(root)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self._update_buttons()

    def _build_header(self) -> QHBoxLayout:
        self.heading = label(self.tr("Moderation"), "h1")
        self.campaign_picker = QComboBox()
        self.campaign_picker.setObjectName("moderationCampaign")
        self.campaign_picker.setAccessibleName(self.tr("Campaign to moderate"))
        self.campaign_picker.setMinimumWidth(260)
        self.campaign_picker.activated.connect(self._on_campaign_picker_activated)
        self.total_label = label("", "stat")
        self.total_label.setObjectName("moderationTotal")
        self.held_pill = label("", "pill")
        self.held_pill.setObjectName("heldCount")
        self.who = label("", "muted")
        self.who.setObjectName("moderatorIdentity")
        self.change_name = button(self.tr("Change name"), "changeModeratorName",
                                  "mdi6.account-edit")  # fmt: skip
        self.change_name.setProperty("role", "link")
        self.change_name.clicked.connect(self.ask_display_name)
        header = QHBoxLayout()
        header.setSpacing(14)
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.heading)
        titles.addWidget(self.campaign_picker)
        header.addLayout(titles)
        header.addStretch(1)
        figures = QVBoxLayout()
        figures.setSpacing(2)
        figures.addWidget(label(self.tr("RAISED"), "eyebrow"), 0, Qt.AlignmentFlag.AlignRight)
        figures.addWidget(self.total_label, 0, Qt.AlignmentFlag.AlignRight)
        header.addLayout(figures)
        header.addSpacing(12)
        header.addWidget(self.held_pill)
        header.addSpacing(12)
        me = QVBoxLayout()
        me.setSpacing(0)
        me.addWidget(self.who, 0, Qt.AlignmentFlag.AlignRight)
        me.addWidget(self.change_name, 0, Qt.AlignmentFlag.AlignRight)
        header.addLayout(me)
        return header

    def _build_action_bar(self) -> QWidget:
        """The actions on the selected rows, each with its key while a table has the focus."""
        self.approve = button(self.tr("Approve"), "approveMessage", "mdi6.check-circle",
                              "primary", self.tr("Put the messages on air (A)"))  # fmt: skip
        self.hide_message = button(self.tr("Hide"), "hideMessage", "mdi6.eye-off",
                                   tip=self.tr("Keep the messages off the air (H)"))  # fmt: skip
        self.anonymous = button(self.tr("Name as Anonymous"), "hideNameOnAir", "mdi6.incognito",
                                tip=self.tr("On air, show the name as Anonymous (N)"))  # fmt: skip
        self.hide_amount = button(self.tr("Hide amount"), "hideAmountOnAir",
                                  "mdi6.currency-usd-off",
                                  tip=self.tr("On air, hide the amount (M)"))  # fmt: skip
        self.block = button(self.tr("Block donor"), "blockDonor", "mdi6.account-cancel",
                            tip=self.tr("Hold this donor's later messages (B)"))  # fmt: skip
        self.refund = button(self.tr("Refund…"), "refundDonation", "mdi6.cash-refund", "danger",
                             self.tr("Refund the donation; a reason is required"))  # fmt: skip
        self.selection_label = label("", "muted")
        self.selection_label.setObjectName("moderationSelection")
        self.action_bar = card()
        bar = QHBoxLayout(self.action_bar)
        bar.setContentsMargins(12, 10, 12, 10)
        bar.setSpacing(8)
        bar.addWidget(self.selection_label)
        bar.addStretch(1)
        actions = (
            (self.approve, "A", self._on_approve_clicked),
            (self.hide_message, "H", self._on_hide_message_clicked),
            (self.anonymous, "N", self._on_anonymous_clicked),
            (self.hide_amount, "M", self._on_hide_amount_clicked),
            (self.block, "B", self._on_block_clicked),
            (self.refund, None, self._on_refund_clicked),
        )
        for action_button, key, slot in actions:
            action_button.clicked.connect(slot)
            bar.addWidget(action_button)
            for view in (self.table, self.hold_queue):
                if key is None:
                    continue
                action = QAction(view)
                action.setShortcut(QKeySequence(key))
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
                action.triggered.connect(slot)
                view.addAction(action)
        # Esc and Ctrl+W close the console (it is a window of its own).
        for keys in (QKeySequence(Qt.Key.Key_Escape), QKeySequence(QKeySequence.StandardKey.Close)):
            close = QAction(self)
            close.setShortcut(keys)
            close.triggered.connect(self.close)
            self.addAction(close)
        return self.action_bar

    # -- identity --------------------------------------------------------------------------

    def display_name(self) -> str:
        return self.identity.name

    def set_display_name(self, name: str, role: Any = None) -> None:
        self.identity.set(name, *(() if role is None else (role,)))

    def ask_display_name(self) -> None:
        self.identity.ask(self)

    @Slot()
    def _on_identity_changed(self) -> None:
        self.who.setText(self.identity.describe())

    def _require_actor(self) -> Actor | None:
        actor = self.identity.actor()
        if actor is None:
            self._notify(
                self.tr("Give your display name first: it is written on every action."), error=True
            )
            self.ask_display_name()
        return actor

    # -- campaigns -------------------------------------------------------------------------

    async def load_campaigns(self, select_id: int | None = None) -> None:
        campaigns = [
            c
            for c in await self.runner.call(self.service.campaigns)
            if c.kind is CampaignKind.FUNDRAISER
        ]
        self.campaign_picker.clear()
        for c in campaigns:
            self.campaign_picker.addItem(c.title, c.id)
        target = select_id if select_id is not None else (campaigns[0].id if campaigns else None)
        if target is not None:
            await self.open_campaign(target)
        else:
            self._notify(self.tr("No fundraiser yet: create one in LiveGiving Desktop first."))

    async def open_campaign(self, campaign_id: int) -> None:
        """Show a campaign: its donations, hold queue, rules and audit log."""
        self.loading = True
        # Until it has loaded, no action may apply to the campaign shown before.
        self.campaign = None
        self._update_buttons()
        campaign = await self.runner.call(self.service.campaign, campaign_id)
        stats = await self.runner.call(self.service.stats, campaign_id)
        settings = await self.runner.call(self.moderation.settings, campaign_id)
        self.campaign = campaign
        index = self.campaign_picker.findData(campaign_id)
        if index < 0:
            self.campaign_picker.addItem(campaign.title, campaign.id)
            index = self.campaign_picker.count() - 1
        self.campaign_picker.setCurrentIndex(index)
        self.setWindowTitle(self.tr("Moderation — %1").replace("%1", campaign.title))
        self._apply_stats(stats)
        self.rules.show_settings(settings, campaign.currency)
        for model in (self.all_model, self.held_model):
            model.locale = self.money_locale
        for pager in self.pagers:
            await pager.reload()
        await self._reload_audit()
        await self._reload_blocked()
        self._refresh_timer.start()
        self._update_buttons()
        self.loading = False
        self.campaignOpened.emit(campaign_id)

    @Slot(int)
    def _on_campaign_picker_activated(self, index: int) -> None:
        campaign_id = self.campaign_picker.itemData(index)
        if campaign_id is not None and (self.campaign is None or self.campaign.id != campaign_id):
            self._spawn(self.open_campaign(int(campaign_id)))

    # -- the tables ------------------------------------------------------------------------

    def _all_query(self) -> tuple[int, DonationFilter] | None:
        if self.campaign is None:
            return None
        try:
            return self.campaign.id, self.filters.current_filter(self.campaign.currency)
        except ValidationError as exc:
            self.filters.row_count.setText(user_message(exc, with_field=False))
            return None

    def _held_query(self) -> tuple[int, DonationFilter] | None:
        return None if self.campaign is None else (self.campaign.id, _HELD_QUEUE)

    @Slot()
    def _on_filters_changed(self) -> None:
        self._spawn(self.pagers[0].reload())

    @Slot(int)
    def _on_all_counted(self, count: int) -> None:
        self.filters.row_count.setText(self.tr("%n donation(s)", "", count))

    async def _reload_audit(self) -> None:
        if self.campaign is not None:
            rows = await self.runner.call(
                self.moderation.audit_entries, self.campaign.id, limit=AUDIT_ROWS
            )
            self.audit_model.reset(rows)

    async def _reload_blocked(self) -> None:
        if self.campaign is not None:
            self.rules.set_blocked(
                await self.runner.call(self.moderation.blocked_donors, self.campaign.id)
            )

    # -- following the ledger --------------------------------------------------------------

    @Slot()
    def _on_refresh_timer_timeout(self) -> None:
        if self._refreshing or self.campaign is None or not self.isVisible():
            return
        self._refreshing = True
        self._spawn(self._refresh_all())

    async def _refresh_all(self) -> None:
        try:
            if self.campaign is None:
                return
            stats = await self.runner.call(self.service.stats, self.campaign.id)
            # The tables are queried again when the ledger moved (and now and then for changes
            # made from another seat): idle, a million-row campaign costs nothing.
            self._ticks += 1
            moved = stats != self.stats or self._ticks % 10 == 0
            self._apply_stats(stats)
            if moved:
                for pager in self.pagers:
                    await pager.refresh()
            if self.tabs.currentIndex() == Tab.AUDIT:
                await self._reload_audit()
        finally:
            self._refreshing = False

    @Slot(int, object)
    def _on_events_donations_changed(self, campaign_id: int, donations: list[Any]) -> None:
        if self.campaign is None or self.campaign.id != campaign_id:
            return
        self.all_model.update_donations(donations)
        self.held_model.update_donations(donations)
        self._update_buttons()

    @Slot(int, object, object)
    def _on_events_stats_changed(self, campaign_id: int, stats: CampaignStats, _top: Any) -> None:
        if self.campaign is not None and self.campaign.id == campaign_id:
            self._apply_stats(stats)

    def _apply_stats(self, stats: CampaignStats) -> None:
        self.stats = stats
        if self.campaign is None:
            return
        self.total_label.setText(
            fmt.money(stats.total_minor, self.campaign.currency, self.money_locale)
        )
        self.held_pill.setText(self.tr("%n held", "", stats.held_count))
        self.tabs.setTabText(
            Tab.HELD, self.tr("Hold queue (%1)").replace("%1", str(stats.held_count))
        )

    # -- selection -------------------------------------------------------------------------

    def _on_view_selection_changed(self, view: QTableView) -> None:
        self._active_view = view
        self._update_buttons()

    @Slot(int)
    def _on_tabs_current_changed(self, index: int) -> None:
        if index == Tab.ALL:
            self._active_view = self.table
        elif index == Tab.HELD:
            self._active_view = self.hold_queue
        elif index == Tab.AUDIT:
            self._spawn(self._reload_audit())
        self.action_bar.setVisible(index in (Tab.ALL, Tab.HELD))
        self._update_buttons()

    def selected_donations(self) -> list[StoredDonation]:
        """The loaded donations of the rows selected in the active table."""
        rows = self._active_view.selectionModel().selectedRows()
        return [d for d in (i.data(RecordRole) for i in rows) if isinstance(d, StoredDonation)]

    def _update_buttons(self) -> None:
        chosen = self.selected_donations() if hasattr(self, "_active_view") else []
        busy = self.decisions.busy > 0 or self.campaign is None
        with_message = [d for d in chosen if d.message]
        self.approve.setEnabled(
            not busy and any(d.message_status != "visible" for d in with_message)
        )
        self.hide_message.setEnabled(
            not busy and any(d.message_status != "hidden" for d in with_message)
        )
        for action_button in (self.anonymous, self.hide_amount, self.block):
            action_button.setEnabled(not busy and bool(chosen))
        self.refund.setEnabled(not busy and any(d.status == "completed" for d in chosen))
        self.rules.save.setEnabled(not busy)
        self.selection_label.setText(
            self.tr("%n selected", "", len(chosen)) if chosen else self.tr("Select donations")
        )

    # -- actions ---------------------------------------------------------------------------

    def _spawn(self, coro: Coroutine[Any, Any, Any]) -> None:
        spawn(coro, self._report)

    def _report(self, exc: BaseException) -> None:
        self._on_failure_text(user_message(exc))

    @Slot(str)
    def _on_failure_text(self, text: str) -> None:
        self._notify(text, error=True)
        self.failed.emit(text)

    @Slot(str)
    def _notify(self, text: str, *, error: bool = False) -> None:
        self.notice.setProperty("role", "error" if error else "notice")
        self.notice.style().polish(self.notice)
        self.notice.setText(text)

    @Slot()
    def _on_approve_clicked(self) -> None:
        self.decisions.decide(MessageStatus.VISIBLE)

    @Slot()
    def _on_hide_message_clicked(self) -> None:
        self.decisions.decide(MessageStatus.HIDDEN)

    @Slot()
    def _on_anonymous_clicked(self) -> None:
        self.decisions.toggle_privacy(name=True)

    @Slot()
    def _on_hide_amount_clicked(self) -> None:
        self.decisions.toggle_privacy(name=False)

    @Slot()
    def _on_block_clicked(self) -> None:
        self.decisions.block()

    @Slot()
    def _on_refund_clicked(self) -> None:
        self.decisions.ask_refund(self)

    @property
    def refund_dialog(self) -> RefundDialog | None:
        return self.decisions.refund_dialog

    @Slot()
    def _on_rules_save_clicked(self) -> None:
        self.decisions.save_rules(self.rules)

    @Slot()
    def _on_rules_unblock_clicked(self) -> None:
        self.decisions.unblock(self.rules.chosen_blocked())

    @Slot(LedgerChange)
    def _on_actions_changed(self, change: LedgerChange) -> None:
        """Announce a change: the console, the live view and any other window follow."""
        if change.donations:
            self.events.donationsChanged.emit(change.campaign_id, change.donations)
        self.events.statsChanged.emit(change.campaign_id, change.stats, change.top)

    @Slot(int, ModerationRules)
    def _on_actions_rules_changed(self, campaign_id: int, rules: ModerationRules) -> None:
        self.events.rulesChanged.emit(campaign_id, rules)

    @Slot()
    def _on_actions_audit_changed(self) -> None:
        self._spawn(self._after_action())

    async def _after_action(self) -> None:
        await self.pagers[1].reload()
        await self._reload_audit()
        self._update_buttons()

    @Slot()
    def _on_actions_blocked_changed(self) -> None:
        self._spawn(self._reload_blocked())

    # -- closing ---------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self._refresh_timer.stop()
        if self.owns_runner:
            self.runner.shutdown()
            self.service.close()
            self.owns_runner = False
        super().closeEvent(event)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self.campaign is not None:
            self._refresh_timer.start()


def open_console_only(db_url: str, locale: str, settings: QSettings) -> ModerationConsole:
    """`livegiving --moderator`: the console alone, on the last campaign of this database (the
    campaign picker changes it). Owns its database thread and connection."""
    runner = DbRunner()
    service = LedgerService.open(db_url)  # opening and migrating: before the loop runs
    console = ModerationConsole(runner, service, LedgerEvents(), settings, locale)
    console.events.setParent(console)
    console.owns_runner = True
    last = AppSettings(settings).last_campaign(db_url)

    async def start() -> None:
        await console.load_campaigns(last)
        if not console.display_name():
            console.ask_display_name()

    QTimer.singleShot(0, lambda: spawn(start(), console._report))
    return console
