"""The app under the AT-SPI tests: the main window on a prepared database, driven by JSON
commands on stdin, one JSON answer per command on stdout.

    python tests/a11y/app_driver.py --db URL

Commands: {"do": "show", "screen": "live"} (answers the figures shown), {"do": "figures"} (the
figures shown now),
{"do": "donate", "donor": ..., "amount": ...} (through the offline donation dialog),
{"do": "error", "where": "offline"|"setup"}, {"do": "announce", "text": ..., "assertive": bool}
(Qt's own announcement, to check the probe hears one), {"do": "type", "name": ..., "text": ...}
(sets a shown field's text), {"do": "quit"}.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import threading
import traceback
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_API", "pyside6")

import scenes


def reply(payload: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(payload) + "\n")
    sys.stdout.flush()


async def donate(nav: scenes.Navigator, donor: str, amount: str) -> dict[str, Any]:
    from PySide6.QtWidgets import QDialogButtonBox

    await nav.show("offline-dialog")
    scenes.find("donationAmount").setText(amount)
    scenes.find("donorName").setText(donor)
    box = scenes.find("donationButtons")
    box.button(QDialogButtonBox.StandardButton.Ok).click()
    feed = scenes.find("donorFeed")
    await scenes.wait_for(
        lambda: donor in str(feed.model().index(0, 0).data() or ""), "the donation in the feed"
    )
    await asyncio.sleep(1.0)
    nav.current = "live"
    milestone = scenes.find("milestoneNotice")
    return {
        "feed": str(feed.model().index(0, 0).data()),
        "figures": scenes.figure_texts(),
        "milestone": milestone.text() if milestone is not None else "",
    }


async def error(nav: scenes.Navigator, where: str) -> dict[str, Any]:
    from PySide6.QtWidgets import QDialogButtonBox

    if where == "offline":
        await nav.show("offline-dialog")
        scenes.find("donationAmount").setText("twelve")
        scenes.find("donorName").setText("Zoë")
        scenes.find("donationButtons").button(QDialogButtonBox.StandardButton.Ok).click()
        name = "donationError"
    else:
        await nav.show("setup-fundraiser")
        scenes.find("campaignTitle").setText("")
        scenes.find("createCampaign").click()
        name = "setupError"
    await scenes.wait_for(lambda: scenes.find(name).text(), f"{name} to show")
    await asyncio.sleep(1.0)
    return {"error": scenes.find(name).text()}


def announce(window: Any, text: str, assertive: bool) -> dict[str, Any]:
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

    event = QAccessibleAnnouncementEvent(window, text)
    if assertive:
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    QAccessible.updateAccessibility(event)
    return {}


async def serve(db: str) -> int:
    from livegiving_desktop.ui.main_window import MainWindow

    loop = asyncio.get_running_loop()
    commands: asyncio.Queue[str] = asyncio.Queue()

    def read_stdin() -> None:
        for line in sys.stdin:
            loop.call_soon_threadsafe(commands.put_nowait, line)
        loop.call_soon_threadsafe(commands.put_nowait, '{"do": "quit"}')

    window = MainWindow(db_url=db, language="en")
    window.resize(1366, 768)
    window.show()
    await scenes.wait_for(window.is_ready, "the main window", timeout=60)
    prepared = scenes.Prepared(db, os.environ.get("LIVEGIVING_DATA_DIR", ""), 0, 0)
    nav = scenes.Navigator(window, prepared)
    threading.Thread(target=read_stdin, daemon=True).start()
    reply({"ready": True, "pid": os.getpid()})
    while True:
        command = json.loads(await commands.get())
        what = command.get("do")
        try:
            if what == "quit":
                break
            if what == "show":
                await nav.show(command["screen"])
                result: dict[str, Any] = {"figures": scenes.figure_texts()}
            elif what == "figures":
                result = {"figures": scenes.figure_texts()}
            elif what == "donate":
                result = await donate(nav, command["donor"], command["amount"])
            elif what == "error":
                result = await error(nav, command["where"])
            elif what == "type":
                scenes.find(command["name"]).setText(command["text"])
                await asyncio.sleep(0.5)
                result = {}
            elif what == "announce":
                result = announce(window, command["text"], bool(command.get("assertive")))
            else:
                raise ValueError(f"unknown command {what!r}")
            reply({"ok": True, **result})
        except Exception as exc:  # the test reads the failure, the app stays up
            reply({"ok": False, "error": f"{exc}", "trace": traceback.format_exc()})
    await nav.close_extras()
    window.shutdown_now()
    window.close()
    reply({"ok": True, "bye": True})
    return 0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    args = parser.parse_args()
    import qasync

    from livegiving_desktop.app import create_application, prepare

    app = create_application()
    prepare(app, "en")
    result: int = qasync.run(serve(args.db))
    del app
    return result


if __name__ == "__main__":
    sys.exit(main())
