"""ModerationService: what the moderation console and the CLI do to donations, each action
written on the append-only audit log with the moderator's display name and role.

Synchronous, like LedgerService: the GUI calls it on its database thread.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TextIO

from livegiving_desktop.core.decisions import Decision, DecisionSummary
from livegiving_desktop.core.errors import ValidationError
from livegiving_desktop.core.moderation import (
    DonationFilter,
    MessageStatus,
    ModerationRules,
    ModerationSettings,
    TableSort,
    parse_threshold,
)
from livegiving_desktop.core.records import (
    Actor,
    AuditRecord,
    CampaignStats,
    RefundOutcome,
    StoredDonation,
    TopDonor,
)
from livegiving_desktop.core.refunds import clean_actor, clean_reason
from livegiving_desktop.db.moderation import BlockedDonorRecord, campaign_settings
from livegiving_desktop.services import export
from livegiving_desktop.services.ledger import LedgerService

AUDIT_COLUMNS = (
    "audit_id",
    "at",
    "actor_name",
    "actor_role",
    "action",
    "donation_id",
    "ticket_id",
    "before",
    "after",
    "reason",
    "login",  # added in 0006: the server's login (PostgreSQL), empty on SQLite
)


def audit_row(entry: AuditRecord) -> dict[str, Any]:
    """The export record of one audit row (JSON keeps ints and nulls; CSV writes text)."""
    return {
        "audit_id": entry.id,
        "at": entry.at.isoformat(timespec="microseconds"),
        "actor_name": entry.actor_name,
        "actor_role": entry.actor_role,
        "action": entry.action,
        "donation_id": entry.donation_id,
        "ticket_id": entry.ticket_id,
        "before": entry.before,
        "after": entry.after,
        "reason": entry.reason,
        "login": entry.login,
    }


@dataclass(frozen=True, slots=True)
class LedgerChange:
    """What a moderator's action changed, for every window to follow at once."""

    campaign_id: int
    donations: list[StoredDonation]  # as they are now
    stats: CampaignStats
    top: list[TopDonor]
    refund: RefundOutcome | None = None
    summary: DecisionSummary | None = None  # every named donation: changed or left as it was
    refunds: tuple[RefundOutcome, ...] = ()  # refund_many: one per donation refunded


@dataclass(frozen=True, slots=True)
class BlockOutcome:
    """What blocking the donors of several donations did."""

    campaign_id: int
    newly_blocked: list[StoredDonation]  # one donation per donor newly blocked
    summary: DecisionSummary
    rules: ModerationRules  # the rules to apply from now on (blocked donors included)


Seen = Mapping[int, int]  # {donation id: version} as the seat saw them (compare-and-set)


class ModerationService:
    """Rules, decisions, refunds and the audit log of the moderation console."""

    def __init__(self, ledger: LedgerService) -> None:
        self.ledger = ledger
        self.store = ledger.moderation_store

    # -- rules -----------------------------------------------------------------------------

    def settings(self, campaign_id: int) -> ModerationSettings:
        campaign = self.ledger.campaign(campaign_id)
        return campaign_settings(self.store, campaign_id, campaign.currency)

    def save_settings(
        self, campaign_id: int, settings: ModerationSettings, actor: Actor
    ) -> ModerationRules:
        """Check and save the campaign's rules; returns the rules to apply from now on."""
        settings.check()
        self.store.save_settings(campaign_id, settings.to_json(), clean_actor(actor))
        return self.rules(campaign_id)

    def parse_threshold(
        self, campaign_id: int, text: str, *, field: str, locale: str | None = None
    ) -> int | None:
        """A threshold of the rules tab as typed (`largeAmountThreshold`,
        `largeFirstThreshold`): empty is off; else read in the UI's `locale`."""
        currency = self.ledger.campaign(campaign_id).currency
        return parse_threshold(text, currency, locale, field=field)

    def rules(self, campaign_id: int) -> ModerationRules:
        return self.ledger.moderation_rules(self.ledger.campaign(campaign_id))

    # -- decisions -------------------------------------------------------------------------

    def approve(
        self,
        campaign_id: int,
        donation_ids: Sequence[int],
        actor: Actor,
        *,
        seen: Seen | None = None,
    ) -> LedgerChange:
        """Put the messages on air. With `seen` (core/decisions.seen_versions of the rows the
        moderator acted on): a donation changed since by another seat raises ConflictError
        ("Sam hid this message") and nothing is written. All or nothing."""
        changed = self.store.set_message_status(
            campaign_id, donation_ids, MessageStatus.VISIBLE, clean_actor(actor), seen=seen
        )
        return self._change(campaign_id, changed, donation_ids, Decision.APPROVE)

    def hide(
        self,
        campaign_id: int,
        donation_ids: Sequence[int],
        actor: Actor,
        reason: str | None = None,
        *,
        seen: Seen | None = None,
    ) -> LedgerChange:
        """Keep the messages off the air (`seen`: as for approve)."""
        why = clean_reason(reason) if reason else None
        changed = self.store.set_message_status(
            campaign_id, donation_ids, MessageStatus.HIDDEN, clean_actor(actor), why, seen=seen
        )
        return self._change(campaign_id, changed, donation_ids, Decision.HIDE)

    def set_privacy(
        self,
        campaign_id: int,
        donation_ids: Sequence[int],
        actor: Actor,
        *,
        hide_name: bool | None = None,
        hide_amount: bool | None = None,
        seen: Seen | None = None,
    ) -> LedgerChange:
        """On air, show the name as Anonymous and/or hide the amount of these donations
        (`seen`: as for approve)."""
        changed = self.store.set_privacy(campaign_id, donation_ids, clean_actor(actor),
                                         hide_name=hide_name, hide_amount=hide_amount,
                                         seen=seen)  # fmt: skip
        if hide_name is not None:
            decision = Decision.ANONYMOUS if hide_name else Decision.SHOW_NAME
        else:
            decision = Decision.HIDE_AMOUNT if hide_amount else Decision.SHOW_AMOUNT
        return self._change(campaign_id, changed, donation_ids, decision)

    def refund(
        self, donation_id: int, reason: str, actor: Actor, *, seen_version: int | None = None
    ) -> LedgerChange:
        """The ledger's refund (a record of its own); totals, goal, top donors and donor count
        are returned as they are after it. `seen_version`: the version the moderator saw (a
        change since by another seat is a ConflictError)."""
        outcome = self.ledger.refund_donation(donation_id, reason, actor, seen_version=seen_version)
        campaign_id = outcome.donation.campaign_id
        summary = DecisionSummary(
            Decision.REFUND, (donation_id,), (), {donation_id: outcome.donation.version}
        )
        return LedgerChange(campaign_id, [outcome.donation], outcome.stats,
                            self.ledger.top_donors(campaign_id), outcome, summary,
                            (outcome,))  # fmt: skip

    def refund_many(
        self,
        campaign_id: int,
        donation_ids: Sequence[int],
        reason: str,
        actor: Actor,
        *,
        seen: Seen | None = None,
    ) -> LedgerChange:
        """Refund several donations in ONE transaction: all are refunded or none. A donation
        another seat changed since `seen` (e.g. refunded it) is a ConflictError saying who did
        what; without `seen`, one already refunded refunds nothing (StateError)."""
        outcomes = self.ledger.store.refund_donations(
            campaign_id, donation_ids, clean_reason(reason), clean_actor(actor), seen=seen
        )
        refunded = [o.donation for o in outcomes]
        done = {d.id for d in refunded}
        unchanged = tuple(sorted(set(donation_ids) - done))
        versions = {d.id: d.version for d in refunded}
        if unchanged:
            versions.update({d.id: d.version for d in self.donations(campaign_id, unchanged)})
        summary = DecisionSummary(Decision.REFUND, tuple(sorted(done)), unchanged, versions)
        stats = outcomes[-1].stats if outcomes else self.ledger.stats(campaign_id)
        return LedgerChange(campaign_id, refunded, stats, self.ledger.top_donors(campaign_id),
                            outcomes[0] if len(outcomes) == 1 else None, summary,
                            tuple(outcomes))  # fmt: skip

    def block_donor(
        self,
        donation_id: int,
        actor: Actor,
        reason: str | None = None,
        *,
        seen_version: int | None = None,
    ) -> tuple[StoredDonation, bool]:
        """Block the donor of a donation: their later messages are held. (donation, newly)"""
        why = clean_reason(reason) if reason else None
        return self.store.block_donor(donation_id, clean_actor(actor), why,
                                      seen_version=seen_version)  # fmt: skip

    def block_donors(
        self,
        campaign_id: int,
        donation_ids: Sequence[int],
        actor: Actor,
        reason: str | None = None,
        *,
        seen: Seen | None = None,
    ) -> BlockOutcome:
        """Block the donors of several donations in one transaction (all or nothing; `seen`
        as for approve). Returns who was newly blocked and the rules to apply from now on."""
        why = clean_reason(reason) if reason else None
        newly = self.store.block_donors(campaign_id, donation_ids, clean_actor(actor), why,
                                        seen=seen)  # fmt: skip
        rows = self.donations(campaign_id, donation_ids)
        newly_keys = {d.donor_key for d in newly}
        changed = tuple(sorted(d.id for d in rows if d.donor_key in newly_keys))
        unchanged = tuple(sorted(d.id for d in rows if d.donor_key not in newly_keys))
        summary = DecisionSummary(Decision.BLOCK, changed, unchanged,
                                  {d.id: d.version for d in rows})  # fmt: skip
        return BlockOutcome(campaign_id, newly, summary, self.rules(campaign_id))

    def unblock_donor(self, campaign_id: int, donor_key: str, actor: Actor) -> bool:
        return self.store.unblock_donor(campaign_id, donor_key, clean_actor(actor), None)

    def blocked_donors(self, campaign_id: int) -> list[BlockedDonorRecord]:
        return self.store.blocked_donors(campaign_id)

    # -- the table and the log -------------------------------------------------------------

    def count(self, campaign_id: int, where: DonationFilter) -> int:
        return self.store.count(campaign_id, where.check())

    def page(
        self,
        campaign_id: int,
        where: DonationFilter,
        *,
        sort: TableSort = TableSort.ID,
        descending: bool = True,
        offset: int = 0,
        limit: int = 200,
    ) -> list[StoredDonation]:
        return self.store.page(campaign_id, where.check(), sort=sort, descending=descending,
                               offset=offset, limit=limit)  # fmt: skip

    def donations(self, campaign_id: int, donation_ids: Sequence[int]) -> list[StoredDonation]:
        return self.store.donations_by_id(campaign_id, donation_ids)

    def audit_entries(
        self, campaign_id: int, *, before_id: int | None = None, limit: int = 200
    ) -> list[AuditRecord]:
        return self.ledger.audit_entries(campaign_id, before_id=before_id, limit=limit)

    def export_audit(
        self,
        campaign_id: int,
        fmt: str,
        out: TextIO,
        progress: Callable[[int], None] | None = None,
    ) -> int:
        """Every audit row of the campaign, oldest first, as CSV or JSON."""
        self.ledger.campaign(campaign_id)

        def rows() -> Iterator[dict[str, Any]]:
            for count, entry in enumerate(self.ledger.audit.iter_entries(campaign_id), start=1):
                if progress is not None and count % 1000 == 0:
                    progress(count)
                yield audit_row(entry)

        if fmt == "csv":
            return export.write_csv(rows(), AUDIT_COLUMNS, out)
        if fmt == "json":
            return export.write_json(rows(), out)
        raise ValidationError("format", f"'{fmt}' is not csv or json")

    def _change(
        self,
        campaign_id: int,
        changed: list[StoredDonation],
        named: Sequence[int],
        decision: Decision,
    ) -> LedgerChange:
        stats = self.ledger.stats(campaign_id)
        done = {d.id for d in changed}
        unchanged = tuple(sorted(set(named) - done))
        versions = {d.id: d.version for d in changed}
        if unchanged:
            versions.update({d.id: d.version for d in self.donations(campaign_id, unchanged)})
        summary = DecisionSummary(decision, tuple(sorted(done)), unchanged, versions)
        return LedgerChange(campaign_id, changed, stats, [], summary=summary)
