"""A live broadcast's moving parts for the UI: the simulated audience of a fundraiser or of a
paid event (tickets, the door, donations) runs, with the ingestion pipeline, in a worker
process (services/worker.py). What it commits reaches the views through the ledger's change
feed, like every change; this session steers the audience and says how saving goes."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from livegiving_desktop.core.audience import AudienceProfile
from livegiving_desktop.core.donations import DonationDraft
from livegiving_desktop.core.records import CampaignRecord
from livegiving_desktop.ui.common.error_text import translate_reason

if TYPE_CHECKING:
    from livegiving_desktop.services.worker import IngestWorker

log = logging.getLogger("livegiving.ui")


class LiveSession(QObject):
    """The audience of one live campaign, paced at `rate` a second. In the live views a rate
    of 0 means nobody is coming, and the creator can hold it (pause) without losing the rate.

    When batches cannot be written (a full disk), the worker keeps them and tries again;
    `ingestFailed` says so once, in plain words, and `ingestRecovered` once they are saved
    again. Should the worker give up (an unexpected error), `ingestFailed` says what was not
    saved. A worker that dies is started again: `workerRestarted` says so; when it keeps dying,
    `audienceFailed` says the audience is off. Signals are emitted from the worker's link thread
    (Qt queues them to the receivers' thread)."""

    ingestFailed = Signal(str)  # the first failed attempt of an outage: the reason
    ingestRecovered = Signal()  # the first batch saved after a failure
    audienceFailed = Signal(str)  # the audience stopped: the reason
    workerRestarted = Signal(str)  # the worker died and another took over: the reason
    rulesApplied = Signal()  # the worker applies new moderation rules to what comes next

    def __init__(
        self,
        url: str,
        campaign: CampaignRecord,
        *,
        rate: float,
        paused: bool = False,
        seed: int | None = None,
        profile: AudienceProfile | None = None,
        wake: Callable[[], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        """`url`: the database's, credentials included; `wake`: called (on the link thread)
        after each committed batch, to read the change feed at once rather than at its next
        poll."""
        super().__init__(parent)
        # Imported here: the first screen does without them (tests/unit/test_import_budget.py).
        from livegiving_desktop.services.worker import IngestWorker, hooks_from_environment
        from livegiving_desktop.services.worker_spec import WorkerSpec

        self.campaign = campaign
        self._rate = float(rate)
        self._held = paused
        self._wake = wake
        self._failing = False  # on the link thread only
        self.ready = False  # the worker has opened the database and its audience runs
        self.rules_applied = 0  # rule sets the worker applied (the first: as it started)
        self.failed_attempts = 0  # batches the worker could not write (each retry counts)
        spec = WorkerSpec(
            url=url,
            campaign_id=campaign.id,
            rate=self._rate,
            paused=paused,
            seed=seed,
            profile=profile,
            id_prefix=f"live-{campaign.id}-",
            hooks=hooks_from_environment(),
        )
        self.worker: IngestWorker = IngestWorker(spec, self._on_worker)

    # -- steering (the UI thread; never waits) ---------------------------------------------

    @property
    def rate(self) -> float:
        return self._rate

    def set_rate(self, rate: float) -> None:
        self._rate = max(0.0, float(rate))
        self.worker.set_rate(self._rate)

    def pause(self) -> None:
        self._held = True
        self.worker.pause()

    def resume(self) -> None:
        self._held = False
        self.worker.resume()

    @property
    def paused(self) -> bool:
        return self._held or self._rate <= 0

    def submit(self, draft: DonationDraft) -> None:
        """An offline donation joins the same pipeline as the audience's."""
        self.worker.submit([draft])

    def abandon(self) -> None:
        """The user quits during a saving outage: stop retrying what could not be saved."""
        self.worker.abandon()

    def stop(self, timeout: float | None = None) -> object:
        """Stop the audience and commit what is queued; the worker's summary, or None when
        it had died or never started (the user was told). Raises IngestError when the worker
        gave up a batch. Blocks: call it on the db thread."""
        from livegiving_desktop.services.worker import WorkerGoneError

        try:
            return self.worker.stop(timeout)
        except WorkerGoneError as exc:
            log.warning("the audience stopped without a summary: %s", exc)
            return None

    # -- what the worker says (its link thread) --------------------------------------------

    def _on_worker(self, kind: str, *args: object) -> None:
        if kind == "ready":
            self.ready = True
        elif kind == "saved":
            if self._wake is not None:
                self._wake()
            if self._failing:
                self._failing = False
                self.ingestRecovered.emit()
        elif kind == "failing":
            reason, gave_up = str(args[0]), bool(args[1])
            self.failed_attempts += 1
            self._say_failing(translate_reason(reason), gave_up)
        elif kind in ("audience_failed", "not_started"):
            self.audienceFailed.emit(translate_reason(str(args[0])))
        elif kind == "rules":
            self.rules_applied += 1
            self.rulesApplied.emit()
        elif kind == "died":
            reason, restarting = str(args[0]), bool(args[1])
            if restarting:
                self.workerRestarted.emit(translate_reason(reason))
            else:
                self.audienceFailed.emit(translate_reason(reason))

    def _say_failing(self, reason: str, gave_up: bool) -> None:
        if gave_up:  # an unexpected error: what was not shown was not saved
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
