"""Money: strict parsing of typed amounts, exact decimal text, locale-aware display."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from livegiving_desktop.core.errors import ValidationError
from livegiving_desktop.core.money import (
    DEFAULT_MAXIMUM_MAJOR,
    check_currency,
    exponent,
    format_money,
    maximum_minor,
    parse_amount,
    to_decimal_text,
)

CURRENCIES = ("EUR", "USD", "JPY", "KWD", "GBP", "CHF")


@st.composite
def currency_and_amount(draw: st.DrawFn) -> tuple[str, int]:
    currency = draw(st.sampled_from(CURRENCIES))
    amount = draw(st.integers(min_value=1, max_value=maximum_minor(currency)))
    return currency, amount


@given(currency_and_amount())
def test_every_amount_round_trips_through_its_decimal_text(case: tuple[str, int]) -> None:
    currency, amount = case
    text = to_decimal_text(amount, currency)
    assert parse_amount(text, currency) == amount


@given(currency_and_amount())
def test_decimal_text_has_exactly_the_currency_decimals(case: tuple[str, int]) -> None:
    currency, amount = case
    text = to_decimal_text(amount, currency)
    decimals = exponent(currency)
    pattern = rf"[0-9]+\.[0-9]{{{decimals}}}" if decimals else r"[0-9]+"
    assert re.fullmatch(pattern, text), text


def test_currency_exponents_follow_iso_4217() -> None:
    assert {c: exponent(c) for c in CURRENCIES} == {
        "EUR": 2, "USD": 2, "JPY": 0, "KWD": 3, "GBP": 2, "CHF": 2,
    }  # fmt: skip
    assert to_decimal_text(1250, "EUR") == "12.50"
    assert to_decimal_text(1000, "JPY") == "1000"
    assert to_decimal_text(1250, "KWD") == "1.250"


@pytest.mark.parametrize(
    ("text", "currency", "expected"),
    [
        ("12.50", "EUR", 1250),
        ("12.5", "EUR", 1250),
        ("12", "EUR", 1200),
        ("0.01", "EUR", 1),
        ("1000", "JPY", 1000),
        ("1.234", "KWD", 1234),
        (" 12.50 ", "EUR", 1250),  # surrounding spaces are stripped (documented)
        ("100000", "EUR", 10_000_000),  # exactly the default maximum
    ],
)
def test_accepted_amounts(text: str, currency: str, expected: int) -> None:
    assert parse_amount(text, currency) == expected


REFUSED = [
    ("", "EUR"),
    ("   ", "EUR"),
    ("NaN", "EUR"),
    ("inf", "EUR"),
    ("-inf", "EUR"),
    ("1e3", "EUR"),
    ("12,50", "EUR"),
    ("-5", "EUR"),
    ("+5", "EUR"),
    ("0", "EUR"),
    ("0.00", "EUR"),
    ("12.505", "EUR"),
    ("12.5", "JPY"),
    ("1.2345", "KWD"),
    ("100000.01", "EUR"),
    ("100001", "JPY"),
    ("12.", "EUR"),
    ("1 000", "EUR"),
    ("١٢", "EUR"),  # Arabic-Indic digits: not what the contract calls a decimal
    ("12.50€", "EUR"),
]


@pytest.mark.parametrize(("text", "currency"), REFUSED)
def test_refused_amounts_name_the_field(text: str, currency: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_amount(text, currency, field="goal")
    assert caught.value.field == "goal"
    assert str(caught.value).startswith("goal: ")
    assert caught.value.reason


def test_refusal_reasons_say_what_is_wrong() -> None:
    def reason(text: str, currency: str = "EUR") -> str:
        with pytest.raises(ValidationError) as caught:
            parse_amount(text, currency)
        return caught.value.reason

    assert "dot" in reason("12,50")
    assert "positive" in reason("-5")
    assert "zero" in reason("0")
    assert "2 decimals" in reason("12.505")
    assert "no decimals" in reason("12.5", "JPY")
    assert "3 decimals" in reason("1.2345", "KWD")
    assert "100000.00 EUR" in reason("100000.01")
    assert "empty" in reason("")


@given(st.text(max_size=40), st.sampled_from(CURRENCIES))
def test_any_typed_text_is_an_amount_in_range_or_a_refusal(text: str, currency: str) -> None:
    try:
        minor = parse_amount(text, currency)
    except ValidationError as exc:
        assert exc.field == "amount"
        return
    assert 0 < minor <= maximum_minor(currency)
    assert parse_amount(to_decimal_text(minor, currency), currency) == minor


@pytest.mark.parametrize(
    "text", ["9" * 5000, "0" * 4400 + "1"], ids=["5000-nines", "4400-zeros-then-1"]
)
def test_absurdly_long_amount_is_a_refusal(text: str) -> None:
    # Regression: int() of more than 4300 digits raised ValueError (CLI exit 1, not 2).
    with pytest.raises(ValidationError) as caught:
        parse_amount(text, "EUR")
    assert caught.value.field == "amount"


def test_amount_over_a_custom_maximum_is_refused() -> None:
    assert parse_amount("50", "EUR", maximum=5000) == 5000
    with pytest.raises(ValidationError, match=r"at most 50\.00 EUR"):
        parse_amount("50.01", "EUR", maximum=5000)


def test_default_maximum_is_100000_major_units() -> None:
    assert DEFAULT_MAXIMUM_MAJOR == 100_000
    assert maximum_minor("EUR") == 10_000_000
    assert maximum_minor("JPY") == 100_000
    assert maximum_minor("KWD") == 100_000_000


@pytest.mark.parametrize("code", ["EURO", "", "E1R", "XXXX", "ZZZ", "€"])
def test_unknown_currency_is_refused(code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        check_currency(code)
    assert caught.value.field == "currency"


def test_currency_code_is_normalised() -> None:
    assert check_currency(" eur ") == "EUR"


# -- display ------------------------------------------------------------------------------


def test_french_display_groups_digits_and_puts_the_euro_after() -> None:
    text = format_money(123450, "EUR", "fr")
    # Babel gives a no-break space (U+00A0) for grouping and before the symbol.
    assert text == "1\u00a0234,50\u00a0€"
    assert "\u202f" not in text


def test_english_display() -> None:
    assert format_money(123450, "EUR", "en") == "€1,234.50"
    assert format_money(1235, "JPY", "en") == "¥1,235"
    assert format_money(12345, "GBP", "en") == "£123.45"


def test_kwd_shows_three_decimals() -> None:
    text = format_money(1234567, "KWD", "en")
    assert text.endswith("1,234.567")
    assert "KWD" in text or "KD" in text


def test_unknown_locale_falls_back_to_english() -> None:
    assert format_money(123450, "EUR", "xx-unknown") == "€1,234.50"


@given(currency_and_amount(), st.sampled_from(["en", "fr", "de", "ja", "en_US", "fr_CH"]))
def test_display_never_uses_exponent_notation_and_keeps_the_digits(
    case: tuple[str, int], locale: str
) -> None:
    currency, amount = case
    text = format_money(amount, currency, locale)
    assert "e" not in text.lower().replace(currency.lower(), "")
    digits = "".join(ch for ch in text if ch.isdigit())
    expected = to_decimal_text(amount, currency).replace(".", "")
    # Grouping and decimal marks vary by locale; the digits must be the amount's, in order.
    assert digits.lstrip("0") == expected.lstrip("0")


# What a hurried or foreign keyboard types into an amount field.
_amount_keys = st.sampled_from(
    [*"0123456789", ".", ".", ",", "-", "+", "e", "E", "_", " ", "\u00a0", "\u202f", "'", "€",
     "١", "٢", "０", "５", "²", "½", "\n", "\t"]
)  # fmt: skip


@given(st.lists(_amount_keys, max_size=14).map("".join), st.sampled_from(CURRENCIES))
def test_an_accepted_amount_is_exactly_the_number_typed(text: str, currency: str) -> None:
    # Not only in range: the very value written (no underscore grouping, no other digits).
    from decimal import Decimal

    try:
        minor = parse_amount(text, currency)
    except ValidationError as exc:
        assert exc.field == "amount"
        return
    raw = text.strip()
    assert re.fullmatch(r"[0-9]+(\.[0-9]+)?", raw), raw
    assert Decimal(raw).scaleb(exponent(currency)) == minor
