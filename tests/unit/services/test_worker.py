"""Ingestion in its own process (services/worker.py): what the worker says it saved is in the
ledger, a worker that dies is started again and said in words, one that keeps dying is given
up, and a worker whose window died stops by itself, its queue committed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from helpers.ledger import fundraiser
from livegiving_desktop.core.donations import DonationDraft
from livegiving_desktop.core.records import CampaignRecord
from livegiving_desktop.services.ingest import IngestError, IngestSummary
from livegiving_desktop.services.ledger import LedgerService
from livegiving_desktop.services.worker import IngestWorker
from livegiving_desktop.services.worker_spec import WorkerSpec


class Messages:
    """What a worker said, in order, with a way to wait for one."""

    def __init__(self) -> None:
        self.items: list[tuple[object, ...]] = []
        self._cond = threading.Condition()

    def __call__(self, *message: object) -> None:
        with self._cond:
            self.items.append(message)
            self._cond.notify_all()

    def kinds(self) -> list[object]:
        with self._cond:
            return [m[0] for m in self.items]

    def wait_for(self, test: Callable[[], bool], timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        with self._cond:
            while not test():
                left = deadline - time.monotonic()
                assert left > 0, f"not seen in time; said: {self.items[-10:]}"
                self._cond.wait(left)

    def count(self, kind: str) -> int:
        return sum(1 for m in self.items if m[0] == kind)


@pytest.fixture
def live(tmp_path: Path) -> Iterator[tuple[str, LedgerService, CampaignRecord]]:
    path = str(tmp_path / "ledger.db")
    service = LedgerService.open(path)
    campaign = fundraiser(service)
    service.go_live(campaign.id)
    yield path, service, campaign
    service.close()


def _spec(url: str, campaign: CampaignRecord, **kw: object) -> WorkerSpec:
    options: dict[str, object] = {"rate": 300.0, "seed": 7, "id_prefix": "t-"}
    options.update(kw)
    return WorkerSpec(url=url, campaign_id=campaign.id, **options)  # type: ignore[arg-type]


def test_what_the_worker_says_it_saved_is_in_the_ledger(
    live: tuple[str, LedgerService, CampaignRecord],
) -> None:
    url, service, campaign = live
    said = Messages()
    worker = IngestWorker(_spec(url, campaign), said)
    said.wait_for(lambda: said.count("saved") >= 3)
    saved_so_far = max(int(m[1]) for m in said.items if m[0] == "saved")  # type: ignore[call-overload]
    assert service.store.completed_sum(campaign.id)[1] >= saved_so_far  # saved means committed
    summary = worker.stop()
    assert isinstance(summary, IngestSummary)
    assert said.kinds()[0] == "ready"
    assert "rules" in said.kinds()  # the rules it applies, read as it started
    record = service.campaign(campaign.id)
    assert record.donation_count == summary.accepted > 0
    assert not worker.alive


def test_the_rate_and_the_pause_steer_the_worker_and_an_offline_donation_goes_through_it(
    live: tuple[str, LedgerService, CampaignRecord],
) -> None:
    url, service, campaign = live
    said = Messages()
    worker = IngestWorker(_spec(url, campaign, rate=0.0), said)  # 0: nobody is coming
    said.wait_for(lambda: "ready" in said.kinds())
    worker.submit([DonationDraft("offline-1", "Zoé", 2500, "Bravo", False)])
    said.wait_for(lambda: said.count("saved") == 1)
    time.sleep(0.5)
    assert service.store.completed_sum(campaign.id) == (2500, 1)  # the audience held
    worker.set_rate(200)
    said.wait_for(lambda: said.count("saved") >= 3)
    worker.pause()
    time.sleep(0.5)  # what was on its way is written
    held = service.store.completed_sum(campaign.id)
    time.sleep(0.6)
    assert service.store.completed_sum(campaign.id) == held
    summary = worker.stop()
    assert isinstance(summary, IngestSummary)
    assert service.campaign(campaign.id).donation_count == summary.accepted


def test_a_worker_that_dies_is_started_again_and_said_in_words(
    live: tuple[str, LedgerService, CampaignRecord],
) -> None:
    url, service, campaign = live
    said = Messages()
    worker = IngestWorker(_spec(url, campaign), said)
    said.wait_for(lambda: said.count("saved") >= 2)
    first = worker.pid
    assert first is not None
    os.kill(first, signal.SIGKILL)
    said.wait_for(lambda: said.count("died") == 1)
    died = next(m for m in said.items if m[0] == "died")
    assert died == ("died", "the audience's process was stopped by signal 9", True)
    said.wait_for(lambda: said.count("ready") == 2)
    before = service.store.completed_sum(campaign.id)[1]
    said.wait_for(lambda: service.store.completed_sum(campaign.id)[1] > before)  # it goes on
    assert worker.pid != first and worker.starts == 2
    worker.stop()
    # Every donation committed is counted once, by either worker (their ids differ).
    record = service.campaign(campaign.id)
    assert (record.total_minor, record.donation_count) == service.store.completed_sum(campaign.id)


def test_an_offline_donation_handed_to_a_worker_that_dies_is_saved_by_the_next_once(
    live: tuple[str, LedgerService, CampaignRecord],
) -> None:
    """A cheque typed by the creator reaches a worker that dies before saving it: the worker
    started in its place saves it; and one already saved is not counted twice."""
    url, service, campaign = live
    said = Messages()
    worker = IngestWorker(_spec(url, campaign, rate=0.0), said)
    said.wait_for(lambda: "ready" in said.kinds())
    worker.submit([DonationDraft("offline-saved", "Ana", 1000, None, False)])
    said.wait_for(lambda: said.count("saved") == 1)
    first = worker.pid
    assert first is not None
    os.kill(first, signal.SIGSTOP)  # frozen: what it is handed now is never read
    worker.submit([DonationDraft("offline-lost", "Zoé", 2500, "Bravo", False)])
    time.sleep(0.2)
    os.kill(first, signal.SIGKILL)
    said.wait_for(lambda: said.count("ready") == 2)
    said.wait_for(lambda: service.store.completed_sum(campaign.id) == (3500, 2))
    worker.stop()
    record = service.campaign(campaign.id)
    assert (record.total_minor, record.donation_count) == (3500, 2)


def test_a_worker_that_keeps_dying_is_given_up_in_words(
    live: tuple[str, LedgerService, CampaignRecord],
) -> None:
    url, _service, campaign = live
    said = Messages()
    spec = _spec(url, campaign, hooks=("helpers.faults:exit_at_start=3",))
    worker = IngestWorker(spec, said)
    said.wait_for(lambda: not worker.alive or said.count("died") == 4, timeout=60)
    dying = [m for m in said.items if m[0] == "died"]
    assert [m[2] for m in dying] == [True, True, True, False]
    assert dying[-1][1] == "the audience's process ended with status 3"
    assert worker.starts == 4
    with pytest.raises(Exception, match="stopped before saying what it saved"):
        worker.stop(timeout=5)


def test_a_worker_that_cannot_open_the_database_says_why_in_words(tmp_path: Path) -> None:
    said = Messages()
    worker = IngestWorker(WorkerSpec(url=str(tmp_path), campaign_id=1, rate=10), said)
    said.wait_for(lambda: "not_started" in said.kinds())
    [(_, reason)] = [m for m in said.items if m[0] == "not_started"]
    assert isinstance(reason, str) and "Traceback" not in reason and "sqlite3" not in reason
    deadline = time.monotonic() + 10
    while worker.alive and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not worker.alive  # it is not started again: it would fail the same way
    with pytest.raises(Exception, match="stopped before saying what it saved"):
        worker.stop(timeout=5)


def test_a_writer_that_gives_up_is_an_ingest_error_and_nothing_is_written(
    live: tuple[str, LedgerService, CampaignRecord],
) -> None:
    url, service, campaign = live
    said = Messages()
    hook = "helpers.faults:writer_raises=unexpected failure inside the ledger writer"
    worker = IngestWorker(_spec(url, campaign, hooks=(hook,)), said)
    said.wait_for(lambda: "failing" in said.kinds())
    [failing, *_] = [m for m in said.items if m[0] == "failing"]
    assert failing == ("failing", "unexpected failure inside the ledger writer", True)
    with pytest.raises(IngestError, match="unexpected failure inside the ledger writer"):
        worker.stop()
    assert service.store.completed_sum(campaign.id) == (0, 0)


_ORPHAN = """
import sys, time
from livegiving_desktop.services.worker import IngestWorker
from livegiving_desktop.services.worker_spec import WorkerSpec
said = []
spec = WorkerSpec(url=sys.argv[1], campaign_id=int(sys.argv[2]), rate=300.0)
w = IngestWorker(spec, lambda *m: said.append(m[0]))
while "saved" not in said:
    time.sleep(0.05)
print(w.pid, flush=True)
time.sleep(600)
"""


def test_a_worker_whose_window_died_commits_its_queue_and_exits(
    live: tuple[str, LedgerService, CampaignRecord],
) -> None:
    url, service, campaign = live
    window = subprocess.Popen(
        [sys.executable, "-c", _ORPHAN, url, str(campaign.id)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert window.stdout is not None
        worker_pid = int(window.stdout.readline())
        window.kill()  # the window's process dies: nobody stops the worker
        window.wait(10)
        deadline = time.monotonic() + 15
        while _running(worker_pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _running(worker_pid), "the worker outlived its window"
    finally:
        window.kill()
    record = service.campaign(campaign.id)
    assert record.donation_count > 0
    assert (record.total_minor, record.donation_count) == service.store.completed_sum(campaign.id)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie (exited, not yet reaped by its dead parent's init) is not running.
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_a_worker_stopped_while_it_starts_is_ended_and_has_written_nothing(
    live: tuple[str, LedgerService, CampaignRecord],
) -> None:
    url, service, campaign = live
    said = Messages()
    worker = IngestWorker(_spec(url, campaign), said)
    assert worker.stop() is None  # leaving a campaign just opened: nothing to wait for
    assert not worker.alive
    assert "died" not in said.kinds()  # ended on purpose: nothing to tell the user
    assert service.store.completed_sum(campaign.id) == (0, 0)


def test_a_rate_of_nought_pauses_the_audience_and_never_steers_its_runner(
    live: tuple[str, LedgerService, CampaignRecord],
) -> None:
    """The window's 0 means nobody is coming; the runner's 0 means as fast as it can. Set
    before the pause, the runner's thread could read it first and hand on a whole chunk. A
    resume while the rate is 0 (the pause button) leaves it paused."""
    from livegiving_desktop.services.worker_main import _Link, _Live

    url, service, campaign = live

    class Nowhere:
        def send(self, message: object) -> None:
            pass

    inside = _Live(service, _spec(url, campaign, rate=200.0), _Link(Nowhere()))  # type: ignore[arg-type]
    try:
        inside.set_rate(0, paused=False)
        assert inside.runner.paused
        assert inside.runner.rate == 200.0  # never 0: the runner's "as fast as it can"
        inside.set_rate(0, paused=False)  # resumed while the rate is 0
        assert inside.runner.paused
        held, since = service.store.completed_sum(campaign.id), time.monotonic()
        deadline = since + 15
        while time.monotonic() - since < 0.6:  # what was on its way is written, then nothing
            assert time.monotonic() < deadline, "donations kept coming at a rate of 0"
            time.sleep(0.05)
            now = service.store.completed_sum(campaign.id)
            if now != held:
                held, since = now, time.monotonic()
        inside.set_rate(50, paused=False)
        assert not inside.runner.paused and inside.runner.rate == 50.0
    finally:
        inside.stop()


@pytest.mark.skipif(not hasattr(os, "getpriority"), reason="POSIX priorities")
@pytest.mark.parametrize(
    "case",  # the setting, the step the worker takes, whether the log says the setting is bad
    [(None, 5, False), ("0", 0, False), ("9", 9, False), ("soon", 5, True), ("40", 5, True)],
)
def test_the_worker_runs_a_step_below_the_window(
    live: tuple[str, LedgerService, CampaignRecord],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    case: tuple[str | None, int, bool],
) -> None:
    """On a busy machine the UI thread gets a core before the audience and the writer do
    (benchmarks/ui_burst.py measures it); LIVEGIVING_WORKER_NICE sets another step, and a
    setting it cannot use is said in the log and the step kept."""
    from livegiving_desktop.services.worker_main import NICE_ENV

    url, _, campaign = live
    setting, step, told = case
    if setting is None:
        monkeypatch.delenv(NICE_ENV, raising=False)
    else:
        monkeypatch.setenv(NICE_ENV, setting)
    said = Messages()
    worker = IngestWorker(_spec(url, campaign, rate=0.0), said)
    try:
        said.wait_for(lambda: "ready" in said.kinds())
        assert worker.pid is not None
        mine = os.getpriority(os.PRIO_PROCESS, 0)
        assert os.getpriority(os.PRIO_PROCESS, worker.pid) == min(19, mine + step)
    finally:
        worker.stop()
    logged = [r.getMessage() for r in caplog.records if r.name == "livegiving.worker"]
    assert any(NICE_ENV in text for text in logged) == told, logged
