"""The `livegiving` command (also `python -m livegiving_desktop`).

Exit status: 0 success; 2 bad input (the message on stderr names the field and the reason, and
nothing is written); 3 a lost race (another seat decided first: `moderate`, nothing written);
4 refused by the database server to your role (`Your role (viewer) cannot end a broadcast`);
5 `team add`: the name is taken;
1 any other failure. No traceback reaches the user: it goes to the log.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib
import logging
import math
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from livegiving_desktop import __version__, cli_signals
from livegiving_desktop.core.errors import LiveGivingError
from livegiving_desktop.core.text import SURROGATE_RE
from livegiving_desktop.services import config

# A command imports what it needs when it runs (issue 19): `--help`, `--version` and bad
# arguments import no SQLAlchemy, `campaigns list` no more of the ledger than it reads, and
# opening the window (no command) none of the commands' modules: the window paints first.
if TYPE_CHECKING:
    from livegiving_desktop.db.engine import Database
    from livegiving_desktop.services.ingest import BatchOutcome
    from livegiving_desktop.services.ledger import LedgerService

log = logging.getLogger("livegiving.cli")

EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT = 0, 1, 2
SWITCH_INTERVAL_S = 0.00025  # tune_interpreter


class BadInputError(LiveGivingError):
    """A command-line refusal that is not a ValidationError of the core rules."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {message}\n")


def _positive_int(text: str) -> int:
    # ASCII digits only ("٣" is a digit to Python); within a 64-bit id (SQL's BIGINT).
    value = text.strip()
    if not (value.isascii() and value.isdigit()) or int(value) <= 0:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number above zero")
    if int(value) > 2**63 - 1:
        raise argparse.ArgumentTypeError(f"'{text}' is too large (at most {2**63 - 1})")
    return int(value)


def _non_negative_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number") from None
    if not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError(f"'{text}' must be a finite number, zero or more")
    return value


# A rehearsal's rate: 0 (as fast as possible) or from one donation every 1000 s to a million
# a second; below that a rehearsal would never end (`--rate 1e-320`).
MIN_RATE, MAX_RATE = 0.001, 1_000_000.0


def _rate(text: str) -> float:
    value = _non_negative_float(text)
    if value != 0 and not MIN_RATE <= value <= MAX_RATE:
        raise argparse.ArgumentTypeError(
            f"'{text}' must be 0 (as fast as possible) or from {MIN_RATE} to {MAX_RATE:.0f}"
        )
    return value


def _seconds(text: str) -> float:
    value = _non_negative_float(text)
    if value == 0:
        raise argparse.ArgumentTypeError("must be more than zero")
    return value


def _fraction(text: str) -> float:
    value = _non_negative_float(text)
    if value >= 1:
        raise argparse.ArgumentTypeError(f"'{text}' must be a fraction below 1 (e.g. 0.05)")
    return value


def _db_option() -> _Parser:
    db = _Parser(add_help=False)
    db.add_argument(
        "--db",
        default=argparse.SUPPRESS,
        metavar="URL",
        help="SQLAlchemy URL or path to a SQLite file (default: $LIVEGIVING_DB, else a file in "
        "the user data directory)",
    )
    return db


class _UnparsedError(Exception):
    """What the app's parser alone cannot read: the full parser reads it (and says why not)."""


class _AppOnlyParser(_Parser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise _UnparsedError(message)


def _app_parser(
    db: argparse.ArgumentParser, kind: type[_Parser] = _Parser
) -> argparse.ArgumentParser:
    """`livegiving` and the options that open the app (every command's parser adds to it)."""
    parser = kind(
        prog="livegiving",
        parents=[db],
        description="LiveGiving Desktop: live fundraisers and paid live events.",
        exit_on_error=kind is _Parser,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--demo", action="store_true", help="open the demo fundraiser's live view")
    parser.add_argument("--lang", choices=("en", "fr"), help="language of the app")
    parser.add_argument(
        "--moderator",
        action="store_true",
        dest="moderator_console",
        help="open only the moderation console (a moderator's own seat)",
    )
    return parser


def _parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """The arguments. Opening the app (no command) needs only the app's options: their parser
    alone is built (the full one, every command's, takes ~10 ms before the window paints);
    anything else, help and every error go through the full parser, as before."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not any(a in ("-h", "--help") or a.startswith("--h") for a in args):
        quick = _app_parser(_db_option(), _AppOnlyParser)
        try:
            found, extra = quick.parse_known_args(args)
        except (argparse.ArgumentError, _UnparsedError):
            extra = ["(an error: the full parser says it)"]
        if not extra:
            found.command = None
            return found
    return build_parser().parse_args(args)


def build_parser() -> argparse.ArgumentParser:
    from livegiving_desktop import (
        cli_campaigns,
        cli_db,
        cli_events,
        cli_moderate,
        cli_overlay,
        cli_team,
    )
    from livegiving_desktop.core.campaigns import EVENT_CATEGORIES

    db = _db_option()
    parser = _app_parser(db)
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")

    orgs = sub.add_parser("organizations", parents=[db], help="the bundled nonprofit catalog")
    orgs_sub = orgs.add_subparsers(dest="action", required=True, parser_class=_Parser)
    org_list = orgs_sub.add_parser("list", parents=[db], help="list or search organizations")
    org_list.add_argument("--search", default="", help="words of the name, country or category")
    org_list.add_argument("--json", action="store_true", help="one JSON array")

    camps = sub.add_parser("campaigns", parents=[db], help="create and list campaigns")
    camps_sub = camps.add_subparsers(dest="action", required=True, parser_class=_Parser)
    create = camps_sub.add_parser("create", parents=[db], help="create a campaign (a draft)")
    create.add_argument("--kind", required=True, choices=("fundraiser", "paid-event"))
    create.add_argument("--title", required=True)
    create.add_argument("--currency", required=True, help="ISO 4217 code, e.g. EUR")
    create.add_argument("--organization", help="fundraiser: organization id from the catalog")
    create.add_argument("--goal", help="fundraiser: goal in major units, e.g. 5000")
    create.add_argument("--minimum", help="fundraiser: minimum donation (default 1)")
    create.add_argument("--hide-names", action="store_true", help="do not show names on air")
    create.add_argument("--hide-amounts", action="store_true", help="do not show amounts on air")
    create.add_argument("--no-anonymous", action="store_true", help="refuse anonymous donations")
    create.add_argument("--category", help=f"paid event: one of {', '.join(EVENT_CATEGORIES)}")
    create.add_argument("--price", help="paid event: ticket price in major units")
    create.add_argument("--capacity", help="paid event: number of seats (default: no limit)")
    create.add_argument("--starts-at", help="paid event: ISO 8601 start time")
    cli_events.add_create_options(create)
    camp_list = camps_sub.add_parser("list", parents=[db], help="one row per campaign")
    camp_list.add_argument("--json", action="store_true", help="one JSON array")
    cli_events.add_campaign_actions(camps_sub, db)
    cli_campaigns.add_parsers(camps_sub, db)

    donate = sub.add_parser("donate", parents=[db], help="record one offline donation")
    donate.add_argument("--campaign", required=True, type=_positive_int, metavar="ID")
    donate.add_argument("--amount", required=True, help="major units with a dot, e.g. 12.50")
    donate.add_argument("--donor", required=True, metavar="NAME")
    donate.add_argument("--message", default=None)
    donate.add_argument("--anonymous", action="store_true")
    donate.add_argument("--external-id", default=None, metavar="X")

    sim = sub.add_parser("simulate", parents=[db], help="a headless rehearsal")
    sim.add_argument("--campaign", required=True, type=_positive_int, metavar="ID")
    sim.add_argument("--rate", type=_rate, default=0.0, metavar="PER_SECOND")
    amount = sim.add_mutually_exclusive_group(required=True)
    amount.add_argument("--count", type=_positive_int, metavar="N")
    amount.add_argument("--seconds", type=_seconds, metavar="S")
    sim.add_argument("--seed", type=int, default=None)
    sim.add_argument("--duplicates", type=_fraction, default=0.0, metavar="FRACTION")
    sim.add_argument("--progress", choices=("jsonl",), default=None)

    refund = sub.add_parser("refund", parents=[db], help="refund one donation")
    refund.add_argument("--donation", required=True, type=_positive_int, metavar="ID")
    refund.add_argument("--reason", required=True, metavar="TEXT", help="why (required)")
    refund.add_argument(
        "--moderator",
        default=None,
        metavar="NAME",
        help="the display name written on the audit log (default: your login name)",
    )

    story = sub.add_parser("story", parents=[db], help="the shared Story and its sticker")
    story_sub = story.add_subparsers(dest="action", required=True, parser_class=_Parser)
    story_export = story_sub.add_parser(
        "export", parents=[db], help="write sticker.png and story-0001.png, … (1080×1920)"
    )
    story_export.add_argument("--campaign", required=True, type=_positive_int, metavar="ID")
    story_export.add_argument("--out", required=True, metavar="DIR", help="created if missing")
    story_settings = story_sub.add_parser(
        "settings", parents=[db], help="how long a donation unlocks the sticker; its colours"
    )
    story_settings.add_argument("--campaign", required=True, type=_positive_int, metavar="ID")
    story_settings.add_argument("--sticker-hours", type=_positive_int, metavar="N")
    story_settings.add_argument("--primary-color", metavar="#RRGGBB")
    story_settings.add_argument("--accent-color", metavar="#RRGGBB")
    cli_events.add_parsers(sub, db)
    cli_overlay.add_parsers(sub, db)
    cli_moderate.add_parser(sub, db)
    cli_db.add_parser(sub, db)
    cli_team.add_parsers(sub, db)

    exp = sub.add_parser("export", parents=[db], help="write the ledger")
    exp.add_argument("--campaign", required=True, type=_positive_int, metavar="ID")
    exp.add_argument("--what", choices=("donations", "tickets", "audit"), default="donations")
    exp.add_argument("--format", required=True, choices=("csv", "json"))
    exp.add_argument("-o", "--output", default=None, metavar="FILE")
    exp.add_argument("--force", action="store_true", help="replace an existing -o file")
    return parser


def _database(args: argparse.Namespace) -> str:
    """--db as given (a blank one is refused, never taken for the default), else the default."""
    given = getattr(args, "db", None)
    if given is None:
        return config.default_database()
    if not given.strip():
        raise BadInputError("--db: is empty; give a database file or a URL")
    return str(given)


@contextlib.contextmanager
def _opened(args: argparse.Namespace) -> Iterator[LedgerService]:
    from livegiving_desktop.services.ledger import LedgerService

    with _old_objects_set_aside():
        service = LedgerService.open(_database(args))
        try:
            with _refusals_in_words(args, service.db):
                yield service
        finally:
            service.close()


@contextlib.contextmanager
def _old_objects_set_aside() -> Iterator[None]:
    """What is alive when a command opens the ledger (the modules just imported, SQLAlchemy's
    objects) is left out of the garbage collector's full collections until it closes it
    (`gc.freeze`, undone after). Each full collection otherwise walks them all with the GIL
    held: one during the opening (~20 ms), two during a rehearsal of 200,000 donations, while
    its producer and writer wait (~50 ms)."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


@contextlib.contextmanager
def _opened_db(args: argparse.Namespace) -> Iterator[Database]:
    """The database alone, for a command that reads it (`campaigns list`): the rest of the
    ledger is not imported."""
    from livegiving_desktop.db.engine import open_database

    db = open_database(_database(args))
    try:
        with _refusals_in_words(args, db):
            yield db
    finally:
        db.close()


@contextlib.contextmanager
def _refusals_in_words(args: argparse.Namespace, db: Database) -> Iterator[None]:
    """A statement the server refused to the login's role becomes RoleRefusedError."""
    try:
        yield
    except Exception as exc:
        if not _is_instance(exc, ("sqlalchemy.exc", "SQLAlchemyError"),
                            ("livegiving_desktop.services.ingest", "IngestError")):  # fmt: skip
            raise
        from livegiving_desktop import cli_team
        from livegiving_desktop.db.team import refusal_of

        refusal = refusal_of(db, exc, cli_team.action_words(args))
        if refusal is None:
            raise
        log.info("refused by role: %s", exc)
        raise refusal from None


def _is_instance(exc: BaseException, *classes: tuple[str, str]) -> bool:
    """isinstance against classes named (module, class) without importing their modules: an
    exception of a class whose module was never imported cannot be raised."""
    for module, name in classes:
        loaded: Any = sys.modules.get(module)
        if loaded is not None and isinstance(exc, getattr(loaded, name)):
            return True
    return False


def _silence_stdout() -> None:
    """After a broken pipe, send further output to devnull (Python's documented recipe)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _print(text: str, out: TextIO | None = None) -> None:
    stream = out or sys.stdout
    stream.write(text + "\n")
    stream.flush()


def _print_json(value: Any, *, pretty: bool = False) -> None:
    """One JSON document (indented and with its accents as they are when `pretty`)."""
    import json  # not before the window's first frame (no command prints JSON there)

    _print(json.dumps(value, ensure_ascii=False, indent=2) if pretty else json.dumps(value))


def cmd_organizations(args: argparse.Namespace) -> int:
    from livegiving_desktop.core.organizations import bundled_catalog

    found = bundled_catalog().search(args.search)
    if args.json:
        _print_json([_org(o) for o in found], pretty=True)
        return EXIT_OK
    for org in found:
        _print(f"{org.id:<40} {org.country}  {org.category:<13} {org.name}")
    if not found:
        print(f"no organization matches '{args.search}'", file=sys.stderr)
    return EXIT_OK


def _org(o: object) -> dict[str, str]:
    return {k: getattr(o, k) for k in ("id", "name", "country", "category", "website")}


def cmd_campaigns(args: argparse.Namespace) -> int:
    from livegiving_desktop import cli_campaigns, cli_events
    from livegiving_desktop.core.money import to_decimal_text

    if args.action == "create":
        return _create_campaign(args)
    if args.action in ("go-live", "end", "cancel"):
        with _opened(args) as service:
            return cli_events.cmd_campaign_action(args, service)
    if args.action in cli_campaigns.ACTIONS:
        with _opened(args) as service:
            return cli_campaigns.cmd_campaign_action(args, service)
    from livegiving_desktop.services.home import all_campaigns, quick_all_campaigns

    # A SQLite file at the current schema is read with sqlite3 alone (SQLAlchemy costs
    # ~0.3 s to import); anything else is opened the full way, which says what is wrong.
    campaigns = quick_all_campaigns(_database(args))
    if campaigns is None:
        with _opened_db(args) as db:
            campaigns = all_campaigns(db)
    if args.json:
        rows = [
            {
                "id": c.id,
                "kind": c.kind.value,
                "title": c.title,
                "status": c.status.value,
                "total_minor": c.total_minor,
                "currency": c.currency,
                "total": to_decimal_text(c.total_minor, c.currency),
                "donation_count": c.donation_count,
                "goal_minor": c.goal_minor,
                "organization_id": c.organization_id,
                "is_demo": c.is_demo,
                "tickets_sold": c.tickets_sold,
                "revenue_minor": c.revenue_minor,
                # Added (issue 15)
                "archived": c.archived,
                "created_at": _iso(c.created_at_us),
                "started_at": _iso(c.started_at_us),
                "ended_at": _iso(c.ended_at_us),
                "unthanked_count": c.unthanked_count,
                "after_broadcast_minor": c.after_broadcast_minor,
            }
            for c in campaigns
        ]
        _print_json(rows, pretty=True)
        return EXIT_OK
    for c in campaigns:
        total = f"{to_decimal_text(c.total_minor, c.currency)} {c.currency}"
        _print(f"{c.id:>5}  {c.kind.value:<10} {c.status.value:<6} {total:>18}  {c.title}")
    return EXIT_OK


def _iso(us: int | None) -> str | None:
    from livegiving_desktop.core.records import from_us

    return None if us is None else from_us(us).isoformat(timespec="microseconds")


def _require(args: argparse.Namespace, kind: str, *names: str) -> None:
    for name in names:
        if getattr(args, name.replace("-", "_")) in (None, ""):
            raise BadInputError(f"--{name}: is required for a {kind}")


def _create_campaign(args: argparse.Namespace) -> int:
    # Validate everything before the database is even opened: bad input writes nothing.
    from livegiving_desktop.core.campaigns import fundraiser_spec, paid_event_spec
    from livegiving_desktop.core.organizations import bundled_catalog

    if args.kind == "fundraiser":
        _require(args, "fundraiser", "organization", "goal")
        for name in ("price", "capacity", "category", "starts-at"):
            if getattr(args, name.replace("-", "_")) is not None:
                raise BadInputError(f"--{name}: a fundraiser sells no tickets; leave it out")
        spec: object = fundraiser_spec(
            title=args.title,
            organization_id=args.organization,
            goal=args.goal,
            currency=args.currency,
            catalog=bundled_catalog(),
            minimum=args.minimum,
            show_names_on_air=not args.hide_names,
            show_amounts_on_air=not args.hide_amounts,
            allow_anonymous=not args.no_anonymous,
        )
    else:
        _require(args, "paid event", "category", "price")
        spec = paid_event_spec(
            title=args.title,
            category=args.category,
            price=args.price,
            currency=args.currency,
            capacity=args.capacity,
            starts_at=args.starts_at,
            duration_minutes=args.duration,
            online_only=not args.in_person,
            description=args.description,
            organization_id=args.organization,
            goal=args.goal,
            catalog=bundled_catalog(),
        )
    with _opened(args) as service:
        campaign = service.create_campaign(spec)  # type: ignore[arg-type]
    _print(str(campaign.id))
    return EXIT_OK


def cmd_donate(args: argparse.Namespace) -> int:
    with _opened(args) as service:
        outcome = service.record_donation(
            args.campaign,
            amount=args.amount,
            donor_name=args.donor,
            message=args.message,
            anonymous=args.anonymous,
            external_id=args.external_id,
        )
    if outcome.donation is None:
        print(
            f"external id '{outcome.external_id}' is already recorded; nothing was added",
            file=sys.stderr,
        )
        return EXIT_OK
    _print(str(outcome.donation.id))
    return EXIT_OK


def cmd_simulate(args: argparse.Namespace) -> int:
    on_commit: Callable[[BatchOutcome], None] | None = None
    if args.progress == "jsonl":

        def on_commit(outcome: BatchOutcome) -> None:
            # Printed only after the batch's transaction has committed: it is durable.
            line = {"committed": outcome.committed, "total_minor": outcome.stats.total_minor}
            try:
                _print_json(line)
            except BrokenPipeError:
                _silence_stdout()  # the reader went away: the rehearsal itself goes on

    with _opened(args) as service:
        if service.campaign(args.campaign).kind.value == "paid-event":
            from livegiving_desktop import cli_events

            return cli_events.simulate_event(args, service, on_commit)
        report = service.simulate(
            args.campaign,
            rate=args.rate,
            count=args.count,
            seconds=args.seconds,
            seed=args.seed,
            duplicates=args.duplicates,
            on_commit=on_commit,
            stop_requested=cli_signals.stop_requested,
        )
        total = service.campaign(args.campaign).total_minor
    s = report.summary
    _print_json({
        "campaign": args.campaign,
        "accepted": s.accepted,
        "duplicates_dropped": s.duplicates_dropped,
        "rejected": s.rejected,
        "held": s.held,
        "total_minor": total,
        "currency": report.currency,
        "batches": s.batches,
        "elapsed_s": round(report.elapsed_s, 3),
        **({"interrupted": True} if report.interrupted else {}),
    })  # fmt: skip
    if report.stopped_by is not None:
        return cli_signals.rehearsal_stopped(report.stopped_by)
    return EXIT_OK


def cmd_refund(args: argparse.Namespace) -> int:
    import getpass

    from livegiving_desktop.core.money import to_decimal_text
    from livegiving_desktop.core.records import Actor, ActorRole
    from livegiving_desktop.core.refunds import clean_actor, clean_reason

    # Checked before the database is opened: bad input writes nothing.
    reason = clean_reason(args.reason, "--reason")
    actor = clean_actor(Actor(args.moderator or getpass.getuser(), ActorRole.MODERATOR))
    with _opened(args) as service:
        outcome = service.refund_donation(args.donation, reason, actor)
    d = outcome.donation
    amount = f"{to_decimal_text(d.amount_minor, d.currency)} {d.currency}"
    print(f"donation {d.id} refunded ({amount}); refund id below", file=sys.stderr)
    if outcome.was_thanked:
        print("note: this donor was already thanked on air", file=sys.stderr)
    _print(str(outcome.refund_id))
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from livegiving_desktop.db.engine import to_url
    from livegiving_desktop.services.files import check_target, ledger_files, write_atomically

    if args.output is not None and not args.output.strip():
        raise BadInputError("--output: is empty; give a file name (or leave -o out for stdout)")
    target = Path(args.output) if args.output else None
    if target is not None:
        # Checked before the database is opened: never the ledger, never a device or a FIFO,
        # an existing file only with --force.
        protected = ledger_files(to_url(_database(args)))
        check_target(target, protected=protected, overwrite=args.force, field="--output")
    with _opened(args) as service:
        service.campaign(args.campaign)  # refuse an unknown campaign before writing anything
        write = _export_writer(service, args.what, args.campaign)
        if target is None:
            write(args.campaign, args.format, sys.stdout)
            sys.stdout.flush()
            return EXIT_OK
        # Written beside the target and renamed: a failed export never leaves half a file.
        count = write_atomically(
            target,
            lambda out: write(args.campaign, args.format, out),
            protected=protected + ledger_files(service.db.url),
            overwrite=args.force,
            field="--output",
        )
    noun = {"audit": "audit rows", "tickets": "tickets"}.get(args.what, "donations")
    print(f"{count} {noun} written to {target}", file=sys.stderr)
    return EXIT_OK


def _export_writer(
    service: LedgerService, what: str, campaign_id: int
) -> Callable[[int, str, TextIO], int]:
    if what == "audit":
        from livegiving_desktop.services.moderation import ModerationService

        return ModerationService(service).export_audit
    if what == "tickets":
        from livegiving_desktop.services.events import EventService

        events = EventService(service)
        events.event(campaign_id)  # refused unless the campaign is a paid event
        return events.export_tickets
    return service.export_donations


def cmd_story(args: argparse.Namespace) -> int:
    if args.action == "settings":
        return _story_settings(args)
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise BadInputError(f"--out: {out} is a file, not a folder")
    with _opened(args) as service:
        service.campaign(args.campaign)  # refuse an unknown campaign before writing anything
        # Qt only for this command (fonts need a QGuiApplication): the others stay fast.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtGui import QGuiApplication

        from livegiving_desktop.services.stories import StoryService
        from livegiving_desktop.ui.story.render import export_story

        app = QGuiApplication.instance() or QGuiApplication(["livegiving"])
        result = export_story(StoryService(service), args.campaign, out)
        del app
    print(f"sticker.png and {result.frames} frames written to {result.folder}", file=sys.stderr)
    return EXIT_OK


def _story_settings(args: argparse.Namespace) -> int:
    from livegiving_desktop.core.stickers import check_color, check_sticker_hours
    from livegiving_desktop.services.stories import StoryService

    # Checked before the database is opened: bad input writes nothing.
    if args.sticker_hours is not None:
        check_sticker_hours(args.sticker_hours, "--sticker-hours")
    for flag, value in (("--primary-color", args.primary_color),
                        ("--accent-color", args.accent_color)):  # fmt: skip
        if value is not None:
            check_color(value, flag)
    with _opened(args) as service:
        c = StoryService(service).set_sticker_settings(
            args.campaign, hours=args.sticker_hours, primary_color=args.primary_color,
            accent_color=args.accent_color,
        )  # fmt: skip
    settings = {"campaign": c.id, "sticker_hours": c.sticker_hours,
                "primary_color": c.primary_color, "accent_color": c.accent_color}  # fmt: skip
    _print_json(settings)
    return EXIT_OK


def _later(module: str, name: str, *, opens_ledger: bool) -> Callable[[argparse.Namespace], int]:
    """A command whose module (`livegiving_desktop.<module>`) is imported when it runs: opening
    the window imports none of them. `opens_ledger`: it is given the opened ledger."""

    def run(args: argparse.Namespace) -> int:
        command = getattr(importlib.import_module(f"livegiving_desktop.{module}"), name)
        return _with_service(args, command) if opens_ledger else int(command(args))

    return run


def _with_service(
    args: argparse.Namespace, command: Callable[[argparse.Namespace, LedgerService], int]
) -> int:
    with _opened(args) as service:
        return command(args, service)


def _no_screen() -> str | None:
    """Why the window cannot open here, when it plainly cannot: on Linux with no X display and
    no Wayland socket (over SSH without -X, on a server), where Qt aborted with a wall of its
    own text about plugins ("Aborted", exit 134)."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and os.path.exists(os.path.join(runtime, "wayland-0")):
        return None  # Wayland's default socket
    return (
        "there is no screen here to open the window on (neither DISPLAY nor WAYLAND_DISPLAY "
        "is set). Start it from a desktop session, or over SSH with -X; the commands work "
        "anywhere (livegiving --help)."
    )


def _run_gui(args: argparse.Namespace) -> int:
    problem = _no_screen()
    if problem is not None:
        log.error("no screen: %s", problem)
        print(f"livegiving: {problem}", file=sys.stderr)
        return EXIT_FAILURE
    cli_signals.hold_signals()  # until the window's loop listens (app._quit_on_signals)
    log.info("opening the %s", "moderation console" if args.moderator_console else "window")
    # No garbage collection until the window is shown (run_app turns it back on): importing
    # the window's modules and building it allocate much and free little (~4 % of the time
    # to the first paint, measured).
    gc.disable()
    try:
        from livegiving_desktop.app import run_app
    except BaseException:
        gc.enable()
        raise

    return run_app(db=getattr(args, "db", None), demo=args.demo, lang=args.lang,
                   moderator=args.moderator_console)  # fmt: skip


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "organizations": cmd_organizations,
    "campaigns": cmd_campaigns,
    "donate": cmd_donate,
    "simulate": cmd_simulate,
    "refund": cmd_refund,
    "tickets": _later("cli_events", "cmd_tickets", opens_ledger=True),
    "moderate": _later("cli_moderate", "cmd_moderate", opens_ledger=True),
    "export": cmd_export,
    "story": cmd_story,
    "overlay": _later("cli_overlay", "cmd_overlay", opens_ledger=True),
    "db": _later("cli_db", "cmd_db", opens_ledger=False),
    "team": _later("cli_team", "cmd_team", opens_ledger=False),
}


def tune_interpreter() -> None:
    """The ledger writer thread must get the GIL back promptly each time SQLite hands it back
    (and the UI thread each frame): a 0.25 ms switch interval instead of 5 ms lets the
    producer, the writer and the UI overlap. LedgerService.simulate of 200,000 donations in
    one process, 3 runs each at load 0.3 to 0.8: 1.61 to 1.67 s at 0.25 ms, 1.85 to 1.92 s
    at 1 ms (0.1 and 0.5 ms: as 0.25). It only costs when threads compete for the GIL."""
    sys.setswitchinterval(SWITCH_INTERVAL_S)


# Options that name a file written by the command: a file's name may hold bytes that are not
# UTF-8 (Python keeps them as lone surrogates and gives them back to the system as they came).
# Not --db: the ledger's URL is shown, logged and stored by seats, all as text.
_PATH_OPTIONS = frozenset({"out", "output"})
_POSITIONALS = frozenset({"name", "role", "what", "command", "action"})


def _refuse_undecodable(args: argparse.Namespace) -> None:
    """Text that is not UTF-8 (bytes a terminal or a script passed as they were: Python keeps
    them as lone surrogates) is refused naming its option, before anything is opened: no
    database or log can store it."""
    for dest, value in vars(args).items():
        values = value if isinstance(value, list) else [value]
        if dest in _PATH_OPTIONS or not any(isinstance(v, str) for v in values):
            continue
        if any(isinstance(v, str) and SURROGATE_RE.search(v) for v in values):
            field = dest.upper() if dest in _POSITIONALS else "--" + dest.replace("_", "-")
            raise BadInputError(f"{field}: is not UTF-8 text (it holds bytes of another encoding)")


def main(argv: Sequence[str] | None = None) -> int:
    tune_interpreter()
    if argv is None:  # the program itself: a signal is held until it knows what it runs
        cli_signals.hold_signals()
    args = _parse(argv)
    config.setup_logging()
    try:
        _refuse_undecodable(args)
        if getattr(args, "db", None) is not None:
            _database(args)  # a blank --db is refused, for the window as for every command
        if args.command is None:
            return _run_gui(args)
        if argv is None:  # the program itself (not a caller in its own process)
            cli_signals.release_for_a_command()
        try:
            return COMMANDS[args.command](args)
        finally:
            if argv is None:  # the program itself (not a caller in its own process): it exits
                _before_exit()
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_OK
    except KeyboardInterrupt as exc:  # Ctrl+C or SIGTERM: said in words, never a traceback
        words, status = cli_signals.stopped(exc)
        log.info("%s", words)
        print(f"livegiving: {words} (what was already saved stays saved)", file=sys.stderr)
        return status
    except Exception as exc:
        return _failure(exc)


def _before_exit() -> None:
    """A command is done and its process exits next. Everything it imported and made is moved
    out of the garbage collector's sight (`gc.freeze`): the interpreter's exit then does not
    walk SQLAlchemy's objects in its full collections (~40 ms of every command that opened
    the ledger). Nothing of the command is left to the collector: its database is closed,
    its output flushed, and the log is closed at exit as before (logging's atexit)."""
    gc.freeze()


def _failure(exc: Exception) -> int:
    """A command's failure in words on stderr, and its exit status. Each kind is recognised
    by its class when its module is loaded (a failure of SQLAlchemy means it is), so that no
    command imports SQLAlchemy to say what went wrong."""
    if _is_instance(exc, ("livegiving_desktop.services.ingest", "IngestError")):
        log.error("ingestion failed: %s", exc)
        print(f"livegiving: the ledger could not be written: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    if _is_instance(exc, ("livegiving_desktop.core.decisions", "ConflictError")):
        # A lost race is not bad input: another seat decided first, nothing was written.
        log.info("lost a race: %s", exc)
        print(f"livegiving: {exc}", file=sys.stderr)
        from livegiving_desktop.cli_moderate import EXIT_CONFLICT

        return EXIT_CONFLICT
    if _is_instance(exc, ("livegiving_desktop.db.engine", "DatabaseBusyError")):
        # Not bad input: the same command works once the other program lets go.
        log.warning("the ledger is locked: %s", exc)
        print(f"livegiving: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    if _is_instance(exc, ("livegiving_desktop.db.team", "TeamError"),
                    ("livegiving_desktop.core.team", "RoleRefusedError")):  # fmt: skip
        log.info("refused: %s", exc)  # exit 4 not allowed, 5 name taken (README)
        print(f"livegiving: {exc}", file=sys.stderr)
        return int(getattr(exc, "status", EXIT_FAILURE))
    if isinstance(exc, LiveGivingError):
        # Every refusal of the rules, an unknown id, a state refusal, an unusable --db.
        log.info("refused: %s", exc)
        print(f"livegiving: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if _is_instance(exc, ("sqlalchemy.exc", "SQLAlchemyError")):
        from livegiving_desktop.db.engine import BUSY_WORDS
        from livegiving_desktop.db.failures import BUSY_REASON, describe_failure

        log.exception("database failure")
        reason = describe_failure(exc)
        if reason == BUSY_REASON:
            reason = BUSY_WORDS
        print(f"livegiving: database failure: {reason}", file=sys.stderr)
        return EXIT_FAILURE
    if isinstance(exc, OSError):
        log.exception("I/O failure")
        print(f"livegiving: {exc.strerror or exc}: {exc.filename or ''}", file=sys.stderr)
        return EXIT_FAILURE
    log.exception("unexpected failure")
    written = config.active_log()
    where = f"the details are in {written}" if written else "the log could not be written"
    print(f"livegiving: unexpected error; {where}", file=sys.stderr)
    return EXIT_FAILURE
