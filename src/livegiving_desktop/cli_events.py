"""The paid-event commands of `livegiving`: tickets (buy, admit, refund), cancelling, going
live and ending, and the paid-event flavours of `simulate` and `export --what tickets`.

Kept apart from cli.py so that the ticketing surface reads in one place; cli.py registers the
parsers and dispatches here. Same exit statuses: 0 success, 2 bad input or a refusal of the
rules (nothing written), 1 any other failure.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from livegiving_desktop.cli_signals import rehearsal_stopped, stop_requested
from livegiving_desktop.core.money import to_decimal_text

if TYPE_CHECKING:  # imported by the commands that use them: `--help` needs none of them
    from livegiving_desktop.core.records import Actor
    from livegiving_desktop.services.ingest import BatchOutcome
    from livegiving_desktop.services.ledger import LedgerService

SubParsers = argparse._SubParsersAction


def _positive_int(text: str) -> int:
    # ASCII digits only ("٣" is a digit to Python); within a 64-bit id (SQL's BIGINT).
    value = text.strip()
    if not (value.isascii() and value.isdigit()) or int(value) <= 0:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number above zero")
    if int(value) > 2**63 - 1:
        raise argparse.ArgumentTypeError(f"'{text}' is too large (at most {2**63 - 1})")
    return int(value)


def _print(text: str, out: TextIO | None = None) -> None:
    stream = out or sys.stdout
    stream.write(text + "\n")
    stream.flush()


def add_parsers(sub: SubParsers, db: argparse.ArgumentParser) -> None:
    """`livegiving tickets buy|admit|refund`."""
    tickets = sub.add_parser("tickets", parents=[db], help="tickets of a paid event")
    t_sub = tickets.add_subparsers(dest="action", required=True, parser_class=type(db))
    buy = t_sub.add_parser("buy", parents=[db], help="sell one ticket; prints its id and code")
    buy.add_argument("--campaign", required=True, type=_positive_int, metavar="ID")
    buy.add_argument("--buyer", required=True, metavar="NAME")
    buy.add_argument("--external-id", default=None, metavar="X")
    buy.add_argument("--json", action="store_true", help="one JSON object")
    admit = t_sub.add_parser("admit", parents=[db], help="check someone in with a code")
    admit.add_argument("--campaign", required=True, type=_positive_int, metavar="ID")
    admit.add_argument("--code", required=True, metavar="CODE", help="as typed; '' = no code")
    admit.add_argument("--name", default="", metavar="NAME", help="who is joining")
    reissue = t_sub.add_parser(
        "reissue", parents=[db], help="a new access code for a ticket; the old one stops working"
    )
    reissue.add_argument("--ticket", required=True, type=_positive_int, metavar="ID")
    reissue.add_argument("--json", action="store_true", help="one JSON object")
    reissue.add_argument("--creator", default=None, metavar="NAME", help="default: login name")
    refund = t_sub.add_parser("refund", parents=[db], help="refund one ticket")
    refund.add_argument("--ticket", required=True, type=_positive_int, metavar="ID")
    refund.add_argument("--reason", required=True, metavar="TEXT", help="why (required)")
    refund.add_argument(
        "--override",
        action="store_true",
        help="refund past the refund window (the creator's decision, recorded)",
    )
    refund.add_argument("--creator", default=None, metavar="NAME", help="default: login name")


def add_campaign_actions(camps_sub: SubParsers, db: argparse.ArgumentParser) -> None:
    """`livegiving campaigns go-live|end|cancel`."""
    for name, text in (("go-live", "start the broadcast"), ("end", "end the broadcast")):
        action = camps_sub.add_parser(name, parents=[db], help=text)
        action.add_argument("--campaign", required=True, type=_positive_int, metavar="ID")
        action.add_argument("--creator", default=None, metavar="NAME", help="default: login name")
    cancel = camps_sub.add_parser("cancel", parents=[db], help="cancel a paid event: refunds all")
    cancel.add_argument("--campaign", required=True, type=_positive_int, metavar="ID")
    cancel.add_argument("--reason", required=True, metavar="TEXT", help="why (required)")
    cancel.add_argument("--creator", default=None, metavar="NAME", help="default: login name")


def add_create_options(create: argparse.ArgumentParser) -> None:
    create.add_argument("--duration", type=_positive_int, default=60, metavar="MINUTES",
                        help="paid event: length in minutes (default 60)")  # fmt: skip
    create.add_argument("--description", default="", help="paid event: what it is about")
    create.add_argument("--in-person", action="store_true",
                        help="paid event: not an online-only listing")  # fmt: skip


def _creator(args: argparse.Namespace) -> Actor:
    from livegiving_desktop.core.records import Actor, ActorRole
    from livegiving_desktop.core.refunds import clean_actor

    name = getattr(args, "creator", None) or getpass.getuser()
    return clean_actor(Actor(name, ActorRole.CREATOR), "--creator")


def cmd_tickets(args: argparse.Namespace, service: LedgerService) -> int:
    from livegiving_desktop.services.events import EventService

    events = EventService(service)
    if args.action == "buy":
        batch = events.buy_ticket(args.campaign, args.buyer, args.external_id)
        if not batch.sold:
            ext = batch.duplicates[0]
            ticket_id = events.store.ticket_id_of(args.campaign, ext)
            print(
                f"external id '{ext}' is already sold (ticket {ticket_id}); nothing was added. "
                "Its code was shown only once: if it was lost, "
                f"`livegiving tickets reissue --ticket {ticket_id}` gives a new one and the old "
                "one stops working",
                file=sys.stderr,
            )
            return 0
        sold = batch.sold[0]
        if args.json:
            _print(json.dumps({"ticket_id": sold.ticket.id, "code": sold.code}))
        else:
            print("ticket id, then its access code (shown only now):", file=sys.stderr)
            _print(str(sold.ticket.id))
            _print(sold.code)
        return 0
    if args.action == "reissue":
        new = events.reissue_ticket(args.ticket, _creator(args))
        if args.json:
            _print(json.dumps({"ticket_id": new.ticket.id, "code": new.code}))
        else:
            print("the new access code (shown only now; the old one no longer works):",
                  file=sys.stderr)  # fmt: skip
            _print(new.code)
        return 0
    if args.action == "admit":
        record = events.admit(args.campaign, args.code, args.name)
        reason = None if record.reason is None else record.reason.value
        # A refusal at the door is an answer, not bad input: exit 0 with the reason.
        _print(json.dumps({"admitted": record.admitted, "reason": reason,
                           "ticket_id": record.ticket_id,
                           "buyer_name": record.buyer_name}))  # fmt: skip
        return 0
    from livegiving_desktop.core.refunds import clean_reason

    reason_text = clean_reason(args.reason, "--reason")
    outcome = events.refund_ticket(args.ticket, reason_text, _creator(args), override=args.override)
    t = outcome.ticket
    amount = f"{to_decimal_text(t.amount_minor, t.currency)} {t.currency}"
    note = " (override past the refund window, recorded)" if outcome.override else ""
    print(f"ticket {t.id} refunded ({amount}){note}; refund id below", file=sys.stderr)
    _print(str(outcome.refund_id))
    return 0


def cmd_campaign_action(args: argparse.Namespace, service: LedgerService) -> int:
    if args.action == "go-live":
        _print(service.go_live(args.campaign, _creator(args)).status.value)
        return 0
    if args.action == "end":
        _print(service.end_broadcast(args.campaign, _creator(args)).status.value)
        return 0
    from livegiving_desktop.core.refunds import clean_reason

    reason = clean_reason(args.reason, "--reason")
    from livegiving_desktop.services.events import EventService

    count, figures = EventService(service).cancel_event(args.campaign, reason, _creator(args))
    print(f"event cancelled; {count} tickets refunded", file=sys.stderr)
    _print(json.dumps({"refunded": count, "revenue_minor": figures.revenue_minor,
                       "refunded_tickets": figures.refunded_tickets,
                       "refunded_minor": figures.refunded_minor}))  # fmt: skip
    return 0


def simulate_event(
    args: argparse.Namespace,
    service: LedgerService,
    on_commit: Callable[[BatchOutcome], None] | None,
) -> int:
    from livegiving_desktop.services.events import EventService

    report = EventService(service).simulate(
        args.campaign,
        rate=args.rate,
        count=args.count,
        seconds=args.seconds,
        seed=args.seed,
        duplicates=args.duplicates,
        on_commit=on_commit,
        stop_requested=stop_requested,
    )
    _print(json.dumps(report.summary()))
    if report.stopped_by is not None:
        return rehearsal_stopped(report.stopped_by)
    return 0
