"""LedgerService: the operations the CLI and the GUI call on campaigns and donations.

Every method is synchronous and may touch the database: the GUI calls them on its database
thread (never on the UI thread), the CLI directly.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TextIO

from livegiving_desktop.core.audience import AudienceProfile, SimulatedAudience, check_rehearsal
from livegiving_desktop.core.campaigns import (
    CampaignKind,
    CampaignSpec,
    CampaignStatus,
    HomeSort,
    clean_title,
    demo_organization,
    duplicate_title,
    fundraiser_spec,
    paid_event_spec,
    parse_goal,
)
from livegiving_desktop.core.donations import (
    DonationDraft,
    DonationSource,
    clean_external_id,
    validate_donation,
)
from livegiving_desktop.core.errors import StateError, ValidationError
from livegiving_desktop.core.goals import GoalChange, GoalProgress, goal_progress
from livegiving_desktop.core.moderation import MessageRules, ModerationRules, default_message_rules
from livegiving_desktop.core.money import currency_of_country, parse_amount_input
from livegiving_desktop.core.organizations import OrganizationCatalog, bundled_catalog
from livegiving_desktop.core.records import (
    Actor,
    ActorRole,
    AuditRecord,
    CampaignRecord,
    CampaignStats,
    RefundOutcome,
    StoredDonation,
    TopDonor,
)
from livegiving_desktop.core.refunds import clean_actor, clean_reason
from livegiving_desktop.core.text import donor_key
from livegiving_desktop.db.audit import AuditStore
from livegiving_desktop.db.campaigns import CampaignStore
from livegiving_desktop.db.engine import Database, open_database
from livegiving_desktop.db.ledger import LedgerStore, ThankAll
from livegiving_desktop.db.moderation import ModerationStore, campaign_rules
from livegiving_desktop.services import export, home
from livegiving_desktop.services.changes import follow_rules as follow_rules_feed
from livegiving_desktop.services.changes import rules_and_seq
from livegiving_desktop.services.ingest import BatchOutcome, IngestionPipeline, IngestSummary
from livegiving_desktop.services.simulation import AudienceRunner, StopRequested

DEMO_ORGANIZATION = "croix-rouge-francaise"  # the French demo's; see core.campaigns
# How long "thank all" can be undone (the view offers Undo for as long).
THANK_ALL_UNDO_S = 10.0
DEMO_ACTOR = Actor("LiveGiving", ActorRole.SYSTEM)


@dataclass(frozen=True, slots=True)
class OfflineOutcome:
    """The result of recording one donation: stored, or a replay of an external id."""

    donation: StoredDonation | None
    external_id: str

    @property
    def duplicate(self) -> bool:
        return self.donation is None


@dataclass(frozen=True, slots=True)
class ThankAllOutcome:
    """What "thank all" did: how many it thanked, the queue's N after it, and what undoing it
    needs (`LedgerService.undo_thank_all(outcome)`, until `undo_until` on time.monotonic())."""

    done: ThankAll
    undo_until: float

    @property
    def thanked(self) -> int:
        return self.done.thanked

    @property
    def unthanked_count(self) -> int:
        return self.done.unthanked_count


@dataclass(frozen=True, slots=True)
class GoalUpdate:
    """A goal changed: the campaign as it is now, and where its total stands against the new
    goal (the milestones it has passed are not announced again; the next one is)."""

    campaign: CampaignRecord
    progress: GoalProgress


@dataclass(frozen=True, slots=True)
class BroadcastSummary:
    """The figures of the end-of-broadcast summary, with the part given after the broadcast
    (offline donations recorded once it had ended; counted in the total)."""

    campaign_id: int
    currency: str
    total_minor: int
    donor_count: int
    donation_count: int
    average_minor: int
    duration_s: int | None  # None when it never went live
    after_broadcast_count: int
    after_broadcast_minor: int
    unthanked_count: int

    @property
    def during_broadcast_minor(self) -> int:
        return self.total_minor - self.after_broadcast_minor


@dataclass(frozen=True, slots=True)
class SimulationReport:
    summary: IngestSummary
    currency: str
    elapsed_s: float
    # Stopped by Ctrl+C (or what the caller raises as such): what was sent is committed.
    stopped_by: KeyboardInterrupt | None = None

    @property
    def interrupted(self) -> bool:
        return self.stopped_by is not None


class LedgerService:
    """Campaigns, donations and their totals, over one database."""

    def __init__(
        self,
        db: Database,
        *,
        catalog: OrganizationCatalog | None = None,
        message_rules: MessageRules | None = None,
    ) -> None:
        self.db = db
        self.store = LedgerStore(db)
        self.audit = AuditStore(db)
        self.moderation_store = ModerationStore(db)
        self.campaign_store = CampaignStore(db)
        self.catalog = catalog or bundled_catalog()
        self.message_rules = message_rules or default_message_rules()

    @classmethod
    def open(cls, url: str) -> LedgerService:
        return cls(open_database(url))

    def close(self) -> None:
        self.db.close()

    # -- campaigns -------------------------------------------------------------------------

    def create_campaign(self, spec: CampaignSpec, *, is_demo: bool = False) -> CampaignRecord:
        return self.store.get_campaign(self.store.create_campaign(spec, is_demo=is_demo))

    def create_fundraiser(
        self,
        *,
        title: str,
        organization_id: str,
        goal: str,
        currency: str,
        minimum: str | None = None,
        show_names_on_air: bool = True,
        show_amounts_on_air: bool = True,
        allow_anonymous: bool = True,
        locale: str | None = None,
    ) -> CampaignRecord:
        """A new fundraiser (a draft). `locale`: the UI's, to read the amounts as typed in it;
        None (the command line) reads the contract's dot form."""
        spec = fundraiser_spec(
            title=title,
            organization_id=organization_id,
            goal=goal,
            currency=currency,
            catalog=self.catalog,
            minimum=minimum,
            show_names_on_air=show_names_on_air,
            show_amounts_on_air=show_amounts_on_air,
            allow_anonymous=allow_anonymous,
            locale=locale,
        )
        return self.create_campaign(spec)

    def create_paid_event(
        self,
        *,
        title: str,
        category: str,
        price: str,
        currency: str,
        capacity: str | None = None,
        starts_at: str | None = None,
        locale: str | None = None,
    ) -> CampaignRecord:
        """A new paid event (a draft); the price is read in `locale` as for a fundraiser."""
        spec = paid_event_spec(
            title=title,
            category=category,
            price=price,
            currency=currency,
            capacity=capacity,
            starts_at=starts_at,
            locale=locale,
        )
        return self.create_campaign(spec)

    def campaigns(self) -> list[CampaignRecord]:
        return self.store.list_campaigns()

    def campaign(self, campaign_id: int) -> CampaignRecord:
        return self.store.get_campaign(campaign_id)

    def go_live(self, campaign_id: int, actor: Actor | None = None) -> CampaignRecord:
        """Go live (an audit row `go-live`); a campaign already live is left as it is."""
        campaign = self.store.get_campaign(campaign_id)
        if campaign.status is CampaignStatus.LIVE:
            return campaign
        return self.store.set_status(campaign_id, CampaignStatus.LIVE, actor or _creator())

    def end_broadcast(self, campaign_id: int, actor: Actor | None = None) -> CampaignRecord:
        """End the broadcast (an audit row `end`)."""
        return self.store.set_status(campaign_id, CampaignStatus.ENDED, actor or _creator())

    def ensure_demo_campaign(self, locale: str = "en") -> CampaignRecord:
        """The demo fundraiser: one, re-used on every later run, also once it has ended (the
        app then offers `restart_demo`); a new one only when there is none. Demos piled up
        by earlier versions are archived, the newest kept."""
        existing = self.store.find_demo_campaign()
        if existing is None:
            return self._new_demo(locale)
        for older in self.campaign_store.home(include_archived=False):
            if (
                older.is_demo
                and older.id != existing.id
                and older.status is not CampaignStatus.LIVE
            ):
                self.campaign_store.set_archived(older.id, True, DEMO_ACTOR)
        return existing

    def restart_demo(self, campaign_id: int, locale: str = "en") -> CampaignRecord:
        """Replace an ended demo with a fresh one (the ended one is archived, nothing
        deleted). A demo that has not ended is returned as it is."""
        demo = self.store.get_campaign(campaign_id)
        if not demo.is_demo:
            raise StateError(f"campaign {campaign_id} is not the demo")
        if not demo.status.finished:
            return demo
        self.campaign_store.set_archived(campaign_id, True, DEMO_ACTOR)
        return self._new_demo(locale)

    def _new_demo(self, locale: str) -> CampaignRecord:
        french = locale.startswith("fr")
        org_id = demo_organization(locale, self.catalog)
        org = self.catalog.require(org_id)
        spec = fundraiser_spec(
            title="Marathon solidaire en direct" if french else "Live charity marathon",
            organization_id=org_id,
            goal="5000",
            currency=currency_of_country(org.country),  # the nonprofit's own currency
            catalog=self.catalog,
            minimum="2",
        )
        return self.create_campaign(spec, is_demo=True)

    # -- the home list ---------------------------------------------------------------------

    def home_campaigns(
        self,
        *,
        search: str = "",
        sort: HomeSort | str = HomeSort.NEWEST,
        include_archived: bool = False,
    ) -> list[CampaignRecord]:
        """The home list: `search` in the title or the nonprofit's name (case and accents
        ignored), sorted (newest, title, total, status), archived campaigns only when asked."""
        return home.home_campaigns(
            self.db, self.catalog, search=search, sort=sort, include_archived=include_archived
        )

    def archive(self, campaign_id: int, actor: Actor | None = None) -> CampaignRecord:
        """Hide a campaign from the home list (kept whole; `unarchive` brings it back)."""
        return self.campaign_store.set_archived(campaign_id, True, clean_actor(actor or _creator()))

    def unarchive(self, campaign_id: int, actor: Actor | None = None) -> CampaignRecord:
        return self.campaign_store.set_archived(
            campaign_id, False, clean_actor(actor or _creator())
        )

    def duplicate(self, campaign_id: int, title: str | None = None) -> CampaignRecord:
        """A new draft with a campaign's settings (nonprofit, goal, currency, price, on-air
        privacy, sticker, moderation rules); titled `Title (2)` unless `title` is given."""
        source = self.store.get_campaign(campaign_id)
        new_title = (
            clean_title(title)
            if title is not None
            else duplicate_title(source.title, self.campaign_store.titles())
        )
        return self.store.get_campaign(self.campaign_store.duplicate(campaign_id, new_title))

    # -- the goal --------------------------------------------------------------------------

    def change_goal(
        self,
        campaign_id: int,
        goal: str,
        actor: Actor | None = None,
        *,
        locale: str | None = None,
        reason: str | None = None,
    ) -> GoalUpdate:
        """Change the goal of a draft, or raise it while live (a stretch goal: above what was
        raised so far). One transaction with an audit row (`goal`, before and after)."""
        campaign = self.store.get_campaign(campaign_id)
        goal_minor = parse_goal(goal, campaign.currency, locale)
        who = clean_actor(actor or _creator())
        why = clean_reason(reason) if reason else None
        updated = self.campaign_store.set_goal(campaign_id, goal_minor, who, why)
        return GoalUpdate(updated, goal_progress(updated.total_minor, goal_minor))

    def goal_history(self, campaign_id: int) -> list[GoalChange]:
        """Every change of the goal after creation, oldest first."""
        return self.campaign_store.goal_history(campaign_id)

    def broadcast_summary(self, campaign_id: int) -> BroadcastSummary:
        """The end-of-broadcast figures, with the part given after the broadcast."""
        stats = self.store.stats(campaign_id)
        c = self.store.get_campaign(campaign_id)
        duration = None
        if c.started_at_us is not None:
            end = c.ended_at_us if c.ended_at_us is not None else int(time.time() * 1e6)
            duration = max(0, (end - c.started_at_us) // 1_000_000)
        return BroadcastSummary(
            c.id, c.currency, stats.total_minor, stats.donor_count, stats.donation_count,
            stats.average_minor, duration, c.after_broadcast_count, c.after_broadcast_minor,
            c.unthanked_count,
        )  # fmt: skip

    # -- donations -------------------------------------------------------------------------

    def offline_draft(
        self,
        campaign: CampaignRecord,
        *,
        amount: str,
        donor_name: str,
        message: str | None = None,
        anonymous: bool = False,
        external_id: str | None = None,
        locale: str | None = None,
    ) -> DonationDraft:
        """Validate a donation given outside the stream (all fields, as the ledger will). The
        amount is read in the UI's `locale` as typed, or in the dot form without one (CLI)."""
        if campaign.status is CampaignStatus.CANCELLED:
            raise StateError("the event was cancelled; it takes no more donations")
        if campaign.status is CampaignStatus.ENDED and campaign.kind is not CampaignKind.FUNDRAISER:
            raise StateError("the event has ended; it takes no more donations")
        if campaign.kind is CampaignKind.PAID_EVENT and campaign.organization_id is None:
            raise StateError("this event raises no money: it takes no donations")
        # An ended fundraiser still takes offline donations (cheques, cash): recorded "after
        # the broadcast", counted in the total.
        amount_minor = parse_amount_input(
            amount, campaign.currency, locale, maximum=campaign.maximum_minor
        )
        ext = (
            clean_external_id(external_id)
            if external_id is not None
            else f"offline-{secrets.token_hex(8)}"
        )
        draft = DonationDraft(
            external_id=ext,
            donor_name=donor_name,
            amount_minor=amount_minor,
            message=message,
            anonymous=anonymous,
            source=DonationSource.OFFLINE.value,
        )
        validate_donation(draft, campaign.donation_rules, self.message_rules)
        return draft

    def record_donation(self, campaign_id: int, **fields: object) -> OfflineOutcome:
        """Validate and store one donation through the ingestion pipeline; a replayed external
        id stores nothing (OfflineOutcome.duplicate)."""
        campaign = self.store.get_campaign(campaign_id)
        draft = self.offline_draft(campaign, **fields)  # type: ignore[arg-type]
        return self.record_draft(campaign, draft)

    def moderation_rules(self, campaign: CampaignRecord) -> ModerationRules:
        """The campaign's saved moderation rules and blocked donors (the pipeline's rules)."""
        return campaign_rules(self.moderation_store, campaign.id, campaign.currency)

    def ingestion_pipeline(
        self,
        campaign: CampaignRecord,
        *,
        moderation: ModerationRules | None = None,
        known_donors: Callable[[], Iterable[str]] | None = None,
        follow_rules: bool = False,
        rules_seq: int | None = None,
        **options: Any,
    ) -> IngestionPipeline:
        """The ingestion pipeline of a campaign, the one way every source builds it: the
        campaign's donation rules, the message rules and its moderation rules (read here
        unless given: a caller on the UI thread loads them on the database thread first), the
        donors it already knows loaded lazily. `options` go to IngestionPipeline.

        `follow_rules`: the pipeline follows its rules and blocked donors through the change
        feed (a word blocked on any seat holds the next such message here), from `rules_seq`,
        the seq the given `moderation` is as of (a snapshot's seq); read here with the rules
        when not given. Closing the pipeline stops the follower."""
        seq = rules_seq
        if moderation is None:
            if follow_rules:
                rules, seq = rules_and_seq(self.db, campaign)
            else:
                rules = self.moderation_rules(campaign)
        else:
            rules = moderation
            if follow_rules and seq is None:
                _, seq = rules_and_seq(self.db, campaign)
        pipeline = IngestionPipeline(
            self.store,
            campaign,
            message_rules=self.message_rules,
            moderation=rules,
            known_donors=known_donors
            or (lambda: self.moderation_store.known_donor_keys(campaign.id)),
            **options,
        )
        if follow_rules and seq is not None:
            follower = follow_rules_feed(self.db, campaign.id, seq, pipeline.set_moderation)
            pipeline.add_on_close(lambda: follower.close(2.0))
        return pipeline

    def record_draft(self, campaign: CampaignRecord, draft: DonationDraft) -> OfflineOutcome:
        """Store one validated draft through a short-lived ingestion pipeline."""
        outcomes: list[BatchOutcome] = []
        key = donor_key(draft.donor_name.strip())
        pipeline = self.ingestion_pipeline(
            campaign,
            known_donors=lambda: self.moderation_store.known_donor_keys(campaign.id, [key]),
            on_commit=outcomes.append,
            max_delay=0.0,
            max_attempts=5,
        )
        refusals = pipeline.submit_many([draft])
        summary = pipeline.close()
        if refusals:
            raise refusals[0]
        if summary.rejections.get("campaign"):
            raise StateError("the campaign takes no more donations")
        for outcome in outcomes:
            for donation in outcome.accepted:
                return OfflineOutcome(donation, draft.external_id)
        return OfflineOutcome(None, draft.external_id)

    def thank(self, campaign_id: int, donation_ids: list[int]) -> list[int]:
        return self.store.mark_thanked(campaign_id, donation_ids)

    def stats(self, campaign_id: int) -> CampaignStats:
        return self.store.stats(campaign_id)

    def top_donors(self, campaign_id: int, limit: int = 5) -> list[TopDonor]:
        return self.store.top_donors(campaign_id, limit)

    def recent_donations(
        self, campaign_id: int, *, before_id: int | None = None, limit: int = 200
    ) -> list[StoredDonation]:
        return self.store.recent_donations(campaign_id, before_id=before_id, limit=limit)

    def unthanked(
        self,
        campaign_id: int,
        limit: int = 200,
        *,
        before_id: int | None = None,
        offset: int = 0,
    ) -> list[StoredDonation]:
        """A page of the thank queue, newest first (completed, not yet thanked). Page back
        with `before_id` = the last row's id, or jump with `offset`."""
        return self.store.unthanked_donations(
            campaign_id, limit, before_id=before_id, offset=offset
        )

    def unthanked_count(self, campaign_id: int) -> int:
        """The thank queue's N: every completed donation not yet thanked, exact and O(1)."""
        return self.store.unthanked_count(campaign_id)

    def thank_all(self, campaign_id: int, through_id: int | None = None) -> ThankAllOutcome:
        """Thank every donation of the queue (up to `through_id` when given: what the view
        showed) in one transaction; undoable for THANK_ALL_UNDO_S seconds."""
        self.store.get_campaign(campaign_id)
        done = self.store.thank_all(campaign_id, through_id)
        return ThankAllOutcome(done, time.monotonic() + THANK_ALL_UNDO_S)

    def undo_thank_all(self, outcome: ThankAllOutcome, *, now: float | None = None) -> int:
        """Put back in the queue exactly what `outcome` thanked (not those thanked otherwise
        since, nor those refunded since). Returns the queue's N after it."""
        if (time.monotonic() if now is None else now) > outcome.undo_until:
            raise StateError("too late to undo: the donors stay thanked")
        _, left = self.store.undo_thank_all(outcome.done)
        return left

    # -- refunds and the audit log ---------------------------------------------------------

    def refund_donation(
        self, donation_id: int, reason: str, actor: Actor, *, seen_version: int | None = None
    ) -> RefundOutcome:
        """Refund one donation (a record of its own); the totals drop in the same
        transaction and an audit row says who, why and when. `seen_version`: the version the
        moderator saw (another seat's decision since is a ConflictError, nothing written)."""
        return self.store.refund_donation(
            donation_id, clean_reason(reason), clean_actor(actor), seen_version=seen_version
        )

    def audit_entries(
        self, campaign_id: int, *, before_id: int | None = None, limit: int = 200
    ) -> list[AuditRecord]:
        return self.audit.entries(campaign_id, before_id=before_id, limit=limit)

    # -- rehearsal -------------------------------------------------------------------------

    def simulate(
        self,
        campaign_id: int,
        *,
        rate: float = 0.0,
        count: int | None = None,
        seconds: float | None = None,
        seed: int | None = None,
        duplicates: float = 0.0,
        on_commit: Callable[[BatchOutcome], None] | None = None,
        moderation: bool = True,
        stop_requested: StopRequested | None = None,
    ) -> SimulationReport:
        """A headless rehearsal: the simulated audience through the ingestion pipeline (with the
        campaign's moderation rules; `moderation=False` applies none, for benchmarks).
        `stop_requested`: see PacedRunner.wait."""
        check_rehearsal(rate=rate, count=count, seconds=seconds, duplicates=duplicates)
        campaign = self.store.get_campaign(campaign_id)
        if campaign.kind is not CampaignKind.FUNDRAISER:
            raise StateError("simulating a paid event's audience comes with ticketing")
        if campaign.status.finished:
            raise StateError("the campaign has ended; rehearse on a draft or live campaign")
        audience = SimulatedAudience(
            seed if seed is not None else secrets.randbits(32),
            campaign.currency,
            minimum_minor=campaign.minimum_minor,
            maximum_minor=campaign.maximum_minor,
            profile=AudienceProfile(duplicates=duplicates),
        )
        started = time.perf_counter()
        pipeline = self.ingestion_pipeline(
            campaign,
            moderation=None if moderation else ModerationRules.off(),
            follow_rules=moderation,  # rules changed on another seat apply during the run
            on_commit=on_commit,
            max_attempts=20,
            donor_stats=False,
            want_rows=False,
        )
        runner = AudienceRunner(audience, pipeline, rate=rate, count=count, seconds=seconds)
        stopped_by: KeyboardInterrupt | None = None
        try:
            runner.start()  # in the try: Ctrl+C as it starts stops the audience too
            runner.wait(stop_requested)
        except KeyboardInterrupt as exc:  # Ctrl+C: the audience stops, what it sent is saved
            stopped_by = exc
            runner.stop()
            runner.wait()
        summary = pipeline.close()
        if runner.error is not None:
            raise runner.error
        elapsed = time.perf_counter() - started
        return SimulationReport(summary, campaign.currency, elapsed, stopped_by)

    # -- export ----------------------------------------------------------------------------

    def iter_donations(self, campaign_id: int) -> Iterator[StoredDonation]:
        self.store.get_campaign(campaign_id)
        return self.store.iter_donations(campaign_id)

    def export_donations(
        self,
        campaign_id: int,
        fmt: str,
        out: TextIO,
        progress: Callable[[int], None] | None = None,
    ) -> int:
        """Write every donation of the campaign; `progress(rows written)` every 1,000 rows."""

        def rows() -> Iterator[dict[str, object]]:
            for count, donation in enumerate(self.iter_donations(campaign_id), start=1):
                if progress is not None and count % 1000 == 0:
                    progress(count)
                yield export.donation_row(donation)

        return self._write_export(rows(), fmt, out)

    def _write_export(self, rows: Iterator[dict[str, object]], fmt: str, out: TextIO) -> int:
        if fmt == "csv":
            return export.write_csv(rows, export.DONATION_COLUMNS, out)
        if fmt == "json":
            return export.write_json(rows, out)
        raise ValidationError("format", f"'{fmt}' is not csv or json")


def _creator() -> Actor:
    """The creator at this computer (the GUI's actions; the CLI names its own)."""
    import getpass

    try:
        name = getpass.getuser()
    except (KeyError, OSError):  # no login name (a container): still someone
        name = "creator"
    return Actor(name or "creator", ActorRole.CREATOR)
