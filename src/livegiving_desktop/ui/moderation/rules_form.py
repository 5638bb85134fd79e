"""The console's Rules tab: the blocklists, the outcomes and review flags, the blocked donors."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from livegiving_desktop.core.errors import ValidationError
from livegiving_desktop.core.moderation import MessageStatus, ModerationSettings, parse_threshold
from livegiving_desktop.core.money import amount_placeholder, format_amount_input
from livegiving_desktop.core.team import SeatIdentity
from livegiving_desktop.db.moderation import BlockedDonorRecord
from livegiving_desktop.ui.common.roles import gate
from livegiving_desktop.ui.common.widgets import button, card, label
from livegiving_desktop.ui.moderation.models import BlockedDonorListModel


class RulesForm(QWidget):
    """Shows a campaign's rules and reads them back as edited (`settings`)."""

    saveClicked = Signal()
    unblockClicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.amount_locale = "en"  # the UI's, set with the rules shown (show_settings)
        self.blocked_model = BlockedDonorListModel(parent=self)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 10, 0, 0)
        outer.setSpacing(16)
        outer.addWidget(self._build_words(), 3)
        outer.addWidget(self._build_form(), 2)

    def _build_words(self) -> QWidget:
        words = card()
        wl = QVBoxLayout(words)
        wl.setContentsMargins(16, 14, 16, 14)
        wl.addWidget(label(self.tr("Blocklists"), "h2"))
        wl.addWidget(
            label(
                self.tr(
                    "One word a line. Case, accents, repeated letters and "
                    "swaps like c0nnard are seen through; only whole words "
                    "match (Scunthorpe passes)."
                ),
                "muted",
                wrap=True,
            )
        )
        lists = QHBoxLayout()
        self.words_en = QPlainTextEdit()
        self.words_en.setObjectName("blocklistEnglish")
        self.words_en.setAccessibleName(self.tr("English blocklist"))
        self.words_fr = QPlainTextEdit()
        self.words_fr.setObjectName("blocklistFrench")
        self.words_fr.setAccessibleName(self.tr("French blocklist"))
        for title, edit in (
            (self.tr("English"), self.words_en),
            (self.tr("French"), self.words_fr),
        ):
            edit.setTabChangesFocus(True)  # Tab moves on: a word never holds a tab
            column = QVBoxLayout()
            column.addWidget(label(title, "eyebrow"))
            column.addWidget(edit)
            lists.addLayout(column)
        wl.addLayout(lists, 1)
        return words

    def _outcome(self, name: str, accessible: str, choices: tuple[str, ...]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        texts = {
            "visible": self.tr("Show on air"),
            "held": self.tr("Hold for review"),
            "hidden": self.tr("Hide"),
        }
        for value in choices:
            combo.addItem(texts[value], value)
        return combo

    def _build_form(self) -> QWidget:
        form_card = card()
        fl = QVBoxLayout(form_card)
        fl.setContentsMargins(16, 14, 16, 14)
        fl.addWidget(label(self.tr("Outcomes and review flags"), "h2"))
        form = QFormLayout()
        form.setSpacing(10)
        self.blocklist_outcome = self._outcome(
            "blocklistOutcome", self.tr("Blocklisted word"), ("held", "hidden")
        )
        self.link_outcome = self._outcome(
            "linkOutcome", self.tr("Message with a link"), ("visible", "held", "hidden")
        )
        self.long_outcome = self._outcome(
            "longMessageOutcome", self.tr("Message too long"), ("visible", "held", "hidden")
        )
        self.max_length = QSpinBox()
        self.max_length.setObjectName("maxMessageLength")
        self.max_length.setAccessibleName(self.tr("Longest message"))
        self.max_length.setRange(0, 500)
        self.max_length.setSpecialValueText(self.tr("No limit"))
        self.max_length.setSuffix(self.tr(" characters"))
        self.large_amount = QLineEdit()
        self.large_amount.setObjectName("largeAmountThreshold")
        self.large_amount.setAccessibleName(self.tr("Large amount"))
        self.large_amount.setPlaceholderText(self.tr("Off"))
        self.large_first = QLineEdit()
        self.large_first.setObjectName("largeFirstThreshold")
        self.large_first.setAccessibleName(self.tr("Large first donation"))
        self.large_first.setPlaceholderText(self.tr("Off"))
        self.rapid_count = QSpinBox()
        self.rapid_count.setObjectName("rapidCount")
        self.rapid_count.setAccessibleName(self.tr("Donations from one donor"))
        self.rapid_count.setRange(2, 1000)
        self.rapid_count.setSuffix(self.tr(" donations"))
        self.rapid_window = QSpinBox()
        self.rapid_window.setObjectName("rapidWindow")
        self.rapid_window.setAccessibleName(self.tr("Within"))
        self.rapid_window.setRange(1, 86_400)
        self.rapid_window.setSuffix(self.tr(" s"))
        form.addRow(self.tr("Blocklisted word"), self.blocklist_outcome)
        form.addRow(self.tr("Message with a link"), self.link_outcome)
        form.addRow(self.tr("Longest message"), self.max_length)
        form.addRow(self.tr("Longer message"), self.long_outcome)
        form.addRow(self.tr("Flag a donation from"), self.large_amount)
        form.addRow(self.tr("Flag a first donation from"), self.large_first)
        form.addRow(self.tr("Flag a donor giving"), self.rapid_count)
        form.addRow(self.tr("within"), self.rapid_window)
        fl.addLayout(form)
        fl.addWidget(label(self.tr("Blocked donors"), "h2"))
        fl.addWidget(
            label(self.tr("A blocked donor's later messages are held."), "muted", wrap=True)
        )
        self.blocked_list = QListView()
        self.blocked_list.setObjectName("blockedDonors")
        self.blocked_list.setAccessibleName(self.tr("Blocked donors"))
        self.blocked_list.setModel(self.blocked_model)
        self.blocked_list.setMaximumHeight(140)
        self.unblock = button(self.tr("Unblock"), "unblockDonor", "mdi6.account-check")
        self.unblock.clicked.connect(self.unblockClicked)
        fl.addWidget(self.blocked_list)
        fl.addWidget(self.unblock, 0, Qt.AlignmentFlag.AlignLeft)
        self.error = label("", "error", wrap=True)
        self.error.setObjectName("rulesError")
        fl.addWidget(self.error)
        fl.addStretch(1)
        self.identity: SeatIdentity | None = None  # the team role (PostgreSQL)
        self.save = button(
            self.tr("Save rules"), "saveModerationRules", "mdi6.content-save", "primary"
        )
        self.save.clicked.connect(self.saveClicked)
        fl.addWidget(self.save, 0, Qt.AlignmentFlag.AlignRight)
        return form_card

    # -- showing and reading ---------------------------------------------------------------

    def show_settings(self, s: ModerationSettings, currency: str, locale: str = "en") -> None:
        """The campaign's rules; thresholds in `locale`'s form (the UI's: `500,00` in French)."""
        self.amount_locale = locale
        self.words_en.setPlainText("\n".join(sorted(s.words("en"))))
        self.words_fr.setPlainText("\n".join(sorted(s.words("fr"))))
        for combo, value in (
            (self.blocklist_outcome, s.blocklist_outcome),
            (self.link_outcome, s.link_outcome),
            (self.long_outcome, s.long_message_outcome),
        ):
            combo.setCurrentIndex(max(0, combo.findData(value.value)))
        self.max_length.setValue(s.max_message_length or 0)
        for edit, minor in ((self.large_amount, s.large_amount_minor),
                            (self.large_first, s.large_first_minor)):  # fmt: skip
            edit.setText(format_amount_input(minor, currency, locale) if minor else "")
            off = self.tr("Off, or e.g. %1").replace(
                "%1", amount_placeholder(currency, locale, 500)
            )
            edit.setPlaceholderText(off)
        self.rapid_count.setValue(s.rapid_count)
        self.rapid_window.setValue(s.rapid_window_s)
        self.error.setText("")

    def settings(self, currency: str) -> ModerationSettings:
        """The rules as edited (ValidationError names the field at fault)."""

        def amount(edit: QLineEdit, field: str) -> int | None:
            try:
                return parse_threshold(edit.text(), currency, self.amount_locale, field=field)
            except ValidationError as exc:
                raise ValidationError(field, exc.reason) from None

        settings = ModerationSettings(
            blocklist_outcome=MessageStatus(self.blocklist_outcome.currentData()),
            link_outcome=MessageStatus(self.link_outcome.currentData()),
            max_message_length=self.max_length.value() or None,
            long_message_outcome=MessageStatus(self.long_outcome.currentData()),
            large_amount_minor=amount(self.large_amount, self.tr("Large amount")),
            rapid_count=self.rapid_count.value(),
            rapid_window_s=self.rapid_window.value(),
            large_first_minor=amount(self.large_first, self.tr("Large first donation")),
        )
        settings = settings.with_words("en", self.words_en.toPlainText().splitlines())
        return settings.with_words("fr", self.words_fr.toPlainText().splitlines()).check()

    def set_blocked(self, rows: Sequence[BlockedDonorRecord]) -> None:
        self.blocked_model.reset(rows)
        self.unblock.setEnabled(self.blocked_model.rowCount() > 0)
        moderates = self.identity is None or self.identity.may_moderate
        gate(self.unblock, moderates, self.identity, "unblock a donor")

    def chosen_blocked(self) -> BlockedDonorRecord | None:
        index = self.blocked_list.currentIndex()
        return self.blocked_model.record(index.row()) if index.isValid() else None
