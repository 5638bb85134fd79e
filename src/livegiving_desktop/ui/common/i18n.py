"""English and French: `.ts` files in resources/translations, `.qm` built from them, switched
while the app runs: a recording translator remembers which source text each shown text came
from, so that on a language change every static text of every widget is translated again
(`retranslate_widgets`); the views then redraw what they compose themselves."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from functools import cache
from importlib.resources import as_file
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from livegiving_desktop.core.resources import resource

# The widget classes a language change translates again are imported with the first change:
# the window's first frame paints before them (issue 19).
if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

log = logging.getLogger("livegiving.ui")
LANGUAGES = ("en", "fr")
_installed: list[QTranslator] = []
# A text as shown -> the (context, source, disambiguation) it may have come from (not plurals):
# PySide's `self.tr` asks with each class name of the object's ancestry in turn, so an
# untranslated text is seen under several contexts; a translated one under its own first.
_Origin = tuple[str, str, str | None]
_shown: dict[str, list[_Origin]] = {}


def _remember(text: str, origin: _Origin, *, first: bool = False) -> None:
    origins = _shown.setdefault(text, [])
    if origin in origins:
        return
    if first:
        origins.insert(0, origin)
    else:
        origins.append(origin)


class _RecordingTranslator(QTranslator):
    """Asked first for every translation: answers from the real catalogues (an empty answer
    from Python would not fall through to them: it is an empty text, not a missing one) and
    remembers what each shown text was translated from."""

    def __init__(self, catalogues: list[QTranslator], parent: QCoreApplication) -> None:
        super().__init__(parent)
        self._catalogues = catalogues

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        for catalogue in self._catalogues:
            text = catalogue.translate(context, source, disambiguation, n)
            if text:
                if n < 0:
                    _remember(text, (context, source, disambiguation), first=True)
                return text
        if n < 0 and source:
            _remember(source, (context, source, disambiguation))
        return source

    def isEmpty(self) -> bool:
        return False


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
    if lang != "en":  # English is the source; its catalog only holds the plural forms
        qt_translator = QTranslator(app)
        if qt_translator.load(
            f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        ):
            app.installTranslator(qt_translator)
            _installed.append(qt_translator)
    # Installed last, so asked first.
    recorder = _RecordingTranslator(list(_installed), app)
    app.installTranslator(recorder)
    _installed.append(recorder)
    return lang


def _again(text: str) -> str | None:
    """The text in the language now installed, when it was a translated static text."""
    origins = _shown.get(text)
    if not origins:
        return None
    for context, source, disambiguation in origins:
        again = QCoreApplication.translate(context, source, disambiguation)
        if again != source:
            return again
    return origins[0][1]


def retranslate_widgets(widgets: Iterable[QWidget]) -> None:
    """Translate again every static text of these widgets (and of their actions): labels,
    buttons, placeholders, titles, tabs, combo items, tool and status tips, accessible names.
    Texts a view composes (a figure, "To thank (3)") are redrawn by the view itself."""
    from PySide6.QtWidgets import QComboBox, QTabWidget

    for widget in widgets:
        _retranslate_properties(widget, _WIDGET_TEXTS)
        for kind, getter, setter in _kind_texts():
            if isinstance(widget, kind):
                text = getattr(widget, getter)()
                again = _again(text) if text else None
                if again is not None and again != text:
                    getattr(widget, setter)(again)
        if isinstance(widget, QComboBox):
            for i in range(widget.count()):
                again = _again(widget.itemText(i))
                if again is not None:
                    widget.setItemText(i, again)
        if isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                again = _again(widget.tabText(i))
                if again is not None:
                    widget.setTabText(i, again)
        for action in widget.actions():
            _retranslate_properties(action, _ACTION_TEXTS)


_WIDGET_TEXTS = (
    ("windowTitle", "setWindowTitle"),
    ("toolTip", "setToolTip"),
    ("statusTip", "setStatusTip"),
    ("accessibleName", "setAccessibleName"),
    ("accessibleDescription", "setAccessibleDescription"),
)
_ACTION_TEXTS = (
    ("text", "setText"),
    ("toolTip", "setToolTip"),
    ("statusTip", "setStatusTip"),
)


@cache
def _kind_texts() -> tuple[tuple[type[Any], str, str], ...]:
    """The texts of each kind of widget (getter, setter)."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QGroupBox,
        QLabel,
        QLineEdit,
        QMenu,
        QPlainTextEdit,
        QSpinBox,
    )

    return (
        (QLabel, "text", "setText"),
        (QAbstractButton, "text", "setText"),
        (QLineEdit, "placeholderText", "setPlaceholderText"),
        (QPlainTextEdit, "placeholderText", "setPlaceholderText"),
        (QGroupBox, "title", "setTitle"),
        (QMenu, "title", "setTitle"),
        (QSpinBox, "suffix", "setSuffix"),
        (QSpinBox, "specialValueText", "setSpecialValueText"),
    )


def _retranslate_properties(obj: Any, texts: tuple[tuple[str, str], ...]) -> None:
    for getter, setter in texts:
        text = getattr(obj, getter)()
        again = _again(text) if text else None
        if again is not None and again != text:
            getattr(obj, setter)(again)
