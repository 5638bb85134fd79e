"""The campaign housekeeping commands of `livegiving campaigns`: archive, unarchive,
duplicate and set-goal. Registered from cli.py; same exit statuses (0 success, 2 bad input or
a refusal of the rules, nothing written; 1 any other failure)."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from typing import TYPE_CHECKING

from livegiving_desktop.core.money import to_decimal_text

if TYPE_CHECKING:  # imported by the commands that use them: `--help` needs none of them
    from livegiving_desktop.core.records import Actor
    from livegiving_desktop.services.ledger import LedgerService

ACTIONS = ("archive", "unarchive", "duplicate", "set-goal")


def _positive_int(text: str) -> int:
    # ASCII digits only ("٣" is a digit to Python); within a 64-bit id (SQL's BIGINT).
    value = text.strip()
    if not (value.isascii() and value.isdigit()) or int(value) <= 0:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number above zero")
    if int(value) > 2**63 - 1:
        raise argparse.ArgumentTypeError(f"'{text}' is too large (at most {2**63 - 1})")
    return int(value)


def add_parsers(camps_sub: argparse._SubParsersAction, db: argparse.ArgumentParser) -> None:
    """`livegiving campaigns archive|unarchive|duplicate|set-goal`."""
    helps = {
        "archive": "hide a campaign from the app's home list (nothing is deleted)",
        "unarchive": "show an archived campaign on the home list again",
        "duplicate": "a new draft with a campaign's settings; prints its id",
        "set-goal": "change the goal (while live: a stretch goal above the amount raised)",
    }
    for name in ACTIONS:
        action = camps_sub.add_parser(name, parents=[db], help=helps[name])
        action.add_argument("--campaign", required=True, type=_positive_int, metavar="ID")
        if name == "duplicate":
            action.add_argument("--title", default=None, help="default: the title with (2)")
        if name == "set-goal":
            action.add_argument("--goal", required=True, metavar="AMOUNT",
                                help="major units with a dot, e.g. 10000")  # fmt: skip
            action.add_argument("--reason", default=None, metavar="TEXT")
        if name in ("archive", "unarchive", "set-goal"):
            action.add_argument("--creator", default=None, metavar="NAME",
                                help="written on the audit log (default: login name)")  # fmt: skip


def _creator(args: argparse.Namespace) -> Actor:
    from livegiving_desktop.core.records import Actor, ActorRole
    from livegiving_desktop.core.refunds import clean_actor

    return clean_actor(Actor(args.creator or getpass.getuser(), ActorRole.CREATOR), "--creator")


def cmd_campaign_action(args: argparse.Namespace, service: LedgerService) -> int:
    if args.action == "duplicate":
        copy = service.duplicate(args.campaign, args.title)
        print(f"campaign {args.campaign} duplicated as a draft: {copy.title}", file=sys.stderr)
        print(copy.id)
        return 0
    if args.action == "set-goal":
        update = service.change_goal(args.campaign, args.goal, _creator(args), reason=args.reason)
        c = update.campaign
        goal = to_decimal_text(update.progress.goal_minor, c.currency)
        print(json.dumps({"campaign": c.id, "goal_minor": c.goal_minor, "goal": goal,
                          "currency": c.currency}))  # fmt: skip
        return 0
    archived = args.action == "archive"
    campaign = (service.archive if archived else service.unarchive)(args.campaign, _creator(args))
    print(json.dumps({"campaign": campaign.id, "archived": campaign.archived}))
    return 0
