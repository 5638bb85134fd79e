"""Where the app keeps its files, and its log."""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "LiveGiving Desktop"
APP_AUTHOR = "LiveGiving"
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


PRIVATE_FILE, PRIVATE_FOLDER = 0o600, 0o700  # the ledger and the log are the user's alone


def data_dir() -> Path:
    """The user data directory (LIVEGIVING_DATA_DIR overrides it, for tests and portable use)."""
    override = os.environ.get("LIVEGIVING_DATA_DIR")
    return Path(override) if override else platformdirs.user_data_path(APP_NAME, APP_AUTHOR)


def private_folder(folder: Path) -> Path:
    """Create a folder (and its parents) readable by the user alone (0700)."""
    folder.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    return folder


def default_database() -> str:
    """LIVEGIVING_DB, else livegiving.db in the user data directory (created if missing)."""
    env = os.environ.get("LIVEGIVING_DB")
    if env:
        return env
    return str(private_folder(data_dir()) / "livegiving.db")


def log_path() -> Path:
    return data_dir() / "logs" / "livegiving.log"


class _MaskingFilter(logging.Filter):
    """No password of a database URL reaches the log (user:password@, ?password=)."""

    def filter(self, record: logging.LogRecord) -> bool:
        from livegiving_desktop.core.text import mask_credentials

        try:
            message = record.getMessage()
        except Exception:  # a malformed record: logging reports it itself
            return True
        masked = mask_credentials(message)
        if masked != message:
            record.msg, record.args = masked, None
        if record.exc_info:  # the traceback's text, masked too
            text = record.exc_text or logging.Formatter().formatException(record.exc_info)
            record.exc_text = mask_credentials(text)
        return True


class _QuietFileHandler(logging.handlers.RotatingFileHandler):
    """The log file, private (0600), that never fails loudly: a record that cannot be written
    (a full disk, a folder gone read-only) gives one short line on stderr, then the app goes
    on without its log instead of printing a traceback per record."""

    broken: str | None = None

    def _open(self):  # type: ignore[no-untyped-def]
        stream = super()._open()
        with contextlib.suppress(OSError):
            os.chmod(self.baseFilename, PRIVATE_FILE)
        return stream

    def flush(self) -> None:
        try:
            super().flush()
        except (OSError, ValueError):
            self.handleError(None)

    def close(self) -> None:
        try:
            super().close()
        except (OSError, ValueError):
            self.handleError(None)

    def handleError(self, record: logging.LogRecord | None) -> None:
        # Once broken, nothing more is said: one short line, never a traceback per record.
        if self.broken is not None:
            return
        self.broken = _reason(sys.exc_info()[1])
        _say(f"livegiving: the log cannot be written ({self.broken}); going on without it")


def _reason(exc: BaseException | None) -> str:
    if isinstance(exc, OSError):
        from livegiving_desktop.services.failures import describe_failure

        return describe_failure(exc)
    return type(exc).__name__ if exc is not None else "unknown error"


def _say(line: str) -> None:
    with contextlib.suppress(Exception):
        sys.stderr.write(line + "\n")
        sys.stderr.flush()


def active_log() -> Path | None:
    """The log file being written, None when there is none (unwritable, or broken since)."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, _QuietFileHandler) and handler.broken is None:
            return Path(handler.baseFilename)
    return None


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Log to a rotating file in the user data directory; returns its path (None if
    unwritable: then one short line on stderr, and no record ever reaches stderr)."""
    root = logging.getLogger()
    root.setLevel(level)
    path = log_path()
    if any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        return path
    try:
        private_folder(path.parent)
        handler = _QuietFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    except OSError as exc:
        _say(f"livegiving: the log cannot be written ({_reason(exc)}); going on without it")
        # Without any handler, logging's last resort prints every warning, with its
        # traceback, on stderr: a quiet handler instead.
        if not any(isinstance(h, logging.NullHandler) for h in root.handlers):
            root.addHandler(logging.NullHandler())
        return None
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    handler.addFilter(_MaskingFilter())
    root.addHandler(handler)
    return path
