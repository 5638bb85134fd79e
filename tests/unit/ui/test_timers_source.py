"""Every delayed call of the app has a timer of its own widget's: never QTimer.singleShot, whose
timer PySide6 (6.11) makes with no parent. Such a timer outlives a window closed before it
fires; the garbage collector may then destroy it on a database thread, where Qt cannot stop
it ("Timers cannot be stopped from another thread"), and its next tick crashes the process.
tests/gui/test_feed_lifetime.py shows it gone for the main window; this holds the rule for
the rest of the package (docs/architecture.md, "GUI")."""

from __future__ import annotations

import ast
from pathlib import Path

import livegiving_desktop

PACKAGE = Path(livegiving_desktop.__file__).parent


def test_no_module_of_the_app_calls_qtimer_single_shot() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "singleShot"
            ):
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert found == [], (
        "use a timer parented to the widget (ui/common/widgets.timer): " + ", ".join(found)
    )
