"""The moderation rules: the blocklist matcher (hypothesis: variations of every blocklisted word
are caught, ordinary words that contain one are not), outcomes, settings JSON, review flags and
blocked donors."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from helpers.ledger import valid
from livegiving_desktop.core.errors import ValidationError
from livegiving_desktop.core.moderation import (
    BlocklistMatcher,
    FlagTracker,
    MessageRules,
    MessageStatus,
    ModerationRules,
    ModerationSettings,
    bundled_blocklist,
    bundled_words,
    default_settings,
    normalise,
)

WORDS = sorted(w for w in bundled_blocklist() if w.isalpha())
MATCHER = BlocklistMatcher(bundled_blocklist())
_LEET = {"o": "0", "i": "1", "e": "3", "a": "4", "s": "5", "t": "7"}
_ACCENTED = {"a": "àâä", "e": "éèêë", "i": "îï", "o": "ôö", "u": "ùûü", "c": "ç"}


@st.composite
def disguised(draw: st.DrawFn, word: str) -> str:
    """A blocklisted word as people write it to get past a filter."""
    out = []
    for letter in word:
        ch = letter
        choice = draw(st.sampled_from(["plain", "upper", "leet", "accent", "repeat"]))
        if choice == "upper":
            ch = ch.upper()
        elif choice == "leet" and ch in _LEET:
            ch = _LEET[ch]
        elif choice == "accent" and ch in _ACCENTED:
            ch = draw(st.sampled_from(_ACCENTED[ch]))
        elif choice == "repeat":
            ch = ch * draw(st.integers(2, 5))
        out.append(ch)
    if draw(st.booleans()) and len(word) >= 3:
        sep = draw(st.sampled_from([".", " ", "-", "*", "_"]))
        # Spelled out letter by letter (repeats and leet kept one character each).
        text = sep.join(
            word[i] if draw(st.booleans()) else word[i].upper() for i in range(len(word))
        )
    else:
        text = "".join(out)
    before = draw(st.sampled_from(["", "you ", "Quel ", "what a ", "¡", '"']))
    after = draw(st.sampled_from(["", "!", " lol", ".", " !!", "?!", '"']))
    return before + text + after


@given(st.sampled_from(WORDS).flatmap(lambda w: st.tuples(st.just(w), disguised(w))))
def test_every_blocklisted_word_is_caught_through_disguises(pair: tuple[str, str]) -> None:
    word, message = pair
    assert MATCHER.matches(message), (word, message, normalise(message))


ORDINARY = [
    "Scunthorpe",
    "Greetings from Scunthorpe United",
    "classic",
    "assassin",
    "cocktail party",
    "Dickens",
    "shitake mushrooms",
    "therapist",
    "grape",
    "bass guitar",
    "Sussex",
    "Penistone",
    "as you wish",
    "analysis",
    "pussycat dolls",
    "cockpit",
    "shiitake",
    "connardise",
    "Arsenal",
    "scrapbook",
    "hello",
    "Bonne continuation !",
    "Cuba libre",
    "Matsushita",
    "peacock",
    "titan",
    "documentation",
    "Montbazon",
    "Merci 1000 fois",
    "5 euros pour toi",
]


@pytest.mark.parametrize("message", ORDINARY)
def test_ordinary_words_that_contain_a_blocklisted_one_pass(message: str) -> None:
    assert not MATCHER.matches(message)


@given(st.sampled_from(WORDS), st.sampled_from(["", "x", "un", "ing", "land", "ette"]),
       st.sampled_from(["sc", "a", "pre", "bon"]))  # fmt: skip
def test_a_blocklisted_word_inside_a_longer_word_passes(word: str, tail: str, head: str) -> None:
    # A head ending in the word's first letter is that letter repeated (`aabruti` is caught).
    assume(head[-1] != word[0])
    longer = head + word + tail
    assert not BlocklistMatcher([word]).matches(f"I love {longer} so much")


def test_spaced_and_swapped_spellings() -> None:
    rules = MessageRules(["connard", "shit"])
    for message in ("c0nnard", "C.O.N.N.A.R.D", "c o n n a r d", "CoNNNaaard", "$h1t", "sh!t",
                    "Connards", "Cönnard"):  # fmt: skip
        assert rules.classify(message) is MessageStatus.HELD, message


def test_outcomes_links_and_length() -> None:
    rules = ModerationRules(
        ModerationSettings(
            blocklist_outcome=MessageStatus.HIDDEN,
            link_outcome=MessageStatus.VISIBLE,
            max_message_length=20,
            long_message_outcome=MessageStatus.HELD,
        )
    )
    assert rules.classify("quel connard") is MessageStatus.HIDDEN
    assert rules.classify("www.example.com") is MessageStatus.VISIBLE
    assert rules.classify("a" * 21) is MessageStatus.HELD
    assert rules.classify("connard " + "a" * 30) is MessageStatus.HIDDEN  # the strictest
    held_links = ModerationRules(ModerationSettings(link_outcome=MessageStatus.HIDDEN))
    assert held_links.classify("go to https://x.io now") is MessageStatus.HIDDEN
    assert ModerationRules(ModerationSettings()).classify("Bravo!") is MessageStatus.VISIBLE


def test_words_added_and_removed_per_language() -> None:
    settings = ModerationSettings().with_words("fr", [*bundled_words("fr") - {"merde"}, "Zut"])
    assert "merde" not in settings.words("fr")
    assert "zut" in settings.words("fr")
    assert settings.removed_words["fr"] == ("merde",)
    assert settings.added_words["fr"] == ("zut",)
    rules = ModerationRules(settings)
    assert rules.classify("zuuut alors") is MessageStatus.HELD
    assert rules.classify("oh merde") is MessageStatus.VISIBLE
    assert settings.words("en") == bundled_words("en")


def test_settings_round_trip_through_json() -> None:
    settings = default_settings(2).with_words("en", ["spam", "scam"])
    again = ModerationSettings.from_json(settings.to_json())
    assert again == settings
    assert again.large_amount_minor == 50_000 and again.large_first_minor == 20_000


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ("[]", "moderation rules"),
        ("{", "moderation rules"),
        ('{"blocklist_outcome": "visible"}', "blocklist outcome"),
        ('{"link_outcome": "shout"}', "link outcome"),
        ('{"max_message_length": 0}', "max message length"),
        ('{"large_amount_minor": -5}', "large amount minor"),
        ('{"large_first_minor": "12"}', "large first minor"),
        ('{"rapid_count": 1}', "rapid count"),
        ('{"rapid_window_s": 0}', "rapid window"),
        ('{"added_words": {"de": ["x"]}}', "blocklist language"),
        ('{"added_words": {"en": "x"}}', "added words"),
        ('{"added_words": {"en": [""]}}', "blocklist word"),
    ],
)
def test_bad_settings_name_the_field(data: str, field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        ModerationSettings.from_json(data)
    assert caught.value.field == field


def _flags(rules: ModerationRules, tracker: FlagTracker, name: str, minor: int, now: float) -> str:
    [d] = rules.review([valid(f"x{now}{name}{minor}", name, minor, message="hi")], tracker, now)
    return d.flags or ""


def test_large_amount_flag() -> None:
    rules = ModerationRules(ModerationSettings(large_amount_minor=10_000))
    tracker = FlagTracker()
    assert _flags(rules, tracker, "Ann", 9_999, 0) == ""
    assert _flags(rules, tracker, "Bob", 10_000, 1) == "large-amount"


def test_rapid_repeat_flag_counts_within_the_window() -> None:
    rules = ModerationRules(ModerationSettings(rapid_count=3, rapid_window_s=60))
    tracker = FlagTracker()
    assert [_flags(rules, tracker, "Ann", 500, t) for t in (0, 10, 20)] == ["", "", "rapid-repeat"]
    assert _flags(rules, tracker, "ann", 500, 30) == ""  # flagged once a window
    assert [_flags(rules, tracker, "ANN", 500, t) for t in (200, 210, 220)] == [
        "", "", "rapid-repeat"]  # a new window, the same donor key  # fmt: skip
    assert _flags(rules, tracker, "Bob", 500, 221) == ""


def test_large_first_donation_from_a_new_donor() -> None:
    rules = ModerationRules(ModerationSettings(large_first_minor=20_000))
    tracker = FlagTracker(known_donors=lambda: ["known donor"])
    assert _flags(rules, tracker, "Known Donor", 50_000, 0) == ""
    assert _flags(rules, tracker, "Newcomer", 50_000, 1) == "large-first"
    assert _flags(rules, tracker, "Newcomer", 50_000, 2) == ""  # not the first any more
    assert _flags(rules, tracker, "Small", 100, 3) == ""


def test_blocked_donor_messages_are_held_and_flagged() -> None:
    rules = ModerationRules(ModerationSettings(), blocked_donors=["troll"])
    tracker = FlagTracker()
    [d] = rules.review([valid("1", "TROLL", 500, message="Bonjour")], tracker, 0)
    assert (d.message_status, d.flags) == ("held", "blocked-donor")
    [e] = rules.review([valid("2", "Friend", 500, message="Bonjour")], tracker, 0)
    assert (e.message_status, e.flags) == ("visible", None)
    [f] = rules.review([valid("3", "troll", 500)], tracker, 0)  # no message: nothing to hold
    assert (f.message_status, f.flags) == (None, "blocked-donor")


def test_rules_off_apply_nothing() -> None:
    rules = ModerationRules.off()
    assert rules.classify("connard www.x.com") is MessageStatus.VISIBLE
    items = [valid("1", "Ann", 10**6, message="hi")]
    assert rules.review(items, FlagTracker(), 0) == items


def test_normalise_folds_accents_and_swaps() -> None:
    assert normalise("Ç@$$3") == "casse"
    assert unicodedata.is_normalized("NFC", normalise("Éé"))
