"""`livegiving team`: the people of a PostgreSQL database, each a login of the server in one
role (owner, moderator, viewer) that the server enforces (db/team.py).

    livegiving team init --db URL           once, by whoever administers the server
    livegiving team add NAME --role ROLE    prints the generated password once
    livegiving team list [--json]
    livegiving team role NAME ROLE
    livegiving team remove NAME             the login can no longer connect

Idempotent: `init` again grants what is missing (run it after an upgrade), `add` of a login
already in the team with that role does nothing, `remove` of a login that does not exist
does nothing. Exit status: 0 done; 2 bad input (an unknown role, a bad name, an SQLite
database, a login not in the team); 4 not allowed (the login may not create roles); 5 the
name is taken (another role of the server, or already in the team with another role);
1 any other failure.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from livegiving_desktop.services import config

if TYPE_CHECKING:  # imported by the commands that use them: `--help` needs none of them
    from livegiving_desktop.db.engine import Database

# What a command does, in the words of a refusal: "Your role (viewer) cannot <words>".
_ACTION_WORDS = {
    ("campaigns", "go-live"): "go live",
    ("campaigns", "end"): "end a broadcast",
    ("campaigns", "cancel"): "cancel an event",
    ("campaigns", "create"): "create a campaign",
    ("campaigns", "set-goal"): "change a goal",
    ("campaigns", "archive"): "archive a campaign",
    ("campaigns", "unarchive"): "archive a campaign",
    ("campaigns", "duplicate"): "create a campaign",
    ("donate", None): "record a donation",
    ("simulate", None): "record donations",
    ("refund", None): "refund a donation",
    ("tickets", None): "sell, admit or refund tickets",
    ("moderate", "refund"): "refund a donation",
    ("moderate", "block"): "block a donor",
    ("moderate", None): "decide on messages",
    ("story", None): "change the Story",
    ("overlay", None): "change the overlays",
}


def action_words(args: argparse.Namespace) -> str:
    """The command's action in words, for a refusal by role."""
    command = str(getattr(args, "command", ""))
    key = (command, getattr(args, "action", None))
    return _ACTION_WORDS.get(key) or _ACTION_WORDS.get((command, None)) or "do this"


def _login(text: str) -> str:
    from livegiving_desktop.db.team import check_login_name

    return check_login_name(text.strip())


def add_parsers(sub: argparse._SubParsersAction, db: argparse.ArgumentParser) -> None:
    """`livegiving team init|add|list|role|remove`."""
    team = sub.add_parser("team", parents=[db], help="the team of a PostgreSQL database")
    actions = team.add_subparsers(dest="action", required=True, parser_class=type(db))
    actions.add_parser("init", parents=[db], help="create the group roles and their grants")
    add = actions.add_parser("add", parents=[db], help="a new login; prints its password once")
    add.add_argument("name", metavar="NAME", help="the login name")
    add.add_argument("--role", required=True, metavar="ROLE", help="owner, moderator or viewer")
    listing = actions.add_parser("list", parents=[db], help="the team's logins and roles")
    listing.add_argument("--json", action="store_true")
    role = actions.add_parser("role", parents=[db], help="move a login to another role")
    role.add_argument("name", metavar="NAME")
    role.add_argument("role", metavar="ROLE", help="owner, moderator or viewer")
    remove = actions.add_parser("remove", parents=[db], help="drop a login: it cannot connect")
    remove.add_argument("name", metavar="NAME")


@contextmanager
def _database(args: argparse.Namespace) -> Iterator[Database]:
    from livegiving_desktop.db.engine import open_database

    db = open_database(getattr(args, "db", None) or config.default_database())
    try:
        yield db
    finally:
        db.close()


def cmd_team(args: argparse.Namespace) -> int:
    """Run one team command (TeamError carries its exit status up to cli.main)."""
    from livegiving_desktop.db.team import TeamStore, parse_role

    # Bad input is refused before anything is opened.
    name = _login(args.name) if hasattr(args, "name") else ""
    role = parse_role(args.role) if args.action in ("add", "role") else None
    with _database(args) as db:
        store = TeamStore(db)
        if args.action == "init":
            groups = store.init()
            print(f"team ready: {', '.join(groups)}", file=sys.stderr)
            return 0
        if args.action == "add":
            assert role is not None
            password = store.add(name, role)
            if password is None:
                print(f"{name} is already in the team as {role.value}; nothing done",
                      file=sys.stderr)  # fmt: skip
                return 0
            print(f"added {name} as {role.value}. The password below is shown once: give it"
                  " to them (a password file, PGPASSFILE, keeps it out of the URL).",
                  file=sys.stderr)  # fmt: skip
            sys.stdout.write(password + "\n")
            return 0
        if args.action == "list":
            members = store.members()
            if args.json:
                rows = [{"name": m.name, "role": m.role.value, "can_login": m.can_login}
                        for m in members]  # fmt: skip
                sys.stdout.write(json.dumps(rows) + "\n")
            else:
                for m in members:
                    sys.stdout.write(f"{m.name}\t{m.role.value}\n")
            return 0
        if args.action == "role":
            assert role is not None
            before = store.set_role(name, role)
            print(f"{name}: {before.value} → {role.value}", file=sys.stderr)
            return 0
        removed = store.remove(name)
        print(f"{name} removed" if removed else f"there is no login {name}; nothing done",
              file=sys.stderr)  # fmt: skip
        return 0
