"""What a view needs to open a campaign, read in ONE read transaction together with the
campaign's `change_seq`: the view shows the snapshot, then follows the change feed from that
seq (`ChangeFollower.follow(campaign_id, snapshot.seq)`), and so misses nothing and applies
nothing twice, whatever other seats commit meanwhile.

Synchronous, like the other services: the GUI calls them on its database thread.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy.exc import SQLAlchemyError

from livegiving_desktop.core.campaigns import CampaignKind
from livegiving_desktop.core.errors import StateError
from livegiving_desktop.core.moderation import ModerationRules, ModerationSettings
from livegiving_desktop.core.records import (
    AuditRecord,
    CampaignRecord,
    CampaignStats,
    StoredDonation,
    TopDonor,
)
from livegiving_desktop.core.tickets import AdmissionRecord, EventFigures, StoredTicket
from livegiving_desktop.db import views
from livegiving_desktop.db.audit import AuditStore
from livegiving_desktop.db.changes import read_transaction
from livegiving_desktop.db.moderation import BlockedDonorRecord, rules_in
from livegiving_desktop.services.changes import CATCH_UP_AFTER, TOP_DONORS
from livegiving_desktop.services.events import EventService, RefundPolicy
from livegiving_desktop.services.ledger import LedgerService

log = logging.getLogger("livegiving.feed")

PAGE = 200


@dataclass(frozen=True, slots=True)
class FundraiserSnapshot:
    """The fundraiser live view's opening state (the fields of ui/live_page.CampaignSnapshot,
    in the same order) and the seq it is as of."""

    campaign: CampaignRecord
    stats: CampaignStats  # exact, the donor count included
    recent: list[StoredDonation]  # newest first
    unthanked: list[StoredDonation]  # the thank queue, newest first
    top: list[TopDonor]
    organization: str
    moderation: ModerationRules | None = None
    seq: int = 0  # follow the change feed from here


@dataclass(frozen=True, slots=True)
class EventSnapshot:
    """The paid event view's opening state (the fields of ui/event_page.EventSnapshot, in the
    same order) and the seq it is as of."""

    campaign: CampaignRecord
    figures: EventFigures
    sales: list[StoredTicket]  # newest first
    admissions: list[AdmissionRecord]  # newest first
    policy: RefundPolicy
    organization: str
    moderation: ModerationRules | None  # for the donations of an event that raises money
    seq: int = 0


@dataclass(frozen=True, slots=True)
class ConsoleSnapshot:
    """The moderation console's opening state besides its table (which pages by itself)."""

    campaign: CampaignRecord
    stats: CampaignStats
    settings: ModerationSettings
    blocked: list[BlockedDonorRecord]
    audit: list[AuditRecord]  # newest first
    seq: int = 0


def _catch_up_if_far_behind(service: LedgerService, campaign_id: int) -> None:
    """The per-donor figures are read above the aggregate's watermark; fold the donations in
    first when many are waiting (a headless rehearsal elsewhere never does)."""
    with read_transaction(service.db) as conn:
        behind = views.watermark(conn, campaign_id).behind
    if behind > CATCH_UP_AFTER:
        try:
            service.store.catch_up_donor_stats(campaign_id)
        except SQLAlchemyError as exc:  # a full disk: read as of the last catch-up
            log.warning("donor figures not caught up before a snapshot: %s", exc)


def load_fundraiser(
    service: LedgerService, campaign_id: int, *, page: int = PAGE
) -> FundraiserSnapshot:
    """The live view's snapshot, one read transaction, with its seq. Never writes (unless the
    per-donor figures are far behind)."""
    _catch_up_if_far_behind(service, campaign_id)
    with read_transaction(service.db) as conn:
        campaign = views.campaign(conn, campaign_id)
        mark = views.watermark(conn, campaign_id)
        snapshot = FundraiserSnapshot(
            campaign=campaign,
            stats=views.exact_stats(conn, campaign, mark),
            recent=views.recent_donations(conn, campaign_id, page),
            unthanked=views.unthanked_donations(conn, campaign_id, page),
            top=views.top_donors(conn, campaign_id, mark, TOP_DONORS),
            organization=_organization(service, campaign),
            moderation=rules_in(conn, campaign_id, campaign.currency),
            seq=campaign.change_seq,
        )
    return snapshot


def load_event(events: EventService, campaign_id: int, *, page: int = PAGE) -> EventSnapshot:
    """The paid event view's snapshot, one read transaction, with its seq."""
    with read_transaction(events.ledger.db) as conn:
        campaign = views.campaign(conn, campaign_id)
        if campaign.kind is not CampaignKind.PAID_EVENT:
            raise StateError(f"campaign {campaign_id} is a fundraiser, not a paid event")
        raises_money = campaign.organization_id is not None
        return EventSnapshot(
            campaign=campaign,
            figures=views.figures(campaign),
            sales=views.recent_sales(conn, campaign_id, page),
            admissions=views.recent_admissions(conn, campaign_id, page),
            policy=events.refund_policy(campaign),
            organization=_organization(events.ledger, campaign),
            moderation=rules_in(conn, campaign_id, campaign.currency) if raises_money else None,
            seq=campaign.change_seq,
        )


def load_console(service: LedgerService, campaign_id: int, *, audit: int = PAGE) -> ConsoleSnapshot:
    """The moderation console's snapshot (figures, rules, blocked donors, the audit log's
    newest rows), one read transaction, with its seq."""
    _catch_up_if_far_behind(service, campaign_id)
    with read_transaction(service.db) as conn:
        campaign = views.campaign(conn, campaign_id)
        mark = views.watermark(conn, campaign_id)
        rules = rules_in(conn, campaign_id, campaign.currency)
        return ConsoleSnapshot(
            campaign=campaign,
            stats=views.exact_stats(conn, campaign, mark),
            settings=rules.settings,
            blocked=service.moderation_store.blocked_donors_in(conn, campaign_id),
            audit=AuditStore.entries_in(conn, campaign_id, limit=audit),
            seq=campaign.change_seq,
        )


def _organization(service: LedgerService, campaign: CampaignRecord) -> str:
    org = service.catalog.get(campaign.organization_id or "")
    return org.name if org else ""
