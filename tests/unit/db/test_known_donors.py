"""The "new donor" memory of one offline donation's donor is read from the `donors` aggregate
and the few donations above its watermark, not by scanning the campaign: it must say exactly
what the scan says."""

from __future__ import annotations

import pytest

from helpers.ledger import fundraiser, valid
from livegiving_desktop.core.records import Actor, ActorRole
from livegiving_desktop.services.ledger import LedgerService

pytestmark = pytest.mark.db


def test_known_donors_of_a_few_keys_are_exact(service: LedgerService) -> None:
    campaign = fundraiser(service)
    store, known = service.store, service.moderation_store.known_donor_keys
    written = store.insert_batch(campaign.id, [valid(f"a{i}", f"Old {i}", 500) for i in range(5)])
    store.catch_up_donor_stats(campaign.id)  # the aggregate holds these
    refunded = written.accepted[0]
    service.refund_donation(refunded.id, "bounced", Actor("Sam", ActorRole.MODERATOR))
    store.insert_batch(campaign.id, [valid("b1", "New One", 500), valid("b2", "Old 1", 700)])
    asked = ["old 0", "old 1", "old 4", "new one", "stranger", "new one"]
    everyone = set(known(campaign.id))
    assert known(campaign.id, asked) == sorted(everyone & set(asked))
    assert known(campaign.id, asked) == ["new one", "old 0", "old 1", "old 4"]
    assert known(campaign.id, []) == []
    other = fundraiser(service, title="Other")
    assert known(other.id, asked) == []  # per campaign
