"""A one-line bar under a list: "Deleted “X”. [Undo]" after a (soft) delete, until undone or replaced."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

UNDO_KEYS = "Ctrl+Z"


class UndoBar(QFrame):
    def __init__(self, undo: Callable[[], object], parent: QWidget):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.inspection_id: int | None = None
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.undo_button = QPushButton("&Undo", self)
        self.undo_button.setToolTip(f"Bring it back ({UNDO_KEYS})")
        close = QToolButton(self)
        close.setText("×")
        close.setToolTip("Hide")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.undo_button)
        layout.addWidget(close)
        self.undo_button.clicked.connect(lambda: undo())
        close.clicked.connect(self.clear)
        shortcut = QShortcut(QKeySequence(UNDO_KEYS), parent, lambda: undo() if self.inspection_id else None)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.setWhatsThis("Undo the delete just done")  # (Help → Keyboard shortcuts lists it)
        self.setVisible(False)

    def offer(self, inspection_id: int, title: str) -> None:
        self.inspection_id = inspection_id
        shown = title if len(title) <= 80 else title[:80] + "…"
        self.label.setText(f"Deleted “{shown}”. It stays in Edit ▸ Recently deleted until deleted permanently.")
        self.setVisible(True)

    def clear(self) -> None:
        self.inspection_id = None
        self.setVisible(False)
