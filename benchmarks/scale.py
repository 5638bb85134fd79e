"""Scale: opening a campaign of N donations (default 1,000,000) shows the live view in under
1.5 s with the process under 400 MB resident.

Seeds a database through the ledger store (the same batch insert the pipeline uses), catches up
the donor statistics, then in a fresh process per case opens the app offscreen and times
`show_live` (from the call to the live view filled: total, feed, top donors) and reads the
resident memory. The baseline is an empty campaign in the same database, measured in the same
run. Prints one JSON object.

    python benchmarks/scale.py [--donations 1000000]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from _app import run_in_app

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def rss_mb() -> tuple[float, float]:
    """(current, peak) resident set size of this process in MB."""
    values = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(("VmRSS:", "VmHWM:")):
            key, amount, _unit = line.split()
            values[key] = int(amount) / 1024
    return values.get("VmRSS:", 0.0), values.get("VmHWM:", 0.0)


def seed(db: str, donations: int) -> tuple[int, int, float]:
    from livegiving_desktop.core.audience import AudienceProfile, SimulatedAudience
    from livegiving_desktop.core.donations import validate_donation
    from livegiving_desktop.services.ledger import LedgerService

    service = LedgerService.open(db)
    empty = service.create_fundraiser(
        title="Empty", organization_id="goonj", goal="1000", currency="EUR"
    )
    big = service.create_fundraiser(
        title="A million gifts", organization_id="croix-rouge-francaise", goal="20000000",
        currency="EUR",
    )  # fmt: skip
    audience = SimulatedAudience(11, "EUR", minimum_minor=100, profile=AudienceProfile())
    started = time.perf_counter()
    rules, message_rules = big.donation_rules, service.message_rules
    for start in range(0, donations, 1000):
        batch = [
            validate_donation(audience.next_delivery(), rules, message_rules)
            for _ in range(min(1000, donations - start))
        ]
        service.store.insert_batch(big.id, batch, want_rows=False)
    service.store.catch_up_donor_stats(big.id)
    seeded = time.perf_counter() - started
    service.close()
    return empty.id, big.id, seeded


async def open_live(db: str, campaign_id: int, folder: Path) -> dict[str, float]:
    from livegiving_desktop.ui.main_window import MainWindow

    os.environ["LIVEGIVING_DATA_DIR"] = str(folder / f"data-{campaign_id}")
    window = MainWindow(db_url=db, language="en")
    window.resize(1440, 900)
    window.show()
    while not window.is_ready():
        await asyncio.sleep(0.01)
    before_mb, _ = rss_mb()
    started = time.perf_counter()
    await window.show_live(campaign_id)
    opened = time.perf_counter() - started
    await asyncio.sleep(0.3)  # paint it
    rows = window.live.feed_model.rowCount()
    total = window.live.total.text()
    current, peak = rss_mb()
    window.shutdown_now()
    window.close()
    return {"open_live_view_s": round(opened, 3), "rss_mb": round(current, 1),
            "peak_rss_mb": round(peak, 1), "rss_before_open_mb": round(before_mb, 1),
            "feed_rows_loaded": rows, "total_shown": total}  # fmt: skip


def run_one(db: str, campaign_id: int) -> dict[str, Any]:
    return run_in_app(lambda folder: open_live(db, campaign_id, folder))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--donations", type=int, default=1_000_000)
    parser.add_argument("--db", default=None, help="reuse a seeded database (skip seeding)")
    parser.add_argument("--one", nargs=2, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one[0], int(args.one[1]))))
        return
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "scale.db")
        empty_id, big_id, seeded = seed(db, args.donations)
        results: dict[str, object] = {
            "donations": args.donations,
            "seed_s": round(seeded, 1),
            "database_mb": round(Path(db).stat().st_size / 2**20, 1),
        }
        for name, campaign_id in (
            ("baseline_empty_campaign", empty_id),
            ("large_campaign", big_id),
        ):
            done = subprocess.run(
                [sys.executable, __file__, "--one", db, str(campaign_id)],
                capture_output=True, text=True, check=True,
            )  # fmt: skip
            results[name] = json.loads(done.stdout.strip().splitlines()[-1])
    results["targets"] = {"open_live_view_s": 1.5, "rss_mb": 400}
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
