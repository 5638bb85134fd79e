"""Secrets (issue 13): a password never reaches the log or the diagnostics, and a URL without
a password works with libpq's standard password file (PGPASSFILE)."""

from __future__ import annotations

import os
import socket
import struct
import threading
from pathlib import Path

import pytest

from helpers.cli import run_cli
from livegiving_desktop.db.engine import DatabaseOpenError, open_database
from livegiving_desktop.services.diagnostics import mask_passwords


class PasswordCatcher:
    """A PostgreSQL server as far as asking for a password: it asks for it in clear text,
    keeps what the client sends, and refuses the login."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(1)
        self.port = self.sock.getsockname()[1]
        self.password: str | None = None
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _read(self, conn: socket.socket, n: int) -> bytes:
        data = b""
        while len(data) < n:
            chunk = conn.recv(n - len(data))
            if not chunk:
                raise ConnectionError
            data += chunk
        return data

    def _serve(self) -> None:
        conn, _ = self.sock.accept()
        with conn:
            try:
                while True:  # startup packet (answer N to an SSL or GSS request)
                    length, code = struct.unpack("!ii", self._read(conn, 8))
                    self._read(conn, length - 8)
                    if code in (80877103, 80877104):
                        conn.sendall(b"N")
                        continue
                    break
                conn.sendall(b"R" + struct.pack("!ii", 8, 3))  # AuthenticationCleartextPassword
                kind = self._read(conn, 1)
                (length,) = struct.unpack("!i", self._read(conn, 4))
                body = self._read(conn, length - 4)
                if kind == b"p":
                    self.password = body.rstrip(b"\0").decode()
                fields = b"SFATAL\0C28P01\0Mpassword authentication failed\0\0"
                conn.sendall(b"E" + struct.pack("!i", len(fields) + 4) + fields)
            except (ConnectionError, struct.error):
                pass

    def close(self) -> None:
        self.sock.close()


def test_a_url_without_password_uses_the_password_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    server = PasswordCatcher()
    passfile = tmp_path / "pgpass"
    passfile.write_text(f"127.0.0.1:{server.port}:livegiving:sam:from-the-passfile\n")
    passfile.chmod(0o600)  # libpq ignores a password file others can read
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    url = f"postgresql+psycopg://sam@127.0.0.1:{server.port}/livegiving?sslmode=disable"
    try:
        with pytest.raises(DatabaseOpenError) as refused:
            open_database(url)
    finally:
        server.close()
    assert server.password == "from-the-passfile"
    assert "refused the login" in str(refused.value)
    assert "from-the-passfile" not in str(refused.value)


def test_passwords_are_masked_in_diagnostics_text() -> None:
    text = "opened postgresql+psycopg://sam:s3cr3t-Pa55@db.example:5432/livegiving"
    assert "s3cr3t-Pa55" not in mask_passwords(text)
    assert "sam:***@db.example" in mask_passwords(text)


@pytest.mark.skipif(
    not os.environ.get("LIVEGIVING_TEST_PG_URL"), reason="team logins are PostgreSQL's"
)
def test_a_generated_password_is_never_logged(team_db: object, user_data_dir: Path) -> None:
    from helpers.team import TeamDatabase

    assert isinstance(team_db, TeamDatabase)
    added = run_cli("team", "add", "pat_" + team_db.name[-8:], "--role", "moderator",
                    data_dir=user_data_dir, db=team_db.url())  # fmt: skip
    team_db.logins.append("pat_" + team_db.name[-8:])
    password = added.stdout.strip()
    assert added.code == 0 and len(password) >= 20
    url = team_db.url("pat_" + team_db.name[-8:], password)
    listed = run_cli("campaigns", "list", data_dir=user_data_dir, db=url)
    assert listed.code == 0
    refused = run_cli("campaigns", "end", "--campaign", "1", data_dir=user_data_dir, db=url)
    assert refused.code != 0 and password not in refused.stderr
    logs = "".join(p.read_text(errors="replace") for p in user_data_dir.rglob("*.log*"))
    assert logs, "the commands wrote no log"
    assert password not in logs
