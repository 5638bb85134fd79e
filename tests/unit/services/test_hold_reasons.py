"""Why each held or flagged donation was held: stored with the donation by the ingestion
pipeline (on SQLite and PostgreSQL) and returned with it to the hold queue."""

from __future__ import annotations

import pytest

from helpers.ledger import fundraiser
from livegiving_desktop.core.donations import DonationDraft
from livegiving_desktop.core.moderation import (
    DonationFilter,
    ModerationSettings,
    ReviewRule,
)
from livegiving_desktop.core.records import Actor, ActorRole
from livegiving_desktop.services.ledger import LedgerService
from livegiving_desktop.services.moderation import ModerationService

pytestmark = pytest.mark.db

SAM = Actor("Sam", ActorRole.MODERATOR)


def test_the_hold_queue_says_why(service: LedgerService) -> None:
    campaign = fundraiser(service)
    moderation = ModerationService(service)
    moderation.save_settings(
        campaign.id,
        ModerationSettings(large_amount_minor=50_000, max_message_length=40, rapid_count=50),
        SAM,
    )
    pipeline = service.ingestion_pipeline(campaign, max_delay=0.0)
    pipeline.submit_many([
        DonationDraft("1", "Ann", 500, "Bravo !"),
        DonationDraft("2", "Bob", 500, "quel c0nnard"),
        DonationDraft("3", "Cid", 500, "see www.spam.example"),
        DonationDraft("4", "Dee", 500, "merci beaucoup " * 4),
        DonationDraft("5", "Eve", 90_000),  # no message, a large amount
        DonationDraft("6", "Fay", 90_000, "merci connard www.x.com"),
    ])  # fmt: skip
    pipeline.close()
    by_external = {d.external_id: d for d in service.recent_donations(campaign.id)}
    assert by_external["1"].reasons == ()
    [word] = by_external["2"].reasons
    assert (word.rule, word.text, word.word, word.start, word.end) == (
        ReviewRule.WORD, "c0nnard", "connard", 5, 12,
    )  # fmt: skip
    [link] = by_external["3"].reasons
    assert (link.rule, link.text, link.start) == (ReviewRule.LINK, "www.spam.example", 4)
    [length] = by_external["4"].reasons
    assert (length.rule, length.length, length.limit) == (ReviewRule.LENGTH, 59, 40)  # trimmed
    [large] = by_external["5"].reasons
    assert (large.rule, large.limit) == (ReviewRule.LARGE_AMOUNT, 50_000)
    assert by_external["5"].flags == "large-amount"
    assert [r.rule for r in by_external["6"].reasons] == [
        ReviewRule.WORD, ReviewRule.LINK, ReviewRule.LARGE_AMOUNT,
    ]  # fmt: skip
    # The hold queue (held messages) and the table return them with each row.
    held = moderation.page(campaign.id, DonationFilter(message_statuses=("held",)))
    assert {d.external_id: [r.rule for r in d.reasons] for d in held} == {
        "2": [ReviewRule.WORD], "3": [ReviewRule.LINK], "4": [ReviewRule.LENGTH],
        "6": [ReviewRule.WORD, ReviewRule.LINK, ReviewRule.LARGE_AMOUNT],
    }  # fmt: skip
    assert service.store.donation(by_external["2"].id).reasons == by_external["2"].reasons


def test_a_blocked_donors_message_says_so(service: LedgerService) -> None:
    campaign = fundraiser(service)
    moderation = ModerationService(service)
    first = service.record_donation(campaign.id, amount="5", donor_name="Troll", message="hi")
    assert first.donation is not None
    moderation.block_donor(first.donation.id, SAM)
    later = service.record_donation(campaign.id, amount="5", donor_name="troll", message="yo")
    assert later.donation is not None
    assert later.donation.message_status == "held"
    stored = service.store.donation(later.donation.id)
    assert [r.rule for r in stored.reasons] == [ReviewRule.BLOCKED_DONOR]
