"""The moderation console: a window of its own (a second screen, or a moderator's own seat with
`livegiving --moderator`) where moderators watch every donation, approve or hide held messages,
choose on-air privacy, refund, block donors, edit the campaign's rules and read the audit log.

The window composes its parts: the header (header.py), the filter bar (filter_bar.py), the
tables and their pagers (models.py, pager.py), the rules form (rules_form.py), the action bar
(action_bar.py) and what its actions do (actions.py), the moderator's identity (identity.py).
It is the place where they meet (about 450 lines: the wiring of seven parts and the feed).
Every action is one operation (ui/operations.py); what it changed reaches every window through
the ledger's changes.
"""

from __future__ import annotations

import logging
from collections.abc import Coroutine
from enum import IntEnum
from functools import partial
from typing import Any

from PySide6.QtCore import QSettings, QSize, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMainWindow,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from livegiving_desktop.core.campaigns import CampaignKind
from livegiving_desktop.core.changes import RULE_KINDS, ChangeKind
from livegiving_desktop.core.errors import ValidationError
from livegiving_desktop.core.moderation import DonationFilter, MessageStatus
from livegiving_desktop.core.records import Actor, CampaignRecord, CampaignStats, StoredDonation
from livegiving_desktop.services.changes import CampaignChanges
from livegiving_desktop.services.ledger import LedgerService
from livegiving_desktop.services.presence import Roster, SeatKind
from livegiving_desktop.services.snapshots import load_console
from livegiving_desktop.services.team import SeatIdentity, seat_identity
from livegiving_desktop.ui.common import format as fmt
from livegiving_desktop.ui.common.accessibility import announce
from livegiving_desktop.ui.common.collector import UiThreadCollector
from livegiving_desktop.ui.common.error_text import user_message
from livegiving_desktop.ui.common.feed import FeedBridge
from livegiving_desktop.ui.common.model_base import RecordRole
from livegiving_desktop.ui.common.presence import (
    PresenceBridge,
    comings_and_goings,
    on_duty_text,
)
from livegiving_desktop.ui.common.roles import gate
from livegiving_desktop.ui.common.runner import DbRunner, OneAtATime, spawn
from livegiving_desktop.ui.common.screen import fit_to_screen
from livegiving_desktop.ui.common.throttle import Throttle
from livegiving_desktop.ui.common.widgets import (
    label,
    scrolling,
    themed_tab_icons,
    timer,
)
from livegiving_desktop.ui.moderation.action_bar import ActionBar
from livegiving_desktop.ui.moderation.actions import ModerationActions
from livegiving_desktop.ui.moderation.delegates import MessageDelegate
from livegiving_desktop.ui.moderation.dialogs import RefundDialog
from livegiving_desktop.ui.moderation.filter_bar import FilterBar
from livegiving_desktop.ui.moderation.header import ConsoleHeader
from livegiving_desktop.ui.moderation.identity import ModeratorIdentity
from livegiving_desktop.ui.moderation.models import AuditTableModel, ModerationTableModel
from livegiving_desktop.ui.moderation.pager import TablePager
from livegiving_desktop.ui.moderation.rules_form import RulesForm
from livegiving_desktop.ui.operations import Operations
from livegiving_desktop.ui.settings import AppSettings, last_campaign_key

log = logging.getLogger("livegiving.ui.moderation")

REFRESH_MS = 300  # the tables and the log query again at most this often
# Changes that write an audit row (the log shows them).
AUDITED_KINDS = frozenset({
    ChangeKind.MESSAGE, ChangeKind.PRIVACY, ChangeKind.REFUND, ChangeKind.RULES,
    ChangeKind.BLOCKED, ChangeKind.CAMPAIGN, ChangeKind.TICKETS,
})  # fmt: skip
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


_COLUMN_WIDTHS = (70, 80, 190, 120, 360, 80, 95, 150)  # the last column stretches


def _fit_headings(view: QTableView) -> None:
    """Each column at least as wide as its heading in the UI's language ("À l'antenne"),
    with room for the sort arrow."""
    model, header = view.model(), view.horizontalHeader()
    metrics = header.fontMetrics()
    for column in range(min(len(_COLUMN_WIDTHS), model.columnCount())):
        text = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        needed = metrics.horizontalAdvance(text) + 28
        if header.sectionSize(column) < needed:
            view.setColumnWidth(column, needed)


class ModerationConsole(QMainWindow):
    """The console window. `open_campaign` loads a campaign; actions need a display name."""

    failed = Signal(str)
    campaignOpened = Signal(int)

    def __init__(
        self,
        runner: DbRunner,
        service: LedgerService,
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
        self.runner = runner
        self.service = service
        self.ops = Operations(runner, service)
        self.moderation = self.ops.moderation
        self.identity = ModeratorIdentity(AppSettings(settings), self)
        self.money_locale = locale
        self.campaign: CampaignRecord | None = None
        self.stats = CampaignStats(0, 0, 0, 0)
        self.owns_runner = False  # True for the console-only seat: it closes what it opened
        self.presence: PresenceBridge | None = None
        self.loading = False  # True while a campaign is being opened
        self.all_model = ModerationTableModel(locale, parent=self)
        self.held_model = ModerationTableModel(locale, _HELD_QUEUE, parent=self)
        self.audit_model = AuditTableModel(parent=self)
        self.decisions = ModerationActions(
            self.ops, campaign=lambda: self.campaign, selection=self.selected_donations,
            actor=self._require_actor, locale=locale, parent=self,
        )  # fmt: skip
        self._build()
        self._active_view: QTableView = self.table
        self.decisions.notice.connect(self._notify)
        self.decisions.failed.connect(self._on_failure_text)
        self.decisions.conflict.connect(self._on_conflict)
        self.decisions.busyChanged.connect(self._update_buttons)
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
        # Queries again at most every REFRESH_MS, however fast the changes come.
        self._tables_reload = OneAtATime(self._refresh_pagers, self._report)
        self._audit_reload = OneAtATime(self._reload_audit, self._report)
        self._refresh_tables = Throttle(self._refresh_tables_now, REFRESH_MS, parent=self)
        self._refresh_audit = Throttle(self._refresh_audit_now, REFRESH_MS, parent=self)
        self.seq = 0
        self._followed: int | None = None
        self.feed = FeedBridge(service.db, "console-feed", self)
        self.feed.changes.connect(self._on_feed_changes)
        self.filters.changed.connect(self._on_filters_changed)
        self.identity.changed.connect(self._on_identity_changed)
        self._on_identity_changed()
        fit_to_screen(self, QSize(1280, 800))
        self.table.setFocus()  # keyboard-first: the table has the focus when the window opens

    # -- construction ----------------------------------------------------------------------

    def _build(self) -> None:
        root = QWidget()
        root.setObjectName("page")
        layout = QVBoxLayout(root)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(12)
        self.header = ConsoleHeader()
        self.header.campaign_picker.activated.connect(self._on_campaign_picker_activated)
        self.header.change_name.clicked.connect(self.ask_display_name)
        self.campaign_picker = self.header.campaign_picker
        layout.addWidget(self.header)

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
            for column, width in enumerate(_COLUMN_WIDTHS):
                view.setColumnWidth(column, width)
            _fit_headings(view)
            view.setItemDelegateForColumn(4, MessageDelegate(view))  # what matched, marked
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
        glyphs: list[str] = []
        for index, (widgets, glyph, title) in enumerate((
            ((self.filters, self.table), "mdi6.format-list-bulleted", self.tr("All donations")),
            ((label(hint, "muted", wrap=True), self.hold_queue), "mdi6.timer-sand",
             self.tr("Hold queue")),
            ((scrolling(self.rules),), "mdi6.shield-check", self.tr("Rules")),
            ((label(append_only, "muted"), self.audit), "mdi6.history", self.tr("Audit log")),
        )):  # fmt: skip
            page = QWidget()
            page_layout = QVBoxLayout(page)
            page_layout.setContentsMargins(0, 10, 0, 0)
            for widget in widgets:
                grows = isinstance(widget, (QTableView, QScrollArea))
                page_layout.addWidget(widget, 1 if grows else 0)
            self.tabs.insertTab(index, page, title)
            glyphs.append(glyph)
        themed_tab_icons(self.tabs, glyphs)
        layout.addWidget(self.tabs, 1)
        self.action_bar = ActionBar()
        d = self.decisions
        self.action_bar.bind(
            (partial(d.decide, MessageStatus.VISIBLE), partial(d.decide, MessageStatus.HIDDEN),
             partial(d.toggle_privacy, name=True), partial(d.toggle_privacy, name=False),
             d.block, partial(d.ask_refund, self)),
            (self.table, self.hold_queue),
        )  # fmt: skip
        layout.addWidget(self.action_bar)
        self.notice = label("", "notice", wrap=True)
        self.notice.setObjectName("moderationNotice")
        layout.addWidget(self.notice)
        self.setCentralWidget(root)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self._update_buttons()
        # Ctrl+W closes the console, and so does Esc beside the main window (a console-only
        # seat is the app itself: Esc does not quit it).
        keys = {QKeySequence("Ctrl+W").toString()} | {
            k.toString() for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Close)
        }  # Ctrl+W everywhere, and the platform's own Close (Ctrl+F4 on some)
        for key in sorted(keys):
            QShortcut(QKeySequence(key), self).activated.connect(self.close)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.activated.connect(self._on_escape_activated)

    def set_locale(self, locale: str) -> None:
        """The language changed: amounts and counts its way."""
        self.money_locale = locale
        for model in (self.all_model, self.held_model):
            model.locale = locale
            model.layoutChanged.emit()
        for view in (self.table, self.hold_queue):
            _fit_headings(view)  # the headings in the new language
        self.audit_model.layoutChanged.emit()
        self._apply_stats(self.stats)
        self._on_identity_changed()
        self.action_bar.follow(self.selected_donations(), self.decisions.busy > 0)

    # -- identity --------------------------------------------------------------------------

    def display_name(self) -> str:
        return self.identity.name

    def set_display_name(self, name: str, role: Any = None) -> None:
        self.identity.set(name, *(() if role is None else (role,)))

    def ask_display_name(self) -> None:
        if not self.identity.in_team:  # a team's seat is its login: nothing to ask
            self.identity.ask(self)

    def set_seat(self, seat: SeatIdentity) -> None:
        """The seat's login and team role (PostgreSQL): the name shown and written, and the
        actions a viewer may not take disabled."""
        self.identity.use_seat(seat)
        self.header.change_name.setVisible(not self.identity.in_team)
        self.action_bar.identity = seat
        self.rules.identity = seat
        gate(self.rules.unblock, seat.may_moderate, seat, "unblock a donor")
        self._update_buttons()

    @Slot()
    def _on_identity_changed(self) -> None:
        self.header.who.setText(self.identity.describe())

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
        self.header.show_campaigns([(c.id, c.title) for c in campaigns], None)
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
        # Figures, rules, blocked donors and the log as of one seq, then followed from there.
        snap = await self.runner.call(load_console, self.service, campaign_id, audit=AUDIT_ROWS)
        campaign = snap.campaign
        if self.seq and self._followed is not None:
            self.feed.unfollow(self._followed)
        self.campaign, self.seq, self._followed = campaign, snap.seq, campaign.id
        self.feed.follow(campaign.id, self.seq)
        self.header.choose(campaign.id, campaign.title)
        self.setWindowTitle(self.tr("Moderation — %1").replace("%1", campaign.title))
        self._apply_stats(snap.stats)
        self.rules.show_settings(snap.settings, campaign.currency, self.money_locale)
        self.rules.set_blocked(snap.blocked)
        self.audit_model.show_newest(snap.audit)
        for model in (self.all_model, self.held_model):
            model.locale = self.money_locale
        for pager in self.pagers:
            await pager.reload()  # the tables page by themselves, and query again on changes
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
            wanted = self.filters.current_filter(self.campaign.currency, self.money_locale)
            return self.campaign.id, wanted
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
            self.audit_model.show_newest(rows)

    async def _reload_blocked(self) -> None:
        if self.campaign is not None:
            self.rules.set_blocked(
                await self.runner.call(self.moderation.blocked_donors, self.campaign.id)
            )

    # -- following the ledger --------------------------------------------------------------

    @Slot(CampaignChanges)
    def _on_feed_changes(self, changes: CampaignChanges) -> None:
        """Every change of the campaign, made here or on another seat: the figures, the rows
        as they are now, and (once the burst settles) the tables, the log and the blocked."""
        if self.campaign is None or changes.campaign_id != self.campaign.id:
            return
        if changes.last_seq <= self.seq:
            return
        self.seq = changes.last_seq
        self._apply_stats(changes.stats)
        self.all_model.update_donations(changes.updated_donations)
        self.held_model.update_donations(changes.updated_donations)
        kinds = changes.kinds()
        if changes.resync or changes.new_donations or changes.updated_donations:
            self._refresh_tables()
        if changes.resync or kinds & AUDITED_KINDS:
            self._refresh_audit()
        if changes.resync or kinds & RULE_KINDS:
            self._spawn(self._reload_blocked())
        self._update_buttons()

    def _refresh_tables_now(self) -> None:
        self._tables_reload.again()  # never two at once: a slow reload is followed, not piled

    async def _refresh_pagers(self) -> None:
        for pager in self.pagers:
            await pager.refresh()

    def _refresh_audit_now(self) -> None:
        self._audit_reload.again()

    def _apply_stats(self, stats: CampaignStats) -> None:
        self.stats = stats
        if self.campaign is None:
            return
        self.header.total.setText(
            fmt.money(stats.total_minor, self.campaign.currency, self.money_locale)
        )
        self.header.held.setText(self.tr("%n held", "", stats.held_count))
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
        self.action_bar.follow(chosen, busy)
        self.rules.save.setEnabled(not busy)
        seat = self.action_bar.identity
        gate(
            self.rules.save, seat is None or seat.may_moderate, seat, "change the moderation rules"
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

    # -- presence --------------------------------------------------------------------------

    def attach_presence(self, presence: PresenceBridge) -> None:
        """Show who is on duty from this seat's presence (the creator's window's own, or the
        console-only seat's)."""
        self.presence = presence
        presence.roster.connect(self._on_roster)
        self.identity.changed.connect(lambda: presence.set_display_name(self.identity.name))
        if presence.last is not None:
            self._on_roster(presence.last)

    @Slot(object)
    def _on_roster(self, roster: Roster) -> None:
        shown = self.campaign is not None and roster.campaign_id == self.campaign.id
        self.header.on_duty.setText(on_duty_text(roster) if shown else "")
        self.header.on_duty.setVisible(shown and bool(self.header.on_duty.text()))
        if shown:
            kinds = (SeatKind.CREATOR, SeatKind.MODERATOR)
            for line in comings_and_goings(roster, kinds=kinds):
                self._notify(line)

    @Slot(str)
    def _on_conflict(self, text: str) -> None:
        """Another seat decided first: say who did what; the table shows the truth as soon as
        the change arrives (it is already on its way through the feed)."""
        self._notify(text, error=True)

    @Slot(str)
    def _notify(self, text: str, *, error: bool = False) -> None:
        self.notice.setProperty("role", "error" if error else "notice")
        self.notice.style().polish(self.notice)
        self.notice.setText(text)
        announce(self, text, important=error)

    @property
    def refund_dialog(self) -> RefundDialog | None:
        return self.decisions.refund_dialog

    @Slot()
    def _on_rules_save_clicked(self) -> None:
        self.decisions.save_rules(self.rules)

    @Slot()
    def _on_rules_unblock_clicked(self) -> None:
        self.decisions.unblock(self.rules.chosen_blocked())

    # -- closing ---------------------------------------------------------------------------

    @Slot()
    def _on_escape_activated(self) -> None:
        if not self.owns_runner:
            self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.campaign is not None:
            self.feed.unfollow(self.campaign.id)
        if self.owns_runner:
            if self.presence is not None:
                self.presence.close()
            self.feed.close()
            self.runner.shutdown()
            self.service.close()
            self.owns_runner = False
        super().closeEvent(event)


def open_console_only(db_url: str, locale: str, settings: QSettings) -> ModerationConsole:
    """`livegiving --moderator`: the console alone, on the last campaign of this database (the
    campaign picker changes it). Owns its database thread and connection."""
    runner = DbRunner()
    service = LedgerService.open(db_url)  # opening and migrating: before the loop runs
    console = ModerationConsole(runner, service, settings, locale)
    console.owns_runner = True
    presence = PresenceBridge(service.db, SeatKind.MODERATOR, console.identity.name, console)
    console.campaignOpened.connect(presence.set_campaign)
    console.attach_presence(presence)
    UiThreadCollector(console).start()  # the garbage collector on the UI thread alone
    last = AppSettings(settings).last_campaign(db_url)

    async def start() -> None:
        console.set_seat(await runner.call(seat_identity, service.db))
        await console.load_campaigns(last)
        if not console.display_name():
            console.ask_display_name()

    # The console's own timer, not QTimer.singleShot (MainWindow.__init__ says why).
    starting = timer(console, 0, single_shot=True)
    starting.timeout.connect(lambda: spawn(start(), console._report))
    starting.start()
    return console
