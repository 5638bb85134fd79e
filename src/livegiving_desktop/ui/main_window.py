"""The main window: home, campaign set-up and the live view, with menus and shortcuts."""

from __future__ import annotations

import asyncio
import gc
import hashlib
import importlib
import logging
from typing import TYPE_CHECKING

import PySide6
from PySide6.QtCore import QByteArray, QSettings, QSize, QTimer, Signal, Slot, qVersion
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
)

from livegiving_desktop import __version__
from livegiving_desktop.core.campaigns import CampaignKind, CampaignSpec, CampaignStatus
from livegiving_desktop.core.errors import LiveGivingError
from livegiving_desktop.core.money import default_currency_for_locale
from livegiving_desktop.core.organizations import bundled_catalog
from livegiving_desktop.core.records import CampaignRecord
from livegiving_desktop.services import config
from livegiving_desktop.services.changes import FeedHealth, FeedState
from livegiving_desktop.services.ledger import LedgerService
from livegiving_desktop.services.presence import Roster, SeatKind
from livegiving_desktop.services.team import SeatIdentity, seat_identity
from livegiving_desktop.ui.common.accessibility import set_figure
from livegiving_desktop.ui.common.confirm import ask
from livegiving_desktop.ui.common.error_text import role_name, translate_reason, user_message
from livegiving_desktop.ui.common.feed import FeedBridge
from livegiving_desktop.ui.common.i18n import install_translators, retranslate_widgets
from livegiving_desktop.ui.common.presence import PresenceBridge, comings_and_goings
from livegiving_desktop.ui.common.runner import DbRunner, OneAtATime, spawn
from livegiving_desktop.ui.common.throttle import Throttle
from livegiving_desktop.ui.common.widgets import fit_to_screen
from livegiving_desktop.ui.fundraiser.page import FundraiserPage
from livegiving_desktop.ui.home import HomePage
from livegiving_desktop.ui.moderation.window import ModerationConsole
from livegiving_desktop.ui.operations import Operations
from livegiving_desktop.ui.paid_event.page import EventPage
from livegiving_desktop.ui.settings import AppSettings
from livegiving_desktop.ui.setup import CampaignSetupPage
from livegiving_desktop.ui.theme import retranslate_theme_actions
from livegiving_desktop.ui.window_actions import WindowActions

if TYPE_CHECKING:  # imported when first used: aiohttp is not needed to paint the window
    from livegiving_desktop.services.overlays import OverlayService
    from livegiving_desktop.ui.overlays.window import OverlaysWindow

log = logging.getLogger("livegiving.ui")
HOME_RELOAD_MS = 1000

CLOSE_WAIT_S = 10.0  # quitting never waits longer than this without asking


def app_settings() -> QSettings:
    """Settings in the user data directory (so tests and portable installs stay isolated)."""
    return QSettings(str(config.data_dir() / "settings.ini"), QSettings.Format.IniFormat)


class MainWindow(QMainWindow):
    ready = Signal()

    def __init__(self, *, db_url: str, language: str, demo: bool = False) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle("LiveGiving Desktop")
        self.db_url = db_url
        self.language = language
        self.runner = DbRunner()
        self.service: LedgerService | None = None
        self.ops: Operations | None = None
        self.feed: FeedBridge | None = None
        self.presence: PresenceBridge | None = None
        self.overlays: OverlayService | None = None  # this seat's OBS overlay server
        self.overlays_window: OverlaysWindow | None = None
        self.overlays_problem: str | None = None  # why the overlay server is not listening
        self.settings = app_settings()
        self._ready = False
        self._closed = False
        self._start_problem: str | None = None  # why the database could not be opened
        # At most one reload of the home list a second, however busy the ledger.
        self._reload_home = Throttle(self._on_reload_home, HOME_RELOAD_MS, parent=self)
        self._home_reload = OneAtATime(self._refresh_home, self._on_failed_exc)
        self.catalog = bundled_catalog()

        self.home = HomePage()
        self.setup = CampaignSetupPage(self.catalog, default_currency_for_locale(self._locale()))
        self.live = FundraiserPage(self.runner)
        self.event_view = EventPage(self.runner)  # the paid event's live view
        self.console: ModerationConsole | None = None
        self.stack = QStackedWidget()
        for page in (self.home, self.setup, self.live, self.event_view):
            self.stack.addWidget(page)
        self._prefer_live_view(CampaignKind.FUNDRAISER)
        self.setCentralWidget(self.stack)
        self.status_db = QLabel()
        self.status_save = QLabel()
        self.status_save.setObjectName("savingStatus")
        self.status_save.setAccessibleName(self.tr("Saving status"))
        self.error_box: QMessageBox | None = None  # the last error shown
        self._saving_box: QMessageBox | None = None  # the warning of a saving outage
        self._saving_outage = False  # donations cannot be saved for now
        self._unreachable = False  # the database cannot be reached (the feed says)
        self._quit_anyway = False  # the user chose to quit during an outage
        self._closing = False  # a close is on its way (asking, or saving the last donations)
        self.statusBar().addWidget(self.status_save, 1)
        self.statusBar().addPermanentWidget(self.status_db)
        self.status_seat = QLabel()  # a team's seat: "Signed in as sam · moderator"
        self.status_seat.setObjectName("seatIdentity")
        self.status_seat.setVisible(False)
        self.statusBar().addPermanentWidget(self.status_seat)
        self.seat: SeatIdentity | None = None

        self.home.newRequested.connect(self._on_home_new_requested)
        self.home.openRequested.connect(self._on_home_open_requested)
        self.home.queryChanged.connect(self._on_reload_home)
        self.live.demoRestarted.connect(self._on_live_demo_restarted)
        self.home.failed.connect(self._on_failed)
        self.setup.createRequested.connect(self._on_setup_create_requested)
        self.setup.cancelled.connect(self._on_setup_cancelled)
        self.live.homeRequested.connect(self._on_live_home_requested)
        self.live.failed.connect(self._on_failed)
        self.live.savingFailed.connect(self._on_live_saving_failed)
        self.live.savingResumed.connect(self._on_live_saving_resumed)
        self.live.campaignChanged.connect(self._on_live_campaign_changed)
        self.live.exported.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.event_view.homeRequested.connect(self._on_live_home_requested)
        self.event_view.failed.connect(self._on_failed)
        self.event_view.campaignChanged.connect(self._on_live_campaign_changed)
        for view in (self.live, self.event_view):
            view.notice.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        self.stack.currentChanged.connect(self._update_actions)
        self.menus = WindowActions(self)
        self.menus.show_language(self.language)
        self.menus.update()
        self._restore_geometry()
        self._saving_status(self.tr("Opening the database…"))
        QTimer.singleShot(0, lambda: spawn(self._start(demo), self._on_start_failed))

    # -- start-up --------------------------------------------------------------------------

    def _saving_status(self, text: str) -> None:
        """The status bar's saving status, read by a screen reader with its caption."""
        set_figure(self.status_save, self.tr("Saving status"), text)

    def _locale(self) -> str:
        return "fr_FR" if self.language == "fr" else "en"

    def is_ready(self) -> bool:
        return self._ready

    async def _start(self, demo: bool) -> None:
        self.service = await self.runner.call(LedgerService.open, self.db_url)
        self.ops = Operations(self.runner, self.service)
        # Who the server says this seat is (a team on PostgreSQL): its login and role.
        self.seat = await self.runner.call(seat_identity, self.service.db)
        self._show_seat(self.seat)
        # Every change, made here or on another seat, reaches the views through the feed.
        self.feed = FeedBridge(self.service.db, "window-feed", self)
        self.feed.health.connect(self._on_feed_health)
        # The home list follows every campaign (created, live, ended, totals) on any seat.
        self.feed.heads.connect(self._reload_home)
        # This seat's heartbeat: the moderators see the creator on duty, the creator sees how
        # many moderators watch.
        self.presence = PresenceBridge(self.service.db, SeatKind.CREATOR,
                                       AppSettings(self.settings).moderator_name, self)  # fmt: skip
        self.presence.roster.connect(self._on_roster)
        self.home.attach(self.runner, self.service)
        spawn(self._start_overlays(), self._on_failed_exc)
        self.live.attach(self.service, self.ops, self.feed, self._locale())
        self.event_view.attach(self.service, self.ops, self.feed, self._locale())
        self.status_db.setText(self.service.db.display_url)
        self._saving_status(self.tr("Every donation shown is saved"))
        if demo:
            campaign = await self.runner.call(self.service.ensure_demo_campaign, self._locale())
            await self.show_live(campaign.id)
        else:
            last = self.settings.value(self._last_campaign_key())
            campaigns = await self.runner.call(self.service.campaigns)
            resume = next((c for c in campaigns if str(c.id) == str(last)), None)
            if resume is not None and resume.kind is CampaignKind.FUNDRAISER:
                await self.show_live(resume.id)
            elif resume is not None:
                await self.show_event(resume.id)
            else:
                self._show_home(await self._home_list())
        # What is alive now lives as long as the app (Qt, SQLAlchemy, the catalog): freeze it
        # so that full garbage collections during a broadcast stay short (ui_burst measures).
        gc.collect()
        gc.freeze()
        self._ready = True
        self.ready.emit()

    def _show_seat(self, seat: SeatIdentity) -> None:
        """Who you are and your role in the title and the status bar; the controls the role
        may not use disabled, saying why. SQLite (no team): nothing changes."""
        if seat.role is None or seat.login is None:
            return
        role = role_name(seat.role.value)
        self.setWindowTitle(
            self.tr("LiveGiving Desktop — %1 (%2)").replace("%1", seat.login).replace("%2", role)
        )
        text = self.tr("Signed in as %1 · %2").replace("%1", seat.login).replace("%2", role)
        self.status_seat.setText(text)
        self.status_seat.setAccessibleName(text)
        self.status_seat.setVisible(True)
        for page in (self.live, self.event_view):
            page.set_identity(seat)
        self.home.set_identity(seat)

    def _on_start_failed(self, exc: BaseException) -> None:
        self._start_problem = str(exc)
        self._saving_status(self.tr("The database could not be opened"))
        self._ready = True
        self._show_error(self.tr("The database could not be opened"), str(exc))

    def _last_campaign_key(self) -> str:
        digest = hashlib.sha1(self.db_url.encode(), usedforsecurity=False).hexdigest()[:12]
        return f"lastCampaign/{digest}"

    # -- navigation ------------------------------------------------------------------------

    def _show_home(self, campaigns: list[CampaignRecord]) -> None:
        self._watch(None)
        self.home.model.organization_names = {o.id: o.name for o in self.catalog.all()}
        self.home.set_campaigns(campaigns, self._locale())
        self.stack.setCurrentWidget(self.home)
        self._show_overlays_campaign()
        self._prefer_live_view(CampaignKind.FUNDRAISER)
        self.settings.remove(self._last_campaign_key())

    def _on_reload_home(self, *_heads: object) -> None:
        if self.service is not None and self.stack.currentWidget() is self.home:
            self._home_reload.again()  # one at a time: a slow list waits, never piles up

    async def _refresh_home(self) -> None:
        assert self.service is not None
        campaigns = await self._home_list()
        if self.stack.currentWidget() is self.home:
            self.home.set_campaigns(campaigns, self._locale())

    async def show_home(self) -> None:
        assert self.service is not None
        await self.live.close_campaign()
        await self.event_view.close_campaign()
        self._show_home(await self._home_list())

    async def _home_list(self) -> list[CampaignRecord]:
        """The home list as its search, sort and "show archived" ask."""
        assert self.service is not None
        service, query = self.service, self.home.query()
        return await self.runner.call(lambda: service.home_campaigns(**query))

    async def show_live(self, campaign_id: int) -> None:
        await self.event_view.close_campaign()
        self.stack.setCurrentWidget(self.live)  # raises the page: the other goes after it
        self._prefer_live_view(CampaignKind.FUNDRAISER)
        self._watch(campaign_id)
        await self.live.open_campaign(campaign_id)
        self._show_overlays_campaign()
        self.settings.setValue(self._last_campaign_key(), campaign_id)
        self._update_actions()

    async def show_event(self, campaign_id: int) -> None:
        """The paid event's live view (tickets, the door, refunds)."""
        await self.live.close_campaign()
        self.stack.setCurrentWidget(self.event_view)
        self._prefer_live_view(CampaignKind.PAID_EVENT)
        self._watch(campaign_id)
        await self.event_view.open_campaign(campaign_id)
        self._show_overlays_campaign()
        self.settings.setValue(self._last_campaign_key(), campaign_id)
        self._update_actions()

    def _prefer_live_view(self, kind: CampaignKind) -> None:
        """Both live views have `goLive`, `endBroadcast` and `simulationRate`; findChild
        returns the first match in child order, which is the z-order (a stack lowers each
        page it adds and raises the page it shows). The view of the campaign being opened
        comes first from the moment it is asked for: raising the other one puts it last.
        The z-order of hidden pages changes nothing visible. Outside a paid event the
        fundraiser's view comes first."""
        other = self.live if kind is CampaignKind.PAID_EVENT else self.event_view
        other.raise_()

    @Slot(int)
    def _on_live_demo_restarted(self, campaign_id: int) -> None:
        spawn(self.show_live(campaign_id), self._on_failed_exc)

    @Slot()
    def _on_home_new_requested(self) -> None:
        self.setup.reset(default_currency_for_locale(self._locale()), self._locale())
        self.stack.setCurrentWidget(self.setup)

    @Slot(object)
    def _on_home_open_requested(self, campaign: CampaignRecord) -> None:
        self._prefer_live_view(campaign.kind)
        if campaign.kind is CampaignKind.PAID_EVENT:
            spawn(self.show_event(campaign.id), self._on_failed_exc)
            return
        spawn(self.show_live(campaign.id), self._on_failed_exc)

    @Slot(object)
    def _on_setup_create_requested(self, spec: CampaignSpec) -> None:
        self._prefer_live_view(spec.kind)
        spawn(self._create(spec), self._on_failed_exc)

    async def _create(self, spec: CampaignSpec) -> None:
        assert self.service is not None
        self.setup.create_button.setEnabled(False)
        try:
            campaign = await self.runner.call(self.service.create_campaign, spec)
        finally:
            self.setup.create_button.setEnabled(True)
        if campaign.kind is CampaignKind.FUNDRAISER:
            await self.show_live(campaign.id)
        else:
            await self.show_event(campaign.id)

    @Slot()
    def _on_setup_cancelled(self) -> None:
        spawn(self.show_home(), self._on_failed_exc)

    @Slot()
    def _on_live_home_requested(self) -> None:
        spawn(self.show_home(), self._on_failed_exc)

    @Slot(object)
    def _on_live_campaign_changed(self, campaign: CampaignRecord) -> None:
        self._update_actions()

    # -- OBS overlays ----------------------------------------------------------------------

    async def _start_overlays(self) -> None:
        """The overlay server, once the window is up: its modules (aiohttp) are imported off
        the UI thread, then it listens on the port remembered."""
        if self.service is None:
            return
        module = "livegiving_desktop.ui.overlays.window"
        loop = asyncio.get_running_loop()
        window_module = await loop.run_in_executor(None, importlib.import_module, module)
        from livegiving_desktop.services.overlays import OverlayService

        if self.service is None or self._closed:
            return
        self.overlays = OverlayService(self.service)
        self.overlays_problem = await window_module.start_server(self.overlays, self.settings)
        if self.overlays_problem is not None:
            self.statusBar().showMessage(
                self.tr("The OBS overlays are off: %1. Choose another port in Broadcast › "
                        "Overlays.").replace("%1", translate_reason(self.overlays_problem)),
                15000,
            )  # fmt: skip
        if self.overlays_window is not None:
            self.overlays_window.panel.server_problem = self.overlays_problem

    @Slot()
    def show_overlays(self) -> None:
        """The Overlays window, on the campaign shown (none on the home screen)."""
        if self.overlays is None:  # the database or the overlay server is still starting
            self.statusBar().showMessage(self.tr("The OBS overlays are starting…"), 5000)
            return
        if self.overlays_window is None:
            from livegiving_desktop.ui.overlays.window import OverlaysWindow

            self.overlays_window = OverlaysWindow(self.overlays, self.settings, self)
            self.overlays_window.panel.server_problem = self.overlays_problem
        self._show_overlays_campaign()
        self.overlays_window.show()
        self.overlays_window.raise_()
        self.overlays_window.activateWindow()

    def _show_overlays_campaign(self) -> None:
        if self.overlays_window is None:
            return
        page = self.shown_live()
        on_live = self.stack.currentWidget() in (self.live, self.event_view)
        c = page.campaign if on_live else None
        self.overlays_window.show_campaign(c.id if c else None, c.title if c else "")

    # -- presence --------------------------------------------------------------------------

    def _watch(self, campaign_id: int | None) -> None:
        """The campaign this seat is on duty for (the live view shown; none on home)."""
        if self.presence is not None:
            self.presence.set_campaign(campaign_id)
        for page in (self.live, self.event_view):
            page.show_roster(None)

    @Slot(object)
    def _on_roster(self, roster: Roster) -> None:
        page = self.shown_live()
        if page.campaign is None or page.campaign.id != roster.campaign_id:
            return  # a beat for the campaign left before it arrived
        page.show_roster(roster)
        for line in comings_and_goings(roster, kinds=(SeatKind.MODERATOR,)):
            self.statusBar().showMessage(line, 8000)
            page.announcer.say(line)

    # -- actions and shortcuts (ui/window_actions.py) -------------------------------------

    def shown_live(self) -> FundraiserPage | EventPage:
        return self.event_view if self.stack.currentWidget() is self.event_view else self.live

    @Slot()
    def _update_actions(self) -> None:
        self.menus.update()

    @Slot()
    def go_live_shown(self) -> None:
        self.shown_live().go_live.click()

    @Slot()
    def end_shown(self) -> None:
        self.shown_live().end.click()

    @Slot()
    def pause_shown(self) -> None:
        self.shown_live().pause.click()

    @Slot()
    def new_campaign(self) -> None:
        self._on_home_new_requested()

    @Slot()
    def go_home(self) -> None:
        self._on_live_home_requested()

    def set_language(self, language: str) -> None:
        """Switch the language now (and for the next start): every text is translated again
        and every figure written the new language's way."""
        self.settings.setValue("language", language)
        app = QApplication.instance()
        if isinstance(app, QApplication) and language != self.language:
            self.language = install_translators(app, language)
            retranslate_widgets(QApplication.allWidgets())
            locale = self._locale()
            for page in (self.live, self.event_view):
                page.set_locale(locale)
            self.home.set_campaigns(self.home.model.records(), locale)
            if self.console is not None:
                self.console.set_locale(locale)
            retranslate_theme_actions(self.menus.theme_actions)
        self.menus.show_language(self.language)

    @Slot()
    def show_about(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("About LiveGiving Desktop"))
        box.setText(f"LiveGiving Desktop {__version__}")
        box.setInformativeText(self.tr("Database: %1\nLog: %2").replace(
            "%1", self.service.db.display_url if self.service else "—").replace(
            "%2", str(config.log_path())))  # fmt: skip
        box.open()

    @Slot()
    def copy_diagnostics_clicked(self) -> None:
        spawn(self.copy_diagnostics(), self._on_failed_exc)

    async def copy_diagnostics(self) -> str:
        """Put the diagnostics (services/diagnostics.py) on the clipboard; the database and the
        log are read on the database thread."""
        from livegiving_desktop.services.diagnostics import diagnostics_report  # when asked

        text = await self.runner.call(
            diagnostics_report,
            db=self.service.db if self.service is not None else None,
            db_url=self.db_url,
            problem=self._start_problem,
            qt_versions=(("Qt", qVersion()), ("PySide6", PySide6.__version__)),
        )
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(text)
        self.statusBar().showMessage(
            self.tr("Diagnostics copied to the clipboard: paste them into your bug report."), 8000
        )
        return text

    # -- moderation ------------------------------------------------------------------------

    @Slot()
    def show_moderation(self) -> None:
        if self.service is not None:
            spawn(self.open_moderation(), self._on_failed_exc)

    async def open_moderation(self) -> ModerationConsole:
        """Show the moderation console (a window of its own) on the campaign shown here."""
        assert self.service is not None
        if self.console is None:
            self.console = ModerationConsole(
                self.runner, self.service, self.settings, self._locale(), parent=self
            )
            if self.presence is not None:
                self.console.attach_presence(self.presence)
            if self.seat is not None:
                self.console.set_seat(self.seat)
        self.console.show()
        self.console.raise_()
        self.console.activateWindow()
        shown = self.live.campaign.id if self.live.campaign is not None else None
        await self.console.load_campaigns(shown)
        if not self.console.display_name():
            self.console.ask_display_name()
        return self.console

    # -- export --------------------------------------------------------------------------

    @Slot()
    def export_shown(self) -> None:
        """Ctrl+Shift+E: the fundraiser's donations, or a paid event's tickets."""
        if self.stack.currentWidget() is self.event_view:
            self.event_view.export.click()
        elif self.stack.currentWidget() is self.live:
            self.live.ask_export()

    # -- errors ----------------------------------------------------------------------------

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._show_error(self.tr("Something went wrong"), message)

    @Slot(str)
    def _on_live_saving_failed(self, reason: str) -> None:
        # The live page has just shown the warning (its `failed`); the status bar keeps saying
        # it until the donations are saved again.
        self._saving_box = self.error_box
        self._saving_outage = True
        self._saving_status(self.tr("Donations are not being saved: %1").replace("%1", reason))

    @Slot(FeedHealth)
    def _on_feed_health(self, health: FeedHealth) -> None:
        """Whether this seat reaches its database: said within seconds, in words; while it
        does not, the status bar no longer claims that what is shown is saved."""
        self._unreachable = not health.connected
        if self._unreachable:
            self._saving_status(
                self.tr("The ledger cannot be reached: %1").replace(
                    "%1", translate_reason(health.reason or ""))
            )  # fmt: skip
        elif not self._saving_outage:
            self._saving_status(self.tr("Every donation shown is saved"))
            if health.state is FeedState.RESYNCED:
                self.statusBar().showMessage(
                    self.tr("The ledger is reachable again: every change is shown."), 8000
                )

    @Slot()
    def _on_live_saving_resumed(self) -> None:
        self._saving_outage = False
        if self._saving_box is not None:
            self._saving_box.close()
            self._saving_box = None
        self._saving_status(self.tr("Every donation shown is saved"))
        self.statusBar().showMessage(self.tr("Saving works again: no donation was lost."), 8000)

    def _on_failed_exc(self, exc: BaseException) -> None:
        if isinstance(exc, LiveGivingError):
            self._show_error(self.tr("This cannot be done"), user_message(exc))
        elif config.active_log() is None:  # never point at a log that is not being written
            self._show_error(
                self.tr("Something went wrong"),
                self.tr("%1\n\nThe log could not be written.").replace("%1", user_message(exc)),
            )
        else:
            self._show_error(
                self.tr("Something went wrong"),
                self.tr("%1\n\nThe details are in the log: %2").replace(
                    "%1", user_message(exc)).replace("%2", str(config.active_log())),
            )  # fmt: skip

    def _show_error(self, title: str, text: str) -> None:
        log.error("%s: %s", title, text)
        current = self.error_box
        if (
            current is not None
            and current.isVisible()
            and (current.windowTitle(), current.text()) == (title, text)
        ):
            return  # the same failure again (a retry, a periodic refresh): one message is enough
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok,
                          self)  # fmt: skip
        box.setObjectName("errorMessage")
        self.error_box = box
        box.open()

    # -- closing ---------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = self.settings.value("geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            fit_to_screen(self, QSize(1440, 900))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closed:
            event.accept()
            return
        event.ignore()
        if self._closing:
            return  # already on its way out (or asking how)
        if self._quit_anyway:
            self.shutdown_now()  # what could not be saved is given up: do not wait for it
            event.accept()
            return
        if self._saving_outage or self._unreachable:
            self._ask_quit_during_outage()
            return
        self._closing = True
        spawn(self._close_async(), lambda exc: self._finish_close())

    def _live_campaign(self) -> FundraiserPage | EventPage | None:
        for page in (self.live, self.event_view):
            c = page.campaign
            if c is not None and c.status is CampaignStatus.LIVE:
                return page
        return None

    async def _close_async(self) -> None:
        """Nothing ended by accident: quitting while live asks first; then what the audience
        sent is committed, off the UI thread, and a close that takes longer than CLOSE_WAIT_S
        (the ledger out of reach) asks instead of waiting."""
        page = self._live_campaign() if not self._quit_anyway else None
        if page is not None and page.campaign is not None:
            answer = await ask(
                self, "quitWhileLive", self.tr("You are live"),
                self.tr("“%1” is on air. Quit and keep it live (it stays live for the other "
                        "seats; open it again to carry on), or end it first?")
                .replace("%1", page.campaign.title),
                [(self.tr("Quit, keep it live"), "keepLiveAndQuit",
                  QMessageBox.ButtonRole.AcceptRole),
                 (self.tr("End it and quit"), "endAndQuit", QMessageBox.ButtonRole.DestructiveRole),
                 (self.tr("Cancel"), "cancelQuit", QMessageBox.ButtonRole.RejectRole)],
                default="cancelQuit",
            )  # fmt: skip
            if answer not in ("keepLiveAndQuit", "endAndQuit"):
                self._closing = False
                return
            if answer == "endAndQuit":
                await page.controller.end()
        self._saving_status(self.tr("Saving the last donations…"))
        closing = asyncio.ensure_future(self._close_views())
        done, _ = await asyncio.wait({closing}, timeout=CLOSE_WAIT_S)
        if not done:
            # Still saving after CLOSE_WAIT_S: the ledger is out of reach. Ask, never hang.
            self._closing = False
            self._ask_quit_during_outage()
            return
        self._finish_close()

    async def _close_views(self) -> None:
        await self.live.close_campaign()
        await self.event_view.close_campaign()
        if self.presence is not None:  # left: the other seats see it at once
            await self.runner.call(self.presence.close)
        if self.overlays is not None:  # the pages connected are told, then the port closes
            await asyncio.get_running_loop().run_in_executor(None, self.overlays.stop_server)

    def _ask_quit_during_outage(self) -> None:
        """Closing while donations cannot be saved would wait for the outage to end: ask."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Donations are not being saved"),
            self.tr(
                "Donations cannot be saved right now. Every donation shown in the feed is saved;"
                " the ones still waiting will be lost if you quit now."
            ),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("quitDuringOutage")
        box.setAccessibleName(self.tr("Quit while donations are not being saved"))
        quit_button = box.addButton(self.tr("Quit anyway"), QMessageBox.ButtonRole.DestructiveRole)
        quit_button.setObjectName("quitAnyway")
        keep = box.addButton(self.tr("Keep trying"), QMessageBox.ButtonRole.RejectRole)
        keep.setObjectName("keepTrying")
        box.setDefaultButton(keep)

        def decided() -> None:
            if box.clickedButton() is quit_button:
                self._quit_anyway = True
                self.live.abandon_saving()
                self.event_view.abandon_saving()
                self._closing = False
                self.close()

        box.finished.connect(decided)
        box.open()

    def _finish_close(self) -> None:
        self.shutdown_now()
        self.close()

    def shutdown_now(self) -> None:
        """Stop everything synchronously (end of the process, or a test's teardown)."""
        if self._closed:
            return
        self._closed = True
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.sync()
        if self.console is not None:
            self.console.close()
        self.live.stop_now()
        self.event_view.stop_now()
        if self.presence is not None:
            self.presence.close()
        if self.overlays_window is not None:
            self.overlays_window.close()
        if self.overlays is not None:
            self.overlays.close()
        if self.feed is not None:
            self.feed.close()
        self.runner.shutdown()
        if self.service is not None:
            self.service.close()
