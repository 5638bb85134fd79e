"""The hold queue says why: each rule that held or flagged a donation gives its reason, with
where the word or link stands in the message (for highlighting)."""

from __future__ import annotations

import pytest

from helpers.ledger import valid
from livegiving_desktop.core.donations import DonationDraft, DonationRules, validate_donation
from livegiving_desktop.core.moderation import (
    FlagTracker,
    MessageRules,
    MessageStatus,
    ModerationRules,
    ModerationSettings,
    ReviewReason,
    ReviewRule,
    default_message_rules,
    parse_review_reasons,
    reasons_json,
)

RULES = default_message_rules()


@pytest.mark.parametrize(
    ("message", "shown", "word"),
    [
        ("quel c0nnard !", "c0nnard", "connard"),
        ("Bravo CoNnÄrD", "CoNnÄrD", "connard"),
        ("what a c.o.n.n.a.r.d", "c.o.n.n.a.r.d", "connard"),
        ("fuuuck you", "fuuuck", "fuck"),
        ("b!tch please", "b!tch", "bitch"),
        ("sh1t happens", "sh1t", "shit"),
        ("what a b.a.t.a.r.d", "b.a.t.a.r.d", "batard"),
        ("💖🎉 quelle connasse", "connasse", "connasse"),
        ("Straße connard", "connard", "connard"),  # ß folds to two letters before it
        ("conna\u0301rd", "conna\u0301rd", "connard"),  # a combining accent inside
    ],
)
def test_the_word_matched_and_where_it_stands(message: str, shown: str, word: str) -> None:
    status, stored = RULES.verdict(message)
    assert status == "held"
    [reason] = parse_review_reasons(stored)
    assert reason.rule is ReviewRule.WORD
    assert (reason.text, reason.word, reason.outcome) == (shown, word, "held")
    assert reason.start is not None and message[reason.start : reason.end] == shown


def test_qt_gets_the_span_in_utf16_units() -> None:
    message = "💖 quel connard"  # the emoji is one character, two UTF-16 units
    [reason] = RULES.reasons(message)
    assert (reason.start, reason.end) == (7, 14)
    assert reason.utf16_span(message) == (8, 15)
    assert ReviewReason(ReviewRule.LENGTH).utf16_span(message) is None


def test_every_word_of_a_message_is_found() -> None:
    reasons = RULES.reasons("connard et connasse")
    assert [(r.text, r.start) for r in reasons] == [("connard", 0), ("connasse", 11)]


def test_the_link_and_the_length() -> None:
    rules = MessageRules([], max_length=20, long_outcome=MessageStatus.HELD)
    message = "go to https://spam.example/x now please"
    status, stored = rules.verdict(message)
    assert status == "held"
    link, length = parse_review_reasons(stored)
    assert (link.rule, link.text, link.start, link.end) == (
        ReviewRule.LINK, "https://spam.example/x", 6, 28,
    )  # fmt: skip
    assert (length.rule, length.length, length.limit) == (ReviewRule.LENGTH, 39, 20)


def test_a_visible_message_has_no_reason() -> None:
    assert RULES.verdict("Bravo à toute l'équipe") == ("visible", None)
    assert RULES.verdict("Greetings from Scunthorpe") == ("visible", None)
    # A rule whose outcome is "visible" gives no reason either.
    assert MessageRules([], hold_links=False).verdict("www.example.com") == ("visible", None)


def test_validation_carries_the_reasons_to_the_ledger() -> None:
    rules = DonationRules("EUR", 100, 10_000_000)
    held = validate_donation(DonationDraft("1", "Bob", 500, "c0nnard"), rules, RULES)
    assert held.message_status == "held"
    assert [r.word for r in parse_review_reasons(held.review_reasons)] == ["connard"]
    shown = validate_donation(DonationDraft("2", "Ann", 500, "Bravo"), rules, RULES)
    assert shown.review_reasons is None


def review(rules: ModerationRules, tracker: FlagTracker, name: str, minor: int, now: float,
           *, message: str = "hi") -> tuple[ReviewReason, ...]:  # fmt: skip
    draft = DonationDraft(f"x{now}{name}", name, minor, message)
    d = validate_donation(draft, DonationRules("EUR", 1, 10**9), rules)
    [done] = rules.review([d], tracker, now)
    return parse_review_reasons(done.review_reasons)


def test_the_flags_say_their_threshold() -> None:
    settings = ModerationSettings(large_amount_minor=10_000, large_first_minor=20_000,
                                  rapid_count=2, rapid_window_s=60)  # fmt: skip
    rules = ModerationRules(settings, blocked_donors=["troll"])
    tracker = FlagTracker(known_donors=lambda: ["known"])
    assert review(rules, tracker, "known", 500, 0) == ()
    [large] = review(rules, tracker, "Known", 15_000, 100)
    assert (large.rule, large.limit) == (ReviewRule.LARGE_AMOUNT, 10_000)
    first = review(rules, tracker, "Newcomer", 25_000, 200)
    assert [(r.rule, r.limit) for r in first] == [
        (ReviewRule.LARGE_AMOUNT, 10_000), (ReviewRule.LARGE_FIRST, 20_000),
    ]  # fmt: skip
    [rapid] = review(rules, tracker, "Newcomer", 100, 201)
    assert (rapid.rule, rapid.count, rapid.window_s) == (ReviewRule.RAPID_REPEAT, 2, 60)
    blocked = review(rules, tracker, "TROLL", 100, 300, message="c0nnard")
    # The message's own reason first, then the flag's.
    assert [r.rule for r in blocked] == [ReviewRule.WORD, ReviewRule.BLOCKED_DONOR]


def test_stored_reasons_read_back_and_garbage_is_ignored() -> None:
    reasons = (
        ReviewReason(ReviewRule.WORD, "c0nnard", 5, 12, word="connard", outcome="held"),
        ReviewReason(ReviewRule.RAPID_REPEAT, count=5, window_s=60),
    )
    assert parse_review_reasons(reasons_json(reasons)) == reasons
    assert reasons_json([]) is None
    assert parse_review_reasons(None) == ()
    assert parse_review_reasons("not json") == ()
    assert parse_review_reasons('[{"rule": "unknown"}, 3, {"rule": "length"}]') == (
        ReviewReason(ReviewRule.LENGTH),
    )


def test_valid_helper_still_builds_donations() -> None:
    assert valid("a", "Ann", 500, message="c0nnard").review_reasons is not None


def test_one_link_is_one_reason() -> None:
    reasons = MessageRules([]).reasons("merci www.x.com et https://y.fr/a")
    assert [(r.text, r.start) for r in reasons] == [("www.x.com", 6), ("https://y.fr/a", 19)]
