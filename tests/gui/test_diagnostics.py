"""Help > Copy diagnostics: what a bug report needs, on the clipboard."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtGui import QAction, QGuiApplication
from tests.gui.conftest import find

from helpers.logs import app_log
from livegiving_desktop.db.engine import HEAD_REVISION


def test_copy_diagnostics_puts_the_report_on_the_clipboard(
    qtbot: Any, livegiving_window: Any, livegiving_db_url: str
) -> None:
    w = livegiving_window
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("")
    action = find(w, QAction, "copyDiagnostics")
    assert action in w.menuBar().actions()[-1].menu().actions()  # in the Help menu
    assert action.isEnabled() and action.text() and action.statusTip()
    with app_log():
        logging.getLogger("livegiving.test").warning("the line just before the report")
        action.trigger()
        qtbot.waitUntil(lambda: "LiveGiving Desktop" in clipboard.text(), timeout=10_000)
    text = clipboard.text()
    assert "Qt 6." in text and "PySide6 6." in text
    assert livegiving_db_url in text
    assert f"Schema revision: {HEAD_REVISION}" in text
    assert text.rstrip().endswith("the line just before the report")
    assert "clipboard" in w.statusBar().currentMessage()
