"""`livegiving moderate`: a moderator's decisions from the command line, for scripts and for a
seat without a screen; the same service, rules and audit log as the console.

    livegiving moderate hide|approve|anonymous|show-name|hide-amount|show-amount|block|refund
        --campaign ID --donation ID[@VERSION] [ID[@VERSION] ...]
        [--moderator NAME] [--reason TEXT]

A decision names the version of each donation it was made on: `42@3` says "donation 42 as I
saw it, at version 3"; a bare `42` means the version read when the command starts. When
another seat changed one of them since, nothing is written and the command exits 3 saying who
decided what ("Sam hid this message"). A decision on several donations is one transaction:
all or nothing. Exit status: 0 done (stdout: one JSON object, the summary), 2 bad input
(nothing written), 3 lost race (nothing written), 1 any other failure.
"""

from __future__ import annotations

import argparse
import getpass
import json
import re
import sys
from typing import TYPE_CHECKING, Any

from livegiving_desktop.core.errors import NotFoundError, ValidationError

if TYPE_CHECKING:  # imported by the commands that use them: `--help` needs none of them
    from livegiving_desktop.core.decisions import Decision, DecisionSummary
    from livegiving_desktop.core.records import Actor
    from livegiving_desktop.services.ledger import LedgerService
    from livegiving_desktop.services.moderation import ModerationService

EXIT_CONFLICT = 3  # a lost race: another seat decided first; nothing was written

_DONATION = re.compile(r"^\s*([0-9]+)\s*(?:@\s*([0-9]+)\s*)?$")  # ASCII digits only
ACTIONS = {
    "hide": "keep the messages off the air",
    "approve": "put the messages on air",
    "anonymous": "show the donors' names as Anonymous on air",
    "show-name": "show the donors' names on air again",
    "hide-amount": "hide the amounts on air",
    "show-amount": "show the amounts on air again",
    "block": "block the donors: their later messages are held",
    "refund": "refund the donations (--reason is required), all or none",
}


def _donation(text: str) -> tuple[int, int | None]:
    match = _DONATION.match(text)
    limit = 2**63 - 1  # a 64-bit id (SQL's BIGINT), a version alike
    if (
        match is None
        or not 0 < int(match.group(1)) <= limit
        or (match.group(2) is not None and int(match.group(2)) > limit)
    ):
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a donation id (a whole number, optionally @VERSION, e.g. 42@3)"
        )
    return int(match.group(1)), None if match.group(2) is None else int(match.group(2))


def _positive_int(text: str) -> int:
    # ASCII digits only ("٣" is a digit to Python); within a 64-bit id (SQL's BIGINT).
    value = text.strip()
    if not (value.isascii() and value.isdigit()) or int(value) <= 0:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number above zero")
    if int(value) > 2**63 - 1:
        raise argparse.ArgumentTypeError(f"'{text}' is too large (at most {2**63 - 1})")
    return int(value)


def add_parser(sub: argparse._SubParsersAction, db: argparse.ArgumentParser) -> None:
    """`livegiving moderate ACTION ...`."""
    moderate = sub.add_parser(
        "moderate", parents=[db], help="a moderator's decision on donations (all or nothing)"
    )
    actions = moderate.add_subparsers(dest="action", required=True, parser_class=type(db))
    for name, text in ACTIONS.items():
        action = actions.add_parser(name, parents=[db], help=text)
        action.add_argument("--campaign", required=True, type=_positive_int, metavar="ID")
        action.add_argument(
            "--donation",
            required=True,
            nargs="+",
            action="extend",
            type=_donation,
            metavar="ID[@VERSION]",
            help="the donations (repeatable); @VERSION: the version you saw",
        )
        action.add_argument(
            "--moderator",
            default=None,
            metavar="NAME",
            help="the display name written on the audit log (default: your login name)",
        )
        action.add_argument(
            "--reason",
            default=None,
            required=name == "refund",
            metavar="TEXT",
            help="why (required for refund)",
        )


def cmd_moderate(args: argparse.Namespace, service: LedgerService) -> int:
    """Run one decision; print its summary as JSON on stdout and in words on stderr."""
    from livegiving_desktop.core.decisions import Decision
    from livegiving_desktop.core.records import Actor, ActorRole
    from livegiving_desktop.core.refunds import clean_actor, clean_reason

    decision = Decision(args.action)
    named: list[tuple[int, int | None]] = args.donation
    reason = None if args.reason is None else clean_reason(args.reason, "--reason")
    actor = clean_actor(Actor(args.moderator or getpass.getuser(), ActorRole.MODERATOR),
                        "--moderator")  # fmt: skip
    versions: dict[int, int] = {}
    for donation_id, version in named:
        if donation_id in versions and version is not None and versions[donation_id] != version:
            raise ValidationError("--donation", f"donation {donation_id} is named twice")
        if version is not None:
            versions[donation_id] = version
    from livegiving_desktop.services.moderation import ModerationService

    moderation = ModerationService(service)
    service.campaign(args.campaign)  # an unknown campaign is bad input, before anything
    ids = sorted({i for i, _ in named})
    current = {d.id: d.version for d in moderation.donations(args.campaign, ids)}
    missing = [i for i in ids if i not in current]
    if missing:
        raise NotFoundError(
            "--donation", f"no donation has the id {missing[0]} in campaign {args.campaign}"
        )
    seen = {i: versions.get(i, current[i]) for i in ids}
    summary = _decide(moderation, decision, campaign_id=args.campaign, ids=ids, actor=actor,
                      reason=reason, seen=seen)  # fmt: skip
    print(f"{summary.text()}", file=sys.stderr)
    sys.stdout.write(json.dumps(_summary_json(args.campaign, summary)) + "\n")
    sys.stdout.flush()
    return 0


def _decide(
    moderation: ModerationService,
    decision: Decision,
    *,
    campaign_id: int,
    ids: list[int],
    actor: Actor,
    reason: str | None,
    seen: dict[int, int],
) -> DecisionSummary:
    from livegiving_desktop.core.decisions import Decision

    if decision is Decision.HIDE:
        change = moderation.hide(campaign_id, ids, actor, reason, seen=seen)
    elif decision is Decision.APPROVE:
        change = moderation.approve(campaign_id, ids, actor, seen=seen)
    elif decision in (Decision.ANONYMOUS, Decision.SHOW_NAME):
        change = moderation.set_privacy(
            campaign_id, ids, actor, hide_name=decision is Decision.ANONYMOUS, seen=seen
        )
    elif decision in (Decision.HIDE_AMOUNT, Decision.SHOW_AMOUNT):
        change = moderation.set_privacy(
            campaign_id, ids, actor, hide_amount=decision is Decision.HIDE_AMOUNT, seen=seen
        )
    elif decision is Decision.REFUND:
        assert reason is not None  # required by the parser
        change = moderation.refund_many(campaign_id, ids, reason, actor, seen=seen)
    else:
        return moderation.block_donors(campaign_id, ids, actor, reason, seen=seen).summary
    assert change.summary is not None
    return change.summary


def _summary_json(campaign_id: int, summary: DecisionSummary) -> dict[str, Any]:
    return {
        "campaign": campaign_id,
        "action": summary.decision.value,
        "changed": list(summary.changed),
        "unchanged": list(summary.unchanged),
        "versions": {str(k): v for k, v in sorted(summary.versions.items())},
    }
