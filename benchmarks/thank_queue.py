"""The thank queue at scale: a campaign of N donations (default 1,000,000), all unthanked.

Times the queue's count as the app reads it (`campaigns.unthanked_count`, kept by every write)
against counting the rows (`SELECT count(*)`, the baseline, measured in the same run); its
pages (the newest, one halfway down by keyset `before_id`, the oldest, and an `offset` jump);
"thank all" of every donation in one transaction and its undo; and, once all but the oldest
ten are thanked, the first page (the scan the queue's query makes when what is left is old).
Each read is repeated `--repeat` times (median). Prints one JSON object.

    python benchmarks/thank_queue.py [--donations 1000000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import text


def seed(db: str, donations: int) -> tuple[int, float]:
    from livegiving_desktop.core.audience import SimulatedAudience
    from livegiving_desktop.core.donations import validate_donation
    from livegiving_desktop.services.ledger import LedgerService

    service = LedgerService.open(db)
    campaign = service.create_fundraiser(
        title="A million gifts", organization_id="croix-rouge-francaise", goal="20000000",
        currency="EUR",
    )  # fmt: skip
    audience = SimulatedAudience(11, "EUR", minimum_minor=100)
    rules, message_rules = campaign.donation_rules, service.message_rules
    started = time.perf_counter()
    for start in range(0, donations, 1000):
        batch = [
            validate_donation(audience.next_delivery(), rules, message_rules)
            for _ in range(min(1000, donations - start))
        ]
        service.store.insert_batch(campaign.id, batch, want_rows=False)
    seeded = time.perf_counter() - started
    service.close()
    return campaign.id, seeded


def timed(action: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """Median seconds of `repeat` runs, and the last result."""
    seconds = []
    result = None
    for _ in range(repeat):
        started = time.perf_counter()
        result = action()
        seconds.append(time.perf_counter() - started)
    return statistics.median(seconds), result


def main() -> None:
    from livegiving_desktop.services.ledger import LedgerService

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--donations", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    out: dict[str, Any] = {"donations": args.donations, "repeat": args.repeat}
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "queue.db")
        cid, out["seed_s"] = seed(db, args.donations)
        service = LedgerService.open(db)
        r = args.repeat

        def count_rows() -> int:
            with service.db.reader.connect() as conn:
                return int(
                    conn.execute(
                        text("SELECT count(*) FROM donations WHERE campaign_id = :c"
                             " AND NOT thanked AND status = 'completed'"),
                        {"c": cid},
                    ).scalar_one()
                )  # fmt: skip

        out["count_by_rows_baseline_s"], rows = timed(count_rows, r)
        out["count_by_counter_s"], counted = timed(lambda: service.unthanked_count(cid), r)
        assert rows == counted == args.donations, (rows, counted)
        out["first_page_s"], first = timed(lambda: service.unthanked(cid, 200), r)
        ids = [d.id for d in first]
        middle_id = ids[0] - args.donations // 2
        out["keyset_page_halfway_s"], _ = timed(
            lambda: service.unthanked(cid, 200, before_id=middle_id), r
        )
        out["keyset_page_oldest_s"], _ = timed(
            lambda: service.unthanked(cid, 200, before_id=ids[0] - args.donations + 200), r
        )
        out["offset_page_halfway_s"], _ = timed(
            lambda: service.unthanked(cid, 200, offset=args.donations // 2), r
        )
        started = time.perf_counter()
        done = service.thank_all(cid)
        out["thank_all_s"] = time.perf_counter() - started
        out["thank_all_thanked"] = done.thanked
        assert service.unthanked_count(cid) == count_rows() == 0
        started = time.perf_counter()
        out["undo_left"] = service.store.undo_thank_all(done.done)[1]
        out["undo_s"] = time.perf_counter() - started
        assert service.unthanked_count(cid) == count_rows() == args.donations
        # All thanked but the oldest ten: the queue's query scans down to them.
        with service.db.reader.connect() as conn:
            oldest = conn.execute(
                text("SELECT min(id) FROM donations WHERE campaign_id = :c"), {"c": cid}
            ).scalar_one()
        service.thank_all(cid)
        service.store.undo_thank_all(service.store.thank_all(cid, through_id=oldest + 9))
        service.thank_all(cid)
        with service.db.writer.begin() as conn:
            conn.execute(
                text("UPDATE donations SET thanked = false, thanked_at_us = NULL"
                     " WHERE campaign_id = :c AND id <= :top"),
                {"c": cid, "top": oldest + 9},
            )  # fmt: skip
            conn.execute(
                text("UPDATE campaigns SET unthanked_count = 10 WHERE id = :c"), {"c": cid}
            )
        out["sparse_first_page_s"], sparse = timed(lambda: service.unthanked(cid, 200), r)
        assert len(sparse) == 10
        service.close()
    out["load_average_before"] = load_before
    out["load_average_after"] = os.getloadavg()
    out["python"] = sys.version.split()[0]
    out["cpus"] = os.cpu_count()
    print(json.dumps({k: round(v, 4) if isinstance(v, float) else v for k, v in out.items()},
                     indent=2))  # fmt: skip


if __name__ == "__main__":
    main()
