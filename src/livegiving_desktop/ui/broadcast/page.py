"""What both live views share, the pattern a fundraiser and a paid event are both cut from: the
header (back to the campaigns, the title over its subtitle, the status pill, go live and end),
the broadcast stage, the audience controls (rate and pause) and the body (a column on the left,
a column of cards on the right). It binds these to the BroadcastController; a view adds its own
widgets and bindings (fundraiser/page.py, paid_event/page.py)."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QSpinBox, QVBoxLayout, QWidget

from livegiving_desktop.core.campaigns import CampaignKind, CampaignStatus
from livegiving_desktop.core.records import CampaignRecord
from livegiving_desktop.core.team import SeatIdentity
from livegiving_desktop.services.ledger import LedgerService
from livegiving_desktop.services.presence import Roster
from livegiving_desktop.ui.broadcast.controller import BroadcastController
from livegiving_desktop.ui.broadcast.stage import BroadcastStage
from livegiving_desktop.ui.common import format as fmt
from livegiving_desktop.ui.common.accessibility import Announcer, describe, mark_graphic
from livegiving_desktop.ui.common.confirm import ask
from livegiving_desktop.ui.common.feed import FeedBridge
from livegiving_desktop.ui.common.presence import watching_names, watching_text
from livegiving_desktop.ui.common.roles import gate
from livegiving_desktop.ui.common.runner import DbRunner, spawn
from livegiving_desktop.ui.common.scripts import ScriptWarmer
from livegiving_desktop.ui.common.throttle import Throttle
from livegiving_desktop.ui.common.widgets import (
    ElidedLabel,
    ScrollColumn,
    button,
    label,
    page_header,
    themed_icon,
)
from livegiving_desktop.ui.operations import Operations
from livegiving_desktop.ui.settings import AppSettings

STAGE_REPAINT_MS = 250  # the stage repaints at most four times a second
RIGHT_COLUMN = 380
DEFAULT_RATE = 5  # a new campaign's audience, per second
OVERLAY_MS = 6000  # an alert, a welcome, a banner or a notice stays on the stage this long


class BroadcastPage(QWidget):
    """A live view. `controller` holds its campaign; the widgets here follow it."""

    homeRequested = Signal()
    failed = Signal(str)
    campaignChanged = Signal(CampaignRecord)  # after go live, end or cancel
    savingFailed = Signal(str)
    savingResumed = Signal()
    notice = Signal(str)  # a line for the status bar

    def __init__(
        self,
        runner: DbRunner,
        kind: CampaignKind,
        *,
        names: dict[str, str],
        parent: QWidget | None = None,
    ) -> None:
        """`names`: the object names of this view's home button, heading and stage."""
        super().__init__(parent)
        self.setObjectName("page")
        self.runner = runner
        self.identity: SeatIdentity | None = None  # the team role; None: a single desk
        self.money_locale = "en"
        self.settings = AppSettings()
        self._database = ""  # whose campaigns these are (the audience's settings are per campaign)
        self._restoring = False
        self.controller = BroadcastController(runner, kind, self)
        self.repaint_stage = Throttle(self._on_stage_repaint, STAGE_REPAINT_MS, parent=self)
        self.announcer = Announcer(self)
        self.scripts = ScriptWarmer(self)  # `warm_scripts()` as a campaign opens
        c = self.controller
        c.loading.connect(self._update_state)
        c.campaignChanged.connect(self._on_controller_campaign_changed)
        c.ticked.connect(self._on_controller_ticked)
        c.failed.connect(self.failed)
        c.savingFailed.connect(self.savingFailed)
        c.savingResumed.connect(self.savingResumed)
        c.notice.connect(self.notice)
        self._build_common(names)

    def _build_common(self, names: dict[str, str]) -> None:
        self.home_button = button(self.tr("Campaigns"), names["home"], "mdi6.arrow-left")
        self.home_button.clicked.connect(self.homeRequested)
        # The title and subtitle give way first on a narrow window (they end in "…").
        self.title = ElidedLabel("", "h1")
        self.title.setObjectName(names["heading"])
        self.subtitle = ElidedLabel("", "muted")
        self.status_pill = label("", "pill")
        # How many moderators are watching this campaign from their seats (presence).
        self.watching = label("", "muted")
        self.watching.setObjectName("moderatorsWatching")
        self.watching.hide()
        self.overlays_button = button(self.tr("Overlays"), "openOverlaysButton",
                                      "mdi6.layers-triple",
                                      tip=self.tr("OBS overlays: links, style, test alerts "
                                                  "(Ctrl+Shift+O)"))  # fmt: skip
        self.go_live = button(self.tr("Go live"), "goLive", "mdi6.broadcast", "primary",
                              self.tr("Go live (Ctrl+L)"))  # fmt: skip
        self.end = button(self.tr("End broadcast"), "endBroadcast", "mdi6.stop-circle",
                          "danger", self.tr("End broadcast (Ctrl+E)"))  # fmt: skip
        self.go_live.clicked.connect(self._on_go_live_clicked)
        self.end.clicked.connect(self._on_end_clicked)
        self.stage = BroadcastStage()
        self.stage.live_text = self.tr("LIVE")
        self.stage.off_air_text = self.tr("OFF AIR")
        self.stage.setObjectName(names["stage"])
        self.stage.resized.connect(self._on_stage_resized)
        mark_graphic(self.stage, self.tr("Broadcast preview"))
        self.rate = QSpinBox()
        self.rate.setObjectName("simulationRate")
        self.rate.setValue(DEFAULT_RATE)
        self.rate.setSuffix(self.tr(" /s"))
        self.rate.valueChanged.connect(self._on_rate_value_changed)
        self.pause = button(self.tr("Pause audience"), "pauseAudience", "mdi6.pause",
                            tip=self.tr("Pause or resume the audience (Ctrl+P)"))  # fmt: skip
        self.pause.setCheckable(True)
        self.pause.toggled.connect(self._on_pause_toggled)
        self.controls = QHBoxLayout()
        self.controls.setSpacing(10)
        self.controls.addWidget(label(self.tr("Audience"), "muted"))
        self.controls.addWidget(self.rate)
        self.controls.addWidget(self.pause)
        self.left = QVBoxLayout()
        self.left.setSpacing(12)
        self.right = QVBoxLayout()
        self.right.setSpacing(12)

    def lay_out(self, *header_actions: QWidget) -> None:
        """Put the header (with this view's own actions before go live and end) over the body,
        once the view has filled `left` and `right`."""
        header = page_header(self.home_button, self.title, self.subtitle, self.status_pill,
                             self.watching, self.overlays_button, *header_actions,
                             self.go_live, self.end)  # fmt: skip
        right_box = QWidget()
        right_box.setObjectName("rightColumn")
        self.right.setContentsMargins(0, 0, 0, 0)
        right_box.setLayout(self.right)
        # The cards scroll when the window is short, and widen for a larger system font.
        self.right_column = ScrollColumn(right_box, RIGHT_COLUMN)
        body = QHBoxLayout()
        body.setSpacing(18)
        body.addLayout(self.left, 1)
        body.addWidget(self.right_column)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 12, 24, 12)
        layout.setSpacing(12)
        layout.addLayout(header)
        layout.addLayout(body, 1)
        self._update_state()  # nothing loaded yet: every control that acts on it is disabled

    @property
    def owner_seat(self) -> bool:
        """This seat may run the broadcast (go live, end, record, tickets): a single desk, or a
        team's owner."""
        return self.identity is None or self.identity.may_run_broadcast

    def set_identity(self, identity: SeatIdentity) -> None:
        """The seat's team role (PostgreSQL): controls it may not use are disabled, saying
        why. Called once the seat has asked the server (off the UI thread)."""
        self.identity = identity
        self.controller.runs_audience = identity.may_run_broadcast
        self._update_state()

    def attach(
        self, service: LedgerService, ops: Operations, feed: FeedBridge, locale: str
    ) -> None:
        self.money_locale = locale
        self.controller.attach(service, ops, feed)
        self._database = service.db.display_url

    def set_locale(self, locale: str) -> None:
        """The language changed: write figures its way and say what is composed again."""
        self.money_locale = locale
        self.stage.live_text = self.tr("LIVE")
        self.stage.off_air_text = self.tr("OFF AIR")
        self.refresh_texts()
        self._update_state()
        self.right_column.fit()  # the cards' words are another length

    def refresh_texts(self) -> None:
        """Compose again what the view writes itself (each view its own)."""

    def show_roster(self, roster: Roster | None) -> None:
        """Who watches this campaign from the other seats (presence), after every beat."""
        if roster is None or self.controller.campaign is None:
            self.watching.hide()
            return
        self.watching.setText(watching_text(roster))
        self.watching.setToolTip(watching_names(roster))
        self.watching.show()

    @property
    def campaign(self) -> CampaignRecord | None:
        return self.controller.campaign

    # -- following the controller ----------------------------------------------------------

    def show_campaign(self, campaign: CampaignRecord, subtitle: str) -> None:
        """A campaign has loaded: its title and subtitle on the header and the stage."""
        self.title.setText(campaign.title)
        self.subtitle.setText(subtitle)
        self.stage.title = campaign.title
        self.stage.alert_title = self.stage.alert_message = ""
        self.stage.banner = self.stage.notice = ""
        self._restore_audience(campaign.id)
        self._update_state()
        self.right_column.fit()  # as wide as this campaign's cards need

    def _restore_audience(self, campaign_id: int) -> None:
        """Each campaign keeps its own audience rate and pause, across restarts."""
        self._restoring = True
        try:
            rate = self.settings.audience_rate(self._database, campaign_id, DEFAULT_RATE)
            self.rate.setValue(min(rate, self.rate.maximum()))
            self.pause.setChecked(self.settings.audience_paused(self._database, campaign_id))
        finally:
            self._restoring = False

    @Slot(CampaignRecord)
    def _on_controller_campaign_changed(self, campaign: CampaignRecord) -> None:
        self._update_state()
        self.campaignChanged.emit(campaign)

    @Slot(int, int, list)
    def _on_controller_ticked(self, seconds: int, viewers: int, per_second: list[int]) -> None:
        self.stage.elapsed_text = fmt.clock(seconds)
        self.stage.viewers_text = fmt.count(viewers, self.money_locale) if viewers else ""
        self.stage.viewers_spoken = (
            self.tr("%1 watching").replace("%1", self.stage.viewers_text) if viewers else ""
        )
        self.repaint_stage()

    def _on_stage_repaint(self) -> None:
        self.stage.update()
        describe(self.stage, self.stage.summary())

    def status_texts(self) -> tuple[str, str]:
        """What the stage says before going live and once ended (each view its own)."""
        return self.tr("Ready when you are: press Go live"), self.tr("This broadcast has ended")

    @Slot()
    def _update_state(self) -> None:
        c = self.controller.campaign
        status = c.status if c is not None else None
        live, ended = status is CampaignStatus.LIVE, status is not None and status.finished
        draft = status is CampaignStatus.DRAFT
        self.go_live.setEnabled(draft)
        self.go_live.setVisible(draft)
        self.end.setEnabled(live)
        self.end.setVisible(live)
        self.rate.setEnabled(c is not None and not ended)
        self.pause.setEnabled(live)
        owner = self.owner_seat
        gate(self.go_live, owner, self.identity, "go live")
        gate(self.end, owner, self.identity, "end a broadcast")
        self.stage.live = live
        self.status_pill.setText(
            {None: "", CampaignStatus.DRAFT: self.tr("DRAFT"), CampaignStatus.LIVE: self.tr("LIVE"),
             CampaignStatus.ENDED: self.tr("ENDED"),
             CampaignStatus.CANCELLED: self.tr("CANCELLED")}[status]
        )  # fmt: skip
        self.status_pill.setProperty("role", "pill-live" if live else "pill")
        self.status_pill.style().unpolish(self.status_pill)
        self.status_pill.style().polish(self.status_pill)
        before, after = self.status_texts()
        self.stage.status_text = (
            before if draft else after if ended else self.tr("Loading the campaign…") if c is None
            else ""
        )  # fmt: skip
        self.update_controls()
        self.repaint_stage()

    def update_controls(self) -> None:
        """A view's own controls follow the campaign's state (override)."""

    # -- the audience and the broadcast ----------------------------------------------------

    @Slot(int)
    def _on_rate_value_changed(self, value: int) -> None:
        self.controller.set_rate(value)
        c = self.controller.campaign
        if c is not None and not self._restoring:
            self.settings.set_audience_rate(self._database, c.id, value)

    @Slot(bool)
    def _on_pause_toggled(self, paused: bool) -> None:
        text = self.tr("Resume audience") if paused else self.tr("Pause audience")
        self.pause.setText(text)
        self.pause.setAccessibleName(text)  # read as it shows
        themed_icon(self.pause, "mdi6.play" if paused else "mdi6.pause")
        self.controller.set_paused(paused)
        c = self.controller.campaign
        if c is not None and not self._restoring:
            self.settings.set_audience_paused(self._database, c.id, paused)

    @Slot()
    def _on_go_live_clicked(self) -> None:
        spawn(self.go_live_now(), self.controller._report)

    @Slot()
    def _on_end_clicked(self) -> None:
        spawn(self._confirm_end(), self.controller._report)

    async def _confirm_end(self) -> None:
        """Nothing ended by accident: the figures so far, then end or keep it live."""
        answer = await ask(
            self, "endBroadcastConfirm", self.tr("End the broadcast?"),
            self.end_question(),
            [(self.tr("End broadcast"), "confirmEndBroadcast",
              QMessageBox.ButtonRole.DestructiveRole),
             (self.tr("Keep it live"), "keepLive", QMessageBox.ButtonRole.RejectRole)],
            default="keepLive",
        )  # fmt: skip
        if answer == "confirmEndBroadcast":
            await self.end_now()

    def end_question(self) -> str:
        """What ending stops, with the figures so far (each view says its own)."""
        return self.tr("The audience stops and the broadcast ends. This cannot be undone.")

    def name_fonts(self) -> list[QFont]:
        """The fonts this view writes names and messages in (the stage's here; a view adds
        its lists')."""
        return self.stage.name_fonts()

    @Slot()
    def _on_stage_resized(self) -> None:
        if self.controller.campaign is not None:
            self.warm_scripts()  # the stage's fonts at its new size; warm ones are skipped

    def warm_scripts(self) -> None:
        """Shape every script in those fonts now, a little per turn of the event loop, not
        mid-burst with the first name written in it (ui/common/scripts.py)."""
        self.scripts.warm(self.name_fonts())

    async def go_live_now(self) -> None:
        await self.controller.go_live()

    async def end_now(self) -> None:
        await self.controller.end()

    async def open_campaign(self, campaign_id: int) -> None:
        await self.controller.open(campaign_id)

    async def close_campaign(self) -> None:
        await self.controller.close()

    def stop_now(self) -> None:
        self.controller.stop_now()

    def abandon_saving(self) -> None:
        self.controller.abandon_saving()
