"""Start-up: how long until a creator sees the window, and the campaigns in it, and how long a
CLI command takes; each beside a baseline measured in the same run. Prints one JSON object.

Every figure is the median of `--runs` fresh processes (default 5), timed by this script from
the moment it starts the process until the process says so on its stdout, so the interpreter's
own start is included, as a user lives it:
- `bare_window_ms` (baseline): a bare PySide6 window (a QMainWindow with one label) shown and
  painted once.
- `bare_qasync_window_ms` (the floor of an asyncio window): the same bare window, with asyncio
  and qasync imported first, as the app needs them.
- `first_paint_ms`: the main window of `livegiving --db FILE --lang en` (the command line's
  parsers and logging, then the window) painted for the first time: its frame, in the theme's
  colours with the app's name, before the rest of the window is imported (issue 19's target:
  <= 1.5 x the bare window).
- `content_painted_ms`: the same window's content (the home page saying "Opening the
  database…", the menus, the status bar) painted for the first time.
- `home_ready_ms`: the home screen painted with the database's campaigns listed (target <=
  500 ms).
- `python_pass_ms` (baseline): `python -c pass`.
- `python_sqlalchemy_ms` (the floor of a command that reads the database): `python -c "import
  sqlalchemy.orm"`, what the ledger's models need.
- `cli_campaigns_list_ms`: `livegiving --db FILE campaigns list` (target <= 200 ms).
- `cli_help_ms`: `livegiving --help` (no SQLAlchemy).
- `import_main_window_ms`: importing `livegiving_desktop.ui.main_window` alone, for the record.

`targets` puts each target beside its figure and the baseline of the same run. The runs are
interleaved, so that a busy moment of the machine hits both sides.

    QT_QPA_PLATFORM=offscreen python benchmarks/startup.py [--runs 5] [--campaigns 20]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BARE = r"""
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

app = QApplication([])
window = QMainWindow()
window.setCentralWidget(QLabel("LiveGiving"))
window.resize(1280, 760)


class Painted(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print("painted", flush=True)
            QTimer.singleShot(0, app.quit)
        return False


painted = Painted()
window.installEventFilter(painted)
window.show()
app.exec()
"""

# `livegiving --db FILE --lang en` as a user starts it (the command line's parsers, logging,
# then the window), with the window's class swapped for one that says when it paints.
APP = r"""
import os
import sys

import livegiving_desktop.app as app_module
from PySide6.QtCore import QEvent, QObject, QTimer


class Painted(QObject):
    # "painted" at the window's first paint (its frame); "content" at the first paint of its
    # content (the home page, the menus); "home" when the home page paints its campaigns (the
    # list shown, not only filled).

    said = False
    content = False

    def __init__(self, window):
        super().__init__()
        self.window = window

    def eventFilter(self, watched, event):
        if event.type() != QEvent.Type.Paint:
            return False
        w = self.window
        built = hasattr(w, "home")
        if watched is w and not self.said:
            self.said = True
            print("painted", flush=True)
        if watched is w and built and not self.content:
            self.content = True
            print("content", flush=True)
        elif built and watched is w.home and w.home.model.rowCount() and (
            w.stack.currentWidget() is w.home
        ):
            print("home", flush=True)
            QTimer.singleShot(0, lambda: os._exit(0))  # closing is not part of the start
        return False


class ProbedWindow(app_module.MainWindow):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)  # the frame alone: `livegiving` builds the rest after it
        self.painted_probe = Painted(self)
        self.installEventFilter(self.painted_probe)

    def build(self):
        super().build()
        self.home.installEventFilter(self.painted_probe)


app_module.MainWindow = ProbedWindow
from livegiving_desktop.cli import main  # noqa: E402

main(["--db", sys.argv[1], "--lang", "en"])
"""


def _timed(argv: list[str], env: dict[str, str], marks: tuple[str, ...]) -> dict[str, float]:
    """Start `argv`; the time (ms) each of `marks` appears on its stdout, or its exit."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env,
                            text=True)  # fmt: skip
    seen: dict[str, float] = {}
    assert proc.stdout is not None
    for line in proc.stdout:
        word = line.strip()
        if word in marks and word not in seen:
            seen[word] = (time.perf_counter() - start) * 1000
    proc.wait(timeout=120)
    if "exit" in marks:
        seen["exit"] = (time.perf_counter() - start) * 1000
    missing = [m for m in marks if m not in seen]
    if missing or proc.returncode != 0:
        raise SystemExit(f"{argv[:3]}: exit {proc.returncode}, never said {missing}")
    return seen


def _median(values: list[float]) -> float:
    return round(statistics.median(values), 1)


def _prepare(folder: Path, campaigns: int) -> str:
    from livegiving_desktop.core.campaigns import fundraiser_spec
    from livegiving_desktop.services.ledger import LedgerService

    path = str(folder / "startup.db")
    service = LedgerService.open(path)
    try:
        for i in range(campaigns):
            spec = fundraiser_spec(
                title=f"Start-up {i}", organization_id="croix-rouge-francaise", goal="1000",
                currency="EUR", catalog=service.catalog,
            )  # fmt: skip
            service.create_campaign(spec)
    finally:
        service.close()
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--campaigns", type=int, default=20)
    args = parser.parse_args()
    py = sys.executable
    livegiving = str(Path(py).with_name("livegiving"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
                   LIVEGIVING_DATA_DIR=str(folder / "userdata"))  # fmt: skip
        env.pop("LIVEGIVING_DB", None)
        (folder / "userdata").mkdir()
        # Any free port for the window's overlay server; 7580 may be taken on this machine.
        (folder / "userdata" / "settings.ini").write_text("[overlays]\nport=0\n")
        db = _prepare(folder, args.campaigns)
        runs: dict[str, list[float]] = {k: [] for k in (
            "bare_window_ms", "bare_qasync_window_ms", "first_paint_ms", "content_painted_ms",
            "home_ready_ms",
            "python_pass_ms", "python_sqlalchemy_ms", "cli_campaigns_list_ms", "cli_help_ms",
            "import_main_window_ms")}  # fmt: skip
        for _ in range(args.runs):  # interleaved, so that a busy moment hits both sides
            runs["bare_window_ms"].append(_timed([py, "-c", BARE], env, ("painted",))["painted"])
            runs["bare_qasync_window_ms"].append(
                _timed([py, "-c", "import qasync\n" + BARE], env, ("painted",))["painted"]
            )
            app = _timed([py, "-c", APP, db], env, ("painted", "content", "home"))
            runs["first_paint_ms"].append(app["painted"])
            runs["content_painted_ms"].append(app["content"])
            runs["home_ready_ms"].append(app["home"])
            runs["python_pass_ms"].append(_timed([py, "-c", "pass"], env, ("exit",))["exit"])
            runs["python_sqlalchemy_ms"].append(
                _timed([py, "-c", "import sqlalchemy.orm"], env, ("exit",))["exit"]
            )
            runs["cli_campaigns_list_ms"].append(
                _timed([livegiving, "--db", db, "campaigns", "list"], env, ("exit",))["exit"]
            )
            runs["cli_help_ms"].append(_timed([livegiving, "--help"], env, ("exit",))["exit"])
            runs["import_main_window_ms"].append(
                _timed([py, "-c", "import livegiving_desktop.ui.main_window"], env, ("exit",))[
                    "exit"
                ]
            )
    out: dict[str, Any] = {k: _median(v) for k, v in runs.items()}
    out["runs"] = args.runs
    out["load_average"] = [round(x, 2) for x in os.getloadavg()]
    out["first_paint_vs_bare"] = round(out["first_paint_ms"] / out["bare_window_ms"], 2)
    out["targets"] = {
        "first_paint": {
            "ms": out["first_paint_ms"], "baseline_bare_window_ms": out["bare_window_ms"],
            "ratio": out["first_paint_vs_bare"], "target": "<= 1.5 x the bare window",
            "floor_bare_qasync_window_ms": out["bare_qasync_window_ms"],
            "met": out["first_paint_vs_bare"] <= 1.5,
        },
        "home_ready": {
            "ms": out["home_ready_ms"], "baseline_bare_window_ms": out["bare_window_ms"],
            "target": "<= 500 ms", "met": out["home_ready_ms"] <= 500,
        },
        "cli_campaigns_list": {
            "ms": out["cli_campaigns_list_ms"], "baseline_python_pass_ms": out["python_pass_ms"],
            "floor_python_sqlalchemy_ms": out["python_sqlalchemy_ms"],
            "target": "<= 200 ms", "met": out["cli_campaigns_list_ms"] <= 200,
        },
    }  # fmt: skip
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
