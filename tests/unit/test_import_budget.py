"""What the window's first screen imports (issue 19, "Start fast"): the modules a creator pays
for before the window paints. The overlay server (aiohttp) starts after the window is up and
imports its modules off the UI thread; the diagnostics are read when asked for. The budget of
the app's own modules fails this test when the first screen's imports grow."""

from __future__ import annotations

import json
import subprocess
import sys

# The app's own modules imported by `livegiving_desktop.app` (102 when this was written): room
# for a few more, not for a new subsystem.
OWN_MODULES_BUDGET = 110
NOT_BEFORE_THE_WINDOW = (
    "aiohttp",
    "livegiving_desktop.services.overlays",
    "livegiving_desktop.services.overlays.server",
    "livegiving_desktop.ui.overlays.window",
    "livegiving_desktop.services.diagnostics",
    "alembic",
    "hypothesis",
)


def _imported_by_app() -> list[str]:
    code = "import json, sys; import livegiving_desktop.app; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return list(json.loads(out.stdout))


def test_the_first_screen_imports_stay_within_their_budget() -> None:
    modules = _imported_by_app()
    early = [m for m in NOT_BEFORE_THE_WINDOW if m in modules]
    assert early == [], f"imported before the window paints: {early}"
    own = [m for m in modules if m.startswith("livegiving_desktop")]
    assert len(own) <= OWN_MODULES_BUDGET, (
        f"{len(own)} of the app's modules imported by the first screen "
        f"(budget {OWN_MODULES_BUDGET}); import the new ones where they are first used"
    )


def test_the_command_line_imports_the_overlay_server_only_for_overlay_commands() -> None:
    code = "import json, sys; import livegiving_desktop.cli; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    modules = json.loads(out.stdout)
    assert "aiohttp" not in modules
    assert "livegiving_desktop.services.overlays.server" not in modules
    assert "PySide6" not in modules  # the CLI never needs Qt
