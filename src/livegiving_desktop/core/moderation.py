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
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from livegiving_desktop.core.errors import ValidationError
from livegiving_desktop.core.resources import read_text
from livegiving_desktop.core.text import fold

if TYPE_CHECKING:
    from livegiving_desktop.core.donations import ValidDonation

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


def _word_pattern(word: str) -> str:
    """`ass` -> `a+s{2,}`: each run of a letter may repeat, never shrink (so `as` passes)."""
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
        self._cache: dict[str, MessageStatus] = {}

    def classify(self, message: str) -> MessageStatus:
        """The outcome for a message (the strictest of the rules it breaks)."""
        cached = self._cache.get(message)
        if cached is None:
            cached = self._classify(message)
            if len(self._cache) >= 8192:
                self._cache.clear()
            self._cache[message] = cached
        return cached

    def _classify(self, message: str) -> MessageStatus:
        outcomes: list[MessageStatus] = []
        if self.max_length is not None and len(message) > self.max_length:
            outcomes.append(self.long_outcome)
        if self.hold_links and _LINK_RE.search(message):
            outcomes.append(self.link_outcome)
        if self.matcher.matches(message):
            outcomes.append(self.blocklist_outcome)
        return strictest(outcomes)


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
        self.recent: dict[str, list[float]] = {}  # donor key -> [window start, count]
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

    @classmethod
    def off(cls) -> ModerationRules:
        """No rule at all (the benchmark's baseline): every message visible, no flag."""
        return cls(enabled=False)

    def review(
        self, items: list[ValidDonation], tracker: FlagTracker, now: float
    ) -> list[ValidDonation]:
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
        visible, held, new = MessageStatus.VISIBLE.value, MessageStatus.HELD.value, tuple.__new__
        with tracker.lock:
            seen, recent = tracker.seen(), tracker.recent
            recent_get, seen_add = recent.get, seen.add
            for i, d in enumerate(items):
                key, amount = d[7], d[3]  # donor_key, amount_minor (indexing is cheaper)
                entry = recent_get(key)
                if entry is not None and now - entry[0] <= window:
                    entry[1] += 1
                    rapid = entry[1] == count  # flagged once per window, when it reaches N
                    first = False
                else:
                    first = entry is None and key not in seen
                    if first:
                        seen_add(key)
                    recent[key] = [now, 1]
                    rapid = False
                big_first = first and amount >= large_first
                if amount < large and not rapid and not big_first and key not in blocked:
                    continue
                code = (amount >= large) | rapid << 1 | big_first << 2 | (key in blocked) << 3
                status = d[5]
                if code & 8 and status == visible:
                    status = held
                # tuple.__new__: a NamedTuple's _replace costs several times more.
                items[i] = new(type(d), (*d[:5], status, d[6], key, _FLAG_TEXT[code]))
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
