"""The live view: the broadcast, the donor feed, the total and the goal, thanking donors."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QListView,
    QProgressBar,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from livegiving_desktop.core.audience import AudienceProfile, ViewerCount
from livegiving_desktop.core.campaigns import CampaignStatus
from livegiving_desktop.core.goals import milestones_crossed, percent_reached, progress_permille
from livegiving_desktop.core.moderation import ModerationRules
from livegiving_desktop.core.money import format_money
from livegiving_desktop.core.records import CampaignRecord, CampaignStats, StoredDonation, TopDonor
from livegiving_desktop.services.ingest import BatchOutcome
from livegiving_desktop.services.ledger import LedgerService
from livegiving_desktop.ui.broadcast.ledger_events import LedgerEvents
from livegiving_desktop.ui.broadcast.session import LiveSession
from livegiving_desktop.ui.common.error_text import user_message
from livegiving_desktop.ui.common.runner import DbRunner, spawn
from livegiving_desktop.ui.common.widgets import (
    BroadcastStage,
    FeedDelegate,
    Sparkline,
    StatBlock,
    button,
    card,
    icon,
    label,
    page_header,
    timer,
)
from livegiving_desktop.ui.fundraiser.models import (
    DonationFeedModel,
    DonationListModel,
    DonationRole,
    OnAirPrivacy,
)
from livegiving_desktop.ui.fundraiser.offline_dialog import OfflineDonationDialog
from livegiving_desktop.ui.story.panel import StickerPanel
from livegiving_desktop.ui.theme import Theme

FLUSH_MS = 100  # the feed takes committed batches at most ten times a second
PAGE = 200
OVERLAY_MS = 6000
ALERT_MIN_S = 1.5
STAGE_REPAINT_MS = 250


@dataclass(frozen=True, slots=True)
class CampaignSnapshot:
    """What the live view needs to open a campaign, loaded in one trip to the database."""

    campaign: CampaignRecord
    stats: CampaignStats
    recent: list[StoredDonation]
    unthanked: list[StoredDonation]
    top: list[TopDonor]
    organization: str
    moderation: ModerationRules | None = None


def load_snapshot(service: LedgerService, campaign_id: int) -> CampaignSnapshot:
    campaign = service.campaign(campaign_id)
    org = service.catalog.get(campaign.organization_id or "")
    return CampaignSnapshot(
        campaign=campaign,
        stats=service.stats(campaign_id),
        recent=service.recent_donations(campaign_id, limit=PAGE),
        unthanked=service.unthanked(campaign_id, limit=PAGE),
        top=service.top_donors(campaign_id),
        organization=org.name if org else "",
        moderation=service.moderation_rules(campaign),
    )


class SummaryDialog(QDialog):
    """The end of a broadcast: total, donors, average, top donors, duration."""

    def __init__(self, lines: list[tuple[str, str]], top: list[str], parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("broadcastSummary")
        self.setWindowTitle(self.tr("Broadcast summary"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 22, 24, 18)
        layout.setSpacing(12)
        layout.addWidget(label(self.tr("That's a wrap!"), "h1"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        for row, (caption, value) in enumerate(lines):
            grid.addWidget(label(caption, "muted"), row, 0)
            figure = label(value, "stat")
            figure.setObjectName(f"summary_{row}")
            grid.addWidget(figure, row, 1)
        layout.addLayout(grid)
        if top:
            layout.addWidget(label(self.tr("Top donors"), "h2"))
            for line in top:
                layout.addWidget(label(line))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)


class LivePage(QWidget):
    homeRequested = Signal()
    failed = Signal(str)
    campaignChanged = Signal(object)  # CampaignRecord after go live / end
    savingFailed = Signal(str)  # donations cannot be saved for now (kept, retried): the reason
    savingResumed = Signal()  # they are saved again

    def __init__(self, runner: DbRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.runner = runner
        self.service: LedgerService | None = None
        self.money_locale = "en"
        self.campaign: CampaignRecord | None = None
        self.session: LiveSession | None = None
        self.privacy: OnAirPrivacy | None = None
        self.stats = CampaignStats(0, 0, 0, 0)
        self._pending: list[BatchOutcome] = []
        self._per_second: Counter[int] = Counter()
        self._viewers = ViewerCount()
        self.audience_profile = AudienceProfile()
        self.moderation_rules: ModerationRules | None = None
        # The views always have a model (empty while a campaign loads): ready means ready.
        self.feed_model = DonationFeedModel(OnAirPrivacy(None, self.money_locale), parent=self)
        self.feed_model.olderRequested.connect(self._on_feed_older_requested)
        self.queue_model = DonationListModel(OnAirPrivacy(None, self.money_locale), parent=self)
        self._build()
        self._flush_timer = QTimer(self)
        self._flush_timer.setInterval(FLUSH_MS)
        self._flush_timer.timeout.connect(self._on_flush_timer_timeout)
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self._on_clock_timeout)
        self._refresh = QTimer(self)
        self._refresh.setInterval(2000)
        self._refresh.timeout.connect(self._on_refresh_timeout)
        self._alert_timer = timer(self, OVERLAY_MS, single_shot=True)
        self._alert_timer.timeout.connect(self._on_alert_timer_timeout)
        self._banner_timer = timer(self, OVERLAY_MS, single_shot=True)
        self._banner_timer.timeout.connect(self._on_banner_timer_timeout)
        # The stage repaints at most four times a second, however fast the donations come.
        self._stage_timer = timer(self, STAGE_REPAINT_MS, single_shot=True)
        self._stage_timer.timeout.connect(self.stage.update)
        self._alert_until = 0.0

    # -- construction ----------------------------------------------------------------------

    def _build(self) -> None:
        self.home_button = button(self.tr("Campaigns"), "homeButton", "mdi6.arrow-left")
        self.home_button.clicked.connect(self.homeRequested)
        self.title = label("", "h1")
        self.title.setObjectName("campaignHeading")
        self.subtitle = label("", "muted")
        self.status_pill = label("", "pill")
        self.go_live = button(self.tr("Go live"), "goLive", "mdi6.broadcast", "primary",
                                    self.tr("Go live (Ctrl+L)"))  # fmt: skip
        self.end = button(self.tr("End broadcast"), "endBroadcast", "mdi6.stop-circle",
                                "danger", self.tr("End broadcast (Ctrl+E)"))  # fmt: skip
        self.go_live.clicked.connect(self._on_go_live_clicked)
        self.moderation_button = button(
            self.tr("Moderation"),
            "openModerationButton",
            "mdi6.shield-account",
            tip=self.tr("Open the moderation console (Ctrl+M)"),
        )
        self.end.clicked.connect(self._on_end_clicked)

        self.stage = BroadcastStage()
        self.stage.live_text = self.tr("LIVE")
        self.stage.off_air_text = self.tr("OFF AIR")
        self.stage.setObjectName("broadcastStage")
        self.stage.setAccessibleName(self.tr("Broadcast preview"))

        self.rate = QSpinBox()
        self.rate.setObjectName("simulationRate")
        self.rate.setAccessibleName(self.tr("Simulated donations per second"))
        self.rate.setRange(0, 20_000)
        self.rate.setSingleStep(5)
        self.rate.setValue(5)
        self.rate.setSuffix(self.tr(" /s"))
        self.rate.setToolTip(self.tr("Simulated audience: donations per second (0 = paused)"))
        self.rate.valueChanged.connect(self._on_rate_value_changed)
        self.pause = button(self.tr("Pause audience"), "pauseAudience", "mdi6.pause",
                                  tip=self.tr("Pause or resume the audience (Ctrl+P)"))  # fmt: skip
        self.pause.setCheckable(True)
        self.pause.toggled.connect(self._on_pause_toggled)
        self.offline = button(
            self.tr("Offline donation"),
            "addOfflineDonation",
            "mdi6.cash-plus",
            tip=self.tr("Add an offline donation (Ctrl+D)"),
        )
        self.offline.clicked.connect(self._on_offline_clicked)
        self.thank = button(self.tr("Thank donor"), "thankDonor", "mdi6.heart", "primary",
                                  self.tr("Thank the selected donor on air (Ctrl+T)"))  # fmt: skip
        self.thank.clicked.connect(self._on_thank_clicked)

        self.feed = QListView()
        self.feed.setObjectName("donorFeed")
        self.feed.setAccessibleName(self.tr("Live donations, newest first"))
        self.feed.setUniformItemSizes(True)
        self.feed.setItemDelegate(FeedDelegate(self.feed))
        self.feed.setMouseTracking(True)
        self.feed.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.feed.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.feed.verticalScrollBar().valueChanged.connect(self._on_feed_scrolled)
        self.feed.setModel(self.feed_model)
        self.feed.selectionModel().selectionChanged.connect(self._update_buttons)
        self.feed.selectionModel().selectionChanged.connect(self._on_feed_selection_changed)
        self.feed_count = label("", "muted")
        self.feed_empty = label(
            self.tr("No donations yet. Go live and the first gifts appear here."), "muted",
            wrap=True,
        )  # fmt: skip

        self.total = label("", "total")
        self.total.setObjectName("totalRaised")
        self.total.setAccessibleName(self.tr("Amount raised"))
        self.goal_bar = QProgressBar()
        self.goal_bar.setObjectName("goalProgress")
        self.goal_bar.setAccessibleName(self.tr("Goal progress"))
        self.goal_bar.setRange(0, 1000)
        self.goal_label = label("", "muted")
        self.goal_label.setObjectName("goalLabel")
        self.milestone = label("", "notice", wrap=True)
        self.milestone.setObjectName("milestoneNotice")
        self.donors = StatBlock(self.tr("DONORS"), "donorCount")
        self.donations = StatBlock(self.tr("DONATIONS"), "donationCount")
        self.average = StatBlock(self.tr("AVERAGE"), "averageDonation")
        self.sparkline = Sparkline()
        self.sparkline.setObjectName("donationSparkline")
        self.sparkline.setAccessibleName(self.tr("Donations per second, last minute"))
        self.rate_now = label("", "muted")
        self.top_list = label("", None, wrap=True)
        self.top_list.setObjectName("topDonors")
        self.top_list.setAccessibleName(self.tr("Top donors"))
        self.top_list.setTextFormat(Qt.TextFormat.RichText)
        self.queue = QListView()
        self.queue.setObjectName("thankQueue")
        self.queue.setAccessibleName(self.tr("Donors not yet thanked"))
        self.queue.setUniformItemSizes(True)
        self.queue.setMinimumHeight(120)
        self.queue.setModel(self.queue_model)
        self.queue_title = label("", "h2")
        self.thank_all = button(
            self.tr("Thank all"),
            "thankAll",
            "mdi6.heart-multiple",
            tip=self.tr("Thank everyone in the queue (Ctrl+Shift+T)"),
        )
        self.thank_all.clicked.connect(self._on_thank_all_clicked)

        header = page_header(
            self.home_button, self.title, self.subtitle,
            self.status_pill, self.moderation_button, self.go_live, self.end,
        )  # fmt: skip

        controls = QHBoxLayout()
        controls.setSpacing(10)
        controls.addWidget(label(self.tr("Audience"), "muted"))
        controls.addWidget(self.rate)
        controls.addWidget(self.pause)
        controls.addStretch(1)
        controls.addWidget(self.offline)
        controls.addWidget(self.thank)

        left = QVBoxLayout()
        left.setSpacing(12)
        left.addWidget(self.stage, 5)
        left.addLayout(controls)
        feed_header = QHBoxLayout()
        feed_header.addWidget(label(self.tr("Live donations"), "h2"))
        feed_header.addStretch(1)
        feed_header.addWidget(self.feed_count)
        left.addLayout(feed_header)
        # The selected donor's stickers and Story, next to the feed.
        self.stickers = StickerPanel(self.runner)
        self.stickers.setFixedWidth(360)
        self.stickers.failed.connect(self.failed)
        feed_row = QHBoxLayout()
        feed_column = QVBoxLayout()
        feed_column.addWidget(self.feed_empty)
        feed_column.addWidget(self.feed, 1)
        feed_row.addLayout(feed_column, 1)
        feed_row.addWidget(self.stickers)
        left.addLayout(feed_row, 4)

        totals = card()
        tl = QVBoxLayout(totals)
        tl.setContentsMargins(20, 16, 20, 16)
        tl.setSpacing(8)
        tl.addWidget(label(self.tr("AMOUNT RAISED"), "eyebrow"))
        tl.addWidget(self.total)
        tl.addWidget(self.goal_bar)
        tl.addWidget(self.goal_label)
        tl.addWidget(self.milestone)
        stats_row = QHBoxLayout()
        stats_row.addWidget(self.donors)
        stats_row.addWidget(self.donations)
        stats_row.addWidget(self.average)
        tl.addLayout(stats_row)

        spark = card()
        sl = QVBoxLayout(spark)
        sl.setContentsMargins(20, 14, 20, 14)
        spark_head = QHBoxLayout()
        spark_head.addWidget(label(self.tr("DONATIONS PER SECOND · LAST MINUTE"), "eyebrow"))
        spark_head.addStretch(1)
        spark_head.addWidget(self.rate_now)
        sl.addLayout(spark_head)
        sl.addWidget(self.sparkline)

        top = card()
        topl = QVBoxLayout(top)
        topl.setContentsMargins(20, 14, 20, 14)
        topl.addWidget(label(self.tr("TOP DONORS"), "eyebrow"))
        topl.addWidget(self.top_list)

        thanks = card()
        thl = QVBoxLayout(thanks)
        thl.setContentsMargins(20, 14, 20, 14)
        th_head = QHBoxLayout()
        th_head.addWidget(self.queue_title)
        th_head.addStretch(1)
        th_head.addWidget(self.thank_all)
        thl.addLayout(th_head)
        thl.addWidget(self.queue)

        right = QVBoxLayout()
        right.setSpacing(12)
        right.addWidget(totals)
        right.addWidget(spark)
        right.addWidget(top)
        right.addWidget(thanks, 1)
        right_box = QWidget()
        right_box.setLayout(right)
        right_box.setFixedWidth(380)

        body = QHBoxLayout()
        body.setSpacing(18)
        body.addLayout(left, 1)
        body.addWidget(right_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(14)
        layout.addLayout(header)
        layout.addLayout(body, 1)
        self._update_state()  # nothing loaded yet: every control that acts on it is disabled

    # -- opening a campaign ----------------------------------------------------------------

    def attach(self, service: LedgerService, locale: str) -> None:
        self.service = service
        self.money_locale = locale

    async def open_campaign(self, campaign_id: int) -> None:
        assert self.service is not None
        await self.close_campaign()
        # Until the campaign has loaded, nothing here may act on the one shown before.
        self.campaign = self.privacy = None
        self.feed_model.reset([], has_older=False)
        self.queue_model.reset([])
        self._update_state()
        self.stage.status_text = self.tr("Loading the campaign…")
        self._repaint_stage()
        snapshot = await self.runner.call(load_snapshot, self.service, campaign_id)
        self._show_snapshot(snapshot)
        if snapshot.campaign.status is CampaignStatus.LIVE:
            self._start_session()

    def _show_snapshot(self, snap: CampaignSnapshot) -> None:
        self.campaign = snap.campaign
        self.privacy = OnAirPrivacy(snap.campaign, self.money_locale)
        self.feed_model.privacy = self.queue_model.privacy = self.privacy
        self.feed_model.reset(snap.recent, has_older=len(snap.recent) >= PAGE)
        assert self.service is not None
        self.stickers.set_campaign(self.service, snap.campaign, self.money_locale)
        self.queue_model.reset(snap.unthanked)
        self._per_second.clear()
        self.stage.title = snap.campaign.title
        self.stage.organization = snap.organization
        self.stage.status_text = ""
        self.stage.alert_title = self.stage.banner = self.stage.notice = ""
        self.title.setText(snap.campaign.title)
        self.subtitle.setText(snap.organization)
        self.milestone.setText("")
        self.moderation_rules = snap.moderation
        self.stats = snap.stats
        self._apply_stats(snap.stats, announce=False)
        self._show_top(snap.top)
        self._update_state()
        self._on_clock_timeout()

    async def close_campaign(self) -> None:
        """Stop the audience and commit what it sent (on the database thread)."""
        session, self.session = self.session, None
        self._flush_timer.stop()
        self._refresh.stop()
        if session is not None:
            await self.runner.call(session.stop)
            self._on_flush_timer_timeout()
            session.deleteLater()

    def abandon_saving(self) -> None:
        """The user quits during a saving outage: stop retrying what could not be saved."""
        if self.session is not None:
            self.session.pipeline.abandon()

    def stop_now(self) -> None:
        """For shutdown outside the event loop: stop and commit synchronously."""
        session, self.session = self.session, None
        if session is not None:
            session.stop()

    def _start_session(self) -> None:
        assert self.service is not None and self.campaign is not None
        self.session = LiveSession(
            self.service,
            self.campaign,
            rate=self.rate.value(),
            profile=self.audience_profile,
            moderation=self.moderation_rules,
            parent=self,
        )
        self.session.batchCommitted.connect(self._on_session_batch_committed)
        self.session.ingestFailed.connect(self._on_session_ingest_failed)
        self.session.ingestFailed.connect(self.savingFailed)
        self.session.ingestRecovered.connect(self.savingResumed)
        if self.pause.isChecked():
            self.session.pause()
        self._flush_timer.start()
        self._refresh.start()
        self._clock.start()

    # -- changes made in other windows (the moderation console) ----------------------------

    def attach_events(self, events: LedgerEvents) -> None:
        events.donationsChanged.connect(self._on_events_donations_changed)
        events.statsChanged.connect(self._on_events_stats_changed)
        events.rulesChanged.connect(self._on_events_rules_changed)

    @Slot(int, object)
    def _on_events_donations_changed(
        self, campaign_id: int, donations: list[StoredDonation]
    ) -> None:
        if self.campaign is None or self.campaign.id != campaign_id:
            return
        self.feed_model.update_rows(donations)
        self.queue_model.remove_ids([d.id for d in donations if d.refunded])

    @Slot(int, object, object)
    def _on_events_stats_changed(self, campaign_id: int, stats: CampaignStats,
                                 top: list[TopDonor]) -> None:  # fmt: skip
        if self.campaign is None or self.campaign.id != campaign_id:
            return
        self._apply_stats(stats, announce=False)
        if top:
            self._show_top(top)
        self._update_state()

    @Slot(int, object)
    def _on_events_rules_changed(self, campaign_id: int, rules: ModerationRules) -> None:
        if self.campaign is None or self.campaign.id != campaign_id:
            return
        self.moderation_rules = rules
        if self.session is not None:
            self.session.pipeline.set_moderation(rules)

    # -- live updates ----------------------------------------------------------------------

    @Slot(object)
    def _on_session_batch_committed(self, outcome: BatchOutcome) -> None:
        self._pending.append(outcome)  # shown by the flush timer, ten times a second at most

    @Slot(str)
    def _on_session_ingest_failed(self, message: str) -> None:
        self.failed.emit(self.tr("Donations are waiting to be saved: %1").replace("%1", message))

    @Slot()
    def _on_flush_timer_timeout(self) -> None:
        if not self._pending or self.campaign is None:
            return
        outcomes, self._pending = self._pending, []
        rows = [d for o in outcomes for d in o.accepted]
        for d in rows:
            self._per_second[d.received_at_us // 1_000_000] += 1
        newest = rows[::-1][: self.feed_model.live_limit]
        at_top = self.feed.verticalScrollBar().value() == 0
        self.feed_model.prepend(newest)
        if not at_top:
            # Keep the rows the user is reading where they are.
            self.feed.verticalScrollBar().setValue(
                self.feed.verticalScrollBar().value() + len(newest) * self.feed.sizeHintForRow(0)
            )
        self.queue_model.prepend([d for d in newest if not d.thanked])
        self._apply_stats(outcomes[-1].stats)
        if newest and self.privacy is not None and time.monotonic() >= self._alert_until:
            # Each alert stays readable for a moment, as on a real stream overlay.
            self._alert_until = time.monotonic() + ALERT_MIN_S
            latest = newest[0]
            amount = self.privacy.amount_text(latest)
            name = self.privacy.shown_name(latest)
            self.stage.alert_title = (
                self.tr("%1 donated %2").replace("%1", name).replace("%2", amount)
                if amount
                else self.tr("%1 donated").replace("%1", name)
            )
            self.stage.alert_message = self.privacy.message_text(latest)
            self._alert_timer.start()
            self._repaint_stage()
        self._update_state()

    def _repaint_stage(self) -> None:
        if not self._stage_timer.isActive():
            self._stage_timer.start()

    def _apply_stats(self, stats: CampaignStats, *, announce: bool = True) -> None:
        assert self.campaign is not None
        before = self.stats.total_minor
        self.stats = stats
        c = self.campaign
        self.total.setText(format_money(stats.total_minor, c.currency, self.money_locale))
        self.donors.value.setText(f"{stats.donor_count:,}".replace(",", "\u202f"))
        self.donations.value.setText(f"{stats.donation_count:,}".replace(",", "\u202f"))
        self.average.value.setText(format_money(stats.average_minor, c.currency, self.money_locale))
        self.goal_bar.setValue(progress_permille(stats.total_minor, c.goal_minor))
        if c.goal_minor:
            percent = percent_reached(stats.total_minor, c.goal_minor)
            goal = format_money(c.goal_minor, c.currency, self.money_locale)
            self.goal_label.setText(
                self.tr("%1 % of the %2 goal").replace("%1", str(percent)).replace("%2", goal)
            )
            self.stage.goal_text = (
                self.tr("%1 raised of %2")
                .replace("%1", format_money(stats.total_minor, c.currency, self.money_locale))
                .replace("%2", goal)
            )
            self.stage.goal_fraction = progress_permille(stats.total_minor, c.goal_minor) / 1000
        crossed = milestones_crossed(before, stats.total_minor, c.goal_minor) if announce else []
        if crossed:
            text = (
                self.tr("Goal reached! Thank you all!")
                if crossed[-1] >= 100
                else self.tr("%1 % of the goal reached!").replace("%1", str(crossed[-1]))
            )
            self.milestone.setText(text)
            self.stage.notice = text
            self._banner_timer.start()
        self._repaint_stage()

    def _show_top(self, top: list[TopDonor]) -> None:
        if self.campaign is None:
            return
        if not top:
            nobody = self.tr("No donors yet")
            self.top_list.setText(f"<span>{nobody}</span>")
            return
        rows = []
        for rank, donor in enumerate(top, start=1):
            name = donor.name if donor.name and self.campaign.show_names_on_air else None
            shown = name or self.tr("Anonymous")
            amount = format_money(donor.total_minor, self.campaign.currency, self.money_locale)
            rows.append(
                f"<tr><td style='color:{Theme.colors['muted']}'>{rank}</td>"
                f"<td style='padding-left:10px'>{_escape(shown)}</td>"
                f"<td align='right' style='padding-left:16px'><b>{amount}</b></td></tr>"
            )
        self.top_list.setText(f"<table width='100%'>{''.join(rows)}</table>")

    @Slot()
    def _on_clock_timeout(self) -> None:
        c = self.campaign
        if c is None:
            return
        now = time.time()
        if c.started_at_us:
            end = c.ended_at_us / 1e6 if c.ended_at_us else now
            seconds = max(0, int(end - c.started_at_us / 1e6))
            self.stage.elapsed_text = (
                f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
            )
        else:
            self.stage.elapsed_text = "00:00:00"
        live = c.status is CampaignStatus.LIVE and self.session is not None
        if live:
            viewers = self._viewers.next(self.rate.value())
            self.stage.viewers_text = f"{viewers:,}".replace(",", "\u202f")
        else:
            self.stage.viewers_text = ""
        second = int(now) - 1
        values = [self._per_second.get(s, 0) for s in range(second - 59, second + 1)]
        for old in [s for s in self._per_second if s < second - 120]:
            del self._per_second[old]
        self.sparkline.set_values(values)
        self.rate_now.setText(self.tr("%1 /s").replace("%1", str(values[-1])))
        self._repaint_stage()

    @Slot()
    def _on_refresh_timeout(self) -> None:
        if self.campaign is not None and self.service is not None:
            spawn(self._refresh_figures(), self._report)

    async def _refresh_figures(self) -> None:
        assert self.service is not None and self.campaign is not None
        campaign_id = self.campaign.id
        top = await self.runner.call(self.service.top_donors, campaign_id)
        stats = await self.runner.call(self.service.stats, campaign_id)
        if self.campaign is None or self.campaign.id != campaign_id:
            return
        self._show_top(top)
        if stats.total_minor == self.stats.total_minor:
            self._apply_stats(stats, announce=False)

    @Slot()
    def _on_alert_timer_timeout(self) -> None:
        self.stage.alert_title = self.stage.alert_message = ""
        self._repaint_stage()

    @Slot()
    def _on_banner_timer_timeout(self) -> None:
        self.stage.banner = self.stage.notice = ""
        self._repaint_stage()

    def _update_state(self) -> None:
        c = self.campaign
        live = c is not None and c.status is CampaignStatus.LIVE
        ended = c is not None and c.status is CampaignStatus.ENDED
        draft = c is not None and c.status is CampaignStatus.DRAFT
        self.go_live.setEnabled(draft)
        self.go_live.setVisible(draft)
        self.end.setEnabled(live)
        self.end.setVisible(live)
        self.rate.setEnabled(c is not None and not ended)
        self.pause.setEnabled(live)
        self.offline.setEnabled(c is not None and not ended)
        self.stage.live = live
        status = {None: "", "draft": self.tr("DRAFT"), "live": self.tr("LIVE"),
                  "ended": self.tr("ENDED")}[c.status.value if c else None]  # fmt: skip
        self.status_pill.setText(status)
        self.status_pill.setProperty("role", "pill-live" if live else "pill")
        self.status_pill.style().unpolish(self.status_pill)
        self.status_pill.style().polish(self.status_pill)
        if c is not None and c.status is CampaignStatus.DRAFT:
            self.stage.status_text = self.tr("Ready when you are: press Go live")
        elif ended:
            self.stage.status_text = self.tr("This broadcast has ended")
        else:
            self.stage.status_text = ""
        count = self.feed_model.rowCount()
        self.feed_empty.setVisible(count == 0)
        self.feed.setVisible(count > 0)
        self.feed_count.setText(self.tr("%n donation(s)", "", self.stats.donation_count))
        queued = self.queue_model.rowCount()
        self.queue_title.setText(self.tr("To thank (%1)").replace("%1", str(queued)))
        self.thank_all.setEnabled(queued > 0)
        self._update_buttons()

    @Slot()
    def _update_buttons(self) -> None:
        self.thank.setEnabled(self.campaign is not None and self.selected_donation() is not None)

    @Slot()
    def _on_feed_selection_changed(self) -> None:
        donation = self.selected_donation()
        name = donation.donor_name if donation is not None else None
        if name != self.stickers.donor_name and self.privacy is not None:
            shown = self.privacy.shown_name(donation) if donation is not None else None
            self.stickers.set_donor(name, shown)

    # -- actions ---------------------------------------------------------------------------

    def selected_donation(self) -> StoredDonation | None:
        rows = self.feed.selectionModel().selectedRows()
        return self.feed_model.donation(rows[0].row()) if rows else None

    def select_feed_row(self, row: int) -> None:
        self.feed.selectionModel().setCurrentIndex(
            self.feed_model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    def _report(self, exc: BaseException) -> None:
        self.failed.emit(user_message(exc))

    @Slot()
    def _on_go_live_clicked(self) -> None:
        spawn(self.go_live_now(), self._report)

    async def go_live_now(self) -> None:
        if self.service is None or self.campaign is None:
            return  # nothing loaded (the button is disabled until it is)
        if self.campaign.status is not CampaignStatus.DRAFT:
            return
        self.go_live.setEnabled(False)
        self.campaign = await self.runner.call(self.service.go_live, self.campaign.id)
        self._start_session()
        self._update_state()
        self.campaignChanged.emit(self.campaign)

    @Slot()
    def _on_end_clicked(self) -> None:
        spawn(self.end_now(), self._report)

    async def end_now(self) -> None:
        if self.service is None or self.campaign is None:
            return
        if self.campaign.status is not CampaignStatus.LIVE:
            return
        self.end.setEnabled(False)
        await self.close_campaign()
        campaign_id = self.campaign.id
        self.campaign = await self.runner.call(self.service.end_broadcast, campaign_id)
        stats = await self.runner.call(self.service.stats, campaign_id)
        top = await self.runner.call(self.service.top_donors, campaign_id)
        self._apply_stats(stats, announce=False)
        self._show_top(top)
        self._clock.stop()
        self._on_clock_timeout()
        self._update_state()
        self.campaignChanged.emit(self.campaign)
        self._show_summary(stats, top)

    def _show_summary(self, stats: CampaignStats, top: list[TopDonor]) -> None:
        c = self.campaign
        assert c is not None
        seconds = (
            int(((c.ended_at_us or 0) - (c.started_at_us or 0)) / 1e6) if c.started_at_us else 0
        )
        duration = f"{seconds // 3600} h {seconds % 3600 // 60:02d} min {seconds % 60:02d} s"
        money = self.money_locale
        lines = [
            (self.tr("Total raised"), format_money(stats.total_minor, c.currency, money)),
            (self.tr("Donors"), str(stats.donor_count)),
            (self.tr("Donations"), str(stats.donation_count)),
            (self.tr("Average donation"), format_money(stats.average_minor, c.currency, money)),
            (self.tr("Duration"), duration),
        ]
        anonymous = self.tr("Anonymous")
        names = [
            f"{i}. {(d.name if d.name and c.show_names_on_air else anonymous)} — "
            f"{format_money(d.total_minor, c.currency, self.money_locale)}"
            for i, d in enumerate(top, start=1)
        ]
        self.summary = SummaryDialog(lines, names, self)
        self.summary.open()

    @Slot(int)
    def _on_rate_value_changed(self, value: int) -> None:
        if self.session is not None:
            self.session.set_rate(value)

    @Slot(bool)
    def _on_pause_toggled(self, paused: bool) -> None:
        self.pause.setText(self.tr("Resume audience") if paused else self.tr("Pause audience"))
        self.pause.setIcon(icon("mdi6.play" if paused else "mdi6.pause"))
        if self.session is not None:
            if paused:
                self.session.pause()
            else:
                self.session.resume()

    @Slot()
    def _on_thank_clicked(self) -> None:
        donation = self.selected_donation()
        if donation is not None:
            spawn(self.thank_now([donation]), self._report)

    @Slot()
    def _on_thank_all_clicked(self) -> None:
        if self.campaign is not None and self.queue_model.rowCount():
            rows = [
                self.queue_model.index(r).data(DonationRole)
                for r in range(self.queue_model.rowCount())
            ]
            spawn(self.thank_now(rows), self._report)

    async def thank_now(self, donations: list[StoredDonation]) -> None:
        if self.service is None or self.campaign is None:
            return  # nothing loaded (the controls are disabled until it is)
        campaign_id = self.campaign.id
        ids = [d.id for d in donations]
        await self.runner.call(self.service.thank, campaign_id, ids)
        if self.campaign is None or self.campaign.id != campaign_id:
            return  # another campaign was opened meanwhile
        self.feed_model.mark_thanked(ids)
        self.queue_model.remove_ids(ids)
        if self.privacy is not None:
            if len(donations) == 1:
                name = self.privacy.shown_name(donations[0])
                self.stage.banner = self.tr("Thank you, %1!").replace("%1", name)
            else:
                self.stage.banner = self.tr("Thank you to our %1 donors!").replace(
                    "%1", str(len({d.donor_name for d in donations}))
                )
            self._banner_timer.start()
            self._repaint_stage()
        self._update_state()

    @Slot()
    def _on_offline_clicked(self) -> None:
        if self.service is None or self.campaign is None:
            return
        dialog = OfflineDonationDialog(self.service, self.campaign, self)
        dialog.accepted.connect(lambda: spawn(self._record_offline(dialog), self._report))
        self.offline_dialog = dialog
        dialog.open()

    async def _record_offline(self, dialog: OfflineDonationDialog) -> None:
        draft = dialog.draft
        campaign = dialog.campaign
        if draft is None or self.service is None:
            return
        if self.session is not None and self.session.campaign.id == campaign.id:
            await self.runner.call(self.session.submit, draft)  # shown when committed
            return
        outcome = await self.runner.call(self.service.record_draft, campaign, draft)
        stats = await self.runner.call(self.service.stats, campaign.id)
        if outcome.donation is not None and self.campaign is not None:
            if self.campaign.id != campaign.id:
                return  # recorded; another campaign is shown now
            self.feed_model.prepend([outcome.donation])
            self.queue_model.prepend([outcome.donation])
            self._apply_stats(stats)
            self._update_state()

    @Slot(int)
    def _on_feed_older_requested(self, before_id: int) -> None:
        spawn(self._load_older(before_id), self._report)

    async def _load_older(self, before_id: int) -> None:
        if self.service is None or self.campaign is None:
            return
        campaign_id = self.campaign.id
        rows = await self.runner.call(
            self.service.recent_donations, campaign_id, before_id=before_id, limit=PAGE
        )
        if self.campaign is not None and self.campaign.id == campaign_id:
            self.feed_model.append_older(rows, page_size=PAGE)

    @Slot(int)
    def _on_feed_scrolled(self, value: int) -> None:
        self.feed_model.keep_older = value > 0


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
