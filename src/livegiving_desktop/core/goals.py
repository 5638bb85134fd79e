"""Goal progress and the milestones announced on air (25, 50, 75 and 100 % of the goal)."""

from __future__ import annotations

from dataclasses import dataclass

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


# -- changing the goal ---------------------------------------------------------------------
#
# A creator may change the goal of a draft, and raise it while live: a stretch goal, as
# Tiltify does. The change is recorded (an audit row, action `goal`), and the milestones
# follow the new goal: those the total has already passed under it are not announced again.


def check_goal_change(
    *,
    status: str,
    raises_money: bool,
    total_minor: int,
    current_goal_minor: int | None,
    new_goal_minor: int,
) -> None:
    """Refuse a goal change the rules do not allow (StateError, or ValidationError naming the
    goal). `status` is the campaign's (draft, live, ended, cancelled)."""
    from livegiving_desktop.core.errors import StateError, ValidationError

    if status == "cancelled":
        raise StateError("the event was cancelled; its goal can no longer change")
    if status == "ended":
        raise StateError("the campaign has ended; its goal can no longer change")
    if not raises_money:
        raise StateError("this event raises no money: it has no goal")
    if new_goal_minor <= 0:
        raise ValidationError("goal", "must be more than zero")
    if new_goal_minor == current_goal_minor:
        raise ValidationError("goal", "is already the goal")
    if status == "live" and new_goal_minor <= total_minor:
        raise ValidationError("goal", "must be above the amount raised so far")


@dataclass(frozen=True, slots=True)
class GoalProgress:
    """Where a total stands against a goal: what the live view shows after a goal change."""

    goal_minor: int
    total_minor: int
    permille: int  # the progress bar's value (0..1000)
    reached: tuple[int, ...]  # milestones already passed under this goal: not announced again
    next_milestone: int | None  # the next one (percent), None once 100 % is passed
    next_milestone_minor: int | None  # the total at which it is reached


def goal_progress(total_minor: int, goal_minor: int) -> GoalProgress:
    """The progress of `total_minor` towards `goal_minor`, milestones included."""
    reached = tuple(reached_milestones(total_minor, goal_minor))
    upcoming = [m for m in MILESTONES if m not in reached]
    following = upcoming[0] if upcoming else None
    # The smallest total that reaches m % of the goal: ceil(m * goal / 100).
    at = None if following is None else -(-following * goal_minor // 100)
    return GoalProgress(
        goal_minor, total_minor, progress_permille(total_minor, goal_minor), reached,
        following, at,
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class GoalChange:
    """One change of a campaign's goal, as the audit log recorded it."""

    at_us: int
    actor_name: str
    actor_role: str
    before_minor: int | None
    after_minor: int
    reason: str | None = None
