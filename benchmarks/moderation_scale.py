"""Moderation at scale: the console on a campaign of N donations (default 1,000,000).

Seeds a database as benchmarks/scale.py does, then opens the moderation console alone (the
`livegiving --moderator` seat) offscreen and times: the table shown (row count and first page),
a jump to the last row (its page fetched on demand), a sort by amount, a text filter and the
hold queue; and reads the resident memory and how many rows the model holds. The baseline is
the same console on an empty campaign of the same database. Prints one JSON object.

    python benchmarks/moderation_scale.py [--donations 1000000]
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
from scale import rss_mb, seed

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


async def until(check: Any, timeout: float = 120.0) -> float:
    started = time.perf_counter()
    while not check():
        if time.perf_counter() - started > timeout:
            raise TimeoutError
        await asyncio.sleep(0.005)
    return time.perf_counter() - started


async def open_console(db: str, campaign_id: int, folder: Path) -> dict[str, Any]:
    from PySide6.QtCore import Qt

    from livegiving_desktop.ui.main_window import app_settings
    from livegiving_desktop.ui.moderation.window import last_campaign_key, open_console_only

    os.environ["LIVEGIVING_DATA_DIR"] = str(folder / f"data-{campaign_id}")
    settings = app_settings()
    settings.setValue(last_campaign_key(db), campaign_id)
    settings.setValue("moderation/displayName", "Bench")
    started = time.perf_counter()
    console = open_console_only(db, "en", settings)
    console.resize(1440, 900)
    console.show()
    model, table = console.all_model, console.table
    await until(lambda: console.campaign is not None and not console.loading)
    opened = time.perf_counter() - started
    rows = model.rowCount()
    last = rows - 1

    async def row_loaded(row: int) -> float:
        return await until(lambda: model.donation(row) is not None)

    table.scrollToBottom()
    bottom = await row_loaded(last) if rows else 0.0
    started = time.perf_counter()
    table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    # (An empty campaign has no row to wait for; polling index.data() on it for long also
    # trips a reference-count bug of PySide6's QModelIndex.data() returning None.)
    await until(lambda: model.generation > 1 and (not rows or model.donation(0) is not None))
    sorted_s = time.perf_counter() - started
    started = time.perf_counter()
    console.filter.setText("bravo")  # in some messages only: the count drops once applied
    await until(lambda: model.filter.text == "bravo" and (not rows or model.rowCount() < rows))
    filtered = time.perf_counter() - started
    loaded_rows = sum(len(p) for p in model._pages.values())
    current, peak = rss_mb()
    result = {
        "open_console_s": round(opened, 3),
        "rows": rows,
        "jump_to_last_row_s": round(bottom, 3),
        "sort_by_amount_s": round(sorted_s, 3),
        "text_filter_s": round(filtered, 3),
        "rows_after_filter": model.rowCount(),
        "held_rows": console.held_model.rowCount(),
        "rows_held_in_memory": loaded_rows,
        "rss_mb": round(current, 1),
        "peak_rss_mb": round(peak, 1),
    }
    console.close()
    return result


def run_one(db: str, campaign_id: int) -> dict[str, Any]:
    return run_in_app(lambda folder: open_console(db, campaign_id, folder))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--donations", type=int, default=1_000_000)
    parser.add_argument("--one", nargs=2, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one[0], int(args.one[1]))))
        return
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "moderation-scale.db")
        empty_id, big_id, seeded = seed(db, args.donations)
        results: dict[str, object] = {"donations": args.donations, "seed_s": round(seeded, 1)}
        for name, campaign_id in (("baseline_empty_campaign", empty_id),
                                  ("large_campaign", big_id)):  # fmt: skip
            done = subprocess.run(
                [sys.executable, __file__, "--one", db, str(campaign_id)],
                capture_output=True, text=True, check=True,
            )  # fmt: skip
            results[name] = json.loads(done.stdout.strip().splitlines()[-1])
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
