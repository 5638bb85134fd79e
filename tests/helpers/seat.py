"""Another seat: a process of its own on the same database, for the two-process tests of the
change feed. Run as `python tests/helpers/seat.py DB_URL COMMAND JSON_ARGS`; prints one JSON
object per line on stdout (results, or what its follower received).

`Seat` starts one and talks to it from a test.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve()


def _say(**values: Any) -> None:
    sys.stdout.write(json.dumps(values) + "\n")
    sys.stdout.flush()


def _wait_until(at: float | None) -> None:
    if at is not None:
        while time.time() < at:
            time.sleep(min(0.01, max(0.0, at - time.time())))


def cmd_writes(service: Any, args: dict[str, Any]) -> None:
    """A script of writes, one after the other: [[action, {args}], ...]."""
    from livegiving_desktop.core.moderation import ModerationSettings
    from livegiving_desktop.core.records import Actor, ActorRole
    from livegiving_desktop.services.moderation import ModerationService

    moderation = ModerationService(service)
    actor = Actor(args.get("actor", "Sam"), ActorRole.MODERATOR)
    campaign_id = int(args["campaign"])
    for action, kw in args["script"]:
        if action == "donate":
            for i in range(int(kw.get("count", 1))):
                outcome = service.record_donation(
                    campaign_id,
                    amount=str(kw.get("amount", "5")),
                    donor_name=kw.get("donor", f"Donor {i}"),
                    message=kw.get("message"),
                )
                _say(action="donate", id=outcome.donation.id, at=time.time())
        elif action in ("hide", "approve"):
            work = moderation.hide if action == "hide" else moderation.approve
            work(campaign_id, kw["ids"], actor)
        elif action == "anonymous":
            moderation.set_privacy(campaign_id, kw["ids"], actor, hide_name=True)
        elif action == "refund":
            moderation.refund(kw["id"], "test refund", actor)
        elif action == "thank":
            service.thank(campaign_id, kw["ids"])
        elif action == "block":
            moderation.block_donor(kw["id"], actor)
        elif action == "rules":
            settings = ModerationSettings().with_words("en", kw["words"])
            moderation.save_settings(campaign_id, settings, actor)
        elif action == "sleep":
            time.sleep(float(kw["seconds"]))
        _say(action=action, done=True, at=time.time())
    _say(finished=True)


def cmd_decide(service: Any, args: dict[str, Any]) -> None:
    """Decisions at given wall-clock times (races), each naming the versions its seat saw:
    rounds = [{"at": time, "action": ..., "seen": {donation id: version}}, ...]."""
    from livegiving_desktop.core.decisions import ConflictError
    from livegiving_desktop.core.records import Actor, ActorRole
    from livegiving_desktop.services.moderation import ModerationService

    moderation = ModerationService(service)
    actor = Actor(args["actor"], ActorRole.MODERATOR)
    campaign_id = int(args["campaign"])
    _say(ready=True)
    for round_ in args["rounds"]:
        seen = {int(k): int(v) for k, v in round_["seen"].items()}
        ids = sorted(seen)
        action = round_["action"]
        _wait_until(round_.get("at"))
        try:
            if action == "hide":
                moderation.hide(campaign_id, ids, actor, seen=seen)
            elif action == "approve":
                moderation.approve(campaign_id, ids, actor, seen=seen)
            elif action == "refund":
                _say(started=True)
                moderation.refund_many(campaign_id, ids, "race", actor, seen=seen)
            else:
                raise SystemExit(f"unknown action {action}")
        except ConflictError as exc:
            _say(won=False, message=str(exc), sentences=exc.sentences)
            continue
        _say(won=True)
    _say(finished=True)


def cmd_follow(service: Any, args: dict[str, Any]) -> None:
    """Follow a campaign from a seq and print what arrives, for `seconds`."""
    from livegiving_desktop.services.changes import ChangeFollower

    def changed(c: Any) -> None:
        _say(
            first=c.first_seq,
            last=c.last_seq,
            kinds=[e.kind for e in c.events],
            new=[d.id for d in c.new_donations],
            updated=[[d.id, d.message_status, d.status] for d in c.updated_donations],
            total=c.stats.total_minor,
            at=time.time(),
        )

    follower = ChangeFollower(service.db, changed)
    follower.follow(int(args["campaign"]), int(args["after"]))
    _say(ready=True)
    time.sleep(float(args.get("seconds", 5)))
    follower.close(2.0)


def cmd_presence(service: Any, args: dict[str, Any]) -> None:
    """Keep a heartbeat for a seat until killed (or `seconds`)."""
    from livegiving_desktop.services.presence import Presence

    presence = Presence(
        service.db,
        kind=args["kind"],
        display_name=args["name"],
        role=args.get("role", args["kind"]),
        campaign_id=args.get("campaign"),
        beat_every=float(args.get("beat_every", 0.5)),
        seat_key=args.get("seat_key"),
    )
    presence.start()
    _say(ready=True, seat_key=presence.seat_key)
    time.sleep(float(args.get("seconds", 60)))
    presence.close(2.0)


COMMANDS: dict[str, Callable[[Any, dict[str, Any]], None]] = {
    "writes": cmd_writes,
    "decide": cmd_decide,
    "follow": cmd_follow,
    "presence": cmd_presence,
}


def main() -> None:
    from livegiving_desktop.services.ledger import LedgerService

    url, command, raw = sys.argv[1], sys.argv[2], sys.argv[3]
    service = LedgerService.open(url)
    try:
        COMMANDS[command](service, json.loads(raw))
    finally:
        service.close()


class Seat:
    """Another seat's process, started from a test; its JSON lines are read as they come."""

    def __init__(self, url: str, command: str, args: dict[str, Any]) -> None:
        env = {k: v for k, v in os.environ.items() if k != "LIVEGIVING_DB"}
        self.process = subprocess.Popen(
            [sys.executable, str(HERE), url, command, json.dumps(args)],
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env=env,
        )
        self._lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self._lines.put(line)
        self._lines.put(None)

    def read(self, timeout: float = 30.0) -> dict[str, Any]:
        """The next line (the test fails if the seat says nothing in time)."""
        try:
            line = self._lines.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError("the other seat said nothing in time") from None
        assert line is not None, f"the other seat ended (exit {self.process.wait()})"
        return dict(json.loads(line))

    def read_until(self, key: str, timeout: float = 60.0) -> list[dict[str, Any]]:
        """Lines up to and including the first that has `key`."""
        lines = []
        deadline = time.monotonic() + timeout
        while True:
            line = self.read(max(0.1, deadline - time.monotonic()))
            lines.append(line)
            if key in line:
                return lines

    def wait(self, timeout: float = 60.0) -> int:
        return self.process.wait(timeout)

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(10)


if __name__ == "__main__":
    main()
