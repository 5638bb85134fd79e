"""Faults put into an ingestion worker (services/worker.py): hooks named in WorkerSpec.hooks
or LIVEGIVING_WORKER_HOOKS as "helpers.faults:NAME=ARGUMENT", run in the worker once its
database is open."""

from __future__ import annotations

import os

from livegiving_desktop.services.ledger import LedgerService


def writer_raises(service: LedgerService, message: str) -> None:
    """Every batch the worker writes fails with an unexpected error."""

    def insert_batch(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError(message)

    service.store.insert_batch = insert_batch  # type: ignore[method-assign]


def exit_at_start(_service: LedgerService, status: str) -> None:
    """The worker dies as it starts, with this exit status."""
    os._exit(int(status))
