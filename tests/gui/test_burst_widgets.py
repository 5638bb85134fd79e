"""What keeps the UI thread light under a burst of donations (benchmarks/ui_burst.py measures
the effect), each checked for what a user would see: the goal bar shows its new value with the
next frame, a wrapped label's height follows its text and font, the top donors card shows the
latest ranking at most once a second, and list models answer Qt's index() in C++."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QSpinBox, QVBoxLayout, QWidget
from tests.gui.conftest import create_fundraiser, find

from livegiving_desktop.core.campaigns import CampaignStatus
from livegiving_desktop.core.records import TopDonor
from livegiving_desktop.services.ledger import LedgerService
from livegiving_desktop.ui.common.model_base import RecordModel, RecordTableModel
from livegiving_desktop.ui.common.widgets import WrappedLabel, label, set_bar_value
from livegiving_desktop.ui.fundraiser.page import TOP_DONORS_MS


class _Paints(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_the_goal_bar_shows_its_new_value_with_the_next_frame_not_at_once(qtbot: Any) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    bar = QProgressBar(holder)
    bar.setRange(0, 1000)
    holder.resize(400, 60)
    bar.resize(400, 30)
    holder.show()
    qtbot.waitExposed(holder)
    qtbot.wait(100)  # painted once
    paints = _Paints()
    bar.installEventFilter(paints)
    set_bar_value(bar, 500)
    assert bar.value() == 500
    assert paints.count == 0  # QProgressBar.setValue alone paints here, synchronously
    qtbot.waitUntil(lambda: paints.count > 0)  # with the next frame
    set_bar_value(bar, 500)  # unchanged: nothing to paint
    assert bar.updatesEnabled()


def test_a_wrapped_label_height_follows_its_text_and_font(qtbot: Any) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    layout = QVBoxLayout(holder)
    wrapped = label("one line", wrap=True)
    assert isinstance(wrapped, WrappedLabel) and wrapped.wordWrap()
    layout.addWidget(wrapped)
    reference = QLabel()
    reference.setWordWrap(True)
    width = 120

    def same_as_plain_label() -> bool:
        reference.setText(wrapped.text())
        reference.setFont(wrapped.font())
        return wrapped.heightForWidth(width) == reference.heightForWidth(width)

    one_line = wrapped.heightForWidth(width)
    assert same_as_plain_label()
    wrapped.setText("many words that cannot fit on one line of a hundred and twenty pixels")
    assert wrapped.heightForWidth(width) > one_line
    assert same_as_plain_label()
    taller = wrapped.heightForWidth(width)
    big = QFont(wrapped.font())
    big.setPointSizeF(big.pointSizeF() * 2)
    wrapped.setFont(big)
    assert wrapped.heightForWidth(width) > taller
    assert same_as_plain_label()


def test_the_top_donors_follow_at_most_once_a_second_and_end_on_the_latest(
    qtbot: Any, livegiving_window: Any, ledger: LedgerService
) -> None:
    w = livegiving_window
    create_fundraiser(qtbot, w, goal="100")
    campaign_id = int(w.live.campaign.id)
    find(w, QSpinBox, "simulationRate").setValue(0)
    find(w, QPushButton, "goLive").click()
    qtbot.waitUntil(lambda: ledger.campaign(campaign_id).status is CampaignStatus.LIVE)
    card = find(w, QLabel, "topDonors")
    shown: list[list[TopDonor]] = []
    show = w.live.top.show_donors

    def counted(top: list[TopDonor], *args: Any) -> None:
        shown.append(top)
        show(top, *args)

    w.live.top.show_donors = counted
    # A burst: five rankings within a few milliseconds, as the feed delivers them.
    for i in range(1, 6):
        w.live.controller.topDonorsChanged.emit([TopDonor(f"Donor {i}", 100 * i, 1)])
    assert len(shown) <= 1  # the first at once at most, the rest folded
    qtbot.waitUntil(lambda: "Donor 5" in card.text(), timeout=TOP_DONORS_MS + 1000)
    assert len(shown) <= 2
    assert "Donor 5" in card.accessibleName()


def test_list_models_answer_index_in_qt_and_tables_take_a_column() -> None:
    """A QListView lays out each row through index(): a Python index() or columnCount() on a
    list model cost the live feed milliseconds per flush."""
    assert "index" not in vars(RecordModel) and "columnCount" not in vars(RecordModel)
    assert "columnCount" in vars(RecordTableModel)
