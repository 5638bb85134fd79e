"""Starts the Qt application on the asyncio loop (qasync)."""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import signal
import sys
from typing import NoReturn

# The plain-Python modules that the first frame needs, before PySide6: its import hook reads
# the source of every module imported after it (to find `from __feature__ import`), ~0.2 ms
# a module (issue 19). The core's other modules come after the frame, with the home page.
import livegiving_desktop.core.errors
import livegiving_desktop.core.kinds
import livegiving_desktop.core.resources
import livegiving_desktop.services.config  # noqa: F401

os.environ.setdefault("QT_API", "pyside6")  # qasync and qtawesome pick PySide6 (qasync #23)

from PySide6.QtCore import QEventLoop, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QWidget

from livegiving_desktop.cli_signals import WINDOW_SIGNALS, held_signal
from livegiving_desktop.services import config
from livegiving_desktop.ui.common.i18n import install_translators, system_language
from livegiving_desktop.ui.main_window import MainWindow, app_settings
from livegiving_desktop.ui.theme import (
    FUSION_AT_START,
    apply_theme,
    follow_the_system,
    remembered_system_dark,
)

# The window's first frame paints before asyncio, qasync, the home page and the menus are
# imported (`run_app`); a window that never paints (started minimised) waits no longer.
FIRST_FRAME_WAIT_MS = 300

log = logging.getLogger("livegiving.app")
qt_log = logging.getLogger("livegiving.qt")
_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


# Qt's messages while QApplication is made (`create_application`), None after.
_while_opening: list[str] | None = None


def _qt_message(kind: QtMsgType, _context: object, message: str) -> None:
    qt_log.log(_LEVELS.get(kind, logging.INFO), "%s", message)
    if _while_opening is None:
        return
    _while_opening.append(message)
    if kind == QtMsgType.QtFatalMsg:
        _cannot_open_the_screen(_while_opening)


def _cannot_open_the_screen(messages: list[str]) -> NoReturn:
    """Qt found no screen it could open (a DISPLAY that does not answer: a closed SSH -X
    session, a stale terminal multiplexer; a missing system library): it would abort with a
    wall of its own text about plugins (exit 134, "Aborted"). Said in one sentence instead,
    Qt's own text in the log; exit 1, as with no screen at all (cli._no_screen)."""
    display = os.environ.get("DISPLAY")
    if display and any("could not connect to display" in m for m in messages):
        problem = f"the screen named by DISPLAY ({display}) does not answer"
    else:
        problem = "Qt could not open this screen"
    written = config.active_log()
    where = f"Qt's reasons are in {written}" if written else "Qt's reasons could not be logged"
    print(
        f"livegiving: {problem}; {where}. Start it from a desktop session, or over SSH with"
        " -X; the commands work anywhere (livegiving --help).",
        file=sys.stderr,
        flush=True,
    )
    log.error("the window cannot open: %s", problem)
    logging.shutdown()
    os._exit(1)  # Qt aborts the process as soon as this handler returns


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with its names and Qt's messages routed into logging."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    # Fractional scale factors (150 %) as they are, said through Qt's environment variable
    # (a desktop's own setting of it still wins): the API's enum, Qt.HighDpiScaleFactor-
    # RoundingPolicy, would build the whole Qt namespace's enums (~20 to 45 ms) before the
    # first frame.
    os.environ.setdefault("QT_SCALE_FACTOR_ROUNDING_POLICY", "PassThrough")
    # The Fusion style from the command line (Qt reads and removes `-style`): made in C++,
    # with no Python wrapper before the first paint (theme.apply_theme knows).
    global _while_opening  # noqa: PLW0603 - Qt's messages while it opens the screen
    qInstallMessageHandler(_qt_message)
    _while_opening = []
    try:
        app = QApplication([*(argv if argv is not None else sys.argv[:1]), "-style", "Fusion"])
    finally:
        _while_opening = None
    app.setProperty(FUSION_AT_START, True)
    app.setApplicationName("LiveGiving Desktop")
    app.setOrganizationName("LiveGiving")
    app.setApplicationVersion(__import__("livegiving_desktop").__version__)
    return app


def prepare(app: QApplication, lang: str | None) -> str:
    """Language (option, else the saved choice, else the system's), the theme, and what a
    screen reader needs."""
    language = prepare_first_frame(app, lang)
    prepare_after_first_frame(app)
    return language


def prepare_first_frame(app: QApplication, lang: str | None) -> str:
    """What the window's first frame needs: the language and the theme (in the desktop's
    colours as last seen: asking the desktop costs more than the rest of the frame)."""
    saved = app_settings().value("language")
    language = install_translators(app, lang or (str(saved) if saved else system_language()))
    apply_theme(app, system_dark=remembered_system_dark())
    hints = app.styleHints()
    if hints is not None:
        # The desktop turned dark or light: the theme follows, remembered for the next frame.
        hints.colorSchemeChanged.connect(lambda _scheme: follow_the_system(app))
    return language  # the window's icon: drawn after the first paint (draw_deferred_icons)


def prepare_after_first_frame(app: QApplication) -> None:
    """The desktop's colours asked (the theme applied again if they changed since the last
    start), screen-reader support and the announcements chosen (before the window's
    content)."""
    from livegiving_desktop.ui.common import accessibility
    from livegiving_desktop.ui.common.accessibility import AnnouncementLevel
    from livegiving_desktop.ui.settings import ANNOUNCEMENTS, AppSettings

    follow_the_system(app)
    accessibility.install()
    chosen = AppSettings().store.value(ANNOUNCEMENTS)
    accessibility.set_level(
        AnnouncementLevel(chosen) if chosen in set(AnnouncementLevel) else AnnouncementLevel.ALL
    )


def paint_first_frame(window: MainWindow) -> None:
    """Show the window's frame and let it paint (at most FIRST_FRAME_WAIT_MS), before the rest
    of the window is imported and built."""
    wait = QEventLoop()
    window.framePainted.connect(wait.quit)
    # A timer of this call's own (deleted on return), not QTimer.singleShot, whose timer has no
    # parent and outlives the call (MainWindow.__init__ says why that is dangerous).
    enough = QTimer()
    enough.setSingleShot(True)
    enough.timeout.connect(wait.quit)
    enough.start(FIRST_FRAME_WAIT_MS)
    window.show()
    if not window.frame_painted():
        wait.exec()
    window.framePainted.disconnect(wait.quit)


def _quit_on_signals(window: QWidget) -> None:
    """Ctrl+C in the terminal that started the app, SIGTERM (the session ending, `kill`) or
    SIGHUP (that terminal closed): the window quits as its Quit does, without a question
    (MainWindow.quit_unattended), where Python's own handling did nothing until the next
    Python code ran (Ctrl+C) or ended the process at once, the seat still shown on duty for
    15 s (SIGTERM, SIGHUP). The loop's handler wakes Qt's event loop through its self-pipe."""
    import asyncio

    loop = asyncio.get_running_loop()

    def on_signal(number: int) -> None:
        log.info("quitting: %s", signal.Signals(number).name)
        quit_unattended = getattr(window, "quit_unattended", None)
        (quit_unattended or window.close)()

    for number in WINDOW_SIGNALS:
        if signal.getsignal(number) is signal.SIG_IGN:
            continue  # `nohup livegiving`, or started in the background: meant to go on
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(number, on_signal, number)
    held = held_signal()  # one came while the window started (cli_signals.hold_signals)
    if held is not None:
        loop.call_soon(on_signal, held)


def run_app(*, db: str | None, demo: bool, lang: str | None, moderator: bool = False) -> int:
    """`livegiving [--demo] [--lang en|fr] [--db URL] [--moderator]`: the main window (or, with
    --moderator, the moderation console alone) until it closes. The main window's first frame
    is painted before asyncio, qasync and the rest of the window are imported (issue 19)."""
    try:
        app = create_application()
        language = prepare_first_frame(app, lang)
        url = db or config.default_database()
        frame = None
        if not moderator:
            frame = MainWindow(db_url=url, language=language, demo=demo, first_frame=True)
            paint_first_frame(frame)
            held = held_signal()
            if held is not None:  # Ctrl+C, SIGTERM or SIGHUP on the first frame
                log.info("quitting: %s", held.name)
                frame.close()
            if frame.is_closed():  # closed on its first frame: nothing was opened
                gc.enable()
                return 0
        prepare_after_first_frame(app)
        import asyncio

        import qasync
    except BaseException:
        gc.enable()
        raise

    async def main() -> int:
        window: QWidget
        if frame is None:
            from livegiving_desktop.ui.common.widgets import APP_ICON, icon
            from livegiving_desktop.ui.moderation.window import open_console_only

            app.setWindowIcon(icon(*APP_ICON))
            window = open_console_only(url, "fr_FR" if language == "fr" else "en", app_settings())
        else:
            frame.build()
            window = frame
        closed = asyncio.get_running_loop().create_future()

        def on_last_window_closed() -> None:
            if not closed.done():
                closed.set_result(0)

        app.lastWindowClosed.connect(on_last_window_closed)
        _quit_on_signals(window)
        window.show()
        # Collection was off from the command line's start of the window (cli._run_gui); the
        # window (MainWindow.build, open_console_only) collects on the UI thread from now on.
        await closed
        return 0

    try:
        return int(qasync.run(main()))
    except asyncio.CancelledError:
        return 0
