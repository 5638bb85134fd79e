"""Money: integer minor units plus an ISO 4217 code. Never float.

Currency exponents and locale formats come from Babel (CLDR data), so JPY has 0 decimals and
KWD 3. Parsing user text is strict; formatting follows the locale.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from livegiving_desktop.core.errors import ValidationError

if TYPE_CHECKING:  # Babel is imported when money is first read or shown (issue 19)
    from babel import Locale

DEFAULT_MAXIMUM_MAJOR = 100_000
MAX_AMOUNT_CHARS = 40  # far above any real amount; keeps int() away from huge digit strings
# Digits, an optional dot and digits: no sign, no exponent, no comma, no spaces.
_AMOUNT_RE = re.compile(r"(?P<int>[0-9]+)(?:\.(?P<frac>[0-9]+))?\Z")


# ISO 4217 codes that are not money anyone donates: no currency (XXX), testing (XTS), precious
# metals, bond-market units, drawing rights and other accounting units.
NOT_MONEY = frozenset(
    {"XXX", "XTS", "XAU", "XAG", "XPT", "XPD", "XBA", "XBB", "XBC", "XBD", "XDR", "XSU", "XUA",
     "XFU", "XRE", "XFO"}
)  # fmt: skip


@cache
def known_currencies() -> frozenset[str]:
    """ISO 4217 codes Babel knows."""
    from babel.numbers import list_currencies  # Babel when money is first read or shown

    return frozenset(list_currencies())


def check_currency(code: str, field: str = "currency") -> str:
    """Return the upper-cased ISO 4217 code, or raise ValidationError."""
    normalized = code.strip().upper()
    if (
        not re.fullmatch(r"[A-Z]{3}", normalized)
        or normalized not in known_currencies()
        or normalized in NOT_MONEY
    ):
        raise ValidationError(field, f"'{code}' is not an ISO 4217 currency code")
    return normalized


@cache
def exponent(currency: str) -> int:
    """Number of decimals of the currency's minor unit (EUR 2, JPY 0, KWD 3)."""
    from babel.numbers import get_currency_precision

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
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(tag.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def format_money(amount_minor: int, currency: str, locale: str = "en") -> str:
    """Locale-aware display: `1 234,50 €` in French, `€1,234.50` in English, `¥1,235` for JPY."""
    from babel.numbers import format_currency

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


# -- amounts as people type them -----------------------------------------------------------
#
# The CLI keeps the contract's dot form (`parse_amount`). The app parses what people type in
# the language of its UI: `12,50`, `12,5 €`, `2 500,50` in French, `1.250,00` in German,
# `€1,234.50` in English, `12,34,567.50` in Hindi, as well as the plain dot form everywhere.
# What could mean two different amounts is refused, with the expected form in the message.

# Never a decimal separator anywhere: spaces of every width, apostrophes (de_CH, fr_CH) and
# the Arabic thousands separator. Accepted as group separators in any locale.
_GROUP_ONLY = frozenset(" \u00a0\u202f\u2009\u2007\u2008'\u2019\u02bc\u066c")
_DECIMAL_ONLY = frozenset("\u066b")  # ARABIC DECIMAL SEPARATOR
_MINUS_SIGNS = frozenset("-\u2212\u2012\u2013\u2014\ufe63\uff0d")
# Direction marks that Babel puts around Arabic and Persian amounts; invisible, dropped.
_DIRECTION_MARKS = {ord(c): None for c in "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e"
                    "\u2066\u2067\u2068\u2069"}  # fmt: skip
# Narrow symbols people type for the common currencies besides the locale's own symbol.
_NARROW_SYMBOLS = {
    "USD": ("$", "US$"), "CAD": ("$", "CA$"), "AUD": ("$", "A$", "AU$"), "NZD": ("$", "NZ$"),
    "MXN": ("$", "MX$"), "EUR": ("€",), "GBP": ("£",), "JPY": ("¥", "￥", "円"),
    "CNY": ("¥", "￥", "元"), "INR": ("₹", "Rs", "Rs."), "KRW": ("₩",), "BRL": ("R$",),
    "CHF": ("Fr.", "fr.", "SFr."), "TRY": ("₺", "TL"), "RUB": ("₽",), "ILS": ("₪",),
    "PLN": ("zł",), "SEK": ("kr",), "NOK": ("kr",), "DKK": ("kr",), "KWD": ("د.ك.", "KD"),
}  # fmt: skip
_EXAMPLE_MAJOR = Decimal("1234.5")


@dataclass(frozen=True, slots=True)
class AmountStyle:
    """How a locale writes amounts: its decimal and group separators and group sizes."""

    locale: str
    decimal: str
    group: str
    primary_group: int
    secondary_group: int


@lru_cache(maxsize=64)
def amount_style(locale: str) -> AmountStyle:
    """The separators of a locale (unknown locales read as English)."""
    from babel.numbers import get_decimal_symbol, get_group_symbol, parse_pattern

    loc = _locale(locale)
    grouping = parse_pattern(loc.decimal_formats[None]).grouping
    primary, secondary = int(grouping[0]), int(grouping[1])
    if primary <= 0 or primary > 9:  # a locale without grouping: read groups of three
        primary = secondary = 3
    if secondary <= 0 or secondary > 9:
        secondary = primary
    return AmountStyle(
        str(loc),
        str(get_decimal_symbol(loc)),
        str(get_group_symbol(loc)),
        primary,
        secondary,
    )


def _digits_pattern(style: AmountStyle, decimals: int) -> str:
    integer = "#,##0" if style.secondary_group == style.primary_group else "#,##,##0"
    return integer + ("." + "0" * decimals if decimals else "")


def format_amount_input(amount_minor: int, currency: str, locale: str) -> str:
    """An amount as the app shows it in an amount field, without the currency: `1 234,50` in
    French, `1,234.50` in English, `1.234,500` for KWD in German. `parse_amount_input` reads
    it back exactly."""
    from babel.numbers import format_decimal

    decimals = exponent(currency)
    style = amount_style(locale)
    text = format_decimal(
        to_decimal(amount_minor, currency),
        format=_digits_pattern(style, decimals),
        locale=_locale(locale),
        decimal_quantization=True,
    )
    return str(text).replace("\u202f", "\u00a0").translate(_DIRECTION_MARKS)


def amount_placeholder(currency: str, locale: str, major: int = 25) -> str:
    """The placeholder of an amount field: `25,00` in French, `25.00` in English, `25` JPY."""
    return format_amount_input(major * minor_per_major(currency), currency, locale)


def amount_example(currency: str, locale: str) -> str:
    """An example that shows the expected form, groups included: `1 234,50`, `1,234.50`."""
    minor = int(_EXAMPLE_MAJOR.scaleb(exponent(currency)).to_integral_value())
    return format_amount_input(minor, currency, locale)


@lru_cache(maxsize=256)
def _currency_marks(currency: str, locale: str) -> tuple[str, ...]:
    """What may stand beside an amount for this currency: its code, its symbol in the locale
    and in English, the symbol the locale's format shows, common narrow symbols. Folded to
    lower case, longest first (so `US$` is stripped before `$`)."""
    from babel.numbers import format_currency, get_currency_symbol

    loc = _locale(locale)
    marks = {currency, *_NARROW_SYMBOLS.get(currency, ())}
    for where in (loc, _locale("en")):
        marks.add(str(get_currency_symbol(currency, locale=where)))
    shown = format_currency(Decimal(1), currency, locale=loc, currency_digits=True)
    marks.add(re.sub(r"[0-9.,\s\u00a0\u202f'\u2019]+", " ", str(shown)).strip())
    cleaned = {m.translate(_DIRECTION_MARKS).strip().casefold() for m in marks}
    return tuple(sorted((m for m in cleaned if m), key=len, reverse=True))


def _strip_currency(text: str, currency: str, locale: str) -> tuple[str, bool]:
    """The text without one currency mark at its start or its end. (text, found)."""
    for mark in _currency_marks(currency, locale):
        size = len(mark)
        if text[:size].casefold() == mark:
            return text[size:].strip(), True
        if len(text) > size and text[-size:].casefold() == mark:
            return text[:-size].strip(), True
    return text, False


def _ascii_digits(text: str) -> str:
    """Digits of any script (`١٢٣`, `१२३`, full width) as ASCII digits."""
    import unicodedata

    if text.isascii():
        return text
    out = []
    for ch in text:
        value = unicodedata.decimal(ch, None) if not ch.isascii() else None
        out.append(str(value) if value is not None else ch)
    return "".join(out)


class _Reading:
    """One way to read the digits: which characters separate groups and which the decimals."""

    __slots__ = ("decimal", "groups", "primary", "secondary")

    def __init__(self, decimal: str, groups: frozenset[str], primary: int, secondary: int):
        self.decimal = decimal
        self.groups = groups
        self.primary = primary
        self.secondary = secondary

    def read(self, text: str, decimals: int) -> tuple[int, int] | str:
        """(whole, fraction digits as an int scaled to `decimals`) or why it does not read."""
        decimal_chars = {self.decimal} | _DECIMAL_ONLY
        positions = [i for i, ch in enumerate(text) if ch in decimal_chars]
        if len(positions) > 1:
            return "form"
        whole, frac = (
            (text, "") if not positions else (text[: positions[0]], text[positions[0] + 1 :])
        )
        if positions and (not frac or not frac.isdigit() or not frac.isascii()):
            return "form"
        if not whole:
            return "form"
        group_runs = re.split("[" + re.escape("".join(sorted(self.groups))) + "]", whole)
        if any(not part.isascii() or not part.isdigit() for part in group_runs):
            return "form"
        if len(group_runs) > 1:
            used = {ch for ch in whole if not ch.isdigit()}
            spaces = used <= _GROUP_ONLY and all(ch.isspace() for ch in used)
            if len(used) > 1 and not spaces:
                return "form"  # `1.234 567`: two different separators
            if not self._grouped(group_runs):
                return "form"
        if len(frac) > decimals:
            return "decimals"
        value = int("".join(group_runs))
        return value, int(frac.ljust(decimals, "0")) if frac else 0

    def _grouped(self, runs: list[str]) -> bool:
        """Groups of the locale's sizes (`12,34,567` in India) or of three everywhere."""
        *head, last = runs
        if not head or not head[0] or len(last) != self.primary:
            return False
        for size in {self.secondary, self.primary}:
            first, *middle = head
            if 1 <= len(first) <= size and all(len(m) == size for m in middle):
                return True
        return False


def expected_forms(currency: str, locale: str) -> tuple[str, ...]:
    """The forms an amount field of this locale expects, for messages: the locale's own
    (`1 234,50`) and, when it differs, the dot form (`1234.50`)."""
    local = amount_example(currency, locale)
    if amount_style(locale).decimal == "." or not exponent(currency):
        return (local,)
    dotted = int(_EXAMPLE_MAJOR.scaleb(exponent(currency)).to_integral_value())
    return local, to_decimal_text(dotted, currency)


def _not_an_amount(field: str, text: str, currency: str, locale: str) -> ValidationError:
    forms = expected_forms(currency, locale)
    if len(forms) > 1:
        return ValidationError(
            field, f"'{text}' is not an amount; write it like {forms[0]} or {forms[1]}"
        )
    return ValidationError(field, f"'{text}' is not an amount; write it like {forms[0]}")


def _too_many_decimals(field: str, currency: str) -> ValidationError:
    decimals = exponent(currency)
    if decimals == 0:
        return ValidationError(field, f"{currency} has no decimals")
    return ValidationError(
        field, f"{currency} has at most {decimals} decimal{'s' if decimals > 1 else ''}"
    )


def parse_local_amount(
    text: str,
    currency: str,
    locale: str,
    *,
    field: str = "amount",
    maximum: int | None = None,
) -> int:
    """Parse a positive amount typed in the app, in the language of its UI, into minor units.

    Accepted: the locale's decimal separator and group separator (spaces of every width,
    including the narrow no-break space, and apostrophes are group separators everywhere),
    groups of the locale's sizes, the currency's code or symbol on either side, digits of any
    script, and the plain dot form (`12.50`). Refused, with the expected form in the message:
    what does not read as an amount, what reads as two different amounts (`1.250` KWD in
    German: 1250 or 1.25), more decimals than the currency has, zero, a sign, or more than
    `maximum` minor units (default: 100,000 major units).
    """
    raw = text.strip()
    if not raw:
        raise ValidationError(
            field, f"is empty; enter an amount such as {amount_placeholder(currency, locale)}"
        )
    if len(raw) > MAX_AMOUNT_CHARS:
        raise ValidationError(field, f"is {len(raw)} characters long; no amount needs that many")
    body = _ascii_digits(raw.translate(_DIRECTION_MARKS)).strip()
    body, _ = _strip_currency(body, currency, locale)
    if body[:1] in _MINUS_SIGNS or body[-1:] in _MINUS_SIGNS:
        raise ValidationError(field, "must be positive")
    body, _ = _strip_currency(body, currency, locale)  # `-€5`, `€ 5`: one mark either side
    if body[:1] in _MINUS_SIGNS:
        raise ValidationError(field, "must be positive")
    body = body.strip("".join(_GROUP_ONLY))
    decimals = exponent(currency)
    style = amount_style(locale)
    local_groups = _GROUP_ONLY | ({style.group} if style.group != style.decimal else set())
    readings = [
        _Reading(style.decimal, frozenset(local_groups - {style.decimal}),
                 style.primary_group, style.secondary_group),
        _Reading(".", _GROUP_ONLY, style.primary_group, style.secondary_group),
    ]  # fmt: skip
    results = [reading.read(body, decimals) for reading in readings]
    values = sorted({r for r in results if isinstance(r, tuple)})
    if not values:
        if "decimals" in results:
            raise _too_many_decimals(field, currency)
        raise _not_an_amount(field, text.strip(), currency, locale)
    scale = minor_per_major(currency)
    minors = [whole * scale + frac for whole, frac in values]
    if len(minors) > 1:
        one, other = (format_amount_input(m, currency, locale) for m in minors)
        raise ValidationError(
            field, f"'{text.strip()}' could be {one} or {other}; write one of them"
        )
    minor = minors[0]
    if minor <= 0:
        raise ValidationError(field, "must be more than zero")
    limit = maximum_minor(currency) if maximum is None else maximum
    if minor > limit:
        raise ValidationError(
            field, f"must be at most {format_amount_input(limit, currency, locale)} {currency}"
        )
    return minor


def parse_amount_input(
    text: str,
    currency: str,
    locale: str | None = None,
    *,
    field: str = "amount",
    maximum: int | None = None,
) -> int:
    """The one way the services read an amount: with the UI's `locale` as people type it
    (`parse_local_amount`), or without one in the contract's dot form (`parse_amount`, the
    command line)."""
    if locale is None:
        return parse_amount(text, currency, field=field, maximum=maximum)
    return parse_local_amount(text, currency, locale, field=field, maximum=maximum)


def locale_territory(locale: str) -> str:
    """The country of a locale (`fr` -> FR, `en` -> US, `en_GB` -> GB); '' when unknown."""
    loc = _locale(locale)
    return str(loc.territory or {"fr": "FR", "en": "US"}.get(loc.language, ""))


def currency_of_country(country: str) -> str:
    """The currency of a country (FR -> EUR, US -> USD, JP -> JPY); EUR when unknown."""
    from babel.numbers import get_territory_currencies

    currencies = get_territory_currencies(country.upper()) if country else []
    return str(currencies[0]) if currencies else "EUR"
