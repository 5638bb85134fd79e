"""The services read amounts as the app's user types them (with the UI's locale), and the
command line's way (the contract's dot form) when no locale is given."""

from __future__ import annotations

import pytest

from helpers.ledger import DEMO_ORG, fundraiser
from livegiving_desktop.core.campaigns import fundraiser_spec, paid_event_spec
from livegiving_desktop.core.errors import ValidationError
from livegiving_desktop.core.organizations import bundled_catalog
from livegiving_desktop.services.ledger import LedgerService
from livegiving_desktop.services.moderation import ModerationService

pytestmark = pytest.mark.db


def test_an_offline_donation_typed_in_french(service: LedgerService) -> None:
    campaign = fundraiser(service)
    for typed, minor in (("12,50", 1250), ("12,5 €", 1250), ("2 500,50", 250_050)):
        outcome = service.record_donation(campaign.id, amount=typed, donor_name="Zoë", locale="fr")
        assert outcome.donation is not None and outcome.donation.amount_minor == minor
    # Without a locale (the command line), the contract's dot form only.
    with pytest.raises(ValidationError, match="use a dot"):
        service.record_donation(campaign.id, amount="12,50", donor_name="Zoë")
    assert service.campaign(campaign.id).total_minor == 1250 + 1250 + 250_050


def test_a_refusal_names_the_expected_form(service: LedgerService) -> None:
    campaign = fundraiser(service)
    with pytest.raises(ValidationError) as caught:
        service.offline_draft(campaign, amount="12.345,6", donor_name="Zoë", locale="fr")
    assert caught.value.field == "amount"
    assert "1\u00a0234,50" in caught.value.reason


def test_a_goal_and_a_minimum_typed_in_german(service: LedgerService) -> None:
    campaign = service.create_fundraiser(
        title="Spendenmarathon", organization_id=DEMO_ORG, goal="5.000,00", currency="EUR",
        minimum="2,50", locale="de",
    )  # fmt: skip
    assert (campaign.goal_minor, campaign.minimum_minor) == (500_000, 250)
    spec = fundraiser_spec(
        title="T", organization_id=DEMO_ORG, goal="1 000 000", currency="JPY",
        catalog=bundled_catalog(), locale="fr",
    )  # fmt: skip
    assert spec.goal_minor == 1_000_000


def test_a_ticket_price_typed_in_french(service: LedgerService) -> None:
    event = service.create_paid_event(
        title="Cours", category="cooking-class", price="18,50 €", currency="EUR", locale="fr"
    )
    assert event.ticket_price_minor == 1850
    spec = paid_event_spec(title="T", category="talk", price="CHF 12.50", currency="CHF",
                           locale="de_CH")  # fmt: skip
    assert spec.ticket_price_minor == 1250


def test_moderation_thresholds_typed_in_french(service: LedgerService) -> None:
    campaign = fundraiser(service)
    moderation = ModerationService(service)
    parse = moderation.parse_threshold
    assert parse(campaign.id, "500,00", field="large amount", locale="fr") == 50_000
    assert parse(campaign.id, "1 500 €", field="large amount", locale="fr") == 150_000
    assert parse(campaign.id, "  ", field="large amount", locale="fr") is None  # off
    assert parse(campaign.id, "500.00", field="large amount") == 50_000
    with pytest.raises(ValidationError) as caught:
        parse(campaign.id, "5,00,0", field="large first donation", locale="fr")
    assert caught.value.field == "large first donation"
