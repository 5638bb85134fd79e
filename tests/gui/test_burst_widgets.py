"""What keeps the UI thread light under a burst of donations (benchmarks/ui_burst.py measures
the effect), each checked for what a user would see: the goal bar shows its new value with the
next frame, a wrapped label's height follows its text and font, the top donors card shows the
latest ranking at most once a second, list models answer Qt's index() in C++, the thank queue
takes new rows a moment after the feed (never one thanked meanwhile), a growing total is drawn
smaller rather than widen its column, and every script a donor writes in is ready in the live
view's fonts before the first such name."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QSpinBox, QVBoxLayout, QWidget
from tests.gui.conftest import create_fundraiser, find

from livegiving_desktop.core.campaigns import CampaignStatus
from livegiving_desktop.core.records import StoredDonation, TopDonor
from livegiving_desktop.services.ledger import LedgerService
from livegiving_desktop.ui.common import scripts
from livegiving_desktop.ui.common.model_base import RecordModel, RecordTableModel
from livegiving_desktop.ui.common.widgets import WrappedLabel, label, set_bar_value
from livegiving_desktop.ui.fundraiser.page import QUEUE_LAG_MS, TOP_DONORS_MS


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


def _gift(id_: int, campaign_id: int, name: str) -> StoredDonation:
    return StoredDonation(
        id_, campaign_id, f"x{id_}", int(time.time() * 1e6), name, False, 500, "EUR", None, None,
        "completed", "stream", False,
    )  # fmt: skip


def test_the_thank_queue_takes_new_rows_after_the_feed_and_never_one_thanked_meanwhile(
    qtbot: Any, livegiving_window: Any
) -> None:
    """Under a burst the queue's layout and paint come a frame after the feed's, not on top of
    them; a donation thanked in between never shows in the queue."""
    w = livegiving_window
    create_fundraiser(qtbot, w)
    page = w.live
    queue = page.queue_model
    base = 10_000 + page.feed_model.rowCount()
    ann, bob = _gift(base + 1, page.campaign.id, "Ann"), _gift(base + 2, page.campaign.id, "Bob")
    page.controller.donationsAdded.emit([bob, ann])  # newest first
    assert [page.feed_model.donation(r).id for r in (0, 1)] == [bob.id, ann.id]
    assert bob not in queue.records()  # its turn comes a moment later
    page.controller.donationsChanged.emit([ann._replace(thanked=True)])  # thanked meanwhile
    qtbot.waitUntil(lambda: bob in queue.records(), timeout=QUEUE_LAG_MS + 2000)
    assert ann.id not in {d.id for d in queue.records()}
    assert queue.record(0) == bob


def test_a_growing_total_is_drawn_smaller_instead_of_widening_its_column(
    qtbot: Any, livegiving_window: Any
) -> None:
    """The total gaining a digit used to widen the right-hand column and lay the whole window
    out again (a 14 to 19 ms frame in a burst); the stage and the feed now keep their size,
    and the total, whole, is drawn to fit its card."""
    from PySide6.QtGui import QColor

    from livegiving_desktop.core.money import format_money
    from livegiving_desktop.core.records import CampaignStats

    w = livegiving_window
    create_fundraiser(qtbot, w, goal="1000000")
    page = w.live
    card, campaign, column = page.totals, page.controller.campaign, page.right_column
    before = CampaignStats(0, 0, 0, 0)
    card.show_stats(campaign, before, CampaignStats(12_345, 1, 0, 1), "en")
    qtbot.wait(50)
    width, stage = column.sizeHint().width(), page.stage.width()
    assert card.total.scale() == 1.0  # a small total: drawn at its size
    for total in (98_765_400, 1_234_567_800, 98_765_432_100):
        card.show_stats(campaign, before, CampaignStats(total, 9_000, 0, 5_000), "en")
        qtbot.wait(50)
        assert card.total.text() == format_money(total, campaign.currency, "en")  # whole
        assert column.sizeHint().width() == width
        assert page.stage.width() == stage
    assert card.total.scale() < 1.0
    # Every digit is drawn inside the label (its background is its card's: transparent in a
    # grab of the label alone): its ink ends before its right edge.
    image = card.total.grab().toImage()
    ink = [
        x for x in range(image.width()) for y in range(0, image.height(), 2)
        if QColor.fromRgba(image.pixel(x, y)).alpha() > 128
    ]  # fmt: skip
    assert ink and max(ink) < image.width() - 2
    assert max(ink) - min(ink) > image.width() // 2  # and large, across most of the card


def test_every_script_is_ready_in_the_live_views_fonts_before_the_first_such_name(
    qtbot: Any, livegiving_window: Any
) -> None:
    """The first Devanagari name in a font cost 16 ms on the UI thread, mid-burst; the live
    view shapes each script in each font it writes names in as it opens, a little per turn of
    the event loop."""
    w = livegiving_window
    create_fundraiser(qtbot, w)
    page = w.live
    fonts = page.name_fonts()
    assert len(fonts) >= 6  # the feed's name and message, the queue, top donors, the stage
    qtbot.waitUntil(lambda: all(scripts.warmed(f) for f in fonts), timeout=10_000)
    assert not page.scripts.pending()
    stage = page.stage.size()
    w.resize(w.width() + 300, w.height() + 200)  # a larger stage writes in larger fonts
    qtbot.waitUntil(lambda: page.stage.size() != stage)
    qtbot.waitUntil(lambda: all(scripts.warmed(f) for f in page.name_fonts()), timeout=10_000)
    assert any("\u0930" in sample for sample in scripts.SAMPLES)  # Devanagari among them


def test_a_script_warmer_warms_each_font_once_a_little_at_a_time(qtbot: Any) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    warmer = scripts.ScriptWarmer(holder)
    font = QFont(holder.font())
    font.setPointSizeF(font.pointSizeF() + 7.25)  # a size nothing else warmed
    assert not scripts.warmed(font)
    warmer.warm([font, QFont(font)])  # the same font twice: one turn per sample
    assert warmer.pending() and not scripts.warmed(font)  # nothing done in the call itself
    qtbot.waitUntil(lambda: scripts.warmed(font))
    assert not warmer.pending()
    warmer.warm([font])
    assert not warmer.pending()  # warm already: nothing to do


def test_the_rate_card_keeps_its_width_and_its_caption_as_the_rate_reaches_five_digits(
    qtbot: Any,
) -> None:
    """A rate of five digits widened the card, then the column, mid-burst."""
    from livegiving_desktop.ui.fundraiser.cards import RateCard

    card = RateCard()
    qtbot.addWidget(card)
    card.show()
    card.show_rate([0])
    width = card.minimumSizeHint().width()
    for rate in (9, 950, 12_345):
        card.show_rate([rate])
        assert card.rate_now.text() == f"{rate} /s"
        assert card.minimumSizeHint().width() == width
    captions = [w.text() for w in card.findChildren(QLabel) if w.property("role") == "eyebrow"]
    assert captions == ["DONATIONS PER SECOND · LAST MINUTE"]  # whole, not cut


def test_the_top_donors_are_painted_in_columns_a_long_name_cut_short_the_list_whole(
    qtbot: Any,
) -> None:
    """As a rich-text table each ranking was laid out as a document (4 to 5 ms a second in a
    burst), and a long name widened the column for the rest of the broadcast."""
    from livegiving_desktop.ui.fundraiser.cards import RankingLabel, TopDonorsCard
    from livegiving_desktop.ui.fundraiser.models import OnAirPrivacy

    card = TopDonorsCard()
    qtbot.addWidget(card)
    card.resize(380, 220)
    card.show()
    privacy = OnAirPrivacy(None, "en")
    card.show_donors([TopDonor("Ann", 12_000, 2), TopDonor("Bob", 900, 1)], privacy, "EUR")
    ranking = card.list
    assert isinstance(ranking, RankingLabel) and ranking.textFormat() == Qt.TextFormat.PlainText
    assert ranking.text().splitlines() == ["1  Ann  €120.00", "2  Bob  €9.00"]
    assert "Ann, €120.00" in ranking.accessibleName() and not ranking.toolTip()
    short = ranking.minimumSizeHint().width()
    long_name = "Maximilian Alexander von Hohenberg-Schwarzenstein"
    card.show_donors([TopDonor(long_name, 12_000, 2)], privacy, "EUR")
    assert ranking.minimumSizeHint().width() <= short + RankingLabel.NAME_ROOM
    assert long_name in ranking.toolTip() and long_name in ranking.accessibleName()
    image = ranking.grab().toImage()  # drawn: ink in the amount's place, on the right
    assert any(
        QColor.fromRgba(image.pixel(x, y)).alpha() > 128
        for x in range(image.width() - 30, image.width())
        for y in range(image.height())
    )
