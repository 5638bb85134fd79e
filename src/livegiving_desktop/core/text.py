"""Text helpers shared by search, donor identity and moderation."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Characters that reorder text on screen (Trojan-source style): removed from names and messages.
BIDI_CONTROLS = frozenset(
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
)
_BIDI_TABLE = {ord(c): None for c in BIDI_CONTROLS}


# C0 and C1 control characters: refused in names, titles and ids.
CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_BIDI_RE = re.compile("[" + "".join(sorted(BIDI_CONTROLS)) + "]")
# Lone surrogates: bytes that were not UTF-8, kept by Python (errors="surrogateescape", a
# command line's arguments); not text any database or log can store.
SURROGATE_RE = re.compile("[\ud800-\udfff]")


def strip_bidi(text: str) -> str:
    """Remove bidirectional override and isolate characters."""
    return text.translate(_BIDI_TABLE) if _BIDI_RE.search(text) else text


@lru_cache(maxsize=4096)
def right_to_left(text: str) -> bool:
    """Whether text reads right to left: the direction of its first strong character (UAX #9,
    rules P2 and P3). A painter lays text out left to right unless told: `ليلى ا.` then ends
    with its full stop on the right."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def has_control_characters(text: str, *, allow_newlines: bool = False) -> bool:
    """True when text holds a C0/C1 control character (newlines allowed on request)."""
    for ch in text:
        if unicodedata.category(ch) == "Cc" and not (allow_newlines and ch in "\n\r\t"):
            return True
    return False


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case- and accent-insensitive form: `Croix-Rouge Française` -> `croix-rouge francaise`."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped.replace("œ", "oe").replace("æ", "ae"))


@lru_cache(maxsize=65536)
def donor_key(name: str) -> str:
    """The identity of a donor within a campaign: the name, case-folded, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


# Characters that show nothing: a name of only these (and spaces) is invisible on air.
INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u3164\u2800\u115f\u1160\uffa0\u00ad")
# Line and paragraph separators: a name or a title on one line never breaks in two.
LINE_SEPARATORS_RE = re.compile("[\u2028\u2029]")


def is_invisible(text: str) -> bool:
    """True when nothing of the text would be seen (empty counts as invisible)."""
    return all(c.isspace() or c in INVISIBLE for c in text)


# Credentials in database URLs, every form SQLAlchemy's URL parsing accepts:
# user:password@host (a raw "@" in the password too: up to the last "@" of the authority),
# and ?password=... / &sslpassword=... in the query.
_URL_USERINFO_RE = re.compile(r"(?P<head>[A-Za-z][\w+.-]*://[^\s:/@?#]*:)[^\s/?#]*@")
_URL_SECRET_PARAM_RE = re.compile(
    r"(?P<head>[?&;](?:[\w.-]*(?:password|passwd|pwd|secret|token|passphrase)[\w.-]*)=)"
    r"[^&;\s#'\"]*",
    re.IGNORECASE,
)


def mask_credentials(text: str) -> str:
    """Every password of every URL in the text (a message, a log line) replaced by ***."""
    if "://" not in text and "=" not in text:
        return text
    masked = _URL_USERINFO_RE.sub(r"\g<head>***@", text)
    return _URL_SECRET_PARAM_RE.sub(r"\g<head>***", masked)
