"""Every user action, one function each, after Anki's aqt/operations (CollectionOp, QueryOp):
one round trip through the database thread, its typed result back on the UI thread. A failure
raises; callers report it through one path (`ui/common/error_text.user_message`: words, never
raw exception text). What an action changed reaches every view (this seat's and the others')
through the ledger's change feed; the result here is for the one who acted (a notice, a
dialog's next step)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import ParamSpec, TextIO, TypeVar

from livegiving_desktop.core.decisions import seen_versions
from livegiving_desktop.core.donations import DonationDraft
from livegiving_desktop.core.moderation import MessageStatus, ModerationRules, ModerationSettings
from livegiving_desktop.core.records import Actor, CampaignRecord, StoredDonation
from livegiving_desktop.core.tickets import AdmissionRecord, EventFigures, SoldTicket, TicketRefund
from livegiving_desktop.services.events import EventService
from livegiving_desktop.services.files import write_atomically
from livegiving_desktop.services.ledger import LedgerService, OfflineOutcome
from livegiving_desktop.services.moderation import BlockOutcome, LedgerChange, ModerationService
from livegiving_desktop.services.team import guarded
from livegiving_desktop.ui.common.runner import DbRunner

P = ParamSpec("P")
R = TypeVar("R")


class Operations:
    """The actions of one seat, over its ledger service and database thread."""

    def __init__(self, runner: DbRunner, ledger: LedgerService) -> None:
        self.runner = runner
        self.ledger = ledger
        self.moderation = ModerationService(ledger)
        self.events = EventService(ledger)

    def _as(self, action: str, work: Callable[P, R]) -> Callable[P, R]:
        """`work` whose refusal by the server says the role and the action in words (the
        words are translated by ui/common/error_text.py: keep them in its ROLE_ACTIONS)."""
        return guarded(self.ledger.db, action, work)

    # -- the broadcast ---------------------------------------------------------------------

    async def go_live(self, campaign_id: int) -> CampaignRecord:
        return await self.runner.call(self._as("go live", self.ledger.go_live), campaign_id)

    async def end_broadcast(self, campaign_id: int) -> CampaignRecord:
        return await self.runner.call(
            self._as("end a broadcast", self.ledger.end_broadcast), campaign_id
        )

    async def thank(self, campaign_id: int, donation_ids: Sequence[int]) -> list[int]:
        """Thank donations on air; returns those newly thanked."""
        return await self.runner.call(
            self._as("thank donors on air", self.ledger.thank), campaign_id, list(donation_ids)
        )

    async def record_offline(
        self, campaign: CampaignRecord, draft: DonationDraft
    ) -> OfflineOutcome:
        """A donation given outside the stream, through the ingestion pipeline."""
        return await self.runner.call(
            self._as("record a donation", self.ledger.record_draft), campaign, draft
        )

    # -- moderation ------------------------------------------------------------------------

    async def decide(
        self,
        campaign_id: int,
        donations: Sequence[StoredDonation],
        status: MessageStatus,
        actor: Actor,
    ) -> LedgerChange:
        """Approve (on air) or hide the messages of these donations, as this seat saw them:
        if another seat changed one since, nothing is changed (ConflictError says who did
        what)."""
        ids, seen = [d.id for d in donations], seen_versions(donations)
        if status is MessageStatus.VISIBLE:
            return await self.runner.call(
                self._as("decide on messages", self.moderation.approve),
                campaign_id,
                ids,
                actor,
                seen=seen,
            )
        return await self.runner.call(
            self._as("decide on messages", self.moderation.hide), campaign_id, ids, actor, seen=seen
        )

    async def set_privacy(
        self,
        campaign_id: int,
        donations: Sequence[StoredDonation],
        actor: Actor,
        *,
        hide_name: bool | None = None,
        hide_amount: bool | None = None,
    ) -> LedgerChange:
        """Name as Anonymous / hide the amount on air (None: leave as it is), as seen."""
        ids, seen = [d.id for d in donations], seen_versions(donations)

        def work() -> LedgerChange:
            return self.moderation.set_privacy(
                campaign_id, ids, actor, hide_name=hide_name, hide_amount=hide_amount, seen=seen
            )

        return await self.runner.call(self._as("change what goes on air", work))

    async def block(
        self, campaign_id: int, donations: Sequence[StoredDonation], actor: Actor
    ) -> BlockOutcome:
        """Block the donors of these donations, all in one transaction, as seen."""
        ids, seen = [d.id for d in donations], seen_versions(donations)
        return await self.runner.call(
            self._as("block a donor", self.moderation.block_donors),
            campaign_id,
            ids,
            actor,
            seen=seen,
        )

    async def unblock(self, campaign_id: int, donor_key: str, actor: Actor) -> bool:
        return await self.runner.call(
            self._as("unblock a donor", self.moderation.unblock_donor),
            campaign_id,
            donor_key,
            actor,
        )

    async def refund(
        self, campaign_id: int, donations: Sequence[StoredDonation], reason: str, actor: Actor
    ) -> LedgerChange:
        """Refund these donations in ONE transaction: all or none, as seen."""
        ids, seen = [d.id for d in donations], seen_versions(donations)
        return await self.runner.call(
            self._as("refund a donation", self.moderation.refund_many),
            campaign_id,
            ids,
            reason,
            actor,
            seen=seen,
        )

    async def save_rules(
        self, campaign_id: int, settings: ModerationSettings, actor: Actor
    ) -> ModerationRules:
        return await self.runner.call(
            self._as("change the moderation rules", self.moderation.save_settings),
            campaign_id,
            settings,
            actor,
        )

    # -- paid events -----------------------------------------------------------------------

    async def admit(self, campaign_id: int, code: str) -> AdmissionRecord:
        """The creator checks a code at the door (the audience's rule)."""
        return await self.runner.call(
            self._as("admit at the door", self.events.admit), campaign_id, code
        )

    async def refund_ticket(
        self, ticket_id: int, reason: str, actor: Actor, *, override: bool
    ) -> TicketRefund:
        def work() -> TicketRefund:
            return self.events.refund_ticket(ticket_id, reason, actor, override=override)

        return await self.runner.call(self._as("refund a ticket", work))

    async def reissue_ticket(self, ticket_id: int, actor: Actor) -> SoldTicket:
        """A new access code for a ticket whose buyer lost theirs; the old one stops working."""
        return await self.runner.call(
            self._as("give a ticket a new code", self.events.reissue_ticket), ticket_id, actor
        )

    async def cancel_event(
        self, campaign_id: int, reason: str, actor: Actor
    ) -> tuple[int, EventFigures]:
        return await self.runner.call(
            self._as("cancel an event", self.events.cancel_event), campaign_id, reason, actor
        )


async def export_file(
    runner: DbRunner,
    path: Path,
    write: Callable[[TextIO, str], int],
    *,
    protected: Sequence[Path] = (),
) -> int:
    """Write an export (CSV, or JSON when the name ends in .json) on the database thread,
    through services/files.write_atomically as the CLI does: never onto the ledger's files
    (`protected`), a device or a FIFO; into `.name.part`, renamed over `path` once complete.
    The file dialog has already asked before replacing a file. Returns the rows written."""
    fmt = "json" if path.suffix.lower() == ".json" else "csv"

    def work() -> int:
        return write_atomically(
            path, lambda out: write(out, fmt), protected=protected, overwrite=True
        )

    return await runner.call(work)
