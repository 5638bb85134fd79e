"""What the ledger accepts from a donor: names, messages, amounts, anonymity, message status."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from livegiving_desktop.core.donations import (
    DonationDraft,
    DonationRules,
    ValidDonation,
    clean_external_id,
    validate_donation,
)
from livegiving_desktop.core.errors import ValidationError
from livegiving_desktop.core.moderation import default_message_rules
from livegiving_desktop.core.text import BIDI_CONTROLS

RULES = DonationRules(currency="EUR", minimum_minor=200, maximum_minor=10_000_000)
NO_ANONYMOUS = DonationRules("EUR", 200, 10_000_000, allow_anonymous=False)
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def validate(
    donor_name: str = "Alice Martin",
    amount_minor: int = 1000,
    message: str | None = None,
    *,
    anonymous: bool = False,
    external_id: str = "ext-1",
    rules: DonationRules = RULES,
) -> ValidDonation:
    draft = DonationDraft(external_id, donor_name, amount_minor, message, anonymous)
    return validate_donation(draft, rules, default_message_rules())


def refusal(**fields: object) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        validate(**fields)  # type: ignore[arg-type]
    return caught.value


def test_a_plain_donation_is_kept_as_given() -> None:
    d = validate("Alice Martin", 1000, "Bravo à toute l'équipe !")
    assert (d.donor_name, d.amount_minor, d.message, d.message_status) == (
        "Alice Martin", 1000, "Bravo à toute l'équipe !", "visible",
    )  # fmt: skip
    assert d.donor_key == "alice martin"


def test_name_is_trimmed() -> None:
    assert validate("   Alice   ").donor_name == "Alice"


def test_name_length_limits() -> None:
    assert validate("x" * 100).donor_name == "x" * 100
    assert validate("a").donor_name == "a"
    assert refusal(donor_name="x" * 101).field == "donor name"
    assert "101" in refusal(donor_name="x" * 101).reason


@pytest.mark.parametrize("name", ["", "   ", "\u202e", " \u2066 \u2069 "])
def test_empty_name_is_refused(name: str) -> None:
    err = refusal(donor_name=name)
    assert err.field == "donor name"
    assert "empty" in err.reason


@pytest.mark.parametrize("name", ["a\x00b", "a\x1bb", "a\nb", "a\x7fb", "a\x85b"])
def test_name_with_control_characters_is_refused(name: str) -> None:
    err = refusal(donor_name=name)
    assert err.field == "donor name"
    assert "control" in err.reason


def test_bidi_override_is_removed_from_the_name() -> None:
    assert validate("\u202eabc").donor_name == "abc"
    assert validate("Ali\u2067ce\u2069").donor_name == "Alice"


def test_bidi_override_is_removed_from_the_message() -> None:
    assert validate(message="\u202emerci").message == "merci"


def test_message_length_limits() -> None:
    assert validate(message="m" * 500).message == "m" * 500
    err = refusal(message="m" * 501)
    assert err.field == "message"
    assert "501" in err.reason


def test_message_may_span_lines_but_holds_no_other_control() -> None:
    assert validate(message="line one\nline two").message == "line one\nline two"
    assert refusal(message="beep\x07").field == "message"


@pytest.mark.parametrize("message", [None, "", "   ", "\u202e"])
def test_no_message_has_no_status(message: str | None) -> None:
    d = validate(message=message)
    assert d.message is None
    assert d.message_status is None


def test_amount_below_the_minimum_is_refused() -> None:
    assert validate(amount_minor=200).amount_minor == 200
    err = refusal(amount_minor=199)
    assert err.field == "amount"
    assert "2.00 EUR" in err.reason


def test_amount_above_the_maximum_is_refused() -> None:
    assert validate(amount_minor=10_000_000).amount_minor == 10_000_000
    err = refusal(amount_minor=10_000_001)
    assert err.field == "amount"
    assert "100000.00 EUR" in err.reason


def test_anonymous_refused_when_the_campaign_does_not_allow_it() -> None:
    assert validate(anonymous=True).anonymous is True
    assert refusal(anonymous=True, rules=NO_ANONYMOUS).field == "anonymous"
    assert validate(anonymous=False, rules=NO_ANONYMOUS).anonymous is False


@pytest.mark.parametrize("external_id", ["", "   ", "x" * 201, "a\x00b"])
def test_bad_external_id_is_refused(external_id: str) -> None:
    assert refusal(external_id=external_id).field == "external id"


def test_external_id_is_trimmed() -> None:
    assert validate(external_id="  hook-42 ").external_id == "hook-42"
    assert clean_external_id(" hook-42 ") == "hook-42"


@pytest.mark.parametrize(
    "message",
    [
        "connard",
        "T'es qu'un CONNARD",
        "Cônnard !",
        "quel cOnNaRd",
        "see http://x.example",
        "go to www.spam.example now",
        "HTTPS://EVIL.EXAMPLE/claim",
        "promo sur casino-gratuit.fr",
    ],
)
def test_messages_with_blocklisted_words_or_links_are_held(message: str) -> None:
    assert validate(message=message).message_status == "held"


@pytest.mark.parametrize(
    "message",
    ["Bravo !", "Merci pour ce live 💖", "Go team", "Scunthorpe", "I live in Scunthorpe"],
)
def test_ordinary_messages_are_visible(message: str) -> None:
    assert validate(message=message).message_status == "visible"


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"donor_name": "Caf\udce9"}, "donor name"),
        ({"message": "Merci \udcff"}, "message"),
        ({"external_id": "hook-\udc80"}, "external id"),
    ],
    ids=["name", "message", "external-id"],
)
def test_text_that_is_not_valid_unicode_is_refused(fields: dict[str, str], field: str) -> None:
    # Lone surrogates (invalid UTF-8 read with surrogateescape) cannot be stored.
    assert refusal(**fields).field == field


# Names and messages as a hostile platform might send them.
_hostile_text = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from([*sorted(BIDI_CONTROLS), "\x00", "\x1b", "\x85", "\n", " "]),
    ),
    max_size=140,
)


@given(name=_hostile_text, message=st.none() | _hostile_text | st.text(min_size=490, max_size=520))
def test_validation_cleans_or_refuses_but_never_crashes(name: str, message: str | None) -> None:
    try:
        d = validate(donor_name=name, message=message)
    except ValidationError as exc:
        assert exc.field in {"donor name", "message"}
        return
    assert 1 <= len(d.donor_name) <= 100
    assert d.donor_name == d.donor_name.strip()
    assert not CONTROL.search(d.donor_name)
    assert not set(d.donor_name) & BIDI_CONTROLS
    if d.message is None:
        assert d.message_status is None
    else:
        assert 1 <= len(d.message) <= 500
        assert not set(d.message) & BIDI_CONTROLS
        assert d.message_status in {"visible", "held"}
