"""The stage's alert over the scene: on a short stage (a 1366×768 screen's) the alert covers the
scene's title, as a stream alert covers a scene; it was drawn over it, the title showing
through and the alert's edge cutting the organization's line. A tall stage shows both."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QImage

from livegiving_desktop.ui.broadcast.stage import BroadcastStage


def _shot(qtbot: Any, size: tuple[int, int], *, title: str, alert: str) -> QImage:
    stage = BroadcastStage()
    qtbot.addWidget(stage)
    stage.resize(*size)
    stage.live = True
    stage.title, stage.organization = title, "Croix-Rouge française" if title else ""
    stage.alert_title, stage.alert_message = alert, "Bravo !" if alert else ""
    return stage.grab().toImage()


@pytest.mark.parametrize("size", [(893, 180), (800, 250)])
def test_on_a_short_stage_an_alert_covers_the_title_instead_of_crossing_it(
    qtbot: Any, size: tuple[int, int]
) -> None:
    with_title = _shot(qtbot, size, title="24-hour charity marathon", alert="Zoë donated €20.00")
    without = _shot(qtbot, size, title="", alert="Zoë donated €20.00")
    assert with_title == without  # nothing of the title drawn, under the alert or beside it
    # Once the alert is gone, the title is back.
    assert _shot(qtbot, size, title="24-hour charity marathon", alert="") != _shot(
        qtbot, size, title="", alert=""
    )


def test_on_a_tall_stage_the_alert_and_the_title_both_show(qtbot: Any) -> None:
    size = (960, 540)
    with_title = _shot(qtbot, size, title="24-hour charity marathon", alert="Zoë donated €20.00")
    without = _shot(qtbot, size, title="", alert="Zoë donated €20.00")
    assert with_title != without
