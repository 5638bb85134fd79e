"""What a screen reader gets: figures read with their values, painted widgets with a role and a
description of what they show, and announcements of what a sighted user notices (a donation,
a milestone, a thank-you, a door check, an error), through Qt's accessibility announcements
(Qt 6.8+), throttled so that a burst of gifts is one sentence every few seconds."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAction, QIcon
from PySide6.QtWidgets import QAccessibleWidget, QLabel, QLineEdit, QToolButton, QWidget

from livegiving_desktop.ui.common.throttle import Throttle

GRAPHIC = "graphic"  # the `a11yRole` property of a painted widget
DONATIONS_EVERY_MS = 4000  # new donations are summed up at most this often


def mark_graphic(widget: QWidget, name: str) -> None:
    """A painted widget (the stage, the sparkline, a gauge): exposed as a graphic named `name`,
    its description saying what it shows (`describe`)."""
    widget.setProperty("a11yRole", GRAPHIC)
    widget.setAccessibleName(name)


def describe(widget: QWidget, text: str) -> None:
    """What a painted widget shows now (a screen reader reads it as the description)."""
    if widget.accessibleDescription() != text:
        widget.setAccessibleDescription(text)


def labelled(caption: QLabel, control: QWidget) -> QLabel:
    """`caption` is the visible label of `control` (a combo box above all: on Linux Qt names a
    combo by its value, and a screen reader reads its label through the labelled-by relation,
    which Qt makes from a buddy that is a sibling of the control)."""
    caption.setBuddy(control)
    return caption


CLEAR_ACTION = "_q_qlineeditclearaction"  # Qt's own name for a field's clear button action


def name_clear_button(edit: QLineEdit) -> None:
    """A field's clear button (Qt shows it once the field has text) is read "Clear" and says
    so in its tooltip; Qt leaves it unnamed."""
    edit.setClearButtonEnabled(True)
    clear = edit.findChild(QAction, CLEAR_ACTION)
    if clear is not None:
        text = QCoreApplication.translate("FieldButtons", "Clear")
        clear.setText(text)
        clear.setToolTip(text)


def leading_icon(edit: QLineEdit, picture: QIcon, name: str) -> QAction:
    """A decorative icon at the start of a field (a magnifier on a search field): a graphic
    named `name`, not a button that does nothing."""
    action = edit.addAction(picture, QLineEdit.ActionPosition.LeadingPosition)
    for shown in edit.findChildren(QToolButton):
        if shown.defaultAction() is action:
            mark_graphic(shown, name)
    return action


def _factory(_key: str, obj: QObject) -> QAccessibleWidget | None:
    if isinstance(obj, QWidget) and obj.property("a11yRole") == GRAPHIC:
        return QAccessibleWidget(obj, QAccessible.Role.Graphic)
    return None


def install() -> None:
    """Once per application: painted widgets get their role."""
    QAccessible.installFactory(_factory)


def set_figure(label: QLabel, caption: str, value: str) -> None:
    """A figure: its text is the value alone (the contract's labels), its accessible name the
    caption with the value, kept current, so that a screen reader reads both."""
    label.setText(value)
    name = f"{caption}: {value}"
    if label.accessibleName() != name:
        label.setAccessibleName(name)


class AnnouncementLevel(StrEnum):
    ALL = "all"  # donations summed up, milestones, thanks, the door, notices, errors
    IMPORTANT = "important"  # milestones, notices and errors only
    OFF = "off"


class _Settings:
    level = AnnouncementLevel.ALL  # the creator's choice (View › Announcements), app-wide


def set_level(level: AnnouncementLevel) -> None:
    _Settings.level = level


def level() -> AnnouncementLevel:
    return _Settings.level


def announce(anchor: QWidget, text: str, *, important: bool = False) -> bool:
    """Say `text` now on behalf of `anchor`; `important` (an error, the goal reached)
    interrupts, the rest waits for the screen reader to finish. False when the creator's
    level keeps it quiet."""
    chosen = _Settings.level
    if not text or chosen is AnnouncementLevel.OFF:
        return False
    if not important and chosen is AnnouncementLevel.IMPORTANT:
        return False
    event = QAccessibleAnnouncementEvent(anchor, text)
    event.setPoliteness(
        QAccessible.AnnouncementPoliteness.Assertive
        if important
        else QAccessible.AnnouncementPoliteness.Polite
    )
    QAccessible.updateAccessibility(event)
    return True


def report_field_error(
    error_label: QLabel, message: str, field: QWidget | None, *, focus: bool = True
) -> None:
    """A refusal: the error label says it (and is named with it), the field at fault is
    described by it and gets the focus (on a submit), and it is announced."""
    error_label.setText(message)
    error_label.setAccessibleName(message or error_label.property("a11yCaption") or "")
    if field is not None:
        field.setAccessibleDescription(message)
        if focus and message:
            field.setFocus()
    if message:
        announce(field or error_label, message, important=True)


class Announcer(QObject):
    """Says things through the screen reader, on behalf of `anchor` (a window or a page)."""

    announced = Signal(str)  # what was said (tests, and the log)

    def __init__(self, anchor: QWidget) -> None:
        super().__init__(anchor)
        self.anchor = anchor
        self._pending = 0
        self._latest = ""
        self._donations = Throttle(self._say_donations, DONATIONS_EVERY_MS, parent=self)

    def say(self, text: str, *, important: bool = False) -> None:
        """A milestone, a thank-you, a door check, a notice (see `announce`)."""
        if announce(self.anchor, text, important=important):
            self.announced.emit(text)

    def donations(self, count: int, latest: str) -> None:
        """`count` new donations, the latest described by `latest` ("Zoë, €20"): said as one
        sentence at most every few seconds, however fast they come."""
        if count <= 0 or _Settings.level is not AnnouncementLevel.ALL:
            return
        self._pending += count
        self._latest = latest
        self._donations()

    def _say_donations(self) -> None:
        count, self._pending = self._pending, 0
        if count:
            self.say(
                self.tr("%n new donation(s), the latest %1", "", count).replace("%1", self._latest)
            )
