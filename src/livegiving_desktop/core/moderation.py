"""Moderation rules on donation messages. The first rule: hold for review a message with a
blocklisted word (English and French lists shipped in resources/) or a link."""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import StrEnum
from functools import lru_cache

from livegiving_desktop.core.resources import read_text
from livegiving_desktop.core.text import fold

BLOCKLIST_LANGUAGES = ("en", "fr")
_WORD_RE = re.compile(r"[^\W_]+")
_LINK_RE = re.compile(
    r"(?:https?://|www\.|\b[\w-]+\.(?:com|net|org|fr|io|ly|gg|co|be|ch|ca|info|xyz|ru|biz|tv|me)\b)",
    re.IGNORECASE,
)


class MessageStatus(StrEnum):
    VISIBLE = "visible"  # shown on air
    HELD = "held"  # not shown on air until a moderator approves it
    HIDDEN = "hidden"  # kept off the air


def parse_word_list(text: str) -> frozenset[str]:
    """One word a line; `#` starts a comment line. Words are folded (case and accents)."""
    words = (line.strip() for line in text.splitlines())
    return frozenset(fold(w) for w in words if w and not w.startswith("#"))


class MessageRules:
    """Decides whether a message goes on air or is held for a moderator."""

    def __init__(self, blocked_words: Iterable[str], *, hold_links: bool = True) -> None:
        self.blocked_words = frozenset(fold(w) for w in blocked_words)
        self.hold_links = hold_links
        self._cache: dict[str, MessageStatus] = {}

    def classify(self, message: str) -> MessageStatus:
        """Held when the message holds a link or a blocklisted word, else visible."""
        cached = self._cache.get(message)
        if cached is None:
            cached = self._classify(message)
            if len(self._cache) >= 4096:
                self._cache.clear()
            self._cache[message] = cached
        return cached

    def _classify(self, message: str) -> MessageStatus:
        if self.hold_links and _LINK_RE.search(message):
            return MessageStatus.HELD
        if self.blocked_words and not self.blocked_words.isdisjoint(
            _WORD_RE.findall(fold(message))
        ):
            return MessageStatus.HELD
        return MessageStatus.VISIBLE


@lru_cache(maxsize=1)
def bundled_blocklist() -> frozenset[str]:
    """The English and French lists of resources/blocklist/."""
    words: set[str] = set()
    for lang in BLOCKLIST_LANGUAGES:
        words |= parse_word_list(read_text("blocklist", f"{lang}.txt"))
    return frozenset(words)


def default_message_rules() -> MessageRules:
    return MessageRules(bundled_blocklist())
