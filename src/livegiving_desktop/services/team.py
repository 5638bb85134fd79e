"""The seat's place in a team (issue 13), for the UI: who the server says this login is, its
role, and refusals by the server turned into "Your role (moderator) cannot end a broadcast".

On SQLite there is no team: a seat is a single desk (`SeatIdentity.role` is None) and the
console asks for a display name as before."""

from __future__ import annotations

from collections.abc import Callable
from typing import ParamSpec, TypeVar

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from livegiving_desktop.core.team import RoleRefusedError, SeatIdentity, TeamRole
from livegiving_desktop.db.engine import Database
from livegiving_desktop.db.team import login_role, refusal_of
from livegiving_desktop.services.ingest import IngestError

__all__ = ["RoleRefusedError", "SeatIdentity", "TeamRole", "guarded", "seat_identity"]

P = ParamSpec("P")
R = TypeVar("R")


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
