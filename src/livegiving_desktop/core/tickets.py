"""Tickets of a paid live event: access codes, admission at the door, the refund policy.

Plain rules, no database: the store (db/tickets.py) applies them inside its transactions.
An access code is shown to the buyer once; the ledger keeps only its SHA-256, so nobody can
read a code back from the database.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import NamedTuple

from livegiving_desktop.core.donations import clean_donor_name
from livegiving_desktop.core.errors import ValidationError
from livegiving_desktop.core.records import from_us

# Crockford-like alphabet: no I, L, O, 0, 1 (nothing to misread when a code is typed).
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 20  # 20 symbols of a 31-letter alphabet: 99 bits of entropy
CODE_GROUP = 5
CODE_INPUT_MAX = 100
HOUR_US = 3_600 * 1_000_000

UNNAMED_ATTENDEE = "—"  # someone checked at the door without a name


class TicketStatus(StrEnum):
    VALID = "valid"
    ADMITTED = "admitted"
    REFUNDED = "refunded"


class AdmissionOutcome(StrEnum):
    ADMITTED = "admitted"
    REFUSED = "refused"


class AdmissionReason(StrEnum):
    """Why someone was not let in."""

    NO_TICKET = "no-ticket"  # joined without a code
    WRONG_CODE = "wrong-code"  # a code no ticket of this event has
    REFUNDED = "refunded"  # the ticket was refunded
    ALREADY_ADMITTED = "already-admitted"  # the code was used already
    NOT_LIVE = "not-live"  # the event is not broadcasting


def new_access_code() -> str:
    """A fresh access code from the `secrets` module, grouped for reading: `ABCDE-FGHJK-...`."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i : i + CODE_GROUP] for i in range(0, CODE_LENGTH, CODE_GROUP))


def normalize_code(text: str) -> str:
    """A typed code in canonical form: case, spaces and dashes do not matter."""
    return "".join(ch for ch in text.upper() if ch not in " -\t\u00a0\u2010\u2011\u2012\u2013")


def code_hash(code: str) -> str:
    """What the ledger stores: the SHA-256 (hex) of the normalised code."""
    return hashlib.sha256(normalize_code(code).encode("utf-8")).hexdigest()


def looks_like_code(text: str) -> bool:
    """True when the normalised text has the shape of an access code (length, alphabet)."""
    value = normalize_code(text)
    return len(value) == CODE_LENGTH and all(ch in CODE_ALPHABET for ch in value)


def clean_code(text: str | None) -> str | None:
    """A code as given at the door: None when nothing was given; refused when absurdly long."""
    if text is None or not normalize_code(text):
        return None
    if len(text) > CODE_INPUT_MAX:
        raise ValidationError("code", f"is longer than {CODE_INPUT_MAX} characters")
    return text


def clean_buyer_name(text: str, field: str = "buyer name") -> str:
    return clean_donor_name(text, field)


def decide_admission(
    *, event_live: bool, code_given: bool, ticket_status: TicketStatus | None
) -> AdmissionReason | None:
    """None: admit. Otherwise the reason for refusing. `ticket_status` is the status of the
    ticket whose code was given (None when no ticket of this event has that code)."""
    if not event_live:
        return AdmissionReason.NOT_LIVE
    if not code_given:
        return AdmissionReason.NO_TICKET
    if ticket_status is None:
        return AdmissionReason.WRONG_CODE
    if ticket_status is TicketStatus.REFUNDED:
        return AdmissionReason.REFUNDED
    if ticket_status is TicketStatus.ADMITTED:
        return AdmissionReason.ALREADY_ADMITTED
    return None


def refund_deadline_us(
    starts_at_us: int | None, started_at_us: int | None, window_hours: int
) -> int | None:
    """The last moment a refund on request is allowed: the window before the announced start
    (or before going live when no start was announced). None: no deadline yet."""
    start = starts_at_us if starts_at_us is not None else started_at_us
    return None if start is None else start - window_hours * HOUR_US


def refund_needs_override(
    now_us: int, starts_at_us: int | None, started_at_us: int | None, window_hours: int
) -> bool:
    """A refund on request is allowed up to `window_hours` before the start (that very
    instant included); after it, only the creator's explicit override refunds."""
    deadline = refund_deadline_us(starts_at_us, started_at_us, window_hours)
    return deadline is not None and now_us > deadline


@dataclass(frozen=True, slots=True)
class StoredTicket:
    """A ticket as the ledger holds it (never its code)."""

    id: int
    campaign_id: int
    external_id: str
    buyer_name: str
    amount_minor: int
    currency: str
    status: TicketStatus
    purchased_at_us: int
    admitted_at_us: int | None
    refunded_at_us: int | None

    @property
    def purchased_at(self) -> datetime:
        return from_us(self.purchased_at_us)


class TicketOrder(NamedTuple):
    """A ticket to sell: an idempotency key and the buyer's name (already checked)."""

    external_id: str
    buyer_name: str


@dataclass(frozen=True, slots=True)
class SoldTicket:
    """A sale: the ticket and its access code (shown once, never stored)."""

    ticket: StoredTicket
    code: str


class DoorAttempt(NamedTuple):
    """Someone joining: a name and the code they typed (None: no code)."""

    name: str
    code: str | None


@dataclass(frozen=True, slots=True)
class AdmissionRecord:
    """One attempt at the door, as logged."""

    id: int
    campaign_id: int
    at_us: int
    ticket_id: int | None
    attendee_name: str
    outcome: AdmissionOutcome
    reason: AdmissionReason | None
    # The buyer of the ticket whose code was given (None when no ticket has it): the door
    # check says whom it let in ("Admitted: Ana Lima"), or whose ticket was refused.
    buyer_name: str | None = None

    @property
    def admitted(self) -> bool:
        return self.outcome is AdmissionOutcome.ADMITTED


@dataclass(frozen=True, slots=True)
class EventFigures:
    """The live figures of a paid event; exact (kept in the campaign row by each write)."""

    tickets_sold: int  # valid + admitted (refunded tickets free their seat)
    admitted: int  # admitted now
    denied: int
    revenue_minor: int
    capacity: int | None
    total_minor: int  # donations, when the event also raises money
    refunded_tickets: int = 0  # every refund, a cancellation's included
    refunded_minor: int = 0

    @property
    def seats_left(self) -> int | None:
        return None if self.capacity is None else max(0, self.capacity - self.tickets_sold)


@dataclass(frozen=True, slots=True)
class SaleBatch:
    """What one sale transaction did."""

    sold: list[SoldTicket]
    duplicates: list[str]  # external ids already sold
    sold_out: list[str]  # orders refused because the event was full
    figures: EventFigures


@dataclass(frozen=True, slots=True)
class DoorBatch:
    """What one admission transaction did."""

    records: list[AdmissionRecord]
    figures: EventFigures


@dataclass(frozen=True, slots=True)
class TicketRefund:
    """A refunded ticket."""

    refund_id: int
    ticket: StoredTicket
    override: bool
    figures: EventFigures
