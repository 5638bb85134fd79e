"""Campaign set-up: a fundraiser (organization from the catalog, goal, privacy on air) or a
paid live event. Validation is the core's: `setupError` says what is wrong and nothing is
saved until everything is valid."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDateTime,
    QEvent,
    QItemSelectionModel,
    QLocale,
    QObject,
    QSize,
    Qt,
    QTime,
    Signal,
    Slot,
)
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QButtonGroup,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from livegiving_desktop.core.campaigns import (
    EVENT_CATEGORIES,
    REFUND_WINDOW_HOURS,
    CampaignSpec,
    fundraiser_spec,
    paid_event_spec,
)
from livegiving_desktop.core.errors import LiveGivingError, ValidationError
from livegiving_desktop.core.money import amount_placeholder
from livegiving_desktop.core.organizations import Organization, OrganizationCatalog
from livegiving_desktop.ui.common.accessibility import name_clear_button, report_field_error
from livegiving_desktop.ui.common.error_text import user_message
from livegiving_desktop.ui.common.model_base import RecordModel
from livegiving_desktop.ui.common.widgets import card, label, themed_icon
from livegiving_desktop.ui.paid_event.cards import refund_policy_text

COMMON_CURRENCIES = ("EUR", "USD", "GBP", "CAD", "CHF", "JPY", "AUD", "BRL", "INR", "KES",
                     "MXN", "SEK", "NOK", "DKK", "PLN", "XOF", "MAD", "KWD")  # fmt: skip
# Which input shows the error of each field the core names.
_FIELD_WIDGETS = {
    "title": "campaignTitle",
    "organization": "organizationSearch",
    "goal": "goalAmount",
    "currency": "currency",
    "minimum donation": "minimumDonation",
    "category": "eventCategory",
    "ticket price": "ticketPrice",
    "capacity": "eventCapacity",
    "duration": "eventDuration",
    "description": "eventDescription",
}


# The catalog's causes, in the UI's language (the catalog keeps them in English).
_CAUSES = {
    "animals": QT_TRANSLATE_NOOP("Causes", "animals"),
    "children": QT_TRANSLATE_NOOP("Causes", "children"),
    "culture": QT_TRANSLATE_NOOP("Causes", "culture"),
    "education": QT_TRANSLATE_NOOP("Causes", "education"),
    "environment": QT_TRANSLATE_NOOP("Causes", "environment"),
    "health": QT_TRANSLATE_NOOP("Causes", "health"),
    "human-rights": QT_TRANSLATE_NOOP("Causes", "human rights"),
    "poverty": QT_TRANSLATE_NOOP("Causes", "poverty"),
    "relief": QT_TRANSLATE_NOOP("Causes", "relief"),
    "research": QT_TRANSLATE_NOOP("Causes", "research"),
}


def cause_text(category: str) -> str:
    """A nonprofit's cause as the UI says it ("relief" is "aide humanitaire" in French)."""
    source = _CAUSES.get(category)
    return QCoreApplication.translate("Causes", str(source)) if source else category


class OrganizationListModel(RecordModel[Organization]):
    """The nonprofits matching the search."""

    def display(self, o: Organization, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{o.name}  ·  {o.country}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return o.website
        return None

    def organization(self, row: int) -> Organization | None:
        return self.record(row)


class CampaignSetupPage(QWidget):
    """Emits `createRequested(spec)` with a valid spec; the window stores it off the UI thread."""

    createRequested = Signal(object)
    cancelled = Signal()

    def __init__(self, catalog: OrganizationCatalog, currency: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("page")
        self.catalog = catalog
        self._attempted = False
        self.amount_locale = "en"  # the UI's: amounts are read and shown as people type them in it

        # Kind
        self.kind_fundraiser = self._segment(self.tr("Fundraiser"), "campaignKindFundraiser",
                                             "mdi6.hand-heart")  # fmt: skip
        self.kind_event = self._segment(self.tr("Paid live event"), "campaignKindPaidEvent",
                                        "mdi6.ticket-confirmation")  # fmt: skip
        self.kind_group = QButtonGroup(self)
        self.kind_group.setExclusive(True)
        self.kind_group.addButton(self.kind_fundraiser)
        self.kind_group.addButton(self.kind_event)
        self.kind_fundraiser.setChecked(True)

        # Shared fields
        self.title = self._line("campaignTitle", self.tr("Title"),
                                self.tr("e.g. 24-hour charity stream"))  # fmt: skip
        self.currency = QComboBox()
        self.currency.setObjectName("currency")
        self.currency.setAccessibleName(self.tr("Currency"))
        self.currency.addItems(list(COMMON_CURRENCIES))
        if self.currency.findText(currency) < 0:
            self.currency.insertItem(0, currency)
        self.currency.setCurrentText(currency)

        # Fundraiser
        self.org_search = self._line("organizationSearch", self.tr("Search nonprofits"),
                                     self.tr("Search by name, country or cause"))  # fmt: skip
        name_clear_button(self.org_search)
        self.org_model = OrganizationListModel(parent=self)
        self.org_model.reset(catalog.all())
        self.org_list = QListView()
        self.org_list.setObjectName("organizationList")
        self.org_list.setAccessibleName(self.tr("Nonprofit organizations"))
        self.org_list.setModel(self.org_model)
        self.org_list.setUniformItemSizes(True)
        self.org_list.setMinimumHeight(170)
        self.org_card_name = label("", "h2", wrap=True)
        self.org_card_meta = label("", "muted", wrap=True)
        self.org_card_site = label("", None)
        self.org_card_site.setOpenExternalLinks(True)
        self.org_card = card("card-accent")
        org_card_layout = QVBoxLayout(self.org_card)
        org_card_layout.setContentsMargins(16, 12, 16, 12)
        org_card_layout.addWidget(label(self.tr("CHOSEN NONPROFIT"), "eyebrow"))
        org_card_layout.addWidget(self.org_card_name)
        org_card_layout.addWidget(self.org_card_meta)
        org_card_layout.addWidget(self.org_card_site)
        self._show_card(None)  # always shown: picking a nonprofit moves nothing below it
        self.goal = self._line("goalAmount", self.tr("Goal"), "5000")
        self.minimum = self._line("minimumDonation", self.tr("Minimum donation"), "1")
        self.show_names = self._check("showNamesOnAir", self.tr("Show donor names on air"), True)
        self.show_amounts = self._check("showAmountsOnAir", self.tr("Show amounts on air"), True)
        self.allow_anonymous = self._check(
            "allowAnonymous", self.tr("Accept anonymous donations"), True
        )

        # Paid event
        self.category = QComboBox()
        self.category.setObjectName("eventCategory")
        self.category.setAccessibleName(self.tr("Category"))
        names = {
            "performance": self.tr("Performance"),
            "cooking-class": self.tr("Cooking class"),
            "conference": self.tr("Professional conference"),
            "fitness": self.tr("Fitness"),
            "talk": self.tr("Talk"),
            "other": self.tr("Other"),
        }
        for key in EVENT_CATEGORIES:
            self.category.addItem(names[key], key)
        self.price = self._line("ticketPrice", self.tr("Ticket price"), "15.00")
        self.capacity = self._line("eventCapacity", self.tr("Capacity"), self.tr("No limit"))
        self.starts_at = QDateTimeEdit(
            QDateTime(QDateTime.currentDateTime().date().addDays(7), QTime(20, 0))
        )
        self.starts_at.setObjectName("eventStartsAt")
        self.starts_at.setAccessibleName(self.tr("Starts at"))
        self.starts_at.setCalendarPopup(True)
        self.starts_at.calendarWidget().installEventFilter(self)  # sized when it shows
        self.duration = QSpinBox()
        self.duration.setObjectName("eventDuration")
        self.duration.setAccessibleName(self.tr("Duration in minutes"))
        self.duration.setRange(1, 24 * 60)
        self.duration.setValue(90)
        self.duration.setSingleStep(15)
        self.duration.setSuffix(self.tr(" min"))
        self.online_only = self._check(
            "eventOnlineOnly", self.tr("Online only (no venue, the broadcast is the event)"), True
        )
        self.description = QPlainTextEdit()
        self.description.setObjectName("eventDescription")
        self.description.setAccessibleName(self.tr("Description"))
        self.description.setPlaceholderText(self.tr("What ticket holders will see and learn"))
        self.description.setFixedHeight(84)
        self.description.setTabChangesFocus(True)
        self.raises_money = self._check(
            "eventRaisesMoney", self.tr("Also raise money for a nonprofit"), False
        )
        self.refund_policy = label(refund_policy_text(REFUND_WINDOW_HOURS), "muted", wrap=True)
        self.refund_policy.setObjectName("setupRefundPolicy")
        self.refund_policy.setAccessibleName(self.tr("Refund policy"))

        # Error and actions
        self.error = label("", "error", wrap=True)
        self.error.setObjectName("setupError")
        self.error.setAccessibleName(self.tr("Set-up error"))
        self.error.setProperty("a11yCaption", self.tr("Set-up error"))
        self.create_button = QPushButton(self.tr("Create campaign"))
        themed_icon(self.create_button, "mdi6.check-bold", "on_accent")
        self.create_button.setObjectName("createCampaign")
        self.create_button.setAccessibleName(self.tr("Create campaign"))
        self.create_button.setProperty("role", "primary")
        self.create_button.setDefault(True)
        self.cancel = QPushButton(self.tr("Back"))
        self.cancel.setObjectName("cancelSetup")
        self.cancel.setAccessibleName(self.tr("Back to campaigns"))

        self._build_layout()
        self._connect()
        self._on_kind_changed()

    # -- construction ----------------------------------------------------------------------

    def _segment(self, text: str, name: str, icon_name: str) -> QPushButton:
        button = QPushButton(text)
        themed_icon(button, icon_name)
        button.setObjectName(name)
        button.setAccessibleName(text)
        button.setCheckable(True)
        button.setProperty("role", "segment")
        button.setMinimumHeight(46)
        return button

    def _line(self, name: str, accessible: str, placeholder: str) -> QLineEdit:
        line = QLineEdit()
        line.setObjectName(name)
        line.setAccessibleName(accessible)
        line.setPlaceholderText(placeholder)
        return line

    def _check(self, name: str, text: str, checked: bool) -> QCheckBox:
        box = QCheckBox(text)
        box.setObjectName(name)
        box.setAccessibleName(text)
        box.setChecked(checked)
        return box

    def _build_layout(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        body.setObjectName("page")
        scroll.setWidget(body)
        outer.addWidget(scroll)
        column = QVBoxLayout(body)
        column.setContentsMargins(40, 28, 40, 28)
        column.setSpacing(18)
        column.addWidget(label(self.tr("NEW CAMPAIGN"), "eyebrow"))
        column.addWidget(label(self.tr("Set up your live campaign"), "h1"))
        kinds = QHBoxLayout()
        kinds.setSpacing(12)
        kinds.addWidget(self.kind_fundraiser)
        kinds.addWidget(self.kind_event)
        kinds.addStretch(1)
        column.addLayout(kinds)

        main = card()
        grid = QGridLayout(main)
        grid.setContentsMargins(24, 22, 24, 22)
        grid.setHorizontalSpacing(28)
        grid.setVerticalSpacing(12)
        basics = QFormLayout()
        basics.setVerticalSpacing(12)
        basics.addRow(self.tr("Title"), self.title)
        basics.addRow(self.tr("Currency"), self.currency)
        grid.addLayout(basics, 0, 0, 1, 2)

        self.fundraiser_box = QWidget()
        fgrid = QGridLayout(self.fundraiser_box)
        fgrid.setContentsMargins(0, 8, 0, 0)
        fgrid.setHorizontalSpacing(28)
        fgrid.setVerticalSpacing(10)
        left = QVBoxLayout()
        left.addWidget(label(self.tr("Nonprofit organization"), "h2"))
        left.addWidget(self.org_search)
        left.addWidget(self.org_list, 1)
        fgrid.addLayout(left, 0, 0)
        right = QVBoxLayout()
        right.addWidget(self.org_card)
        money = QFormLayout()
        money.setVerticalSpacing(12)
        money.addRow(self.tr("Goal"), self.goal)
        money.addRow(self.tr("Minimum donation"), self.minimum)
        right.addLayout(money)
        self.money_form = money
        self.on_air_title = label(self.tr("On air"), "h2")
        right.addWidget(self.on_air_title)
        right.addWidget(self.show_names)
        right.addWidget(self.show_amounts)
        right.addWidget(self.allow_anonymous)
        right.addStretch(1)
        fgrid.addLayout(right, 0, 1)
        fgrid.setColumnStretch(0, 3)
        fgrid.setColumnStretch(1, 2)

        self.event_box = QWidget()
        eform = QFormLayout(self.event_box)
        eform.setContentsMargins(0, 8, 0, 0)
        eform.setVerticalSpacing(12)
        eform.addRow(self.tr("Category"), self.category)
        eform.addRow(self.tr("Ticket price"), self.price)
        eform.addRow(self.tr("Capacity"), self.capacity)
        eform.addRow(self.tr("Starts at"), self.starts_at)
        eform.addRow(self.tr("Duration"), self.duration)
        eform.addRow("", self.online_only)
        eform.addRow(self.tr("Description"), self.description)
        eform.addRow(self.tr("Refund policy"), self.refund_policy)
        eform.addRow("", self.raises_money)
        grid.addWidget(self.event_box, 1, 0, 1, 2)
        grid.addWidget(self.fundraiser_box, 2, 0, 1, 2)
        _align_labels(basics, eform)  # the two forms read as one: fields start in one column
        column.addWidget(main)

        column.addWidget(self.error)
        actions = QHBoxLayout()
        actions.addWidget(self.cancel)
        actions.addStretch(1)
        actions.addWidget(self.create_button)
        column.addLayout(actions)
        column.addStretch(1)

    def _connect(self) -> None:
        self.kind_group.buttonToggled.connect(self._on_kind_changed)
        self.org_search.textChanged.connect(self._on_org_search_text_changed)
        self.org_list.selectionModel().currentChanged.connect(self._on_org_list_current_changed)
        self.create_button.clicked.connect(self._on_create_clicked)
        self.cancel.clicked.connect(self.cancelled)
        for line in (self.title, self.goal, self.minimum, self.price, self.capacity):
            line.textChanged.connect(self._on_field_edited)
        self.currency.currentTextChanged.connect(self._on_field_edited)
        self.currency.currentTextChanged.connect(self._show_amount_placeholders)
        self.duration.valueChanged.connect(self._on_field_edited)
        self.description.textChanged.connect(self._on_field_edited)
        self.raises_money.toggled.connect(self._on_kind_changed)

    # -- behaviour -------------------------------------------------------------------------

    def reset(self, currency: str, locale: str | None = None) -> None:
        """An empty form in `currency`; `locale`: the UI's (amounts as typed in it)."""
        if locale is not None:
            self.amount_locale = locale
        self._attempted = False
        for line in (self.title, self.goal, self.minimum, self.price, self.capacity,
                     self.org_search):  # fmt: skip
            line.clear()
        self.org_list.clearSelection()
        self.org_list.setCurrentIndex(self.org_model.index(-1, 0))
        self._show_card(None)
        self.currency.setCurrentText(currency)
        self._show_amount_placeholders()
        self.kind_fundraiser.setChecked(True)
        self.description.clear()
        self.duration.setValue(90)
        self.online_only.setChecked(True)
        self.raises_money.setChecked(False)
        self._show_error(None)
        self.title.setFocus()

    @Slot()
    def _show_amount_placeholders(self) -> None:
        """Examples in the locale's form and the currency's decimals (`5 000` and `15,00`)."""
        currency = self.currency.currentText()
        try:
            for line, major in ((self.goal, 5000), (self.minimum, 1), (self.price, 15)):
                line.setPlaceholderText(amount_placeholder(currency, self.amount_locale, major))
        except (LiveGivingError, ValueError, LookupError):  # a currency still being typed
            return

    @property
    def is_fundraiser(self) -> bool:
        return self.kind_fundraiser.isChecked()

    def chosen_organization(self) -> Organization | None:
        return self.org_model.organization(self.org_list.currentIndex().row())

    @Slot()
    def _on_kind_changed(self) -> None:
        # A paid event that also raises money picks its nonprofit and goal like a fundraiser.
        fundraiser = self.is_fundraiser
        self.fundraiser_box.setVisible(fundraiser or self.raises_money.isChecked())
        self.event_box.setVisible(not fundraiser)
        for widget in (self.on_air_title, self.show_names, self.show_amounts,
                       self.allow_anonymous):  # fmt: skip
            widget.setVisible(fundraiser)
        self.money_form.setRowVisible(self.minimum, fundraiser)
        self._on_field_edited()

    @Slot(str)
    def _on_org_search_text_changed(self, text: str) -> None:
        chosen = self.chosen_organization()
        self.org_model.reset(self.catalog.search(text))
        if chosen is not None:
            row = self.org_model.row_of(chosen.id)
            if row >= 0:
                self.org_list.selectionModel().setCurrentIndex(
                    self.org_model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                )
                return
        self._show_card(None)

    @Slot()
    def _on_org_list_current_changed(self) -> None:
        self._show_card(self.chosen_organization())
        self._on_field_edited()

    def _show_card(self, org: Organization | None) -> None:
        """The chosen nonprofit, or what to do; the card keeps room for a name on two lines,
        so that the goal fields and Create never move under the pointer."""
        self._reserve_card()
        if org is None:
            self.org_card_name.setText(self.tr("None chosen yet"))
            self.org_card_meta.setText(self.tr("Pick the nonprofit in the list"))
            self.org_card_site.setText("")
            return
        self.org_card_name.setText(org.name)
        self.org_card_meta.setText(f"{org.country} · {cause_text(org.category)}")
        self.org_card_site.setText(f'<a href="{org.website}">{org.website}</a>')

    def _reserve_card(self) -> None:
        for widget, lines in ((self.org_card_name, 2), (self.org_card_meta, 1),
                              (self.org_card_site, 1)):  # fmt: skip
            widget.ensurePolished()
            widget.setMinimumHeight(lines * widget.fontMetrics().lineSpacing())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QCalendarWidget):
            _fit_calendar(watched)
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._reserve_card()  # a larger font needs more room
        super().changeEvent(event)

    @Slot()
    def _on_field_edited(self) -> None:
        # Once the creator has tried to create, the message follows every edit.
        if self._attempted:
            self.validate()

    def validate(self, *, focus: bool = False) -> CampaignSpec | None:
        """The spec when every field is valid; else None with `setupError` saying why (and,
        on a submit, the field at fault gets the focus)."""
        try:
            spec = self._spec()
        except ValidationError as exc:
            self._show_error(exc, focus=focus)
            return None
        except LiveGivingError as exc:
            report_field_error(self.error, user_message(exc), None)
            return None
        self._show_error(None)
        return spec

    def _spec(self) -> CampaignSpec:
        if self.is_fundraiser:
            org = self.chosen_organization()
            return fundraiser_spec(
                title=self.title.text(),
                organization_id=org.id if org else "",
                goal=self.goal.text(),
                currency=self.currency.currentText(),
                catalog=self.catalog,
                minimum=self.minimum.text() or None,
                locale=self.amount_locale,
                show_names_on_air=self.show_names.isChecked(),
                show_amounts_on_air=self.show_amounts.isChecked(),
                allow_anonymous=self.allow_anonymous.isChecked(),
            )
        org = self.chosen_organization() if self.raises_money.isChecked() else None
        if self.raises_money.isChecked() and org is None:
            raise ValidationError("organization", "is not chosen; pick the nonprofit to support")
        return paid_event_spec(
            title=self.title.text(),
            category=str(self.category.currentData()),
            price=self.price.text(),
            currency=self.currency.currentText(),
            capacity=self.capacity.text() or None,
            starts_at=datetime.fromisoformat(
                self.starts_at.dateTime().toString("yyyy-MM-ddTHH:mm:ss")
            ).astimezone(),
            duration_minutes=self.duration.value(),
            online_only=self.online_only.isChecked(),
            description=self.description.toPlainText(),
            organization_id=org.id if org else None,
            goal=self.goal.text() if org else None,
            catalog=self.catalog,
            locale=self.amount_locale,
        )

    def _show_error(self, exc: ValidationError | None, *, focus: bool = False) -> None:
        bad = _FIELD_WIDGETS.get(exc.field) if exc is not None else None
        field = self.findChild(QWidget, bad) if bad else None
        message = "" if exc is None else user_message(exc)
        if message != self.error.text():
            report_field_error(self.error, message, field, focus=focus)
        elif focus and field is not None:
            field.setFocus()
        for name in _FIELD_WIDGETS.values():
            widget = self.findChild(QWidget, name)
            if widget is not None and bool(widget.property("invalid")) != (name == bad):
                widget.setProperty("invalid", name == bad)
                widget.style().unpolish(widget)
                widget.style().polish(widget)

    @Slot()
    def _on_create_clicked(self) -> None:
        self._attempted = True
        spec = self.validate(focus=True)
        if spec is not None:
            self.createRequested.emit(spec)


def _fit_calendar(calendar: QCalendarWidget) -> None:
    """The calendar popup as large as its day names and six weeks need in the theme's font
    (its own size hint leaves the last row and long day names cut off)."""
    view = calendar.findChild(QTableView)
    if view is None:
        return
    rows, columns = view.verticalHeader(), view.horizontalHeader()
    short = rows.length() - view.viewport().height()
    narrow = columns.length() - view.viewport().width()
    days = QFontMetrics(view.font())
    widest = max(days.horizontalAdvance(QLocale().dayName(d, QLocale.FormatType.ShortFormat))
                 for d in range(1, 8))  # fmt: skip
    narrow = max(narrow, 7 * (widest + 10) - view.viewport().width())
    if short > 0 or narrow > 0:
        popup = calendar.window()
        grow = QSize(max(0, narrow), max(0, short))
        calendar.setMinimumSize(calendar.size() + grow)
        if popup is not calendar:
            popup.resize(popup.size() + grow)


def _align_labels(*forms: QFormLayout) -> None:
    """Give the labels of several forms one width, so their fields line up."""
    labels: list[QWidget] = []
    for form in forms:
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            widget = item.widget() if item is not None else None
            if widget is not None:
                labels.append(widget)
    width = max((w.sizeHint().width() for w in labels), default=0)
    for widget in labels:
        widget.setMinimumWidth(width)
    for form in forms:
        form.setHorizontalSpacing(16)
