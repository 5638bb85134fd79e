"""`livegiving overlay urls|serve|control` end to end."""

from __future__ import annotations

import http.client
import json
import signal
import socket
import sqlite3
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

from helpers.cli import Cli, cli_argv, cli_env
from helpers.ledger import PREPARED_EVENT, PREPARED_FUNDRAISER


def test_urls_prints_each_overlay_with_the_campaign_token(cli_prepared: Cli) -> None:
    text = cli_prepared("overlay", "urls", "--campaign", str(PREPARED_FUNDRAISER))
    assert text.code == 0, text.stderr
    rows = [line.split() for line in text.stdout.splitlines()]
    assert [r[0] for r in rows] == ["alerts", "goal", "ticker", "top", "story", "event"]
    token = rows[0][1].split("/")[-2]
    assert len(token) == 32
    assert rows[2][1] == f"http://127.0.0.1:7580/overlay/{token}/ticker"
    assert rows[2][2] == "(1920×100)"
    again = cli_prepared("overlay", "urls", "--campaign", str(PREPARED_FUNDRAISER), "--json",
                         "--port", "8123")  # fmt: skip
    assert again.code == 0
    listed = json.loads(again.stdout)
    assert listed[0] == {
        "name": "alerts",
        "url": f"http://127.0.0.1:8123/overlay/{token}/alerts",
        "width": 800,
        "height": 600,
    }


def test_an_unknown_campaign_or_a_bad_port_is_refused_and_nothing_written(
    cli_prepared: Cli, ledger_copy: Path
) -> None:
    refused = cli_prepared("overlay", "urls", "--campaign", "99")
    assert refused.code == 2
    assert "campaign: no campaign has the id 99" in refused.stderr
    assert cli_prepared("overlay", "serve", "--campaign", "1", "--port", "70000").code == 2
    assert cli_prepared("overlay", "control", "--campaign", "99", "test").code == 2
    with sqlite3.connect(ledger_copy) as conn:
        assert conn.execute("SELECT count(*) FROM overlay_settings").fetchone() == (0,)


def test_control_reaches_the_ledger(cli_prepared: Cli, ledger_copy: Path) -> None:
    done = cli_prepared("overlay", "control", "--campaign", "1", "pause")
    assert done.code == 0, done.stderr
    assert json.loads(done.stdout) == {"campaign": 1, "done": "pause", "paused": True}
    assert cli_prepared("overlay", "control", "--campaign", "1", "test").code == 0
    with sqlite3.connect(ledger_copy) as conn:
        assert conn.execute("SELECT paused, test_count FROM overlay_settings").fetchone() == (1, 1)


def test_serve_serves_the_pages_until_interrupted(ledger_copy: Path, user_data_dir: Path) -> None:
    process = subprocess.Popen(
        cli_argv("overlay", "serve", "--campaign", "1", "--port", "0", db=ledger_copy),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=cli_env(user_data_dir),
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline().split()
        assert first[0] == "alerts"
        url = urlsplit(first[1])
        assert url.hostname == "127.0.0.1"
        conn = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
        conn.request("GET", url.path)
        response = conn.getresponse()
        assert response.status == 200
        assert "script-src 'self'" in response.getheader("Content-Security-Policy", "")
        conn.close()
        # Another campaign's pages are not served by this campaign's server.
        other = subprocess.run(
            cli_argv("overlay", "urls", "--campaign", str(PREPARED_EVENT), db=ledger_copy),
            capture_output=True, text=True, env=cli_env(user_data_dir), timeout=60,
            check=True,
        ).stdout.split()[1]  # fmt: skip
        conn = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
        conn.request("GET", urlsplit(other).path)
        assert conn.getresponse().status == 403
        conn.close()
        # A port already taken: refused in words, exit 2.
        busy = subprocess.run(
            cli_argv("overlay", "serve", "--campaign", "1", "--port", str(url.port),
                     db=ledger_copy),
            capture_output=True, text=True, env=cli_env(user_data_dir), timeout=60,
            check=False,
        )  # fmt: skip
        assert busy.returncode == 2
        assert f"--port: {url.port} is already in use" in busy.stderr
    finally:
        process.send_signal(signal.SIGINT)
        _out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert "overlay server stopped" in err
    assert "Traceback" not in err
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", url.port or 0)) != 0
