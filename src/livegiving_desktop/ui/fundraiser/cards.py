"""The cards of the fundraiser's live view, each a widget of its own: the amount raised with the
goal and the figures, donations per second, the top donors, and the queue of donors to thank."""

from __future__ import annotations

import re

from PySide6.QtCore import QRect, QRectF, QSize, Qt, QTimer, Slot
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListView, QProgressBar, QWidget

from livegiving_desktop.core.goals import milestones_crossed, percent_reached, progress_permille
from livegiving_desktop.core.records import CampaignRecord, CampaignStats, TopDonor
from livegiving_desktop.ui.common import format as fmt
from livegiving_desktop.ui.common.accessibility import describe, mark_graphic, set_figure
from livegiving_desktop.ui.common.widgets import (
    Card,
    FigureLabel,
    StatBlock,
    button,
    draw_donor_text,
    label,
    set_bar_value,
)
from livegiving_desktop.ui.fundraiser.models import OnAirPrivacy, ThankQueueModel
from livegiving_desktop.ui.fundraiser.widgets import Sparkline
from livegiving_desktop.ui.theme import Theme, theme_notifier


class TotalsCard(Card):
    """AMOUNT RAISED: the total, the goal bar and its label, milestone notices, and donors,
    donations and average."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(vertical=16, parent=parent)
        self.total = FigureLabel("total")
        self.total.setObjectName("totalRaised")
        self.total.setAccessibleName(self.tr("Amount raised"))
        self.goal_bar = QProgressBar()
        self.goal_bar.setObjectName("goalProgress")
        self.goal_bar.setAccessibleName(self.tr("Goal progress"))
        self.goal_bar.setRange(0, 1000)
        self.goal_label = label("", "muted")
        self.goal_label.setObjectName("goalLabel")
        self.milestone = label("", "notice", wrap=True)
        self.milestone.setObjectName("milestoneNotice")
        self.donors = StatBlock(self.tr("DONORS"), "donorCount")
        self.donations = StatBlock(self.tr("DONATIONS"), "donationCount")
        self.average = StatBlock(self.tr("AVERAGE"), "averageDonation")
        layout = self.body
        layout.setSpacing(8)
        layout.addWidget(label(self.tr("AMOUNT RAISED"), "eyebrow"))
        for widget in (self.total, self.goal_bar, self.goal_label, self.milestone):
            layout.addWidget(widget)
        stats_row = QHBoxLayout()
        for block in (self.donors, self.donations, self.average):
            stats_row.addWidget(block)
        layout.addLayout(stats_row)

    def show_stats(
        self, campaign: CampaignRecord, before: CampaignStats, stats: CampaignStats, locale: str
    ) -> str | None:
        """Show the figures; returns the milestone just crossed, in words (None if none)."""
        currency = campaign.currency
        raised = fmt.money(stats.total_minor, currency, locale)
        set_figure(self.total, self.tr("Amount raised"), raised)
        self.donors.set_value(fmt.count(stats.donor_count, locale))
        self.donations.set_value(fmt.count(stats.donation_count, locale))
        self.average.set_value(fmt.money(stats.average_minor, currency, locale))
        set_bar_value(self.goal_bar, progress_permille(stats.total_minor, campaign.goal_minor))
        if campaign.goal_minor:
            goal = fmt.money(campaign.goal_minor, currency, locale)
            percent = percent_reached(stats.total_minor, campaign.goal_minor)
            self.goal_label.setText(
                self.tr("%1 % of the %2 goal").replace("%1", str(percent)).replace("%2", goal)
            )
        crossed = milestones_crossed(before.total_minor, stats.total_minor, campaign.goal_minor)
        if not crossed:
            return None
        text = (
            self.tr("Goal reached! Thank you all!")
            if crossed[-1] >= 100
            else self.tr("%1 % of the goal reached!").replace("%1", str(crossed[-1]))
        )
        self.milestone.setText(text)
        return text


class _RateLabel(QLabel):
    """The rate now, as wide as a rate of five digits from the start: the card's width does not
    change as the rate grows, and the column holding it does not widen mid-burst (the whole
    window laid out and painted again: 15 to 25 ms; issue 19)."""

    def __init__(self) -> None:
        super().__init__()
        self.setProperty("role", "muted")
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def _with_room(self, hint: QSize) -> QSize:
        room = re.sub(r"\d+", "88888", self.text())
        m = self.contentsMargins()
        hint.setWidth(max(hint.width(), self.fontMetrics().horizontalAdvance(room) + m.left()
                          + m.right() + 2 * self.margin() + 2))  # fmt: skip
        return hint

    def sizeHint(self) -> QSize:
        return self._with_room(super().sizeHint())

    def minimumSizeHint(self) -> QSize:
        return self._with_room(super().minimumSizeHint())


class RateCard(Card):
    """DONATIONS PER SECOND · LAST MINUTE: the sparkline and the rate now."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self.sparkline = Sparkline()
        self.sparkline.setObjectName("donationSparkline")
        mark_graphic(self.sparkline, self.tr("Donations per second, last minute"))
        self.rate_now = _RateLabel()
        layout = self.body
        head = QHBoxLayout()
        head.addWidget(label(self.tr("DONATIONS PER SECOND · LAST MINUTE"), "eyebrow"))
        head.addStretch(1)
        head.addWidget(self.rate_now)
        layout.addLayout(head)
        layout.addWidget(self.sparkline)

    def show_rate(self, per_second: list[int]) -> None:
        self.sparkline.set_values(per_second)
        now = per_second[-1] if per_second else 0
        self.rate_now.setText(self.tr("%1 /s").replace("%1", str(now)))
        recent, before = sum(per_second[-10:]), sum(per_second[-20:-10])
        trend = (
            self.tr("rising") if recent > before * 1.2 + 1
            else self.tr("falling") if recent < before * 0.8 - 1
            else self.tr("steady")
        )  # fmt: skip
        describe(
            self.sparkline,
            self.tr("%n donation(s) in the last second, %1", "", now).replace("%1", trend),
        )


class RankingLabel(QLabel):
    """The top donors: rank (muted), the name as it shows on air, the total (bold, on the
    right), painted over a plain text of the same lines (what `text()` and the layout go by).
    As a rich-text table each new ranking laid a document out again: 4 to 5 ms on the UI
    thread once a second under a burst, the largest single piece of a frame (issue 19). A
    name longer than NAME_ROOM ends in "…" rather than widen the column (the accessible name
    and the tooltip hold every name whole)."""

    GAP = 16  # between a name and its amount
    NAME_ROOM = 180  # what a name asks of the column at most

    def __init__(self) -> None:
        super().__init__()
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._rows: list[tuple[str, str]] = []

    def show_rows(self, rows: list[tuple[str, str]]) -> None:
        self._rows = rows
        text = "\n".join(f"{rank}  {name}  {amount}"
                         for rank, (name, amount) in enumerate(rows, start=1))  # fmt: skip
        self.setText(text)
        self.setToolTip(text if any(self.fontMetrics().horizontalAdvance(n) > self.NAME_ROOM
                                    for n, _ in rows) else "")  # fmt: skip

    def rank_color(self) -> str:
        """The colour the ranks are drawn in: the theme's muted one, read at each paint."""
        return Theme.colors["muted"]

    def show_nobody(self, text: str) -> None:
        self._rows = []
        self.setText(text)
        self.setToolTip("")

    def _bold(self) -> QFont:
        bold = QFont(self.font())
        bold.setBold(True)
        return bold

    def _line(self) -> int:
        return max(self.fontMetrics().height(), QFontMetrics(self._bold()).height())

    def _rank_width(self) -> int:
        return self.fontMetrics().horizontalAdvance(str(len(self._rows))) + 10

    def _with_rows(self, hint: QSize) -> QSize:
        if self._rows:
            m = self.contentsMargins()
            names = max(self.fontMetrics().horizontalAdvance(n) for n, _ in self._rows)
            bold = QFontMetrics(self._bold())
            amounts = max(bold.horizontalAdvance(a) for _, a in self._rows)
            hint.setWidth(self._rank_width() + min(names, self.NAME_ROOM) + self.GAP + amounts
                          + m.left() + m.right())  # fmt: skip
            hint.setHeight(self._line() * len(self._rows) + m.top() + m.bottom())
        return hint

    def sizeHint(self) -> QSize:
        return self._with_rows(super().sizeHint())

    def minimumSizeHint(self) -> QSize:
        return self._with_rows(super().minimumSizeHint())

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._rows:
            super().paintEvent(event)
            return
        painter = QPainter(self)
        try:
            self._paint_rows(painter)
        finally:
            painter.end()  # not when Python lets it go: a frame kept alive keeps it painting

    def _paint_rows(self, painter: QPainter) -> None:
        rect, line, bold = self.contentsRect(), self._line(), self._bold()
        metrics, bold_metrics = self.fontMetrics(), QFontMetrics(bold)
        text, muted = self.palette().color(QPalette.ColorRole.WindowText), QColor(self.rank_color())
        rank_width = self._rank_width()
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for i, (name, amount) in enumerate(self._rows):
            top = rect.top() + i * line
            painter.setFont(self.font())
            painter.setPen(muted)
            painter.drawText(QRect(rect.left(), top, rank_width, line), left, str(i + 1))
            amount_width = bold_metrics.horizontalAdvance(amount)
            room = max(0, rect.width() - rank_width - amount_width - self.GAP)
            painter.setPen(text)
            shown = metrics.elidedText(name, Qt.TextElideMode.ElideRight, room)
            draw_donor_text(
                painter, QRectF(rect.left() + rank_width, top, room, line), shown, metrics
            )
            painter.setFont(bold)
            painter.drawText(QRect(rect.right() - amount_width, top, amount_width + 1, line),
                             right, amount)  # fmt: skip


class TopDonorsCard(Card):
    """TOP DONORS: rank, the name as it shows on air, the total."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self.list = RankingLabel()
        self.list.setObjectName("topDonors")
        self.list.setAccessibleName(self.tr("Top donors"))
        layout = self.body
        layout.addWidget(label(self.tr("TOP DONORS"), "eyebrow"))
        layout.addWidget(self.list)
        theme_notifier().changed.connect(self._on_theme_changed)

    @Slot()
    def _on_theme_changed(self) -> None:
        self.list.update()  # the ranks are drawn in the theme's muted colour

    def show_donors(self, top: list[TopDonor], privacy: OnAirPrivacy, currency: str) -> None:
        if not top:
            nobody = self.tr("No donors yet")
            self.list.show_nobody(nobody)
            self.list.setAccessibleName(f"{self.tr('Top donors')}: {nobody}")
            return
        rows = [
            (privacy.top_donor_name(d.name), fmt.money(d.total_minor, currency, privacy.locale))
            for d in top
        ]
        self.list.show_rows(rows)
        spoken = "; ".join(f"{rank}. {name}, {amount}" for rank, (name, amount) in
                           enumerate(rows, start=1))  # fmt: skip
        self.list.setAccessibleName(f"{self.tr('Top donors')}: {spoken}")


class ThankQueueCard(Card):
    """To thank (N): the donations not thanked yet, and Thank all."""

    def __init__(self, model: ThankQueueModel, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self.queue = QListView()
        self.queue.setObjectName("thankQueue")
        self.queue.setAccessibleName(self.tr("Donors not yet thanked"))
        self.queue.setUniformItemSizes(True)
        self.queue.setMinimumHeight(120)
        self.queue.setModel(model)
        self.title = label("", "h2")
        tip = self.tr("Thank everyone in the queue (Ctrl+Shift+T)")
        self.thank_all = button(self.tr("Thank all"), "thankAll", "mdi6.heart-multiple", tip=tip)
        layout = self.body
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.thank_all)
        layout.addLayout(head)
        layout.addWidget(self.queue)
        # After "Thank all": what it did, and Undo for a few seconds.
        self.undo_bar = QWidget()
        self.undo_bar.setObjectName("thankAllUndoBar")
        bar = QHBoxLayout(self.undo_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        self.done_text = label("", "muted", wrap=True)
        self.done_text.setObjectName("thankAllDone")
        self.undo = button(self.tr("Undo"), "undoThankAll", "mdi6.undo",
                           tip=self.tr("Put them back in the queue"))  # fmt: skip
        bar.addWidget(self.done_text, 1)
        bar.addWidget(self.undo)
        self.undo_bar.setVisible(False)
        self.undo_timer = QTimer(self)
        self.undo_timer.setSingleShot(True)
        self.undo_timer.timeout.connect(self.hide_undo)
        layout.addWidget(self.undo_bar)

    def show_count(self, count: int, enabled: bool) -> None:
        """N: the ledger's count of completed donations not thanked yet."""
        self.title.setText(self.tr("To thank (%1)").replace("%1", str(count)))
        self.title.setAccessibleName(self.title.text())
        self.thank_all.setEnabled(enabled and count > 0)

    def show_undo(self, thanked: int, seconds: float) -> None:
        """ "N donations thanked" with Undo, for `seconds`."""
        self.done_text.setText(self.tr("%n donation(s) thanked", "", thanked))
        self.done_text.setAccessibleName(self.done_text.text())
        self.undo.setEnabled(True)
        self.undo_bar.setVisible(True)
        self.undo_timer.start(max(0, int(seconds * 1000)))

    @Slot()
    def hide_undo(self) -> None:
        self.undo_timer.stop()
        self.undo_bar.setVisible(False)
