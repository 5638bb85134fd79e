"""Shared by the GUI benchmarks: the application as `livegiving` starts it, offscreen."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def run_in_app(make: Callable[[Path], Coroutine[Any, Any, dict[str, Any]]]) -> dict[str, Any]:
    """Run `make(folder)` on the app's qasync loop (English, tuned interpreter, temp folder)."""
    import qasync

    from livegiving_desktop.app import create_application, prepare
    from livegiving_desktop.cli import tune_interpreter

    tune_interpreter()
    app = create_application()
    prepare(app, "en")
    with tempfile.TemporaryDirectory() as tmp:
        return dict(qasync.run(make(Path(tmp))))
