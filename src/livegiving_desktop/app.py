"""Starts the Qt application on the asyncio loop (qasync)."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import os
import signal
import sys

# The plain-Python modules that the first screen needs, before PySide6: its import hook reads
# the source of every module imported after it (to find `from __feature__ import`), ~0.2 ms
# a module (issue 19).
import livegiving_desktop.core.campaigns
import livegiving_desktop.core.goals
import livegiving_desktop.core.team
import livegiving_desktop.services.config
import livegiving_desktop.services.failures  # noqa: F401

os.environ.setdefault("QT_API", "pyside6")  # qasync and qtawesome pick PySide6 (qasync #23)

import qasync
from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from livegiving_desktop.services import config
from livegiving_desktop.ui import settings
from livegiving_desktop.ui.common import accessibility
from livegiving_desktop.ui.common.accessibility import AnnouncementLevel
from livegiving_desktop.ui.common.i18n import install_translators, system_language
from livegiving_desktop.ui.common.widgets import APP_ICON, icon
from livegiving_desktop.ui.main_window import MainWindow, app_settings
from livegiving_desktop.ui.settings import AppSettings
from livegiving_desktop.ui.theme import FUSION_AT_START, apply_theme

log = logging.getLogger("livegiving.app")
qt_log = logging.getLogger("livegiving.qt")
_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(kind: QtMsgType, _context: object, message: str) -> None:
    qt_log.log(_LEVELS.get(kind, logging.INFO), "%s", message)


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with its names and Qt's messages routed into logging."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        QGuiApplication.highDpiScaleFactorRoundingPolicy().PassThrough
    )
    # The Fusion style from the command line (Qt reads and removes `-style`): made in C++,
    # with no Python wrapper before the first paint (theme.apply_theme knows).
    app = QApplication([*(argv if argv is not None else sys.argv[:1]), "-style", "Fusion"])
    app.setProperty(FUSION_AT_START, True)
    app.setApplicationName("LiveGiving Desktop")
    app.setOrganizationName("LiveGiving")
    app.setApplicationVersion(__import__("livegiving_desktop").__version__)
    qInstallMessageHandler(_qt_message)
    return app


def prepare(app: QApplication, lang: str | None) -> str:
    """Language (option, else the saved choice, else the system's) and the theme."""
    saved = app_settings().value("language")
    language = install_translators(app, lang or (str(saved) if saved else system_language()))
    apply_theme(app)
    accessibility.install()
    chosen = AppSettings().store.value(settings.ANNOUNCEMENTS)
    accessibility.set_level(
        AnnouncementLevel(chosen) if chosen in set(AnnouncementLevel) else AnnouncementLevel.ALL
    )
    hints = app.styleHints()
    if hints is not None:
        hints.colorSchemeChanged.connect(lambda _scheme: apply_theme(app))
    return language  # the window's icon: drawn after the first paint (draw_deferred_icons)


def _quit_on_signals(window: QWidget) -> None:
    """Ctrl+C in the terminal that started the app, SIGTERM (the session ending, `kill`) or
    SIGHUP (that terminal closed): the window quits as its Quit does, without a question
    (MainWindow.quit_unattended), where Python's own handling did nothing until the next
    Python code ran (Ctrl+C) or ended the process at once, the seat still shown on duty for
    15 s (SIGTERM, SIGHUP). The loop's handler wakes Qt's event loop through its self-pipe."""
    loop = asyncio.get_running_loop()

    def on_signal(number: int) -> None:
        log.info("quitting: %s", signal.Signals(number).name)
        quit_unattended = getattr(window, "quit_unattended", None)
        (quit_unattended or window.close)()

    for number in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        if signal.getsignal(number) is signal.SIG_IGN:
            continue  # `nohup livegiving`, or started in the background: meant to go on
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(number, on_signal, number)


def run_app(*, db: str | None, demo: bool, lang: str | None, moderator: bool = False) -> int:
    """`livegiving [--demo] [--lang en|fr] [--db URL] [--moderator]`: the main window (or, with
    --moderator, the moderation console alone) until it closes."""
    try:
        app = create_application()
        language = prepare(app, lang)
    except BaseException:
        gc.enable()
        raise
    url = db or config.default_database()

    async def main() -> int:
        if moderator:
            from livegiving_desktop.ui.moderation.window import open_console_only

            app.setWindowIcon(icon(*APP_ICON))
        window: QWidget = (
            open_console_only(url, "fr_FR" if language == "fr" else "en", app_settings())
            if moderator
            else MainWindow(db_url=url, language=language, demo=demo)
        )
        closed = asyncio.get_running_loop().create_future()

        def on_last_window_closed() -> None:
            if not closed.done():
                closed.set_result(0)

        app.lastWindowClosed.connect(on_last_window_closed)
        _quit_on_signals(window)
        window.show()
        gc.enable()  # off from the command line's start of the window (cli._run_gui)
        await closed
        return 0

    try:
        return int(qasync.run(main()))
    except asyncio.CancelledError:
        return 0
