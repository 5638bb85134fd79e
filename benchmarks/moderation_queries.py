"""The moderation table's queries on a campaign of N donations (default 1,000,000), with the
index of migration 0004 on (campaign_id, amount_minor, id) and without it (dropped, the
baseline, in the same run on the same file): the first page sorted by amount (both ways), a
page halfway down, the first page sorted by donor (no index: measured too costly to keep),
and the per-donor lookups that have no index (a sticker's donor, the first-gift memory of one
offline donation's donor, read from the `donors` aggregate caught up first, as the app has it).
Each query is repeated `--repeat` times (median). Prints one JSON object.

    python benchmarks/moderation_queries.py [--donations 1000000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import text

from thank_queue import seed, timed

INDEX = "ix_donations_campaign_id_amount_minor_id"


def measure(service: Any, cid: int, repeat: int, donations: int) -> dict[str, float]:
    from livegiving_desktop.core.moderation import DonationFilter, TableSort

    page = service.moderation_store.page
    every = DonationFilter()
    out = {}
    out["amount_desc_first_page_s"], _ = timed(
        lambda: page(cid, every, sort=TableSort.AMOUNT, descending=True), repeat
    )
    out["amount_asc_first_page_s"], _ = timed(
        lambda: page(cid, every, sort=TableSort.AMOUNT, descending=False), repeat
    )
    out["amount_desc_page_halfway_s"], _ = timed(
        lambda: page(cid, every, sort=TableSort.AMOUNT, offset=donations // 2), repeat
    )
    out["donor_first_page_s"], _ = timed(lambda: page(cid, every, sort=TableSort.DONOR), repeat)
    out["id_first_page_s"], _ = timed(lambda: page(cid, every, sort=TableSort.ID), repeat)
    return out


def main() -> None:
    from livegiving_desktop.db.stories import StoryStore
    from livegiving_desktop.services.ledger import LedgerService

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--donations", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    out: dict[str, Any] = {"donations": args.donations, "repeat": args.repeat}
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "moderation.db")
        cid, out["seed_s"] = seed(db, args.donations)
        service = LedgerService.open(db)
        # The donor aggregate caught up, as the app's writer does whenever it is idle.
        started = time.perf_counter()
        service.store.catch_up_donor_stats(cid)
        out["donor_catch_up_s"] = time.perf_counter() - started
        with service.db.reader.connect() as conn:
            key = conn.execute(
                text("SELECT donor_key FROM donations WHERE campaign_id = :c LIMIT 1"), {"c": cid}
            ).scalar_one()
        out["with_index"] = measure(service, cid, args.repeat, args.donations)
        stories = StoryStore(service.db)
        out["donor_giving_lookup_s"], _ = timed(lambda: stories.giving(cid, key), args.repeat)
        out["known_donor_lookup_s"], _ = timed(
            lambda: service.moderation_store.known_donor_keys(cid, [key]), args.repeat
        )
        with service.db.writer.begin() as conn:
            conn.execute(text(f"DROP INDEX {INDEX}"))
        out["without_index_baseline"] = measure(service, cid, args.repeat, args.donations)
        service.close()
    out["load_average_before"] = load_before
    out["load_average_after"] = os.getloadavg()
    out["python"] = sys.version.split()[0]
    out["cpus"] = os.cpu_count()

    def rounded(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: rounded(v) for k, v in value.items()}
        return round(value, 4) if isinstance(value, float) else value

    print(json.dumps(rounded(out), indent=2))


if __name__ == "__main__":
    main()
