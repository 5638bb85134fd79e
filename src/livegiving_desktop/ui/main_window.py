"""The main window: home, campaign set-up and the live view, with menus and shortcuts."""

from __future__ import annotations

import contextlib
import gc
import importlib
import logging
from typing import TYPE_CHECKING, Any, NamedTuple

import PySide6
from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QObject,
    QSettings,
    QSize,
    QTimer,
    Signal,
    Slot,
    qVersion,
)
from PySide6.QtGui import QCloseEvent, QGuiApplication, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
)

from livegiving_desktop import __version__
from livegiving_desktop.core.errors import LiveGivingError
from livegiving_desktop.core.kinds import CampaignKind, CampaignStatus
from livegiving_desktop.services import config
from livegiving_desktop.ui.common.i18n import install_translators, retranslate_widgets
from livegiving_desktop.ui.common.runner import DbRunner, OneAtATime, spawn
from livegiving_desktop.ui.common.screen import fit_to_screen
from livegiving_desktop.ui.common.throttle import Throttle
from livegiving_desktop.ui.settings import last_campaign_key
from livegiving_desktop.ui.theme import Theme, retranslate_theme_actions

# `livegiving` paints the window's first frame (`first_frame`: this module, the theme) before
# the rest of the window is imported: asyncio, the home page, the menus, the icons (`build`).
# The home page paints before anything below is imported: SQLAlchemy, the ledger, the live
# views, the console, the overlay server (issue 19); the database thread imports them after
# the first paint (`_AFTER_OPEN`).
if TYPE_CHECKING:
    import asyncio

    from livegiving_desktop.core.campaigns import CampaignSpec
    from livegiving_desktop.core.organizations import OrganizationCatalog
    from livegiving_desktop.core.records import CampaignRecord
    from livegiving_desktop.core.team import SeatIdentity
    from livegiving_desktop.db.engine import Database
    from livegiving_desktop.services.changes import FeedHealth
    from livegiving_desktop.services.ledger import LedgerService
    from livegiving_desktop.services.overlays import OverlayService
    from livegiving_desktop.services.presence import Roster
    from livegiving_desktop.ui.common.feed import FeedBridge
    from livegiving_desktop.ui.common.presence import PresenceBridge
    from livegiving_desktop.ui.fundraiser.page import FundraiserPage
    from livegiving_desktop.ui.moderation.window import ModerationConsole
    from livegiving_desktop.ui.operations import Operations
    from livegiving_desktop.ui.overlays.window import OverlaysWindow
    from livegiving_desktop.ui.paid_event.page import EventPage
    from livegiving_desktop.ui.setup import CampaignSetupPage

# What the window needs once the database is open, imported on the database thread (so the
# UI thread never pays for SQLAlchemy); the pages are built once the home list is shown. The
# console, the diagnostics and the overlays window are imported when first opened.
_AFTER_OPEN = (
    "livegiving_desktop.services.changes",
    "livegiving_desktop.services.presence",
    "livegiving_desktop.services.team",
    "livegiving_desktop.ui.common.feed",
    "livegiving_desktop.ui.common.presence",
    "livegiving_desktop.ui.operations",
    "livegiving_desktop.ui.setup",
    "livegiving_desktop.ui.fundraiser.page",
    "livegiving_desktop.ui.paid_event.page",
)
HOME_PAINT_WAIT_S = 0.25
START_FALLBACK_MS = 1000  # a window that never paints (minimised) still opens its database

log = logging.getLogger("livegiving.ui")
HOME_RELOAD_MS = 1000

CLOSE_WAIT_S = 10.0  # quitting never waits longer than this without asking


def app_settings() -> QSettings:
    """Settings in the user data directory (so tests and portable installs stay isolated)."""
    return QSettings(str(config.data_dir() / "settings.ini"), QSettings.Format.IniFormat)


class MainWindow(QMainWindow):
    ready = Signal()
    framePainted = Signal()  # the window's first frame is on screen (`first_frame`)

    def __init__(
        self, *, db_url: str, language: str, demo: bool = False, first_frame: bool = False
    ) -> None:
        """The window, built at once; with `first_frame`, only its frame (title, size, the
        theme's colours and the app's name) until `build()`: `livegiving` paints it before
        importing the rest of the window (issue 19, "paint the window first, then load")."""
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle("LiveGiving Desktop")
        self.db_url = db_url
        self.language = language
        self._demo = demo
        self.settings = app_settings()
        self.service: LedgerService | None = None
        self.ops: Operations | None = None
        self.feed: FeedBridge | None = None
        self.presence: PresenceBridge | None = None
        self.overlays: OverlayService | None = None  # this seat's OBS overlay server
        self.overlays_window: OverlaysWindow | None = None
        self.overlays_problem: str | None = None  # why the overlay server is not listening
        # Built when first needed (the paid event's view when a paid event is first opened):
        # the first screen is the home page alone (`setup`, `live`, `event_view` build them).
        self._setup: CampaignSetupPage | None = None
        self._live: FundraiserPage | None = None
        self._event_view: EventPage | None = None
        self.console: ModerationConsole | None = None
        self.seat: SeatIdentity | None = None
        self.error_box: QMessageBox | None = None  # the last error shown
        self._saving_box: QMessageBox | None = None  # the warning of a saving outage
        self._ready = False
        self._closed = False
        self._built = False  # `build()` done: the window's content exists
        self._frame_painted = False
        self._start_problem: str | None = None  # why the database could not be opened
        self._saving_outage = False  # donations cannot be saved for now
        self._unreachable = False  # the database cannot be reached (the feed says)
        self._quit_anyway = False  # the user chose to quit during an outage
        self._unattended = False  # quitting on a signal: nobody to ask (quit_unattended)
        self._closing = False  # a close is on its way (asking, or saving the last donations)
        self._started = False
        # Starts the window (`_begin`) once painted, or after START_FALLBACK_MS. A timer of the
        # window's own, never QTimer.singleShot: PySide6 gives that call a timer of no parent,
        # which outlives a window closed before it fires, and the garbage collector may then
        # destroy it on a database thread: Qt crashes on a timer destroyed there while running.
        self._start_timer = QTimer(self)
        self._start_timer.setSingleShot(True)
        self._start_timer.timeout.connect(self._begin)
        self._opened_db: Database | None = None
        self._home_paint_waiters: list[asyncio.Future[None]] = []
        self._restore_geometry()
        if first_frame:
            self.setCentralWidget(_first_frame_name())
        else:
            self.build()

    def build(self) -> None:
        """The window's content: the home page ("Opening the database…"), the menus and the
        status bar; the database opens once it has painted."""
        if self._built:
            return
        from livegiving_desktop.core.organizations import bundled_catalog
        from livegiving_desktop.ui.common.widgets import defer_icons
        from livegiving_desktop.ui.home import HomePage
        from livegiving_desktop.ui.window_actions import WindowActions

        self.runner = DbRunner()
        # At most one reload of the home list a second, however busy the ledger.
        self._reload_home = Throttle(self._on_reload_home, HOME_RELOAD_MS, parent=self)
        self._home_reload = OneAtATime(self._refresh_home, self._on_failed_exc)
        self.catalog = bundled_catalog()

        defer_icons()  # the first screen paints without qtawesome; its icons follow at once
        self.home = HomePage()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.home)
        self.setCentralWidget(self.stack)
        self.status_db = QLabel()
        self.status_save = QLabel()
        self.status_save.setObjectName("savingStatus")
        self.status_save.setAccessibleName(self.tr("Saving status"))
        self.statusBar().addWidget(self.status_save, 1)
        self.statusBar().addPermanentWidget(self.status_db)
        self.status_seat = QLabel()  # a team's seat: "Signed in as sam · moderator"
        self.status_seat.setObjectName("seatIdentity")
        self.status_seat.setVisible(False)
        self.statusBar().addPermanentWidget(self.status_seat)

        self.home.newRequested.connect(self._on_home_new_requested)
        self.home.openRequested.connect(self._on_home_open_requested)
        self.home.queryChanged.connect(self._on_reload_home)
        self.home.failed.connect(self._on_failed)
        self.stack.currentChanged.connect(self._update_actions)
        self.menus = WindowActions(self)
        self.menus.show_language(self.language)
        self.menus.update()
        self._saving_status(self.tr("Opening the database…"))
        self.home.set_loading(self.tr("Opening the database…"))
        self.home.installEventFilter(self)
        self._built = True
        # From here on, Python's garbage collector runs on the UI thread alone (its module
        # says why); stopped in `shutdown_now`.
        from livegiving_desktop.ui.common.collector import UiThreadCollector

        self._collector = UiThreadCollector(self)
        self._collector.start()
        # The database opens once the window has painted (`paintEvent`), off the UI thread.
        self._start_timer.start(START_FALLBACK_MS)

    # -- start-up --------------------------------------------------------------------------

    def _saving_status(self, text: str) -> None:
        """The status bar's saving status, read by a screen reader with its caption."""
        from livegiving_desktop.ui.common.accessibility import set_figure

        set_figure(self.status_save, self.tr("Saving status"), text)

    def _locale(self) -> str:
        return "fr_FR" if self.language == "fr" else "en"

    def is_ready(self) -> bool:
        return self._ready

    def is_closed(self) -> bool:
        """Shut down (`shutdown_now`): a start still on its way stops where it is."""
        return self._closed

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._frame_painted:
            self._frame_painted = True
            self.framePainted.emit()
        if not self._started:  # painted: the database next (`_begin` waits for `build`)
            self._start_timer.start(0)

    def frame_painted(self) -> bool:
        """The window has painted at least once."""
        return self._frame_painted

    @Slot()
    def _begin(self) -> None:
        if self._started or self._closed or not self._built:
            return
        if QApplication.focusWidget() is None and self.isActiveWindow():
            # Shown as its frame first, with no control to focus then: the keyboard starts
            # where it does on a window shown whole, in the home page's search field.
            self.home.search.setFocus()
        self._started = True
        spawn(self._start(self._demo), self._on_start_failed)

    async def _home_painted(self) -> None:
        """Until the home page has painted what it was just given (at most HOME_PAINT_WAIT_S:
        a window hidden or minimised never paints)."""
        import asyncio

        painted = asyncio.get_running_loop().create_future()
        self._home_paint_waiters.append(painted)
        self.home.update()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(painted, HOME_PAINT_WAIT_S)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.home and event.type() == QEvent.Type.Paint:
            for waiter in self._home_paint_waiters:
                if not waiter.done():
                    waiter.set_result(None)
            self._home_paint_waiters.clear()
        return super().eventFilter(watched, event)

    # -- pages built when first needed ---------------------------------------------------------

    @property
    def setup(self) -> CampaignSetupPage:
        """Campaign set-up (built when first asked for)."""
        from livegiving_desktop.core.money import default_currency_for_locale

        if self._setup is None:
            from livegiving_desktop.ui.setup import CampaignSetupPage

            page = CampaignSetupPage(self.catalog, default_currency_for_locale(self._locale()))
            page.createRequested.connect(self._on_setup_create_requested)
            page.cancelled.connect(self._on_setup_cancelled)
            self.stack.addWidget(page)
            self._setup = page
        return self._setup

    @property
    def live(self) -> FundraiserPage:
        """The fundraiser's live view (built once the home list is shown, or when asked)."""
        if self._live is None:
            from livegiving_desktop.ui.fundraiser.page import FundraiserPage

            page = FundraiserPage(self.runner)
            page.demoRestarted.connect(self._on_live_demo_restarted)
            page.savingFailed.connect(self._on_live_saving_failed)
            page.savingResumed.connect(self._on_live_saving_resumed)
            page.exported.connect(lambda text: self.statusBar().showMessage(text, 8000))
            self._live = page
            self._add_live_page(page)
        return self._live

    @property
    def event_view(self) -> EventPage:
        """The paid event's live view (built when a paid event is first opened)."""
        if self._event_view is None:
            from livegiving_desktop.ui.paid_event.page import EventPage

            page = EventPage(self.runner)
            self._event_view = page
            self._add_live_page(page)
        return self._event_view

    def _add_live_page(self, page: FundraiserPage | EventPage) -> None:
        page.homeRequested.connect(self._on_live_home_requested)
        page.failed.connect(self._on_failed)
        page.campaignChanged.connect(self._on_live_campaign_changed)
        page.notice.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        self.stack.addWidget(page)
        self.menus.add_page(page)
        if self.seat is not None:
            page.set_identity(self.seat)
        if self.service is not None and self.ops is not None and self.feed is not None:
            page.attach(self.service, self.ops, self.feed, self._locale())

    def live_pages_by_kind(self) -> tuple[FundraiserPage | None, EventPage | None]:
        """The fundraiser's and the paid event's live views, None where not built yet."""
        return self._live, self._event_view

    def live_pages(self) -> list[FundraiserPage | EventPage]:
        """The live views built so far."""
        return [p for p in (self._live, self._event_view) if p is not None]

    async def _start(self, demo: bool) -> None:
        import asyncio

        from livegiving_desktop.ui.common.widgets import draw_deferred_icons
        from livegiving_desktop.ui.settings import AppSettings

        # The database thread opens (and migrates) the database and reads what the first
        # screen shows, importing no more of the ledger than that needs.
        last = None if demo else self.settings.value(last_campaign_key(self.db_url))
        listed = False
        if not demo and last is None:
            # The home list read from the file itself (sqlite3 alone, no SQLAlchemy) when it
            # is a SQLite file at the current schema; the full open follows on the same
            # thread, after it (never beside it: see db/home_list.py).
            quick = await self.runner.call(_quick_home, self.db_url, self.catalog,
                                           self.home.query())  # fmt: skip
            if self.is_closed():
                return
            if quick is not None:
                self._show_home(quick)
                listed = True
                await self._home_painted()
        opened = await self.runner.call(_open_and_list, self.db_url, self.catalog,
                                        self.home.query(), last is not None,
                                        not listed)  # fmt: skip
        if self.is_closed():  # closed while the database was opening
            opened.db.close()
            return
        self._opened_db = opened.db
        self.status_db.setText(opened.db.display_url)
        # Who the server says this seat is (a team on PostgreSQL): its login and role.
        self.seat = opened.seat
        self._show_seat(opened.seat)
        resume = next((c for c in opened.campaigns if str(c.id) == str(last)), None)
        if not demo and resume is None and not listed:  # the home list first
            self._show_home(opened.home)
            await self._home_painted()  # on screen before the next imports compete with it
        draw_deferred_icons()
        # The rest of the ledger and of the window's modules, imported off the UI thread.
        service = await self.runner.call(_ledger_service, opened.db, self.catalog)
        if self.is_closed():
            service.close()
            return
        self.service = service
        self.home.attach(self.runner, service)
        from livegiving_desktop.services.presence import SeatKind
        from livegiving_desktop.ui.common.feed import FeedBridge
        from livegiving_desktop.ui.common.presence import PresenceBridge
        from livegiving_desktop.ui.operations import Operations

        self.ops = Operations(self.runner, service)
        # Every change, made here or on another seat, reaches the views through the feed.
        self.feed = FeedBridge(service.db, "window-feed", self)
        self.feed.health.connect(self._on_feed_health)
        # The home list follows every campaign (created, live, ended, totals) on any seat.
        self.feed.heads.connect(self._reload_home)
        # This seat's heartbeat: the moderators see the creator on duty, the creator sees how
        # many moderators watch.
        self.presence = PresenceBridge(service.db, SeatKind.CREATOR,
                                       AppSettings(self.settings).moderator_name, self)  # fmt: skip
        self.presence.roster.connect(self._on_roster)
        overlays = spawn(self._start_overlays(), self._on_failed_exc)
        for page in self.live_pages():
            page.attach(service, self.ops, self.feed, self._locale())
        self._saving_status(self.tr("Every donation shown is saved"))
        if demo:
            campaign = await self.runner.call(service.ensure_demo_campaign, self._locale())
            await self.show_live(campaign.id)
        elif resume is not None and resume.kind is CampaignKind.FUNDRAISER:
            await self.show_live(resume.id)
        elif resume is not None:
            await self.show_event(resume.id)
        else:
            self._watch(None)
            self._on_reload_home()  # anything changed between the list and the feed's start
        self._build_pages()
        # Ready once the overlay server listens (or has said why not): its modules were
        # imported off the UI thread while the pages were built.
        await asyncio.wait({overlays})
        # What is alive now lives as long as the app (Qt, SQLAlchemy, the catalog): freeze it
        # so that full garbage collections during a broadcast stay short (ui_burst measures).
        gc.collect()
        gc.freeze()
        self._ready = True
        self.ready.emit()

    def _build_pages(self) -> None:
        """Every page exists once the window is ready (contract 4a: each named item view has
        a model from then on), built after the home list is shown."""
        for build in (lambda: self.setup, lambda: self.live, lambda: self.event_view):
            build()
        shown = self.stack.currentWidget()
        self._prefer_live_view(
            CampaignKind.PAID_EVENT if shown is self._event_view else CampaignKind.FUNDRAISER
        )

    def _show_seat(self, seat: SeatIdentity) -> None:
        """Who you are and your role in the title and the status bar; the controls the role
        may not use disabled, saying why. SQLite (no team): nothing changes."""
        from livegiving_desktop.ui.common.error_text import role_name

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
        for page in self.live_pages():
            page.set_identity(seat)
        self.home.set_identity(seat)

    def _on_start_failed(self, exc: BaseException) -> None:
        from livegiving_desktop.ui.common.widgets import draw_deferred_icons

        draw_deferred_icons()
        self._start_problem = str(exc)
        self._saving_status(self.tr("The database could not be opened"))
        self.home.set_loading(self.tr("The database could not be opened"))
        self._ready = True
        self._show_error(self.tr("The database could not be opened"), str(exc))

    # -- navigation ------------------------------------------------------------------------

    def _show_home(self, campaigns: list[CampaignRecord]) -> None:
        self._watch(None)
        self.home.model.organization_names = {o.id: o.name for o in self.catalog.all()}
        self.home.set_campaigns(campaigns, self._locale())
        self.stack.setCurrentWidget(self.home)
        self._show_overlays_campaign()
        self._prefer_live_view(CampaignKind.FUNDRAISER)
        self.settings.remove(last_campaign_key(self.db_url))

    def _on_reload_home(self, *_heads: object) -> None:
        if self._closed:
            return  # the runner is shut down: a reload would wait for nothing
        if self.service is not None and self.stack.currentWidget() is self.home:
            self._home_reload.again()  # one at a time: a slow list waits, never piles up

    async def _refresh_home(self) -> None:
        assert self.service is not None
        campaigns = await self._home_list()
        if self.stack.currentWidget() is self.home:
            self.home.set_campaigns(campaigns, self._locale())

    async def show_home(self) -> None:
        assert self.service is not None
        for page in self.live_pages():
            await page.close_campaign()
        self._show_home(await self._home_list())

    async def _home_list(self) -> list[CampaignRecord]:
        """The home list as its search, sort and "show archived" ask."""
        assert self.service is not None
        service, query = self.service, self.home.query()
        return await self.runner.call(lambda: service.home_campaigns(**query))

    async def show_live(self, campaign_id: int) -> None:
        if self._event_view is not None:
            await self._event_view.close_campaign()
        self.stack.setCurrentWidget(self.live)  # raises the page: the other goes after it
        self._prefer_live_view(CampaignKind.FUNDRAISER)
        self._watch(campaign_id)
        await self.live.open_campaign(campaign_id)
        self._show_overlays_campaign()
        self.settings.setValue(last_campaign_key(self.db_url), campaign_id)
        self._update_actions()

    async def show_event(self, campaign_id: int) -> None:
        """The paid event's live view (tickets, the door, refunds)."""
        if self._live is not None:
            await self._live.close_campaign()
        self.stack.setCurrentWidget(self.event_view)
        self._prefer_live_view(CampaignKind.PAID_EVENT)
        self._watch(campaign_id)
        await self.event_view.open_campaign(campaign_id)
        self._show_overlays_campaign()
        self.settings.setValue(last_campaign_key(self.db_url), campaign_id)
        self._update_actions()

    def _prefer_live_view(self, kind: CampaignKind) -> None:
        """Both live views have `goLive`, `endBroadcast` and `simulationRate`; findChild
        returns the first match in child order, which is the z-order (a stack lowers each
        page it adds and raises the page it shows). The view of the campaign being opened
        comes first from the moment it is asked for: raising the other one puts it last.
        The z-order of hidden pages changes nothing visible. Outside a paid event the
        fundraiser's view comes first."""
        other = self._live if kind is CampaignKind.PAID_EVENT else self._event_view
        if other is not None:
            other.raise_()

    @Slot(int)
    def _on_live_demo_restarted(self, campaign_id: int) -> None:
        spawn(self.show_live(campaign_id), self._on_failed_exc)

    @Slot()
    def _on_home_new_requested(self) -> None:
        from livegiving_desktop.core.money import default_currency_for_locale

        if self.service is None:  # still opening (or it could not): nothing to create it in
            return
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
        """The overlay server, once the window is up: its modules are imported off the UI
        thread, then it listens on the port remembered (aiohttp comes when a page connects)."""
        import asyncio

        from livegiving_desktop.ui.common.error_text import translate_reason

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
        on_live = self.stack.currentWidget() in self.live_pages()
        c = page.campaign if on_live else None
        self.overlays_window.show_campaign(c.id if c else None, c.title if c else "")

    # -- presence --------------------------------------------------------------------------

    def _watch(self, campaign_id: int | None) -> None:
        """The campaign this seat is on duty for (the live view shown; none on home)."""
        if self.presence is not None:
            self.presence.set_campaign(campaign_id)
        for page in self.live_pages():
            page.show_roster(None)

    @Slot(object)
    def _on_roster(self, roster: Roster) -> None:
        page = self.shown_live()
        if page.campaign is None or page.campaign.id != roster.campaign_id:
            return  # a beat for the campaign left before it arrived
        page.show_roster(roster)
        from livegiving_desktop.services.presence import SeatKind
        from livegiving_desktop.ui.common.presence import comings_and_goings

        for line in comings_and_goings(roster, kinds=(SeatKind.MODERATOR,)):
            self.statusBar().showMessage(line, 8000)
            page.announcer.say(line)

    # -- actions and shortcuts (ui/window_actions.py) -------------------------------------

    def shown_live(self) -> FundraiserPage | EventPage:
        shown = self.stack.currentWidget()
        return self.event_view if shown is not None and shown is self._event_view else self.live

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

    # The fundraiser's own controls (its view is built when first needed).
    @Slot()
    def thank_selected(self) -> None:
        self.live.thank.click()

    @Slot()
    def thank_all(self) -> None:
        self.live.thank_all.click()

    @Slot()
    def add_offline_donation(self) -> None:
        self.live.offline.click()

    @Slot()
    def focus_feed(self) -> None:
        self.live.feed.setFocus()

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
            for page in self.live_pages():
                page.set_locale(locale)
            if not self.home.is_loading():  # still opening: the list comes in the new language
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
            from livegiving_desktop.ui.moderation.window import ModerationConsole

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
        live = self._live.campaign if self._live is not None else None
        shown = live.id if live is not None else None
        await self.console.load_campaigns(shown)
        if not self.console.display_name():
            self.console.ask_display_name()
        return self.console

    # -- export --------------------------------------------------------------------------

    @Slot()
    def export_shown(self) -> None:
        """Ctrl+Shift+E: the fundraiser's donations, or a paid event's tickets."""
        shown = self.stack.currentWidget()
        if self._event_view is not None and shown is self._event_view:
            self._event_view.export.click()
        elif self._live is not None and shown is self._live:
            self._live.ask_export()

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

    @Slot(object)
    def _on_feed_health(self, health: FeedHealth) -> None:
        """Whether this seat reaches its database: said within seconds, in words; while it
        does not, the status bar no longer claims that what is shown is saved."""
        from livegiving_desktop.ui.common.error_text import translate_reason

        self._unreachable = not health.connected
        if self._unreachable:
            self._saving_status(
                self.tr("The ledger cannot be reached: %1").replace(
                    "%1", translate_reason(health.reason or ""))
            )  # fmt: skip
        elif not self._saving_outage:
            self._saving_status(self.tr("Every donation shown is saved"))
            from livegiving_desktop.services.changes import FeedState  # loaded with the feed

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
        from livegiving_desktop.ui.common.error_text import user_message

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
        if not self._built:  # closed on its first frame: nothing was opened yet
            self.shutdown_now()
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
            if self._unattended:
                self._give_up_saving()
            else:
                self._ask_quit_during_outage()
            return
        self._closing = True
        spawn(self._close_async(), lambda exc: self._finish_close())

    def quit_unattended(self) -> None:
        """Quit as Quit does, asking nothing: a signal (Ctrl+C in the terminal that started
        the app, SIGTERM as the session ends, SIGHUP) has nobody to answer. A live campaign stays
        live (for the other seats; nothing ends by accident), what the audience sent is
        committed, the seat leaves; after CLOSE_WAIT_S of an outage, or at once during one,
        what could not be saved is given up (it was never shown)."""
        self._unattended = True
        # A question of Quit already open (the user quit, then the session ended): answered
        # as this would, keep it live or give up what could not be saved.
        for box_name, answer in (("quitWhileLive", "keepLiveAndQuit"),
                                 ("quitDuringOutage", "quitAnyway")):  # fmt: skip
            box = self.findChild(QMessageBox, box_name)
            button = None if box is None else box.findChild(QAbstractButton, answer)
            if box is not None and box.isVisible() and button is not None:
                button.click()
                return
        self.close()

    def _live_campaign(self) -> FundraiserPage | EventPage | None:
        for page in self.live_pages():
            c = page.campaign
            if c is not None and c.status is CampaignStatus.LIVE:
                return page
        return None

    async def _close_async(self) -> None:
        """Nothing ended by accident: quitting while live asks first; then what the audience
        sent is committed, off the UI thread, and a close that takes longer than CLOSE_WAIT_S
        (the ledger out of reach) asks instead of waiting."""
        import asyncio

        from livegiving_desktop.ui.common.confirm import ask

        page = self._live_campaign() if not (self._quit_anyway or self._unattended) else None
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
            # The views go on closing; how that ends is logged, not left for the loop to
            # print as "Task exception was never retrieved".
            closing.add_done_callback(_log_close_ended)
            self._closing = False
            if self._unattended:
                self._give_up_saving()
            else:
                self._ask_quit_during_outage()
            return
        self._finish_close()

    async def _close_views(self) -> None:
        import asyncio

        for page in self.live_pages():
            await page.close_campaign()
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
                self._give_up_saving()

        box.finished.connect(decided)
        box.open()

    def _give_up_saving(self) -> None:
        """Quit anyway: what the audience sent and could not be saved is given up."""
        self._quit_anyway = True
        for page in self.live_pages():
            page.abandon_saving()
        self._closing = False
        self.close()

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
        if not self._built:
            return
        if self.console is not None:
            self.console.close()
        for page in self.live_pages():
            page.stop_now()
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
        elif self._opened_db is not None:  # closed while the ledger was still being set up
            self._opened_db.close()
        self._collector.stop()  # its threads stopped: collected here, then by CPython again


def _log_close_ended(task: Any) -> None:
    """A close that outlived its wait: what became of it, in the log."""
    if task.cancelled():
        return
    exc = task.exception()
    if exc is not None:
        log.warning("closing the views ended with %s", exc.__class__.__name__, exc_info=exc)


def _first_frame_name() -> QLabel:
    """The app's name in the middle of the first frame, in the theme's colours; centred by a
    style sheet (C++ reads it: Qt.AlignmentFlag would build the Qt namespace's enums, ~20 to
    45 ms, before the frame paints)."""
    name = QLabel("LiveGiving Desktop")
    name.setObjectName("firstFrame")
    name.setStyleSheet(
        f"qproperty-alignment: AlignCenter; font-size: {Theme.sizes['font_h1']}pt;"
        f" color: {Theme.colors['muted']};"
    )
    return name


class _Opened(NamedTuple):
    """What the database thread read for the first screen."""

    db: Database
    seat: SeatIdentity
    home: list[CampaignRecord]  # the home list as its query asks
    campaigns: list[CampaignRecord]  # every campaign, when a last one may be resumed


def _quick_home(
    db_url: str, catalog: OrganizationCatalog, query: dict[str, Any]
) -> list[CampaignRecord] | None:
    """On the database thread: the home list read from a SQLite file at the current schema
    with sqlite3 alone; None when the database must be opened first (services/home.py). No
    quick_check here: the full open that follows checks the file (once, not twice) and says
    when it is damaged."""
    from livegiving_desktop.services.home import quick_home_campaigns

    return quick_home_campaigns(db_url, catalog, **query, check=False)


def _open_and_list(
    db_url: str,
    catalog: OrganizationCatalog,
    query: dict[str, Any],
    resuming: bool,
    list_home: bool = True,
) -> _Opened:
    """On the database thread: open, migrate and check the database, then read the home list
    (unless already listed from the file) and, to resume the last campaign, every campaign,
    and who this seat is."""
    from livegiving_desktop.core.team import SeatIdentity
    from livegiving_desktop.db.engine import open_database
    from livegiving_desktop.services import home

    db = open_database(db_url)
    try:
        if db.dialect == "postgresql":  # a team: who the server says this login is
            from livegiving_desktop.services.team import seat_identity

            seat = seat_identity(db)
        else:
            seat = SeatIdentity(None, None)
        everything = home.all_campaigns(db) if resuming else []
        listed = home.home_campaigns(db, catalog, **query) if list_home else []
        return _Opened(db, seat, listed, everything)
    except BaseException:
        db.close()
        raise


def _ledger_service(db: Database, catalog: OrganizationCatalog) -> LedgerService:
    """On the database thread: the ledger over the database opened, and the window's
    remaining modules imported."""
    from livegiving_desktop.services.ledger import LedgerService

    for module in _AFTER_OPEN:
        importlib.import_module(module)
    return LedgerService(db, catalog=catalog)
