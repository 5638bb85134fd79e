"""Where the app keeps its files, and its log."""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

import platformdirs

APP_NAME = "LiveGiving Desktop"
APP_AUTHOR = "LiveGiving"
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def data_dir() -> Path:
    """The user data directory (LIVEGIVING_DATA_DIR overrides it, for tests and portable use)."""
    override = os.environ.get("LIVEGIVING_DATA_DIR")
    return Path(override) if override else platformdirs.user_data_path(APP_NAME, APP_AUTHOR)


def default_database() -> str:
    """LIVEGIVING_DB, else livegiving.db in the user data directory (created if missing)."""
    env = os.environ.get("LIVEGIVING_DB")
    if env:
        return env
    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return str(folder / "livegiving.db")


def log_path() -> Path:
    return data_dir() / "logs" / "livegiving.log"


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Log to a rotating file in the user data directory; returns its path (None if unwritable)."""
    root = logging.getLogger()
    root.setLevel(level)
    path = log_path()
    if any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root.addHandler(handler)
    return path
