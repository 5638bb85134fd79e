"""The overlay server's default port and the alert box's controls: what the command line's
parsers name (`livegiving overlay`), without the rest of core/overlays.py (issue 19: the
parsers are built before the window paints). core/overlays.py re-exports them."""

from __future__ import annotations

DEFAULT_PORT = 7580  # the overlay server's port unless the creator chose another
CONTROL_ACTIONS = ("test", "replay", "skip", "pause", "resume")  # the alert box's controls
