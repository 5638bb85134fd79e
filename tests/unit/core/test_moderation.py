"""Message rules: whole-word blocklist matching (case and accents ignored) and links."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from livegiving_desktop.core.moderation import (
    MessageRules,
    MessageStatus,
    bundled_blocklist,
    default_message_rules,
    parse_word_list,
)


def test_bundled_lists_hold_english_and_french_words() -> None:
    words = bundled_blocklist()
    assert {"connard", "cunt"} <= words
    assert not any(w.startswith("#") for w in words)


def test_whole_word_matching_spares_scunthorpe() -> None:
    rules = default_message_rules()
    assert rules.classify("Scunthorpe") is MessageStatus.VISIBLE
    assert rules.classify("Greetings from Scunthorpe United") is MessageStatus.VISIBLE
    assert rules.classify("what a cunt") is MessageStatus.HELD


def test_blocklist_matches_any_case_and_accents() -> None:
    rules = MessageRules(["Connard"])
    for message in ("connard", "CONNARD", "Cönnard", "espèce de connard!"):
        assert rules.classify(message) is MessageStatus.HELD, message
    assert rules.classify("connardise") is MessageStatus.VISIBLE


def test_links_can_be_allowed() -> None:
    assert MessageRules([]).classify("www.spam.example") is MessageStatus.HELD
    assert MessageRules([], hold_links=False).classify("www.spam.example") is (
        MessageStatus.VISIBLE
    )


def test_word_list_parsing_skips_comments_and_blanks() -> None:
    assert parse_word_list("# comment\n\n  Idiot \nÉnorme\n") == {"idiot", "enorme"}


@given(st.text(max_size=300))
def test_classification_is_stable_and_never_raises(message: str) -> None:
    rules = default_message_rules()
    first = rules.classify(message)
    assert first in (MessageStatus.VISIBLE, MessageStatus.HELD)
    assert rules.classify(message) is first
