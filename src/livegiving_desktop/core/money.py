"""Money: integer minor units plus an ISO 4217 code. Never float.

Currency exponents and locale formats come from Babel (CLDR data), so JPY has 0 decimals and
KWD 3. Parsing user text is strict; formatting follows the locale.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache

from babel import Locale, UnknownLocaleError
from babel.numbers import format_currency, get_currency_precision, list_currencies

from livegiving_desktop.core.errors import ValidationError

DEFAULT_MAXIMUM_MAJOR = 100_000
MAX_AMOUNT_CHARS = 40  # far above any real amount; keeps int() away from huge digit strings
# Digits, an optional dot and digits: no sign, no exponent, no comma, no spaces.
_AMOUNT_RE = re.compile(r"(?P<int>[0-9]+)(?:\.(?P<frac>[0-9]+))?\Z")


@cache
def known_currencies() -> frozenset[str]:
    """ISO 4217 codes Babel knows."""
    return frozenset(list_currencies())


def check_currency(code: str, field: str = "currency") -> str:
    """Return the upper-cased ISO 4217 code, or raise ValidationError."""
    normalized = code.strip().upper()
    if not re.fullmatch(r"[A-Z]{3}", normalized) or normalized not in known_currencies():
        raise ValidationError(field, f"'{code}' is not an ISO 4217 currency code")
    return normalized


@cache
def exponent(currency: str) -> int:
    """Number of decimals of the currency's minor unit (EUR 2, JPY 0, KWD 3)."""
    return int(get_currency_precision(currency))


@dataclass(frozen=True, slots=True)
class Money:
    """An amount of one currency in its minor units (cents for EUR)."""

    amount_minor: int
    currency: str

    def __add__(self, other: Money) -> Money:
        if other.currency != self.currency:
            raise ValueError(f"cannot add {other.currency} to {self.currency}")
        return Money(self.amount_minor + other.amount_minor, self.currency)


def maximum_minor(currency: str, maximum_major: int = DEFAULT_MAXIMUM_MAJOR) -> int:
    """The default per-campaign maximum (100,000 major units) in minor units."""
    return maximum_major * minor_per_major(currency)


def minor_per_major(currency: str) -> int:
    """100 for EUR, 1 for JPY, 1000 for KWD."""
    return int(10 ** exponent(currency))


def parse_amount(
    text: str,
    currency: str,
    *,
    field: str = "amount",
    maximum: int | None = None,
) -> int:
    """Parse a positive amount in major units written with a dot into minor units.

    Refused (ValidationError naming the field): empty text, anything but digits and one dot
    (`12,50`, `1e3`, `NaN`, `inf`, signs), more decimals than the currency has, zero, or more
    than `maximum` minor units (default: 100,000 major units).
    """
    raw = text.strip()
    if not raw:
        raise ValidationError(field, "is empty; enter an amount such as 12.50")
    if len(raw) > MAX_AMOUNT_CHARS:
        raise ValidationError(field, f"is {len(raw)} characters long; no amount needs that many")
    match = _AMOUNT_RE.match(raw)
    if match is None:
        if "," in raw:
            reason = f"'{text}' is not a number; use a dot as the decimal separator (12.50)"
        elif raw.startswith("-"):
            reason = "must be positive"
        else:
            reason = f"'{text}' is not a number; write digits with an optional dot (12.50)"
        raise ValidationError(field, reason)
    decimals = exponent(currency)
    frac = match.group("frac") or ""
    if len(frac) > decimals:
        if decimals == 0:
            reason = f"{currency} has no decimals"
        else:
            reason = f"{currency} has at most {decimals} decimal{'s' if decimals > 1 else ''}"
        raise ValidationError(field, reason)
    minor = int(match.group("int")) * minor_per_major(currency) + (
        int(frac.ljust(decimals, "0")) if frac else 0
    )
    if minor <= 0:
        raise ValidationError(field, "must be more than zero")
    limit = maximum_minor(currency) if maximum is None else maximum
    if minor > limit:
        raise ValidationError(
            field, f"must be at most {to_decimal_text(limit, currency)} {currency}"
        )
    return minor


def to_decimal(amount_minor: int, currency: str) -> Decimal:
    """Minor units to an exact Decimal of major units (for display and export edges only)."""
    return Decimal(amount_minor).scaleb(-exponent(currency))


def to_decimal_text(amount_minor: int, currency: str) -> str:
    """Major units with exactly the currency's decimals and a dot: `12.50`, `1000`, `1.250`."""
    decimals = exponent(currency)
    sign = "-" if amount_minor < 0 else ""
    whole, frac = divmod(abs(amount_minor), minor_per_major(currency))
    return f"{sign}{whole}.{frac:0{decimals}d}" if decimals else f"{sign}{whole}"


@lru_cache(maxsize=64)
def _locale(tag: str) -> Locale:
    try:
        return Locale.parse(tag.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def format_money(amount_minor: int, currency: str, locale: str = "en") -> str:
    """Locale-aware display: `1 234,50 €` in French, `€1,234.50` in English, `¥1,235` for JPY."""
    text = format_currency(
        to_decimal(amount_minor, currency), currency, locale=_locale(locale), currency_digits=True
    )
    # Narrow no-break spaces make a copy-pasted French amount look broken in some fonts.
    return text.replace("\u202f", "\u00a0")


def default_currency_for_locale(locale: str) -> str:
    """The currency of the locale's territory (fr_FR -> EUR, en_US -> USD); EUR when unknown."""
    from babel.numbers import get_territory_currencies

    loc = _locale(locale)
    territory = loc.territory or {"fr": "FR", "en": "US"}.get(loc.language, "")
    if territory:
        currencies = get_territory_currencies(territory)
        if currencies:
            return str(currencies[0])
    return "EUR"
