"""SIGKILL at random moments, again and again: nothing acknowledged is lost, nothing is counted
twice, and the file stays sound (docs/architecture.md, "Durability promise").

Each round is one database file and one rate (as fast as possible, or 20,000 a second). It
starts with `campaigns create` killed at a random moment of its start-up (while the file is
created and migrated), then runs `simulate --progress jsonl` again and again, each time killed
with SIGKILL at a random moment: mostly with a new audience seed, now and then with the seed of
an earlier run, whose donations (same external ids) must then be dropped as replays. After
every kill the file must pass `PRAGMA integrity_check`, the app must reopen it, the donations of
each seed must be exactly the first N donations of that seeded audience (no gap, no duplicate,
nothing altered) with N at least what the progress lines acknowledged, the acknowledged total
must be exactly theirs, and the campaign total must equal the sum of its completed donations.
Each round ends with an unkilled replay to its end and `campaigns list` on the file.

`make test` runs 10 kills; `pytest --run-slow` 120; `--crash-kills N` any number. The moments
come from `--crash-seed` (default: a new seed each run; every failure message shows it, and
`-rP` prints each round's kills).
"""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from helpers.cli import cli_argv, cli_env, run_cli
from livegiving_desktop.core.audience import AudienceProfile, SimulatedAudience
from livegiving_desktop.core.donations import validate_donation
from livegiving_desktop.core.errors import ValidationError
from livegiving_desktop.core.moderation import default_message_rules
from livegiving_desktop.core.records import CampaignRecord
from livegiving_desktop.services.ledger import LedgerService

KILLS_DEFAULT = 10
KILLS_SLOW = 120
KILLS_PER_ROUND = 5
RATES = (0.0, 20_000.0)  # as fast as possible, and a high steady rate (batches of 1,000)
AUDIENCE_SEED = 77
WAIT_S = 60.0

Donation = tuple[str, str, int, str | None, bool]  # external id, name, amount, message, anonymous
ROWS = "SELECT external_id, donor_name, amount_minor, message, anonymous FROM donations "


class ExpectedDonations:
    """The donations the seeded audience delivers, in order, as the ledger must store them."""

    def __init__(self, campaign: CampaignRecord, rate: float, seed: int) -> None:
        self.rate = rate
        self.rules = campaign.donation_rules
        self.message_rules = default_message_rules()
        self.audience = SimulatedAudience(
            seed,
            campaign.currency,
            minimum_minor=campaign.minimum_minor,
            maximum_minor=campaign.maximum_minor,
            profile=AudienceProfile(duplicates=0.0),
        )
        self.items: list[Donation] = []

    def first(self, count: int) -> list[Donation]:
        while len(self.items) < count:
            draft = self.audience.next_delivery()
            if self.rate > 0:  # the runner draws each gap right after each delivery
                self.audience.next_gap(self.rate)
            try:
                d = validate_donation(draft, self.rules, self.message_rules)
            except ValidationError:
                continue  # refused by the pipeline too: never stored
            self.items.append((d.external_id, d.donor_name, d.amount_minor, d.message, d.anonymous))
        return self.items[:count]


@dataclass
class Killed:
    """One run of the command line, killed with SIGKILL at a chosen moment."""

    lines: list[dict[str, int]] = field(default_factory=list)
    killed_running: bool = False  # False: it had already exited (then stderr says why)
    stderr: str = ""


def run_and_kill(argv: list[str], env: dict[str, str], *, after_lines: int, delay: float) -> Killed:
    """Start argv; SIGKILL it `delay` seconds after its `after_lines`-th stdout line."""
    outcome = Killed()
    arrived = threading.Condition()
    proc = subprocess.Popen(
        argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True, encoding="utf-8"
    )
    assert proc.stdout is not None and proc.stderr is not None

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            with arrived:
                # A line is only written after its batch committed; a line cut by the kill
                # (no newline yet) acknowledges nothing.
                if line.endswith("\n"):
                    outcome.lines.append(json.loads(line))
                arrived.notify_all()
        with arrived:
            arrived.notify_all()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        with arrived:
            arrived.wait_for(
                lambda: len(outcome.lines) >= after_lines or proc.poll() is not None, WAIT_S
            )
        time.sleep(delay)
        outcome.killed_running = proc.poll() is None
        proc.send_signal(signal.SIGKILL)  # no clean-up, no checkpoint, no atexit
    finally:
        proc.kill()
        proc.wait(timeout=WAIT_S)
        reader.join(timeout=WAIT_S)
        outcome.stderr = proc.stderr.read()
        proc.stderr.close()
        proc.stdout.close()
    return outcome


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return "; ".join(row[0] for row in conn.execute("PRAGMA integrity_check"))
    finally:
        conn.close()


def stored_donations(path: Path, campaign_id: int) -> list[Donation]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(ROWS + "WHERE campaign_id = ? ORDER BY id", (campaign_id,))
        return [(e, n, a, m, bool(anon)) for e, n, a, m, anon in rows]
    finally:
        conn.close()


def reopen(path: Path, campaign_id: int | None) -> tuple[CampaignRecord | None, tuple[int, int]]:
    """Open the file the way the app does (checks, migrations) and read the campaign."""
    service = LedgerService.open(str(path))
    try:
        campaigns = service.campaigns()
        if campaign_id is None:
            assert len(campaigns) <= 1, campaigns
            return (campaigns[0] if campaigns else None), (0, 0)
        return service.campaign(campaign_id), service.store.completed_sum(campaign_id)
    finally:
        service.close()


CREATE = (
    "campaigns", "create", "--kind", "fundraiser", "--title", "Crash loop",
    "--organization", "croix-rouge-francaise", "--goal", "100000", "--currency", "EUR",
)  # fmt: skip


def crash_round(
    number: int, kills: int, rate: float, crash_seed: int, folder: Path
) -> tuple[int, list[str]]:
    """One round on a new file; returns the kills delivered to a running process and a log."""
    rng = random.Random(f"{crash_seed}-{number}")
    folder.mkdir()
    db, data = folder / "ledger.db", folder / "data"
    env = cli_env(data)
    history: list[str] = []

    def where() -> str:
        return f"crash seed {crash_seed}, round {number} (rate {rate:g}): {' | '.join(history)}"

    # A kill while the file is being created and migrated, or the campaign inserted.
    delay = rng.uniform(0.15, 0.7)
    created = run_and_kill(cli_argv(*CREATE, db=db), env, after_lines=0, delay=delay)
    delivered = int(created.killed_running)
    history.append(f"create killed after {delay:.3f}s")
    if db.exists():
        assert integrity(db) == "ok", where()
        campaign, _ = reopen(db, None)
    else:
        campaign = None
    history[-1] += (
        f" ({'no file' if not db.exists() else 'no campaign' if campaign is None else 'created'})"
    )
    if campaign is None:
        again = run_cli(*CREATE, data_dir=data, db=db)
        assert again.code == 0, (where(), again.stderr)
        campaign, _ = reopen(db, int(again.stdout))
    assert campaign is not None

    def simulate(seed: int, count: int = 10_000_000) -> tuple[str, ...]:
        return ("simulate", "--campaign", str(campaign.id), "--count", str(count),
                "--rate", f"{rate:g}", "--seed", str(seed), "--progress", "jsonl")  # fmt: skip

    expected: dict[int, ExpectedDonations] = {}
    groups: dict[int, int] = {}  # donations stored per audience seed
    total_before = 0
    for kill in range(kills):
        # Mostly a new audience; now and then a replay of an earlier one (same external ids).
        if groups and rng.random() < 0.35:
            seed = rng.choice(sorted(groups))
        else:
            seed = AUDIENCE_SEED + 1000 * number + kill
            expected[seed] = ExpectedDonations(campaign, rate, seed)
        before = groups.get(seed, 0)
        # Counted from the first new batch when replaying (1,000 donations a replayed batch).
        after_lines = rng.randint(0, 12) + (before // 1000 if rate == 0 else 0)
        delay = rng.uniform(0, 0.04) if after_lines else rng.uniform(0.2, 0.9)
        run = run_and_kill(cli_argv(*simulate(seed), db=db), env, after_lines=after_lines,
                           delay=delay)  # fmt: skip
        history.append(f"kill {kill}: seed {seed} (had {before}) after line {after_lines} + "
                       f"{delay:.3f}s, {len(run.lines)} lines")  # fmt: skip
        assert run.killed_running, (where(), run.stderr)
        assert "Traceback" not in run.stderr, (where(), run.stderr)
        delivered += 1

        assert integrity(db) == "ok", where()
        record, (total, count) = reopen(db, campaign.id)  # the app reopens the file
        assert record is not None
        rows = stored_donations(db, campaign.id)
        by_seed: dict[int, list[Donation]] = {}
        for row in rows:
            by_seed.setdefault(int(row[0].split("-")[1]), []).append(row)
        assert set(by_seed) <= set(expected), where()
        for each, stored in by_seed.items():
            # Exactly the first donations of that audience: no gap, no duplicate, unaltered.
            assert stored == expected[each].first(len(stored)), (where(), each)
            assert len(stored) >= groups.get(each, 0), (where(), "donations disappeared", each)
        after = len(by_seed.get(seed, []))
        if run.lines:
            acknowledged = run.lines[-1]
            # `committed` counts what this run added; replayed donations are dropped.
            assert after >= before + acknowledged["committed"], (where(), acknowledged)
            new = expected[seed].first(before + acknowledged["committed"])[before:]
            assert acknowledged["total_minor"] == total_before + sum(d[2] for d in new), where()
        assert (total, count) == (sum(d[2] for d in rows), len(rows)), where()
        assert (record.total_minor, record.donation_count) == (total, count), where()
        history[-1] += f", {after} stored"
        groups = {each: len(stored) for each, stored in by_seed.items()}
        total_before = total

    # After the crashes, the biggest audience again, to its end: the replays are dropped.
    seed = max(groups, key=lambda each: groups[each]) if groups else AUDIENCE_SEED
    expected.setdefault(seed, ExpectedDonations(campaign, rate, seed))
    count = groups.get(seed, 0) + 300
    finish = run_cli(*simulate(seed, count)[:-2], data_dir=data, db=db)
    assert finish.code == 0, (where(), finish.stderr)
    report = json.loads(finish.stdout.splitlines()[-1])
    assert report["duplicates_dropped"] == groups.get(seed, 0), (where(), report)
    assert report["accepted"] + report["duplicates_dropped"] + report["rejected"] == count
    rows = stored_donations(db, campaign.id)
    replayed = [row for row in rows if row[0].startswith(f"sim-{seed}-")]
    assert replayed == expected[seed].first(groups.get(seed, 0) + report["accepted"]), where()
    listed = run_cli("campaigns", "list", "--json", data_dir=data, db=db)
    assert listed.code == 0, (where(), listed.stderr)
    [row] = json.loads(listed.stdout)
    assert row["total_minor"] == sum(d[2] for d in rows) == report["total_minor"], where()
    assert integrity(db) == "ok", where()
    return delivered, history


def test_sigkill_at_random_moments_loses_nothing(
    request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    config = request.config
    kills = config.getoption("--crash-kills") or (
        KILLS_SLOW if config.getoption("--run-slow") else KILLS_DEFAULT
    )
    crash_seed = config.getoption("--crash-seed")
    if crash_seed is None:
        crash_seed = random.SystemRandom().randrange(2**32)
    rounds = [min(KILLS_PER_ROUND, kills - start) for start in range(0, kills, KILLS_PER_ROUND)]
    # Two rounds at a time: each round is a sequence of processes, one file each.
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(
            pool.map(
                lambda n: crash_round(
                    n, rounds[n], RATES[n % len(RATES)], crash_seed, tmp_path / f"round-{n}"
                ),
                range(len(rounds)),
            )
        )
    delivered = sum(count for count, _ in results)
    for number, (_, history) in enumerate(results):  # shown with -rP, or -s
        print(f"crash seed {crash_seed}, round {number}: {' | '.join(history)}")
    # Every simulate kill hit a running process (asserted in the round); create may finish first.
    assert delivered >= kills, (crash_seed, [history for _, history in results])
