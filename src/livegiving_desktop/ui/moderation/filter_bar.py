"""The console's filter bar over the table of every donation: text, status, donor, amounts."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from livegiving_desktop.core.errors import ValidationError
from livegiving_desktop.core.moderation import DonationFilter
from livegiving_desktop.core.money import parse_amount_input
from livegiving_desktop.ui.common.accessibility import labelled, leading_icon, name_clear_button
from livegiving_desktop.ui.common.throttle import Throttle
from livegiving_desktop.ui.common.widgets import icon, label, themed_icon
from livegiving_desktop.ui.theme import Theme

TYPING_PAUSE_MS = 250  # the query runs once the typing pauses


class FilterBar(QWidget):
    """`changed` fires once the user pauses; `current_filter` reads the controls."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._debounce = Throttle(self.changed.emit, TYPING_PAUSE_MS, leading=False, parent=self)
        self.text = QLineEdit()
        self.text.setObjectName("moderationFilter")
        self.text.setAccessibleName(self.tr("Filter by donor or message"))
        self.text.setPlaceholderText(self.tr("Filter by donor or message…"))
        name_clear_button(self.text)
        self.search_icon = leading_icon(
            self.text, icon("mdi6.magnify", Theme.colors["muted"]), self.tr("Search")
        )
        themed_icon(self.search_icon, "mdi6.magnify", "muted")
        self.status = QComboBox()
        self.status.setObjectName("moderationStatusFilter")
        self.status.setAccessibleName(self.tr("Show"))
        for text, value in (
            (self.tr("All donations"), "all"),
            (self.tr("Held messages"), "held"),
            (self.tr("Hidden messages"), "hidden"),
            (self.tr("Messages on air"), "visible"),
            (self.tr("Flagged for review"), "flagged"),
            (self.tr("Refunded"), "refunded"),
            (self.tr("Completed"), "completed"),
        ):
            self.status.addItem(text, value)
        self.donor = QLineEdit()
        self.donor.setObjectName("moderationDonorFilter")
        self.donor.setAccessibleName(self.tr("Donor"))
        self.donor.setPlaceholderText(self.tr("Donor"))
        name_clear_button(self.donor)
        self.amount_min = QLineEdit()
        self.amount_min.setObjectName("moderationAmountMin")
        self.amount_min.setAccessibleName(self.tr("Smallest amount"))
        self.amount_min.setPlaceholderText(self.tr("Min"))
        self.amount_max = QLineEdit()
        self.amount_max.setObjectName("moderationAmountMax")
        self.amount_max.setAccessibleName(self.tr("Largest amount"))
        self.amount_max.setPlaceholderText(self.tr("Max"))
        self.row_count = label("", "muted")
        self.row_count.setObjectName("moderationRowCount")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.text, 3)
        layout.addWidget(labelled(label(self.tr("Show"), "muted"), self.status))
        layout.addWidget(self.status, 1)
        layout.addWidget(self.donor, 1)
        layout.addWidget(labelled(label(self.tr("Amount"), "muted"), self.amount_min))
        layout.addWidget(self.amount_min)
        layout.addWidget(label("–", "muted"))
        layout.addWidget(self.amount_max)
        layout.addWidget(self.row_count)
        for edit in (self.text, self.donor, self.amount_min, self.amount_max):
            edit.textChanged.connect(self._on_edited)
        for edit in (self.amount_min, self.amount_max):
            edit.setMaximumWidth(110)
        self.status.currentIndexChanged.connect(self._on_edited)

    @Slot()
    def _on_edited(self) -> None:
        self._debounce()

    def current_filter(self, currency: str, locale: str | None = None) -> DonationFilter:
        """The filter the controls say (ValidationError when an amount is not an amount; the
        field is marked invalid)."""
        low = self._amount(self.amount_min, currency, locale)
        high = self._amount(self.amount_max, currency, locale)
        kind = self.status.currentData()
        statuses: tuple[str, ...] = ()
        messages: tuple[str, ...] = ()
        if kind in ("held", "hidden", "visible"):
            messages = (kind,)
        elif kind in ("refunded", "completed"):
            statuses = (kind,)
        return DonationFilter(
            statuses=statuses,
            message_statuses=messages,
            flagged_only=kind == "flagged",
            min_minor=low,
            max_minor=high,
            donor=self.donor.text(),
            text=self.text.text(),
        ).check()

    def _amount(self, edit: QLineEdit, currency: str, locale: str | None) -> int | None:
        text = edit.text().strip()
        edit.setProperty("invalid", False)
        if not text:
            edit.style().polish(edit)
            return None
        try:
            return parse_amount_input(text, currency, locale, maximum=10**15)
        except ValidationError:
            edit.setProperty("invalid", True)
            edit.style().polish(edit)
            raise
