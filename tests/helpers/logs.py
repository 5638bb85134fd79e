"""The app's log file during a test, removed from the root logger afterwards."""

from __future__ import annotations

import logging
import logging.handlers
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from livegiving_desktop.services import config


@contextmanager
def app_log() -> Iterator[tuple[Path, logging.handlers.RotatingFileHandler]]:
    """config.setup_logging() in the test's user data directory; undone on exit."""
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    for handler in before:  # another test's log file would be kept instead of this one
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            root.removeHandler(handler)
    path = config.setup_logging()
    assert path is not None
    [handler] = [h for h in root.handlers if isinstance(h, logging.handlers.RotatingFileHandler)]
    try:
        yield path, handler
    finally:
        root.removeHandler(handler)
        handler.close()
        for old in before:
            if old not in root.handlers:
                root.addHandler(old)
        root.setLevel(level)
