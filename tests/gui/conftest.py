"""GUI test helpers: finding widgets by the contract's object names, reading the ledger."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from livegiving_desktop.services.ledger import LedgerService

T = TypeVar("T", bound=QObject)


def find(window: QWidget, kind: type[T], name: str) -> T:
    widget = window.findChild(kind, name)
    assert widget is not None, f"no {kind.__name__} named {name!r}"
    return widget


@pytest.fixture
def ledger(livegiving_db_url: str) -> Iterator[LedgerService]:
    """A second connection to the window's database, to check what was really stored."""
    service = LedgerService.open(livegiving_db_url)
    yield service
    service.close()


def create_fundraiser(qtbot: Any, window: Any, *, goal: str = "5000", title: str = "Test") -> None:
    """Fill in set-up through the object names and create the campaign."""
    from PySide6.QtWidgets import QLineEdit, QListView, QPushButton

    find(window, QPushButton, "newCampaign").click()
    find(window, QLineEdit, "campaignTitle").setText(title)
    find(window, QLineEdit, "organizationSearch").setText("croix")
    org_list = find(window, QListView, "organizationList")
    org_list.setCurrentIndex(org_list.model().index(0, 0))
    find(window, QLineEdit, "goalAmount").setText(goal)
    find(window, QPushButton, "createCampaign").click()
    go_live = find(window, QPushButton, "goLive")
    qtbot.waitUntil(
        lambda: window.live.campaign is not None and go_live.isVisible(), timeout=10_000
    )


@pytest.fixture
def french(qapp: Any) -> Iterator[None]:
    """The app's French translations installed for one test, English again afterwards."""
    from livegiving_desktop.app import prepare

    prepare(qapp, "fr")
    yield
    prepare(qapp, "en")


@pytest.fixture
def french_window(qtbot: Any, livegiving_db_url: str, qapp: Any) -> Iterator[Any]:
    """The main window in French on the test's database (English again afterwards)."""
    from livegiving_desktop.app import prepare
    from livegiving_desktop.testing import window_on

    try:
        with window_on(qtbot, qapp, livegiving_db_url, "fr") as window:
            yield window
    finally:
        prepare(qapp, "en")


def row_records(view: Any) -> list[Any]:
    """The records of an item view's rows (role UserRole + 1), as an outside test reads them."""
    from PySide6.QtCore import Qt

    model = view.model()
    role = Qt.ItemDataRole.UserRole + 1
    return [model.index(r, 0).data(role) for r in range(model.rowCount())]
