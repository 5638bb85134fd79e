"""The keyboard alone, on every screen at 1366×768: Tab and Shift+Tab go round every control
of the window and out of each (no trap, no tab typed into a field), and what is operated by
the mouse (the composer's sticker, the player's view) can take focus. Every screen passes; a
screen that breaks again goes in FAILING_TODAY as xfail(strict=True)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from . import scenes

# Operated by the mouse (drag, wheel, click): the keyboard must reach them too.
MOUSE_OPERATED = ("storyCanvas", "storyView")

FAILING_TODAY: dict[str, str] = {}  # the composer's canvas takes focus (phase 2)


@pytest.mark.parametrize(
    "screen",
    [
        pytest.param(s, marks=pytest.mark.xfail(strict=True, reason=FAILING_TODAY[s]))
        if s in FAILING_TODAY
        else s
        for s in scenes.SCREENS
    ],
)
def test_tab_goes_round_every_control_without_a_trap(
    screen_report: Callable[[str], dict[str, Any]], screen: str
) -> None:
    entry = screen_report("1366x768")["screens"][screen]
    tab, back = entry["tab"], entry["shift_tab"]
    assert tab["order"], f"no control takes focus on {screen}"
    problems = tab["problems"] + back["problems"]
    problems += [
        f"{name} cannot take focus"
        for name in MOUSE_OPERATED
        if name in entry["visible"] and name not in tab["order"]
    ]
    assert not problems, "\n".join(problems) + f"\nTab order: {tab['order']}"
