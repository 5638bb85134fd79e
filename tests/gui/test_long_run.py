"""Hours on air in seconds: 10,000 UI updates in a process of its own must leave it alive and,
on Python < 3.12 (where None is not immortal), leave None's reference count where it was.
PySide6 6.12.0 on Python 3.11 lost one reference to None per Qt call returning nothing and
aborted the app a minute or two into a broadcast; this test is what would have caught it.
Each UI update makes at least one such call, so that leak takes 10,000 references or more,
five times the slack below (50,000 updates took 17 s of CPU, a tenth of the suite's wall time
on two cores; benchmarks/soak.py keeps a window on air for as long as asked)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from livegiving_desktop.ui.fundraiser.models import LIVE_ROWS

REPO = Path(__file__).resolve().parents[2]
# Rows held by the feed (a None message, a None status) add references; a leak of one per Qt
# call would take tens of thousands.
NONE_SLACK = 2_000


def test_ten_thousand_ui_updates_leave_the_app_alive_and_none_intact(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tests.helpers.long_run", str(tmp_path / "ledger.db")],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    tail = result.stderr[-2000:]
    assert result.returncode == 0, f"the app died (exit {result.returncode}):\n{tail}"
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    print(json.dumps(figures))
    assert figures["ui_updates"] >= 10_000
    assert figures["console_open"] is True
    assert figures["feed_rows"] == LIVE_ROWS  # the feed stays bounded however long the broadcast
    # 1,250 ticks of 4 donations of 100 + id % 5000 minor units
    amounts = sum(100 + i % 5000 for i in range(1, 1_250 * 4 + 1))
    assert figures["total_shown"] == f"€{amounts // 100:,}.{amounts % 100:02d}"
    if sys.version_info < (3, 12):
        fell = figures["none_refcount_before"] - figures["none_refcount_after"]
        assert fell < NONE_SLACK, f"None lost {fell} references: {figures}"
