"""The main window: home, campaign set-up and the live view, with menus and shortcuts."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import hashlib
import logging
from pathlib import Path

import PySide6
from PySide6.QtCore import QByteArray, QSettings, QSize, QTimer, Signal, Slot, qVersion
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QStackedWidget,
)

from livegiving_desktop import __version__
from livegiving_desktop.core.campaigns import CampaignKind, CampaignSpec
from livegiving_desktop.core.errors import LiveGivingError
from livegiving_desktop.core.money import default_currency_for_locale
from livegiving_desktop.core.organizations import bundled_catalog
from livegiving_desktop.core.records import CampaignRecord
from livegiving_desktop.services import config
from livegiving_desktop.services.diagnostics import diagnostics_report
from livegiving_desktop.services.ledger import LedgerService
from livegiving_desktop.ui.broadcast.ledger_events import LedgerEvents
from livegiving_desktop.ui.common.error_text import user_message
from livegiving_desktop.ui.common.runner import DbRunner, spawn
from livegiving_desktop.ui.common.widgets import icon
from livegiving_desktop.ui.fundraiser.page import FundraiserPage
from livegiving_desktop.ui.home import HomePage
from livegiving_desktop.ui.moderation.window import ModerationConsole
from livegiving_desktop.ui.operations import Operations
from livegiving_desktop.ui.paid_event.page import EventPage
from livegiving_desktop.ui.setup import CampaignSetupPage

log = logging.getLogger("livegiving.ui")


def app_settings() -> QSettings:
    """Settings in the user data directory (so tests and portable installs stay isolated)."""
    return QSettings(str(config.data_dir() / "settings.ini"), QSettings.Format.IniFormat)


class MainWindow(QMainWindow):
    ready = Signal()

    def __init__(self, *, db_url: str, language: str, demo: bool = False) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle("LiveGiving Desktop")
        self.setMinimumSize(QSize(1100, 720))
        self.db_url = db_url
        self.language = language
        self.runner = DbRunner()
        self.service: LedgerService | None = None
        self.ops: Operations | None = None
        self.settings = app_settings()
        self._ready = False
        self._closed = False
        self._start_problem: str | None = None  # why the database could not be opened
        self.catalog = bundled_catalog()

        self.home = HomePage()
        self.setup = CampaignSetupPage(self.catalog, default_currency_for_locale(self._locale()))
        self.live = FundraiserPage(self.runner)
        self.event_view = EventPage(self.runner)  # the paid event's live view
        # Changes made in one window (the moderation console) reach every other at once.
        self.events = LedgerEvents(self)
        self.live.controller.attach_events(self.events)
        self.event_view.controller.attach_events(self.events)
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
        self._quit_anyway = False  # the user chose to quit during an outage
        self.statusBar().addWidget(self.status_save, 1)
        self.statusBar().addPermanentWidget(self.status_db)

        self.home.newRequested.connect(self._on_home_new_requested)
        self.home.openRequested.connect(self._on_home_open_requested)
        self.setup.createRequested.connect(self._on_setup_create_requested)
        self.setup.cancelled.connect(self._on_setup_cancelled)
        self.live.homeRequested.connect(self._on_live_home_requested)
        self.live.failed.connect(self._on_failed)
        self.live.savingFailed.connect(self._on_live_saving_failed)
        self.live.savingResumed.connect(self._on_live_saving_resumed)
        self.live.campaignChanged.connect(self._on_live_campaign_changed)
        self.event_view.homeRequested.connect(self._on_live_home_requested)
        self.event_view.failed.connect(self._on_failed)
        self.event_view.campaignChanged.connect(self._on_live_campaign_changed)
        self.stack.currentChanged.connect(self._update_actions)
        self._build_actions()
        self._restore_geometry()
        self.status_save.setText(self.tr("Opening the database…"))
        QTimer.singleShot(0, lambda: spawn(self._start(demo), self._on_start_failed))

    # -- start-up --------------------------------------------------------------------------

    def _locale(self) -> str:
        return "fr_FR" if self.language == "fr" else "en"

    def is_ready(self) -> bool:
        return self._ready

    async def _start(self, demo: bool) -> None:
        self.service = await self.runner.call(LedgerService.open, self.db_url)
        self.ops = Operations(self.runner, self.service)
        self.live.attach(self.service, self.ops, self._locale())
        self.event_view.attach(self.service, self.ops, self._locale())
        self.status_db.setText(self.service.db.display_url)
        self.status_save.setText(self.tr("Every donation shown is saved"))
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
                self._show_home(campaigns)
        # What is alive now lives as long as the app (Qt, SQLAlchemy, the catalog): freeze it
        # so that full garbage collections during a broadcast stay short (ui_burst measures).
        gc.collect()
        gc.freeze()
        self._ready = True
        self.ready.emit()

    def _on_start_failed(self, exc: BaseException) -> None:
        self._start_problem = str(exc)
        self.status_save.setText(self.tr("The database could not be opened"))
        self._ready = True
        self._show_error(self.tr("The database could not be opened"), str(exc))

    def _last_campaign_key(self) -> str:
        digest = hashlib.sha1(self.db_url.encode(), usedforsecurity=False).hexdigest()[:12]
        return f"lastCampaign/{digest}"

    # -- navigation ------------------------------------------------------------------------

    def _show_home(self, campaigns: list[CampaignRecord]) -> None:
        self.home.model.organization_names = {o.id: o.name for o in self.catalog.all()}
        self.home.set_campaigns(campaigns, self._locale())
        self.stack.setCurrentWidget(self.home)
        self._prefer_live_view(CampaignKind.FUNDRAISER)
        self.settings.remove(self._last_campaign_key())

    async def show_home(self) -> None:
        assert self.service is not None
        await self.live.close_campaign()
        await self.event_view.close_campaign()
        self._show_home(await self.runner.call(self.service.campaigns))

    async def show_live(self, campaign_id: int) -> None:
        await self.event_view.close_campaign()
        self.stack.setCurrentWidget(self.live)  # raises the page: the other goes after it
        self._prefer_live_view(CampaignKind.FUNDRAISER)
        await self.live.open_campaign(campaign_id)
        self.settings.setValue(self._last_campaign_key(), campaign_id)
        self._update_actions()

    async def show_event(self, campaign_id: int) -> None:
        """The paid event's live view (tickets, the door, refunds)."""
        await self.live.close_campaign()
        self.stack.setCurrentWidget(self.event_view)
        self._prefer_live_view(CampaignKind.PAID_EVENT)
        await self.event_view.open_campaign(campaign_id)
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

    @Slot()
    def _on_home_new_requested(self) -> None:
        self.setup.reset(default_currency_for_locale(self._locale()))
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

    # -- actions and shortcuts -------------------------------------------------------------

    def _action(self, text: str, name: str, shortcut: str | QKeySequence.StandardKey,
                slot: object, icon_name: str | None = None) -> QAction:  # fmt: skip
        action = QAction(text, self)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(shortcut))
        if icon_name:
            action.setIcon(icon(icon_name))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        live = self.live
        self.act_new = self._action(self.tr("&New campaign"), "actionNewCampaign", "Ctrl+N",
                                    self._on_home_new_requested, "mdi6.plus-circle")  # fmt: skip
        self.act_home = self._action(self.tr("&Campaigns"), "actionHome", "Ctrl+H",
                                     self._on_live_home_requested, "mdi6.view-list")  # fmt: skip
        self.act_export = self._action(self.tr("&Export donations…"), "actionExport",
                                       "Ctrl+Shift+E", self._on_export_triggered,
                                       "mdi6.file-export")  # fmt: skip
        self.act_quit = self._action(self.tr("&Quit"), "actionQuit", QKeySequence.StandardKey.Quit,
                                     self.close)  # fmt: skip
        self.act_go_live = self._action(self.tr("&Go live"), "actionGoLive", "Ctrl+L",
                                        self._on_go_live_triggered, "mdi6.broadcast")  # fmt: skip
        self.act_end = self._action(self.tr("&End broadcast"), "actionEndBroadcast", "Ctrl+E",
                                    self._on_end_triggered, "mdi6.stop-circle")  # fmt: skip
        self.act_thank = self._action(self.tr("&Thank selected donor"), "actionThankDonor",
                                      "Ctrl+T", live.thank.click, "mdi6.heart")  # fmt: skip
        self.act_thank_all = self._action(self.tr("Thank &all in the queue"), "actionThankAll",
                                          "Ctrl+Shift+T", live.thank_all.click)  # fmt: skip
        self.act_offline = self._action(self.tr("Add &offline donation…"),
                                        "actionAddOfflineDonation", "Ctrl+D", live.offline.click,
                                        "mdi6.cash-plus")  # fmt: skip
        self.act_pause = self._action(self.tr("&Pause or resume the audience"), "actionPause",
                                      "Ctrl+P", live.pause.click)  # fmt: skip
        self.act_feed = self._action(self.tr("Focus the donor &feed"), "actionFocusFeed",
                                     "Ctrl+1", live.feed.setFocus)  # fmt: skip
        self.act_moderation = self._action(self.tr("&Moderation console"), "openModeration",
                                           "Ctrl+M", self._on_moderation_triggered,
                                           "mdi6.shield-account")  # fmt: skip
        live.moderation_button.clicked.connect(self.act_moderation.trigger)
        self.act_en = self._action("English", "actionEnglish", "", lambda: self._set_language("en"))
        self.act_fr = self._action("Français", "actionFrench", "", lambda: self._set_language("fr"))
        self.act_about = self._action(self.tr("&About LiveGiving Desktop"), "actionAbout", "",
                                      self._on_about_triggered)  # fmt: skip
        self.act_diagnostics = self._action(self.tr("Copy &diagnostics"), "copyDiagnostics", "",
                                            self._on_copy_diagnostics_triggered,
                                            "mdi6.clipboard-text")  # fmt: skip
        # A QAction has no accessible name of its own: its text and tips are what is read out.
        self.act_diagnostics.setStatusTip(
            self.tr("Copy the versions, the database and the end of the log for a bug report")
        )
        self.act_diagnostics.setToolTip(self.act_diagnostics.statusTip())
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        for a in (self.act_new, self.act_home, self.act_export):
            file_menu.addAction(a)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        broadcast = bar.addMenu(self.tr("&Broadcast"))
        for a in (self.act_go_live, self.act_end, self.act_thank, self.act_thank_all,
                  self.act_offline, self.act_pause, self.act_feed):  # fmt: skip
            broadcast.addAction(a)
        broadcast.addSeparator()
        broadcast.addAction(self.act_moderation)
        view = bar.addMenu(self.tr("&View"))
        language = view.addMenu(self.tr("&Language"))
        language.addAction(self.act_en)
        language.addAction(self.act_fr)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.act_diagnostics)
        help_menu.addAction(self.act_about)
        self._update_actions()

    @Slot()
    def _on_go_live_triggered(self) -> None:
        self._shown_live().go_live.click()

    @Slot()
    def _on_end_triggered(self) -> None:
        self._shown_live().end.click()

    def _shown_live(self) -> FundraiserPage | EventPage:
        return self.event_view if self.stack.currentWidget() is self.event_view else self.live

    @Slot()
    def _update_actions(self) -> None:
        on_live = self.stack.currentWidget() is self.live
        on_event = self.stack.currentWidget() is self.event_view
        shown = self._shown_live()
        for action, button in (
            (self.act_go_live, shown.go_live),
            (self.act_end, shown.end),
            (self.act_thank_all, self.live.thank_all),
            (self.act_offline, self.live.offline),
            (self.act_pause, self.live.pause),
        ):
            paged = button is shown.go_live or button is shown.end  # both live views have them
            action.setEnabled((on_live or (on_event and paged)) and button.isEnabled())
        self.act_thank.setEnabled(on_live)
        self.act_export.setEnabled(
            (on_live and self.live.campaign is not None)
            or (on_event and self.event_view.campaign is not None)
        )

    def _set_language(self, language: str) -> None:
        self.settings.setValue("language", language)
        self.statusBar().showMessage(
            self.tr("The language changes the next time LiveGiving Desktop starts."), 6000
        )

    @Slot()
    def _on_about_triggered(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("About LiveGiving Desktop"))
        box.setText(f"LiveGiving Desktop {__version__}")
        box.setInformativeText(self.tr("Database: %1\nLog: %2").replace(
            "%1", self.service.db.display_url if self.service else "—").replace(
            "%2", str(config.log_path())))  # fmt: skip
        box.open()

    @Slot()
    def _on_copy_diagnostics_triggered(self) -> None:
        spawn(self.copy_diagnostics(), self._on_failed_exc)

    async def copy_diagnostics(self) -> str:
        """Put the diagnostics (services/diagnostics.py) on the clipboard; the database and the
        log are read on the database thread."""
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
    def _on_moderation_triggered(self) -> None:
        if self.service is not None:
            spawn(self.open_moderation(), self._on_failed_exc)

    async def open_moderation(self) -> ModerationConsole:
        """Show the moderation console (a window of its own) on the campaign shown here."""
        assert self.service is not None
        if self.console is None:
            self.console = ModerationConsole(
                self.runner, self.service, self.events, self.settings, self._locale(), parent=self
            )
        self.console.show()
        self.console.raise_()
        self.console.activateWindow()
        shown = self.live.campaign.id if self.live.campaign is not None else None
        await self.console.load_campaigns(shown)
        if not self.console.display_name():
            self.console.ask_display_name()
        return self.console

    # -- export ----------------------------------------------------------------------------

    @Slot()
    def _on_export_triggered(self) -> None:
        if self.stack.currentWidget() is self.event_view:
            self.event_view.export.click()  # a paid event exports its tickets
            return
        campaign = self.live.campaign
        if campaign is None or self.service is None:
            return
        dialog = QFileDialog(self, self.tr("Export donations"))
        dialog.setObjectName("exportDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters([self.tr("CSV spreadsheet (*.csv)"), self.tr("JSON (*.json)")])
        dialog.selectFile(f"donations-{campaign.id}.csv")
        dialog.fileSelected.connect(
            lambda path: spawn(self.export_to(Path(path), campaign), self._on_failed_exc)
        )
        dialog.open()

    async def export_to(self, path: Path, campaign: CampaignRecord) -> int:
        """Export with a progress dialog; the file appears only once complete."""
        assert self.service is not None
        fmt = "json" if path.suffix.lower() == ".json" else "csv"
        total = max(1, self.live.stats.donation_count)
        progress = QProgressDialog(self.tr("Exporting donations…"), self.tr("Hide"), 0, total, self)
        progress.setObjectName("exportProgress")
        progress.setMinimumDuration(300)
        loop = asyncio.get_running_loop()

        def report(rows: int) -> None:
            loop.call_soon_threadsafe(progress.setValue, min(rows, total))

        def write() -> int:
            tmp = path.with_name(f".{path.name}.part")
            try:
                with tmp.open("w", encoding="utf-8", newline="") as out:
                    count = self.service.export_donations(campaign.id, fmt, out, report)  # type: ignore[union-attr]
                tmp.replace(path)
            finally:
                with contextlib.suppress(OSError):
                    tmp.unlink()
            return count

        try:
            count = await self.runner.call(write)
        finally:
            progress.close()
        self.statusBar().showMessage(
            self.tr("%1 donations exported to %2").replace("%1", str(count)).replace(
                "%2", str(path)), 8000)  # fmt: skip
        return count

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
        self.status_save.setText(self.tr("Donations are not being saved: %1").replace("%1", reason))

    @Slot()
    def _on_live_saving_resumed(self) -> None:
        self._saving_outage = False
        if self._saving_box is not None:
            self._saving_box.close()
            self._saving_box = None
        self.status_save.setText(self.tr("Every donation shown is saved"))
        self.statusBar().showMessage(self.tr("Saving works again: no donation was lost."), 8000)

    def _on_failed_exc(self, exc: BaseException) -> None:
        if isinstance(exc, LiveGivingError):
            self._show_error(self.tr("This cannot be done"), user_message(exc))
        else:
            self._show_error(
                self.tr("Something went wrong"),
                self.tr("%1\n\nThe details are in the log: %2").replace(
                    "%1", user_message(exc)).replace("%2", str(config.log_path())),
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
            self.resize(1440, 900)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closed:
            event.accept()
            return
        event.ignore()
        if self._saving_outage and not self._quit_anyway:
            self._ask_quit_during_outage()
            return
        # Commit what the audience sent before closing, off the UI thread.
        self.status_save.setText(self.tr("Saving the last donations…"))
        spawn(self._close_async(), lambda exc: self._finish_close())

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
                self.close()

        box.finished.connect(decided)
        box.open()

    async def _close_async(self) -> None:
        await self.live.close_campaign()
        await self.event_view.close_campaign()
        self._finish_close()

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
        self.runner.shutdown()
        if self.service is not None:
            self.service.close()
