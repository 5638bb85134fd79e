"""The main window's actions, each with its shortcut and its place in the menus (File,
Broadcast, View, Help), and which of them may act on the screen shown."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication

from livegiving_desktop.ui.common import accessibility
from livegiving_desktop.ui.common.accessibility import AnnouncementLevel
from livegiving_desktop.ui.common.widgets import themed_icon
from livegiving_desktop.ui.settings import ANNOUNCEMENTS
from livegiving_desktop.ui.theme import theme_actions

if TYPE_CHECKING:
    from livegiving_desktop.ui.fundraiser.page import FundraiserPage
    from livegiving_desktop.ui.main_window import MainWindow
    from livegiving_desktop.ui.paid_event.page import EventPage

Keys = str | QKeySequence.StandardKey


class WindowActions(QObject):
    """Built once for a window: `act_*` are its QActions (object names in docs/automation.md)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        w = window

        def action(text: str, name: str, shortcut: Keys, slot: Callable[[], object],
                   icon_name: str | None = None) -> QAction:  # fmt: skip
            made = QAction(text, w)
            made.setObjectName(name)
            made.setShortcut(QKeySequence(shortcut))
            if icon_name:
                themed_icon(made, icon_name)
            made.triggered.connect(slot)
            w.addAction(made)
            return made

        self.act_new = action(self.tr("&New campaign"), "actionNewCampaign", "Ctrl+N",
                              w.new_campaign, "mdi6.plus-circle")  # fmt: skip
        self.act_home = action(self.tr("&Campaigns"), "actionHome", "Ctrl+H", w.go_home,
                               "mdi6.view-list")  # fmt: skip
        self.act_export = action(self.tr("&Export donations…"), "actionExport", "Ctrl+Shift+E",
                                 w.export_shown, "mdi6.file-export")  # fmt: skip
        self.act_quit = action(
            self.tr("&Quit"), "actionQuit", QKeySequence.StandardKey.Quit, w.close
        )
        self.act_go_live = action(self.tr("&Go live"), "actionGoLive", "Ctrl+L",
                                  w.go_live_shown, "mdi6.broadcast")  # fmt: skip
        self.act_end = action(self.tr("&End broadcast"), "actionEndBroadcast", "Ctrl+E",
                              w.end_shown, "mdi6.stop-circle")  # fmt: skip
        self.act_thank = action(self.tr("&Thank selected donor"), "actionThankDonor", "Ctrl+T",
                                w.thank_selected, "mdi6.heart")  # fmt: skip
        self.act_thank_all = action(self.tr("Thank &all in the queue"), "actionThankAll",
                                    "Ctrl+Shift+T", w.thank_all)  # fmt: skip
        self.act_offline = action(self.tr("Add &offline donation…"), "actionAddOfflineDonation",
                                  "Ctrl+D", w.add_offline_donation, "mdi6.cash-plus")  # fmt: skip
        self.act_pause = action(self.tr("&Pause or resume the audience"), "actionPause", "Ctrl+P",
                                w.pause_shown)  # fmt: skip
        self.act_feed = action(self.tr("Focus the donor &feed"), "actionFocusFeed", "Ctrl+1",
                               w.focus_feed)  # fmt: skip
        self.act_moderation = action(self.tr("&Moderation console"), "openModeration", "Ctrl+M",
                                     w.show_moderation, "mdi6.shield-account")  # fmt: skip
        self.act_overlays = action(self.tr("OBS &overlays…"), "openOverlays", "Ctrl+Shift+O",
                                   w.show_overlays, "mdi6.layers-triple")  # fmt: skip
        self.act_en = action("English", "actionEnglish", "", lambda: w.set_language("en"))
        self.act_fr = action("Français", "actionFrench", "", lambda: w.set_language("fr"))
        languages = QActionGroup(self)
        for language_action in (self.act_en, self.act_fr):
            language_action.setCheckable(True)
            languages.addAction(language_action)
        self.act_about = action(
            self.tr("&About LiveGiving Desktop"), "actionAbout", "", w.show_about
        )
        self.act_diagnostics = action(
            self.tr("Copy &diagnostics"), "copyDiagnostics", "", w.copy_diagnostics_clicked,
            "mdi6.clipboard-text",
        )  # fmt: skip
        # A QAction has no accessible name of its own: its text and tips are what is read out.
        self.act_diagnostics.setStatusTip(
            self.tr("Copy the versions, the database and the end of the log for a bug report")
        )
        self.act_diagnostics.setToolTip(self.act_diagnostics.statusTip())
        self._build_menus()

    def _build_menus(self) -> None:
        bar = self.window.menuBar()
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
        broadcast.addAction(self.act_overlays)
        view = bar.addMenu(self.tr("&View"))
        self.language_menu = view.addMenu(self.tr("&Language"))
        self.language_menu.addAction(self.act_en)
        self.language_menu.addAction(self.act_fr)
        self.view_menu = view
        themes = view.addMenu(self.tr("&Theme"))
        app = QApplication.instance()
        if isinstance(app, QApplication):
            self.theme_actions = theme_actions(app, self.window)
            themes.addActions(self.theme_actions)
        announcements = view.addMenu(self.tr("&Announcements"))
        group = QActionGroup(self)
        for level, text, name in (
            (AnnouncementLevel.ALL, self.tr("Everything (donations summed up)"), "announceAll"),
            (AnnouncementLevel.IMPORTANT, self.tr("Milestones, notices and errors only"),
             "announceImportant"),
            (AnnouncementLevel.OFF, self.tr("Off"), "announceOff"),
        ):  # fmt: skip
            action = QAction(text, self.window)
            action.setObjectName(name)
            action.setCheckable(True)
            action.setChecked(accessibility.level() is level)
            action.triggered.connect(lambda _=False, chosen=level: self._set_announcements(chosen))
            group.addAction(action)
            announcements.addAction(action)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.act_diagnostics)
        help_menu.addAction(self.act_about)

    def add_page(self, page: FundraiserPage | EventPage) -> None:
        """A live view, once built: its buttons trigger the window's actions."""
        moderation = getattr(page, "moderation_button", None)
        if moderation is not None:
            moderation.clicked.connect(self.act_moderation.trigger)
        page.overlays_button.clicked.connect(self.act_overlays.trigger)

    def show_language(self, language: str) -> None:
        """The check mark on the language in use."""
        self.act_fr.setChecked(language == "fr")
        self.act_en.setChecked(language != "fr")

    def _set_announcements(self, level: AnnouncementLevel) -> None:
        """What the screen reader is told during a broadcast (remembered)."""
        accessibility.set_level(level)
        self.window.settings.setValue(ANNOUNCEMENTS, level.value)

    def update(self) -> None:
        """Each action is enabled when the control it stands for is, on the screen shown."""
        w = self.window
        shown_page = w.stack.currentWidget()
        live, event = w.live_pages_by_kind()
        on_live = live is not None and shown_page is live
        on_event = event is not None and shown_page is event
        page = event if on_event else live if on_live else None
        for action, button in (
            (self.act_go_live, page.go_live if page else None),
            (self.act_end, page.end if page else None),
            (self.act_pause, page.pause if page else None),
            (self.act_thank_all, live.thank_all if on_live and live else None),
            (self.act_offline, live.offline if on_live and live else None),
        ):
            action.setEnabled(button is not None and button.isEnabled())
        self.act_thank.setEnabled(on_live)
        self.act_export.setEnabled(page is not None and page.campaign is not None)
