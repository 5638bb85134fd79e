"""Ingestion throughput: `livegiving simulate --rate 0 --count N` against plain sqlite3, and
the cost of the moderation rules in the pipeline (with and without them).

The baseline is measured in the same run, on the same machine, into the same schema (a fresh
database migrated by the app): plain sqlite3 `executemany` of rows of the same shape (the 13
stored columns) in 1,000-row transactions, WAL and synchronous=FULL like the app. SQLAlchemy
Core executemany of the same rows is printed for reference. Targets: the pipeline (the
command's own `elapsed_s`: audience, validation, rules, writes) at most 1.2x raw, the whole
command (interpreter, imports, opening the database included) at most 1.5x raw. Each ratio is
printed from the medians and as the median of each round's own ratio (`_paired`: raw and app
measured the same minute), with the runs, the load average after each round and CPU time
(process CPU of the whole command against raw's), which a loaded machine's wall time hides.
`--rules-repeat 0` prints this comparison alone.

The moderation rules (blocklist matcher, links, review flags, blocked donors) are measured in
process: the same pre-generated donations through IngestionPipeline with the campaign's rules
and with ModerationRules.off(), interleaved `--rules-repeat` times; wall time (best run, the
least disturbed by other processes, and medians) and process CPU time (best run). Target: the
rules cost under 10 % of the pipeline's throughput.
Prints one JSON object.

With `--index-cost` it measures instead what each candidate index of the donations table
costs the writes (docs/architecture.md, "Indexes"): for each variant (no candidate index,
each one alone, all of them) a fresh database, the candidate indexes dropped or created, then
the same donations through plain sqlite3 and through the pipeline (without rules, in process);
the variants interleaved in a rotating order `--repeat` times; medians, minima and every run.

With `--producer` it times the producer's side alone (validation, the message rules and the
review flags, no database: what the submitting thread does), with the campaign's default rules
and with ModerationRules.off(), interleaved `--rules-repeat` times; process CPU time, best
run and median. On a shared machine this is the steadiest figure of the rules' cost.

    python benchmarks/ingest.py [--count 200000] [--repeat 3]
    python benchmarks/ingest.py --index-cost [--count 200000] [--repeat 7]
    python benchmarks/ingest.py --producer [--count 200000] [--rules-repeat 9]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert

from livegiving_desktop.cli import tune_interpreter
from livegiving_desktop.core.audience import SimulatedAudience
from livegiving_desktop.core.donations import DonationDraft, validate_donation
from livegiving_desktop.core.moderation import ModerationRules
from livegiving_desktop.db.models import donations
from livegiving_desktop.services.ingest import IngestionPipeline
from livegiving_desktop.services.ledger import LedgerService

COLUMNS = (
    "campaign_id", "external_id", "received_at_us", "donor_name", "anonymous", "amount_minor",
    "currency", "message", "message_status", "status", "source", "thanked", "donor_key",
)  # fmt: skip
ROWS_PER_TRANSACTION = 1000


def fresh_database(folder: Path, name: str) -> tuple[str, int]:
    path = folder / name
    service = LedgerService.open(str(path))
    campaign = service.create_fundraiser(
        title="Benchmark", organization_id="croix-rouge-francaise", goal="5000", currency="EUR"
    )
    service.close()
    return str(path), campaign.id


def sample_rows(campaign_id: int, count: int) -> list[tuple[object, ...]]:
    """Rows of the same shape as the app stores, from the same simulated audience."""
    audience = SimulatedAudience(7, "EUR", minimum_minor=100)
    from livegiving_desktop.core.donations import DonationRules
    from livegiving_desktop.core.moderation import default_message_rules

    rules = DonationRules("EUR", 100, 10_000_000)
    message_rules = default_message_rules()
    now = time.time_ns() // 1000
    rows = []
    for _ in range(count):
        d = validate_donation(audience.next_delivery(), rules, message_rules)
        rows.append((campaign_id, d.external_id, now, d.donor_name, d.anonymous, d.amount_minor,
                     "EUR", d.message, d.message_status, "completed", d.source, False,
                     d.donor_key))  # fmt: skip
    return rows


def raw_sqlite(path: str, rows: list[tuple[object, ...]]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of the plain sqlite3 baseline."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    sql = f"INSERT INTO donations ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * 13)})"
    started, cpu = time.perf_counter(), time.process_time()
    for start in range(0, len(rows), ROWS_PER_TRANSACTION):
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(sql, rows[start : start + ROWS_PER_TRANSACTION])
        conn.execute("COMMIT")
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    conn.close()
    return elapsed, cpu


def sqlalchemy_core(path: str, rows: list[tuple[object, ...]]) -> float:
    service = LedgerService.open(path)
    params = [dict(zip(COLUMNS, r, strict=True)) for r in rows]
    started = time.perf_counter()
    for start in range(0, len(params), ROWS_PER_TRANSACTION):
        with service.db.writer.begin() as conn:
            conn.execute(insert(donations), params[start : start + ROWS_PER_TRANSACTION])
    elapsed = time.perf_counter() - started
    service.close()
    return elapsed


# The commands run as an installed app does: with bytecode (pip compiles it at install time).
# An environment with PYTHONDONTWRITEBYTECODE would have every command compile the app's
# sources again (0.4 s of CPU here); the bytecode goes to a folder of the run, never the tree.
COMMAND_ENV = dict(os.environ)


def use_bytecode_cache(folder: Path, cached: bool) -> None:
    COMMAND_ENV.pop("PYTHONDONTWRITEBYTECODE", None)
    COMMAND_ENV["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
    if not cached:
        COMMAND_ENV["PYTHONDONTWRITEBYTECODE"] = "1"
        COMMAND_ENV.pop("PYTHONPYCACHEPREFIX")
        return
    # Compiled by the command that is timed, a rehearsal of a few donations on a database of
    # its own: `--help` imports none of SQLAlchemy and the ledger, and the first timed run
    # would compile them (0.3 to 0.7 s more than the runs after it).
    path, campaign_id = fresh_database(folder, "bytecode.db")
    app_simulate(path, campaign_id, 10)


def app_simulate(path: str, campaign_id: int, count: int, *extra: str) -> tuple[float, float, dict]:
    """(wall seconds, CPU seconds of the whole process, its summary) of `livegiving simulate`."""
    command = [sys.executable, "-m", "livegiving_desktop", "simulate", "--db", path,
               "--campaign", str(campaign_id), "--rate", "0", "--count", str(count),
               "--seed", "7", *extra]  # fmt: skip
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=True, env=COMMAND_ENV)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return elapsed, cpu, json.loads(done.stdout.strip().splitlines()[-1])


def pipeline_in_process(path: str, campaign_id: int, drafts: list[DonationDraft],
                        rules_on: bool) -> tuple[float, float, int]:  # fmt: skip
    """The ingestion pipeline alone (validation, rules, batched writes), as `simulate` runs it."""
    service = LedgerService.open(path)
    campaign = service.campaign(campaign_id)
    rules = service.moderation_rules(campaign) if rules_on else ModerationRules.off()
    started, cpu = time.perf_counter(), time.process_time()
    pipeline = IngestionPipeline(
        service.store, campaign, moderation=rules, donor_stats=False, want_rows=False,
        known_donors=lambda: service.moderation_store.known_donor_keys(campaign_id),
    )  # fmt: skip
    for start in range(0, len(drafts), 1000):
        pipeline.submit_many(drafts[start : start + 1000])
    summary = pipeline.close()
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    service.close()
    return elapsed, cpu, summary.held


# The candidate indexes of the donations table (what the moderation table sorts by, and
# per-donor lookups). Created with IF NOT EXISTS / dropped with IF EXISTS, so the benchmark
# runs on the schema before and after the migration that adds some of them.
CANDIDATE_INDEXES = {
    "amount": "CREATE INDEX IF NOT EXISTS ix_donations_campaign_id_amount_minor_id"
    " ON donations (campaign_id, amount_minor, id) WHERE amount_minor > 0",
    "donor": "CREATE INDEX IF NOT EXISTS ix_donations_campaign_id_donor_key_id"
    " ON donations (campaign_id, donor_key, id)",
}
INDEX_VARIANTS = {
    "none": (),
    "amount": ("amount",),
    "donor": ("donor",),
    "both": ("amount", "donor"),
}


def with_indexes(path: str, names: tuple[str, ...]) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    for name, ddl in CANDIDATE_INDEXES.items():
        index = ddl.split(" IF NOT EXISTS ")[1].split()[0]
        conn.execute(f"DROP INDEX IF EXISTS {index}")
        if name in names:
            conn.execute(ddl)
    conn.close()


def index_cost(args: argparse.Namespace, drafts: list[DonationDraft]) -> dict[str, object]:
    raw: dict[str, list[float]] = {v: [] for v in INDEX_VARIANTS}
    pipe: dict[str, list[float]] = {v: [] for v in INDEX_VARIANTS}
    names = list(INDEX_VARIANTS)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        use_bytecode_cache(folder, not args.no_bytecode)
        _, cid = fresh_database(folder, "rows.db")
        rows = sample_rows(cid, args.count)
        for i in range(args.repeat):
            order = names[i % len(names) :] + names[: i % len(names)]
            for variant in order:
                path, cid = fresh_database(folder, f"raw-{variant}-{i}.db")
                with_indexes(path, INDEX_VARIANTS[variant])
                raw[variant].append(raw_sqlite(path, [(cid, *r[1:]) for r in rows])[0])
                path, cid = fresh_database(folder, f"pipe-{variant}-{i}.db")
                with_indexes(path, INDEX_VARIANTS[variant])
                pipe[variant].append(pipeline_in_process(path, cid, drafts, False)[0])
                Path(path).unlink()
    med = {v: statistics.median(pipe[v]) for v in names}
    raw_med = {v: statistics.median(raw[v]) for v in names}
    return {
        "count": args.count,
        "repeat": args.repeat,
        "indexes": CANDIDATE_INDEXES,
        "pipeline_median_s": {v: round(med[v], 3) for v in names},
        "pipeline_min_s": {v: round(min(pipe[v]), 3) for v in names},
        "pipeline_cost_vs_none_median": {v: round(med[v] / med["none"] - 1, 3) for v in names},
        "raw_sqlite_median_s": {v: round(raw_med[v], 3) for v in names},
        "raw_sqlite_cost_vs_none_median": {
            v: round(raw_med[v] / raw_med["none"] - 1, 3) for v in names
        },
        "pipeline_runs_s": {v: [round(x, 3) for x in pipe[v]] for v in names},
        "raw_sqlite_runs_s": {v: [round(x, 3) for x in raw[v]] for v in names},
        "load_average": os.getloadavg(),
        "python": sys.version.split()[0],
        "sqlite": sqlite3.sqlite_version,
        "cpus": os.cpu_count(),
    }


def producer_path(args: argparse.Namespace, drafts: list[DonationDraft]) -> dict[str, object]:
    from livegiving_desktop.core.donations import DonationRules
    from livegiving_desktop.core.moderation import FlagTracker, default_settings

    rules = DonationRules("EUR", 100, 10_000_000)
    cpu: dict[bool, list[float]] = {True: [], False: []}
    held = flagged = 0
    for i in range(args.rules_repeat):
        for rules_on in (False, True) if i % 2 == 0 else (True, False):
            # Fresh rules each run: the message cache starts empty, as in a new pipeline.
            moderation = ModerationRules(default_settings(2)) if rules_on else ModerationRules.off()
            tracker = FlagTracker(known_donors=list)
            started = time.process_time()
            for start in range(0, len(drafts), 1000):
                valid = [
                    validate_donation(d, rules, moderation) for d in drafts[start : start + 1000]
                ]
                valid = moderation.review(valid, tracker, start / 1000)
                if rules_on and i == 0:
                    held += sum(1 for d in valid if d.message_status == "held")
                    flagged += sum(1 for d in valid if d.flags)
            cpu[rules_on].append(time.process_time() - started)
    best_on, best_off = min(cpu[True]), min(cpu[False])
    med_on, med_off = statistics.median(cpu[True]), statistics.median(cpu[False])
    return {
        "count": args.count,
        "rules_repeat": args.rules_repeat,
        "producer_without_rules_cpu_s": round(best_off, 4),
        "producer_with_rules_cpu_s": round(best_on, 4),
        "producer_rules_cost_cpu": round(best_on / best_off - 1, 3),
        "producer_without_rules_cpu_median_s": round(med_off, 4),
        "producer_with_rules_cpu_median_s": round(med_on, 4),
        "producer_rules_cost_cpu_median": round(med_on / med_off - 1, 3),
        "producer_us_per_donation_with_rules": round(best_on / args.count * 1e6, 3),
        "held": held,
        "flagged": flagged,
        "load_average": os.getloadavg(),
        "python": sys.version.split()[0],
    }


def startup_seconds() -> float:
    """The command's fixed cost (interpreter, imports, opening the database): `--version`
    alone is measured with the imports of a real command."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", "import livegiving_desktop.cli, livegiving_desktop.services.ledger"],
        check=True,
        env=COMMAND_ENV,
    )
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rules-repeat", type=int, default=9)
    parser.add_argument("--index-cost", action="store_true", help="the cost of each index")
    parser.add_argument("--producer", action="store_true", help="the producer's side alone")
    parser.add_argument(
        "--no-bytecode",
        action="store_true",
        help="the commands compile the app's sources each time (as PYTHONDONTWRITEBYTECODE does)",
    )
    args = parser.parse_args()
    raw_s, core_s, app_s, app_inner_s = [], [], [], []
    raw_cpu, app_cpu, load = [], [], [os.getloadavg()[0]]
    with_rules_s: list[float] = []
    without_rules_s: list[float] = []
    with_rules_cpu: list[float] = []
    without_rules_cpu: list[float] = []
    held_with_rules = 0
    tune_interpreter()  # as the CLI does
    audience = SimulatedAudience(7, "EUR", minimum_minor=100)
    drafts = [audience.next_delivery() for _ in range(args.count)]
    if args.producer:
        print(json.dumps(producer_path(args, drafts), indent=2))
        return
    if args.index_cost:
        print(json.dumps(index_cost(args, drafts), indent=2))
        return
    summary: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        use_bytecode_cache(folder, not args.no_bytecode)
        _, cid = fresh_database(folder, "rows.db")
        rows = sample_rows(cid, args.count)
        for i in range(args.repeat):
            # Interleaved so that the machine's drift affects every side alike.
            path, cid = fresh_database(folder, f"raw{i}.db")
            wall, cpu = raw_sqlite(path, [(cid, *r[1:]) for r in rows])
            raw_s.append(wall)
            raw_cpu.append(cpu)
            path, cid = fresh_database(folder, f"core{i}.db")
            core_s.append(sqlalchemy_core(path, [(cid, *r[1:]) for r in rows]))
            path, cid = fresh_database(folder, f"app{i}.db")
            wall, cpu, summary = app_simulate(path, cid, args.count)
            app_s.append(wall)
            app_cpu.append(cpu)
            app_inner_s.append(summary["elapsed_s"])
            load.append(os.getloadavg()[0])
        for i in range(args.rules_repeat):
            for rules_on in (False, True) if i % 2 == 0 else (True, False):
                path, cid = fresh_database(folder, f"rules-{rules_on}-{i}.db")
                seconds, cpu, held = pipeline_in_process(path, cid, drafts, rules_on)
                (with_rules_s if rules_on else without_rules_s).append(seconds)
                (with_rules_cpu if rules_on else without_rules_cpu).append(cpu)
                held_with_rules = held if rules_on else held_with_rules
        startup = startup_seconds()
    raw, core, app, inner = (statistics.median(x) for x in (raw_s, core_s, app_s, app_inner_s))
    # Each round's own ratio (the same minute of a drifting machine), then their median.
    paired_pipeline = statistics.median(a / b for a, b in zip(app_inner_s, raw_s, strict=True))
    paired_command = statistics.median(a / b for a, b in zip(app_s, raw_s, strict=True))
    baseline = {
        "count": args.count,
        "repeat": args.repeat,
        "raw_sqlite_executemany_s": round(raw, 3),
        "sqlalchemy_core_executemany_s": round(core, 3),
        "app_simulate_command_s": round(app, 3),
        "app_simulate_pipeline_s": round(inner, 3),
        "process_startup_s": round(startup, 3),
        "core_vs_raw": round(core / raw, 2),
        "app_command_vs_raw": round(app / raw, 2),
        "app_pipeline_vs_raw": round(inner / raw, 2),
        "app_command_vs_raw_paired": round(paired_command, 2),
        "app_pipeline_vs_raw_paired": round(paired_pipeline, 2),
        "target_app_vs_raw": 1.5,
        "target_pipeline_vs_raw": 1.2,
        # CPU: what a loaded machine's wall time hides (raw is one thread; simulate is a
        # whole process: interpreter, imports, audience, validation, rules, writer).
        "raw_sqlite_cpu_s": round(statistics.median(raw_cpu), 3),
        "app_simulate_command_cpu_s": round(statistics.median(app_cpu), 3),
        "app_command_cpu_vs_raw_cpu": round(
            statistics.median(app_cpu) / statistics.median(raw_cpu), 2
        ),
        "raw_sqlite_runs_s": [round(x, 3) for x in raw_s],
        "app_simulate_command_runs_s": [round(x, 3) for x in app_s],
        "app_simulate_pipeline_runs_s": [round(x, 3) for x in app_inner_s],
        "load_average": [round(x, 2) for x in load],
        "app_donations_per_s": round(args.count / inner),
        "accepted": summary.get("accepted"),
        "bytecode": "none" if args.no_bytecode else "cached",
    }
    if not with_rules_s:  # --rules-repeat 0: the baseline comparison alone
        print(json.dumps(baseline, indent=2))
        return
    best_with, best_without = min(with_rules_s), min(without_rules_s)
    median_with, median_without = (statistics.median(x) for x in (with_rules_s, without_rules_s))
    print(json.dumps({
        **baseline,
        "pipeline_without_rules_s": round(best_without, 3),
        "pipeline_with_rules_s": round(best_with, 3),
        "pipeline_without_rules_per_s": round(args.count / best_without),
        "pipeline_with_rules_per_s": round(args.count / best_with),
        "rules_cost": round(best_with / best_without - 1, 3),
        "rules_cost_median": round(median_with / median_without - 1, 3),
        "pipeline_without_rules_cpu_s": round(min(without_rules_cpu), 3),
        "pipeline_with_rules_cpu_s": round(min(with_rules_cpu), 3),
        "rules_cost_cpu": round(min(with_rules_cpu) / min(without_rules_cpu) - 1, 3),
        "target_rules_cost": 0.10,
        "held_with_rules": held_with_rules,
        "python": sys.version.split()[0],
        "sqlite": sqlite3.sqlite_version,
        "cpus": os.cpu_count(),
    }, indent=2))  # fmt: skip


if __name__ == "__main__":
    main()
