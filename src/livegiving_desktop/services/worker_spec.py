"""What an ingestion worker runs (services/worker.py starts it, services/worker_main.py is its
body). Kept apart so that the window's process imports it without the worker's modules."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from livegiving_desktop.core.audience import AudienceProfile


@dataclass(frozen=True, slots=True)
class WorkerSpec:
    """The database (its URL, credentials included: it travels on the pipe, never on a command
    line), the live campaign and its audience."""

    url: str
    campaign_id: int
    rate: float
    paused: bool = False
    seed: int | None = None
    profile: AudienceProfile | None = None
    id_prefix: str = ""
    # "module:function" or "module:function=argument", called with the worker's LedgerService
    # (and the argument) once the database is open: how tests put a fault into the worker.
    hooks: tuple[str, ...] = ()
    sys_path: tuple[str, ...] = ()  # where the hooks' modules are found (the window's sys.path)
