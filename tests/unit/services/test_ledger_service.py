"""LedgerService: offline donations, the headless rehearsal, and their totals."""

from __future__ import annotations

import pytest

from helpers.ledger import fundraiser, valid
from livegiving_desktop.core.errors import NotFoundError, StateError, ValidationError
from livegiving_desktop.services.ledger import LedgerService
from livegiving_desktop.services.simulation import AudienceRunner

pytestmark = pytest.mark.db


def test_record_donation_stores_it(service: LedgerService) -> None:
    campaign = fundraiser(service)
    outcome = service.record_donation(
        campaign.id, amount="12.50", donor_name="  Alice ", message="Bravo", external_id="cash-1"
    )
    assert not outcome.duplicate
    assert outcome.donation is not None
    stored = service.store.donation(outcome.donation.id)
    assert (stored.donor_name, stored.amount_minor, stored.source) == ("Alice", 1250, "offline")
    assert stored.external_id == "cash-1"
    assert stored.message_status == "visible"
    assert service.campaign(campaign.id).total_minor == 1250


def test_record_donation_replay_is_a_duplicate(service: LedgerService) -> None:
    campaign = fundraiser(service)
    service.record_donation(campaign.id, amount="10", donor_name="Bob", external_id="hook-9")
    again = service.record_donation(
        campaign.id, amount="10", donor_name="Bob", external_id="hook-9"
    )
    assert again.duplicate
    assert again.donation is None
    assert again.external_id == "hook-9"
    assert service.store.completed_sum(campaign.id) == (1000, 1)
    assert service.campaign(campaign.id).total_minor == 1000


def test_offline_donations_without_external_id_are_all_kept(service: LedgerService) -> None:
    campaign = fundraiser(service)
    first = service.record_donation(campaign.id, amount="5", donor_name="Cash box")
    second = service.record_donation(campaign.id, amount="5", donor_name="Cash box")
    assert first.donation is not None and second.donation is not None
    assert first.external_id != second.external_id
    assert service.campaign(campaign.id).total_minor == 1000


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"amount": "12,50"}, "amount"),
        ({"amount": "0.5"}, "amount"),  # below the campaign's 1.00 EUR minimum
        ({"amount": "100000.01"}, "amount"),
        ({"donor_name": ""}, "donor name"),
        ({"message": "m" * 501}, "message"),
        ({"external_id": "  "}, "external id"),
    ],
)
def test_record_donation_refusals_write_nothing(
    service: LedgerService, fields: dict[str, str], field: str
) -> None:
    campaign = fundraiser(service)
    values = {"amount": "10", "donor_name": "Alice", **fields}
    with pytest.raises(ValidationError) as caught:
        service.record_donation(campaign.id, **values)
    assert caught.value.field == field
    assert service.store.completed_sum(campaign.id) == (0, 0)


def test_anonymous_refused_when_the_campaign_forbids_it(service: LedgerService) -> None:
    campaign = fundraiser(service, allow_anonymous=False)
    with pytest.raises(ValidationError) as caught:
        service.record_donation(campaign.id, amount="10", donor_name="Shy", anonymous=True)
    assert caught.value.field == "anonymous"


def test_no_stream_donation_after_the_broadcast_ended(service: LedgerService) -> None:
    # Offline donations still come in once it has ended (tests/unit/services/
    # test_after_broadcast.py); the broadcast's own audience does not.
    campaign = fundraiser(service)
    service.end_broadcast(campaign.id)
    with pytest.raises(StateError, match="ended"):
        service.store.insert_batch(campaign.id, [valid("late-1", "Late", 1000)])
    with pytest.raises(StateError, match="ended"):
        service.simulate(campaign.id, count=1)
    assert service.store.completed_sum(campaign.id) == (0, 0)


def test_unknown_campaign(service: LedgerService) -> None:
    with pytest.raises(NotFoundError, match="4242"):
        service.record_donation(4242, amount="10", donor_name="Nobody")


def test_simulation_accounts_for_every_delivery(service: LedgerService) -> None:
    campaign = fundraiser(service)
    report = service.simulate(campaign.id, count=2000, seed=1, duplicates=0.1)
    s = report.summary
    assert s.accepted + s.duplicates_dropped + s.rejected == 2000
    assert s.duplicates_dropped > 100  # about a tenth were replays
    assert report.currency == "EUR"
    total, count = service.store.completed_sum(campaign.id)
    assert count == s.accepted
    assert service.campaign(campaign.id).total_minor == total > 0
    assert service.stats(campaign.id).held_count == s.held


def test_replaying_a_rehearsal_counts_nothing_twice(service: LedgerService) -> None:
    campaign = fundraiser(service)
    first = service.simulate(campaign.id, count=2000, seed=1, duplicates=0.1).summary
    total_after_first = service.campaign(campaign.id).total_minor
    again = service.simulate(campaign.id, count=2000, seed=1, duplicates=0.1).summary
    assert again.accepted == 0
    assert again.duplicates_dropped == 2000 - again.rejected
    assert service.campaign(campaign.id).total_minor == total_after_first
    assert service.store.completed_sum(campaign.id) == (total_after_first, first.accepted)


def test_a_different_seed_adds_to_the_total(service: LedgerService) -> None:
    campaign = fundraiser(service)
    first = service.simulate(campaign.id, count=300, seed=1).summary
    second = service.simulate(campaign.id, count=300, seed=2).summary
    assert first.accepted == second.accepted == 300
    assert service.store.completed_sum(campaign.id)[1] == 600


def test_a_timed_rehearsal_delivers_at_about_the_rate(service: LedgerService) -> None:
    campaign = fundraiser(service)
    report = service.simulate(campaign.id, seconds=0.3, rate=200, seed=4)
    accepted = report.summary.accepted
    # 60 expected; bursts may quadruple the rate for a while.
    assert 10 <= accepted <= 0.3 * 200 * 4 + 5
    assert service.store.completed_sum(campaign.id)[1] == accepted
    assert report.elapsed_s >= 0.3


def test_ctrl_c_as_a_rehearsal_starts_stops_its_audience(
    service: LedgerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl+C right as the audience's thread starts: the interrupt came before the rehearsal
    listened for it, and the audience went on sending for the rest of its time (a
    `livegiving simulate --seconds 60` interrupted at its start ran 60 s)."""
    campaign = fundraiser(service)
    started: list[AudienceRunner] = []
    start = AudienceRunner.start

    def start_then_interrupted(runner: AudienceRunner) -> None:
        start(runner)
        started.append(runner)
        raise KeyboardInterrupt

    monkeypatch.setattr(AudienceRunner, "start", start_then_interrupted)
    report = service.simulate(campaign.id, seconds=60, rate=200, seed=4)
    assert report.interrupted and report.elapsed_s < 30
    assert started and started[0].finished  # the audience stopped, not left sending
    assert service.store.completed_sum(campaign.id)[1] == report.summary.accepted


def test_a_rehearsal_stops_when_a_stop_is_requested_without_an_interrupt(
    service: LedgerService,
) -> None:
    """A Ctrl+C whose KeyboardInterrupt Python dropped (raised inside a weakref callback) is
    still seen: the rehearsal asks `stop_requested` while it waits (cli_signals says it)."""
    campaign = fundraiser(service)
    report = service.simulate(
        campaign.id, seconds=30, rate=200, seed=4, stop_requested=KeyboardInterrupt
    )
    assert report.interrupted and report.elapsed_s < 5
    assert service.store.completed_sum(campaign.id)[1] == report.summary.accepted


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"count": 0}, "count"),
        ({"count": -5}, "count"),
        ({}, "count"),
        ({"seconds": 0.0}, "seconds"),
        ({"count": 10, "rate": -1.0}, "rate"),
        ({"count": 10, "duplicates": 1.5}, "duplicates"),
        ({"count": 10, "duplicates": 1.0}, "duplicates"),
        ({"count": 10, "duplicates": -0.1}, "duplicates"),
    ],
)
def test_simulation_refusals_name_the_field(
    service: LedgerService, kwargs: dict[str, float], field: str
) -> None:
    campaign = fundraiser(service)
    with pytest.raises(ValidationError) as caught:
        service.simulate(campaign.id, **kwargs)  # type: ignore[arg-type]
    assert caught.value.field == field
    assert service.store.completed_sum(campaign.id) == (0, 0)


def test_no_rehearsal_on_an_ended_campaign(service: LedgerService) -> None:
    campaign = fundraiser(service)
    service.end_broadcast(campaign.id)
    with pytest.raises(StateError):
        service.simulate(campaign.id, count=10, seed=1)


def test_demo_campaign_is_reused(service: LedgerService) -> None:
    first = service.ensure_demo_campaign("fr")
    again = service.ensure_demo_campaign("fr")
    assert again.id == first.id
    assert first.is_demo
    assert first.organization_id == "croix-rouge-francaise"
    assert first.currency == "EUR"
    assert len(service.campaigns()) == 1
