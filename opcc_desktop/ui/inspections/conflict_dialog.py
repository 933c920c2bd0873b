"""The inspection changed elsewhere since it was opened: show both versions, the user chooses.

"Keep mine" saves what the form shows over the stored record; "Take theirs" reloads the stored one
(the form's edits are dropped); Cancel leaves the form as it is, unsaved.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QGridLayout, QLabel, QPlainTextEdit, QPushButton, QWidget,
)
from PySide6.QtCore import Qt

from ...domain.conflicts import version_text
from ...domain.models import Inspection

KEEP_MINE, TAKE_THEIRS = "mine", "theirs"


def _plain(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class ConflictDialog(QDialog):
    def __init__(self, message: str, mine: Inspection, theirs: Inspection, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Changed elsewhere")
        self.choice: str | None = None
        grid = QGridLayout(self)
        grid.addWidget(_plain(message + "\nLines marked ▶ differ. Choose which version to keep."), 0, 0, 1, 2)
        for column, (title, record, other) in enumerate((("Your version (this form)", mine, theirs),
                                                         ("Saved version (changed elsewhere)", theirs, mine))):
            grid.addWidget(_plain(title), 1, column)
            text = QPlainTextEdit(version_text(record, other))
            text.setReadOnly(True)
            text.setAccessibleName(title)
            text.setMinimumSize(360, 280)
            grid.addWidget(text, 2, column)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.keep_button = QPushButton("Keep mine")
        self.take_button = QPushButton("Take theirs")
        buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.take_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.keep_button.clicked.connect(lambda: self._choose(KEEP_MINE))
        self.take_button.clicked.connect(lambda: self._choose(TAKE_THEIRS))
        buttons.rejected.connect(self.reject)
        grid.addWidget(buttons, 3, 0, 1, 2)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()


def ask_which_version(parent: QWidget, message: str, mine: Inspection, theirs: Inspection) -> str | None:
    """KEEP_MINE, TAKE_THEIRS, or None (cancelled). A seam: tests replace it."""
    dialog = ConflictDialog(message, mine, theirs, parent)
    dialog.exec()
    return dialog.choice
