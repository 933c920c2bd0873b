"""`LogoField`: the office logo in the settings form — a thumbnail with Choose… and Remove."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from .image_files import choose_image, thumbnail
from ..common.operations import run_op


class LogoField(QWidget):
    """Holds the chosen PNG bytes until the settings are saved; `changed()` says whether to write."""

    def __init__(self, png: bytes | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.png = png
        self._original = png
        self.preview = QLabel(self)
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.choose_button = QPushButton("Choose image…", self)
        self.remove_button = QPushButton("Remove", self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preview)
        layout.addWidget(self.choose_button)
        layout.addWidget(self.remove_button)
        layout.addStretch(1)
        self.choose_button.clicked.connect(self.choose)
        self.remove_button.clicked.connect(lambda: self.set_png(None))
        self.set_png(png)

    def set_png(self, png: bytes | None) -> None:
        self.png = png
        pixmap = thumbnail(png)
        if pixmap.isNull():
            self.preview.setPixmap(pixmap)
            self.preview.setText("No logo")
        else:
            self.preview.setPixmap(pixmap)
        self.remove_button.setEnabled(png is not None)

    def choose(self) -> None:
        png = run_op(self, "Office logo", lambda: choose_image(self, "Choose the office logo"))
        if isinstance(png, bytes):  # not cancelled, and an image that could be read
            self.set_png(png)

    def changed(self) -> bool:
        return self.png != self._original

    def mark_saved(self) -> None:
        self._original = self.png
