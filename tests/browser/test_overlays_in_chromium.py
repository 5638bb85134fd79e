"""The OBS overlays in a real browser: what a viewer of the stream would see."""

from __future__ import annotations

import time
from typing import Any

from selenium.webdriver.common.by import By

from helpers.browser import new_window, shown_alerts, texts, wait_for
from livegiving_desktop.core.records import Actor, ActorRole
from livegiving_desktop.services.moderation import ModerationService

from .conftest import OverlayBench

SAM = Actor("Sam", ActorRole.MODERATOR)


def _open(browser: Any, url: str) -> None:
    browser.get(url)
    wait_for(lambda: browser.execute_script("return document.body.dataset.connected") == "true",
             what="the page to connect")  # fmt: skip


def _text(browser: Any, element_id: str) -> str:
    return str(browser.execute_script(
        "var e = document.getElementById(arguments[0]); return e ? e.textContent : '';",
        element_id))  # fmt: skip


def _ticker(browser: Any) -> list[str]:
    return list(
        browser.execute_script(
            "return Array.from(document.querySelectorAll('#ticker li')).map(li => li.textContent)"
        )
    )


def _donate(bench: OverlayBench, name: str, amount: str = "5", message: str | None = None) -> int:
    outcome = bench.ledger.record_donation(bench.campaign_id, amount=amount, donor_name=name,
                                           message=message)  # fmt: skip
    assert outcome.donation is not None
    return outcome.donation.id


def test_a_donation_through_the_pipeline_shows_in_the_alert_box_and_the_ticker(
    browser: Any, bench: OverlayBench
) -> None:
    _open(browser, bench.url("ticker"))
    _donate(bench, "Chloé Dubois", "12.50", "Bravo à toute l'équipe !")
    wait_for(lambda: _ticker(browser), what="the ticker to show the donation")
    assert _ticker(browser) == ["Chloé Dubois€12.50Bravo à toute l'équipe !"]
    _open(browser, bench.url("alerts"))
    donation_id = _donate(bench, "Zoé", "60", "Allez !")
    wait_for(lambda: "Zoé" in _text(browser, "alert"), what="the alert")
    assert _text(browser, "alert-name") == "Zoé"
    assert _text(browser, "alert-amount") == "€60.00"
    assert _text(browser, "alert-message") == "Allez !"
    # €60 is in the second tier: its size and colour.
    box = browser.find_element(By.ID, "alert")
    assert box.get_attribute("data-size") == "large"
    assert shown_alerts(browser) == [donation_id]
    _open(browser, bench.url("goal"))
    assert _text(browser, "goal-total") == "€72.50"


def test_held_and_hidden_messages_never_appear(browser: Any, bench: OverlayBench) -> None:
    held = "buy followers at www.spam.example"
    hidden = "the moderator hides this one"
    moderation = ModerationService(bench.ledger)
    _open(browser, bench.url("alerts"))
    bench.overlays.control(bench.campaign_id, "pause")  # the alerts wait in the queue
    wait_for(lambda: int(browser.execute_script("return document.body.dataset.seq || 0")) > 0,
             what="the pause to arrive")  # fmt: skip
    linker = _donate(bench, "Linker", "5", held)
    queued = _donate(bench, "Queued Quinn", "7", hidden)
    time.sleep(0.5)  # both in the page's queue now
    moderation.hide(bench.campaign_id, [queued], SAM)  # hidden after it was queued
    time.sleep(0.5)
    bench.overlays.control(bench.campaign_id, "resume")
    wait_for(lambda: shown_alerts(browser) == [linker, queued], timeout=10,
             what="both alerts, in order")  # fmt: skip
    wait_for(lambda: _text(browser, "alert-name") == "Queued Quinn", what="the second alert")
    assert _text(browser, "alert-message") == ""
    seen = " ".join(texts(browser))
    assert "Linker" in seen and "Queued Quinn" in seen
    assert held not in seen
    assert hidden not in seen

    # The ticker: the held message never shows; a message hidden once shown is pulled.
    _open(browser, bench.url("ticker"))
    _donate(bench, "Linker", "5", held)
    shown = "first shown, then hidden"
    later = _donate(bench, "Later", "9", shown)
    wait_for(lambda: any(shown in row for row in _ticker(browser)), what="the visible message")
    moderation.hide(bench.campaign_id, [later], SAM)
    wait_for(lambda: not any(shown in row for row in _ticker(browser)),
             what="the hidden message to leave the ticker")  # fmt: skip
    assert any(row.startswith("Later") for row in _ticker(browser))
    assert held not in " ".join(texts(browser))


def test_the_overlay_comes_back_after_a_restart_with_no_figure_lost_or_twice(
    browser: Any, bench: OverlayBench
) -> None:
    _open(browser, bench.url("alerts"))
    alerts_window = browser.current_window_handle
    new_window(browser)
    _open(browser, bench.url("ticker"))
    ticker_window = browser.current_window_handle
    first = _donate(bench, "Before", "5")
    browser.switch_to.window(alerts_window)
    wait_for(lambda: shown_alerts(browser) == [first], what="the first alert")
    missed: list[int] = []

    def while_away() -> None:
        for name in ("Away One", "Away Two", "Away Three"):
            missed.append(_donate(bench, name, "10"))
        time.sleep(1.0)  # the pages try, fail, back off

    bench.restart_server(between=while_away)
    after = _donate(bench, "After", "20")
    wait_for(lambda: shown_alerts(browser)[-1:] == [after], timeout=30,
             what="the alerts after the restart")  # fmt: skip
    assert shown_alerts(browser) == [first, *missed, after]
    browser.switch_to.window(ticker_window)
    wait_for(lambda: len(_ticker(browser)) == 5, what="the ticker to catch up")
    assert [row.split("€")[0] for row in _ticker(browser)] == [
        "After",
        "Away Three",
        "Away Two",
        "Away One",
        "Before",
    ]
    _open(browser, bench.url("goal"))
    assert _text(browser, "goal-total") == "€55.00"
    browser.close()
    browser.switch_to.window(alerts_window)


def test_a_name_made_of_html_shows_as_text(browser: Any, bench: OverlayBench) -> None:
    name = '<img src=x onerror="window.__xss=1">'
    _open(browser, bench.url("alerts"))
    _donate(bench, name, "5", "<b>bold?</b> <script>window.__xss=2</script>")
    wait_for(lambda: _text(browser, "alert-name") == name, what="the alert")
    assert _text(browser, "alert-message") == "<b>bold?</b> <script>window.__xss=2</script>"
    assert browser.find_elements(By.CSS_SELECTOR, "#stage img, #stage b, #stage script") == []
    assert browser.execute_script("return window.__xss") is None
    _open(browser, bench.url("ticker"))
    assert _ticker(browser)[0].startswith(name)
    assert browser.find_elements(By.CSS_SELECTOR, "#ticker img") == []


def test_a_wrong_token_is_refused(browser: Any, bench: OverlayBench) -> None:
    good = bench.url("alerts")
    token = good.split("/")[-2]
    bad = good.replace(token, token[::-1])
    browser.get(bad)
    assert "403" in browser.find_element(By.TAG_NAME, "body").text
    assert browser.find_elements(By.ID, "alert") == []
    status = browser.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "fetch(arguments[0]).then(r => done(r.status), () => done(-1));",
        bad.replace("/alerts", "/assets/overlay.js"),
    )
    assert status == 403
