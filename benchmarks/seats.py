"""Seats: how fast and how surely one seat's changes reach another, in processes of their own,
on SQLite and on PostgreSQL. Prints one JSON object.

For each database:
- `decision_latency_ms`: a moderator's decision committed in process B (hide, approve, name as
  Anonymous, one every 50 ms) until process A's ChangeFollower delivers it (p50/p99/max;
  target p99 <= 500 ms, max <= 1 s). Baseline in the same run, `decision_floor_ms`: the same
  decisions seen by a bare watcher without the app (PostgreSQL: psycopg LISTEN; SQLite: a loop
  that reads PRAGMA data_version every 200 ms): what the transport alone costs.
- `donation_latency_ms`: donations committed by an ingestion pipeline in process A (200 a
  second) until process B's follower delivers their rows (target p99 <= 1 s).
- `exactly_once`: `--changes` changes committed by process B while A follows; on PostgreSQL
  A's LISTEN backend is killed `--cuts` times (pg_terminate_backend) meanwhile. Every seq must
  be delivered once: `missed` and `applied_twice` must be 0.
- `idle_cpu_percent`: process A following a campaign nobody writes to, for `--idle-seconds`
  (target <= 2 % of a core); baseline `idle_cpu_baseline_percent`, the same process without a
  follower.

    python benchmarks/seats.py [--pg-url URL | --no-pg] [--changes 10000] [--cuts 5]

The PostgreSQL database (default: postgresql+psycopg://postgres@127.0.0.1:5432/lg_feed) is
WIPED (schema public dropped and made again).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve()
DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/lg_feed"


def _say(**values: Any) -> None:
    sys.stdout.write(json.dumps(values) + "\n")
    sys.stdout.flush()


def _percentiles(values: list[float]) -> dict[str, float]:
    if not values:
        return {"n": 0}
    ordered = sorted(values)

    def at(q: float) -> float:
        return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]

    return {
        "n": len(ordered),
        "p50": round(at(0.50), 1),
        "p99": round(at(0.99), 1),
        "max": round(ordered[-1], 1),
        "mean": round(statistics.fmean(ordered), 1),
    }


# -- the roles, each in a process of its own ---------------------------------------------------


def role_follower(args: argparse.Namespace) -> None:
    """Follow a campaign; print (seq, seen time) of every change and the ids of new donations;
    with --count, stop once that many seqs arrived (or --seconds)."""
    from livegiving_desktop.services.changes import ChangeFollower
    from livegiving_desktop.services.ledger import LedgerService

    service = LedgerService.open(args.db)
    seen: list[tuple[int, float]] = []
    donations: dict[int, float] = {}
    resyncs = [0]
    health: list[str] = []
    done = threading.Event()

    def changed(c: Any) -> None:
        now = time.time()
        if c.resync:
            resyncs[0] += 1
        seen.extend((s, now) for s in range(c.first_seq, c.last_seq + 1))
        for d in c.new_donations:
            donations[d.id] = now
        if args.until and c.last_seq >= args.until:
            done.set()

    follower = ChangeFollower(service.db, changed, on_health=lambda h: health.append(h.state))
    follower.follow(args.campaign, args.after)
    cpu = time.process_time()
    _say(ready=True, pid=os.getpid())
    done.wait(args.seconds)
    idle_cpu = time.process_time() - cpu
    follower.close(5.0)
    _say(seen=seen, donations=donations, resyncs=resyncs[0], health=health, cpu=idle_cpu)
    service.close()


def role_idle(args: argparse.Namespace) -> None:
    """The same process without a follower (the idle baseline)."""
    from livegiving_desktop.services.ledger import LedgerService

    service = LedgerService.open(args.db)
    cpu = time.process_time()
    _say(ready=True, pid=os.getpid())
    time.sleep(args.seconds)
    _say(cpu=time.process_time() - cpu)
    service.close()


def role_raw(args: argparse.Namespace) -> None:
    """A bare watcher, no app code: the transport's own latency (the floor)."""
    seen: list[tuple[int, float]] = []
    deadline = time.monotonic() + args.seconds
    if args.db.startswith("postgresql"):
        import psycopg
        from sqlalchemy.engine import make_url

        plain = make_url(args.db).set(drivername="postgresql").render_as_string(False)
        with psycopg.connect(plain, autocommit=True) as conn:
            conn.execute("LISTEN livegiving_changes")
            _say(ready=True, pid=os.getpid())
            while time.monotonic() < deadline:
                for n in conn.notifies(timeout=0.5):
                    campaign, _, seq = n.payload.partition(":")
                    if int(campaign) == args.campaign:
                        seen.append((int(seq), time.time()))
                if args.until and seen and seen[-1][0] >= args.until:
                    break
    else:
        conn = sqlite3.connect(args.db, isolation_level=None)
        last, version = args.after, None
        _say(ready=True, pid=os.getpid())
        while time.monotonic() < deadline:
            now_version = conn.execute("PRAGMA data_version").fetchone()[0]
            if now_version != version:
                version = now_version
                (head,) = conn.execute(
                    "SELECT change_seq FROM campaigns WHERE id = ?", (args.campaign,)
                ).fetchone()
                now = time.time()
                seen.extend((s, now) for s in range(last + 1, head + 1))
                last = max(last, head)
                if args.until and last >= args.until:
                    break
            time.sleep(0.2)
        conn.close()
    _say(seen=seen)


def role_moderator(args: argparse.Namespace) -> None:
    """Decisions one after the other, every --interval s: print (seq, commit time) of each."""
    from livegiving_desktop.core.moderation import MessageStatus
    from livegiving_desktop.core.records import Actor, ActorRole
    from livegiving_desktop.db.changes import current_seq
    from livegiving_desktop.services.ledger import LedgerService
    from livegiving_desktop.services.moderation import ModerationService

    service = LedgerService.open(args.db)
    store = ModerationService(service).store
    actor = Actor("Sam", ActorRole.MODERATOR)
    ids = [d.id for d in service.recent_donations(args.campaign, limit=args.count)]
    committed: list[tuple[int, float]] = []
    _say(ready=True)
    for i in range(args.count):
        # Every decision changes its donation: a pass hides each message, the next one approves
        # them again, and every third decision names a donor as Anonymous or back.
        target = ids[i % len(ids)]
        if i % 3 == 2:
            current = store.donations_by_id(args.campaign, [target])[0]
            changed = store.set_privacy(
                args.campaign, [target], actor, hide_name=not current.hide_name_on_air
            )
        else:
            hide = (i // len(ids)) % 2 == 0
            status = MessageStatus.HIDDEN if hide else MessageStatus.VISIBLE
            current = store.donations_by_id(args.campaign, [target])[0]
            if current.message_status == status.value:
                status = MessageStatus.VISIBLE if hide else MessageStatus.HIDDEN
            # The store's call returns at its commit (the service then reads the figures).
            changed = store.set_message_status(args.campaign, [target], status, actor)
        at = time.time()
        assert changed, "every decision of the benchmark changes something"
        committed.append((current_seq(service.db, args.campaign), at))
        time.sleep(args.interval)
    _say(committed=committed)
    service.close()


def role_churn(args: argparse.Namespace) -> None:
    """--count changes as fast as they commit (privacy toggles and single donations)."""
    from livegiving_desktop.core.records import Actor, ActorRole
    from livegiving_desktop.services.ledger import LedgerService
    from livegiving_desktop.services.moderation import ModerationService

    service = LedgerService.open(args.db)
    moderation = ModerationService(service)
    actor = Actor("Sam", ActorRole.MODERATOR)
    target = service.recent_donations(args.campaign, limit=1)[0].id
    started = time.perf_counter()
    _say(ready=True)
    for i in range(args.count):
        if i % 2:
            moderation.set_privacy(args.campaign, [target], actor, hide_amount=(i // 2) % 2 == 0)
        else:
            service.store.insert_batch(args.campaign, [_valid(f"churn-{i}")], want_rows=False)
        if i and i % 100 == 0:
            _say(progress=i)
    _say(finished=True, seconds=time.perf_counter() - started)
    service.close()


def role_donor(args: argparse.Namespace) -> None:
    """Donations through an ingestion pipeline at --rate a second for --seconds: print the
    commit time of each donation (reported by the pipeline once its batch committed)."""
    from livegiving_desktop.core.audience import SimulatedAudience
    from livegiving_desktop.services.ledger import LedgerService

    service = LedgerService.open(args.db)
    campaign = service.campaign(args.campaign)
    committed: dict[int, float] = {}

    def on_commit(outcome: Any) -> None:
        now = time.time()
        for d in outcome.accepted:
            committed[d.id] = now

    pipeline = service.ingestion_pipeline(campaign, on_commit=on_commit)
    audience = SimulatedAudience(11, campaign.currency, minimum_minor=campaign.minimum_minor,
                                 maximum_minor=campaign.maximum_minor)  # fmt: skip
    _say(ready=True)
    deadline = time.monotonic() + args.seconds
    while time.monotonic() < deadline:
        pipeline.submit_many([audience.next_delivery() for _ in range(max(1, args.rate // 20))])
        time.sleep(0.05)
    pipeline.close()
    _say(committed=committed)
    service.close()


def _valid(external_id: str) -> Any:
    from livegiving_desktop.core.donations import DonationDraft, DonationRules, validate_donation
    from livegiving_desktop.core.moderation import default_message_rules

    rules = DonationRules("EUR", 100, 10_000_000)
    return validate_donation(
        DonationDraft(external_id, "Churn", 500, "hi"), rules, default_message_rules()
    )


ROLES = {
    "follower": role_follower,
    "idle": role_idle,
    "raw": role_raw,
    "moderator": role_moderator,
    "churn": role_churn,
    "donor": role_donor,
}


# -- the parent --------------------------------------------------------------------------------


class Child:
    def __init__(self, role: str, db: str, **options: Any) -> None:
        argv = [sys.executable, str(HERE), "--role", role, "--db", db]
        for key, value in options.items():
            argv += [f"--{key.replace('_', '-')}", str(value)]
        self.process = subprocess.Popen(argv, stdout=subprocess.PIPE, text=True)
        self.lines: list[dict[str, Any]] = []

    def read(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError(f"a child ended early (exit {self.process.wait()})")
        value: dict[str, Any] = json.loads(line)
        self.lines.append(value)
        return value

    def read_until(self, key: str) -> dict[str, Any]:
        while True:
            line = self.read()
            if key in line:
                return line


def _fresh(url: str, folder: Path, name: str) -> str:
    """A new database (SQLite file, or the PostgreSQL database wiped) with a fundraiser whose
    donations have messages; returns its URL."""
    from sqlalchemy import create_engine, text

    from livegiving_desktop.core.donations import DonationDraft
    from livegiving_desktop.services.ledger import LedgerService

    if url.startswith("postgresql"):
        engine = create_engine(url)
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
        engine.dispose()
        db = url
    else:
        db = str(folder / f"{name}.db")
    service = LedgerService.open(db)
    campaign = service.create_fundraiser(
        title="Seats", organization_id="croix-rouge-francaise", goal="5000", currency="EUR"
    )
    assert campaign.id == 1
    pipeline = service.ingestion_pipeline(campaign)
    pipeline.submit_many(
        [DonationDraft(f"seed-{i}", f"Donor {i}", 500, "hello") for i in range(20)]
    )
    pipeline.close()
    service.close()
    return db


def _head(db: str) -> int:
    from livegiving_desktop.db.changes import current_seq
    from livegiving_desktop.db.engine import open_database

    opened = open_database(db, migrate=False)
    try:
        return current_seq(opened, 1)
    finally:
        opened.close()


def decision_latency(db: str, mode: str, count: int) -> dict[str, float]:
    """A (follower or raw watcher) sees B's decisions: latency per decision, in ms."""
    after = _head(db)
    watcher = Child(mode, db, campaign=1, after=after, seconds=count * 0.05 + 30,
                    until=after + count)  # fmt: skip
    watcher.read_until("ready")
    moderator = Child("moderator", db, campaign=1, count=count, interval=0.05)
    committed = dict(tuple(x) for x in moderator.read_until("committed")["committed"])
    seen = dict(tuple(x) for x in watcher.read_until("seen")["seen"])
    moderator.process.wait()
    watcher.process.wait()
    return _percentiles([(seen[s] - t) * 1000 for s, t in committed.items() if s in seen]) | {
        "missing": sum(1 for s in committed if s not in seen)
    }


def donation_latency(db: str, seconds: float) -> dict[str, float]:
    """B's follower sees A's donations (ids): latency per donation, in ms."""
    after = _head(db)
    follower = Child("follower", db, campaign=1, after=after, seconds=seconds + 8)
    follower.read_until("ready")
    donor = Child("donor", db, campaign=1, rate=200, seconds=seconds)
    committed = {int(k): v for k, v in donor.read_until("committed")["committed"].items()}
    donor.process.wait()
    seen = {int(k): v for k, v in follower.read_until("seen")["donations"].items()}
    follower.process.wait()
    values = [(seen[i] - t) * 1000 for i, t in committed.items() if i in seen]
    return _percentiles(values) | {"missing": sum(1 for i in committed if i not in seen)}


def exactly_once(db: str, changes: int, cuts: int) -> dict[str, Any]:
    """B commits `changes` changes; A follows; A's LISTEN backend killed `cuts` times."""
    after = _head(db)
    follower = Child("follower", db, campaign=1, after=after, seconds=changes * 0.05 + 120,
                     until=after + changes)  # fmt: skip
    follower.read_until("ready")
    churn = Child("churn", db, campaign=1, count=changes)
    churn.read_until("ready")
    killed = 0
    finished: dict[str, Any] | None = None
    if cuts and db.startswith("postgresql"):
        from sqlalchemy import create_engine, text

        engine = create_engine(db)
        marks = [changes * (k + 1) // (cuts + 1) for k in range(cuts)]
        while marks:
            line = churn.read()
            if "finished" in line:
                finished = line
                break
            if line.get("progress", -1) >= marks[0]:
                marks.pop(0)
                with engine.begin() as conn:
                    n = conn.execute(text(
                        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                        " WHERE application_name = 'livegiving-feed'"
                        " AND datname = current_database()"
                    )).scalar_one()  # fmt: skip
                killed += 1 if n else 0
        engine.dispose()
    if finished is None:
        finished = churn.read_until("finished")
    churn.process.wait()
    result = follower.read_until("seen")
    follower.process.wait()
    seqs = [s for s, _ in result["seen"]]
    expected = set(range(after + 1, after + changes + 1))
    counts: dict[int, int] = {}
    for s in seqs:
        counts[s] = counts.get(s, 0) + 1
    return {
        "changes": changes,
        "cuts": killed,
        "delivered": len(seqs),
        "missed": len(expected - counts.keys()),
        "applied_twice": sum(1 for c in counts.values() if c > 1),
        "in_order": seqs == sorted(seqs),
        "resyncs": result["resyncs"],
        "health": result["health"],
        "writer_seconds": round(finished["seconds"], 1),
    }


def idle_cpu(db: str, seconds: float) -> tuple[float, float]:
    """CPU of a following process that nobody writes to, and of the same process without a
    follower, in % of one core."""
    out = []
    for role in ("follower", "idle"):
        child = Child(role, db, campaign=1, after=_head(db), seconds=seconds)
        child.read_until("ready")
        cpu = child.read_until("cpu")["cpu"]
        child.process.wait()
        out.append(round(100 * cpu / seconds, 2))
    return out[0], out[1]


def measure(url: str, folder: Path, name: str, args: argparse.Namespace) -> dict[str, Any]:
    db = _fresh(url, folder, name)
    result: dict[str, Any] = {}
    result["decision_latency_ms"] = decision_latency(db, "follower", args.decisions)
    result["decision_floor_ms"] = decision_latency(db, "raw", args.decisions)
    result["donation_latency_ms"] = donation_latency(db, args.donation_seconds)
    result["exactly_once"] = exactly_once(
        db, args.changes, args.cuts if name == "postgresql" else 0
    )
    following, baseline = idle_cpu(db, args.idle_seconds)
    result["idle_cpu_percent"] = following
    result["idle_cpu_baseline_percent"] = baseline
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--role", choices=sorted(ROLES))
    parser.add_argument("--db")
    parser.add_argument("--campaign", type=int, default=1)
    parser.add_argument("--after", type=int, default=0)
    parser.add_argument("--until", type=int, default=0)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--interval", type=float, default=0.05)
    parser.add_argument("--rate", type=int, default=200)
    parser.add_argument("--pg-url", default=os.environ.get("LIVEGIVING_BENCH_PG_URL", DEFAULT_PG))
    parser.add_argument("--no-pg", action="store_true", help="SQLite only")
    parser.add_argument("--no-sqlite", action="store_true", help="PostgreSQL only")
    parser.add_argument("--decisions", type=int, default=200)
    parser.add_argument("--donation-seconds", type=float, default=10.0)
    parser.add_argument("--changes", type=int, default=10_000)
    parser.add_argument("--cuts", type=int, default=5)
    parser.add_argument("--idle-seconds", type=float, default=10.0)
    args = parser.parse_args()
    if args.role:
        sys.setswitchinterval(0.001)
        ROLES[args.role](args)
        return
    report: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        if not args.no_sqlite:
            report["sqlite"] = measure("sqlite", Path(tmp), "sqlite", args)
        if not args.no_pg:
            report["postgresql"] = measure(args.pg_url, Path(tmp), "postgresql", args)
    report["targets"] = {
        "decision_p99_ms": 500, "decision_max_ms": 1000, "donation_p99_ms": 1000,
        "missed": 0, "applied_twice": 0, "idle_cpu_percent": 2.0,
    }  # fmt: skip
    report["python"] = sys.version.split()[0]
    report["cpus"] = os.cpu_count()
    report["load_average"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
