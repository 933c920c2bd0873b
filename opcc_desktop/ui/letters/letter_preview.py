"""`LetterPreviewDialog`: the rendered s.55 letter on screen, with Print, Save as PDF and Open in viewer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ..common.error_dialogs import show_error
from ..common.pdf_output import open_in_viewer, print_pdf, save_pdf_copy
from ..common.pdf_pane import PdfPane
from ..common.operations import run_op


class LetterPreviewDialog(QDialog):
    """Shows `pdf_path` page after page. The dialog keeps the `QPdfDocument` alive while it is open."""

    def _not_loaded(self, error: Exception) -> bool:
        self.load_error = str(error)  # told once the dialog shows
        return True

    def __init__(self, pdf_path: Path | str, parent: QWidget | None = None):
        super().__init__(parent)
        self.pdf_path = Path(pdf_path)
        self.setWindowTitle(f"Letter preview – {self.pdf_path.name}")
        self.pane = PdfPane(self)
        self.document, self.view, self.page_label = self.pane.document, self.pane.view, self.pane.page_label
        self.zoom_out_button, self.zoom_in_button = self.pane.zoom_out_button, self.pane.zoom_in_button
        self.fit_width_button = self.pane.fit_width_button
        self.load_error = ""
        run_op(self, "Letter preview", lambda: self.pane.load(self.pdf_path), failure=self._not_loaded)

        self.print_button = QPushButton("&Print…")
        self.save_button = QPushButton("&Save as PDF…")
        self.open_button = QPushButton("&Open in viewer")
        self.open_button.setToolTip("Open the letter in the computer's PDF viewer")
        self.close_button = QPushButton("Close")
        self.close_button.setDefault(True)
        buttons = QHBoxLayout()
        for button in (self.print_button, self.save_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pane, 1)
        layout.addLayout(buttons)

        self.print_button.clicked.connect(lambda: print_pdf(self.pdf_path, self))
        self.save_button.clicked.connect(lambda: save_pdf_copy(self.pdf_path, self))
        self.open_button.clicked.connect(lambda: open_in_viewer(self.pdf_path, self))
        self.close_button.clicked.connect(self.reject)
        self.pane.page_changed.connect(self._update_buttons)
        self._update_buttons()
        self._size_to_screen()

    def _size_to_screen(self) -> None:
        screen = self.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry() if screen else None
        if available is None:
            self.resize(860, 1000)
            return
        self.resize(min(900, int(available.width() * 0.9)), int(available.height() * 0.9))

    # Public ------------------------------------------------------------------------------------
    def page_count(self) -> int:
        return self.pane.page_count()

    def current_page(self) -> int:
        return self.pane.current_page()

    def effective_zoom(self) -> float:
        return self.pane.effective_zoom()

    def zoom_by(self, factor: float) -> None:
        self.pane.zoom_by(factor)

    def fit_width(self) -> None:
        self.pane.fit_width()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.load_error:
            error, self.load_error = self.load_error, ""
            show_error(self, "Letter preview", error)

    def done(self, result: int) -> None:
        """Release the file when the dialog closes (Windows cannot replace a file that is open)."""
        super().done(result)
        self.pane.release()

    def _update_buttons(self) -> None:
        count = self.page_count()
        self.print_button.setEnabled(count > 0)
        self.save_button.setEnabled(count > 0)
