"""The fundraiser's live view: the broadcast, the donor feed with the selected donor's stickers,
the amount raised and the goal, donations per second, the top donors and the thank queue.

Its campaign is the BroadcastController's (ui/broadcast/controller.py); this module keeps the
layout and the bindings of what only a fundraiser has."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QListView,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from livegiving_desktop.core.campaigns import CampaignKind, CampaignStatus
from livegiving_desktop.core.goals import progress_permille
from livegiving_desktop.core.records import CampaignRecord, CampaignStats, StoredDonation, TopDonor
from livegiving_desktop.services.files import ledger_files
from livegiving_desktop.services.ledger import LedgerService, ThankAllOutcome
from livegiving_desktop.services.snapshots import FundraiserSnapshot
from livegiving_desktop.ui.broadcast.controller import PAGE
from livegiving_desktop.ui.broadcast.page import OVERLAY_MS, BroadcastPage
from livegiving_desktop.ui.common import format as fmt
from livegiving_desktop.ui.common.feed import FeedBridge
from livegiving_desktop.ui.common.newer import NewerRows, unpicked_if_gone
from livegiving_desktop.ui.common.roles import gate
from livegiving_desktop.ui.common.runner import DbRunner, spawn
from livegiving_desktop.ui.common.throttle import Throttle
from livegiving_desktop.ui.common.widgets import button, label, timer
from livegiving_desktop.ui.fundraiser.cards import (
    RateCard,
    ThankQueueCard,
    TopDonorsCard,
    TotalsCard,
)
from livegiving_desktop.ui.fundraiser.goal_dialog import GoalDialog
from livegiving_desktop.ui.fundraiser.models import (
    DonationFeedModel,
    OnAirPrivacy,
    ThankQueueModel,
)
from livegiving_desktop.ui.fundraiser.offline_dialog import OfflineDonationDialog
from livegiving_desktop.ui.fundraiser.summary import SummaryDialog
from livegiving_desktop.ui.fundraiser.widgets import FeedDelegate
from livegiving_desktop.ui.operations import Operations, export_file
from livegiving_desktop.ui.story.panel import StickerPanel

# The top donors change with nearly every gift in a burst, and their card is rich text that
# Qt lays out again (with the whole right column) each time: at most once a second, the last
# ranking always shown.
TOP_DONORS_MS = 1000
ALERT_MIN_S = 1.5  # each alert stays readable at least this long, however fast gifts come
# The thank queue takes a flush's new rows this long after the feed: its layout and paint land
# in a frame of their own, not on top of the feed's (under a burst the two in one frame held
# the UI thread 15 to 17 ms; issue 19).
QUEUE_LAG_MS = 40


class FundraiserPage(BroadcastPage):
    """The live view of a fundraiser (the main window's `live`)."""

    exported = Signal(str)  # what was exported where, in words
    demoRestarted = Signal(int)  # the fresh demo's id: show it

    def __init__(self, runner: DbRunner, parent: QWidget | None = None) -> None:
        super().__init__(
            runner, CampaignKind.FUNDRAISER,
            names={"home": "homeButton", "heading": "campaignHeading", "stage": "broadcastStage"},
            parent=parent,
        )  # fmt: skip
        self.privacy = OnAirPrivacy(None, self.money_locale)
        self.service: LedgerService | None = None
        # The views always have a model (empty while a campaign loads): ready means ready.
        self.feed_model = DonationFeedModel(self.privacy, parent=self)
        self.feed_model.olderRequested.connect(self._on_feed_older_requested)
        self.queue_model = ThankQueueModel(self.privacy, parent=self)
        self.queue_model.olderRequested.connect(self._on_queue_older_requested)
        self._queue_pending: list[StoredDonation] = []  # newest first, for the queue's turn
        self._queue_later = timer(self, QUEUE_LAG_MS, single_shot=True)
        self._queue_later.timeout.connect(self._flush_queue)
        self._thank_all_done: ThankAllOutcome | None = None  # what Undo puts back
        self._alert_until = 0.0
        self._top: list[TopDonor] = []
        self._shown_stats = CampaignStats(0, 0, 0, 0)
        self._shown_goal: int | None = None
        self._alert_timer = timer(self, OVERLAY_MS, single_shot=True)
        self._alert_timer.timeout.connect(self._on_alert_timer_timeout)
        self._banner_timer = timer(self, OVERLAY_MS, single_shot=True)
        self._banner_timer.timeout.connect(self._on_banner_timer_timeout)
        self._show_top_later = Throttle(self._show_top_donors, TOP_DONORS_MS, parent=self)
        self._build()
        c = self.controller
        c.fundraiserOpened.connect(self._on_controller_opened)
        c.statsChanged.connect(self._on_controller_stats_changed)
        c.donationsAdded.connect(self._on_controller_donations_added)
        c.donationsChanged.connect(self._on_controller_donations_changed)
        c.topDonorsChanged.connect(self._on_controller_top_donors_changed)
        c.ticked.connect(self._on_fundraiser_ticked)

    # -- construction ----------------------------------------------------------------------

    def _build(self) -> None:
        tip = self.tr("Open the moderation console (Ctrl+M)")
        self.moderation_button = button(
            self.tr("Moderation"), "openModerationButton", "mdi6.shield-account", tip=tip
        )
        self.rate.setAccessibleName(self.tr("Simulated donations per second"))
        self.rate.setRange(0, 20_000)
        self.rate.setSingleStep(5)
        self.rate.setToolTip(self.tr("Simulated audience: donations per second (0 = paused)"))
        self.offline = button(self.tr("Offline donation"), "addOfflineDonation", "mdi6.cash-plus",
                              tip=self.tr("Add an offline donation (Ctrl+D)"))  # fmt: skip
        self.offline.clicked.connect(self._on_offline_clicked)
        self.thank = button(self.tr("Thank donor"), "thankDonor", "mdi6.heart", "primary",
                            self.tr("Thank the selected donor on air (Ctrl+T)"))  # fmt: skip
        self.thank.clicked.connect(self._on_thank_clicked)
        self.summary_button = button(self.tr("Summary"), "showSummary", "mdi6.chart-box-outline",
                                     tip=self.tr("The broadcast's summary"))  # fmt: skip
        self.summary_button.clicked.connect(self._show_summary)
        self.summary_button.setVisible(False)
        self.goal_button = button(self.tr("Stretch goal"), "changeGoal", "mdi6.flag-checkered",
                                  tip=self.tr("Raise the goal while live"))  # fmt: skip
        self.goal_button.clicked.connect(self._on_goal_clicked)
        self.goal_button.setText("")  # an icon: the row fits a 1280 px work area at 150 %
        self.goal_button.setToolTip(self.tr("Stretch goal: raise the goal while live"))
        self.restart_demo = button(self.tr("Restart the demo"), "restartDemo", "mdi6.restart",
                                   tip=self.tr("A fresh demo; this one is archived"))  # fmt: skip
        self.restart_demo.clicked.connect(self._on_restart_demo_clicked)
        self.restart_demo.setVisible(False)
        self.controls.addStretch(1)
        self.controls.addWidget(self.restart_demo)
        self.controls.addWidget(self.summary_button)
        self.controls.addWidget(self.goal_button)
        self.controls.addWidget(self.offline)
        self.controls.addWidget(self.thank)

        self.feed = QListView()
        self.feed.setObjectName("donorFeed")
        self.feed.setAccessibleName(self.tr("Live donations, newest first"))
        self.feed.setUniformItemSizes(True)
        self.feed.setItemDelegate(FeedDelegate(self.feed))
        self.feed.setMouseTracking(True)
        self.feed.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.feed.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.feed.setModel(self.feed_model)
        self.feed_newer = NewerRows(self.feed, "donorFeedNewer", feed=True)
        self.feed.selectionModel().selectionChanged.connect(self._on_feed_selection_changed)
        self.feed_count = label("", "muted")
        empty = self.tr("No donations yet. Go live and the first gifts appear here.")
        self.feed_empty = label(empty, "muted", wrap=True)
        self.stickers = StickerPanel(self.runner)
        self.stickers.failed.connect(self.failed)

        self.totals = TotalsCard()
        self.rate_card = RateCard()
        self.top = TopDonorsCard()
        self.thanks = ThankQueueCard(self.queue_model)
        self.thanks.thank_all.clicked.connect(self._on_thank_all_clicked)
        self.thanks.undo.clicked.connect(self._on_undo_thank_all_clicked)
        # The contract's widgets, where callers look for them.
        self.total, self.goal_bar = self.totals.total, self.totals.goal_bar
        self.sparkline, self.queue = self.rate_card.sparkline, self.thanks.queue
        self.thank_all = self.thanks.thank_all
        # The names the creator reads out on air hold still too.
        self.queue_newer = NewerRows(self.queue, "thankQueueNewer")

        self.left.addWidget(self.stage, 5)
        self.left.addLayout(self.controls)
        feed_header = QHBoxLayout()
        feed_header.addWidget(label(self.tr("Live donations"), "h2"))
        feed_header.addStretch(1)
        feed_header.addWidget(self.feed_count)
        self.left.addLayout(feed_header)
        feed_row = QHBoxLayout()
        feed_column = QVBoxLayout()
        feed_column.addWidget(self.feed_empty)
        feed_column.addWidget(self.feed, 1)
        feed_row.addLayout(feed_column, 1)
        feed_row.addWidget(self.stickers)
        self.left.addLayout(feed_row, 4)
        for widget in (self.totals, self.rate_card, self.top):
            self.right.addWidget(widget)
        self.right.addWidget(self.thanks, 1)
        self.lay_out(self.moderation_button)

    def attach(
        self, service: LedgerService, ops: Operations, feed: FeedBridge, locale: str
    ) -> None:
        super().attach(service, ops, feed, locale)
        self.service = service

    def refresh_texts(self) -> None:
        # What the stage shows for a few seconds was written in the other language: let it go.
        self.stage.alert_title = self.stage.alert_message = ""
        self.stage.banner = self.stage.notice = ""
        c = self.controller.campaign
        self.privacy = OnAirPrivacy(c, self.money_locale)
        self.feed_model.privacy = self.queue_model.privacy = self.privacy
        for model in (self.feed_model, self.queue_model):
            model.layoutChanged.emit()  # their rows are written at paint time
        if c is not None:
            self._show_stats(self.controller.stats, self.controller.stats)
            self._show_top_donors()
            self.stage.organization = self.subtitle.text()

    @property
    def stats(self) -> CampaignStats:
        return self.controller.stats

    # -- following the controller ----------------------------------------------------------

    @Slot(FundraiserSnapshot)
    def _on_controller_opened(self, snap: FundraiserSnapshot) -> None:
        self.privacy = OnAirPrivacy(snap.campaign, self.money_locale)
        self.feed_model.privacy = self.queue_model.privacy = self.privacy
        self.feed_model.show(snap.recent, has_older=len(snap.recent) >= PAGE)
        self.feed_newer.show_newest()  # the feed was shown anew: nothing is held
        self._show_queue(snap.unthanked)
        self.warm_scripts()
        self.thanks.hide_undo()
        self._thank_all_done = None
        assert self.service is not None
        self.stickers.set_campaign(self.service, snap.campaign, self.money_locale)
        self.stage.organization = snap.organization
        self.totals.milestone.setText("")
        self.show_campaign(snap.campaign, snap.organization)
        self._show_stats(snap.stats, snap.stats)
        self._top = snap.top
        self._show_top_later.cancel()
        self._show_top_donors()

    @Slot(CampaignStats, bool)
    def _on_controller_stats_changed(self, stats: CampaignStats, new_gifts: bool) -> None:
        self._show_stats(self._shown_stats if new_gifts else stats, stats)

    def _show_stats(self, before: CampaignStats, stats: CampaignStats) -> None:
        c = self.controller.campaign
        self._shown_stats = stats
        if c is None:
            return
        notice = self.totals.show_stats(c, before, stats, self.money_locale)
        if c.goal_minor:
            goal = fmt.money(c.goal_minor, c.currency, self.money_locale)
            raised = fmt.money(stats.total_minor, c.currency, self.money_locale)
            self.stage.goal_text = (
                self.tr("%1 raised of %2").replace("%1", raised).replace("%2", goal)
            )
            self.stage.goal_fraction = progress_permille(stats.total_minor, c.goal_minor) / 1000
        if notice:
            self.stage.notice = notice
            self._banner_timer.start()
            self.announcer.say(notice, important=True)
        self.feed_count.setText(self.tr("%n donation(s)", "", stats.donation_count))
        self.repaint_stage()

    @Slot(list)
    def _on_controller_donations_added(self, newest: list[StoredDonation]) -> None:
        # Keep the rows the creator reads, or is about to click, where they are.
        newer = self.feed_newer
        holding = newer.holding_at_most(self.feed_model.rowCount(), pointer_only=True)
        # Rows read below or under the pointer stay in the model; at the top it is trimmed.
        self.feed_model.keep_older = holding
        with unpicked_if_gone(self.feed):
            added = self.feed_model.add_newest(newest)
        if added and holding:
            newer.hold(added)
        unthanked = [d for d in newest if not d.thanked]
        if unthanked:
            self._queue_pending[0:0] = unthanked
            if not self._queue_later.isActive():
                self._queue_later.start()
        if newest:
            latest = newest[0]
            amount = self.privacy.amount_text(latest)
            name = self.privacy.shown_name(latest)
            self.announcer.donations(len(newest), f"{name}, {amount}" if amount else name)
        if newest and time.monotonic() >= self._alert_until:
            self._alert(newest[0])
        self.update_controls()

    def _alert(self, latest: StoredDonation) -> None:
        # Each alert stays readable for a moment, as on a real stream overlay.
        self._alert_until = time.monotonic() + ALERT_MIN_S
        amount = self.privacy.amount_text(latest)
        name = self.privacy.shown_name(latest)
        self.stage.alert_title = (
            self.tr("%1 donated %2").replace("%1", name).replace("%2", amount)
            if amount
            else self.tr("%1 donated").replace("%1", name)
        )
        self.stage.alert_message = self.privacy.message_text(latest)
        self._alert_timer.start()
        self.repaint_stage()

    @Slot(list)
    def _on_controller_donations_changed(self, changed: list[StoredDonation]) -> None:
        self.feed_model.update(changed)
        if self._queue_pending:  # rows waiting for the queue's turn take their new versions
            by_id = {d.id: d for d in changed}
            newer = (by_id.get(d.id, d) for d in self._queue_pending)
            self._queue_pending = [d for d in newer if not (d.thanked or d.refunded)]
        self.queue_model.follow(changed)
        self.update_controls()

    @Slot()
    def _flush_queue(self) -> None:
        """The thank queue's turn: the rows of the flushes since its last one, on top."""
        self._queue_later.stop()
        pending, self._queue_pending = self._queue_pending, []
        holding = self.queue_newer.holding_at_most(self.queue_model.rowCount(), pointer_only=True)
        self.queue_model.keep_older = holding
        added = self.queue_model.prepend(pending)
        if added and holding:
            self.queue_newer.hold(added)

    def _show_queue(self, rows: list[StoredDonation]) -> None:
        """The queue as the database has it: what was waiting for its turn is in it."""
        self._queue_later.stop()
        self._queue_pending = []
        self.queue_model.show(rows, has_older=len(rows) >= PAGE)
        self.queue_newer.show_newest()  # the queue was shown anew: nothing is held

    def name_fonts(self) -> list[QFont]:
        delegate = self.feed.itemDelegate()
        assert isinstance(delegate, FeedDelegate)
        return [*delegate.name_fonts(self.feed.font()), self.thanks.queue.font(),
                self.top.list.font(), *super().name_fonts()]  # fmt: skip

    @Slot(list)
    def _on_controller_top_donors_changed(self, top: list[TopDonor]) -> None:
        self._top = top
        self._show_top_later()

    def _show_top_donors(self) -> None:
        c = self.controller.campaign
        if c is not None:
            self.top.show_donors(self._top, self.privacy, c.currency)

    @Slot(int, int, list)
    def _on_fundraiser_ticked(self, _seconds: int, _viewers: int, per_second: list[int]) -> None:
        self.rate_card.show_rate(per_second)

    @Slot()
    def _on_alert_timer_timeout(self) -> None:
        self.stage.alert_title = self.stage.alert_message = ""
        self.repaint_stage()

    @Slot()
    def _on_banner_timer_timeout(self) -> None:
        self.stage.banner = self.stage.notice = ""
        self.repaint_stage()

    def update_controls(self) -> None:
        c = self.controller.campaign
        # An ended fundraiser still takes offline donations (cheques, cash): "after the broadcast".
        self.offline.setEnabled(c is not None and c.status is not CampaignStatus.CANCELLED)
        owner = self.owner_seat
        gate(self.offline, owner, self.identity, "record a donation")
        self.summary_button.setVisible(c is not None and c.status is CampaignStatus.ENDED)
        self.restart_demo.setVisible(c is not None and c.is_demo and c.status.finished)
        self.goal_button.setEnabled(
            c is not None and self.controller.loaded and not c.status.finished
        )
        gate(self.goal_button, owner, self.identity, "change a goal")
        gate(self.restart_demo, owner, self.identity, "create a campaign")
        if c is not None and c.goal_minor != self._shown_goal:
            self._shown_goal = c.goal_minor  # a new goal: the figures and milestones follow it
            self._show_stats(self.controller.stats, self.controller.stats)
        count = self.feed_model.rowCount()
        self.feed_empty.setVisible(count == 0)
        self.feed.setVisible(count > 0)
        # N is the ledger's count (kept with every change), not the rows loaded.
        self.thanks.show_count(c.unthanked_count if c is not None else 0, c is not None)
        gate(self.thanks.thank_all, owner, self.identity, "thank donors on air")
        self._update_buttons()

    @Slot()
    def _update_buttons(self) -> None:
        self.thank.setEnabled(self.controller.loaded and self.selected_donation() is not None)
        owner = self.owner_seat
        gate(self.thank, owner, self.identity, "thank donors on air")

    # -- the feed --------------------------------------------------------------------------

    def selected_donation(self) -> StoredDonation | None:
        rows = self.feed.selectionModel().selectedRows()
        return self.feed_model.donation(rows[0].row()) if rows else None

    def select_feed_row(self, row: int) -> None:
        self.feed.selectionModel().setCurrentIndex(
            self.feed_model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    @Slot()
    def _on_feed_selection_changed(self) -> None:
        self._update_buttons()
        donation = self.selected_donation()
        name = donation.donor_name if donation is not None else None
        if name != self.stickers.donor_name:
            shown = self.privacy.shown_name(donation) if donation is not None else None
            self.stickers.set_donor(name, shown)

    @Slot(int)
    def _on_feed_older_requested(self, before_id: int) -> None:
        spawn(self._load_older(before_id), self.controller._report)

    async def _load_older(self, before_id: int) -> None:
        c = self.controller.campaign
        if self.service is None or c is None:
            return
        rows = await self.runner.call(
            self.service.recent_donations, c.id, before_id=before_id, limit=PAGE
        )
        if self.controller.campaign is not None and self.controller.campaign.id == c.id:
            self.feed_model.append_older(rows, page_size=PAGE)

    @Slot(int)
    def _on_queue_older_requested(self, before_id: int) -> None:
        spawn(self._load_older_unthanked(before_id), self.controller._report)

    async def _load_older_unthanked(self, before_id: int) -> None:
        c = self.controller.campaign
        if self.service is None or c is None:
            return
        rows = await self.runner.call(self.service.unthanked, c.id, PAGE, before_id=before_id)
        if self.controller.campaign is not None and self.controller.campaign.id == c.id:
            self.queue_model.append_older(rows, page_size=PAGE)

    async def _reload_queue(self, campaign_id: int) -> None:
        if self.service is None:
            return
        rows = await self.runner.call(self.service.unthanked, campaign_id, PAGE)
        if self.controller.campaign is not None and self.controller.campaign.id == campaign_id:
            self._show_queue(rows)
            self.update_controls()

    # -- actions ---------------------------------------------------------------------------

    @Slot()
    def _on_thank_clicked(self) -> None:
        donation = self.selected_donation()
        if donation is not None:
            spawn(self.thank_now([donation]), self.controller._report)

    @Slot()
    def _on_thank_all_clicked(self) -> None:
        c = self.controller.campaign
        if c is None or self.service is None or not self.controller.loaded:
            return
        # Every unthanked donation up to the newest one shown, in one transaction.
        shown = [m.record(0) for m in (self.feed_model, self.queue_model)]
        through = max((d.id for d in shown if d is not None), default=None)
        if through is not None:
            spawn(self.thank_all_now(c.id, through), self.controller._report)

    async def thank_all_now(self, campaign_id: int, through_id: int) -> None:
        assert self.service is not None
        outcome = await self.runner.call(self.service.thank_all, campaign_id, through_id)
        if outcome.thanked == 0:
            return
        self._thank_all_done = outcome
        self.thanks.show_undo(outcome.thanked, outcome.undo_until - time.monotonic())
        self.stage.banner = self.tr("Thank you for your %n donation(s)!", "", outcome.thanked)
        self._banner_timer.start()
        self.announcer.say(self.thanks.done_text.text())
        self.repaint_stage()
        await self._reload_queue(campaign_id)

    @Slot()
    def _on_undo_thank_all_clicked(self) -> None:
        outcome, self._thank_all_done = self._thank_all_done, None
        self.thanks.hide_undo()
        if outcome is not None and self.service is not None:
            spawn(self.undo_thank_all_now(outcome), self.controller._report)

    async def undo_thank_all_now(self, outcome: ThankAllOutcome) -> None:
        assert self.service is not None
        await self.runner.call(self.service.undo_thank_all, outcome)
        c = self.controller.campaign
        if c is not None:
            await self._reload_queue(c.id)

    async def thank_now(self, donations: list[StoredDonation]) -> None:
        ids = await self.controller.thank(donations)
        if not ids:
            return
        if len(donations) == 1:
            name = self.privacy.shown_name(donations[0])
            self.stage.banner = self.tr("Thank you, %1!").replace("%1", name)
        else:
            self.stage.banner = self.tr("Thank you to our %1 donors!").replace(
                "%1", str(len({d.donor_name for d in donations}))
            )
        self._banner_timer.start()
        self.announcer.say(self.stage.banner)
        self.repaint_stage()

    @Slot()
    def _on_restart_demo_clicked(self) -> None:
        c = self.controller.campaign
        if self.service is not None and c is not None:
            spawn(self.restart_demo_now(c.id), self.controller._report)

    async def restart_demo_now(self, campaign_id: int) -> None:
        """The ended demo archived, a fresh one made (one demo, never a pile of them)."""
        assert self.service is not None
        fresh = await self.runner.call(self.service.restart_demo, campaign_id, self.money_locale)
        self.demoRestarted.emit(fresh.id)

    @Slot()
    def _on_goal_clicked(self) -> None:
        c = self.controller.campaign
        if self.service is None or c is None:
            return
        raised = fmt.money(self.controller.stats.total_minor, c.currency, self.money_locale)
        dialog = GoalDialog(
            self.runner, self.service, c, raised, locale=self.money_locale, parent=self
        )
        self.goal_dialog = dialog
        dialog.open()

    @Slot()
    def _on_offline_clicked(self) -> None:
        c = self.controller.campaign
        if self.service is None or c is None:
            return
        dialog = OfflineDonationDialog(self.service, c, self, locale=self.money_locale)
        dialog.accepted.connect(
            lambda: spawn(self._record_offline(dialog), self.controller._report)
        )
        self.offline_dialog = dialog
        dialog.open()

    async def _record_offline(self, dialog: OfflineDonationDialog) -> None:
        if dialog.draft is not None:
            await self.controller.record_offline(dialog.campaign, dialog.draft)

    def end_question(self) -> str:
        c, stats = self.controller.campaign, self.controller.stats
        if c is None:
            return super().end_question()
        raised = fmt.money(stats.total_minor, c.currency, self.money_locale)
        return (
            self.tr("%1 raised so far from %n donation(s). The audience stops and the "
                    "broadcast ends; donations given offline can still be added.", "",
                    stats.donation_count)
            .replace("%1", raised)
        )  # fmt: skip

    async def end_now(self) -> None:
        if await self.controller.end():
            self._show_summary()

    @Slot()
    def _show_summary(self) -> None:
        c, stats = self.controller.campaign, self.controller.stats
        if c is None:
            return
        seconds = (
            int(((c.ended_at_us or 0) - (c.started_at_us or 0)) / 1e6) if c.started_at_us else 0
        )
        money = self.money_locale
        lines = [
            (self.tr("Total raised"), fmt.money(stats.total_minor, c.currency, money)),
            (self.tr("Donors"), fmt.count(stats.donor_count, money)),
            (self.tr("Donations"), fmt.count(stats.donation_count, money)),
            (self.tr("Average donation"), fmt.money(stats.average_minor, c.currency, money)),
            (self.tr("Duration"), fmt.duration(seconds)),
        ]
        if c.after_broadcast_count:
            after = fmt.money(c.after_broadcast_minor, c.currency, money)
            lines.append((
                self.tr("After the broadcast"),
                self.tr("%1 from %n offline donation(s)", "", c.after_broadcast_count)
                .replace("%1", after),
            ))  # fmt: skip
        top = [
            f"{rank}. {self.privacy.top_donor_name(d.name)} — "
            f"{fmt.money(d.total_minor, c.currency, money)}"
            for rank, d in enumerate(self._top, start=1)
        ]
        self.summary = SummaryDialog(lines, top, self)
        self.summary.open()

    # -- export ----------------------------------------------------------------------------

    def ask_export(self) -> None:
        """Choose where to export the donations (CSV or JSON); written on the database
        thread with a progress dialog."""
        c = self.controller.campaign
        if c is None:
            return
        dialog = QFileDialog(self, self.tr("Export donations"))
        dialog.setObjectName("exportDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters([self.tr("CSV spreadsheet (*.csv)"), self.tr("JSON (*.json)")])
        dialog.setDirectory(self.settings.export_folder())  # Documents, or the last folder
        dialog.selectFile(self.tr("donations-%1").replace("%1", str(c.id)) + ".csv")
        dialog.fileSelected.connect(self.settings.set_export_folder)
        dialog.fileSelected.connect(
            lambda path: spawn(self.export_to(Path(path), c), self.controller._report)
        )
        self.export_dialog = dialog
        dialog.open()

    async def export_to(self, path: Path, campaign: CampaignRecord) -> int:
        """Export with a progress dialog; the file appears only once complete."""
        service = self.service
        if service is None:
            return 0
        total = max(1, self.controller.stats.donation_count)
        progress = QProgressDialog(self.tr("Exporting donations…"), self.tr("Hide"), 0, total, self)
        progress.setObjectName("exportProgress")
        progress.setMinimumDuration(300)
        loop = asyncio.get_running_loop()

        def report(rows: int) -> None:
            loop.call_soon_threadsafe(progress.setValue, min(rows, total))

        try:
            count = await export_file(
                self.runner,
                path,
                lambda out, fmt_: service.export_donations(campaign.id, fmt_, out, report),
                protected=ledger_files(service.db.url),
            )
        finally:
            progress.close()
        self.exported.emit(
            self.tr("%1 donations exported to %2").replace("%1", str(count)).replace(
                "%2", str(path))
        )  # fmt: skip
        return count
