"""Writing donations to PostgreSQL: the ledger's batch write against plain psycopg.

On a PostgreSQL server (`--url`, else LIVEGIVING_TEST_PG_URL, else 127.0.0.1:5432 as
postgres; without one it prints {"skipped": why} and exits 0, so `make benchmarks` goes on),
in a database of its own migrated by the app (dropped at the end), the same
simulated donations are written in 1,000-donation transactions three ways, interleaved
`--repeat` times:

- `raw`, the baseline: plain psycopg `executemany` of the stored columns (pipeline mode, one
  prepared INSERT), each transaction committed;
- `app`: `LedgerStore.insert_batch`, what the ingestion writer calls: the campaign locked,
  one INSERT ... SELECT FROM unnest(arrays) ... RETURNING for the batch, the totals and the
  change feed's row, in one transaction;
- `values` (for reference, the write before 2026-12-02): the same donations as SQLAlchemy's
  multi-row INSERT ... VALUES ... RETURNING, which psycopg parsed again for every batch.

Prints one JSON object: per 1,000 donations, the median wall time and the median process
CPU time of each (the database server's own time is in the wall time only), the app's and
the reference's ratios to raw, every run and the load average.

    python benchmarks/pg_write.py [--count 50000] [--repeat 5] [--url URL]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
import uuid
from typing import Any

import psycopg
from sqlalchemy import make_url

from livegiving_desktop.core.audience import SimulatedAudience
from livegiving_desktop.core.campaigns import CampaignStatus
from livegiving_desktop.core.donations import DonationRules, ValidDonation, validate_donation
from livegiving_desktop.core.moderation import default_message_rules
from livegiving_desktop.db.engine import dialect_insert
from livegiving_desktop.db.ledger import LedgerStore
from livegiving_desktop.db.models import donations
from livegiving_desktop.services.ledger import LedgerService

BATCH = 1000
FIELDS = ValidDonation._fields


def drafts(count: int, prefix: str) -> list[tuple[Any, ...]]:
    """Validated donations as the pipeline hands them to the writer (ValidDonation's fields),
    from the same simulated audience as the app's, their external ids made unique by `prefix`."""
    audience = SimulatedAudience(7, "EUR", minimum_minor=100)
    rules, message_rules = DonationRules("EUR", 100, 10_000_000), default_message_rules()
    rows = []
    for n in range(count):
        d = validate_donation(audience.next_delivery(), rules, message_rules)
        rows.append((f"{prefix}{n}", *tuple(d)[1:]))
    return rows


def raw(url: str, campaign_id: int, rows: list[tuple[Any, ...]]) -> tuple[float, float]:
    columns = (*FIELDS, "campaign_id", "received_at_us", "currency", "status", "thanked")
    sql = (
        f"INSERT INTO donations ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))})"
    )
    now = time.time_ns() // 1000
    with psycopg.connect(url) as conn:  # opened before the clock, as the app's pool is
        started, cpu = time.perf_counter(), time.process_time()
        for start in range(0, len(rows), BATCH):
            with conn.transaction(), conn.cursor() as cur:
                cur.executemany(
                    sql,
                    [
                        (*r, campaign_id, now, "EUR", "completed", False)
                        for r in rows[start : start + BATCH]
                    ],
                )
        return time.perf_counter() - started, time.process_time() - cpu


def app(store: LedgerStore, campaign_id: int, rows: list[tuple[Any, ...]]) -> tuple[float, float]:
    started, cpu = time.perf_counter(), time.process_time()
    for start in range(0, len(rows), BATCH):
        store.insert_batch(campaign_id, rows[start : start + BATCH], want_rows=False)
    return time.perf_counter() - started, time.process_time() - cpu


def values(
    store: LedgerStore, campaign_id: int, rows: list[tuple[Any, ...]]
) -> tuple[float, float]:
    statement = (
        dialect_insert(store.db, donations)
        .on_conflict_do_nothing(index_elements=["campaign_id", "external_id"])
        .returning(donations.c.id, donations.c.external_id)
    )
    constants = {"campaign_id": campaign_id, "received_at_us": time.time_ns() // 1000,
                 "currency": "EUR", "status": "completed", "thanked": False,
                 "after_broadcast": False}  # fmt: skip
    started, cpu = time.perf_counter(), time.process_time()
    for start in range(0, len(rows), BATCH):
        with store.db.writer.begin() as conn:
            batch = [
                dict(zip(FIELDS, r, strict=True), **constants) for r in rows[start : start + BATCH]
            ]
            list(conn.execute(statement, batch))
    return time.perf_counter() - started, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--url", default=os.environ.get("LIVEGIVING_TEST_PG_URL"))
    args = parser.parse_args()
    admin = make_url(args.url or "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
    name = f"lgt_pg_write_{uuid.uuid4().hex[:8]}"
    plain = admin.set(drivername="postgresql").render_as_string(hide_password=False)
    try:
        with psycopg.connect(plain, autocommit=True, connect_timeout=5) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.Error as exc:
        reason = f"no PostgreSQL server to write to at {admin.render_as_string()}: {exc}"
        print(json.dumps({"skipped": reason.strip()}))
        return
    url = admin.set(database=name)
    service = None
    try:
        service = LedgerService.open(url.render_as_string(hide_password=False))
        campaign = service.create_fundraiser(
            title="Benchmark", organization_id="croix-rouge-francaise", goal="5000", currency="EUR"
        )
        store = LedgerStore(service.db)
        store.set_status(campaign.id, CampaignStatus.LIVE)
        raw_url = url.set(drivername="postgresql").render_as_string(hide_password=False)
        runs: dict[str, list[tuple[float, float]]] = {"raw": [], "app": [], "values": []}
        ways = {
            "raw": lambda rows: raw(raw_url, campaign.id, rows),
            "app": lambda rows: app(store, campaign.id, rows),
            "values": lambda rows: values(store, campaign.id, rows),
        }
        for round_ in range(args.repeat):
            order = list(ways)[round_ % 3 :] + list(ways)[: round_ % 3]
            for way in order:
                rows = drafts(args.count, f"{way}-{round_}-")
                runs[way].append(ways[way](rows))
        per = 1000 / args.count

        def median(way: str, i: int) -> float:
            return round(statistics.median(r[i] for r in runs[way]) * per * 1000, 2)

        report = {
            "donations_per_run": args.count,
            "batch": BATCH,
            "repeat": args.repeat,
            "ms_per_1000_wall": {way: median(way, 0) for way in runs},
            "ms_per_1000_cpu": {way: median(way, 1) for way in runs},
            "app_over_raw_wall": round(median("app", 0) / median("raw", 0), 2),
            "values_over_raw_wall": round(median("values", 0) / median("raw", 0), 2),
            "app_over_raw_cpu": round(median("app", 1) / median("raw", 1), 2),
            "values_over_raw_cpu": round(median("values", 1) / median("raw", 1), 2),
            "runs_wall_s": {w: [round(r[0], 3) for r in rs] for w, rs in runs.items()},
            "loadavg": os.getloadavg()[0],
        }
        print(json.dumps(report, indent=1))
    finally:
        if service is not None:
            service.close()
        with psycopg.connect(plain, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
