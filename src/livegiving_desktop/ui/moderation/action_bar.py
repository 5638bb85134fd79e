"""The console's action bar: what can be done to the selected rows, each with its key (A, H, N,
M, B) while a table has the focus, and how many rows are selected."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QWidget

from livegiving_desktop.core.records import StoredDonation
from livegiving_desktop.core.team import SeatIdentity
from livegiving_desktop.ui.common.roles import gate
from livegiving_desktop.ui.common.widgets import button, label


class ActionBar(QFrame):
    """The buttons; `follow(chosen, busy)` enables those that apply to the selection."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.identity: SeatIdentity | None = None  # the team role (PostgreSQL)
        self.setProperty("role", "card")
        self.approve = button(self.tr("Approve"), "approveMessage", "mdi6.check-circle",
                              "primary", self.tr("Put the messages on air (A)"))  # fmt: skip
        self.hide_message = button(self.tr("Hide"), "hideMessage", "mdi6.eye-off",
                                   tip=self.tr("Keep the messages off the air (H)"))  # fmt: skip
        self.anonymous = button(self.tr("Name as Anonymous"), "hideNameOnAir", "mdi6.incognito",
                                tip=self.tr("On air, show the name as Anonymous (N)"))  # fmt: skip
        self.hide_amount = button(self.tr("Hide amount"), "hideAmountOnAir",
                                  "mdi6.currency-usd-off",
                                  tip=self.tr("On air, hide the amount (M)"))  # fmt: skip
        self.block = button(self.tr("Block donor"), "blockDonor", "mdi6.account-cancel",
                            tip=self.tr("Hold this donor's later messages (B)"))  # fmt: skip
        self.refund = button(self.tr("Refund…"), "refundDonation", "mdi6.cash-refund", "danger",
                             self.tr("Refund the donation; a reason is required"))  # fmt: skip
        self.selection = label("", "muted")
        self.selection.setObjectName("moderationSelection")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(8)
        layout.addWidget(self.selection)
        layout.addStretch(1)
        for widget in self.buttons():
            layout.addWidget(widget)

    def buttons(self) -> tuple[QWidget, ...]:
        return (self.approve, self.hide_message, self.anonymous, self.hide_amount, self.block,
                self.refund)  # fmt: skip

    def bind(self, slots: Sequence[Callable[[], None]], views: Sequence[QWidget]) -> None:
        """Connect the buttons, in order, to `slots`; their keys work while one of `views`
        has the focus (typing in a filter is safe)."""
        keys = ("A", "H", "N", "M", "B", None)
        for widget, key, slot in zip(self.buttons(), keys, slots, strict=True):
            widget.clicked.connect(slot)  # type: ignore[attr-defined]
            if key is None:
                continue
            for view in views:
                action = QAction(view)
                action.setShortcut(QKeySequence(key))
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
                action.triggered.connect(slot)
                view.addAction(action)

    def follow(self, chosen: Sequence[StoredDonation], busy: bool) -> None:
        with_message = [d for d in chosen if d.message]
        self.approve.setEnabled(
            not busy and any(d.message_status != "visible" for d in with_message)
        )
        self.hide_message.setEnabled(
            not busy and any(d.message_status != "hidden" for d in with_message)
        )
        for widget in (self.anonymous, self.hide_amount, self.block):
            widget.setEnabled(not busy and bool(chosen))
        self.refund.setEnabled(not busy and any(d.status == "completed" for d in chosen))
        moderates = self.identity is None or self.identity.may_moderate
        for widget, action in ((self.approve, "decide on messages"),
                               (self.hide_message, "decide on messages"),
                               (self.anonymous, "change what goes on air"),
                               (self.hide_amount, "change what goes on air"),
                               (self.block, "block a donor"),
                               (self.refund, "refund a donation")):  # fmt: skip
            gate(widget, moderates, self.identity, action)
        self.selection.setText(
            self.tr("%n selected", "", len(chosen)) if chosen else self.tr("Select donations")
        )
