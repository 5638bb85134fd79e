"""The home list's data: campaigns with their dates, sorted, searched by title or nonprofit,
archived ones hidden unless asked for, duplicates; and one demo, never a pile of them."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from helpers.ledger import DEMO_ORG, fundraiser, valid
from livegiving_desktop.core.campaigns import CampaignStatus, HomeSort
from livegiving_desktop.core.errors import StateError, ValidationError
from livegiving_desktop.core.moderation import ModerationSettings
from livegiving_desktop.core.records import Actor, ActorRole
from livegiving_desktop.services.events import EventService
from livegiving_desktop.services.ledger import LedgerService
from livegiving_desktop.services.moderation import ModerationService

pytestmark = pytest.mark.db

ANA = Actor("Ana", ActorRole.CREATOR)


def titles(campaigns: list) -> list[str]:
    return [c.title for c in campaigns]


@pytest.fixture
def four(service: LedgerService) -> dict[str, int]:
    """A live, a draft, an ended fundraiser and a cancelled event, of different totals."""
    noel = service.create_fundraiser(title="Noël solidaire", organization_id=DEMO_ORG,
                                     goal="5000", currency="EUR")  # fmt: skip
    zoo = service.create_fundraiser(title="zoo de Vincennes", organization_id="wwf-france",
                                    goal="100000", currency="JPY")  # fmt: skip
    amnesty = service.create_fundraiser(title="Écrire pour les droits",
                                        organization_id="amnesty-international", goal="900",
                                        currency="GBP")  # fmt: skip
    jazz = service.create_paid_event(title="Jazz", category="performance", price="10",
                                     currency="EUR")  # fmt: skip
    service.go_live(zoo.id)
    service.store.insert_batch(zoo.id, [valid("z", "Z", 90_000)])  # 90,000 JPY
    service.go_live(amnesty.id)
    service.store.insert_batch(amnesty.id, [valid("a", "A", 20_000)])  # 200.00 GBP
    service.end_broadcast(amnesty.id)
    service.store.insert_batch(noel.id, [valid("n", "N", 1_000)])  # 10.00 EUR
    EventService(service).cancel_event(jazz.id, "storm", ANA)
    return {"noel": noel.id, "zoo": zoo.id, "amnesty": amnesty.id, "jazz": jazz.id}


def test_sorted_four_ways(service: LedgerService, four: dict[str, int]) -> None:
    home = service.home_campaigns
    assert titles(home(sort=HomeSort.TITLE)) == [
        "Écrire pour les droits", "Jazz", "Noël solidaire", "zoo de Vincennes",
    ]  # case and accents ignored  # fmt: skip
    assert titles(home(sort="total")) == [
        "zoo de Vincennes", "Écrire pour les droits", "Noël solidaire", "Jazz",
    ]  # 90,000 JPY > 200 GBP > 10 EUR > 0, by their figures  # fmt: skip
    assert [c.status for c in home(sort="status")] == [
        CampaignStatus.LIVE, CampaignStatus.DRAFT, CampaignStatus.ENDED, CampaignStatus.CANCELLED,
    ]  # fmt: skip
    newest = home(sort=HomeSort.NEWEST)
    stamps = [c.started_at_us or c.created_at_us for c in newest]
    assert stamps == sorted(stamps, reverse=True)
    assert all(c.created_at_us > 0 for c in newest)  # the dates the list shows
    with pytest.raises(ValidationError, match="sort"):
        home(sort="size")


def test_searched_by_title_or_nonprofit(service: LedgerService, four: dict[str, int]) -> None:
    home = service.home_campaigns
    assert titles(home(search="noel")) == ["Noël solidaire"]  # accents ignored
    assert titles(home(search="  ZOO  ")) == ["zoo de Vincennes"]
    assert titles(home(search="amnesty")) == ["Écrire pour les droits"]  # the nonprofit
    assert titles(home(search="croix-rouge")) == ["Noël solidaire"]
    assert home(search="100%_") == []  # LIKE's wildcards are text here
    assert len(home(search="")) == 4


def test_archived_campaigns_are_hidden_unless_asked(
    service: LedgerService, four: dict[str, int]
) -> None:
    archived = service.archive(four["amnesty"], ANA)
    assert archived.archived
    assert "Écrire pour les droits" not in titles(service.home_campaigns())
    every = service.home_campaigns(include_archived=True)
    assert "Écrire pour les droits" in titles(every)
    assert "Écrire pour les droits" in titles(service.campaigns())  # the CLI's list: all
    with pytest.raises(StateError, match="live"):
        service.archive(four["zoo"], ANA)
    back = service.unarchive(four["amnesty"], ANA)
    assert not back.archived and "Écrire pour les droits" in titles(service.home_campaigns())
    actions = [e.action for e in service.audit_entries(four["amnesty"])]
    assert actions[:2] == ["unarchive", "archive"]  # newest first


def test_a_duplicate_is_a_new_draft_with_the_settings(service: LedgerService) -> None:
    source = service.create_fundraiser(
        title="Noël solidaire", organization_id=DEMO_ORG, goal="5000", currency="EUR",
        minimum="5", show_names_on_air=False, allow_anonymous=False,
    )  # fmt: skip
    settings = ModerationSettings(large_amount_minor=12_300, rapid_count=3)
    ModerationService(service).save_settings(source.id, settings, ANA)
    service.go_live(source.id)
    service.store.insert_batch(source.id, [valid("x", "X", 5_000)])
    service.end_broadcast(source.id)
    copy = service.duplicate(source.id)
    assert copy.id != source.id
    assert copy.title == "Noël solidaire (2)"
    assert copy.status is CampaignStatus.DRAFT
    assert (copy.total_minor, copy.donation_count, copy.unthanked_count) == (0, 0, 0)
    assert (copy.organization_id, copy.goal_minor, copy.currency, copy.minimum_minor) == (
        DEMO_ORG, 500_000, "EUR", 500,
    )  # fmt: skip
    assert (copy.show_names_on_air, copy.allow_anonymous) == (False, False)
    copied = ModerationService(service).settings(copy.id)
    assert (copied.large_amount_minor, copied.rapid_count) == (12_300, 3)
    assert service.duplicate(source.id).title == "Noël solidaire (3)"
    assert service.duplicate(copy.id, "Noël 2027").title == "Noël 2027"
    event = service.create_paid_event(title="Talk", category="talk", price="5",
                                      currency="EUR", capacity="40")  # fmt: skip
    again = service.duplicate(event.id)
    assert (again.ticket_price_minor, again.capacity, again.category) == (500, 40, "talk")


def demos(service: LedgerService) -> list[int]:
    with service.db.reader.connect() as conn:
        return [r[0] for r in conn.execute(text("SELECT id FROM campaigns WHERE is_demo"))]


def test_one_demo_reused_even_once_ended(service: LedgerService) -> None:
    first = service.ensure_demo_campaign("en")
    assert service.ensure_demo_campaign("en").id == first.id
    service.go_live(first.id)
    service.end_broadcast(first.id)
    # Every `make run` after the demo ended made another one: now it is the same demo, ended.
    again = service.ensure_demo_campaign("en")
    assert (again.id, again.status) == (first.id, CampaignStatus.ENDED)
    assert demos(service) == [first.id]
    fresh = service.restart_demo(first.id, "en")
    assert fresh.id != first.id and fresh.status is CampaignStatus.DRAFT
    assert service.campaign(first.id).archived  # kept, out of the way
    assert service.ensure_demo_campaign("en").id == fresh.id
    assert [c.id for c in service.home_campaigns() if c.is_demo] == [fresh.id]
    assert service.restart_demo(fresh.id, "en").id == fresh.id  # not ended: nothing to do
    other = fundraiser(service)
    with pytest.raises(StateError, match="not the demo"):
        service.restart_demo(other.id)


def test_demos_piled_up_before_are_archived_but_one(service: LedgerService) -> None:
    piled = [service.ensure_demo_campaign("en")]
    for _ in range(2):
        service.go_live(piled[-1].id)
        service.end_broadcast(piled[-1].id)
        piled.append(service._new_demo("en"))  # what earlier versions did on each run
    kept = service.ensure_demo_campaign("en")
    assert kept.id == piled[-1].id
    assert [c.id for c in service.home_campaigns() if c.is_demo] == [kept.id]


@pytest.mark.parametrize(
    ("locale", "organization", "currency"),
    [("fr", "croix-rouge-francaise", "EUR"), ("en", "american-red-cross", "USD"),
     ("en_GB", "british-red-cross", "GBP"), ("de", "croix-rouge-francaise", "EUR")],
)  # fmt: skip
def test_the_demo_counts_in_its_nonprofits_currency(
    service: LedgerService, locale: str, organization: str, currency: str
) -> None:
    demo = service.ensure_demo_campaign(locale)
    assert (demo.organization_id, demo.currency) == (organization, currency)
