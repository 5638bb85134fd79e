"""Questions before something that cannot be taken back (ending a broadcast, quitting while on
air): a message box shown with open(), never exec() inside a coroutine (qasync #59), whose
answer is awaited."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from PySide6.QtWidgets import QMessageBox, QWidget


async def ask(
    parent: QWidget,
    name: str,
    title: str,
    text: str,
    choices: Sequence[tuple[str, str, QMessageBox.ButtonRole]],
    *,
    default: str,
    icon: QMessageBox.Icon = QMessageBox.Icon.Question,
) -> str | None:
    """Show the box `name` with buttons (text, object name, role); returns the object name of
    the button chosen, None when the box was closed another way (Esc chooses `default`'s role
    when it is a reject role)."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName(name)
    box.setAccessibleName(title)
    buttons = {}
    for label, button_name, role in choices:
        button = box.addButton(label, role)
        button.setObjectName(button_name)
        buttons[button_name] = button
    box.setDefaultButton(buttons[default])
    box.setEscapeButton(buttons[default])
    answer: asyncio.Future[str | None] = asyncio.get_running_loop().create_future()

    def finished() -> None:
        clicked = box.clickedButton()
        if not answer.done():
            answer.set_result(clicked.objectName() if clicked is not None else None)
        box.deleteLater()

    box.finished.connect(finished)
    box.open()
    return await answer
