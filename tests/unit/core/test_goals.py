"""Changing the goal: the rule (a draft's goal, a stretch goal while live) and the
milestones that follow the new goal."""

from __future__ import annotations

import pytest

from livegiving_desktop.core.errors import StateError, ValidationError
from livegiving_desktop.core.goals import check_goal_change, goal_progress, milestones_crossed


def change(status: str = "live", total: int = 500_000, current: int | None = 500_000,
           new: int = 1_000_000, raises_money: bool = True) -> None:  # fmt: skip
    check_goal_change(status=status, raises_money=raises_money, total_minor=total,
                      current_goal_minor=current, new_goal_minor=new)  # fmt: skip


def test_a_stretch_goal_while_live_and_any_goal_on_a_draft() -> None:
    change()  # reached 5,000: now 10,000
    change(status="draft", total=0, new=100)  # a draft may lower it too
    change(status="live", total=100, current=500_000, new=200_000)  # lower, still above


def test_what_is_refused() -> None:
    with pytest.raises(ValidationError, match="above the amount raised"):
        change(total=500_000, new=500_000 - 1)
    with pytest.raises(ValidationError, match="above the amount raised"):
        change(total=600_000, current=700_000, new=600_000)
    with pytest.raises(ValidationError, match="already the goal"):
        change(new=500_000, total=0)
    with pytest.raises(StateError, match="ended"):
        change(status="ended")
    with pytest.raises(StateError, match="cancelled"):
        change(status="cancelled")
    with pytest.raises(StateError, match="no goal"):
        change(raises_money=False, current=None)


def test_milestones_follow_the_new_goal() -> None:
    # 5,000 raised of 5,000 (100 %): the stretch goal is 10,000, so 25 % and 50 % are
    # behind, 75 % (7,500) is next and is announced when it is crossed.
    progress = goal_progress(500_000, 1_000_000)
    assert progress.permille == 500
    assert progress.reached == (25, 50)
    assert (progress.next_milestone, progress.next_milestone_minor) == (75, 750_000)
    assert milestones_crossed(500_000, 760_000, 1_000_000) == [75]
    assert milestones_crossed(500_000, 600_000, 1_000_000) == []  # 50 % is not said again
    done = goal_progress(1_000_000, 1_000_000)
    assert done.reached == (25, 50, 75, 100)
    assert (done.next_milestone, done.next_milestone_minor) == (None, None)
    assert goal_progress(0, 3).next_milestone_minor == 1  # ceil(25 % of 3)
    assert goal_progress(1, 3).next_milestone_minor == 2  # ceil(50 % of 3)
