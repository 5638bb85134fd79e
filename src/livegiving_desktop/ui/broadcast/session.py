"""A live broadcast's moving parts for the UI: the simulated audience of a fundraiser (into the
ingestion pipeline) or of a paid event (tickets, the door, donations), whose committed batches
arrive on the UI thread as Qt signals."""

from __future__ import annotations

import secrets
from typing import Any

from PySide6.QtCore import QObject, Signal

from livegiving_desktop.core.audience import AudienceProfile, SimulatedAudience
from livegiving_desktop.core.donations import DonationDraft
from livegiving_desktop.core.moderation import ModerationRules
from livegiving_desktop.core.records import CampaignRecord
from livegiving_desktop.services.events import EventAudienceRunner, EventService
from livegiving_desktop.services.ingest import BatchOutcome, IngestSummary
from livegiving_desktop.services.ledger import LedgerService
from livegiving_desktop.services.simulation import AudienceRunner, PacedRunner
from livegiving_desktop.ui.common.error_text import user_message


class AudienceSession(QObject):
    """A simulated audience on its own thread, paced at `rate` a second. In the live views a
    rate of 0 means nobody is coming (the runner's own 0 would mean as fast as possible), and
    the creator can hold it (pause) without losing the rate."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._held = False  # paused by the creator

    @property
    def runner(self) -> PacedRunner[Any]:
        raise NotImplementedError

    def set_rate(self, rate: float) -> None:
        self.runner.set_rate(rate)
        self._apply_pause()

    def pause(self) -> None:
        self._held = True
        self._apply_pause()

    def resume(self) -> None:
        self._held = False
        self._apply_pause()

    def _apply_pause(self) -> None:
        if self._held or self.runner.rate <= 0:
            self.runner.pause()
        else:
            self.runner.resume()

    @property
    def paused(self) -> bool:
        return self.runner.paused

    def stop(self) -> object:
        """Stop the audience and commit what it sent. Blocks: call it on the db thread."""
        raise NotImplementedError


class LiveSession(AudienceSession):
    """Runs the audience into the pipeline. What it commits reaches the views through the
    ledger's change feed, like every change; this session only says how saving goes.

    When batches cannot be written (a full disk), the pipeline keeps them and tries again;
    `ingestFailed` says so once, in plain words, and `ingestRecovered` once they are saved again.
    Should the pipeline give up (an unexpected error), `ingestFailed` says what was not saved.
    """

    ingestFailed = Signal(str)  # the first failed attempt of an outage: the reason
    ingestRecovered = Signal()  # the first batch saved after a failure

    def __init__(
        self,
        service: LedgerService,
        campaign: CampaignRecord,
        *,
        rate: float,
        seed: int | None = None,
        profile: AudienceProfile | None = None,
        moderation: ModerationRules | None = None,
        rules_seq: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.campaign = campaign
        # The pipeline follows its rules and blocked donors through the change feed on its own
        # thread, from the seq `moderation` is as of: a word blocked on any seat holds the
        # next such message here, busy UI thread or not.
        self.pipeline = service.ingestion_pipeline(
            campaign,
            moderation=moderation,
            follow_rules=True,
            rules_seq=rules_seq,
            on_commit=self._on_pipeline_commit,
            on_error=self._emit_error,
        )
        audience = SimulatedAudience(
            seed if seed is not None else secrets.randbits(32),
            campaign.currency,
            minimum_minor=campaign.minimum_minor,
            maximum_minor=campaign.maximum_minor,
            id_prefix=f"live-{campaign.id}-{secrets.token_hex(4)}-",
            profile=profile,
        )
        self._failing = False  # read and written on the writer thread only
        self._runner = AudienceRunner(audience, self.pipeline, rate=rate)
        self.set_rate(rate)
        self._runner.start()

    @property
    def runner(self) -> AudienceRunner:
        return self._runner

    def _on_pipeline_commit(self, _outcome: BatchOutcome) -> None:
        if self._failing:
            self._failing = False
            self.ingestRecovered.emit()

    def _emit_error(self, exc: Exception) -> None:
        reason = user_message(exc)
        if self.pipeline.failure is not None:  # given up (an unexpected error): say so
            self._failing = True
            self.ingestFailed.emit(
                self.tr("%1. The donations not shown in the feed were not saved.").replace(
                    "%1", reason
                )
            )
            return
        # Every retry fails the same way during an outage: tell the user once, not each time.
        if not self._failing:
            self._failing = True
            self.ingestFailed.emit(
                self.tr("%1. They are kept and saved as soon as it works again.").replace(
                    "%1", reason
                )
            )

    def submit(self, draft: DonationDraft) -> None:
        """An offline donation joins the same pipeline as the audience's."""
        self.pipeline.submit_many([draft])

    def stop(self) -> IngestSummary:
        """Stop the audience and commit what is queued. Blocks: call it on the db thread."""
        self.runner.stop()
        self.runner.join()
        return self.pipeline.close()


class EventSession(AudienceSession):
    """The simulated audience of a live paid event: it buys, joins at the door and (when the
    event raises money) donates; what it commits reaches the views through the change feed."""

    failed = Signal(str)

    def __init__(
        self,
        events: EventService,
        campaign: CampaignRecord,
        rate: float,
        moderation: ModerationRules | None,
        parent: QObject,
        *,
        rules_seq: int | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = EventAudienceRunner(
            events,
            campaign,
            events.audience(campaign),
            moderation=moderation,
            follow_rules=True,
            rules_seq=rules_seq,
            rate=rate,
            on_error=lambda exc: self.failed.emit(user_message(exc)),
        )
        self.set_rate(rate)
        self._runner.start()

    @property
    def runner(self) -> EventAudienceRunner:
        return self._runner

    def stop(self) -> None:
        """Stop the audience and commit what it sent. Blocks: call it on the db thread."""
        self.runner.close()
