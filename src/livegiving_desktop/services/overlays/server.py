"""The overlay server: pages, assets and WebSockets for OBS browser sources.

aiohttp on a thread of its own with its own asyncio loop, so nothing it does runs on the UI
thread (the app) and it needs no Qt (`livegiving overlay serve`). It listens on 127.0.0.1
unless it is opened to the LAN. Its port is bound as it starts; aiohttp (~0.2 s of CPU and
~10 MB to import) is imported and set up on that socket when the first page connects, so a
seat that never streams through OBS never pays for it. Every path is under a campaign's token:

    /overlay/TOKEN/KIND          the page of an overlay (KIND: alerts, goal, ticker, top, story,
                                 event)
    /overlay/TOKEN/assets/NAME   its style sheet, script and sounds
    /overlay/TOKEN/ws?kind=KIND  its WebSocket (protocol: hub.py)

A wrong or missing token gets 403; only the files bundled in resources/overlays/ are served,
looked up by exact name (no path is ever joined, so none can leave the folder); every response
carries a Content-Security-Policy that lets a page run only its own script and connect only to
this server.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import logging
import socket
import threading
import time
from collections.abc import Awaitable, Callable, Collection
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from functools import partial
from importlib.resources.abc import Traversable
from typing import TYPE_CHECKING, Any, TypeVar

from livegiving_desktop.core.errors import LiveGivingError
from livegiving_desktop.core.overlay_names import DEFAULT_PORT
from livegiving_desktop.core.overlays import OverlayKind, looks_like_token
from livegiving_desktop.core.resources import resource
from livegiving_desktop.db.engine import Database
from livegiving_desktop.db.overlays import OverlayStore
from livegiving_desktop.services.overlays.hub import OverlayHub, PageHello, Resume
from livegiving_desktop.services.overlays.source import (
    FeedSource,
    OverlayChanges,
    OverlaySource,
)

if TYPE_CHECKING:  # imported when the first page connects (OverlayServer._serve)
    from aiohttp import web

log = logging.getLogger("livegiving.overlays")

LOOPBACK = "127.0.0.1"
ALL_INTERFACES = "0.0.0.0"
HELLO_TIMEOUT_S = 10.0
BACKLOG = 64  # connections waiting to be accepted (OBS opens a few sources at once)
PAGE_QUEUE = 2000  # messages waiting for a slow page; beyond, it is dropped and comes back
KEEP_GONE_S = 600  # a page that left is listed (last seen) this long
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "media-src 'self'; font-src 'self'; connect-src 'self'; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",  # the token is in the URL
    "Cache-Control": "no-store",
    "Cross-Origin-Resource-Policy": "same-origin",
}
_CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".wav": "audio/wav",
    ".png": "image/png",
    ".svg": "image/svg+xml",
}

T = TypeVar("T")


class OverlayServerError(LiveGivingError):
    """The server cannot start (the port is taken, the address cannot be used)."""


@dataclass(frozen=True, slots=True)
class OverlayConnection:
    """One overlay page connected to this server (or that was, recently)."""

    id: int
    campaign_id: int
    kind: str
    remote: str
    client: str
    connected_at_us: int
    last_seen_us: int
    connected: bool


class OverlayAssets:
    """The pages and assets bundled in resources/overlays/, read once, served by exact name."""

    def __init__(self, root: Traversable | None = None) -> None:
        root = root or resource("overlays")
        self.pages: dict[OverlayKind, bytes] = {}
        self.files: dict[str, tuple[bytes, str]] = {}
        for kind in OverlayKind:
            self.pages[kind] = (root / f"{kind.value}.html").read_bytes()
        self._walk(root / "assets", "")

    def _walk(self, folder: Traversable, prefix: str) -> None:
        for entry in folder.iterdir():
            name = f"{prefix}{entry.name}"
            if entry.is_dir():
                self._walk(entry, f"{name}/")
                continue
            suffix = name[name.rfind(".") :] if "." in name else ""
            if suffix in _CONTENT_TYPES:
                self.files[name] = (entry.read_bytes(), _CONTENT_TYPES[suffix])


class _Page:
    """One connected page, on the loop thread: its messages go out in order through a queue
    and a task of its own, so a slow page never holds up the others."""

    def __init__(self, ws: web.WebSocketResponse, info: OverlayConnection) -> None:
        self.ws = ws
        self.info = info
        self.ready = False
        self.pending: list[tuple[int, str]] = []
        self.queue: asyncio.Queue[str] = asyncio.Queue(PAGE_QUEUE)
        self.task: asyncio.Task[None] | None = None

    def start(self, first: list[str]) -> None:
        for text in first:
            self.queue.put_nowait(text)
        self.ready = True
        self.task = asyncio.get_running_loop().create_task(self._send_all())

    def send(self, seq: int, text: str) -> bool:
        """Queue a message; False when the page is too far behind (it is then dropped)."""
        if not self.ready:
            self.pending.append((seq, text))
            return True
        try:
            self.queue.put_nowait(text)
        except asyncio.QueueFull:
            return False
        return True

    async def _send_all(self) -> None:
        with contextlib.suppress(ConnectionError, RuntimeError):
            while not self.ws.closed:
                await self.ws.send_str(await self.queue.get())


class OverlayServer:
    """The overlay server (see the module doc). `start()` returns once it listens."""

    def __init__(
        self,
        db: Database,
        *,
        host: str = LOOPBACK,
        port: int = DEFAULT_PORT,
        campaigns: Collection[int] | None = None,
        source: OverlaySource | None = None,
        assets: OverlayAssets | None = None,
    ) -> None:
        self.db = db
        self.host = host
        self.requested_port = port
        self.port = port
        self.campaigns = None if campaigns is None else frozenset(campaigns)
        self.store = OverlayStore(db)
        self.source: OverlaySource = source or FeedSource(db, store=self.store)
        self.assets = assets or OverlayAssets()
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._started = threading.Event()
        self._start_error: BaseException | None = None
        self._stop_event: asyncio.Event | None = None
        self._executor = ThreadPoolExecutor(max_workers=2, thread_name_prefix="livegiving-overlay")
        self._hubs: dict[int, OverlayHub] = {}
        self._hub_tasks: dict[int, asyncio.Future[OverlayHub]] = {}
        self._tokens: dict[str, int] = {}
        self._pages: dict[int, set[_Page]] = {}
        self._connections: dict[int, OverlayConnection] = {}
        self._connections_lock = threading.Lock()
        self._ids = itertools.count(1)
        self._socket: socket.socket | None = None  # bound by _listen, served by aiohttp
        self._serving: asyncio.Task[None] | None = None
        self._runner: web.AppRunner | None = None
        self._closing: set[asyncio.Future[bool]] = set()

    # -- life cycle (any thread) ------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive() and self._start_error is None

    @property
    def lan(self) -> bool:
        return self.host not in (LOOPBACK, "localhost", "::1")

    def start(self, timeout: float = 15.0) -> None:
        """Listen (on a thread of its own); raises OverlayServerError when it cannot."""
        if self._thread is not None:
            return
        self._thread = threading.Thread(
            target=self._main, name="livegiving-overlay-server", daemon=True
        )
        self._thread.start()
        if not self._started.wait(timeout):
            raise OverlayServerError("the overlay server did not start in time")
        if self._start_error is not None:
            self._thread.join(timeout=5)
            self._thread = None
            error = self._start_error
            self._start_error = None
            self._started.clear()
            if isinstance(error, OverlayServerError):
                raise error
            raise OverlayServerError(f"the overlay server cannot start: {error}")

    def stop(self, timeout: float = 10.0) -> None:
        """Close every page and stop listening; returns once stopped."""
        thread, loop, stop = self._thread, self._loop, self._stop_event
        if thread is None:
            return
        if loop is not None and stop is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(stop.set)
        thread.join(timeout)
        self._thread = None
        self._started.clear()
        self.source.close()
        self._executor.shutdown(wait=False, cancel_futures=True)

    def wake(self) -> None:
        """This process committed something: look at the ledger now (latency only)."""
        self.source.wake()

    def connections(self) -> list[OverlayConnection]:
        """The pages connected now and those seen in the last 10 minutes, newest first."""
        now = time.time_ns() // 1000
        with self._connections_lock:
            for key, c in list(self._connections.items()):
                if not c.connected and now - c.last_seen_us > KEEP_GONE_S * 1_000_000:
                    del self._connections[key]
            found = list(self._connections.values())
        return sorted(found, key=lambda c: (not c.connected, -c.connected_at_us))

    def url(self, token: str, kind: OverlayKind, host: str | None = None) -> str:
        return overlay_url(host or url_host(self.host), self.port, token, kind)

    # -- the loop thread --------------------------------------------------------------------

    def _main(self) -> None:
        # A plain asyncio loop of its own: the app's policy (qasync.run on Python < 3.12)
        # would make a Qt loop, which cannot run off the UI thread.
        loop = asyncio.DefaultEventLoopPolicy().new_event_loop()
        self._loop = loop
        try:
            try:
                loop.run_until_complete(self._listen())
            except BaseException as exc:  # reported to start()'s caller
                self._start_error = exc
                self._started.set()
                return
            self._started.set()
            assert self._stop_event is not None
            loop.run_until_complete(self._stop_event.wait())
            loop.run_until_complete(self._close())
        finally:
            with contextlib.suppress(Exception):
                loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

    async def _listen(self) -> None:
        """Bind the port (a refusal is start()'s error); aiohttp comes with the first page."""
        self._stop_event = asyncio.Event()
        self._serving, self._runner = None, None
        try:
            sock = _bind(self.host, self.requested_port)
        except OSError as exc:
            reason = (
                "is already in use"
                if exc.errno in (98, 48, 10048)
                else f"cannot be used ({exc.strerror})"
            )
            raise OverlayServerError(f"--port: {self.requested_port} {reason}") from None
        self._socket = sock
        self.port = int(sock.getsockname()[1])
        asyncio.get_running_loop().add_reader(sock.fileno(), self._on_first_connection)
        log.info("overlay server listening on %s:%s", self.host, self.port)

    def _on_first_connection(self) -> None:
        """A page knocks (its connection waits in the socket's queue): serve it with aiohttp."""
        assert self._socket is not None
        loop = asyncio.get_running_loop()
        loop.remove_reader(self._socket.fileno())
        if self._serving is None:
            self._serving = loop.create_task(self._serve(self._socket))

    async def _serve(self, sock: socket.socket) -> None:
        """aiohttp's application on the bound socket; it accepts the waiting connection."""
        from aiohttp import web

        try:
            app = web.Application(
                middlewares=[web.middleware(_security_headers)], client_max_size=64 * 1024
            )
            app.router.add_get("/overlay/{token}/ws", self._websocket)
            app.router.add_get("/overlay/{token}/assets/{name:.+}", self._asset)
            app.router.add_get("/overlay/{token}/{kind}", self._page)
            # Anything else names no overlay of a campaign: a missing token.
            app.router.add_route("*", "/{tail:.*}", _forbidden)
            runner = web.AppRunner(app, access_log=None, handle_signals=False)
            await runner.setup()
            self._runner = runner
            await web.SockSite(runner, sock, backlog=BACKLOG).start()
        except Exception:  # pages cannot be served: said in the log, the port closed
            log.exception("the overlay server cannot serve pages")
            sock.close()

    async def _close(self) -> None:
        if self._serving is not None:
            with contextlib.suppress(Exception):
                await self._serving
        for pages in list(self._pages.values()):
            for page in list(pages):
                with contextlib.suppress(Exception):
                    await page.ws.close(code=1001, message=b"server stopping")
        if self._runner is not None:
            await self._runner.cleanup()
        if self._socket is not None:
            with contextlib.suppress(ValueError, OSError):  # never served: still watched
                asyncio.get_running_loop().remove_reader(self._socket.fileno())
            self._socket.close()
        for campaign_id in list(self._hubs):
            self.source.unfollow(campaign_id)

    async def _off_loop(self, fn: Callable[..., T], *args: Any) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, partial(fn, *args))

    # -- tokens and hubs --------------------------------------------------------------------

    async def _campaign_of(self, request: web.Request) -> int:
        from aiohttp import web

        token = request.match_info.get("token", "")
        if not looks_like_token(token):
            raise web.HTTPForbidden(text="403: this overlay link is not valid")
        # A token is taken from the cache only while its campaign's hub (which follows the
        # overlay row) still has it; otherwise the ledger says (a new token retires the old).
        cached = self._tokens.get(token)
        hub = self._hubs.get(cached) if cached is not None else None
        if cached is not None and hub is not None and hub.token == token:
            return cached
        self._tokens.pop(token, None)
        found = await self._off_loop(self.store.campaign_for_token, token)
        if found is None or (self.campaigns is not None and found not in self.campaigns):
            raise web.HTTPForbidden(text="403: this overlay link is not valid")
        self._tokens[token] = found
        return found

    async def _hub(self, campaign_id: int) -> OverlayHub:
        hub = self._hubs.get(campaign_id)
        if hub is not None:
            return hub
        task = self._hub_tasks.get(campaign_id)
        if task is None:
            task = asyncio.ensure_future(self._open_hub(campaign_id))
            self._hub_tasks[campaign_id] = task
            task.add_done_callback(lambda _t: self._hub_tasks.pop(campaign_id, None))
        return await asyncio.shield(task)

    async def _open_hub(self, campaign_id: int) -> OverlayHub:
        snapshot = await self._off_loop(self.source.snapshot, campaign_id)
        hub = OverlayHub(snapshot)
        self._hubs[campaign_id] = hub
        loop = asyncio.get_running_loop()

        def on_changes(changes: OverlayChanges) -> None:  # on the source's thread
            with contextlib.suppress(RuntimeError):  # the loop closed: the server stopped
                loop.call_soon_threadsafe(self._apply, campaign_id, changes)

        self.source.follow(snapshot, on_changes)
        return hub

    def _apply(self, campaign_id: int, changes: OverlayChanges) -> None:
        hub = self._hubs.get(campaign_id)
        if hub is None:
            return
        token = hub.token
        text = hub.apply(changes)
        if hub.token != token:  # a new token: the old links stop working now
            self._tokens = {t: c for t, c in self._tokens.items() if c != campaign_id}
            for page in list(self._pages.get(campaign_id, ())):
                self._close_page(page, 4403, b"link replaced")
            return
        if text is None:
            return
        for page in list(self._pages.get(campaign_id, ())):
            if not page.send(hub.seq, text):
                log.info("overlay page %s too far behind; dropped (it comes back)", page.info.id)
                self._close_page(page, 4000, b"too far behind")

    def _close_page(self, page: _Page, code: int, reason: bytes) -> None:
        task = asyncio.ensure_future(page.ws.close(code=code, message=reason))
        self._closing.add(task)
        task.add_done_callback(self._closing.discard)

    # -- HTTP -------------------------------------------------------------------------------

    async def _page(self, request: web.Request) -> web.StreamResponse:
        from aiohttp import web

        await self._campaign_of(request)
        try:
            kind = OverlayKind(request.match_info["kind"])
        except ValueError:
            raise web.HTTPNotFound(text="404: no such overlay") from None
        return web.Response(body=self.assets.pages[kind], content_type="text/html",
                            charset="utf-8")  # fmt: skip

    async def _asset(self, request: web.Request) -> web.StreamResponse:
        from aiohttp import web

        await self._campaign_of(request)
        found = self.assets.files.get(request.match_info["name"])
        if found is None:
            raise web.HTTPNotFound(text="404: no such file")
        body, content_type = found
        return web.Response(body=body, headers={"Content-Type": content_type})

    async def _websocket(self, request: web.Request) -> web.StreamResponse:
        from aiohttp import WSMsgType, web

        campaign_id = await self._campaign_of(request)
        try:
            kind = OverlayKind(request.query.get("kind", ""))
        except ValueError:
            raise web.HTTPNotFound(text="404: no such overlay") from None
        origin = request.headers.get("Origin")
        if origin is not None and origin != f"{request.scheme}://{request.host}":
            raise web.HTTPForbidden(text="403: another site's page")
        hub = await self._hub(campaign_id)
        ws = web.WebSocketResponse(heartbeat=20.0, max_msg_size=64 * 1024)
        await ws.prepare(request)
        now = time.time_ns() // 1000
        info = OverlayConnection(
            id=next(self._ids), campaign_id=campaign_id, kind=kind.value,
            remote=request.remote or "", client="", connected_at_us=now, last_seen_us=now,
            connected=True,
        )  # fmt: skip
        page = _Page(ws, info)
        self._pages.setdefault(campaign_id, set()).add(page)
        self._record(info)
        try:
            await self._greet(hub, page, kind)
            async for msg in ws:
                if msg.type is not WSMsgType.TEXT:
                    continue
                self._seen(page)
                if _message_type(msg.data) == "ping":
                    page.send(hub.seq, '{"type":"pong"}')
        except (TimeoutError, asyncio.CancelledError, ConnectionError):
            pass
        finally:
            self._pages.get(campaign_id, set()).discard(page)
            if page.task is not None:
                page.task.cancel()
            self._record(replace(page.info, connected=False,
                                 last_seen_us=time.time_ns() // 1000))  # fmt: skip
        return ws

    async def _greet(self, hub: OverlayHub, page: _Page, kind: OverlayKind) -> None:
        """Read the page's hello; send what it needs: the changes after its seq, or a
        snapshot (with what it missed, from the ledger, when it had alerts)."""
        from aiohttp import WSMsgType

        first = await asyncio.wait_for(page.ws.receive(), HELLO_TIMEOUT_S)
        data: Any = None
        if first.type is WSMsgType.TEXT:
            with contextlib.suppress(ValueError):
                data = json.loads(first.data)
        hello = PageHello.parse(kind, data)
        page.info = replace(page.info, client=hello.client)
        self._record(page.info)
        messages = hub.replay(hello)
        if messages is None:
            resume = await self._resume(hub, hello) if hello.wants_ledger else None
            messages = [hub.snapshot(hello, resume)]
        seq = hub.seq
        ready = json.dumps({"type": "ready", "epoch": hub.epoch, "seq": seq})
        page.start([*messages, *(text for s, text in page.pending if s > seq), ready])
        page.pending.clear()

    async def _resume(self, hub: OverlayHub, hello: PageHello) -> Resume:
        read_seq, upto = hub.seq, hub.last_donation_id
        window = hub.settings.replay_window_s
        since = time.time_ns() // 1000 - window * 1_000_000
        alerts, total = await self._off_loop(
            self.store.completed_after, hub.campaign_id, hello.cursor, upto, since,
            hub.settings.queue_max,
        )  # fmt: skip
        held = (
            await self._off_loop(self.store.donations_by_id, hub.campaign_id, list(hello.held))
            if hello.held
            else []
        )
        return Resume(alerts, total - len(alerts), held, hello.held, read_seq)

    # -- who is connected -------------------------------------------------------------------

    def _record(self, info: OverlayConnection) -> None:
        with self._connections_lock:
            self._connections[info.id] = info

    def _seen(self, page: _Page) -> None:
        page.info = replace(page.info, last_seen_us=time.time_ns() // 1000)
        self._record(page.info)


async def _forbidden(_request: web.Request) -> web.StreamResponse:
    from aiohttp import web

    raise web.HTTPForbidden(text="403: this overlay link is not valid")


async def _security_headers(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    """Every response's security headers (a middleware: `web.middleware` marks it in _serve)."""
    from aiohttp import web

    try:
        response = await handler(request)
    except web.HTTPException as exc:
        response = web.Response(status=exc.status, text=exc.text or exc.reason)
    if not isinstance(response, web.WebSocketResponse):
        response.headers.update(SECURITY_HEADERS)
    return response


def _bind(host: str, port: int) -> socket.socket:
    """A listening socket on the first address `host` names (LOOPBACK or ALL_INTERFACES, one
    address each), on `port` (0: any free port); SO_REUSEADDR as asyncio sets it."""
    family, _, _, _, address = socket.getaddrinfo(
        host or None, port, socket.AF_UNSPEC, socket.SOCK_STREAM, 0, socket.AI_PASSIVE
    )[0]
    return socket.create_server(address, family=family, backlog=BACKLOG)


def _message_type(text: str) -> str | None:
    if len(text) > 1024:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    return data.get("type") if isinstance(data, dict) else None


def url_host(bind_host: str) -> str:
    """The host to put in URLs for a server bound to `bind_host`."""
    if bind_host in (ALL_INTERFACES, "::", ""):
        return lan_address() or LOOPBACK
    return bind_host


def lan_address() -> str | None:
    """This computer's address on the local network (for a second streaming PC), if any."""
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        return None
    for info in infos:
        address = str(info[4][0])
        if not address.startswith("127."):
            return address
    return None


def overlay_url(host: str, port: int, token: str, kind: OverlayKind) -> str:
    return f"http://{host}:{port}/overlay/{token}/{kind.value}"
