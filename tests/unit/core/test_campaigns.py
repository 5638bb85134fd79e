"""Campaign set-up rules (fundraiser, paid live event) and lifecycle."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from livegiving_desktop.core.campaigns import (
    EVENT_CATEGORIES,
    CampaignStatus,
    check_transition,
    fundraiser_spec,
    paid_event_spec,
)
from livegiving_desktop.core.errors import StateError, ValidationError
from livegiving_desktop.core.organizations import bundled_catalog

FUNDRAISER = {
    "title": "Live charity marathon",
    "organization_id": "croix-rouge-francaise",
    "goal": "5000",
    "currency": "EUR",
}
PAID_EVENT = {
    "title": "Cooking with Chef Ana",
    "category": "cooking-class",
    "price": "15",
    "currency": "EUR",
}


def make_fundraiser(**changes: str):
    return fundraiser_spec(**{**FUNDRAISER, **changes}, catalog=bundled_catalog())


def make_event(**changes: object):
    return paid_event_spec(**{**PAID_EVENT, **changes})  # type: ignore[arg-type]


def test_valid_fundraiser() -> None:
    spec = make_fundraiser(title="  Live   charity marathon ", currency="eur")
    assert spec.title == "Live charity marathon"
    assert spec.goal_minor == 500_000
    assert spec.currency == "EUR"
    assert spec.organization_id == "croix-rouge-francaise"
    assert spec.maximum_minor == 10_000_000  # 100,000 EUR per donation


def test_fundraiser_in_yen_has_no_minor_units() -> None:
    spec = make_fundraiser(goal="500000", currency="JPY")
    assert spec.goal_minor == 500_000
    assert spec.minimum_minor == 1


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": ""}, "title"),
        ({"title": "   "}, "title"),
        ({"title": "x" * 121}, "title"),
        ({"title": "a\x00b"}, "title"),
        ({"organization_id": ""}, "organization"),
        ({"organization_id": "no-such-charity"}, "organization"),
        ({"currency": "EURO"}, "currency"),
        ({"currency": ""}, "currency"),
        ({"goal": "abc"}, "goal"),
        ({"goal": "0"}, "goal"),
        ({"goal": "-100"}, "goal"),
        ({"goal": "12,50"}, "goal"),
        ({"goal": "100.505"}, "goal"),
    ],
)
def test_fundraiser_refusals_name_the_field(changes: dict[str, str], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        make_fundraiser(**changes)
    assert caught.value.field == field
    assert str(caught.value).startswith(f"{field}: ")


def test_fundraiser_refuses_the_first_bad_field_in_form_order() -> None:
    with pytest.raises(ValidationError) as caught:
        make_fundraiser(title="", goal="abc", currency="EURO")
    assert caught.value.field == "title"


def test_valid_paid_event() -> None:
    spec = make_event(capacity="120", starts_at="2026-12-31T20:00+01:00")
    assert spec.category == "cooking-class"
    assert spec.ticket_price_minor == 1500
    assert spec.capacity == 120
    assert spec.starts_at == datetime(2026, 12, 31, 19, 0, tzinfo=UTC)


def test_paid_event_start_time_without_offset_is_utc() -> None:
    spec = make_event(starts_at="2026-12-31T20:00")
    assert spec.starts_at == datetime(2026, 12, 31, 20, 0, tzinfo=UTC)


@pytest.mark.parametrize("category", EVENT_CATEGORIES)
def test_every_contract_category_is_accepted(category: str) -> None:
    assert make_event(category=category).category == category


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"category": "wrestling"}, "category"),
        ({"category": ""}, "category"),
        ({"capacity": "0"}, "capacity"),
        ({"capacity": "-3"}, "capacity"),
        ({"capacity": "x"}, "capacity"),
        ({"capacity": "2.5"}, "capacity"),
        ({"starts_at": "tomorrow"}, "starts at"),
        ({"starts_at": "31/12/2026"}, "starts at"),
        ({"price": "free"}, "ticket price"),
        ({"price": "0"}, "ticket price"),
        ({"currency": "EURO"}, "currency"),
        ({"title": ""}, "title"),
    ],
)
def test_paid_event_refusals_name_the_field(changes: dict[str, str], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        make_event(**changes)
    assert caught.value.field == field
    assert caught.value.reason


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        pytest.param(
            {"capacity": "²"},
            "capacity",
            id="capacity-superscript-digit",
        ),
        pytest.param(
            {"capacity": "9" * 5000},
            "capacity",
            id="capacity-5000-digits",
        ),
        pytest.param(
            {"starts_at": "9999-12-31T23:59:59-01:00"},
            "starts at",
            id="starts-after-year-9999-in-utc",
        ),
        pytest.param(
            {"starts_at": "0001-01-01T00:00+01:00"},
            "starts at",
            id="starts-before-year-1-in-utc",
        ),
    ],
)
def test_odd_event_input_is_a_refusal_not_a_crash(changes: dict[str, str], field: str) -> None:
    # Regressions: each of these once escaped as ValueError or OverflowError (CLI exit 1).
    with pytest.raises(ValidationError) as caught:
        make_event(**changes)
    assert caught.value.field == field


def test_title_that_is_not_valid_unicode_is_refused() -> None:
    # A title decoded from invalid UTF-8 (surrogateescape) cannot be stored.
    with pytest.raises(ValidationError) as caught:
        make_fundraiser(title="Caf\udce9")
    assert caught.value.field == "title"


def test_paid_event_refusal_lists_the_categories() -> None:
    with pytest.raises(ValidationError) as caught:
        make_event(category="wrestling")
    for category in EVENT_CATEGORIES:
        assert category in caught.value.reason


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (CampaignStatus.DRAFT, CampaignStatus.LIVE),
        (CampaignStatus.DRAFT, CampaignStatus.ENDED),
        (CampaignStatus.LIVE, CampaignStatus.ENDED),
    ],
)
def test_allowed_transitions(current: CampaignStatus, target: CampaignStatus) -> None:
    check_transition(current, target)  # raises on a refusal


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (CampaignStatus.LIVE, CampaignStatus.DRAFT),
        (CampaignStatus.ENDED, CampaignStatus.LIVE),
        (CampaignStatus.ENDED, CampaignStatus.DRAFT),
        (CampaignStatus.LIVE, CampaignStatus.LIVE),
        (CampaignStatus.ENDED, CampaignStatus.ENDED),
    ],
)
def test_refused_transitions_say_why(current: CampaignStatus, target: CampaignStatus) -> None:
    with pytest.raises(StateError, match=f"{current.value} campaign cannot become {target.value}"):
        check_transition(current, target)
