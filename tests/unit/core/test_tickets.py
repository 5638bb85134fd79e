"""Ticket rules: access codes, admission decisions, the refund window."""

from __future__ import annotations

import hashlib
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from livegiving_desktop.core.audience import EventAction, EventAudience
from livegiving_desktop.core.errors import ValidationError
from livegiving_desktop.core.tickets import (
    CODE_ALPHABET,
    CODE_LENGTH,
    HOUR_US,
    AdmissionReason,
    TicketStatus,
    clean_code,
    code_hash,
    decide_admission,
    looks_like_code,
    new_access_code,
    normalize_code,
    refund_deadline_us,
    refund_needs_override,
)

START = 1_800_000_000_000_000  # an announced start, in microseconds


def test_codes_are_long_random_and_unique() -> None:
    codes = [new_access_code() for _ in range(5000)]
    assert len(set(codes)) == len(codes)
    assert all(looks_like_code(c) for c in codes)
    assert all(len(c) == CODE_LENGTH + CODE_LENGTH // 5 - 1 for c in codes)  # grouped by 5
    # At least 80 bits: nobody guesses one, even trying a million codes a second for years.
    assert CODE_LENGTH * math.log2(len(CODE_ALPHABET)) >= 80
    # Every symbol of the alphabet turns up, at every position: no position is fixed.
    for position in range(CODE_LENGTH):
        assert len({normalize_code(c)[position] for c in codes}) == len(CODE_ALPHABET)


def test_the_alphabet_has_nothing_to_misread() -> None:
    assert not set("IL01O") & set(CODE_ALPHABET)


def test_hash_is_sha256_of_the_normalised_code() -> None:
    code = new_access_code()
    assert code_hash(code) == hashlib.sha256(code.replace("-", "").encode()).hexdigest()
    assert len(code_hash(code)) == 64
    assert code not in code_hash(code)


@given(st.data())
def test_a_typed_code_matches_whatever_the_case_spaces_and_dashes(data: st.DataObject) -> None:
    code = new_access_code()
    typed = ""
    for ch in code.replace("-", ""):
        typed += ch.lower() if data.draw(st.booleans()) else ch
        typed += data.draw(st.sampled_from(["", "", " ", "-", "  "]))
    assert code_hash(typed) == code_hash(code)


def test_a_code_one_symbol_off_does_not_match() -> None:
    code = normalize_code(new_access_code())
    other = CODE_ALPHABET[(CODE_ALPHABET.index(code[7]) + 1) % len(CODE_ALPHABET)]
    assert code_hash(code[:7] + other + code[8:]) != code_hash(code)


def test_clean_code() -> None:
    assert clean_code(None) is None
    assert clean_code("  - ") is None  # nothing typed: no code
    assert clean_code("abcde") == "abcde"
    with pytest.raises(ValidationError, match="code"):
        clean_code("A" * 101)


@pytest.mark.parametrize(
    ("live", "given_code", "status", "reason"),
    [
        (True, True, TicketStatus.VALID, None),
        (False, True, TicketStatus.VALID, AdmissionReason.NOT_LIVE),
        (True, False, None, AdmissionReason.NO_TICKET),
        (True, True, None, AdmissionReason.WRONG_CODE),
        (True, True, TicketStatus.REFUNDED, AdmissionReason.REFUNDED),
        (True, True, TicketStatus.ADMITTED, AdmissionReason.ALREADY_ADMITTED),
        (False, False, None, AdmissionReason.NOT_LIVE),
    ],
)
def test_admission_decisions(
    live: bool, given_code: bool, status: TicketStatus | None, reason: AdmissionReason | None
) -> None:
    assert decide_admission(event_live=live, code_given=given_code, ticket_status=status) == reason


def test_refund_window_boundary_is_exactly_48_hours() -> None:
    deadline = START - 48 * HOUR_US
    assert refund_deadline_us(START, None, 48) == deadline
    assert not refund_needs_override(deadline - 1, START, None, 48)
    assert not refund_needs_override(deadline, START, None, 48)  # that very instant: allowed
    assert refund_needs_override(deadline + 1, START, None, 48)
    assert refund_needs_override(START + HOUR_US, START, None, 48)


def test_refund_window_without_announced_start() -> None:
    assert refund_deadline_us(None, None, 48) is None
    assert not refund_needs_override(START, None, None, 48)  # no start, not live: allowed
    # Live without an announced start: the window is measured from going live.
    assert refund_needs_override(START, None, START - HOUR_US, 48)
    assert refund_deadline_us(START, START - HOUR_US, 24) == START - 24 * HOUR_US


def test_event_audience_is_deterministic_and_buys_only_before_the_event() -> None:
    def run(seed: int, live: bool) -> list[tuple[str, str, str]]:
        audience = EventAudience(seed, "EUR", raises_money=True)
        return [
            (d.action.value, d.name, d.external_id)
            for d in (audience.next_delivery(live=live) for _ in range(400))
        ]

    assert run(7, True) == run(7, True)
    assert run(7, True) != run(8, True)
    assert {a for a, _, _ in run(7, False)} == {EventAction.BUY.value}
    live_actions = {a for a, _, _ in run(7, True)}
    assert live_actions == {a.value for a in EventAction}
    buys = [ext for a, _, ext in run(7, True) if a == EventAction.BUY.value]
    assert len(set(buys)) == len(buys)


def test_event_audience_without_a_cause_never_donates() -> None:
    audience = EventAudience(3, "EUR", raises_money=False)
    actions = {audience.next_delivery(live=True).action for _ in range(2000)}
    assert EventAction.DONATE not in actions
