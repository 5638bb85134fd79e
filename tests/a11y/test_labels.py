"""Every combo box has a visible label that Qt relates to it (labelled-by): on Linux Qt names a
combo box by its value, and a screen reader reads its label from that relation. The AT-SPI
walk (test_atspi.py) checks the screens it reaches; this checks, offscreen, the forms and the
dialog it does not (the moderator's name and role)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QComboBox, QWidget

from livegiving_desktop.core.records import ActorRole


def _setup() -> QWidget:
    from livegiving_desktop.core.organizations import bundled_catalog
    from livegiving_desktop.ui.setup import CampaignSetupPage

    return CampaignSetupPage(bundled_catalog(), "EUR")


def _filters() -> QWidget:
    from livegiving_desktop.ui.moderation.filter_bar import FilterBar

    return FilterBar()


def _header() -> QWidget:
    from livegiving_desktop.ui.moderation.header import ConsoleHeader

    header = ConsoleHeader()
    header.show_campaigns([(1, "24-hour charity marathon")], 1)
    return header


def _rules() -> QWidget:
    from livegiving_desktop.ui.moderation.rules_form import RulesForm

    return RulesForm()


def _name_dialog() -> QWidget:
    from livegiving_desktop.ui.moderation.dialogs import DisplayNameDialog

    parent = QWidget()
    dialog = DisplayNameDialog("Sam", ActorRole.MODERATOR, parent)
    dialog.setParent(None)
    return dialog


FORMS: dict[str, Callable[[], QWidget]] = {
    "set-up": _setup,
    "console filters": _filters,
    "console header": _header,
    "console rules": _rules,
    "moderator's name": _name_dialog,
}


def labels_of(widget: QWidget) -> list[str]:
    """The texts of what labels `widget` (Qt's labelled-by relation, as AT-SPI exports it)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return [
        target.text(QAccessible.Text.Name)
        for target, _relation in interface.relations(QAccessible.RelationFlag.Label)
    ]


@pytest.mark.parametrize("form", FORMS)
def test_every_combo_box_has_a_visible_label(qtbot: Any, form: str) -> None:
    widget = FORMS[form]()
    qtbot.addWidget(widget)
    combos = widget.findChildren(QComboBox)
    assert combos, f"no combo box in the {form}"
    for combo in combos:
        labels = [t for t in labels_of(combo) if t.strip() and t != combo.currentText()]
        assert labels, f"{combo.objectName()} has no label but its value {combo.currentText()!r}"
