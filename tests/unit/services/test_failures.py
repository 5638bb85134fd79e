"""Database failures in words: what a seat or the command line says when PostgreSQL cannot be
reached, refuses, or takes too long, never the driver's text or SQLAlchemy's link."""

from __future__ import annotations

import socket
import time

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError, OperationalError

from livegiving_desktop.db.changes import NoAnswerError
from livegiving_desktop.db.engine import DatabaseOpenError, open_database
from livegiving_desktop.services.failures import describe_failure

DRIVER_WORDS = ("sqlalche.me", "psycopg", "FATAL", "connection to server", "SQL:", "Background")


def _words_only(message: str) -> None:
    message = message.rsplit(": ", 1)[-1]  # the reason, after the URL the user gave
    for word in DRIVER_WORDS:
        assert word not in message, message


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_a_server_that_is_not_there_is_said_in_words_quickly() -> None:
    started = time.monotonic()
    with pytest.raises(DatabaseOpenError) as refused:
        open_database(f"postgresql+psycopg://nobody@127.0.0.1:{_free_port()}/nothing")
    assert time.monotonic() - started < 10
    message = str(refused.value)
    assert message.endswith("the database server cannot be reached")
    _words_only(message)


def test_a_server_that_never_answers_is_given_up_within_the_connect_timeout() -> None:
    silent = socket.create_server(("127.0.0.1", 0))  # accepts, never speaks
    port = silent.getsockname()[1]
    try:
        started = time.monotonic()
        with pytest.raises(DatabaseOpenError) as timed_out:
            open_database(f"postgresql+psycopg://nobody@127.0.0.1:{port}/nothing")
        assert time.monotonic() - started < 10  # connect_timeout is 5 s
        _words_only(str(timed_out.value))
        assert str(timed_out.value).endswith("the database server does not answer")
    finally:
        silent.close()


def test_our_own_deadline_and_unknown_errors() -> None:
    assert describe_failure(NoAnswerError()) == "the database server does not answer"
    assert describe_failure(ConnectionResetError()) == "the database server cannot be reached"
    wrapped = OperationalError("SELECT 1", {}, Exception("boom"))
    assert describe_failure(wrapped) == "boom"  # not a driver's: our own words pass through


@pytest.mark.db
def test_postgresql_refusals_in_words(db_url: str) -> None:
    if not db_url.startswith("postgresql"):
        pytest.skip("PostgreSQL's errors")
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn, pytest.raises(DBAPIError) as slow:
            conn.execute(text("SET statement_timeout = 50"))
            conn.execute(text("SELECT pg_sleep(2)"))
        assert describe_failure(slow.value) == (
            "the database took too long to answer; the statement was stopped"
        )
        with engine.connect() as conn, pytest.raises(DBAPIError) as unknown:
            conn.execute(text("SELECT * FROM no_such_table"))
        assert describe_failure(unknown.value) == (
            "the database reported an error (the details are in the log)"
        )
    finally:
        engine.dispose()
    url = engine.url
    with pytest.raises(DatabaseOpenError) as missing:
        open_database(url.set(database="lg_feed_no_such_database_here"))
    assert str(missing.value).endswith("the database does not exist on the server")
    _words_only(str(missing.value))


@pytest.mark.db
def test_the_statement_timeout_is_set_on_every_connection(db_url: str) -> None:
    if not db_url.startswith("postgresql"):
        pytest.skip("PostgreSQL's settings")
    db = open_database(db_url)
    try:
        with db.reader.connect() as conn:
            assert conn.execute(text("SHOW statement_timeout")).scalar() == "20s"
    finally:
        db.close()
