"""Read bundled data with importlib.resources (works from a wheel, never a source-tree path)."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any

PACKAGE = "livegiving_desktop.resources"


def resource(*parts: str) -> Traversable:
    """A bundled file, e.g. resource("blocklist", "fr.txt")."""
    node: Traversable = files(PACKAGE)
    for part in parts:
        node = node / part
    return node


def read_text(*parts: str) -> str:
    return resource(*parts).read_text(encoding="utf-8")


def read_json(*parts: str) -> Any:
    import json  # not for the window's first frame, which reads text only

    return json.loads(read_text(*parts))
