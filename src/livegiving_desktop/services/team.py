"""The seat's place in a team (issue 13), for the UI: who the server says this login is, its
role, and refusals by the server turned into "Your role (moderator) cannot end a broadcast".

On SQLite there is no team: a seat is a single desk (`SeatIdentity.role` is None) and the
console asks for a display name as before."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ParamSpec, TypeVar

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from livegiving_desktop.db.engine import Database
from livegiving_desktop.db.team import RoleRefusedError, TeamRole, login_role, refusal_of
from livegiving_desktop.services.ingest import IngestError

__all__ = ["RoleRefusedError", "SeatIdentity", "TeamRole", "guarded", "seat_identity"]

P = ParamSpec("P")
R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class SeatIdentity:
    """Who this seat is to the server: its login and team role (None: no team, a single desk)."""

    login: str | None
    role: TeamRole | None

    @property
    def may_run_broadcast(self) -> bool:
        """Go live, end, cancel, record offline donations, change goals: the owner's."""
        return self.role is None or self.role is TeamRole.OWNER

    @property
    def may_moderate(self) -> bool:
        """Decide messages, privacy, refunds, blocks, rules: the owner's and a moderator's."""
        return self.role is not TeamRole.VIEWER

    @property
    def read_only(self) -> bool:
        return self.role is TeamRole.VIEWER


def seat_identity(db: Database) -> SeatIdentity:
    """Ask the server (PostgreSQL) who this login is; SQLite: no team. Runs on the database
    thread (it is a round trip)."""
    if db.dialect != "postgresql":
        return SeatIdentity(None, None)
    with db.reader.connect() as conn:
        login = str(conn.execute(text("SELECT session_user")).scalar_one())
        return SeatIdentity(login, login_role(conn))


def guarded(db: Database, action: str, work: Callable[P, R]) -> Callable[P, R]:
    """`work`, with the server's refusal for lack of privilege raised as RoleRefusedError
    ("Your role (viewer) cannot <action>"); `action` in English words (the UI translates)."""

    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return work(*args, **kwargs)
        except (SQLAlchemyError, IngestError) as exc:
            refusal = refusal_of(db, exc, action)
            if refusal is None:
                raise
            raise refusal from exc

    return run
