"""Alembic environment: runs on the connection handed over by livegiving_desktop.db.engine."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from livegiving_desktop.db.models import metadata, postgresql_options

config = context.config
postgresql_options()  # every option of the tables, whatever the database (autogenerate)
target_metadata = metadata


def run_migrations(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite alters tables by copying them
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("migrations run through livegiving_desktop.db.engine.open_database")
run_migrations(connection)
