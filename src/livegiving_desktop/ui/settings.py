"""Every setting the app keeps, named once: an INI file in the user data directory (so tests and
portable installs stay isolated), read and written through typed accessors."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

from livegiving_desktop.services import config

LANGUAGE = "language"
THEME = "theme"
GEOMETRY = "geometry"
CONSOLE_GEOMETRY = "moderation/geometry"
MODERATOR_NAME = "moderation/displayName"
MODERATOR_ROLE = "moderation/role"
ANNOUNCEMENTS = "accessibility/announcements"
EXPORT_FOLDER = "export/lastFolder"


def _database(db_url: str) -> str:
    """Settings that belong to one database are keyed by a digest of its URL."""
    import hashlib  # its OpenSSL library takes ~5 ms to load: not before the first frame

    return hashlib.sha1(db_url.encode(), usedforsecurity=False).hexdigest()[:12]


def last_campaign_key(db_url: str) -> str:
    return f"lastCampaign/{_database(db_url)}"


def audience_key(db_url: str, campaign_id: int, what: str) -> str:
    """The simulated audience of one campaign (`rate`, `paused`)."""
    return f"audience/{_database(db_url)}/{campaign_id}/{what}"


class AppSettings:
    """Typed access to the settings file."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store or QSettings(
            str(config.data_dir() / "settings.ini"), QSettings.Format.IniFormat
        )

    def _text(self, key: str, default: str = "") -> str:
        value = self.store.value(key)
        return default if value is None else str(value)

    def _set(self, key: str, value: object) -> None:
        self.store.setValue(key, value)

    def sync(self) -> None:
        self.store.sync()

    # -- the app ---------------------------------------------------------------------------

    def export_folder(self) -> str:
        """Where an export dialog opens: the last folder an export went to while it still
        exists, else Documents (else the home folder)."""
        last = self._text(EXPORT_FOLDER)
        if last and Path(last).is_dir():
            return last
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        return documents if documents and Path(documents).is_dir() else str(Path.home())

    def set_export_folder(self, file_path: str) -> None:
        """Remember the folder of the file an export was written to."""
        self._set(EXPORT_FOLDER, str(Path(file_path).parent))

    @property
    def language(self) -> str:
        return self._text(LANGUAGE)

    @language.setter
    def language(self, value: str) -> None:
        self._set(LANGUAGE, value)

    @property
    def theme(self) -> str:
        return self._text(THEME, "system")

    @theme.setter
    def theme(self, value: str) -> None:
        self._set(THEME, value)

    def geometry(self, key: str = GEOMETRY) -> QByteArray | None:
        value = self.store.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_geometry(self, value: QByteArray, key: str = GEOMETRY) -> None:
        self._set(key, value)

    # -- per database ----------------------------------------------------------------------

    def last_campaign(self, db_url: str) -> int | None:
        value = self._text(last_campaign_key(db_url))
        return int(value) if value.isdigit() else None

    def set_last_campaign(self, db_url: str, campaign_id: int | None) -> None:
        if campaign_id is None:
            self.store.remove(last_campaign_key(db_url))
        else:
            self._set(last_campaign_key(db_url), campaign_id)

    def audience_rate(self, db_url: str, campaign_id: int, default: int) -> int:
        value = self._text(audience_key(db_url, campaign_id, "rate"))
        return int(value) if value.isdigit() else default

    def set_audience_rate(self, db_url: str, campaign_id: int, rate: int) -> None:
        self._set(audience_key(db_url, campaign_id, "rate"), rate)

    def audience_paused(self, db_url: str, campaign_id: int) -> bool:
        return self._text(audience_key(db_url, campaign_id, "paused")) in ("true", "1")

    def set_audience_paused(self, db_url: str, campaign_id: int, paused: bool) -> None:
        self._set(audience_key(db_url, campaign_id, "paused"), "true" if paused else "false")

    # -- the moderator on a single desk (SQLite: the name is typed) -------------------------

    @property
    def moderator_name(self) -> str:
        return self._text(MODERATOR_NAME).strip()

    @property
    def moderator_role(self) -> str:
        return self._text(MODERATOR_ROLE, "moderator")

    def set_moderator(self, name: str, role: str) -> None:
        self._set(MODERATOR_NAME, name.strip())
        self._set(MODERATOR_ROLE, role)


def app_settings() -> QSettings:
    """The raw settings store (kept for callers that take a QSettings)."""
    return AppSettings().store
