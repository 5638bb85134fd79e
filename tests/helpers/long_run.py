"""A broadcast in compressed time, in a process of its own (tests/gui/test_long_run.py).

The main window goes live, the moderation console is open, and committed batches are fed to
the live view as fast as it takes them: each tick inserts feed rows, sets the total and the
figures, repaints the stage and the sparkline and lets the console refresh. A Qt binding that
loses a reference on every call (PySide6 6.12.0 on Python 3.11 took one from None per call
that returns nothing) loses ten thousand of them or more by the end (the test's check), and
with more ticks aborts this process. The last stdout line is JSON.

    python -m tests.helpers.long_run DB_PATH [--ticks N]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

ROWS_PER_TICK = 4
# What each tick changes on screen: feed rows inserted, the total, donors, donations, average,
# the goal bar, the stage repainted, the sparkline repainted.
UPDATES_PER_TICK = 8


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("--ticks", type=int, default=1_250)
    args = parser.parse_args()

    import qasync

    from livegiving_desktop.app import create_application, prepare
    from livegiving_desktop.core.campaigns import fundraiser_spec
    from livegiving_desktop.core.organizations import bundled_catalog
    from livegiving_desktop.core.records import CampaignStats, StoredDonation
    from livegiving_desktop.services.changes import CampaignChanges
    from livegiving_desktop.ui.main_window import MainWindow

    app = create_application(["long-run"])
    prepare(app, "en")

    async def run() -> dict[str, object]:
        window = MainWindow(db_url=args.db, language="en")
        window.resize(1366, 768)
        window.show()
        while not window.is_ready():
            await asyncio.sleep(0.01)
        assert window.service is not None
        spec = fundraiser_spec(
            title="Marathon", organization_id="croix-rouge-francaise", goal="1000000",
            currency="EUR", catalog=bundled_catalog(),
        )  # fmt: skip
        campaign = await window.runner.call(window.service.create_campaign, spec)
        await window.show_live(campaign.id)
        live = window.live
        live.rate.setValue(0)  # nobody giving: the ticks below are the audience
        await live.go_live_now()
        console = await window.open_moderation()
        await asyncio.sleep(0.2)

        none_before = sys.getrefcount(None)
        started = time.perf_counter()
        next_id, total = 1, 0
        for tick in range(args.ticks):
            rows = []
            for _ in range(ROWS_PER_TICK):
                amount = 100 + next_id % 5000
                total += amount
                rows.append(StoredDonation(
                    next_id, campaign.id, f"x{next_id}", time.time_ns() // 1000,
                    f"Donor {next_id % 300}", next_id % 7 == 0, amount, "EUR",
                    None if next_id % 3 else "Bravo !", None if next_id % 3 else "visible",
                    "completed", "audience", False, f"donor {next_id % 300}",
                ))  # fmt: skip
                next_id += 1
            stats = CampaignStats(total, next_id - 1, 0, min(300, next_id - 1))
            controller = live.controller
            seq = controller.seq + 1
            second = time.time_ns() // 1_000_000_000
            # What the change feed delivers for one committed batch.
            delivery = CampaignChanges(
                campaign.id,
                seq,
                seq,
                [],
                controller.campaign,
                stats,
                new_donations=rows,
                new_donation_count=len(rows),
                new_per_second={second: len(rows)},
            )
            controller._on_feed_changes(delivery)
            controller._flush.flush()
            live.stage.repaint()
            controller._on_clock_timeout()
            live.sparkline.repaint()
            if tick % 50 == 0:
                await asyncio.sleep(0.001)  # Qt's events: the console's refresh, the clock
        elapsed = time.perf_counter() - started
        none_after = sys.getrefcount(None)
        figures = {
            "python": sys.version.split()[0],
            "pyside6": __import__("PySide6").__version__,
            "ticks": args.ticks,
            "ui_updates": args.ticks * UPDATES_PER_TICK,
            "feed_rows": live.feed_model.rowCount(),
            "total_shown": live.total.text(),
            "console_open": console.isVisible(),
            "none_refcount_before": none_before,
            "none_refcount_after": none_after,
            "elapsed_s": round(elapsed, 2),
        }
        window.shutdown_now()
        window.close()
        return figures

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        figures = loop.run_until_complete(run())
    print(json.dumps(figures), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
