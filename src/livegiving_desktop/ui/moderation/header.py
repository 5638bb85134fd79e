"""The console's header: the campaign moderated, what it raised, how many messages are held,
and who is moderating."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QVBoxLayout, QWidget

from livegiving_desktop.ui.common.accessibility import labelled
from livegiving_desktop.ui.common.widgets import button, label


class ConsoleHeader(QWidget):
    """`campaign_picker`, `total` (moderationTotal), `held` (heldCount), `who`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = label(self.tr("Moderation"), "h1")
        self.campaign_picker = QComboBox()
        self.campaign_picker.setObjectName("moderationCampaign")
        self.campaign_picker.setAccessibleName(self.tr("Campaign to moderate"))
        self.campaign_picker.setMinimumWidth(260)
        # As wide as the longest title needs (a larger system font widens it).
        self.campaign_picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.total = label("", "stat")
        self.total.setObjectName("moderationTotal")
        self.held = label("", "pill")
        self.held.setObjectName("heldCount")
        self.who = label("", "muted")
        self.who.setObjectName("moderatorIdentity")
        self.change_name = button(self.tr("Change name"), "changeModeratorName",
                                  "mdi6.account-edit")  # fmt: skip
        self.change_name.setProperty("role", "link")
        # Who is on duty for this campaign, from their seats' heartbeats (presence).
        self.on_duty = label("", "muted", wrap=True)
        self.on_duty.setObjectName("onDuty")
        self.on_duty.setMaximumWidth(360)
        # Aligned by its text, not by the layout: a label placed with a layout alignment gets its
        # one-line size hint and a wrapped second line would be cut off.
        self.on_duty.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.on_duty.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.heading)
        picker = QHBoxLayout()
        picker.setSpacing(8)
        picker.addWidget(labelled(label(self.tr("Campaign"), "muted"), self.campaign_picker))
        picker.addWidget(self.campaign_picker, 1)
        titles.addLayout(picker)
        layout.addLayout(titles)
        layout.addStretch(1)
        figures = QVBoxLayout()
        figures.setSpacing(2)
        figures.addWidget(label(self.tr("RAISED"), "eyebrow"), 0, Qt.AlignmentFlag.AlignRight)
        figures.addWidget(self.total, 0, Qt.AlignmentFlag.AlignRight)
        layout.addLayout(figures)
        layout.addSpacing(12)
        layout.addWidget(self.held)
        layout.addSpacing(12)
        me = QVBoxLayout()
        me.setSpacing(0)
        me.addWidget(self.who, 0, Qt.AlignmentFlag.AlignRight)
        me.addWidget(self.change_name, 0, Qt.AlignmentFlag.AlignRight)
        me.addWidget(self.on_duty)
        layout.addLayout(me)

    def show_campaigns(self, campaigns: list[tuple[int, str]], current: int | None) -> None:
        self.campaign_picker.clear()
        for campaign_id, title in campaigns:
            self.campaign_picker.addItem(title, campaign_id)
        if current is not None:
            self.choose(current, "")

    def choose(self, campaign_id: int, title: str) -> None:
        index = self.campaign_picker.findData(campaign_id)
        if index < 0:
            self.campaign_picker.addItem(title, campaign_id)
            index = self.campaign_picker.count() - 1
        self.campaign_picker.setCurrentIndex(index)
