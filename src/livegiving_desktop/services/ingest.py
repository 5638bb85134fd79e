"""The ingestion pipeline: validate, apply the rules, write in batches on one worker thread.

Every source of donations (the simulated audience, the CLI, the live view's offline donations)
goes through `IngestionPipeline.submit_many`. Validation and the message rules run in the
submitting thread; a worker thread writes batches of at most `max_batch` donations or
`max_delay` seconds, one transaction per batch, and only then reports the batch (`on_commit`):
what is reported is durable. A batch that cannot be written (a full disk, a lock held too long)
stays with the writer and is tried again with backoff, each failed attempt reported
(`on_error`), until it is written or `max_attempts` runs out (then `failure` is set before the
last report, and the submitter gets `IngestError`).
"""

from __future__ import annotations

import contextlib
import logging
import queue
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy.exc import SQLAlchemyError

from livegiving_desktop.core.donations import DonationDraft, ValidRow, validate_many
from livegiving_desktop.core.errors import StateError, ValidationError
from livegiving_desktop.core.moderation import (
    FlagTracker,
    MessageRules,
    ModerationRules,
    default_message_rules,
)
from livegiving_desktop.core.records import CampaignRecord, CampaignStats, StoredDonation
from livegiving_desktop.db.ledger import LedgerStore
from livegiving_desktop.services.failures import describe_failure

log = logging.getLogger("livegiving.ingest")

MAX_BATCH = 1000
MAX_DELAY_S = 0.1
DONOR_STATS_EVERY_S = 2.0
# Waits between attempts at a batch that could not be written: 0.1 s, doubling, at most 2 s.
RETRY_FIRST_S = 0.1
RETRY_MAX_S = 2.0


@dataclass(frozen=True, slots=True)
class BatchOutcome:
    """One committed batch: what it added, what it dropped, and the totals after it."""

    campaign_id: int
    accepted: list[StoredDonation]  # empty when the pipeline was made with want_rows=False
    accepted_count: int
    duplicates: list[str]
    stats: CampaignStats
    committed: int  # donations accepted by this pipeline so far, this batch included


@dataclass(slots=True)
class IngestSummary:
    accepted: int = 0
    duplicates_dropped: int = 0
    rejected: int = 0
    held: int = 0
    batches: int = 0
    stats: CampaignStats | None = None
    rejections: dict[str, int] = field(default_factory=dict)


class IngestError(Exception):
    """The pipeline could not write and gave up; nothing of the failed batch was acknowledged.
    The message says why in a user's words (`describe_failure`); the cause holds the details."""


class _Flush:
    __slots__ = ("done",)

    def __init__(self) -> None:
        self.done = threading.Event()


_STOP = object()


class IngestionPipeline:
    """Turns a stream of donation drafts into committed ledger batches."""

    def __init__(
        self,
        store: LedgerStore,
        campaign: CampaignRecord,
        *,
        on_commit: Callable[[BatchOutcome], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
        message_rules: MessageRules | None = None,
        moderation: ModerationRules | None = None,
        known_donors: Callable[[], Iterable[str]] | None = None,
        max_batch: int = MAX_BATCH,
        max_delay: float = MAX_DELAY_S,
        max_attempts: int | None = None,
        queue_chunks: int = 64,
        donor_stats: bool = True,
        want_rows: bool = True,
    ) -> None:
        self.store = store
        self.campaign = campaign
        self.rules = campaign.donation_rules
        self.message_rules = message_rules or default_message_rules()
        # The campaign's moderation rules (matcher, flags, blocked donors): an immutable object
        # swapped whole by set_moderation, so the producer reads one consistent set of rules.
        self._moderation = moderation
        self._flags = FlagTracker(known_donors)
        self.on_commit = on_commit
        self.on_error = on_error
        self.max_batch = max_batch
        self.max_delay = max_delay
        self.max_attempts = max_attempts
        self.donor_stats = donor_stats
        self.want_rows = want_rows  # False: outcomes carry counts only (a headless rehearsal)
        self._queue: queue.Queue[object] = queue.Queue(maxsize=queue_chunks)
        self._lock = threading.Lock()
        self._summary = IngestSummary()
        self._failure: Exception | None = None
        self._abandon = threading.Event()  # stop retrying: the user quits during an outage
        self._written_since_stats = False
        self._on_close: list[Callable[[], object]] = []
        self._thread = threading.Thread(target=self._run, name="ledger-writer", daemon=True)
        self._thread.start()

    # -- producer side ---------------------------------------------------------------------

    def submit_many(self, drafts: Iterable[DonationDraft]) -> list[ValidationError]:
        """Validate and queue donations; returns the refusals (they are counted as rejected).
        Blocks when the writer is far behind (back-pressure), never drops anything."""
        self._raise_if_failed()
        moderation = self._moderation
        classifier = moderation if moderation is not None else self.message_rules
        valid, refusals = validate_many(drafts, self.rules, classifier)
        if moderation is not None and valid:
            valid = moderation.review(valid, self._flags, time.monotonic())
        if refusals:
            with self._lock:
                self._summary.rejected += len(refusals)
                for refusal in refusals:
                    self._summary.rejections[refusal.field] = (
                        self._summary.rejections.get(refusal.field, 0) + 1
                    )
        if valid:
            self._queue.put(valid)
        return refusals

    @property
    def moderation(self) -> ModerationRules | None:
        return self._moderation

    def set_moderation(self, rules: ModerationRules) -> None:
        """Apply new rules to what is submitted from now on (a rule edited, a donor blocked)."""
        self._moderation = rules

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until everything submitted so far is committed (True) or timeout (False)."""
        marker = _Flush()
        self._queue.put(marker)
        done = marker.done.wait(timeout)
        self._raise_if_failed()
        return done

    def close(self, timeout: float | None = None) -> IngestSummary:
        """Commit what is queued, stop the writer and return the summary."""
        self._stop_writer(timeout)
        self._raise_if_failed()
        return self.summary()

    def close_within(self, timeout: float) -> bool:
        """Quitting: commit what is queued and stop, waiting at most `timeout` seconds.
        True when everything submitted was committed; False when the writer is still at it
        (an outage: ask the user, then abandon() gives up what was never shown) or failed.
        Never raises."""
        done = self._stop_writer(timeout)
        return done and self._failure is None

    def add_on_close(self, closer: Callable[[], object]) -> None:
        """Run `closer` when the pipeline closes (a rules follower it owns)."""
        self._on_close.append(closer)

    def _stop_writer(self, timeout: float | None) -> bool:
        if self._thread.is_alive():
            with contextlib.suppress(queue.Full):
                self._queue.put(_STOP, timeout=timeout)
            self._thread.join(timeout)
        stopped = not self._thread.is_alive()
        closers, self._on_close = self._on_close, []
        for closer in closers:
            try:
                closer()
            except Exception:
                log.exception("pipeline closer failed")
        return stopped

    def summary(self) -> IngestSummary:
        with self._lock:
            s = self._summary
            return IngestSummary(
                s.accepted, s.duplicates_dropped, s.rejected, s.held, s.batches, s.stats,
                dict(s.rejections),
            )  # fmt: skip

    def abandon(self) -> None:
        """Stop retrying a batch that cannot be written (the user quits during an outage):
        what was not committed is given up and reported as a failure; nothing committed is
        touched. Thread-safe."""
        self._abandon.set()

    @property
    def failure(self) -> Exception | None:
        return self._failure

    def _raise_if_failed(self) -> None:
        if self._failure is not None:
            raise IngestError(describe_failure(self._failure)) from self._failure

    # -- writer side -----------------------------------------------------------------------

    def _run(self) -> None:
        pending: list[ValidRow] = []
        deadline = 0.0
        last_stats = time.monotonic()
        while True:
            timeout = max(0.0, deadline - time.monotonic()) if pending else 0.5
            try:
                item = self._queue.get(timeout=timeout)
            except queue.Empty:
                item = None
            if item is _STOP or isinstance(item, _Flush):
                while pending and self._failure is None:
                    pending = self._write_some(pending, len(pending))
                if isinstance(item, _Flush):
                    item.done.set()
                    continue
                return
            if isinstance(item, list):
                if not pending:
                    deadline = time.monotonic() + self.max_delay
                pending.extend(item)
            while len(pending) >= self.max_batch and self._failure is None:
                pending = self._write_some(pending, self.max_batch)
                deadline = time.monotonic() + self.max_delay
            if pending and time.monotonic() >= deadline and self._failure is None:
                pending = self._write_some(pending, len(pending))
            if self._failure is not None:
                pending = []  # Never acknowledged: the submitter is told through the failure.
            idle = not pending and self._queue.empty()
            due = idle or time.monotonic() - last_stats > DONOR_STATS_EVERY_S
            if self.donor_stats and self._written_since_stats and due:
                self._catch_up_donor_stats()
                last_stats = time.monotonic()

    def _write_some(self, pending: list[ValidRow], count: int) -> list[ValidRow]:
        batch, rest = pending[:count], pending[count:]
        attempt = 0
        while True:
            attempt += 1
            try:
                written = self.store.insert_batch(self.campaign.id, batch, want_rows=self.want_rows)
                break
            except StateError as exc:
                self._reject_all(batch, exc)
                return rest
            except (SQLAlchemyError, OSError) as exc:
                log.warning("batch of %d not written (attempt %d): %s", len(batch), attempt, exc)
                out_of_attempts = self.max_attempts is not None and attempt >= self.max_attempts
                if out_of_attempts or self._abandon.is_set():
                    self._failure = exc  # set first: on_error can tell giving up from a retry
                self._report_error(exc)
                if self._failure is not None:
                    return rest
                if self._abandon.wait(min(RETRY_MAX_S, RETRY_FIRST_S * 2 ** (attempt - 1))):
                    self._failure = exc
                    return rest
            except Exception as exc:  # Unknown: not retried, never taken for a success.
                log.exception("batch of %d not written", len(batch))
                self._failure = exc
                self._report_error(exc)
                return rest
        with self._lock:
            s = self._summary
            s.accepted += written.accepted_count
            s.duplicates_dropped += len(written.duplicates)
            s.held += written.held_count
            s.batches += 1
            s.stats = written.stats
            committed = s.accepted
        self._written_since_stats = True
        if self.on_commit is not None:
            outcome = BatchOutcome(
                self.campaign.id,
                written.accepted,
                written.accepted_count,
                written.duplicates,
                written.stats,
                committed,
            )
            try:
                self.on_commit(outcome)
            except Exception:  # The batch is committed: a failing listener never stops the ledger.
                log.exception("commit listener failed; ingestion goes on")
        return rest

    def _report_error(self, exc: Exception) -> None:
        if self.on_error is None:
            return
        try:
            self.on_error(exc)
        except Exception:  # Like a commit listener, an error listener never stops the writer.
            log.exception("error listener failed")

    def _reject_all(self, batch: list[ValidRow], exc: StateError) -> None:
        log.warning("batch of %d refused: %s", len(batch), exc)
        with self._lock:
            self._summary.rejected += len(batch)
            self._summary.rejections["campaign"] = self._summary.rejections.get(
                "campaign", 0
            ) + len(batch)

    def _catch_up_donor_stats(self) -> None:
        self._written_since_stats = False
        try:
            self.store.catch_up_donor_stats(self.campaign.id)
        except SQLAlchemyError as exc:  # Statistics only: the ledger itself is untouched.
            log.warning("donor statistics not caught up: %s", exc)
