"""English and French: `.ts` files in resources/translations, `.qm` built from them."""

from __future__ import annotations

import logging
from importlib.resources import as_file

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from livegiving_desktop.core.resources import resource

log = logging.getLogger("livegiving.ui")
LANGUAGES = ("en", "fr")
_installed: list[QTranslator] = []


def system_language() -> str:
    name = QLocale.system().name()
    return "fr" if name.startswith("fr") else "en"


def install_translators(app: QCoreApplication, language: str) -> str:
    """Install the app's and Qt's own translations for `language`; returns the language used."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    lang = language if language in LANGUAGES else "en"
    QLocale.setDefault(
        QLocale(QLocale.Language.French if lang == "fr" else QLocale.Language.English)
    )
    qm = resource("translations", f"livegiving_{lang}.qm")
    with as_file(qm) as path:
        translator = QTranslator(app)
        if path.exists() and translator.load(str(path)):
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            log.warning("no compiled translation at %s (run `make translations`)", path)
    if lang == "en":
        return lang  # English is the source; its catalog only holds the plural forms
    qt_translator = QTranslator(app)
    if qt_translator.load(
        f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(qt_translator)
        _installed.append(qt_translator)
    return lang
