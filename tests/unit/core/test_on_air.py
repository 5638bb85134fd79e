"""The one rule of what goes on air, and the SQL that must agree with it."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from livegiving_desktop.core.on_air import (
    MessageOnAir,
    OnAirPolicy,
    counts_as_named,
    message_on_air,
    shown_message,
)
from livegiving_desktop.core.records import StoredDonation


def donation(**fields: object) -> StoredDonation:
    base: dict[str, object] = dict(
        id=1, campaign_id=1, external_id="x", received_at_us=0, donor_name="Zoë",
        anonymous=False, amount_minor=1250, currency="EUR", message="Bravo",
        message_status="visible", status="completed", source="audience", thanked=False,
    )  # fmt: skip
    base.update(fields)
    return StoredDonation(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("show_names", "anonymous", "hidden"), list(itertools.product([True, False], repeat=3))
)
def test_a_name_shows_only_when_nobody_hid_it(
    show_names: bool, anonymous: bool, hidden: bool
) -> None:
    d = donation(anonymous=anonymous, hide_name_on_air=hidden)
    shown = OnAirPolicy(show_names=show_names).shown_name(d)
    assert shown == ("Zoë" if show_names and not anonymous and not hidden else None)


@pytest.mark.parametrize(
    ("show_amounts", "hidden"), list(itertools.product([True, False], repeat=2))
)
def test_an_amount_shows_only_when_nobody_hid_it(show_amounts: bool, hidden: bool) -> None:
    d = donation(hide_amount_on_air=hidden)
    assert OnAirPolicy(show_amounts=show_amounts).shown_amount(d) == (
        1250 if show_amounts and not hidden else None
    )


def test_held_hidden_and_refunded_messages_never_go_on_air() -> None:
    assert shown_message(donation()) == "Bravo"
    assert message_on_air(donation(message=None, message_status=None)) is MessageOnAir.NONE
    for status, expected in (("held", MessageOnAir.HELD), ("hidden", MessageOnAir.HIDDEN)):
        d = donation(message_status=status)
        assert message_on_air(d) is expected
        assert shown_message(d) is None
    refunded = donation(status="refunded")
    assert message_on_air(refunded) is MessageOnAir.REFUNDED
    assert shown_message(refunded) is None


def test_without_a_campaign_the_policy_hides_nothing() -> None:
    assert OnAirPolicy.of(None) == OnAirPolicy(True, True)


def test_the_sql_of_the_per_donor_figures_counts_named_as_the_rule_does() -> None:
    """db/ledger.py counts named donations in SQL and in Python; both follow counts_as_named."""
    source = (Path(__file__).parents[3] / "src/livegiving_desktop/db/ledger.py").read_text()
    assert "CASE WHEN anonymous OR hide_name_on_air THEN 0 ELSE 1 END" in source
    for anonymous, hidden in itertools.product([True, False], repeat=2):
        sql_named = not (anonymous or hidden)
        assert counts_as_named(donation(anonymous=anonymous, hide_name_on_air=hidden)) is sql_named
