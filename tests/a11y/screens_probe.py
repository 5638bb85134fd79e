"""Every screen at one screen size, offscreen: where each contract widget is and whether its
text fits, what Tab does, and (with --grab) a screenshot of each screen.

    python tests/a11y/screens_probe.py --screen 1366x768 [--scale 1.5] [--font-pt 14]
        [--keyboard] [--grab DIR --suffix NAME] --out report.json

Run in a process of its own: the screen size and QT_SCALE_FACTOR are set before Qt starts.
The main window and the moderation console are sized to the work area, the screen less a
panel and a title bar (WORK_AREA_MARGIN); dialogs keep their own size.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import scenes

WORK_AREA_MARGIN = 48 + 30  # a desktop panel and the window's title bar, in logical pixels
TOLERANCE = 1  # pixels of rounding


def configure_platform(screen: str, scale: float) -> None:
    width, height = (int(v) for v in screen.split("x"))
    config = Path(tempfile.mkdtemp(prefix="screen-")) / "screen.json"
    config.write_text(
        json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": width,
                                 "height": height, "logicalDpi": 96, "logicalBaseDpi": 96,
                                 "dpr": 1}]}),
        encoding="utf-8",
    )  # fmt: skip
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    if scale != 1:
        os.environ["QT_SCALE_FACTOR"] = f"{scale:g}"
    os.environ.setdefault("QT_API", "pyside6")


# -- layout ----------------------------------------------------------------------------------


def work_area() -> Any:
    from PySide6.QtGui import QGuiApplication

    area = QGuiApplication.primaryScreen().availableGeometry()
    return area.adjusted(0, 0, 0, -WORK_AREA_MARGIN)


def path_of(widget: Any) -> str:
    return widget.objectName() or type(widget).__name__


def visible_rect(widget: Any) -> tuple[Any, str]:
    """The part of `widget` (in its own coordinates) that its ancestors and the work area
    leave visible, and what clips it. A scroll area's viewport does not count: what it hides
    is reached by scrolling."""
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QAbstractScrollArea

    rect = QRect(QPoint(0, 0), widget.size())
    clipper = ""
    parent = None if widget.isWindow() else widget.parentWidget()
    while parent is not None:
        scroller = parent.parentWidget()
        if isinstance(scroller, QAbstractScrollArea) and scroller.viewport() is parent:
            return rect, clipper  # reachable by scrolling
        parent_rect = QRect(widget.mapFrom(parent, QPoint(0, 0)), parent.size())
        clipped = rect.intersected(parent_rect)
        if clipped != rect and not clipper:
            clipper = path_of(parent)
        rect = clipped
        parent = None if parent.isWindow() else parent.parentWidget()
    top = widget.window()
    origin = widget.mapTo(top, QPoint(0, 0))
    area = work_area()
    screen_rect = QRect(area.topLeft() - top.pos() - origin, area.size())
    on_screen = rect.intersected(screen_rect)
    if on_screen != rect and not clipper:
        clipper = "the screen"
    return on_screen, clipper


def text_problem(widget: Any) -> str:
    """Why the widget's text does not fit its geometry ('' when it fits)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractSpinBox,
        QComboBox,
        QLabel,
        QLineEdit,
    )

    from livegiving_desktop.ui.common.widgets import ElidedLabel, FigureLabel

    metrics = QFontMetrics(widget.font())
    from livegiving_desktop.ui.fundraiser.cards import RankingLabel

    if isinstance(widget, RankingLabel):
        # Painted in columns; a name past NAME_ROOM ends in "…" by design, the tooltip whole.
        needed = widget.minimumSizeHint().width()
        if needed > widget.width() + TOLERANCE:
            return f"the ranking needs {needed} px, has {widget.width()}"
        return ""
    if isinstance(widget, FigureLabel):
        # Drawn smaller to fit its card, by design, down to half its size.
        needed = metrics.horizontalAdvance(widget.text()) * FigureLabel.SMALLEST
        if needed > widget.contentsRect().width() + TOLERANCE:
            return f"text {widget.text()[:40]!r} needs {needed:.0f} px at half its size"
        return ""
    if isinstance(widget, ElidedLabel):
        # It gives way first, by design: what it shows must fit, and when it is cut its
        # tooltip and accessible name hold the whole text.
        shown = QLabel.text(widget)
        if shown != widget.text() and widget.toolTip() != widget.text():
            return f"text {widget.text()[:40]!r} is cut to {shown!r} without a tooltip"
        width = metrics.horizontalAdvance(shown)
        if width > widget.contentsRect().width() + TOLERANCE:
            return f"text {shown[:40]!r} needs {width} px, has {widget.contentsRect().width()}"
        return ""
    if isinstance(widget, QLabel):
        text = widget.text()
        if not text or (widget.pixmap() is not None and not widget.pixmap().isNull()):
            return ""
        cr = widget.contentsRect()
        rich = widget.textFormat() == Qt.TextFormat.RichText or Qt.mightBeRichText(text)
        if widget.wordWrap() or rich:
            needed = widget.heightForWidth(cr.width()) if widget.wordWrap() else -1
            if needed < 0:
                needed = widget.sizeHint().height()
            if needed > cr.height() + TOLERANCE:
                return f"text needs {needed} px of height, has {cr.height()}"
            if rich and not widget.wordWrap() and widget.sizeHint().width() > cr.width() + 1:
                return f"text needs {widget.sizeHint().width()} px, has {cr.width()}"
            return ""
        lines = text.split("\n")
        width = max(metrics.horizontalAdvance(line) for line in lines)
        height = metrics.height() * len(lines)
        if width > cr.width() + TOLERANCE or height > cr.height() + TOLERANCE:
            return f"text {text[:40]!r} needs {width}×{height}, has {cr.width()}×{cr.height()}"
        return ""
    if isinstance(widget, QAbstractButton):
        hint = widget.sizeHint()
        if widget.width() + TOLERANCE < hint.width() or widget.height() + TOLERANCE < hint.height():
            return (
                f"{widget.text()[:30]!r} needs {hint.width()}×{hint.height()}, "
                f"has {widget.width()}×{widget.height()}"
            )
        return ""
    if isinstance(widget, (QLineEdit, QAbstractSpinBox, QComboBox)):
        need = widget.minimumSizeHint().height()
        if widget.height() + TOLERANCE < need:
            return f"needs {need} px of height, has {widget.height()}"
        if isinstance(widget, QComboBox) and widget.currentText():
            text_width = metrics.horizontalAdvance(widget.currentText()) + 40
            if widget.width() + TOLERANCE < text_width:
                return f"{widget.currentText()!r} needs {text_width} px, has {widget.width()}"
    return ""


def other_texts_cut(window: Any, contract: set[str]) -> list[str]:
    """Texts outside the contract that do not fit either (reported, not asserted)."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    out = []
    for widget in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
        if widget.objectName() in contract or not widget.isVisible():
            continue
        why = text_problem(widget)
        if why:
            out.append(f"{type(widget).__name__} in {path_of(widget.parentWidget())}: {why}")
    return out


def visible_contract(window: Any, contract: set[str]) -> list[str]:
    from PySide6.QtWidgets import QWidget

    return sorted(
        {w.objectName() for w in window.findChildren(QWidget) if w.isVisible()} & contract
    )


def layout_problems(window: Any, contract: set[str]) -> list[str]:
    from PySide6.QtWidgets import QWidget

    problems = []
    area = work_area()
    if window.width() > area.width() + TOLERANCE or window.height() > area.height() + TOLERANCE:
        minimum = window.minimumSize()
        problems.append(
            f"{path_of(window)}: {window.width()}×{window.height()} does not fit the work area "
            f"{area.width()}×{area.height()} (minimum size {minimum.width()}×{minimum.height()})"
        )
    seen = set()
    for widget in window.findChildren(QWidget):
        name = widget.objectName()
        if name not in contract or not widget.isVisible() or name in seen:
            continue
        seen.add(name)
        full = widget.width() * widget.height()
        shown_rect, clipper = visible_rect(widget)
        if full and shown_rect.width() * shown_rect.height() < full:
            problems.append(
                f"{name}: clipped by {clipper} (shows {max(0, shown_rect.width())}×"
                f"{max(0, shown_rect.height())} of {widget.width()}×{widget.height()})"
            )
        why = text_problem(widget)
        if why:
            problems.append(f"{name}: {why}")
    return problems


# -- keyboard ----------------------------------------------------------------------------------


async def tab_walk(window: Any, contract: set[str], backwards: bool = False) -> dict[str, Any]:
    """Press Tab (or Shift+Tab) from the first control and see where focus goes."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import (
        QAbstractButton,
        QApplication,
        QPlainTextEdit,
        QTextEdit,
        QWidget,
    )

    def focusable(w: QWidget) -> bool:
        return (
            w.isVisible()
            and w.isEnabled()
            and bool(w.focusPolicy() & Qt.FocusPolicy.TabFocus)
            and w.window() is window
        )

    controls = [w for w in window.findChildren(QWidget) if focusable(w) and w.objectName()]
    wanted = {w.objectName() for w in controls if w.objectName() in contract}
    window.activateWindow()
    first = next((w for w in controls if w.objectName() in wanted), None)
    if first is None:
        return {"order": [], "problems": []}
    first.setFocus(Qt.FocusReason.TabFocusReason)
    await asyncio.sleep(0.05)  # never processEvents() in a coroutine: it would run other tasks
    order: list[str] = []
    problems: list[str] = []
    reached: set[str] = set()
    editors = window.findChildren(QPlainTextEdit) + window.findChildren(QTextEdit)
    texts = {w: w.toPlainText() for w in editors if focusable(w)}
    key = Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab
    modifier = Qt.KeyboardModifier.ShiftModifier if backwards else Qt.KeyboardModifier.NoModifier
    press = "Shift+Tab" if backwards else "Tab"
    stays = 0
    for _ in range(4 * len(controls) + 16):
        current = QApplication.focusWidget()
        if current is None or current.window() is not window:
            problems.append(f"{press} takes focus out of the window")
            break
        name = path_of(current)
        if stays == 0:
            if order and name == order[0]:
                break  # round once
            order.append(name)
            reached.add(name)
            reached.update(w.objectName() for w in controls if w.focusProxy() is current)
        QTest.keyClick(current, key, modifier)
        await asyncio.sleep(0.02)
        if QApplication.focusWidget() is current:
            typed = isinstance(current, (QPlainTextEdit, QTextEdit)) and (
                current.toPlainText() != texts.get(current, "")
            )
            if typed:
                problems.append(f"{press} types a tab character into {name} (a trap)")
                break
            stays += 1  # a date field moves between its parts: that is allowed a few times
            if stays >= 8:
                problems.append(f"{press} stays on {name}: focus cannot leave it (a trap)")
                break
        else:
            stays = 0
    for w in controls:  # one of an exclusive group is reached: arrows move within it
        group = w.group() if isinstance(w, QAbstractButton) else None
        siblings = group.buttons() if group is not None and group.exclusive() else []
        if any(b.objectName() in reached for b in siblings):
            reached.add(w.objectName())
    unreached = sorted(wanted - reached)
    if unreached and not problems:
        problems.append(f"not reached by {press}: {unreached}")
    return {"order": order, "problems": problems, "unreached": unreached}


# -- the run -----------------------------------------------------------------------------------


async def run(args: argparse.Namespace, prepared: scenes.Prepared) -> dict[str, Any]:
    from PySide6.QtWidgets import QSpinBox

    from livegiving_desktop.ui.main_window import MainWindow

    contract = scenes.contract_names()
    window = MainWindow(db_url=prepared.url, language=args.lang)
    area = work_area()
    window.move(area.topLeft())
    window.resize(area.size())
    window.show()
    await scenes.wait_for(window.is_ready, "the main window", timeout=60)
    for rate in window.findChildren(QSpinBox, "simulationRate"):
        rate.setValue(0)  # nobody gives: the same figures on every run
    nav = scenes.Navigator(window, prepared)
    report: dict[str, Any] = {"work_area": [area.width(), area.height()], "screens": {}}
    for screen in args.screens or scenes.SCREENS:
        shown_in = await nav.show(screen)
        if shown_in is not window:
            if shown_in.objectName() == "moderationConsole":
                shown_in.move(area.topLeft())
                shown_in.resize(area.size())
            await asyncio.sleep(0.4)
        entry: dict[str, Any] = {
            "layout": layout_problems(shown_in, contract),
            "other_texts_cut": other_texts_cut(shown_in, contract),
            "visible": visible_contract(shown_in, contract),
        }
        if args.keyboard:
            entry["tab"] = await tab_walk(shown_in, contract)
            entry["shift_tab"] = await tab_walk(shown_in, contract, backwards=True)
        if args.grab:
            # What the user sees: the window, cut where the work area ends.
            from PySide6.QtCore import QRect

            seen = QRect(area.topLeft() - shown_in.pos(), area.size()).intersected(shown_in.rect())
            out = Path(args.grab) / f"{screen}{args.suffix}.png"
            shown_in.grab(seen).save(str(out))
            entry["screenshot"] = str(out)
        report["screens"][screen] = entry
    await nav.close_extras()
    window.shutdown_now()
    window.close()
    return report


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--screen", default="1366x768")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--font-pt", type=float, default=None)
    parser.add_argument("--lang", default="en")
    parser.add_argument("--theme", default=None, help="system, light or dark")
    parser.add_argument("--keyboard", action="store_true")
    parser.add_argument("--grab", default=None)
    parser.add_argument("--suffix", default="")
    parser.add_argument("--out", default=None)
    parser.add_argument("screens", nargs="*")
    args = parser.parse_args()
    configure_platform(args.screen, args.scale)

    import qasync
    from PySide6.QtGui import QFont

    from livegiving_desktop.app import create_application, prepare

    with tempfile.TemporaryDirectory(prefix="a11y-screens-") as tmp:
        prepared = scenes.prepare_database(Path(tmp) / "db")
        os.environ["LIVEGIVING_DATA_DIR"] = prepared.data_dir
        app = create_application()
        if args.font_pt:
            font = QFont(app.font())
            font.setPointSizeF(args.font_pt)
            app.setFont(font)  # what the desktop's font setting does
        prepare(app, args.lang)
        if args.theme:
            from livegiving_desktop.ui.theme import set_theme_mode

            set_theme_mode(app, args.theme)
        if args.grab:
            Path(args.grab).mkdir(parents=True, exist_ok=True)
        report = qasync.run(run(args, prepared))
    text = json.dumps(report, ensure_ascii=False, indent=1)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    elif args.grab:
        for entry in report["screens"].values():
            print(entry["screenshot"])
    else:
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
