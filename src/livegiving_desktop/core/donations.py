"""Donations: what the ledger accepts, and the cleaning of names and messages."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple, Protocol

from livegiving_desktop.core.errors import ValidationError
from livegiving_desktop.core.moderation import MessageStatus
from livegiving_desktop.core.money import to_decimal_text
from livegiving_desktop.core.text import (
    BIDI_CONTROLS,
    CONTROL_RE,
    INVISIBLE,
    LINE_SEPARATORS_RE,
    SURROGATE_RE,
    donor_key,
    is_invisible,
    strip_bidi,
)

NAME_MAX = 100
MESSAGE_MAX = 500
EXTERNAL_ID_MAX = 200
_MESSAGE_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Anything that needs the slow path: control characters or bidi controls.
_SUSPECT_RE = re.compile(
    "[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029"
    + "".join(sorted(BIDI_CONTROLS | INVISIBLE))
    + "]"
)


class DonationStatus(StrEnum):
    COMPLETED = "completed"
    REFUNDED = "refunded"


class DonationSource(StrEnum):
    STREAM = "stream"  # the (simulated) audience of the broadcast
    OFFLINE = "offline"  # given outside the stream: cash at a venue, a bank transfer


class DonationDraft(NamedTuple):
    """A donation as it arrives, before validation. (NamedTuples: thousands a second.)"""

    external_id: str
    donor_name: str
    amount_minor: int
    message: str | None = None
    anonymous: bool = False
    source: str = DonationSource.STREAM.value


@dataclass(frozen=True, slots=True)
class DonationRules:
    """What a campaign accepts."""

    currency: str
    minimum_minor: int
    maximum_minor: int
    allow_anonymous: bool = True


class MessageClassifier(Protocol):
    """The message rules validation applies (core/moderation.py)."""

    def classify(self, message: str) -> MessageStatus: ...

    def verdict(self, message: str) -> tuple[str, str | None]:
        """The outcome's value and, unless visible, why (JSON of ReviewReasons)."""
        ...


class ValidDonation(NamedTuple):
    """A donation that passed validation, fields in the ledger's insert order.
    message_status is None when there is no message; flags are the review flags of the
    moderation rules (comma-separated), set by the pipeline; review_reasons says why the
    rules held the message or flagged the donation (JSON, core/moderation.ReviewReason)."""

    external_id: str
    donor_name: str
    anonymous: bool
    amount_minor: int
    message: str | None
    message_status: str | None
    source: str
    donor_key: str
    flags: str | None = None
    review_reasons: str | None = None


# A validated donation as the ingestion pipeline carries it: ValidDonation's fields in order,
# in a plain tuple. Equal to the ValidDonation of the same fields; unlike a NamedTuple, the
# garbage collector stops tracking it (text and numbers only), so thousands waiting in the
# writer's queue cost no collection time.
ValidRow = tuple[str, str, bool, int, str | None, str | None, str, str, str | None, str | None]


def clean_donor_name(text: str, field: str = "donor name") -> str:
    """1 to 100 characters after trimming, no control characters, bidi overrides removed."""
    name = strip_bidi(text).strip()
    if not name:
        raise ValidationError(field, "is empty; give the donor's name")
    if LINE_SEPARATORS_RE.search(name):
        raise ValidationError(field, "must stay on one line")
    if is_invisible(name):
        raise ValidationError(field, "has no visible character")
    if len(name) > NAME_MAX:
        raise ValidationError(field, f"is {len(name)} characters long; at most {NAME_MAX}")
    if CONTROL_RE.search(name):
        raise ValidationError(field, "contains control characters")
    if SURROGATE_RE.search(name):
        raise ValidationError(field, "contains characters that are not valid text")
    return name


def clean_message(text: str | None, field: str = "message") -> str | None:
    """Up to 500 characters, bidi overrides removed; empty means no message."""
    if text is None:
        return None
    message = strip_bidi(text).strip()
    if not message:
        return None
    if len(message) > MESSAGE_MAX:
        raise ValidationError(field, f"is {len(message)} characters long; at most {MESSAGE_MAX}")
    if _MESSAGE_CONTROL_RE.search(message):
        raise ValidationError(field, "contains control characters")
    if SURROGATE_RE.search(message):
        raise ValidationError(field, "contains characters that are not valid text")
    return message


def clean_external_id(text: str, field: str = "external id") -> str:
    value = text.strip()
    if not value:
        raise ValidationError(field, "is empty")
    if (
        len(value) > EXTERNAL_ID_MAX
        or CONTROL_RE.search(value)
        or SURROGATE_RE.search(value)
        or LINE_SEPARATORS_RE.search(value)
        or any(c in BIDI_CONTROLS for c in value)
    ):
        raise ValidationError(field, f"must be 1 to {EXTERNAL_ID_MAX} printable characters")
    return value


def validate_donation(
    draft: DonationDraft, rules: DonationRules, message_rules: MessageClassifier
) -> ValidDonation:
    """Validate a donation for a campaign and apply the first message rule.

    Written for the ingestion hot path: one regex search per text finds anything suspect
    (control or bidi characters), and only then do the slower cleaning functions run.
    """
    name = draft.donor_name
    if _SUSPECT_RE.search(name) is None:
        name = name.strip()
        if not name or len(name) > NAME_MAX:
            name = clean_donor_name(name)
    else:
        name = clean_donor_name(name)
    message = draft.message
    status: str | None = None
    reasons: str | None = None
    if message is not None:
        if _SUSPECT_RE.search(message) is None:
            message = message.strip()
            if len(message) > MESSAGE_MAX:
                clean_message(message)
        else:
            message = clean_message(message)
        if message:
            status, reasons = message_rules.verdict(message)
        else:
            message = None
    external_id = draft.external_id
    if (
        not external_id
        or len(external_id) > EXTERNAL_ID_MAX
        or _SUSPECT_RE.search(external_id) is not None
        or external_id.strip() != external_id
    ):
        external_id = clean_external_id(external_id)
    amount = draft.amount_minor
    if amount < rules.minimum_minor:
        raise ValidationError(
            "amount",
            f"is below the campaign's minimum donation of "
            f"{to_decimal_text(rules.minimum_minor, rules.currency)} {rules.currency}",
        )
    if amount > rules.maximum_minor:
        raise ValidationError(
            "amount",
            f"is above the campaign's maximum of "
            f"{to_decimal_text(rules.maximum_minor, rules.currency)} {rules.currency}",
        )
    if draft.anonymous and not rules.allow_anonymous:
        raise ValidationError("anonymous", "this campaign does not accept anonymous donations")
    return ValidDonation(
        external_id, name, draft.anonymous, amount, message, status, draft.source,
        donor_key(name), None, reasons,
    )  # fmt: skip


# The fast path's cleaned names and messages: an audience repeats itself (returning donors, the
# same "Bravo !"), so most drafts cost one dict lookup per text. Shared by every pipeline
# (cleaning depends on the text alone); cleared whole when full. Only texts the fast path
# accepts are kept, never the slow path's.
_TEXT_CACHE_MAX = 65_536
_NAMES: dict[str, tuple[str, str]] = {}  # as given -> (name, donor key)
_MESSAGES: dict[str, str | None] = {}  # as given -> cleaned (None: empty, no message)
# What the message cache answers for a text the slow path must see: never a cleaned message
# (the fast path refuses control characters).
_SLOW = "\x00"


def _fast_name(raw: str) -> tuple[str, str] | None:
    """validate_donation's fast path for a name: (name, donor key), or None for the slow path."""
    if _SUSPECT_RE.search(raw) is not None:
        return None
    name = raw.strip()
    if not name or len(name) > NAME_MAX:
        return None
    cleaned = (name, donor_key(name))
    if len(raw) <= 2 * NAME_MAX:
        if len(_NAMES) >= _TEXT_CACHE_MAX:
            _NAMES.clear()
        _NAMES[raw] = cleaned
    return cleaned


def _fast_message(raw: str) -> str | None:
    """validate_donation's fast path for a message: the cleaned text (None when empty), or
    _SLOW for the slow path."""
    if _SUSPECT_RE.search(raw) is not None:
        return _SLOW
    message = raw.strip()
    if len(message) > MESSAGE_MAX:
        return _SLOW
    cleaned = message or None
    if len(raw) <= 2 * MESSAGE_MAX:
        if len(_MESSAGES) >= _TEXT_CACHE_MAX:
            _MESSAGES.clear()
        _MESSAGES[raw] = cleaned
    return cleaned


def validate_many(
    drafts: Iterable[DonationDraft], rules: DonationRules, message_rules: MessageClassifier
) -> tuple[list[ValidRow], list[ValidationError]]:
    """`validate_donation` for each draft, in order: the valid donations (as ValidRow) and
    the refusals.

    The same outcome as validating one by one (tests hold them equal on hostile text), at a
    fraction of the cost for what an audience mostly sends, already clean text: names and
    messages come from caches, an ASCII external id is checked with two string methods, the
    row is a plain tuple (no NamedTuple constructor, no garbage collector). Anything else (a
    suspect character, a length or an amount out of bounds) goes through validate_donation
    itself, which says why it refuses.
    """
    valid: list[ValidRow] = []
    refusals: list[ValidationError] = []
    names, messages = _NAMES.get, _MESSAGES.get
    verdict = message_rules.verdict
    low, high, anonymous_ok = rules.minimum_minor, rules.maximum_minor, rules.allow_anonymous
    for draft in drafts:
        external_id, raw_name, amount, raw_message, anonymous, source = draft
        name_key = names(raw_name) or _fast_name(raw_name)
        if raw_message is None:
            message: str | None = None
        else:
            message = messages(raw_message, _SLOW)
            if message is _SLOW:
                message = _fast_message(raw_message)
        if (
            name_key is None
            or message is _SLOW
            # An ASCII id: printable is exactly "no suspect character"; space the only blank.
            or not (external_id.isascii() and external_id.isprintable())
            or not 0 < len(external_id) <= EXTERNAL_ID_MAX
            or external_id[0] == " "
            or external_id[-1] == " "
            or not low <= amount <= high
            or (anonymous and not anonymous_ok)
        ):
            try:
                valid.append(validate_donation(draft, rules, message_rules))
            except ValidationError as exc:
                refusals.append(exc)
            continue
        status, reasons = (None, None) if message is None else verdict(message)
        valid.append((
            external_id, name_key[0], anonymous, amount, message, status, source, name_key[1],
            None, reasons,
        ))  # fmt: skip
    return valid, refusals
