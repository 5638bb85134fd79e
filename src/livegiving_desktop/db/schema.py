"""The schema revisions this app knows, oldest first (a test checks them against Alembic's
scripts). Plain constants, so that the home list's fast path (`db/home_list.py`) checks a
file's revision without importing SQLAlchemy; `db/engine.py` takes them from here."""

SCHEMA_REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006")
HEAD_REVISION = SCHEMA_REVISIONS[-1]
