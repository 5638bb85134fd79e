"""The window paints first, then loads (issue 19): the home list says it is loading while the
database thread opens the database, then lists the campaigns; nothing can be created before
there is a ledger to create it in; a database that cannot be opened is said on the home
screen, not left loading."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QListView, QMessageBox, QPushButton
from tests.gui.conftest import find

from livegiving_desktop.core.campaigns import fundraiser_spec
from livegiving_desktop.services.ledger import LedgerService
from livegiving_desktop.testing import window_on


def _night_shift(url: str) -> None:
    """One fundraiser, "Night shift", in the ledger at `url`."""
    service = LedgerService.open(url)
    try:
        spec = fundraiser_spec(title="Night shift", organization_id="croix-rouge-francaise",
                               goal="1000", currency="EUR", catalog=service.catalog)  # fmt: skip
        service.create_campaign(spec)
    finally:
        service.close()


def test_the_home_list_says_it_loads_then_lists_the_campaigns(
    qtbot: Any, qapp: Any, livegiving_db_url: str
) -> None:
    _night_shift(livegiving_db_url)
    with window_on(qtbot, qapp, livegiving_db_url, wait_ready=False) as window:
        # Shown, before the first turn of the loop: the database is not opened yet.
        loading = find(window, QLabel, "homeLoading")
        new = find(window, QPushButton, "newCampaign")
        assert loading.isVisible() and loading.text() == "Opening the database…"
        assert loading.accessibleName() == "Opening the database…"
        assert window.service is None
        assert not new.isEnabled()  # nothing to create it in yet
        qtbot.waitUntil(lambda: window.home.model.rowCount() == 1, timeout=15_000)
        assert not loading.isVisible()
        campaigns = find(window, QListView, "campaignList")
        assert campaigns.isVisible()
        assert "Night shift" in campaigns.model().index(0, 0).data()
        qtbot.waitUntil(new.isEnabled, timeout=15_000)  # once the ledger is attached
        assert window.service is not None
        qtbot.waitUntil(window.is_ready, timeout=15_000)


def test_the_list_is_read_from_the_file_before_the_database_opens(
    qtbot: Any, qapp: Any, livegiving_db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A SQLite file at the current schema: the campaigns are listed (sqlite3 alone, no
    SQLAlchemy) while the full open still waits; nothing that writes works until it is done."""
    from livegiving_desktop.ui import main_window

    _night_shift(livegiving_db_url)
    release = threading.Event()
    full_open = main_window._open_and_list

    def held(*args: Any) -> Any:
        assert release.wait(30)
        return full_open(*args)

    monkeypatch.setattr(main_window, "_open_and_list", held)
    with window_on(qtbot, qapp, livegiving_db_url, wait_ready=False) as window:
        try:
            qtbot.waitUntil(lambda: window.home.model.rowCount() == 1, timeout=15_000)
            campaigns = find(window, QListView, "campaignList")
            assert campaigns.isVisible()
            assert "Night shift" in campaigns.model().index(0, 0).data()
            assert window.service is None  # the database is not opened yet
            for name in ("newCampaign", "openCampaign", "archiveCampaign", "duplicateCampaign"):
                assert not find(window, QPushButton, name).isEnabled(), name
            campaigns.activated.emit(campaigns.model().index(0, 0))  # Enter: nothing yet
            assert window.stack.currentWidget() is window.home
        finally:
            release.set()
        qtbot.waitUntil(window.is_ready, timeout=15_000)
        for name in ("newCampaign", "openCampaign", "archiveCampaign", "duplicateCampaign"):
            assert find(window, QPushButton, name).isEnabled(), name


def test_a_database_that_cannot_be_opened_is_said_on_the_home_screen(
    qtbot: Any, qapp: Any, livegiving_db_url: str, tmp_path: Path
) -> None:
    bad = tmp_path / "notes.db"
    bad.write_text("shopping list\n", encoding="utf-8")
    with window_on(qtbot, qapp, str(bad), wait_ready=False) as window:
        qtbot.waitUntil(window.is_ready, timeout=15_000)
        loading = find(window, QLabel, "homeLoading")
        assert loading.isVisible() and loading.text() == "The database could not be opened"
        assert not find(window, QPushButton, "newCampaign").isEnabled()
        box = window.findChild(QMessageBox, "errorMessage")
        assert box is not None and box.isVisible()
        assert "Traceback" not in box.text()


def test_a_language_switch_while_loading_keeps_the_home_loading(
    qtbot: Any, qapp: Any, livegiving_db_url: str
) -> None:
    from livegiving_desktop.app import prepare

    service = LedgerService.open(livegiving_db_url)
    try:
        spec = fundraiser_spec(title="Veillée", organization_id="croix-rouge-francaise",
                               goal="1000", currency="EUR", catalog=service.catalog)  # fmt: skip
        service.create_campaign(spec)
    finally:
        service.close()
    try:
        with window_on(qtbot, qapp, livegiving_db_url, wait_ready=False) as window:
            window.set_language("fr")  # before the database has opened
            assert window.home.is_loading()
            assert not find(window, QPushButton, "newCampaign").isEnabled()
            qtbot.waitUntil(lambda: window.home.model.rowCount() == 1, timeout=15_000)
            assert not window.home.is_loading()
            text = find(window, QListView, "campaignList").model().index(0, 0).data()
            assert "Veillée" in text and "0,00\u00a0€" in text  # listed in French
            qtbot.waitUntil(window.is_ready, timeout=15_000)
    finally:
        prepare(qapp, "en")


def test_the_app_is_made_with_the_fusion_style_whatever_the_desktop_asks() -> None:
    """Fusion is given on QApplication's command line (so that no Python wrapper of the style
    is built before the first paint); a desktop's QT_STYLE_OVERRIDE does not replace it."""
    code = (
        "from livegiving_desktop.app import create_application\n"
        "app = create_application(['livegiving'])\n"
        "print(app.style().name(), app.arguments())\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_STYLE_OVERRIDE": "windows"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=60, env=env)  # fmt: skip
    assert out.stdout.split()[0] == "fusion"
    assert "-style" not in out.stdout  # Qt took it off the arguments


def test_garbage_collection_is_back_on_once_the_window_is_shown(tmp_path: Path) -> None:
    """`livegiving` pauses the garbage collector while it imports and builds the window
    (cli._run_gui), its first frame included, and turns it back on once the window is shown
    whole: on the UI thread alone (ui/common/collector.py), not CPython's automatic one."""
    code = """
import gc, os, sys
import livegiving_desktop.app as app_module
from PySide6.QtCore import QEvent, QObject
def collecting():
    if gc.isenabled():
        return "automatic"
    collector = sys.modules.get("livegiving_desktop.ui.common.collector")
    running = collector is not None and collector.UiThreadCollector.open_count > 0
    return "ui-thread" if running else "paused"
class Painted(QObject):
    def __init__(self, window):
        super().__init__()
        self.window = window
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            what = "content" if hasattr(self.window, "home") else "frame"
            print(what, collecting(), flush=True)
            if what == "content":
                os._exit(0)
        return False
class Window(app_module.MainWindow):
    def __init__(self, **kwargs):
        print("building", collecting(), flush=True)
        super().__init__(**kwargs)
        self.painted = Painted(self)
        self.installEventFilter(self.painted)
app_module.MainWindow = Window
from livegiving_desktop.cli import main
main(["--db", sys.argv[1], "--lang", "en"])
"""
    (tmp_path / "settings.ini").write_text("[overlays]\nport=0\n", encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LIVEGIVING_DATA_DIR": str(tmp_path)}
    env.pop("LIVEGIVING_DB", None)
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "ledger.db")],
                         capture_output=True, text=True, check=True, timeout=120,
                         env=env)  # fmt: skip
    assert out.stdout.split() == ["building", "paused", "frame", "paused", "content", "ui-thread"]
