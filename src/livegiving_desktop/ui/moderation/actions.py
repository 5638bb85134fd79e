"""What the console's buttons and keys do to the selected donations: approve, hide, on-air
privacy, block, refund, and saving the rules. Each is one operation (ui/operations.py); the
result is said in `notice`, a failure in `failed` (words, never raw exception text). What an
action changed reaches every window, this one too, through the ledger's change feed."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from livegiving_desktop.core.decisions import ConflictError, DecisionSummary
from livegiving_desktop.core.errors import ValidationError
from livegiving_desktop.core.moderation import MessageStatus
from livegiving_desktop.core.records import Actor, CampaignRecord, StoredDonation
from livegiving_desktop.db.moderation import BlockedDonorRecord
from livegiving_desktop.services.moderation import LedgerChange
from livegiving_desktop.ui.common import format as fmt
from livegiving_desktop.ui.common.error_text import user_message
from livegiving_desktop.ui.common.runner import spawn
from livegiving_desktop.ui.moderation.dialogs import RefundDialog
from livegiving_desktop.ui.moderation.rules_form import RulesForm
from livegiving_desktop.ui.operations import Operations


class ModerationActions(QObject):
    """The console's actions on `selection()` of `campaign()`, as `actor()`."""

    notice = Signal(str)
    failed = Signal(str)
    conflict = Signal(str)  # a decision lost a race: who decided what, nothing was changed
    busyChanged = Signal()

    def __init__(
        self,
        ops: Operations,
        *,
        campaign: Callable[[], CampaignRecord | None],
        selection: Callable[[], list[StoredDonation]],
        actor: Callable[[], Actor | None],
        locale: str,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self._campaign, self._selection, self._actor = campaign, selection, actor
        self.locale = locale
        self.busy = 0
        self.refund_dialog: RefundDialog | None = None
        self._versions: dict[int, int] = {}  # donation id -> version after our own decisions

    def _run(self, work: Coroutine[Any, Any, None]) -> None:
        async def guarded() -> None:
            self.busy += 1
            self.busyChanged.emit()
            try:
                await work
            finally:
                self.busy -= 1
                self.busyChanged.emit()

        spawn(guarded(), self._on_failed)

    def _on_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ConflictError):
            self.conflict.emit(user_message(exc))  # another seat decided first: not an error
        else:
            self.failed.emit(user_message(exc))

    def _as_seen(self, donations: list[StoredDonation]) -> list[StoredDonation]:
        """The rows as this seat last knew them: the table may not have caught up yet with
        this seat's own previous decision (its versions are remembered from the result)."""
        return [d._replace(version=max(d.version, self._versions.get(d.id, 0))) for d in donations]

    def _remember(self, summary: DecisionSummary | None) -> None:
        if summary is not None:
            for donation_id, version in summary.versions.items():
                self._versions[donation_id] = max(version, self._versions.get(donation_id, 0))

    def _target(self) -> tuple[CampaignRecord, Actor] | None:
        campaign = self._campaign()
        actor = self._actor() if campaign is not None else None
        return None if campaign is None or actor is None else (campaign, actor)

    # -- messages and on-air privacy -------------------------------------------------------

    def decide(self, status: MessageStatus) -> None:
        chosen = [d for d in self._selection() if d.message and d.message_status != status]
        target = self._target() if chosen else None
        if target is None:
            return
        (campaign, actor), seen = target, self._as_seen(chosen)
        done = (
            self.tr("%n message(s) approved: on air now.", "", len(seen))
            if status is MessageStatus.VISIBLE
            else self.tr("%n message(s) hidden: kept off the air.", "", len(seen))
        )

        async def work() -> None:
            change = await self.ops.decide(campaign.id, seen, status, actor)
            self._remember(change.summary)
            self.notice.emit(done)

        self._run(work())

    def toggle_privacy(self, *, name: bool) -> None:
        """Name as Anonymous (name=True) or hide the amount, on air; again to undo."""
        chosen = self._selection()
        target = self._target() if chosen else None
        if target is None:
            return
        (campaign, actor), seen = target, self._as_seen(chosen)
        flag = "hide_name_on_air" if name else "hide_amount_on_air"
        hide = not all(getattr(d, flag) for d in chosen)
        done = self.tr("On-air privacy changed for %n donation(s).", "", len(seen))

        async def work() -> None:
            change = await self.ops.set_privacy(
                campaign.id, seen, actor, **({"hide_name": hide} if name else {"hide_amount": hide})
            )
            self._remember(change.summary)
            self.notice.emit(done)

        self._run(work())

    # -- donors ----------------------------------------------------------------------------

    def block(self) -> None:
        chosen = self._selection()
        target = self._target() if chosen else None
        if target is None:
            return
        campaign, actor = target
        one_each = list({d.donor_key: d for d in self._as_seen(chosen)}.values())

        async def work() -> None:
            outcome = await self.ops.block(campaign.id, one_each, actor)
            self._remember(outcome.summary)
            names = [d.donor_name for d in outcome.newly_blocked]
            self.notice.emit(
                self.tr("Blocked: %1. Their later messages are held.").replace(
                    "%1", ", ".join(names))
                if names
                else self.tr("Already blocked.")
            )  # fmt: skip

        self._run(work())

    def unblock(self, record: BlockedDonorRecord | None) -> None:
        target = self._target() if record is not None else None
        if target is None or record is None:
            return
        campaign, actor = target

        async def work() -> None:
            await self.ops.unblock(campaign.id, record.donor_key, actor)
            self.notice.emit(self.tr("%1 is no longer blocked.").replace("%1", record.donor_name))

        self._run(work())

    # -- refunds ---------------------------------------------------------------------------

    def ask_refund(self, parent: QWidget) -> None:
        chosen = [d for d in self._selection() if d.status == "completed"]
        campaign = self._campaign()
        if not chosen or campaign is None or self._actor() is None:
            return
        money = fmt.money(sum(d.amount_minor for d in chosen), campaign.currency, self.locale)
        summary = (
            self.tr("Refund %1 to %2?").replace("%1", money).replace("%2", chosen[0].donor_name)
            if len(chosen) == 1
            else self.tr("Refund %n donations (%1)?", "", len(chosen)).replace("%1", money)
        )
        dialog = RefundDialog(summary, parent)
        dialog.accepted.connect(lambda: self._refund(chosen, dialog.reason.text()))
        self.refund_dialog = dialog
        dialog.open()

    def _refund(self, chosen: list[StoredDonation], reason: str) -> None:
        target = self._target()
        if target is None:
            return
        campaign, actor = target

        async def work() -> None:
            change = await self.ops.refund(campaign.id, self._as_seen(chosen), reason, actor)
            self._remember(change.summary)
            if change.refunds:
                self.notice.emit(self._refund_summary(campaign, change))

        self._run(work())

    def _refund_summary(self, campaign: CampaignRecord, change: LedgerChange) -> str:
        money = lambda minor: fmt.money(minor, campaign.currency, self.locale)  # noqa: E731
        refunded = sum(r.donation.amount_minor for r in change.refunds)
        lines = [
            self.tr("Refunded %1. Total now %2.")
            .replace("%1", money(refunded))
            .replace("%2", money(change.stats.total_minor))
        ]
        thanked = list(
            dict.fromkeys(r.donation.donor_name for r in change.refunds if r.was_thanked)
        )
        if thanked:
            lines.append(self.tr("Already thanked on air: %1.").replace("%1", ", ".join(thanked)))
        gone = list(
            dict.fromkeys(
                r.donation.donor_name for r in change.refunds if not r.donor_has_completed
            )
        )
        if gone:
            lines.append(
                self.tr(
                    "No donation left for %1: their sticker and Story frame are withdrawn."
                ).replace("%1", ", ".join(gone))
            )
        return " ".join(lines)

    # -- rules -----------------------------------------------------------------------------

    def save_rules(self, form: RulesForm) -> None:
        campaign = self._campaign()
        if campaign is None:
            return
        try:
            settings = form.settings(campaign.currency)
        except ValidationError as exc:
            form.error.setText(user_message(exc))
            return
        target = self._target()
        if target is None:
            return
        form.error.setText("")
        actor = target[1]

        async def work() -> None:
            await self.ops.save_rules(campaign.id, settings, actor)
            self.notice.emit(self.tr("Rules saved: they apply to the next donations."))

        self._run(work())
