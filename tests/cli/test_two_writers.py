"""Two processes writing one ledger at once: the app on air and a rehearsal from the command
line. Both finish, nothing is lost or counted twice, and no "database is locked" reaches the
user (the live view hears of every failed write through the pipeline's on_error)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from helpers.cli import cli_argv, cli_env
from helpers.ledger import fundraiser
from livegiving_desktop.core.audience import SimulatedAudience
from livegiving_desktop.services.ingest import BatchOutcome, IngestionPipeline
from livegiving_desktop.services.ledger import LedgerService
from livegiving_desktop.services.simulation import AudienceRunner

pytestmark = pytest.mark.db

# Steady rates, so that both writers overlap for about a second whatever the machine.
ON_AIR, ON_AIR_RATE = 5_000, 5_000
REHEARSAL, REHEARSAL_RATE = 10_000, 10_000
WAIT_S = 120


def test_the_app_on_air_and_a_rehearsal_write_at_once(
    service: LedgerService, db_url: str, user_data_dir: Path
) -> None:
    campaign = fundraiser(service, goal="100000")
    service.go_live(campaign.id)
    rehearsal = subprocess.Popen(
        cli_argv(
            "simulate", "--campaign", str(campaign.id), "--count", str(REHEARSAL),
            "--rate", str(REHEARSAL_RATE), "--seed", "11", "--progress", "jsonl", db=db_url,
        ),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=cli_env(user_data_dir), text=True,
    )  # fmt: skip
    # The live view's pipeline, as ui/session.py makes it: it never gives up, reports every
    # failed attempt, catches the donor statistics up, keeps the rows for the feed.
    failures: list[Exception] = []
    acknowledged: list[BatchOutcome] = []
    pipeline = IngestionPipeline(
        service.store, campaign, on_commit=acknowledged.append, on_error=failures.append
    )
    audience = SimulatedAudience(12, campaign.currency, id_prefix="live-12-",
                                 minimum_minor=campaign.minimum_minor)  # fmt: skip
    on_air = AudienceRunner(audience, pipeline, rate=ON_AIR_RATE, count=ON_AIR)
    assert rehearsal.stdout is not None
    first = rehearsal.stdout.readline()  # the rehearsal is writing: go on air now
    on_air.start()
    on_air.join(WAIT_S)
    summary = pipeline.close(WAIT_S)
    rest, stderr = rehearsal.communicate(timeout=WAIT_S)
    stdout = first + rest
    overlapping = [line for line in rest.splitlines()[:-1] if json.loads(line)["committed"]]
    assert overlapping, "the rehearsal had finished before the app went on air"

    assert on_air.error is None
    assert failures == [], "a failed write reached the live view"
    assert summary.accepted + summary.rejected == ON_AIR
    assert rehearsal.returncode == 0, stderr
    assert "locked" not in stderr and "Traceback" not in stderr, stderr
    report = json.loads(stdout.splitlines()[-1])
    assert report["accepted"] + report["rejected"] == REHEARSAL
    # Both writers' donations are there, each once, and the running total is their sum.
    total, count = service.store.completed_sum(campaign.id)
    assert count == summary.accepted + report["accepted"]
    record = service.campaign(campaign.id)
    assert (record.total_minor, record.donation_count) == (total, count)
    assert service.stats(campaign.id).total_minor == total
    # Each acknowledged total was the ledger's at that moment: it only grows, to the end.
    totals = [o.stats.total_minor for o in acknowledged]
    assert totals == sorted(totals) and totals[-1] <= total
