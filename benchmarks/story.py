"""Story rendering and opening a large shared Story. Prints one JSON object.

1. Render one 1080×1920 frame (gradient, sticker, caption, amount, header and footer): the
   median of N renders, against a baseline measured in the same run: allocating and filling a
   blank 1080×1920 QImage. Also the same frame over a photo background. Target: under 30 ms.
2. Open a shared Story of 10,000 frames as the player does: the listing from the database
   (on the database thread), the player widget built, the first frame loaded and rendered at
   the player's size. Against the same with an empty Story. Target: under 200 ms. The first
   open after the donations arrive also folds them into the per-donor totals (`cold`);
   `warm` is every later open.

The 10,000 donations go through the app's ingestion pipeline; the 10,000 frames are inserted
in one statement (sharing them one by one through the service would time the set-up, not the
opening).

    python benchmarks/story.py [--frames 10000] [--repeat 30]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from _app import run_in_app


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def render_figures(repeat: int) -> dict[str, Any]:
    from PySide6.QtCore import QSize, Qt
    from PySide6.QtGui import QImage

    from livegiving_desktop.core.story import BackgroundKind, StoryDesign
    from livegiving_desktop.ui.story.render import FrameTexts, render_frame
    from livegiving_desktop.ui.story.sticker import StickerLook

    look = StickerLook("I donated", "Croix-Rouge française", "#6D28D9", "#F59E0B")
    texts = FrameTexts("Camille Dubois", "2 min ago", "Gave €25.00", "Croix-Rouge française",
                       "€12,480.00 raised", "Give now")  # fmt: skip
    design = StoryDesign(caption="Running for those who can't. Join me!", show_amount=True)
    photo = QImage(1080, 1440, QImage.Format.Format_RGB32)
    photo.fill(Qt.GlobalColor.darkCyan)
    with_photo = design.with_changes(background=BackgroundKind.IMAGE)
    size = QSize(1080, 1920)

    def timed(make: Any) -> float:
        make()  # warm-up: fonts and glyph caches
        samples = []
        for _ in range(repeat):
            started = time.perf_counter()
            make()
            samples.append(time.perf_counter() - started)
        return statistics.median(samples)

    def blank() -> QImage:
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.black)
        return image

    baseline = timed(blank)
    frame = timed(lambda: render_frame(design, look, texts))
    photo_frame = timed(lambda: render_frame(with_photo, look, texts, photo))
    return {
        "render_repeat": repeat,
        "blank_1080x1920_fill_ms": _ms(baseline),
        "render_frame_ms": _ms(frame),
        "render_frame_photo_background_ms": _ms(photo_frame),
        "render_vs_blank_fill": round(frame / baseline, 1),
        "target_render_ms": 30,
    }


def seed(path: Path, frames: int) -> int:
    from sqlalchemy import insert

    from livegiving_desktop.core.donations import DonationDraft
    from livegiving_desktop.core.story import StoryDesign
    from livegiving_desktop.core.text import donor_key
    from livegiving_desktop.db.models import story_frames
    from livegiving_desktop.services.ingest import IngestionPipeline
    from livegiving_desktop.services.ledger import LedgerService

    service = LedgerService.open(str(path))
    campaign = service.create_fundraiser(title="Benchmark", organization_id="croix-rouge-francaise",
                                         goal="100000", currency="EUR")  # fmt: skip
    if frames:
        pipeline = IngestionPipeline(service.store, campaign, want_rows=False, donor_stats=False)
        names = [f"Donor {n:05d}" for n in range(frames)]
        pipeline.submit_many([DonationDraft(f"b-{n}", name, 500) for n, name in enumerate(names)])
        pipeline.close()
        design = StoryDesign(caption="Join me!").to_json()
        now = time.time_ns() // 1000
        rows = [
            {"campaign_id": campaign.id, "donor_key": donor_key(name), "donor_name": name,
             "shared_at_us": now + n, "design": design, "background_image": None}
            for n, name in enumerate(names)
        ]  # fmt: skip
        with service.db.writer.begin() as conn:
            conn.execute(insert(story_frames), rows)
    service.close()
    return campaign.id


async def open_story(db: str, campaign_id: int) -> tuple[float, int]:
    """Seconds from the click to the first frame rendered in the player, and the frame count."""
    from PySide6.QtCore import QSize

    from livegiving_desktop.services.ledger import LedgerService
    from livegiving_desktop.services.stories import StoryService
    from livegiving_desktop.ui.common.runner import DbRunner
    from livegiving_desktop.ui.story.player import SharedStoryPlayer

    runner = DbRunner()
    service = await runner.call(LedgerService.open, db)
    stories = StoryService(service)
    await runner.call(service.campaign, campaign_id)  # the connection is open, as in the app
    started = time.perf_counter()
    story = await runner.call(stories.open_shared_story, campaign_id)
    player = SharedStoryPlayer(runner, stories, story, "en")
    player.show()
    frame_id = player.current_frame_id()
    while frame_id is not None and not player.is_loaded(frame_id):
        await asyncio.sleep(0.001)
    player.current_image(QSize(360, 640))
    elapsed = time.perf_counter() - started
    count = player.frame_count()
    player.close()
    player.deleteLater()
    await runner.call(service.close)
    runner.shutdown()
    return elapsed, count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--frames", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()

    async def measure(folder: Path) -> dict[str, Any]:
        from PySide6.QtWidgets import QApplication

        QApplication.setQuitOnLastWindowClosed(False)  # the player closes between runs
        figures = render_figures(args.repeat)
        big, empty = folder / "big.db", folder / "empty.db"
        big_id, empty_id = seed(big, args.frames), seed(empty, 0)
        cold, count = await open_story(str(big), big_id)
        warm = [(await open_story(str(big), big_id))[0] for _ in range(5)]
        base = [(await open_story(str(empty), empty_id))[0] for _ in range(5)]
        figures.update({
            "frames": count,
            "open_shared_story_cold_ms": _ms(cold),
            "open_shared_story_warm_ms": _ms(statistics.median(warm)),
            "open_empty_story_ms": _ms(statistics.median(base)),
            "target_open_ms": 200,
        })  # fmt: skip
        return figures

    figures = run_in_app(measure)
    figures.update({"python": sys.version.split()[0], "cpus": os.cpu_count()})
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
