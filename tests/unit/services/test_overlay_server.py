"""The overlay server over a real ledger: tokens, the assets folder, the Content-Security-Policy,
and the WebSocket protocol (snapshot with its seq, changes, resume, moderation gating)."""

from __future__ import annotations

import asyncio
import http.client
import json
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import aiohttp
import pytest

from helpers.ledger import fundraiser
from livegiving_desktop.core.records import Actor, ActorRole
from livegiving_desktop.services.ledger import LedgerService
from livegiving_desktop.services.moderation import ModerationService
from livegiving_desktop.services.overlays import OverlayServerError, OverlayService
from livegiving_desktop.services.overlays.server import CONTENT_SECURITY_POLICY

SAM = Actor("Sam", ActorRole.MODERATOR)


@pytest.fixture
def overlays(service: LedgerService) -> Iterator[tuple[OverlayService, int]]:
    campaign = fundraiser(service)
    overlay_service = OverlayService(service)
    overlay_service.start_server(port=0)
    try:
        yield overlay_service, campaign.id
    finally:
        overlay_service.close()


def _get(url: str, path: str | None = None) -> tuple[int, dict[str, str], bytes]:
    """GET with the path sent exactly as written (no client-side normalising of ../)."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        conn.request("GET", path if path is not None else parts.path)
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


def _links(service: OverlayService, campaign_id: int) -> dict[str, str]:
    return {link.kind.value: link.url for link in service.links(campaign_id)}


def test_a_page_is_served_with_its_content_security_policy(
    overlays: tuple[OverlayService, int],
) -> None:
    service, campaign_id = overlays
    status, headers, body = _get(_links(service, campaign_id)["alerts"])
    assert status == 200
    assert headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert "script-src 'self'" in CONTENT_SECURITY_POLICY
    assert "unsafe-inline" not in CONTENT_SECURITY_POLICY
    assert headers["Referrer-Policy"] == "no-referrer"
    assert b'data-overlay="alerts"' in body
    base = _links(service, campaign_id)["alerts"].rsplit("/", 1)[0]
    status, headers, script = _get(base + "/assets/overlay.js")
    assert status == 200 and headers["Content-Type"].startswith("text/javascript")
    assert b"textContent" in script and b"innerHTML" not in script
    assert headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY


def test_a_wrong_or_missing_token_gets_403(overlays: tuple[OverlayService, int]) -> None:
    service, campaign_id = overlays
    url = _links(service, campaign_id)["alerts"]
    token = url.split("/")[-2]
    wrong = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
    for path in (
        f"/overlay/{wrong}/alerts",
        f"/overlay/{wrong}/assets/overlay.js",
        f"/overlay/{wrong}/ws?kind=alerts",
        "/overlay/alerts",
        "/overlay//alerts",
        "/",
        "/assets/overlay.js",
        f"/overlay/{token.lower()}/alerts",
    ):
        status, headers, body = _get(url, path)
        assert status == 403, path
        assert b"alert" not in body.lower() or b"403" in body
        assert headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY


def test_no_path_leaves_the_assets_folder(overlays: tuple[OverlayService, int]) -> None:
    service, campaign_id = overlays
    url = _links(service, campaign_id)["alerts"]
    base = urlsplit(url).path.rsplit("/", 1)[0]
    for tail in (
        "../../../../pyproject.toml",
        "..%2f..%2f..%2fpyproject.toml",
        "%2e%2e/%2e%2e/overlays/alerts.html",
        "sounds/../../alerts.html",
        "/etc/passwd",
        "..\\..\\pyproject.toml",
        "overlay.js%00.png",
        "sounds",
    ):
        status, _headers, body = _get(url, f"{base}/assets/{tail}")
        assert status in (403, 404), tail
        assert b"[project]" not in body and b"root:" not in body and b"<html" not in body
    assert _get(url, f"{base}/assets/sounds/chime.wav")[0] == 200


def test_the_server_listens_on_loopback_unless_opened_to_the_lan(service: LedgerService) -> None:
    overlay_service = OverlayService(service)
    try:
        server = overlay_service.start_server(port=0)
        assert (server.host, server.lan) == ("127.0.0.1", False)
        lan = overlay_service.start_server(port=0, lan=True)
        assert lan is not server and lan.host == "0.0.0.0" and lan.lan
        taken = lan.port
        other = OverlayService(service)
        try:
            with pytest.raises(OverlayServerError, match=f"--port: {taken} is already in use"):
                other.start_server(port=taken, lan=True)
        finally:
            other.close()
    finally:
        overlay_service.close()


class _QtLikePolicy(asyncio.DefaultEventLoopPolicy):
    """What qasync.run installs on Python < 3.12: every new loop would be the Qt loop."""

    def new_event_loop(self) -> asyncio.AbstractEventLoop:
        raise RuntimeError("a Qt loop cannot run off the UI thread")


def test_the_server_starts_inside_an_app_whose_loop_is_qt(
    service: LedgerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    campaign = fundraiser(service)
    overlay_service = OverlayService(service)
    monkeypatch.setattr(asyncio.events, "_event_loop_policy", _QtLikePolicy())
    try:
        overlay_service.start_server(port=0)
        assert _get(_links(overlay_service, campaign.id)["goal"])[0] == 200
    finally:
        overlay_service.close()


# -- the WebSocket protocol ------------------------------------------------------------------


class Page:
    """A page's side of the protocol, driven from the test."""

    def __init__(self, url: str, hello: dict[str, Any] | None = None) -> None:
        self.url = (
            url.rsplit("/", 1)[0].replace("http://", "ws://")
            + "/ws?kind="
            + (url.rsplit("/", 1)[1])
        )
        self.hello = {"type": "hello", "epoch": None, "seq": None, "cursor": 0, "held": [],
                      **(hello or {})}  # fmt: skip

    async def messages(self, until: Any, timeout: float = 10.0) -> list[dict[str, Any]]:
        """Connect, say hello, collect messages until `until(messages)` is true."""
        got: list[dict[str, Any]] = []
        async with aiohttp.ClientSession() as session, session.ws_connect(self.url) as ws:
            await ws.send_str(json.dumps(self.hello))
            deadline = time.monotonic() + timeout
            while not until(got):
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"timed out; got {got}")
                msg = await ws.receive(timeout=left)
                if msg.type is not aiohttp.WSMsgType.TEXT:
                    raise AssertionError(f"closed: {msg}")
                got.append(json.loads(msg.data))
        return got


def _run(coro: Any) -> Any:
    return asyncio.run(coro)


def _has(kind: str, count: int = 1) -> Any:
    return lambda got: sum(1 for m in got if m["type"] == kind) >= count


def test_a_page_gets_a_snapshot_with_its_seq_then_the_changes(
    overlays: tuple[OverlayService, int],
) -> None:
    service, campaign_id = overlays
    ledger = service.ledger
    ledger.record_donation(campaign_id, amount="12.50", donor_name="Before")
    url = _links(service, campaign_id)["ticker"]
    first = _run(Page(url).messages(_has("ready")))
    snapshot = first[0]
    assert snapshot["type"] == "snapshot"
    assert [i["name"] for i in snapshot["ticker"]] == ["Before"]
    assert snapshot["figures"]["total"] == "€12.50"
    page = Page(url, {"epoch": snapshot["epoch"], "seq": snapshot["seq"]})

    async def donate_then_listen() -> list[dict[str, Any]]:
        task = asyncio.ensure_future(page.messages(lambda got: any(m.get("new") for m in got)))
        await asyncio.sleep(0.5)
        await asyncio.to_thread(ledger.record_donation, campaign_id, amount="5", donor_name="Ana")
        return await task

    got = _run(donate_then_listen())
    # Resumed from its seq: no snapshot again, the changes since (the top donors' catch-up
    # may come first), then ready.
    assert "snapshot" not in [m["type"] for m in got]
    change = next(m for m in got if m["type"] == "change" and m.get("new"))
    assert change["seq"] > snapshot["seq"] and change["epoch"] == snapshot["epoch"]
    assert [(i["name"], i["amount"]) for i in change["new"]] == [("Ana", "€5.00")]
    assert change["figures"]["total"] == "€17.50"
    time.sleep(1.5)  # the top donors follow within a second
    latest = _run(Page(url, {"epoch": snapshot["epoch"], "seq": snapshot["seq"]}).messages(
        _has("ready")))  # fmt: skip
    last_seq = max(m["seq"] for m in latest if m["type"] == "change")
    # Coming back with the last seq: nothing again.
    again = _run(Page(url, {"epoch": change["epoch"], "seq": last_seq}).messages(
        _has("ready")))  # fmt: skip
    assert [m["type"] for m in again] == ["ready"]
    # An older seq of the same server: exactly the changes after it, each once, in order.
    seqs = [m["seq"] for m in latest if m["type"] == "change"]
    assert seqs == sorted(set(seqs)) and seqs[0] > snapshot["seq"]
    assert [i["name"] for m in latest for i in m.get("new", [])] == ["Ana"]


def test_held_and_hidden_messages_never_reach_a_page(
    overlays: tuple[OverlayService, int],
) -> None:
    service, campaign_id = overlays
    ledger = service.ledger
    url = _links(service, campaign_id)["alerts"]
    snapshot = _run(Page(url).messages(_has("ready")))[0]
    page = Page(url, {"epoch": snapshot["epoch"], "seq": snapshot["seq"]})
    held_text = "see www.spam.example now"
    hidden_text = "a message the moderator hides"

    async def scenario() -> list[dict[str, Any]]:
        task = asyncio.ensure_future(page.messages(
            lambda got: any(m.get("updates") for m in got), timeout=15))  # fmt: skip
        await asyncio.sleep(0.5)
        await asyncio.to_thread(ledger.record_donation, campaign_id, amount="5",
                                donor_name="Linker", message=held_text)  # fmt: skip
        visible = await asyncio.to_thread(ledger.record_donation, campaign_id, amount="7",
                                          donor_name="Chloé", message=hidden_text)  # fmt: skip
        await asyncio.sleep(0.5)
        assert visible.donation is not None
        await asyncio.to_thread(ModerationService(ledger).hide, campaign_id,
                                [visible.donation.id], SAM)  # fmt: skip
        return await task

    got = _run(scenario())
    text = json.dumps(got, ensure_ascii=False)
    assert held_text not in text
    new = [i for m in got for i in m.get("new", [])]
    assert [(i["name"], i["message"]) for i in new] == [("Linker", None), ("Chloé", hidden_text)]
    # The hidden message is pulled: the update carries the donation without it.
    updates = [i for m in got for i in m.get("updates", [])]
    assert [(i["name"], i["message"], i["gone"]) for i in updates] == [("Chloé", None, False)]


def test_a_page_back_after_a_restart_gets_what_it_missed_once(
    service: LedgerService,
) -> None:
    campaign = fundraiser(service)
    first = OverlayService(service)
    first.start_server(port=0)
    url = _links(first, campaign.id)["alerts"]
    port = first.server.port if first.server else 0
    seen = service.record_donation(campaign.id, amount="5", donor_name="Seen").donation
    queued = service.record_donation(campaign.id, amount="6", donor_name="Queued",
                                     message="to be hidden").donation  # fmt: skip
    assert seen is not None and queued is not None
    snapshot = _run(Page(url).messages(_has("ready")))[0]
    assert snapshot["cursor"] == queued.id
    first.close()
    # While the server is away: two more donations, the queued one's message hidden, and a
    # refund of the one that was seen.
    missed = [service.record_donation(campaign.id, amount=str(10 + i), donor_name=f"Missed {i}")
              .donation for i in range(2)]  # fmt: skip
    ModerationService(service).hide(campaign.id, [queued.id], SAM)
    service.refund_donation(seen.id, "card used by mistake", SAM)
    second = OverlayService(service)
    second.start_server(port=port)
    try:
        back = Page(url, {"epoch": snapshot["epoch"], "seq": snapshot["seq"],
                          "cursor": queued.id, "held": [queued.id, seen.id]})  # fmt: skip
        got = _run(back.messages(_has("ready")))
    finally:
        second.close()
    resumed = got[0]
    assert resumed["type"] == "snapshot" and resumed["epoch"] != snapshot["epoch"]
    assert [a["name"] for a in resumed["alerts"]] == ["Missed 0", "Missed 1"]
    assert all(m is not None for m in missed)
    updates = {u["id"]: u for u in resumed["updates"]}
    assert updates[queued.id]["message"] is None and not updates[queued.id]["gone"]
    assert updates[seen.id]["gone"]
    assert resumed["cursor"] == max(m.id for m in missed if m is not None)


def test_the_controls_reach_the_pages_through_the_ledger(
    overlays: tuple[OverlayService, int],
) -> None:
    service, campaign_id = overlays
    url = _links(service, campaign_id)["alerts"]
    snapshot = _run(Page(url).messages(_has("ready")))[0]
    page = Page(url, {"epoch": snapshot["epoch"], "seq": snapshot["seq"]})
    # Another process (another seat) presses the buttons: only the ledger carries them.
    other = OverlayService(LedgerService.open(service.db.url.render_as_string(False)))

    async def press() -> list[dict[str, Any]]:
        task = asyncio.ensure_future(page.messages(
            lambda got: any(m.get("paused") for m in got) and any(m.get("skip") for m in got)
            and any(m.get("alerts") for m in got), timeout=15))  # fmt: skip
        await asyncio.sleep(0.5)
        for action in ("test", "skip", "pause"):
            await asyncio.to_thread(other.control, campaign_id, action)
        return await task

    try:
        got = _run(press())
    finally:
        other.close()
        other.ledger.close()
    tests = [a for m in got for a in m.get("alerts", [])]
    assert tests and tests[0]["test"] and tests[0]["name"] == "Test donor"


def test_a_new_token_retires_the_old_links(overlays: tuple[OverlayService, int]) -> None:
    service, campaign_id = overlays
    old = _links(service, campaign_id)["goal"]
    assert _get(old)[0] == 200
    service.new_token(campaign_id)
    new = _links(service, campaign_id)["goal"]
    assert new != old
    deadline = time.monotonic() + 5
    while _get(old)[0] != 403 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _get(old)[0] == 403
    assert _get(new)[0] == 200


def test_a_page_of_another_site_cannot_open_the_socket(
    overlays: tuple[OverlayService, int],
) -> None:
    service, campaign_id = overlays
    url = _links(service, campaign_id)["alerts"]
    ws_url = Page(url).url

    async def connect() -> int:
        async with aiohttp.ClientSession() as session:
            try:
                async with session.ws_connect(ws_url, origin="http://evil.example"):
                    return 101
            except aiohttp.WSServerHandshakeError as exc:
                return exc.status

    assert _run(connect()) == 403


def test_the_pages_connected_are_listed_with_when_they_were_last_seen(
    overlays: tuple[OverlayService, int],
) -> None:
    service, campaign_id = overlays
    url = _links(service, campaign_id)["ticker"]

    async def ping() -> list[dict[str, Any]]:
        got: list[dict[str, Any]] = []
        async with aiohttp.ClientSession() as session, session.ws_connect(Page(url).url) as ws:
            await ws.send_str(json.dumps(Page(url).hello))
            await ws.send_str('{"type":"ping"}')
            while not any(m["type"] == "pong" for m in got):
                got.append(json.loads((await ws.receive(timeout=5)).data))
            listed = service.connections(campaign_id)
            assert [(c.kind, c.connected) for c in listed] == [("ticker", True)]
            assert listed[0].last_seen_us >= listed[0].connected_at_us
        return got

    _run(ping())
    deadline = time.monotonic() + 5
    while service.connections(campaign_id)[0].connected and time.monotonic() < deadline:
        time.sleep(0.05)
    gone = service.connections(campaign_id)
    assert [(c.kind, c.connected) for c in gone] == [("ticker", False)]
