"""Goal progress and the milestones announced on air (25, 50, 75 and 100 % of the goal)."""

from __future__ import annotations

MILESTONES = (25, 50, 75, 100)


def progress_permille(total_minor: int, goal_minor: int | None) -> int:
    """Share of the goal reached, in thousandths, capped at 1000 (a progress bar's value)."""
    if not goal_minor or goal_minor <= 0:
        return 0
    return min(1000, max(0, total_minor * 1000 // goal_minor))


def percent_reached(total_minor: int, goal_minor: int | None) -> int:
    """Whole percent of the goal reached (may pass 100)."""
    if not goal_minor or goal_minor <= 0:
        return 0
    return max(0, total_minor * 100 // goal_minor)


def milestones_crossed(before_minor: int, after_minor: int, goal_minor: int | None) -> list[int]:
    """The milestones passed when the total went from `before` to `after` (rising only)."""
    if not goal_minor or goal_minor <= 0 or after_minor <= before_minor:
        return []
    return [m for m in MILESTONES if before_minor * 100 < m * goal_minor <= after_minor * 100]


def reached_milestones(total_minor: int, goal_minor: int | None) -> list[int]:
    return milestones_crossed(0, total_minor, goal_minor) if total_minor > 0 else []
