"""A marathon: the main window live for MINUTES at RATE donations per second, the moderation
console and the shared Story player open, the creator thanking and a moderator deciding every
few seconds. Every 10 s it samples resident memory, the Python object count, the feed's row
count and the lateness of a 5 ms heartbeat timer over those 10 s.

Prints one JSON object: every sample, the memory growth from minute 1 to the end, the
heartbeat p99 of the last sample against the first, and the targets (no crash; at most 20 MB
of growth from minute 1 to the end; last p99 at most 1.5x the first).

    python benchmarks/soak.py [--minutes 10] [--rate 500]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import itertools
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from _app import run_in_app

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HEARTBEAT_MS = 5
SAMPLE_S = 10.0
THANK_EVERY_S = 3.0
MODERATE_EVERY_S = 5.0
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * PAGE_SIZE / 1e6


def worker_rss_mb(pid: int | None) -> float | None:
    """The resident memory of the audience's worker process (issue 19), None without one."""
    if pid is None:
        return None
    try:
        with open(f"/proc/{pid}/statm") as fh:
            return int(fh.read().split()[1]) * PAGE_SIZE / 1e6
    except OSError:
        return None


def rss_parts_mb() -> dict[str, float]:
    """Resident memory by kind: anonymous (the heap: Python, Qt, SQLite's caches) and file
    backed (mapped libraries and files), from /proc/self/status."""
    parts = {}
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(("RssAnon:", "RssFile:", "RssShmem:")):
                name, value = line.split(":")
                parts[name.lower().replace("rss", "rss_") + "_mb"] = int(value.split()[0]) / 1000
    return parts


def _worker_pid(live: Any) -> int | None:
    session = live.controller.session
    return None if session is None else session.worker.pid


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def marathon(minutes: float, rate: int, folder: Path) -> dict[str, Any]:
    from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
    from PySide6.QtWidgets import QAbstractItemView, QPushButton

    from livegiving_desktop.core.audience import AudienceProfile
    from livegiving_desktop.services.ledger import LedgerService
    from livegiving_desktop.ui.main_window import MainWindow, app_settings

    db = str(folder / "soak.db")
    os.environ["LIVEGIVING_DATA_DIR"] = str(folder / "data")
    settings = app_settings()
    settings.setValue("moderation/displayName", "Sam")
    settings.setValue("moderation/role", "moderator")
    settings.sync()
    setup = LedgerService.open(db)
    campaign = setup.create_fundraiser(
        title="Marathon", organization_id="croix-rouge-francaise", goal="100000000",
        currency="EUR",
    )  # fmt: skip
    setup.close()

    window = MainWindow(db_url=db, language="en")
    window.resize(1440, 900)
    window.show()
    while not window.is_ready():
        await asyncio.sleep(0.02)
    await window.show_live(campaign.id)
    live = window.live
    live.controller.audience_profile = AudienceProfile(bursts=False)  # a steady rate: the asked one
    live.rate.setValue(rate)
    await live.go_live_now()
    console = await window.open_moderation()
    player = await live.stickers.open_player()

    ticks: list[float] = []
    heartbeat = QTimer()
    heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
    heartbeat.setInterval(HEARTBEAT_MS)
    heartbeat.timeout.connect(lambda: ticks.append(time.perf_counter()))
    heartbeat.start()

    table = console.findChild(QAbstractItemView, "moderationTable")
    hide = console.findChild(QPushButton, "hideMessage")
    approve = console.findChild(QPushButton, "approveMessage")
    thank = live.findChild(QPushButton, "thankDonor")
    assert table is not None and hide is not None and approve is not None and thank is not None

    def thank_newest() -> None:
        if live.feed_model.rowCount():
            live.select_feed_row(0)
            if thank.isEnabled():
                thank.click()

    def moderate(n: int) -> None:
        model = table.model()
        if model is None or model.rowCount() == 0:
            return
        table.selectionModel().setCurrentIndex(
            model.index(n % min(20, model.rowCount()), 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        for button in (hide, approve):
            if button.isEnabled():
                button.click()
                return

    samples: list[dict[str, Any]] = []
    started = time.perf_counter()
    next_sample, next_thank, next_moderation, actions = SAMPLE_S, THANK_EVERY_S, MODERATE_EVERY_S, 0
    end = minutes * 60
    while (now := time.perf_counter() - started) < end:
        await asyncio.sleep(0.05)
        if now >= next_thank:
            thank_newest()
            next_thank += THANK_EVERY_S
            actions += 1
        if now >= next_moderation:
            moderate(actions)
            next_moderation += MODERATE_EVERY_S
            actions += 1
        if now >= next_sample:
            window_ticks, ticks[:] = list(ticks), ticks[-1:]
            lateness = [
                max(0.0, (b - a) * 1000 - HEARTBEAT_MS) for a, b in itertools.pairwise(window_ticks)
            ]
            samples.append({
                "at_s": round(now, 1),
                "rss_mb": round(rss_mb(), 1),
                **{k: round(v, 1) for k, v in rss_parts_mb().items()},
                "worker_rss_mb": _round(worker_rss_mb(_worker_pid(live))),
                "python_objects": len(gc.get_objects()),
                "feed_rows": live.feed_model.rowCount(),
                "donations_shown": live.stats.donation_count,
                "lateness_p50_ms": round(percentile(lateness, 0.5), 2),
                "lateness_p99_ms": round(percentile(lateness, 0.99), 2),
                "lateness_max_ms": round(max(lateness, default=0.0), 2),
                "player_open": player.isVisible(),
                "console_open": console.isVisible(),
            })  # fmt: skip
            print(json.dumps(samples[-1]), file=sys.stderr, flush=True)
            next_sample += SAMPLE_S
    heartbeat.stop()
    live.pause.setChecked(True)
    await live.close_campaign()
    service = window.service
    assert service is not None
    stored = service.campaign(campaign.id)
    window.shutdown_now()
    window.close()

    after_minute = [s for s in samples if s["at_s"] >= 60] or samples
    growth = samples[-1]["rss_mb"] - after_minute[0]["rss_mb"] if samples else 0.0
    first_p99 = samples[0]["lateness_p99_ms"] if samples else 0.0
    last_p99 = samples[-1]["lateness_p99_ms"] if samples else 0.0
    ratio = last_p99 / first_p99 if first_p99 else None
    return {
        "minutes": minutes,
        "rate_asked": rate,
        "donations_stored": stored.donation_count,
        "donations_shown": live.stats.donation_count,
        "creator_and_moderator_actions": actions,
        "samples": samples,
        "rss_growth_mb_from_minute_1": round(growth, 1),
        "python_objects_growth_from_minute_1": (
            samples[-1]["python_objects"] - after_minute[0]["python_objects"] if samples else 0
        ),
        "lateness_p99_first_ms": first_p99,
        "lateness_p99_last_ms": last_p99,
        "lateness_p99_last_over_first": None if ratio is None else round(ratio, 2),
        "targets": {"rss_growth_mb_from_minute_1": 20, "lateness_p99_last_over_first": 1.5},
        "met": {
            "rss_growth": growth <= 20,
            "lateness": ratio is not None and ratio <= 1.5,
            "alive": True,
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--rate", type=int, default=500)
    args = parser.parse_args()
    print(
        json.dumps(run_in_app(lambda folder: marathon(args.minutes, args.rate, folder)), indent=2)
    )


if __name__ == "__main__":
    main()
