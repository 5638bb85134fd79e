"""Regenerates docs/screenshots/overlay-*.png: each OBS overlay rendered by Chromium (Debian's,
through the system chromedriver), with a transparent background, over a sample scene.

    python docs/make_overlay_screenshots.py

Works on a throwaway ledger: a fundraiser with a few donations (one held, one anonymous) and a
shared Story frame, a paid event with tickets sold and people admitted. The scene (a 1080p
stream: a gradient set, the host's camera, a LIVE badge) is painted with Qt; each overlay is
captured by Chromium at its browser-source size and laid over it where a streamer would put it.
"""

from __future__ import annotations

import base64
import os
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
OUT = Path(__file__).resolve().parent / "screenshots"
SCENE = (1920, 1080)
SHOT_SCALE = 2 / 3  # 1280 × 720 in the README

# Where each overlay sits on the 1080p scene (x, y of its browser source).
PLACES = {
    "alerts": (560, 180),
    "goal": (40, 30),
    "ticker": (0, 980),
    "top": (1360, 120),
    "story": (40, 250),
    "event": (1240, 40),
}


def paint_scene() -> object:
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import (
        QColor,
        QFont,
        QImage,
        QLinearGradient,
        QPainter,
        QPainterPath,
        QRadialGradient,
    )

    image = QImage(*SCENE, QImage.Format.Format_ARGB32_Premultiplied)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    sky = QLinearGradient(0, 0, SCENE[0], SCENE[1])
    sky.setColorAt(0, QColor("#2B1B4D"))
    sky.setColorAt(0.6, QColor("#182A5C"))
    sky.setColorAt(1, QColor("#0B1530"))
    p.fillRect(image.rect(), sky)
    for x, y, r, color in ((300, 200, 380, "#FF4F7B"), (1600, 800, 460, "#5B8CFF"),
                           (1100, 150, 300, "#FFB547")):  # fmt: skip
        glow = QRadialGradient(QPointF(x, y), r)
        c = QColor(color)
        c.setAlpha(70)
        glow.setColorAt(0, c)
        c.setAlpha(0)
        glow.setColorAt(1, c)
        p.setBrush(glow)
        p.setPen(Qt.PenStyle.NoPen)
        p.drawEllipse(QPointF(x, y), r, r)
    # The host: a silhouette at a desk, lit from the side.
    body = QPainterPath()
    body.moveTo(640, 1080)
    body.cubicTo(660, 760, 760, 700, 960, 690)
    body.cubicTo(1160, 700, 1260, 760, 1280, 1080)
    p.setBrush(QColor("#0F1226"))
    p.drawPath(body)
    p.setBrush(QColor("#161A35"))
    p.drawEllipse(QPointF(960, 560), 120, 140)
    p.setBrush(QColor("#1E2446"))
    p.drawRoundedRect(QRectF(520, 930, 880, 40), 12, 12)
    p.setBrush(QColor("#FF2E4D"))
    p.drawRoundedRect(QRectF(1760, 960, 120, 56), 14, 14)
    font = QFont("Noto Sans")
    font.setPixelSize(30)
    font.setBold(True)
    p.setFont(font)
    p.setPen(QColor("#FFFFFF"))
    p.drawText(QRectF(1760, 960, 120, 56), Qt.AlignmentFlag.AlignCenter, "LIVE")
    p.end()
    return image


def main() -> None:
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter

    from helpers.browser import quit_chromium, start_chromium, wait_for
    from livegiving_desktop.core.story import StoryDesign
    from livegiving_desktop.services.events import EventService
    from livegiving_desktop.services.ledger import LedgerService
    from livegiving_desktop.services.overlays import OverlayService
    from livegiving_desktop.services.stories import StoryService

    app = QGuiApplication.instance() or QGuiApplication(["livegiving"])
    OUT.mkdir(parents=True, exist_ok=True)
    scene = paint_scene()
    with tempfile.TemporaryDirectory() as folder:
        ledger = LedgerService.open(str(Path(folder) / "ledger.db"))
        campaign = ledger.create_fundraiser(title="Live charity marathon", goal="5000",
                                            organization_id="croix-rouge-francaise",
                                            currency="EUR")  # fmt: skip
        ledger.go_live(campaign.id)
        for name, amount, message in (
            ("Chloé Dubois", "120", "Bravo à toute l'équipe !"),
            ("Sam", "25", None),
            ("Aiko", "60", "Go go go! 💪"),
            ("Linker", "5", "cheap followers at www.spam.example"),
            ("Marc", "250", "For the 24 hours!"),
            ("Priya", "40", "Hello from Lyon"),
        ):
            ledger.record_donation(campaign.id, amount=amount, donor_name=name, message=message)
        ledger.record_donation(campaign.id, amount="80", donor_name="Shy", anonymous=True)
        ledger.record_donation(campaign.id, amount="2400", donor_name="Marc",
                               message="Matching every gift this hour")  # fmt: skip
        StoryService(ledger).share(campaign.id, "Chloé Dubois",
                                   StoryDesign(caption="Proud to give tonight ❤"))  # fmt: skip
        event = ledger.create_paid_event(title="Sushi class", category="cooking-class",
                                         price="18", currency="EUR", capacity="400")  # fmt: skip
        events = EventService(ledger)
        codes = [events.buy_ticket(event.id, f"Buyer {i}").sold[0].code for i in range(312)]
        ledger.go_live(event.id)
        for code in codes[:248]:
            events.admit(event.id, code)
        overlays = OverlayService(ledger)
        for campaign_id in (campaign.id, event.id):
            settings = overlays.setup(campaign_id).settings
            overlays.save_settings(campaign_id, replace(settings, alert_ms=60_000))
        overlays.start_server(port=0)
        links = {(link.kind.value): link for link in overlays.links(campaign.id)}
        event_link = next(link for link in overlays.links(event.id) if link.kind.value == "event")
        driver = start_chromium(800, 600)
        try:
            driver.execute_cdp_cmd("Emulation.setDefaultBackgroundColorOverride",
                                   {"color": {"r": 0, "g": 0, "b": 0, "a": 0}})  # fmt: skip
            for kind, link in {**links, "event": event_link}.items():
                driver.set_window_size(link.width, link.height)
                driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                    "width": link.width, "height": link.height, "deviceScaleFactor": 1,
                    "mobile": False})  # fmt: skip
                driver.get(link.url)
                wait_for(lambda: driver.execute_script("return document.body.dataset.connected")
                         == "true", what=kind)  # fmt: skip
                if kind == "alerts":
                    ledger.record_donation(campaign.id, amount="75", donor_name="Zoé",
                                           message="Keep going, you're amazing!")  # fmt: skip
                    wait_for(lambda: driver.execute_script(
                        "return document.getElementById('alert-name').textContent") == "Zoé",
                        what="the alert")  # fmt: skip
                if kind == "story":
                    StoryService(ledger).share(campaign.id, "Aiko", StoryDesign(
                        caption="First time giving on a stream!", show_amount=True))  # fmt: skip
                    wait_for(
                        lambda: driver.execute_script(
                            "return !document.getElementById('story').hidden"
                        ),
                        what="the Story",
                    )
                time.sleep(0.8)  # entrance animations
                shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})
                overlay = QImage.fromData(base64.b64decode(shot["data"]))
                composed = QImage(scene)  # type: ignore[call-overload]
                painter = QPainter(composed)
                painter.drawImage(QPoint(*PLACES[kind]), overlay)
                painter.end()
                small = composed.scaled(int(SCENE[0] * SHOT_SCALE), int(SCENE[1] * SHOT_SCALE),
                                        Qt.AspectRatioMode.KeepAspectRatio,
                                        Qt.TransformationMode.SmoothTransformation)  # fmt: skip
                small.save(str(OUT / f"overlay-{kind}.png"))
                print(f"wrote overlay-{kind}.png")
        finally:
            quit_chromium(driver)
            overlays.close()
            ledger.close()
    del app


if __name__ == "__main__":
    main()
