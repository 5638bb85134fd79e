"""The end of a broadcast: the total, donors, donations, average, duration and top donors."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGridLayout, QVBoxLayout, QWidget

from livegiving_desktop.ui.common.widgets import label


class SummaryDialog(QDialog):
    """The end of a broadcast: total, donors, average, top donors, duration."""

    def __init__(self, lines: list[tuple[str, str]], top: list[str], parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("broadcastSummary")
        self.setWindowTitle(self.tr("Broadcast summary"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 22, 24, 18)
        layout.setSpacing(12)
        layout.addWidget(label(self.tr("That's a wrap!"), "h1"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        for row, (caption, value) in enumerate(lines):
            grid.addWidget(label(caption, "muted"), row, 0)
            figure = label(value, "stat")
            figure.setObjectName(f"summary_{row}")
            grid.addWidget(figure, row, 1)
        layout.addLayout(grid)
        if top:
            layout.addWidget(label(self.tr("Top donors"), "h2"))
            for line in top:
                layout.addWidget(label(line))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
