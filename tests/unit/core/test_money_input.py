"""Amounts as people type them in the app: the UI's locale through Babel, the dot form
everywhere, and a refusal (with the expected form) for what could mean two amounts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from livegiving_desktop.core.errors import ValidationError
from livegiving_desktop.core.money import (
    amount_example,
    amount_placeholder,
    expected_forms,
    exponent,
    format_amount_input,
    format_money,
    maximum_minor,
    parse_amount_input,
    parse_local_amount,
)

# The languages the app may run in, and the number styles they stand for.
LOCALES = ("en", "fr", "de", "es", "it", "pt", "nl", "ja", "ar", "tr", "hi", "en_IN", "de_CH",
           "fr_CH", "en_US", "fr_FR", "fr_CA", "de_AT", "pt_BR", "ar_EG")  # fmt: skip
# Exponents 0, 2 and 3, and the currencies whose symbols are special in some locale.
CURRENCIES = ("JPY", "EUR", "USD", "KWD", "CHF", "INR", "GBP", "TRY", "BHD", "KRW")


def test_the_currencies_cover_exponents_0_2_and_3() -> None:
    assert {exponent(c) for c in CURRENCIES} == {0, 2, 3}


@st.composite
def typed_amounts(draw: st.DrawFn) -> tuple[str, str, int]:
    locale = draw(st.sampled_from(LOCALES))
    currency = draw(st.sampled_from(CURRENCIES))
    amount = draw(
        st.one_of(
            st.integers(min_value=1, max_value=maximum_minor(currency)),
            st.sampled_from([1, 10, 999, 1000, 1001, 123_456, maximum_minor(currency)]),
        ).filter(lambda a: a <= maximum_minor(currency))
    )
    return locale, currency, amount


@given(typed_amounts())
def test_a_displayed_amount_reads_back_as_the_same_amount(case: tuple[str, str, int]) -> None:
    locale, currency, amount = case
    shown = format_money(amount, currency, locale)
    assert parse_local_amount(shown, currency, locale) == amount, shown


@given(typed_amounts())
def test_an_amount_field_reads_back_as_the_same_amount(case: tuple[str, str, int]) -> None:
    locale, currency, amount = case
    field_text = format_amount_input(amount, currency, locale)
    assert parse_local_amount(field_text, currency, locale) == amount, field_text
    # With the narrow no-break space Babel itself puts in French amounts, too.
    narrow = field_text.replace("\u00a0", "\u202f")
    assert parse_local_amount(narrow, currency, locale) == amount


@given(typed_amounts())
def test_the_dot_form_reads_the_same_in_every_locale(case: tuple[str, str, int]) -> None:
    from livegiving_desktop.core.money import to_decimal_text

    locale, currency, amount = case
    dotted = to_decimal_text(amount, currency)
    try:
        value = parse_local_amount(dotted, currency, locale)
    except ValidationError as exc:
        # Only a three-decimal currency in a locale grouping with dots can be ambiguous
        # (`1.250` KWD in German), and then the refusal says both readings.
        assert exponent(currency) == 3 and "could be" in exc.reason, exc
        return
    assert value == amount


@pytest.mark.parametrize(
    ("text", "currency", "locale", "expected"),
    [
        # The refusals of the report, in French.
        ("12,50", "EUR", "fr", 1250),
        ("12,5 €", "EUR", "fr", 1250),
        ("2 500,50", "EUR", "fr", 250_050),
        ("2\u202f500,50\u00a0€", "EUR", "fr", 250_050),
        ("5 000,00 €", "EUR", "fr", 500_000),
        ("2 500", "EUR", "fr", 250_000),
        ("2 500", "EUR", "en", 250_000),  # refused in English too, before
        ("12.50", "EUR", "fr", 1250),  # the plain dot form
        ("EUR 12,50", "EUR", "fr", 1250),
        ("12,50 eur", "EUR", "fr", 1250),
        ("€1,234.50", "EUR", "en", 123_450),
        ("$12.50", "USD", "en", 1250),
        ("US$ 12.50", "USD", "en", 1250),
        ("12,50 $US", "USD", "fr", 1250),
        ("1.250", "EUR", "de", 125_000),  # a group of three: 1.250 EUR cannot be cents
        ("1.250,5", "EUR", "de", 125_050),
        ("12.50", "EUR", "de", 1250),  # not a group of three: the dot form
        ("100.000", "JPY", "de", 100_000),
        ("12,34,567.50", "INR", "hi", 1_234_567_50),
        ("1,234,567.50", "INR", "en_IN", 1_234_567_50),
        ("₹12,34,567.50", "INR", "en_IN", 1_234_567_50),
        ("1'234.50", "CHF", "de_CH", 123_450),
        ("1’234.50", "CHF", "de_CH", 123_450),
        ("CHF 1'234.50", "CHF", "de_CH", 123_450),
        ("Fr. 20", "CHF", "fr_CH", 2000),
        ("￥1,234", "JPY", "ja", 1234),
        ("1,234円", "JPY", "ja", 1234),
        ("\u200f1,234.500\u00a0د.ك.\u200f", "KWD", "ar", 1_234_500),
        ("١٬٢٣٤٫٥", "EUR", "ar", 123_450),  # Arabic-Indic digits and separators
        ("१२३", "INR", "hi", 12_300),  # Devanagari digits
        ("₺1.234,50", "TRY", "tr", 123_450),
        ("1.234,50 TL", "TRY", "tr", 123_450),
        ("  7  ", "EUR", "nl", 700),
    ],
)
def test_amounts_as_people_type_them(text: str, currency: str, locale: str, expected: int) -> None:
    # A goal's maximum (the default maximum of a donation is 100,000 major units).
    assert parse_local_amount(text, currency, locale, maximum=10**15) == expected


def reason(text: str, currency: str, locale: str) -> str:
    with pytest.raises(ValidationError) as caught:
        parse_local_amount(text, currency, locale, field="goal")
    assert caught.value.field == "goal"
    return caught.value.reason


def test_what_could_be_two_amounts_is_refused_with_both_readings() -> None:
    # German groups with dots and KWD has three decimals: 1250 KWD or 1.250 KWD.
    assert reason("1.250", "KWD", "de") == "'1.250' could be 1,250 or 1.250,000; write one of them"
    # Written in full, each reads as one amount.
    assert parse_local_amount("1,250", "KWD", "de") == 1250
    assert parse_local_amount("1.250,000", "KWD", "de") == 1_250_000


@pytest.mark.parametrize(
    ("text", "currency", "locale", "expected"),
    [
        ("12,50", "EUR", "en", "'12,50' is not an amount; write it like 1,234.50"),
        ("1.234,5", "EUR", "en", "'1.234,5' is not an amount; write it like 1,234.50"),
        ("12.345,6", "EUR", "fr",
         "'12.345,6' is not an amount; write it like 1\u00a0234,50 or 1234.50"),
        ("1,2,3", "EUR", "en", "'1,2,3' is not an amount; write it like 1,234.50"),
        ("12,50 $", "EUR", "fr",
         "'12,50 $' is not an amount; write it like 1\u00a0234,50 or 1234.50"),
        ("1e3", "EUR", "de", "'1e3' is not an amount; write it like 1.234,50 or 1234.50"),
        ("NaN", "EUR", "fr", "'NaN' is not an amount; write it like 1\u00a0234,50 or 1234.50"),
        ("12,555", "EUR", "fr", "EUR has at most 2 decimals"),
        ("12,5", "JPY", "fr", "JPY has no decimals"),
        ("-5", "EUR", "fr", "must be positive"),
        ("−5 €", "EUR", "fr", "must be positive"),
        ("5-", "EUR", "fr", "must be positive"),
        ("0,00", "EUR", "fr", "must be more than zero"),
        ("", "EUR", "fr", "is empty; enter an amount such as 25,00"),
        ("100 000,01", "EUR", "fr", "must be at most 100\u00a0000,00 EUR"),
        ("x" * 41, "EUR", "fr", "is 41 characters long; no amount needs that many"),
    ],
)  # fmt: skip
def test_refusals_show_the_expected_form(
    text: str, currency: str, locale: str, expected: str
) -> None:
    assert reason(text, currency, locale) == expected


def test_placeholders_and_examples_follow_the_locale() -> None:
    assert amount_placeholder("EUR", "fr") == "25,00"
    assert amount_placeholder("EUR", "en") == "25.00"
    assert amount_placeholder("JPY", "ja") == "25"
    assert amount_placeholder("KWD", "de") == "25,000"
    assert amount_example("EUR", "fr") == "1\u00a0234,50"
    assert amount_example("EUR", "de") == "1.234,50"
    assert amount_example("JPY", "en") == "1,234"
    assert amount_example("CHF", "de_CH") == "1'234.50"
    assert format_amount_input(50_000, "EUR", "fr") == "500,00"  # a moderation threshold
    assert format_amount_input(1_234_567_50, "INR", "hi") == "12,34,567.50"
    assert expected_forms("EUR", "fr") == ("1\u00a0234,50", "1234.50")
    assert expected_forms("EUR", "en") == ("1,234.50",)


def test_without_a_locale_the_contract_dot_form_alone_is_read() -> None:
    # The command line: `12,50` is refused as before, the dot form is read.
    assert parse_amount_input("12.50", "EUR") == 1250
    with pytest.raises(ValidationError, match="use a dot"):
        parse_amount_input("12,50", "EUR")
    assert parse_amount_input("12,50", "EUR", "fr") == 1250


@given(st.text(max_size=40), st.sampled_from(CURRENCIES), st.sampled_from(LOCALES))
def test_any_typed_text_is_an_amount_in_range_or_a_refusal(
    text: str, currency: str, locale: str
) -> None:
    try:
        minor = parse_local_amount(text, currency, locale)
    except ValidationError as exc:
        assert exc.field == "amount" and exc.reason
        return
    assert 0 < minor <= maximum_minor(currency)
    assert parse_local_amount(format_amount_input(minor, currency, locale), currency, locale) == (
        minor
    )


@pytest.mark.parametrize("locale", LOCALES)
def test_every_locale_and_exponent_round_trips(locale: str) -> None:
    # Exhaustive over the supported locales and currencies (the property tests above sample).
    for currency in CURRENCIES:
        top = maximum_minor(currency)
        for amount in {1, 9, 10, 99, 100, 999, 1000, 1001, 12_345, 99_999, 123_456, 1_000_000,
                       1_234_567, top - 1, top}:  # fmt: skip
            if amount > top:
                continue
            for text in (
                format_money(amount, currency, locale),
                format_amount_input(amount, currency, locale),
            ):
                assert parse_local_amount(text, currency, locale) == amount, (text, currency)
