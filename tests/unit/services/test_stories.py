"""Stickers and the shared Story over the ledger, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from helpers.ledger import fundraiser
from livegiving_desktop.core.errors import StateError, ValidationError
from livegiving_desktop.core.records import Actor, ActorRole
from livegiving_desktop.core.stickers import HOUR_US, StickerState
from livegiving_desktop.core.story import BackgroundKind, StoryDesign
from livegiving_desktop.services.ledger import LedgerService
from livegiving_desktop.services.stories import StoryService

MODERATOR = Actor("Mod", ActorRole.MODERATOR)
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32


def _give(service: LedgerService, campaign_id: int, name: str, amount: str = "10",
          anonymous: bool = False) -> int:  # fmt: skip
    outcome = service.record_donation(
        campaign_id, amount=amount, donor_name=name, anonymous=anonymous
    )
    assert outcome.donation is not None
    return outcome.donation.id


def _frames(stories: StoryService, campaign_id: int) -> list[str]:
    return [r.donor_key for r in stories.open_shared_story(campaign_id).refs]


def test_a_donation_unlocks_the_sticker_for_the_campaign_hours(service: LedgerService) -> None:
    c = fundraiser(service)
    stories = StoryService(service)
    assert stories.sticker(c.id, "Alice").sticker.state is StickerState.LOCKED
    _give(service, c.id, "Alice")
    donor = stories.sticker(c.id, "alice")  # the donor key ignores case
    assert donor.sticker.state is StickerState.UNLOCKED
    assert donor.donor_name == "Alice"
    since, until = donor.sticker.unlocked_at_us, donor.sticker.until_us
    assert since is not None and until == since + 24 * HOUR_US
    later = stories.sticker(c.id, "Alice", at_us=until).sticker
    assert later.state is StickerState.EXPIRED


def test_gallery_lists_every_fundraiser_unlocked_first(service: LedgerService) -> None:
    other = fundraiser(service, title="Food drive")
    c = fundraiser(service)
    _give(service, c.id, "Alice")
    gallery = StoryService(service).gallery("Alice", current_campaign_id=c.id)
    assert [(s.campaign_id, s.state) for s in gallery] == [
        (c.id, StickerState.UNLOCKED), (other.id, StickerState.LOCKED),
    ]  # fmt: skip


def test_share_adds_then_replaces_the_donor_frame(service: LedgerService) -> None:
    c = fundraiser(service)
    stories = StoryService(service)
    _give(service, c.id, "Alice")
    _give(service, c.id, "Bob")
    first = stories.share(c.id, "Alice", StoryDesign(caption="one"))
    stories.share(c.id, "Bob", StoryDesign())
    again = stories.share(c.id, "Alice", StoryDesign(caption="two"))
    assert not first.replaced and again.replaced and again.frame_id == first.frame_id
    assert _frames(stories, c.id) == ["bob", "alice"]  # ordered by when each was shared
    story = stories.open_shared_story(c.id)
    frame = stories.frame(story.header.campaign, story.refs[1].frame_id)
    assert frame.design.caption == "two"


def test_only_an_unlocked_sticker_can_share(service: LedgerService) -> None:
    c = fundraiser(service)
    stories = StoryService(service)
    with pytest.raises(StateError, match="unlocked"):
        stories.share(c.id, "Nobody", StoryDesign())
    _give(service, c.id, "Alice")
    at = stories.sticker(c.id, "Alice").sticker.until_us
    with pytest.raises(StateError, match="expired"):
        stories.share(c.id, "Alice", StoryDesign(), at_us=at)
    assert _frames(stories, c.id) == []


def test_a_refunded_donor_frame_leaves_the_shared_story(service: LedgerService) -> None:
    c = fundraiser(service)
    stories = StoryService(service)
    first = _give(service, c.id, "Alice")
    second = _give(service, c.id, "Alice")
    _give(service, c.id, "Bob")
    stories.share(c.id, "Alice", StoryDesign())
    stories.share(c.id, "Bob", StoryDesign())
    service.refund_donation(first, "duplicate", MODERATOR)
    assert _frames(stories, c.id) == ["alice", "bob"]  # one donation left: still there
    service.refund_donation(second, "chargeback", MODERATOR)
    assert _frames(stories, c.id) == ["bob"]
    assert stories.sticker(c.id, "Alice").sticker.state is StickerState.REVOKED
    with pytest.raises(StateError, match="refunded"):
        stories.share(c.id, "Alice", StoryDesign())


def test_bad_background_is_refused_and_nothing_written(service: LedgerService) -> None:
    c = fundraiser(service)
    stories = StoryService(service)
    _give(service, c.id, "Alice")
    image = StoryDesign(background=BackgroundKind.IMAGE)
    with pytest.raises(ValidationError, match="not an image"):
        stories.share(c.id, "Alice", image, b"hello, I am text")
    with pytest.raises(ValidationError, match="choose an image"):
        stories.share(c.id, "Alice", image, None)
    with pytest.raises(ValidationError) as refused:
        stories.share(c.id, "Alice", StoryDesign(sticker_x=2.0))
    assert refused.value.field == "sticker_x"
    assert _frames(stories, c.id) == []
    stories.share(c.id, "Alice", image, PNG)
    frame = stories.own_frame(c.id, "Alice")
    assert frame is not None and frame.background_image == PNG


def test_privacy_anonymous_donor_and_hidden_amounts(service: LedgerService) -> None:
    c = fundraiser(service)
    stories = StoryService(service)
    _give(service, c.id, "Secret", "30", anonymous=True)
    _give(service, c.id, "Alice", "12.50")
    stories.share(c.id, "Secret", StoryDesign(show_amount=True))
    stories.share(c.id, "Alice", StoryDesign())
    story = stories.open_shared_story(c.id)
    secret, alice = (stories.frame(story.header.campaign, r.frame_id) for r in story.refs)
    assert secret.shown_name is None  # shown as "Anonymous"
    assert secret.amount_minor == 3000  # the donor chose to show it
    assert alice.shown_name == "Alice"
    assert alice.amount_minor is None  # hidden by default


def test_campaign_that_hides_names_and_amounts_wins(service: LedgerService) -> None:
    c = service.create_fundraiser(
        title="Quiet", organization_id="croix-rouge-francaise", goal="100", currency="EUR",
        show_names_on_air=False, show_amounts_on_air=False,
    )  # fmt: skip
    stories = StoryService(service)
    _give(service, c.id, "Alice")
    stories.share(c.id, "Alice", StoryDesign(show_amount=True))
    story = stories.open_shared_story(c.id)
    frame = stories.frame(story.header.campaign, story.refs[0].frame_id)
    assert frame.shown_name is None and frame.amount_minor is None
    assert [f.shown_name for f in stories.iter_frames(story.header.campaign)] == [None]


def test_sticker_hours_are_set_per_campaign(service: LedgerService) -> None:
    c = fundraiser(service)
    stories = StoryService(service)
    _give(service, c.id, "Alice")
    assert stories.set_sticker_settings(c.id, hours=2, accent_color="#10b981").accent_color == (
        "#10B981"
    )
    sticker = stories.sticker(c.id, "Alice").sticker
    assert sticker.until_us is not None and sticker.unlocked_at_us is not None
    assert sticker.until_us - sticker.unlocked_at_us == 2 * HOUR_US
    with pytest.raises(ValidationError) as refused:
        stories.set_sticker_settings(c.id, hours=0)
    assert refused.value.field == "sticker_hours"
    assert service.campaign(c.id).sticker_hours == 2
