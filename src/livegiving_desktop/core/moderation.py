"""Moderation rules: what a donation's message may show on air, and what a moderator should
review. Plain Python: the ingestion pipeline applies them to every donation, so the matcher
folds each message once (cached) and runs one precompiled regex over it.

- The blocklist matcher sees through case, accents, repeated letters (`fuuuck`), common
  character swaps (`c0nnard`, `$hit`) and separators inside a word (`c.o.n.n.a.r.d`), but
  only matches whole words: `Scunthorpe`, `classic`, `cocktail` pass.
- Links, an over-long message: each has an outcome (visible, held or hidden).
- Review flags: a large amount, many donations from one donor in a short time, a large first
  donation from a new donor. A blocked donor's later messages are held.
"""

from __future__ import annotations

import json
import re
import threading
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import lru_cache
from typing import TYPE_CHECKING, Any, TypeVar

from livegiving_desktop.core.errors import ValidationError
from livegiving_desktop.core.resources import read_text
from livegiving_desktop.core.text import fold

if TYPE_CHECKING:
    from livegiving_desktop.core.donations import ValidRow

    # A ValidDonation or the pipeline's plain ValidRow: review() keeps the type it is given.
    Row = TypeVar("Row", bound=ValidRow)

BLOCKLIST_LANGUAGES = ("en", "fr")
_LINK_RE = re.compile(
    r"(?:https?://|www\.|\b[\w-]+\.(?:com|net|org|fr|io|ly|gg|co|be|ch|ca|info|xyz|ru|biz|tv|me)\b)",
    re.IGNORECASE,
)
# Common character swaps, applied after folding. `1` is read as `i` and, in a second pass, `l`.
_SWAPS = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a",
                        "$": "s", "€": "e", "|": "l"})  # fmt: skip
_SWAPS_L = str.maketrans({"1": "l"})
# `!` inside a word stands for `i` (`b!tch`); at the end it is punctuation.
_BANG_RE = re.compile(r"(?<=\w)!+(?=\w)")
# Single characters split by separators (`c.o.n.n.a.r.d`, `c o n n a r d`): joined again.
_SPACED_RE = re.compile(r"(?<!\w)(?:\w[\s.\-_*+~'`]{1,3}){2,}\w(?!\w)")
_SPACERS_RE = re.compile(r"[\s.\-_*+~'`]+")
# Endings that make a blocklisted word another form of itself (plural, feminine).
_ENDINGS = "(?:s|e|es|x)?"
MAX_WORDS = 5000
MAX_WORD_LENGTH = 60


class MessageStatus(StrEnum):
    VISIBLE = "visible"  # shown on air
    HELD = "held"  # not shown on air until a moderator approves it
    HIDDEN = "hidden"  # kept off the air


class ReviewFlag(StrEnum):
    """Why a donation deserves a moderator's look (stored comma-separated in donations.flags)."""

    LARGE_AMOUNT = "large-amount"
    RAPID_REPEAT = "rapid-repeat"
    LARGE_FIRST = "large-first"
    BLOCKED_DONOR = "blocked-donor"


class ReviewRule(StrEnum):
    """Why the rules held or flagged a donation (one ReviewReason each)."""

    WORD = "word"  # a blocklisted word, where it stands in the message
    LINK = "link"  # a link, where it stands
    LENGTH = "length"  # the message is longer than the campaign allows
    BLOCKED_DONOR = "blocked-donor"
    LARGE_AMOUNT = "large-amount"
    RAPID_REPEAT = "rapid-repeat"
    LARGE_FIRST = "large-first"


@dataclass(frozen=True, slots=True)
class ReviewReason:
    """One reason the rules gave, as stored with the donation (`donations.review_reasons`).
    `start`/`end` are the span in the message (Python string indices: code points), for
    highlighting; `utf16_span` gives Qt's."""

    rule: ReviewRule
    text: str | None = None  # the word or link as written in the message
    start: int | None = None
    end: int | None = None
    word: str | None = None  # the blocklist word it matched
    length: int | None = None  # the message's length (LENGTH)
    limit: int | None = None  # the maximum length, or the threshold in minor units
    count: int | None = None  # RAPID_REPEAT: donations...
    window_s: int | None = None  # ...within this many seconds
    outcome: str | None = None  # what the rule decided for the message: held or hidden

    def utf16_span(self, message: str) -> tuple[int, int] | None:
        """The span in UTF-16 code units (QString, QTextCursor), None when not in the text."""
        if self.start is None or self.end is None:
            return None
        before = message[: self.start]
        inside = message[self.start : self.end]
        start = len(before.encode("utf-16-le")) // 2
        return start, start + len(inside.encode("utf-16-le")) // 2

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"rule": self.rule.value}
        for name in ("text", "start", "end", "word", "length", "limit", "count", "window_s",
                     "outcome"):  # fmt: skip
            value = getattr(self, name)
            if value is not None:
                data[name] = value
        return data


def reasons_json(reasons: Iterable[ReviewReason]) -> str | None:
    """The stored form: a compact JSON array (None when there is no reason)."""
    items = [r.to_dict() for r in reasons]
    return json.dumps(items, ensure_ascii=False, separators=(",", ":")) if items else None


def parse_review_reasons(text: str | None) -> tuple[ReviewReason, ...]:
    """The reasons stored with a donation; unreadable entries are skipped, never raised."""
    if not text:
        return ()
    try:
        items = json.loads(text)
    except ValueError:
        return ()
    out: list[ReviewReason] = []
    for item in items if isinstance(items, list) else ():
        try:
            rule = ReviewRule(item["rule"])
        except (KeyError, TypeError, ValueError):
            continue
        fields = {k: item.get(k) for k in ReviewReason.__dataclass_fields__ if k != "rule"}
        out.append(ReviewReason(rule, **fields))
    return tuple(out)


def parse_word_list(text: str) -> frozenset[str]:
    """One word a line; `#` starts a comment line. Words are folded (case and accents)."""
    words = (line.strip() for line in text.splitlines())
    return frozenset(fold(w) for w in words if w and not w.startswith("#"))


def normalise(text: str) -> str:
    """The form the matcher reads: folded, common swaps undone, spaced letters joined."""
    folded = fold(text)
    if "!" in folded:
        folded = _BANG_RE.sub("i", folded)
    folded = folded.translate(_SWAPS)
    if _SPACED_RE.search(folded):
        folded = _SPACED_RE.sub(lambda m: _SPACERS_RE.sub("", m.group(0)), folded)
    return folded


class _Mapped:
    """Normalised text that remembers, for each of its characters, the index of the
    character of the original message it came from (to highlight what matched)."""

    __slots__ = ("chars", "index")

    def __init__(self, chars: str, index: list[int]) -> None:
        self.chars = chars
        self.index = index

    @classmethod
    def folded(cls, text: str) -> _Mapped:
        chars: list[str] = []
        index: list[int] = []
        for i, ch in enumerate(text):
            for out in fold(ch):
                chars.append(out)
                index.append(i)
        return cls("".join(chars), index)

    def translate(self, table: dict[int, str]) -> _Mapped:
        return _Mapped(self.chars.translate(table), self.index)  # one character for one

    def sub(self, pattern: re.Pattern[str], keep: Callable[[re.Match[str]], list[int]]) -> _Mapped:
        """Replace each match by the characters at the offsets (within it) `keep` names, or
        by one `i` (the `!` of `b!tch`) when it names none."""
        chars: list[str] = []
        index: list[int] = []
        last = 0
        for m in pattern.finditer(self.chars):
            chars.append(self.chars[last : m.start()])
            index.extend(self.index[last : m.start()])
            kept = keep(m)
            if kept:
                chars.append("".join(self.chars[m.start() + k] for k in kept))
                index.extend(self.index[m.start() + k] for k in kept)
            else:
                chars.append("i")
                index.append(self.index[m.start()])
            last = m.end()
        chars.append(self.chars[last:])
        index.extend(self.index[last:])
        return _Mapped("".join(chars), index)

    def span(self, start: int, end: int, original: str) -> tuple[int, int]:
        """The span of the original text that characters start..end came from (with the
        accents that follow its last letter)."""
        first, stop = self.index[start], self.index[end - 1] + 1
        while stop < len(original) and unicodedata.combining(original[stop]):
            stop += 1
        return first, stop


def _not_spacer(m: re.Match[str]) -> list[int]:
    return [k for k, ch in enumerate(m.group(0)) if not _SPACERS_RE.fullmatch(ch)]


def _normalise_mapped(mapped: _Mapped) -> _Mapped:
    """`normalise`, keeping the map back to the original message."""
    if "!" in mapped.chars:
        mapped = mapped.sub(_BANG_RE, lambda m: [])
    mapped = mapped.translate(_SWAPS)
    if _SPACED_RE.search(mapped.chars):
        mapped = mapped.sub(_SPACED_RE, _not_spacer)
    return mapped


@lru_cache(maxsize=4096)
def _word_pattern(word: str) -> str:
    """`ass` -> `a+s{2,}`: each run of a letter may repeat, never shrink (so `as` passes).
    Cached: every set of rules (each ingestion pipeline, each edit of a campaign's words)
    builds one for each word of the bundled lists, ~1 ms a set uncached."""
    parts: list[str] = []
    for run in re.finditer(r"(.)\1*", normalise(word)):
        ch, length = run.group(1), len(run.group(0))
        if not ch.isalnum():
            parts.append(r"[\W_]*")
            continue
        esc = re.escape(ch)
        parts.append(f"{esc}+" if length == 1 else f"{esc}{{{length},}}")
    return "".join(parts)


class BlocklistMatcher:
    """Whole-word matching of a word list over normalised text, one compiled regex."""

    def __init__(self, words: Iterable[str]) -> None:
        self.words = frozenset(w for w in (fold(x.strip()) for x in words) if w)
        self._word_regexes: dict[str, re.Pattern[str]] = {}
        patterns = sorted({_word_pattern(w) for w in self.words if normalise(w).strip()})
        patterns = [p for p in patterns if p and p != r"[\W_]*"]
        self._regex = (
            re.compile(r"(?<![^\W\d_])(?:" + "|".join(patterns) + ")" + _ENDINGS + r"(?![^\W\d_])")
            if patterns
            else None
        )

    def matches(self, text: str) -> bool:
        if self._regex is None:
            return False
        folded = fold(text)
        if self._regex.search(normalise(text)) or self._spelled_out(folded):
            return True
        if "1" in folded:  # `1` read as `l` this time
            return self._regex.search(normalise(folded.translate(_SWAPS_L))) is not None
        return False

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Where blocklisted words stand in `text`: (start, end, the list's word) for each,
        in the original text's indices. Only for messages `matches` caught (slow path)."""
        if self._regex is None:
            return []
        folded = _Mapped.folded(text)
        found: dict[tuple[int, int], str] = {}
        passes = [folded]
        if "1" in folded.chars:
            passes.append(folded.translate(_SWAPS_L))
        for mapped in passes:
            norm = _normalise_mapped(mapped)
            for m in self._regex.finditer(norm.chars):
                if m.end() > m.start():
                    span = norm.span(m.start(), m.end(), text)
                    found.setdefault(span, self._word_of(m.group(0)))
        swapped = folded.translate(_SWAPS)
        for run in _SPACED_RE.finditer(swapped.chars):
            letters = [
                (run.start() + p.start(), run.start() + p.end())
                for p in re.finditer(r"[^\s.\-_*+~'`]+", run.group(0))
            ][:40]
            for i in range(len(letters)):
                for j in range(len(letters), i + 1, -1):
                    joined = "".join(swapped.chars[a:b] for a, b in letters[i:j])
                    if self._regex.fullmatch(joined):
                        span = swapped.span(letters[i][0], letters[j - 1][1], text)
                        found.setdefault(span, self._word_of(joined))
                        break
        return sorted((start, end, word) for (start, end), word in found.items())

    def _word_of(self, normalised: str) -> str:
        """The list's word that `normalised` (a match of the regex) stands for."""
        for word in sorted(self.words):
            pattern = self._word_regexes.get(word)
            if pattern is None:
                body = _word_pattern(word)
                pattern = re.compile(f"(?:{body}){_ENDINGS}") if body else re.compile("(?!)")
                self._word_regexes[word] = pattern
            if pattern.fullmatch(normalised):
                return word
        return normalised

    def _spelled_out(self, folded: str) -> bool:
        """Letters spelled out one by one may sit beside a one-letter word (`what a b.a.t.a.r.d`):
        every stretch of such a run is tried on its own."""
        assert self._regex is not None
        swapped = folded.translate(_SWAPS)
        for run in _SPACED_RE.finditer(swapped):
            letters = _SPACERS_RE.split(run.group(0))[:40]
            for i in range(len(letters)):
                for j in range(len(letters), i + 1, -1):
                    if self._regex.fullmatch("".join(letters[i:j])):
                        return True
        return False


class MessageRules:
    """Decides whether a message goes on air, is held for a moderator or is hidden."""

    def __init__(
        self,
        blocked_words: Iterable[str],
        *,
        hold_links: bool = True,
        link_outcome: MessageStatus | None = None,
        blocklist_outcome: MessageStatus = MessageStatus.HELD,
        max_length: int | None = None,
        long_outcome: MessageStatus = MessageStatus.HELD,
    ) -> None:
        self.matcher = BlocklistMatcher(blocked_words)
        self.blocked_words = self.matcher.words
        if link_outcome is None:
            link_outcome = MessageStatus.HELD if hold_links else MessageStatus.VISIBLE
        self.link_outcome = link_outcome
        self.hold_links = link_outcome is not MessageStatus.VISIBLE
        self.blocklist_outcome = blocklist_outcome
        self.max_length = max_length
        self.long_outcome = long_outcome
        self._cache: dict[str, tuple[str, str | None]] = {}

    def classify(self, message: str) -> MessageStatus:
        """The outcome for a message (the strictest of the rules it breaks)."""
        return MessageStatus(self.verdict(message)[0])

    def verdict(self, message: str) -> tuple[str, str | None]:
        """The outcome's value and, unless visible, why (the stored JSON of ReviewReasons).
        Cached per message text: the ingestion pipeline asks for every donation."""
        cached = self._cache.get(message)
        if cached is None:
            cached = self._verdict(message)
            if len(self._cache) >= 8192:
                self._cache.clear()
            self._cache[message] = cached
        return cached

    def reasons(self, message: str) -> tuple[ReviewReason, ...]:
        return parse_review_reasons(self.verdict(message)[1])

    def _verdict(self, message: str) -> tuple[str, str | None]:
        outcomes: list[MessageStatus] = []
        too_long = self.max_length is not None and len(message) > self.max_length
        if too_long:
            outcomes.append(self.long_outcome)
        link = self.hold_links and _LINK_RE.search(message) is not None
        if link:
            outcomes.append(self.link_outcome)
        word = self.matcher.matches(message)
        if word:
            outcomes.append(self.blocklist_outcome)
        status = strictest(outcomes)
        if status is MessageStatus.VISIBLE:
            return status.value, None
        # The slow path, once per held or hidden message text: say why, and where.
        found: list[ReviewReason] = []
        if word:
            for start, end, listed in self.matcher.find(message):
                found.append(
                    ReviewReason(ReviewRule.WORD, message[start:end], start, end, word=listed,
                                 outcome=self.blocklist_outcome.value)
                )  # fmt: skip
            if not found:  # caught, but not placed: say so without a span
                found.append(ReviewReason(ReviewRule.WORD, outcome=self.blocklist_outcome.value))
        if link and self.link_outcome is not MessageStatus.VISIBLE:
            end = 0
            for m in _LINK_RE.finditer(message):
                if m.start() < end:
                    continue  # `x.com` inside `www.x.com`: one link
                end = m.end()
                while end < len(message) and not message[end].isspace():
                    end += 1
                found.append(ReviewReason(ReviewRule.LINK, message[m.start() : end], m.start(),
                                          end, outcome=self.link_outcome.value))  # fmt: skip
        if too_long and self.long_outcome is not MessageStatus.VISIBLE:
            found.append(
                ReviewReason(ReviewRule.LENGTH, length=len(message), limit=self.max_length,
                             outcome=self.long_outcome.value)
            )  # fmt: skip
        return status.value, reasons_json(found)


def strictest(outcomes: Iterable[MessageStatus]) -> MessageStatus:
    """hidden > held > visible."""
    order = {MessageStatus.VISIBLE: 0, MessageStatus.HELD: 1, MessageStatus.HIDDEN: 2}
    return max(outcomes, key=order.__getitem__, default=MessageStatus.VISIBLE)


@lru_cache(maxsize=4)
def bundled_words(language: str) -> frozenset[str]:
    """The shipped list of one language (resources/blocklist/<lang>.txt)."""
    return parse_word_list(read_text("blocklist", f"{language}.txt"))


@lru_cache(maxsize=1)
def bundled_blocklist() -> frozenset[str]:
    """The English and French lists of resources/blocklist/."""
    words: set[str] = set()
    for lang in BLOCKLIST_LANGUAGES:
        words |= bundled_words(lang)
    return frozenset(words)


def default_message_rules() -> MessageRules:
    return MessageRules(bundled_blocklist())


# -- per-campaign settings -----------------------------------------------------------------


_OUTCOMES = tuple(s.value for s in MessageStatus)


@dataclass(frozen=True, slots=True)
class ModerationSettings:
    """A campaign's moderation rules, saved as JSON. Amounts in the campaign's minor units;
    a threshold of None turns its flag off."""

    added_words: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    removed_words: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    blocklist_outcome: MessageStatus = MessageStatus.HELD
    link_outcome: MessageStatus = MessageStatus.HELD
    max_message_length: int | None = None
    long_message_outcome: MessageStatus = MessageStatus.HELD
    large_amount_minor: int | None = None
    rapid_count: int = 5
    rapid_window_s: int = 60
    large_first_minor: int | None = None

    def words(self, language: str) -> frozenset[str]:
        """The effective list of one language: the shipped words, edited."""
        base = bundled_words(language) if language in BLOCKLIST_LANGUAGES else frozenset()
        added = {fold(w) for w in self.added_words.get(language, ())}
        removed = {fold(w) for w in self.removed_words.get(language, ())}
        return frozenset((base | added) - removed)

    def all_words(self) -> frozenset[str]:
        words: set[str] = set()
        for lang in BLOCKLIST_LANGUAGES:
            words |= self.words(lang)
        return frozenset(words)

    def with_words(self, language: str, words: Iterable[str]) -> ModerationSettings:
        """The settings whose effective list of `language` is `words` (kept as a difference
        from the shipped list, so later updates of the shipped list still arrive)."""
        wanted = {w for w in (fold(x.strip()) for x in words) if w and not w.startswith("#")}
        for word in wanted:
            check_word(word)
        base = bundled_words(language)
        added = dict(self.added_words)
        removed = dict(self.removed_words)
        added[language] = tuple(sorted(wanted - base))
        removed[language] = tuple(sorted(base - wanted))
        return replace(self, added_words=added, removed_words=removed)

    def to_json(self) -> str:
        data: dict[str, Any] = {
            "added_words": {k: list(v) for k, v in sorted(self.added_words.items()) if v},
            "removed_words": {k: list(v) for k, v in sorted(self.removed_words.items()) if v},
            "blocklist_outcome": self.blocklist_outcome.value,
            "link_outcome": self.link_outcome.value,
            "max_message_length": self.max_message_length,
            "long_message_outcome": self.long_message_outcome.value,
            "large_amount_minor": self.large_amount_minor,
            "rapid_count": self.rapid_count,
            "rapid_window_s": self.rapid_window_s,
            "large_first_minor": self.large_first_minor,
        }
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> ModerationSettings:
        """Read and check saved settings; ValidationError names the field at fault."""
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise ValidationError("moderation rules", f"are not valid JSON: {exc}") from None
        if not isinstance(data, dict):
            raise ValidationError("moderation rules", "must be a JSON object")
        return settings_from_mapping(data)

    def check(self) -> ModerationSettings:
        """Raise ValidationError naming the field when a value is out of range."""
        if self.blocklist_outcome is MessageStatus.VISIBLE:
            raise ValidationError("blocklist outcome", "must be held or hidden")
        if self.max_message_length is not None and not 1 <= self.max_message_length <= 500:
            raise ValidationError("max message length", "must be from 1 to 500 characters")
        for name in ("large_amount_minor", "large_first_minor"):
            value = getattr(self, name)
            if value is not None and value <= 0:
                raise ValidationError(name.replace("_", " "), "must be above zero")
        if not 2 <= self.rapid_count <= 1000:
            raise ValidationError("rapid count", "must be from 2 to 1000 donations")
        if not 1 <= self.rapid_window_s <= 86_400:
            raise ValidationError("rapid window", "must be from 1 second to one day")
        for mapping in (self.added_words, self.removed_words):
            for lang, words in mapping.items():
                if lang not in BLOCKLIST_LANGUAGES:
                    raise ValidationError("blocklist language", f"'{lang}' is not en or fr")
                if len(words) > MAX_WORDS:
                    raise ValidationError("blocklist", f"at most {MAX_WORDS} words a language")
                for word in words:
                    check_word(word)
        return self


def check_word(word: str) -> None:
    if not isinstance(word, str) or not word.strip() or len(word) > MAX_WORD_LENGTH:
        raise ValidationError("blocklist word", f"must be 1 to {MAX_WORD_LENGTH} characters")
    if any(ch in word for ch in "\n\r\t"):
        raise ValidationError("blocklist word", "must be one word or phrase on one line")


def _outcome(data: Mapping[str, Any], key: str, default: MessageStatus) -> MessageStatus:
    value = data.get(key, default.value)
    if value not in _OUTCOMES:
        raise ValidationError(key.replace("_", " "), f"must be one of {', '.join(_OUTCOMES)}")
    return MessageStatus(value)


def _optional_int(data: Mapping[str, Any], key: str, default: int | None) -> int | None:
    value = data.get(key, default)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(key.replace("_", " "), "must be a whole number or null")
    return value


def _words(data: Mapping[str, Any], key: str) -> dict[str, tuple[str, ...]]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise ValidationError(key.replace("_", " "), "must map a language to a list of words")
    out: dict[str, tuple[str, ...]] = {}
    for lang, words in value.items():
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise ValidationError(key.replace("_", " "), f"{lang}: must be a list of words")
        out[str(lang)] = tuple(words)
    return out


def settings_from_mapping(data: Mapping[str, Any]) -> ModerationSettings:
    default = ModerationSettings()
    rapid_count = _optional_int(data, "rapid_count", default.rapid_count)
    rapid_window = _optional_int(data, "rapid_window_s", default.rapid_window_s)
    if rapid_count is None or rapid_window is None:
        raise ValidationError("rapid_count" if rapid_count is None else "rapid_window_s",
                              "must be a whole number")  # fmt: skip
    return ModerationSettings(
        added_words=_words(data, "added_words"),
        removed_words=_words(data, "removed_words"),
        blocklist_outcome=_outcome(data, "blocklist_outcome", default.blocklist_outcome),
        link_outcome=_outcome(data, "link_outcome", default.link_outcome),
        max_message_length=_optional_int(data, "max_message_length", None),
        long_message_outcome=_outcome(data, "long_message_outcome", default.long_message_outcome),
        large_amount_minor=_optional_int(data, "large_amount_minor", None),
        rapid_count=rapid_count,
        rapid_window_s=rapid_window,
        large_first_minor=_optional_int(data, "large_first_minor", None),
    ).check()


THRESHOLD_MAXIMUM_MAJOR = 10**12


def parse_threshold(
    text: str, currency: str, locale: str | None = None, *, field: str = "large amount"
) -> int | None:
    """A review threshold as typed in the console: empty is off (None); else an amount above
    zero in the campaign's currency, read in the UI's `locale` (or the dot form without one)."""
    from livegiving_desktop.core.money import minor_per_major, parse_amount_input

    if not text.strip():
        return None
    limit = THRESHOLD_MAXIMUM_MAJOR * minor_per_major(currency)
    return parse_amount_input(text, currency, locale, field=field, maximum=limit)


def default_settings(exponent: int) -> ModerationSettings:
    """A campaign's rules before anyone edits them: a large amount is 500 major units, a large
    first donation 200."""
    unit = 10**exponent
    return ModerationSettings(large_amount_minor=500 * unit, large_first_minor=200 * unit)


# -- the rules as the pipeline applies them ------------------------------------------------


def _flag_text(code: int) -> str:
    order = (ReviewFlag.LARGE_AMOUNT, ReviewFlag.RAPID_REPEAT, ReviewFlag.LARGE_FIRST,
             ReviewFlag.BLOCKED_DONOR)  # fmt: skip
    return ",".join(flag.value for bit, flag in enumerate(order) if code >> bit & 1)


# The flags text of each combination (bit 0 large amount, 1 rapid, 2 large first, 3 blocked).
_FLAG_TEXT = tuple(_flag_text(code) for code in range(16))


class FlagTracker:
    """The small state behind the review flags: the donors seen, and a fixed-window donation
    count per recent donor (pruned so it stays small). Used under `lock` by ModerationRules."""

    def __init__(self, known_donors: Callable[[], Iterable[str]] | None = None) -> None:
        self._known_loader = known_donors
        self._seen: set[str] | None = None
        # donor key -> (window start, count): a tuple of numbers, which the garbage collector
        # stops tracking (a list per donor kept thousands of objects in its oldest generation).
        self.recent: dict[str, tuple[float, int]] = {}
        self.lock = threading.Lock()
        self.next_prune = 0.0

    def seen(self) -> set[str]:
        """Donor keys seen so far; the campaign's earlier donors are loaded on first use (in
        the producer's thread, never the UI's)."""
        if self._seen is None:
            loader, self._known_loader = self._known_loader, None
            self._seen = set(loader()) if loader is not None else set()
        return self._seen

    def prune(self, now: float, window: float) -> None:
        self.next_prune = now + window
        if len(self.recent) > 10_000:
            self.recent = {k: v for k, v in self.recent.items() if now - v[0] <= window}


class ModerationRules:
    """A campaign's rules as applied to incoming donations: immutable (swap, never edit)."""

    def __init__(
        self,
        settings: ModerationSettings | None = None,
        blocked_donors: Iterable[str] = (),
        *,
        enabled: bool = True,
    ) -> None:
        self.settings = settings or ModerationSettings()
        self.enabled = enabled
        self.blocked_donors = frozenset(blocked_donors)
        s = self.settings
        self.message_rules = (
            MessageRules(
                s.all_words(),
                link_outcome=s.link_outcome,
                blocklist_outcome=s.blocklist_outcome,
                max_length=s.max_message_length,
                long_outcome=s.long_message_outcome,
            )
            if enabled
            else MessageRules([], hold_links=False)
        )
        # Bound once: validation calls it for every message.
        self.classify: Callable[[str], MessageStatus] = self.message_rules.classify
        self.verdict: Callable[[str], tuple[str, str | None]] = self.message_rules.verdict
        # The reasons of each combination of flags (as review() codes them), made once.
        self._flag_reasons = tuple(self._flag_reasons_json(code) for code in range(16))

    def _flag_reasons_json(self, code: int) -> str | None:
        s = self.settings
        reasons = []
        if code & 1:
            reasons.append(ReviewReason(ReviewRule.LARGE_AMOUNT, limit=s.large_amount_minor))
        if code & 2:
            reasons.append(ReviewReason(ReviewRule.RAPID_REPEAT, count=s.rapid_count,
                                        window_s=s.rapid_window_s))  # fmt: skip
        if code & 4:
            reasons.append(ReviewReason(ReviewRule.LARGE_FIRST, limit=s.large_first_minor))
        if code & 8:
            reasons.append(ReviewReason(ReviewRule.BLOCKED_DONOR, outcome=MessageStatus.HELD.value))
        return reasons_json(reasons)

    @classmethod
    def off(cls) -> ModerationRules:
        """No rule at all (the benchmark's baseline): every message visible, no flag."""
        return cls(enabled=False)

    def review(self, items: list[Row], tracker: FlagTracker, now: float) -> list[Row]:
        """Flags and blocked donors applied to validated donations (in place, in order).
        Written for the hot path: one dict lookup per donation, flags built only when due.
        Rapid repeats: a donor's window starts at their donation; the donation that makes it
        `rapid_count` within `rapid_window_s` is flagged (once a window, not every later one).
        """
        if not self.enabled:
            return items
        s = self.settings
        never = 1 << 62
        large = s.large_amount_minor if s.large_amount_minor is not None else never
        large_first = s.large_first_minor if s.large_first_minor is not None else never
        window, count = float(s.rapid_window_s), s.rapid_count
        blocked = self.blocked_donors
        flag_reasons = self._flag_reasons
        visible, held, new = MessageStatus.VISIBLE.value, MessageStatus.HELD.value, tuple.__new__
        with tracker.lock:
            seen, recent = tracker.seen(), tracker.recent
            recent_get, seen_add = recent.get, seen.add
            for i, d in enumerate(items):
                key, amount = d[7], d[3]  # donor_key, amount_minor (indexing is cheaper)
                entry = recent_get(key)
                if entry is not None and now - entry[0] <= window:
                    given = entry[1] + 1
                    recent[key] = (entry[0], given)
                    rapid = given == count  # flagged once per window, when it reaches N
                    first = False
                else:
                    first = entry is None and key not in seen
                    if first:
                        seen_add(key)
                    recent[key] = (now, 1)
                    rapid = False
                big_first = first and amount >= large_first
                if amount < large and not rapid and not big_first and key not in blocked:
                    continue
                code = (amount >= large) | rapid << 1 | big_first << 2 | (key in blocked) << 3
                status = d[5]
                if code & 8 and status == visible:
                    status = held
                # The message's reasons (d[9]) and the flags', one JSON array.
                why = flag_reasons[code]
                if d[9] is not None:
                    why = d[9][:-1] + "," + why[1:] if why else d[9]
                # tuple.__new__: a NamedTuple's _replace costs several times more.
                items[i] = new(type(d), (*d[:5], status, d[6], key, _FLAG_TEXT[code], why))
            if now >= tracker.next_prune:
                tracker.prune(now, window)
        return items


# -- the moderation table ------------------------------------------------------------------


class TableSort(StrEnum):
    ID = "id"
    TIME = "time"
    AMOUNT = "amount"
    DONOR = "donor"


@dataclass(frozen=True, slots=True)
class DonationFilter:
    """What the moderation table shows. Empty fields filter nothing."""

    statuses: tuple[str, ...] = ()  # completed, refunded
    message_statuses: tuple[str, ...] = ()  # visible, held, hidden
    flagged_only: bool = False
    min_minor: int | None = None
    max_minor: int | None = None
    donor: str = ""
    text: str = ""  # in the donor's name or the message

    def check(self) -> DonationFilter:
        low, high = self.min_minor, self.max_minor
        if low is not None and high is not None and low > high:
            raise ValidationError("amount range", "the minimum is above the maximum")
        return self


ACTIONS = ("approve", "hide", "privacy", "block-donor", "unblock-donor", "rules", "refund")
