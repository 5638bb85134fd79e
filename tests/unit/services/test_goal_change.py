"""A creator changes the goal, also while live: one transaction with an audit row, a goal
history, and where the total stands against the new goal."""

from __future__ import annotations

import csv
import io

import pytest

from helpers.ledger import fundraiser, valid
from livegiving_desktop.core.errors import StateError, ValidationError
from livegiving_desktop.core.records import Actor, ActorRole
from livegiving_desktop.services.ledger import LedgerService
from livegiving_desktop.services.moderation import ModerationService

pytestmark = pytest.mark.db

ANA = Actor("Ana", ActorRole.CREATOR)


def test_a_stretch_goal_while_live(service: LedgerService) -> None:
    campaign = fundraiser(service, goal="5000")
    service.go_live(campaign.id)
    service.store.insert_batch(campaign.id, [valid(f"d{i}", f"D{i}", 50_000) for i in range(10)])
    update = service.change_goal(campaign.id, "10 000", ANA, locale="fr", reason="stretch")
    assert update.campaign.goal_minor == 1_000_000
    assert service.campaign(campaign.id).goal_minor == 1_000_000
    assert update.progress.reached == (25, 50)
    assert update.progress.next_milestone == 75
    [entry] = [e for e in service.audit_entries(campaign.id) if e.action == "goal"]
    assert (entry.actor_name, entry.before, entry.after, entry.reason) == (
        "Ana", "5000.00", "10000.00", "stretch",
    )  # fmt: skip
    [change] = service.goal_history(campaign.id)
    assert (change.before_minor, change.after_minor, change.actor_name) == (
        500_000, 1_000_000, "Ana",
    )  # fmt: skip
    out = io.StringIO()
    ModerationService(service).export_audit(campaign.id, "csv", out)
    assert ["goal", "5000.00", "10000.00"] in [
        [r["action"], r["before"], r["after"]] for r in csv.DictReader(io.StringIO(out.getvalue()))
    ]


def test_history_keeps_every_change_in_order(service: LedgerService) -> None:
    campaign = fundraiser(service, goal="100")
    service.change_goal(campaign.id, "200", ANA)
    service.change_goal(campaign.id, "150", ANA)
    service.go_live(campaign.id)
    service.change_goal(campaign.id, "300", ANA)
    history = [(c.before_minor, c.after_minor) for c in service.goal_history(campaign.id)]
    assert history == [(10_000, 20_000), (20_000, 15_000), (15_000, 30_000)]


def test_what_is_refused_writes_nothing(service: LedgerService) -> None:
    campaign = fundraiser(service, goal="100")
    service.go_live(campaign.id)
    service.store.insert_batch(campaign.id, [valid("d", "D", 20_000)])
    with pytest.raises(ValidationError, match="above the amount raised") as caught:
        service.change_goal(campaign.id, "150", ANA)
    assert caught.value.field == "goal"
    with pytest.raises(ValidationError, match="goal"):
        service.change_goal(campaign.id, "12,50", ANA)  # the CLI's dot form
    service.end_broadcast(campaign.id)
    with pytest.raises(StateError, match="ended"):
        service.change_goal(campaign.id, "1000", ANA)
    assert service.campaign(campaign.id).goal_minor == 10_000
    assert service.goal_history(campaign.id) == []
    event = service.create_paid_event(title="Talk", category="talk", price="5", currency="EUR")
    with pytest.raises(StateError, match="no goal"):
        service.change_goal(event.id, "100", ANA)
