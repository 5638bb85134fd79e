"""The OBS overlay commands of `livegiving`: `overlay urls`, `overlay serve`, `overlay control`.

Kept apart from cli.py, which registers the parsers and dispatches here. Same exit statuses:
0 success, 2 bad input (an unknown campaign, a port in use; nothing written), 1 any other
failure.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from types import FrameType
from typing import TYPE_CHECKING

from livegiving_desktop.core.overlay_names import CONTROL_ACTIONS, DEFAULT_PORT

if TYPE_CHECKING:  # the server's modules (aiohttp) are imported by `overlay` commands only
    from livegiving_desktop.services.ledger import LedgerService
    from livegiving_desktop.services.overlays import OverlayLink, OverlayService

SubParsers = argparse._SubParsersAction


def _positive_int(text: str) -> int:
    # ASCII digits only ("٣" is a digit to Python); within a 64-bit id (SQL's BIGINT).
    value = text.strip()
    if not (value.isascii() and value.isdigit()) or int(value) <= 0:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number above zero")
    if int(value) > 2**63 - 1:
        raise argparse.ArgumentTypeError(f"'{text}' is too large (at most {2**63 - 1})")
    return int(value)


def _port(text: str) -> int:
    if not text.strip().isdigit() or not 0 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"'{text}' is not a port (0 to 65535; 0: any free one)")
    return int(text)


def _print(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def add_parsers(sub: SubParsers, db: argparse.ArgumentParser) -> None:
    """`livegiving overlay urls|serve|control`."""
    overlay = sub.add_parser("overlay", parents=[db], help="OBS browser-source overlays")
    o_sub = overlay.add_subparsers(dest="action", required=True, parser_class=type(db))
    urls = o_sub.add_parser("urls", parents=[db], help="each overlay's name and URL")
    urls.add_argument("--campaign", required=True, type=_positive_int, metavar="ID")
    urls.add_argument("--json", action="store_true", help="one JSON array")
    urls.add_argument("--host", default=None, help="the host in the URLs (default 127.0.0.1)")
    urls.add_argument("--port", type=_port, default=None, help=f"default {DEFAULT_PORT}")
    serve = o_sub.add_parser(
        "serve", parents=[db], help="serve a campaign's overlays (no window) until Ctrl+C"
    )
    serve.add_argument("--campaign", required=True, type=_positive_int, metavar="ID")
    serve.add_argument(
        "--port", type=_port, default=DEFAULT_PORT, help=f"default {DEFAULT_PORT}; 0: any free"
    )
    serve.add_argument(
        "--lan",
        action="store_true",
        help="listen on every network interface (a second streaming PC); default: this "
        "computer only (127.0.0.1)",
    )
    control = o_sub.add_parser(
        "control", parents=[db], help="a test alert, replay, skip, pause or resume"
    )
    control.add_argument("--campaign", required=True, type=_positive_int, metavar="ID")
    control.add_argument("what", choices=CONTROL_ACTIONS)


def cmd_overlay(args: argparse.Namespace, ledger: LedgerService) -> int:
    from livegiving_desktop.services.overlays import OverlayService

    service = OverlayService(ledger)
    try:
        if args.action == "urls":
            links = service.links(args.campaign, host=args.host, port=args.port)
            _print_links(links, as_json=args.json)
            return 0
        if args.action == "control":
            view = service.control(args.campaign, args.what)
            _print(json.dumps({"campaign": view.campaign_id, "done": args.what,
                               "paused": view.paused}))  # fmt: skip
            return 0
        return _serve(args, service)
    finally:
        service.close()


def _print_links(links: list[OverlayLink], *, as_json: bool) -> None:
    if as_json:
        rows = [
            {"name": link.kind.value, "url": link.url, "width": link.width,
             "height": link.height}
            for link in links
        ]  # fmt: skip
        _print(json.dumps(rows, indent=2))
        return
    for link in links:
        _print(f"{link.kind.value:<8} {link.url}  ({link.width}×{link.height})")


def _serve(args: argparse.Namespace, service: OverlayService) -> int:
    service.setup(args.campaign)  # an unknown campaign is refused before listening
    stop = threading.Event()

    def on_signal(_signum: int, _frame: FrameType | None) -> None:
        stop.set()

    previous = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        server = service.start_server(port=args.port, lan=args.lan, campaigns={args.campaign})
        _print_links(service.links(args.campaign), as_json=False)
        where = "every interface (LAN)" if server.lan else f"{server.host} only"
        print(
            f"serving the overlays of campaign {args.campaign} on port {server.port}, "
            f"{where}; Ctrl+C stops",
            file=sys.stderr,
            flush=True,
        )
        while not stop.wait(0.5):
            pass
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        service.stop_server()
    print("overlay server stopped", file=sys.stderr)
    return 0
