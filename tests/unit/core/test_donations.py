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
    validate_many,
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


# -- validate_many: the pipeline's batch validation gives exactly validate_donation's outcome --

_PIECES = [
    "Alice", "Zoë", "  Bob  ", "李雷", "a" * 100, "a" * 101, " " * 3, "", "\u200b", "\u202e",
    "x\x00y", "\x7f", "\x85", "\u2028", "\ud800", "\t", "\n", "www.spam.example", "fuuuck",
    "Bravo !", "é" * 300, "m" * 500, "m" * 501, "sim-7-1", "ext 1", " ext", "ext ", "\u3164",
]  # fmt: skip
_TEXT = st.one_of(
    st.sampled_from(_PIECES),
    st.lists(st.sampled_from(_PIECES), min_size=1, max_size=4).map("".join),
    st.text(max_size=30),
)
_DRAFTS = st.builds(
    DonationDraft,
    external_id=_TEXT,
    donor_name=_TEXT,
    amount_minor=st.sampled_from([-5, 0, 199, 200, 1000, 10_000_000, 10_000_001]),
    message=st.one_of(st.none(), _TEXT),
    anonymous=st.booleans(),
    source=st.sampled_from(["stream", "offline"]),
)


def _one_by_one(
    drafts: list[DonationDraft], rules: DonationRules
) -> tuple[list[ValidDonation], list[tuple[str, str]]]:
    valid, refused = [], []
    message_rules = default_message_rules()  # one for the batch, as validate_many has
    for draft in drafts:
        try:
            valid.append(validate_donation(draft, rules, message_rules))
        except ValidationError as exc:
            refused.append((exc.field, str(exc)))
    return valid, refused


@given(st.lists(_DRAFTS, max_size=12), st.sampled_from([RULES, NO_ANONYMOUS]))
def test_a_batch_validates_exactly_as_one_by_one(
    drafts: list[DonationDraft], rules: DonationRules
) -> None:
    # Twice: the second time names and messages come from the fast path's caches.
    for _ in range(2):
        valid, refusals = validate_many(drafts, rules, default_message_rules())
        rows = [ValidDonation._make(d) for d in valid]  # fields in ValidDonation's order
        assert (rows, [(e.field, str(e)) for e in refusals]) == _one_by_one(drafts, rules)


def test_a_batch_keeps_the_order_and_says_why_each_refusal() -> None:
    drafts = [
        DonationDraft("a", "  Alice  ", 1000, "  Bravo !  "),
        DonationDraft("b", "Bob", 100),  # below the minimum
        DonationDraft("c", "Carol", 1000, "www.spam.example"),
        DonationDraft("d", "Dan\x00", 1000),
        DonationDraft("e", "Eve", 1000, "   "),
        DonationDraft(" f", "Alice", 1000, anonymous=True),
    ]
    valid, refusals = validate_many(drafts, NO_ANONYMOUS, default_message_rules())
    rows = [ValidDonation._make(d) for d in valid]
    assert [(d.external_id, d.donor_name, d.message, d.message_status) for d in rows] == [
        ("a", "Alice", "Bravo !", "visible"), ("c", "Carol", "www.spam.example", "held"),
        ("e", "Eve", None, None),
    ]  # fmt: skip
    assert [e.field for e in refusals] == ["amount", "donor name", "anonymous"]
