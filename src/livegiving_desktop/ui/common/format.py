"""How the UI writes counts, durations and money: one place, so that every screen writes
`1 234` in French and `1,234` in English."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QCoreApplication

from livegiving_desktop.core.money import format_money


@lru_cache(maxsize=8)
def _babel_locale(locale: str) -> str:
    return locale.replace("-", "_") or "en"


@lru_cache(maxsize=1024)
def count(value: int, locale: str) -> str:
    """A whole number with the locale's grouping (`1,234`, `1 234`)."""
    from babel.numbers import format_decimal  # once figures are shown, after the first paint

    return format_decimal(value, locale=_babel_locale(locale))


@lru_cache(maxsize=4096)
def money(amount_minor: int, currency: str, locale: str) -> str:
    """An amount with its currency as the locale writes it (`€1,234.50`, `1 234,50 €`).
    Remembered: a feed shows the same few amounts again and again, and Babel takes about
    20 µs to write one (the UI thread writes each row's amount at every paint)."""
    return format_money(amount_minor, currency, locale)


def clock(seconds: int) -> str:
    """Elapsed time on air: `01:02:03`."""
    seconds = max(0, seconds)
    return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def duration(seconds: int) -> str:
    """A broadcast's length in words: `1 h 02 min 03 s`."""
    seconds = max(0, seconds)
    return (
        QCoreApplication.translate("Format", "%1 h %2 min %3 s")
        .replace("%1", str(seconds // 3600))
        .replace("%2", f"{seconds % 3600 // 60:02d}")
        .replace("%3", f"{seconds % 60:02d}")
    )


def isolate(text: str) -> str:
    """First-strong isolate: text of either direction laid out as one unit (a right-to-left
    donor name does not pull the amount to its side)."""
    return f"\u2068{text}\u2069"
