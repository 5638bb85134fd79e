"""StoryService: the "I donated" sticker and the shared Story, for the CLI and the GUI.

Every method is synchronous and may touch the database (the GUI calls them on its database
thread). Painting is Qt's business (ui/sticker.py, ui/story.py); this module decides who sees
what: which stickers a donor has, who may share, and what a frame shows of its donor.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from livegiving_desktop.core.campaigns import CampaignKind
from livegiving_desktop.core.errors import ValidationError
from livegiving_desktop.core.records import CampaignRecord
from livegiving_desktop.core.stickers import (
    DonorGiving,
    Sticker,
    StickerState,
    check_color,
    check_sticker_hours,
    sort_gallery,
    sticker_state,
    unlock_window,
)
from livegiving_desktop.core.story import (
    SharedFrame,
    SharedFrameRef,
    StoryDesign,
    check_background_image,
    validate_design,
)
from livegiving_desktop.core.text import donor_key as make_donor_key
from livegiving_desktop.db.stories import ShareResult, StoredFrame, StoryStore
from livegiving_desktop.services.ledger import LedgerService


def now_us() -> int:
    return time.time_ns() // 1000


@dataclass(frozen=True, slots=True)
class StoryHeader:
    """What the player shows around the frames: the organization, the total, the currency."""

    campaign: CampaignRecord
    organization: str
    total_minor: int


@dataclass(frozen=True, slots=True)
class SharedStory:
    """The campaign's shared Story, opened: light references, frames loaded on demand."""

    header: StoryHeader
    refs: list[SharedFrameRef]


@dataclass(frozen=True, slots=True)
class DonorSticker:
    """The current campaign's sticker for one donor, with the donor's name as the ledger has
    it (the composer shows it)."""

    sticker: Sticker
    donor_key: str
    donor_name: str
    shown_name: str | None  # None: shown as "Anonymous" (see shown_name())
    total_minor: int  # the donor's completed total (shown only if they choose to)


class StoryService:
    """Stickers and stories over the ledger's database."""

    def __init__(self, ledger: LedgerService) -> None:
        self.ledger = ledger
        self.store = StoryStore(ledger.db, ledger.store)

    def organization_name(self, campaign: CampaignRecord) -> str:
        org = self.ledger.catalog.get(campaign.organization_id or "")
        return org.name if org else campaign.title

    # -- stickers --------------------------------------------------------------------------

    def _sticker(self, campaign: CampaignRecord, giving: DonorGiving | None, at_us: int) -> Sticker:
        state = sticker_state(giving, campaign.sticker_hours, at_us)
        since, until = unlock_window(giving, campaign.sticker_hours)
        return Sticker(
            campaign_id=campaign.id,
            campaign_title=campaign.title,
            organization=self.organization_name(campaign),
            primary_color=campaign.primary_color,
            accent_color=campaign.accent_color,
            state=state,
            unlocked_at_us=since if state is not StickerState.LOCKED else None,
            until_us=until,
        )

    def sticker(
        self, campaign_id: int, donor_name: str, *, at_us: int | None = None
    ) -> DonorSticker:
        """The campaign's sticker as this donor has it."""
        campaign = self.ledger.campaign(campaign_id)
        key = make_donor_key(donor_name)
        giving = self.store.giving(campaign_id, key)
        sticker = self._sticker(campaign, giving, now_us() if at_us is None else at_us)
        return DonorSticker(
            sticker,
            key,
            giving.donor_name if giving else donor_name,
            shown_name(campaign, giving),
            giving.total_minor if giving else 0,
        )

    def gallery(
        self, donor_name: str, *, current_campaign_id: int | None = None, at_us: int | None = None
    ) -> list[Sticker]:
        """The donor's stickers, one per fundraiser in the database: unlocked first, then
        expired or revoked, then locked."""
        at = now_us() if at_us is None else at_us
        givings = self.store.giving_by_campaign(make_donor_key(donor_name))
        stickers = [
            self._sticker(c, givings.get(c.id), at)
            for c in self.ledger.campaigns()
            if c.kind is CampaignKind.FUNDRAISER
        ]
        return sort_gallery(stickers, current_campaign_id)

    def set_sticker_settings(
        self,
        campaign_id: int,
        *,
        hours: int | None = None,
        primary_color: str | None = None,
        accent_color: str | None = None,
    ) -> CampaignRecord:
        """How long a donation unlocks the campaign's sticker, and its colours."""
        checked_hours = None if hours is None else check_sticker_hours(hours)
        primary = None if primary_color is None else check_color(primary_color, "primary_color")
        accent = None if accent_color is None else check_color(accent_color, "accent_color")
        self.store.set_sticker_settings(
            campaign_id, hours=checked_hours, primary=primary, accent=accent
        )
        return self.ledger.campaign(campaign_id)

    # -- sharing ---------------------------------------------------------------------------

    def share(
        self,
        campaign_id: int,
        donor_name: str,
        design: StoryDesign,
        background_image: bytes | None = None,
        *,
        at_us: int | None = None,
    ) -> ShareResult:
        """Add the donor's frame to the campaign's shared Story (replacing their earlier one).
        Refused: a design out of bounds, a background that is not an image, a donor whose
        sticker is not unlocked."""
        clean = validate_design(design)
        if clean.background.value == "image":
            if background_image is None:
                raise ValidationError("background", "choose an image for the background")
            check_background_image(background_image)
        else:
            background_image = None
        campaign = self.ledger.campaign(campaign_id)
        return self.store.share_frame(
            campaign, make_donor_key(donor_name), clean.to_json(), background_image, at_us=at_us
        )

    def own_frame(self, campaign_id: int, donor_name: str) -> StoredFrame | None:
        return self.store.frame_of(campaign_id, make_donor_key(donor_name))

    # -- the shared story ------------------------------------------------------------------

    def header(self, campaign_id: int) -> StoryHeader:
        campaign = self.ledger.campaign(campaign_id)
        return StoryHeader(campaign, self.organization_name(campaign), campaign.total_minor)

    def open_shared_story(self, campaign_id: int) -> SharedStory:
        """The references of every frame, in the order they were shared (no designs)."""
        header = self.header(campaign_id)
        return SharedStory(header, self.store.frame_refs(campaign_id))

    def frame(self, campaign: CampaignRecord, frame_id: int) -> SharedFrame:
        """One frame, loaded, with the donor's privacy choices applied."""
        return shown_frame(campaign, self.store.frame(frame_id))

    def frames_for_export(self, campaign_id: int) -> tuple[StoryHeader, list[SharedFrameRef]]:
        return self.header(campaign_id), self.store.frame_refs(campaign_id)

    def iter_frames(self, campaign: CampaignRecord) -> list[SharedFrame]:
        """Every frame of the shared Story, loaded (the export; one pass for the privacy)."""
        givings = self.store.givings(campaign.id)
        return [shown_frame(campaign, f) for f in self.store.iter_frames(campaign.id, givings)]


def shown_name(campaign: CampaignRecord, giving: DonorGiving | None) -> str | None:
    """The donor's name as the story shows it; None means "Anonymous": the campaign hides
    names on air, the donor only ever gave anonymously, or a moderator hid their name."""
    if giving is None or not campaign.show_names_on_air:
        return None
    if giving.anonymous_only or giving.hide_name:
        return None
    return giving.donor_name


def shown_amount(
    campaign: CampaignRecord, giving: DonorGiving | None, design: StoryDesign
) -> int | None:
    """The donor's completed total, only when the donor chose to show it AND the campaign
    shows amounts on air AND no moderator hid it."""
    if giving is None or not design.show_amount or not campaign.show_amounts_on_air:
        return None
    if giving.hide_amount:
        return None
    return giving.total_minor


def shown_frame(campaign: CampaignRecord, stored: StoredFrame) -> SharedFrame:
    design = StoryDesign.from_json(stored.design)
    return SharedFrame(
        frame_id=stored.frame_id,
        donor_key=stored.donor_key,
        shown_name=shown_name(campaign, stored.giving),
        shared_at_us=stored.shared_at_us,
        design=design,
        background_image=stored.background_image,
        amount_minor=shown_amount(campaign, stored.giving, design),
    )
