"""The moderation console: a window of its own (a second screen, or a moderator's own seat with
`livegiving --moderator`) where moderators watch every donation, approve or hide held messages,
choose on-air privacy, refund, block donors, edit the campaign's rules and read the audit log.

Every action goes through ModerationService on the database thread, writes an audit row with
the moderator's display name, and is announced on LedgerEvents so that every window (the
creator's live view included) follows at once.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListView,
    QMainWindow,
    QPlainTextEdit,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from livegiving_desktop.core.campaigns import CampaignKind
from livegiving_desktop.core.errors import LiveGivingError, ValidationError
from livegiving_desktop.core.moderation import (
    DonationFilter,
    MessageStatus,
    ModerationSettings,
)
from livegiving_desktop.core.money import format_money, parse_amount, to_decimal_text
from livegiving_desktop.core.records import (
    Actor,
    ActorRole,
    CampaignRecord,
    CampaignStats,
    StoredDonation,
    TopDonor,
)
from livegiving_desktop.services.ledger import LedgerService
from livegiving_desktop.services.moderation import LedgerChange, ModerationService
from livegiving_desktop.ui.broadcast.ledger_events import LedgerEvents
from livegiving_desktop.ui.common.error_text import user_message
from livegiving_desktop.ui.common.runner import DbRunner, spawn
from livegiving_desktop.ui.common.widgets import button, card, icon, label, timer
from livegiving_desktop.ui.fundraiser.models import DonationRole
from livegiving_desktop.ui.moderation.models import (
    PAGE_ROWS,
    AuditTableModel,
    BlockedDonorListModel,
    ModerationTableModel,
)
from livegiving_desktop.ui.theme import Theme

log = logging.getLogger("livegiving.ui.moderation")

NAME_KEY = "moderation/displayName"
ROLE_KEY = "moderation/role"
REFRESH_MS = 1500
AUDIT_ROWS = 500
_HELD_QUEUE = DonationFilter(statuses=("completed",), message_statuses=("held",))


def last_campaign_key(db_url: str) -> str:
    """The main window's key of the last campaign opened on this database."""
    digest = hashlib.sha1(db_url.encode(), usedforsecurity=False).hexdigest()[:12]
    return f"lastCampaign/{digest}"


class DisplayNameDialog(QDialog):
    """Asked once: the name written on every action of this moderator."""

    def __init__(self, current: str, role: ActorRole, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("moderatorNameDialog")
        self.setWindowTitle(self.tr("Your display name"))
        self.setMinimumWidth(380)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 20, 22, 16)
        layout.setSpacing(10)
        layout.addWidget(label(self.tr("Who is moderating?"), "h2"))
        layout.addWidget(
            label(
                self.tr("Your name is written on the audit log with every action."),
                "muted",
                wrap=True,
            )
        )
        self.name = QLineEdit(current)
        self.name.setObjectName("moderatorName")
        self.name.setAccessibleName(self.tr("Display name"))
        self.name.setMaxLength(100)
        self.name.setPlaceholderText(self.tr("e.g. Sam (mod)"))
        layout.addWidget(self.name)
        self.role = QComboBox()
        self.role.setObjectName("moderatorRole")
        self.role.setAccessibleName(self.tr("Role"))
        self.role.addItem(self.tr("Moderator"), ActorRole.MODERATOR.value)
        self.role.addItem(self.tr("Creator"), ActorRole.CREATOR.value)
        self.role.setCurrentIndex(max(0, self.role.findData(role.value)))
        layout.addWidget(self.role)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.setObjectName("moderatorNameButtons")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._on_name_text_changed)
        self._on_name_text_changed(current)

    @Slot(str)
    def _on_name_text_changed(self, text: str) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(bool(text.strip()))


class RefundDialog(QDialog):
    """One text field, the reason (required), and OK/Cancel."""

    def __init__(self, summary: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("refundDialog")
        self.setWindowTitle(self.tr("Refund"))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 20, 22, 16)
        layout.setSpacing(10)
        layout.addWidget(label(summary, "h2", wrap=True))
        layout.addWidget(
            label(self.tr("The reason is required and kept on the audit log."), "muted", wrap=True)
        )
        self.reason = QLineEdit()
        self.reason.setObjectName("refundReason")
        self.reason.setAccessibleName(self.tr("Reason for the refund"))
        self.reason.setMaxLength(500)
        self.reason.setPlaceholderText(self.tr("e.g. Donor asked: card used by mistake"))
        layout.addWidget(self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.setObjectName("refundButtons")
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText(self.tr("Refund"))
            ok.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.reason.textChanged.connect(self._on_reason_text_changed)

    @Slot(str)
    def _on_reason_text_changed(self, text: str) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(bool(text.strip()))


def _table(name: str, accessible: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setAccessibleName(accessible)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setAlternatingRowColors(False)
    view.setShowGrid(False)
    view.setWordWrap(False)
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
        self.moderation = ModerationService(service)
        self.events = events
        self.settings = settings
        self.money_locale = locale
        self.campaign: CampaignRecord | None = None
        self.stats = CampaignStats(0, 0, 0, 0)
        self.owns_runner = False  # True for the console-only seat: it closes what it opened
        self._busy = 0
        self._refreshing = False
        self._ticks = 0
        self.loading = False  # True while a campaign is being opened
        self._name_dialog: DisplayNameDialog | None = None
        self.refund_dialog: RefundDialog | None = None
        self.all_model = ModerationTableModel(locale, parent=self)
        self.held_model = ModerationTableModel(locale, _HELD_QUEUE, parent=self)
        self.audit_model = AuditTableModel(self)
        self.blocked_model = BlockedDonorListModel(self)
        self._active_view: QTableView | None = None
        self._build()
        self._active_view = self.table
        for model in (self.all_model, self.held_model):
            self._wire_model(model)
        self._filter_timer = timer(self, 250, single_shot=True)
        self._filter_timer.timeout.connect(self._on_filter_timer_timeout)
        self._refresh_timer = timer(self, REFRESH_MS)
        self._refresh_timer.timeout.connect(self._on_refresh_timer_timeout)
        events.donationsChanged.connect(self._on_events_donations_changed)
        events.statsChanged.connect(self._on_events_stats_changed)
        self._show_name()
        self.table.setFocus()  # keyboard-first: the table has the focus when the window opens

    # -- construction ----------------------------------------------------------------------

    def _build(self) -> None:
        root = QWidget()
        root.setObjectName("page")
        layout = QVBoxLayout(root)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(12)

        # Header: title, campaign picker, figures, who is moderating.
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
        self.change_name = button(
            self.tr("Change name"), "changeModeratorName", "mdi6.account-edit"
        )
        self.change_name.setProperty("role", "link")
        self.change_name.clicked.connect(self._on_change_name_clicked)
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
        layout.addLayout(header)

        # Tabs: all donations, the hold queue, rules, the audit log.
        self.tabs = QTabWidget()
        self.tabs.setObjectName("moderationTabs")
        self.tabs.setAccessibleName(self.tr("Moderation views"))
        self.tabs.setDocumentMode(True)

        self.filter = QLineEdit()
        self.filter.setObjectName("moderationFilter")
        self.filter.setAccessibleName(self.tr("Filter by donor or message"))
        self.filter.setPlaceholderText(self.tr("Filter by donor or message…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.addAction(
            icon("mdi6.magnify", Theme.colors["muted"]), QLineEdit.ActionPosition.LeadingPosition
        )
        self.filter.textChanged.connect(self._on_filter_changed)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("moderationStatusFilter")
        self.status_filter.setAccessibleName(self.tr("Show"))
        for text, value in (
            (self.tr("All donations"), "all"),
            (self.tr("Held messages"), "held"),
            (self.tr("Hidden messages"), "hidden"),
            (self.tr("Messages on air"), "visible"),
            (self.tr("Flagged for review"), "flagged"),
            (self.tr("Refunded"), "refunded"),
            (self.tr("Completed"), "completed"),
        ):
            self.status_filter.addItem(text, value)
        self.status_filter.currentIndexChanged.connect(self._on_filter_changed)
        self.donor_filter = QLineEdit()
        self.donor_filter.setObjectName("moderationDonorFilter")
        self.donor_filter.setAccessibleName(self.tr("Donor"))
        self.donor_filter.setPlaceholderText(self.tr("Donor"))
        self.donor_filter.setClearButtonEnabled(True)
        self.donor_filter.textChanged.connect(self._on_filter_changed)
        self.amount_min = QLineEdit()
        self.amount_min.setObjectName("moderationAmountMin")
        self.amount_min.setAccessibleName(self.tr("Smallest amount"))
        self.amount_min.setPlaceholderText(self.tr("Min"))
        self.amount_max = QLineEdit()
        self.amount_max.setObjectName("moderationAmountMax")
        self.amount_max.setAccessibleName(self.tr("Largest amount"))
        self.amount_max.setPlaceholderText(self.tr("Max"))
        for edit in (self.amount_min, self.amount_max):
            edit.setMaximumWidth(110)
            edit.textChanged.connect(self._on_filter_changed)
        self.row_count = label("", "muted")
        self.row_count.setObjectName("moderationRowCount")
        filters = QHBoxLayout()
        filters.setSpacing(8)
        filters.addWidget(self.filter, 3)
        filters.addWidget(self.status_filter, 1)
        filters.addWidget(self.donor_filter, 1)
        filters.addWidget(label(self.tr("Amount"), "muted"))
        filters.addWidget(self.amount_min)
        filters.addWidget(label("–", "muted"))
        filters.addWidget(self.amount_max)
        filters.addWidget(self.row_count)

        self.table = _table("moderationTable", self.tr("Every donation of the campaign"))
        self.table.setSortingEnabled(True)
        self.table.setModel(self.all_model)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self._size_columns(self.table)
        all_page = QWidget()
        all_layout = QVBoxLayout(all_page)
        all_layout.setContentsMargins(0, 10, 0, 0)
        all_layout.addLayout(filters)
        all_layout.addWidget(self.table, 1)

        self.hold_queue = _table("holdQueue", self.tr("Messages held for review"))
        self.hold_queue.setModel(self.held_model)
        self._size_columns(self.hold_queue)
        self.hold_hint = label(
            self.tr(
                "Held messages are not shown on air. A approves (on air), H hides; "
                "select several rows with Shift or Ctrl."
            ),
            "muted",
            wrap=True,
        )
        held_page = QWidget()
        held_layout = QVBoxLayout(held_page)
        held_layout.setContentsMargins(0, 10, 0, 0)
        held_layout.addWidget(self.hold_hint)
        held_layout.addWidget(self.hold_queue, 1)

        self.rules_page = self._build_rules()

        self.audit = _table("auditLog", self.tr("Audit log: every moderation action"))
        self.audit.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.audit.setModel(self.audit_model)
        for column, width in enumerate((160, 130, 100, 150, 80, 220)):
            self.audit.setColumnWidth(column, width)
        audit_page = QWidget()
        audit_layout = QVBoxLayout(audit_page)
        audit_layout.setContentsMargins(0, 10, 0, 0)
        audit_layout.addWidget(
            label(self.tr("Append-only: nothing here can be edited or deleted."), "muted")
        )
        audit_layout.addWidget(self.audit, 1)

        self.tabs.addTab(all_page, icon("mdi6.format-list-bulleted"), self.tr("All donations"))
        self.tabs.addTab(held_page, icon("mdi6.timer-sand"), self.tr("Hold queue"))
        self.tabs.addTab(self.rules_page, icon("mdi6.shield-check"), self.tr("Rules"))
        self.tabs.addTab(audit_page, icon("mdi6.history"), self.tr("Audit log"))
        layout.addWidget(self.tabs, 1)

        # Actions on the selected rows.
        self.approve = button(
            self.tr("Approve"),
            "approveMessage",
            "mdi6.check-circle",
            "primary",
            self.tr("Put the messages on air (A)"),
        )
        self.hide_message = button(
            self.tr("Hide"),
            "hideMessage",
            "mdi6.eye-off",
            tip=self.tr("Keep the messages off the air (H)"),
        )
        self.anonymous = button(
            self.tr("Name as Anonymous"),
            "hideNameOnAir",
            "mdi6.incognito",
            tip=self.tr("On air, show the name as Anonymous (N)"),
        )
        self.hide_amount = button(
            self.tr("Hide amount"),
            "hideAmountOnAir",
            "mdi6.currency-usd-off",
            tip=self.tr("On air, hide the amount (M)"),
        )
        self.block = button(
            self.tr("Block donor"),
            "blockDonor",
            "mdi6.account-cancel",
            tip=self.tr("Hold this donor's later messages (B)"),
        )
        self.refund = button(
            self.tr("Refund…"),
            "refundDonation",
            "mdi6.cash-refund",
            "danger",
            self.tr("Refund the donation; a reason is required"),
        )
        self.approve.clicked.connect(self._on_approve_clicked)
        self.hide_message.clicked.connect(self._on_hide_message_clicked)
        self.anonymous.clicked.connect(self._on_anonymous_clicked)
        self.hide_amount.clicked.connect(self._on_hide_amount_clicked)
        self.block.clicked.connect(self._on_block_clicked)
        self.refund.clicked.connect(self._on_refund_clicked)
        self.selection_label = label("", "muted")
        self.selection_label.setObjectName("moderationSelection")
        self.notice = label("", "notice", wrap=True)
        self.notice.setObjectName("moderationNotice")
        self.action_bar = card()
        bar = QHBoxLayout(self.action_bar)
        bar.setContentsMargins(12, 10, 12, 10)
        bar.setSpacing(8)
        bar.addWidget(self.selection_label)
        bar.addStretch(1)
        for action_button in (
            self.approve,
            self.hide_message,
            self.anonymous,
            self.hide_amount,
            self.block,
            self.refund,
        ):
            bar.addWidget(action_button)
        layout.addWidget(self.action_bar)
        layout.addWidget(self.notice)
        self.setCentralWidget(root)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)

        # One key each, only while a table has the focus (typing in the filter is safe).
        for view in (self.table, self.hold_queue):
            for key, slot in (
                ("A", self._on_approve_clicked),
                ("H", self._on_hide_message_clicked),
                ("N", self._on_anonymous_clicked),
                ("M", self._on_hide_amount_clicked),
                ("B", self._on_block_clicked),
            ):
                action = QAction(view)
                action.setShortcut(QKeySequence(key))
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
                action.triggered.connect(slot)
                view.addAction(action)
        self._update_buttons()

    def _size_columns(self, view: QTableView) -> None:
        for column, width in enumerate((70, 80, 190, 120, 360, 80, 95)):
            view.setColumnWidth(column, width)

    def _build_rules(self) -> QWidget:
        page = QWidget()
        outer = QHBoxLayout(page)
        outer.setContentsMargins(0, 10, 0, 0)
        outer.setSpacing(16)
        words = card()
        wl = QVBoxLayout(words)
        wl.setContentsMargins(16, 14, 16, 14)
        wl.addWidget(label(self.tr("Blocklists"), "h2"))
        wl.addWidget(
            label(
                self.tr(
                    "One word a line. Case, accents, repeated letters and "
                    "swaps like c0nnard are seen through; only whole words "
                    "match (Scunthorpe passes)."
                ),
                "muted",
                wrap=True,
            )
        )
        lists = QHBoxLayout()
        self.words_en = QPlainTextEdit()
        self.words_en.setObjectName("blocklistEnglish")
        self.words_en.setAccessibleName(self.tr("English blocklist"))
        self.words_fr = QPlainTextEdit()
        self.words_fr.setObjectName("blocklistFrench")
        self.words_fr.setAccessibleName(self.tr("French blocklist"))
        for title, edit in (
            (self.tr("English"), self.words_en),
            (self.tr("French"), self.words_fr),
        ):
            column = QVBoxLayout()
            column.addWidget(label(title, "eyebrow"))
            column.addWidget(edit)
            lists.addLayout(column)
        wl.addLayout(lists, 1)
        outer.addWidget(words, 3)

        form_card = card()
        fl = QVBoxLayout(form_card)
        fl.setContentsMargins(16, 14, 16, 14)
        fl.addWidget(label(self.tr("Outcomes and review flags"), "h2"))
        form = QFormLayout()
        form.setSpacing(10)

        def outcome_combo(name: str, accessible: str, choices: tuple[str, ...]) -> QComboBox:
            combo = QComboBox()
            combo.setObjectName(name)
            combo.setAccessibleName(accessible)
            texts = {
                "visible": self.tr("Show on air"),
                "held": self.tr("Hold for review"),
                "hidden": self.tr("Hide"),
            }
            for value in choices:
                combo.addItem(texts[value], value)
            return combo

        self.blocklist_outcome = outcome_combo(
            "blocklistOutcome", self.tr("Blocklisted word"), ("held", "hidden")
        )
        self.link_outcome = outcome_combo(
            "linkOutcome", self.tr("Message with a link"), ("visible", "held", "hidden")
        )
        self.long_outcome = outcome_combo(
            "longMessageOutcome", self.tr("Message too long"), ("visible", "held", "hidden")
        )
        self.max_length = QSpinBox()
        self.max_length.setObjectName("maxMessageLength")
        self.max_length.setAccessibleName(self.tr("Longest message"))
        self.max_length.setRange(0, 500)
        self.max_length.setSpecialValueText(self.tr("No limit"))
        self.max_length.setSuffix(self.tr(" characters"))
        self.large_amount = QLineEdit()
        self.large_amount.setObjectName("largeAmountThreshold")
        self.large_amount.setAccessibleName(self.tr("Large amount"))
        self.large_amount.setPlaceholderText(self.tr("Off"))
        self.large_first = QLineEdit()
        self.large_first.setObjectName("largeFirstThreshold")
        self.large_first.setAccessibleName(self.tr("Large first donation"))
        self.large_first.setPlaceholderText(self.tr("Off"))
        self.rapid_count = QSpinBox()
        self.rapid_count.setObjectName("rapidCount")
        self.rapid_count.setAccessibleName(self.tr("Donations from one donor"))
        self.rapid_count.setRange(2, 1000)
        self.rapid_count.setSuffix(self.tr(" donations"))
        self.rapid_window = QSpinBox()
        self.rapid_window.setObjectName("rapidWindow")
        self.rapid_window.setAccessibleName(self.tr("Within"))
        self.rapid_window.setRange(1, 86_400)
        self.rapid_window.setSuffix(self.tr(" s"))
        form.addRow(self.tr("Blocklisted word"), self.blocklist_outcome)
        form.addRow(self.tr("Message with a link"), self.link_outcome)
        form.addRow(self.tr("Longest message"), self.max_length)
        form.addRow(self.tr("Longer message"), self.long_outcome)
        form.addRow(self.tr("Flag a donation from"), self.large_amount)
        form.addRow(self.tr("Flag a first donation from"), self.large_first)
        form.addRow(self.tr("Flag a donor giving"), self.rapid_count)
        form.addRow(self.tr("within"), self.rapid_window)
        fl.addLayout(form)
        fl.addWidget(label(self.tr("Blocked donors"), "h2"))
        fl.addWidget(
            label(self.tr("A blocked donor's later messages are held."), "muted", wrap=True)
        )
        self.blocked_list = QListView()
        self.blocked_list.setObjectName("blockedDonors")
        self.blocked_list.setAccessibleName(self.tr("Blocked donors"))
        self.blocked_list.setModel(self.blocked_model)
        self.blocked_list.setMaximumHeight(140)
        self.unblock = button(self.tr("Unblock"), "unblockDonor", "mdi6.account-check")
        self.unblock.clicked.connect(self._on_unblock_clicked)
        fl.addWidget(self.blocked_list)
        fl.addWidget(self.unblock, 0, Qt.AlignmentFlag.AlignLeft)
        self.rules_error = label("", "error", wrap=True)
        self.rules_error.setObjectName("rulesError")
        fl.addWidget(self.rules_error)
        fl.addStretch(1)
        self.save_rules = button(
            self.tr("Save rules"), "saveModerationRules", "mdi6.content-save", "primary"
        )
        self.save_rules.clicked.connect(self._on_save_rules_clicked)
        fl.addWidget(self.save_rules, 0, Qt.AlignmentFlag.AlignRight)
        outer.addWidget(form_card, 2)
        return page

    def _wire_model(self, model: ModerationTableModel) -> None:
        model.request_page = lambda page: self._spawn(self._load_page(model, page))
        model.request_reload = lambda: self._spawn(self._reload(model))
        view = self.table if model is self.all_model else self.hold_queue
        view.selectionModel().selectionChanged.connect(
            lambda *_: self._on_view_selection_changed(view)
        )

    # -- identity --------------------------------------------------------------------------

    def display_name(self) -> str:
        value = self.settings.value(NAME_KEY)
        return str(value).strip() if value else ""

    @property
    def role(self) -> ActorRole:
        value = str(self.settings.value(ROLE_KEY) or ActorRole.MODERATOR.value)
        return ActorRole(value) if value in ("moderator", "creator") else ActorRole.MODERATOR

    def set_display_name(self, name: str, role: ActorRole = ActorRole.MODERATOR) -> None:
        self.settings.setValue(NAME_KEY, name.strip())
        self.settings.setValue(ROLE_KEY, role.value)
        self.settings.sync()
        self._show_name()

    def _show_name(self) -> None:
        name = self.display_name()
        role = self.tr("Moderator") if self.role is ActorRole.MODERATOR else self.tr("Creator")
        self.who.setText(
            self.tr("Moderating as %1 · %2").replace("%1", name).replace("%2", role)
            if name
            else self.tr("No display name yet")
        )

    def actor(self) -> Actor | None:
        name = self.display_name()
        return Actor(name, self.role) if name else None

    def ask_display_name(self) -> None:
        """Open the display-name dialog (non-blocking); the answer is remembered."""
        if self._name_dialog is not None and self._name_dialog.isVisible():
            return
        dialog = DisplayNameDialog(self.display_name(), self.role, self)
        dialog.accepted.connect(
            lambda: self.set_display_name(dialog.name.text(), ActorRole(dialog.role.currentData()))
        )
        self._name_dialog = dialog
        dialog.open()

    @Slot()
    def _on_change_name_clicked(self) -> None:
        self.ask_display_name()

    def _require_actor(self) -> Actor | None:
        actor = self.actor()
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
        self._show_settings(settings)
        for model in (self.all_model, self.held_model):
            model.locale = self.money_locale
            await self._reload(model)
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

    # -- loading ---------------------------------------------------------------------------

    def current_filter(self) -> DonationFilter:
        """The filter of the all-donations table, from the controls (ValidationError when an
        amount is not an amount)."""
        assert self.campaign is not None
        currency = self.campaign.currency
        low = self._amount(self.amount_min, currency)
        high = self._amount(self.amount_max, currency)
        kind = self.status_filter.currentData()
        statuses: tuple[str, ...] = ()
        messages: tuple[str, ...] = ()
        if kind in ("held", "hidden", "visible"):
            messages = (kind,)
        elif kind in ("refunded", "completed"):
            statuses = (kind,)
        return DonationFilter(
            statuses=statuses,
            message_statuses=messages,
            flagged_only=kind == "flagged",
            min_minor=low,
            max_minor=high,
            donor=self.donor_filter.text(),
            text=self.filter.text(),
        ).check()

    def _amount(self, edit: QLineEdit, currency: str) -> int | None:
        text = edit.text().strip()
        edit.setProperty("invalid", False)
        if not text:
            edit.style().polish(edit)
            return None
        try:
            return parse_amount(text, currency, maximum=10**15)
        except ValidationError:
            edit.setProperty("invalid", True)
            edit.style().polish(edit)
            raise

    async def _reload(self, model: ModerationTableModel) -> None:
        if self.campaign is None:
            return
        campaign_id = self.campaign.id
        if model is self.all_model:
            try:
                model.filter = self.current_filter()
            except ValidationError as exc:
                self.row_count.setText(exc.reason)
                return
        where, sort, desc = model.filter, model.sort_key, model.descending

        def query() -> tuple[int, list[StoredDonation]]:
            count = self.moderation.count(campaign_id, where)
            rows = self.moderation.page(
                campaign_id, where, sort=sort, descending=desc, offset=0, limit=PAGE_ROWS
            )
            return count, rows

        count, rows = await self.runner.call(query)
        if self.campaign is None or self.campaign.id != campaign_id:
            return
        model.set_count(count, rows)
        # A new query shows its first rows (and never asks for a deep page it will not show).
        (self.table if model is self.all_model else self.hold_queue).scrollToTop()
        self._show_counts()

    async def _load_page(self, model: ModerationTableModel, page: int) -> None:
        if self.campaign is None:
            return
        generation, campaign_id = model.generation, self.campaign.id
        where, sort, desc = model.filter, model.sort_key, model.descending

        def query() -> list[StoredDonation] | None:
            # Skipped when the query changed while it waited its turn (a deep page of a large
            # sorted campaign is not free): the new query's pages are asked for instead.
            if model.generation != generation:
                return None
            return self.moderation.page(
                campaign_id,
                where,
                sort=sort,
                descending=desc,
                offset=page * PAGE_ROWS,
                limit=PAGE_ROWS,
            )

        rows = await self.runner.call(query)
        if rows is not None:
            model.page_loaded(generation, page, rows)

    async def _refresh(self, model: ModerationTableModel) -> None:
        """The same query again: new donations appear, changed ones update."""
        if self.campaign is None:
            return
        campaign_id, generation = self.campaign.id, model.generation
        where, sort, desc = model.filter, model.sort_key, model.descending
        pages = model.loaded_pages()[:3]

        def query() -> tuple[int, dict[int, list[StoredDonation]]]:
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
                for p in pages or [0]
            }

        count, loaded = await self.runner.call(query)
        if model.generation == generation and self.campaign is not None:
            model.refresh(count, loaded)

    async def _reload_audit(self) -> None:
        if self.campaign is None:
            return
        rows = await self.runner.call(
            self.moderation.audit_entries, self.campaign.id, limit=AUDIT_ROWS
        )
        self.audit_model.reset(rows)

    @Slot()
    def _on_refresh_timer_timeout(self) -> None:
        if self._refreshing or self.campaign is None or not self.isVisible():
            return
        self._refreshing = True
        self._spawn(self._refresh_all())

    async def _refresh_all(self) -> None:
        try:
            assert self.campaign is not None
            stats = await self.runner.call(self.service.stats, self.campaign.id)
            # The tables are queried again when the ledger moved (and now and then for changes
            # made from another seat): idle, a million-row campaign costs nothing.
            self._ticks += 1
            moved = stats != self.stats or self._ticks % 10 == 0
            self._apply_stats(stats)
            if moved:
                await self._refresh(self.all_model)
                await self._refresh(self.held_model)
            if self.tabs.currentIndex() == 3:
                await self._reload_audit()
            self._show_counts()
        finally:
            self._refreshing = False

    @Slot()
    def _on_filter_changed(self) -> None:
        self._filter_timer.start()

    @Slot()
    def _on_filter_timer_timeout(self) -> None:
        self._spawn(self._reload(self.all_model))

    # -- figures ---------------------------------------------------------------------------

    def _apply_stats(self, stats: CampaignStats) -> None:
        self.stats = stats
        if self.campaign is None:
            return
        self.total_label.setText(
            format_money(stats.total_minor, self.campaign.currency, self.money_locale)
        )
        self.held_pill.setText(self.tr("%n held", "", stats.held_count))
        self.tabs.setTabText(1, self.tr("Hold queue (%1)").replace("%1", str(stats.held_count)))

    def _show_counts(self) -> None:
        self.row_count.setText(self.tr("%n donation(s)", "", self.all_model.rowCount()))

    # -- selection -------------------------------------------------------------------------

    def _on_view_selection_changed(self, view: QTableView) -> None:
        self._active_view = view
        self._update_buttons()

    @Slot(int)
    def _on_tabs_current_changed(self, index: int) -> None:
        if index == 0:
            self._active_view = self.table
        elif index == 1:
            self._active_view = self.hold_queue
        if index == 3:
            self._spawn(self._reload_audit())
        self.action_bar.setVisible(index in (0, 1))
        self._update_buttons()

    def selected_donations(self) -> list[StoredDonation]:
        """The loaded donations of the rows selected in the active table."""
        view = self._active_view
        if view is None:
            return []
        selection = view.selectionModel()
        out: list[StoredDonation] = []
        for index in selection.selectedRows():
            d = index.data(DonationRole)
            if isinstance(d, StoredDonation):
                out.append(d)
        return out

    def _update_buttons(self) -> None:
        chosen = self.selected_donations()
        busy = self._busy > 0 or self.campaign is None
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
        self.save_rules.setEnabled(not busy)
        self.selection_label.setText(
            self.tr("%n selected", "", len(chosen)) if chosen else self.tr("Select donations")
        )

    # -- actions ---------------------------------------------------------------------------

    def _spawn(self, coro: Coroutine[Any, Any, Any]) -> None:
        spawn(coro, self._report)

    def _report(self, exc: BaseException) -> None:
        text = (
            str(exc)
            if isinstance(exc, LiveGivingError)
            else self.tr("Something went wrong: %1").replace("%1", str(exc))
        )
        self._notify(text, error=True)
        self.failed.emit(text)

    def _notify(self, text: str, *, error: bool = False) -> None:
        self.notice.setProperty("role", "error" if error else "notice")
        self.notice.style().polish(self.notice)
        self.notice.setText(text)

    async def _act(
        self, work: Callable[[], LedgerChange | list[LedgerChange]]
    ) -> list[LedgerChange]:
        """Run one action on the database thread and let every window follow."""
        self._busy += 1
        self._update_buttons()
        try:
            result = await self.runner.call(work)
        finally:
            self._busy -= 1
        changes = result if isinstance(result, list) else [result]
        for change in changes:
            self.apply_change(change)
        await self._reload(self.held_model)
        await self._reload_audit()
        self._update_buttons()
        return changes

    def apply_change(self, change: LedgerChange) -> None:
        """Announce a change: the console, the live view and any other window follow."""
        if change.donations:
            self.events.donationsChanged.emit(change.campaign_id, change.donations)
        self.events.statsChanged.emit(change.campaign_id, change.stats, change.top)

    @Slot()
    def _on_approve_clicked(self) -> None:
        self._decide(MessageStatus.VISIBLE)

    @Slot()
    def _on_hide_message_clicked(self) -> None:
        self._decide(MessageStatus.HIDDEN)

    def _decide(self, status: MessageStatus) -> None:
        chosen = [d for d in self.selected_donations() if d.message and d.message_status != status]
        actor = self._require_actor() if chosen else None
        if actor is None or self.campaign is None:
            return
        campaign_id, ids = self.campaign.id, [d.id for d in chosen]

        def approve() -> LedgerChange:
            return self.moderation.approve(campaign_id, ids, actor)

        def hide() -> LedgerChange:
            return self.moderation.hide(campaign_id, ids, actor)

        if status is MessageStatus.VISIBLE:
            work = approve
            done = self.tr("%n message(s) approved: on air now.", "", len(ids))
        else:
            work = hide
            done = self.tr("%n message(s) hidden: kept off the air.", "", len(ids))
        self._spawn(self._run_action(work, done))

    async def _run_action(self, work: Callable[[], LedgerChange], done: str) -> None:
        await self._act(work)
        self._notify(done)

    @Slot()
    def _on_anonymous_clicked(self) -> None:
        chosen = self.selected_donations()
        hide = not all(d.hide_name_on_air for d in chosen)
        self._privacy(chosen, hide_name=hide)

    @Slot()
    def _on_hide_amount_clicked(self) -> None:
        chosen = self.selected_donations()
        hide = not all(d.hide_amount_on_air for d in chosen)
        self._privacy(chosen, hide_amount=hide)

    def _privacy(
        self,
        chosen: list[StoredDonation],
        *,
        hide_name: bool | None = None,
        hide_amount: bool | None = None,
    ) -> None:
        actor = self._require_actor() if chosen else None
        if actor is None or self.campaign is None:
            return
        campaign_id, ids = self.campaign.id, [d.id for d in chosen]
        self._spawn(
            self._run_action(
                lambda: self.moderation.set_privacy(
                    campaign_id, ids, actor, hide_name=hide_name, hide_amount=hide_amount
                ),
                self.tr("On-air privacy changed for %n donation(s).", "", len(ids)),
            )
        )

    @Slot()
    def _on_block_clicked(self) -> None:
        chosen = self.selected_donations()
        actor = self._require_actor() if chosen else None
        if actor is None or self.campaign is None:
            return
        self._spawn(self._block(chosen, actor))

    async def _block(self, chosen: list[StoredDonation], actor: Actor) -> None:
        assert self.campaign is not None
        campaign_id = self.campaign.id
        ids = list({d.donor_key: d.id for d in chosen}.values())

        def work() -> list[str]:
            names = []
            for donation_id in ids:
                d, newly = self.moderation.block_donor(donation_id, actor)
                if newly:
                    names.append(d.donor_name)
            return names

        self._busy += 1
        try:
            names = await self.runner.call(work)
            rules = await self.runner.call(self.moderation.rules, campaign_id)
        finally:
            self._busy -= 1
        self.events.rulesChanged.emit(campaign_id, rules)
        await self._reload_audit()
        await self._reload_blocked()
        self._update_buttons()
        self._notify(
            self.tr("Blocked: %1. Their later messages are held.").replace("%1", ", ".join(names))
            if names
            else self.tr("Already blocked.")
        )

    @Slot()
    def _on_refund_clicked(self) -> None:
        chosen = [d for d in self.selected_donations() if d.status == "completed"]
        if not chosen or self.campaign is None:
            return
        if self._require_actor() is None:
            return
        total = sum(d.amount_minor for d in chosen)
        money = format_money(total, self.campaign.currency, self.money_locale)
        summary = (
            self.tr("Refund %1 to %2?").replace("%1", money).replace("%2", chosen[0].donor_name)
            if len(chosen) == 1
            else self.tr("Refund %n donations (%1)?", "", len(chosen)).replace("%1", money)
        )
        dialog = RefundDialog(summary, self)
        dialog.accepted.connect(lambda: self._on_refund_dialog_accepted(dialog, chosen))
        self.refund_dialog = dialog
        dialog.open()

    def _on_refund_dialog_accepted(
        self, dialog: RefundDialog, chosen: list[StoredDonation]
    ) -> None:
        actor = self.actor()
        if actor is None:
            return
        reason = dialog.reason.text()
        self._spawn(self._refund(chosen, reason, actor))

    async def _refund(self, chosen: list[StoredDonation], reason: str, actor: Actor) -> None:
        ids = [d.id for d in chosen]

        def work() -> list[LedgerChange]:
            return [self.moderation.refund(i, reason, actor) for i in ids]

        changes = await self._act(work)
        if self.campaign is None or not changes:
            return
        currency = self.campaign.currency
        refunded = sum(d.amount_minor for c in changes for d in c.donations)
        lines = [
            self.tr("Refunded %1. Total now %2.")
            .replace("%1", format_money(refunded, currency, self.money_locale))
            .replace("%2", format_money(changes[-1].stats.total_minor, currency, self.money_locale))
        ]
        thanked = [c.donations[0].donor_name for c in changes if c.refund and c.refund.was_thanked]
        if thanked:
            lines.append(self.tr("Already thanked on air: %1.").replace("%1", ", ".join(thanked)))
        gone = [
            c.donations[0].donor_name
            for c in changes
            if c.refund and not c.refund.donor_has_completed
        ]
        if gone:
            lines.append(
                self.tr(
                    "No donation left for %1: their sticker and Story frame are withdrawn."
                ).replace("%1", ", ".join(gone))
            )
        self._notify(" ".join(lines))

    # -- changes from other windows ----------------------------------------------------------

    @Slot(int, object)
    def _on_events_donations_changed(
        self, campaign_id: int, donations: list[StoredDonation]
    ) -> None:
        if self.campaign is None or self.campaign.id != campaign_id:
            return
        self.all_model.update_donations(donations)
        self.held_model.update_donations(donations)
        self._update_buttons()

    @Slot(int, object, object)
    def _on_events_stats_changed(
        self, campaign_id: int, stats: CampaignStats, top: list[TopDonor]
    ) -> None:
        if self.campaign is not None and self.campaign.id == campaign_id:
            self._apply_stats(stats)

    # -- rules -----------------------------------------------------------------------------

    def _show_settings(self, s: ModerationSettings) -> None:
        assert self.campaign is not None
        currency = self.campaign.currency
        self.words_en.setPlainText("\n".join(sorted(s.words("en"))))
        self.words_fr.setPlainText("\n".join(sorted(s.words("fr"))))
        for combo, value in (
            (self.blocklist_outcome, s.blocklist_outcome),
            (self.link_outcome, s.link_outcome),
            (self.long_outcome, s.long_message_outcome),
        ):
            combo.setCurrentIndex(max(0, combo.findData(value.value)))
        self.max_length.setValue(s.max_message_length or 0)
        self.large_amount.setText(
            to_decimal_text(s.large_amount_minor, currency) if s.large_amount_minor else ""
        )
        self.large_first.setText(
            to_decimal_text(s.large_first_minor, currency) if s.large_first_minor else ""
        )
        self.rapid_count.setValue(s.rapid_count)
        self.rapid_window.setValue(s.rapid_window_s)
        self.rules_error.setText("")

    def settings_from_form(self) -> ModerationSettings:
        """The rules as edited (ValidationError names the field at fault)."""
        assert self.campaign is not None
        currency = self.campaign.currency

        def amount(edit: QLineEdit, field: str) -> int | None:
            text = edit.text().strip()
            if not text:
                return None
            try:
                return parse_amount(text, currency, maximum=10**15)
            except ValidationError as exc:
                raise ValidationError(field, exc.reason) from None

        settings = ModerationSettings(
            blocklist_outcome=MessageStatus(self.blocklist_outcome.currentData()),
            link_outcome=MessageStatus(self.link_outcome.currentData()),
            max_message_length=self.max_length.value() or None,
            long_message_outcome=MessageStatus(self.long_outcome.currentData()),
            large_amount_minor=amount(self.large_amount, self.tr("large amount")),
            rapid_count=self.rapid_count.value(),
            rapid_window_s=self.rapid_window.value(),
            large_first_minor=amount(self.large_first, self.tr("large first donation")),
        )
        settings = settings.with_words("en", self.words_en.toPlainText().splitlines())
        return settings.with_words("fr", self.words_fr.toPlainText().splitlines()).check()

    @Slot()
    def _on_save_rules_clicked(self) -> None:
        if self.campaign is None:
            return
        try:
            settings = self.settings_from_form()
        except ValidationError as exc:
            self.rules_error.setText(user_message(exc))
            return
        actor = self._require_actor()
        if actor is None:
            return
        self.rules_error.setText("")
        self._spawn(self._save_rules(self.campaign.id, settings, actor))

    async def _save_rules(
        self, campaign_id: int, settings: ModerationSettings, actor: Actor
    ) -> None:
        rules = await self.runner.call(self.moderation.save_settings, campaign_id, settings, actor)
        self.events.rulesChanged.emit(campaign_id, rules)
        await self._reload_audit()
        self._notify(self.tr("Rules saved: they apply to the next donations."))

    async def _reload_blocked(self) -> None:
        if self.campaign is not None:
            rows = await self.runner.call(self.moderation.blocked_donors, self.campaign.id)
            self.blocked_model.reset(rows)
        self.unblock.setEnabled(self.blocked_model.rowCount() > 0)

    @Slot()
    def _on_unblock_clicked(self) -> None:
        index = self.blocked_list.currentIndex()
        record = self.blocked_model.record(index.row()) if index.isValid() else None
        actor = self._require_actor() if record is not None else None
        if record is None or actor is None or self.campaign is None:
            return
        self._spawn(self._unblock(self.campaign.id, record.donor_key, record.donor_name, actor))

    async def _unblock(self, campaign_id: int, donor_key: str, name: str, actor: Actor) -> None:
        await self.runner.call(self.moderation.unblock_donor, campaign_id, donor_key, actor)
        rules = await self.runner.call(self.moderation.rules, campaign_id)
        self.events.rulesChanged.emit(campaign_id, rules)
        await self._reload_blocked()
        await self._reload_audit()
        self._notify(self.tr("%1 is no longer blocked.").replace("%1", name))

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
    last = settings.value(last_campaign_key(db_url))

    async def start() -> None:
        await console.load_campaigns(int(str(last)) if last and str(last).isdigit() else None)
        if not console.display_name():
            console.ask_display_name()

    QTimer.singleShot(0, lambda: spawn(start(), console._report))
    return console
