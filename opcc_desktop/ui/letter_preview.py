"""`LetterPreviewDialog`: the rendered s.55 letter on screen, with Print, Save as PDF and Open in viewer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget

from ..errors import UserFacingError
from .error_dialogs import show_error
from .pdf_output import load_pdf, open_in_viewer, print_pdf, save_pdf_copy

ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.25, 5.0


class LetterPreviewDialog(QDialog):
    """Shows `pdf_path` page after page. The dialog keeps the `QPdfDocument` alive while it is open."""

    def __init__(self, pdf_path: Path | str, parent: QWidget | None = None):
        super().__init__(parent)
        self.pdf_path = Path(pdf_path)
        self.setWindowTitle(f"Letter preview – {self.pdf_path.name}")
        self.document = QPdfDocument(self)
        self.load_error = ""
        try:
            load_pdf(self.pdf_path, self.document)
        except UserFacingError as error:
            self.load_error = str(error)

        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)

        self.zoom_out_button = self._tool_button("−", "Zoom out (Ctrl+-)", QKeySequence.StandardKey.ZoomOut)
        self.zoom_in_button = self._tool_button("+", "Zoom in (Ctrl++)", QKeySequence.StandardKey.ZoomIn)
        self.fit_width_button = QPushButton("Fit &width")
        self.fit_width_button.setToolTip("Fit the page to the width of the window")
        self.page_label = QLabel()
        self.page_label.setTextFormat(Qt.TextFormat.PlainText)
        self.print_button = QPushButton("&Print…")
        self.save_button = QPushButton("&Save as PDF…")
        self.open_button = QPushButton("&Open in viewer")
        self.open_button.setToolTip("Open the letter in the computer's PDF viewer")
        self.close_button = QPushButton("Close")
        self.close_button.setDefault(True)
        self._build_layout()

        self.zoom_out_button.clicked.connect(lambda: self.zoom_by(1 / ZOOM_STEP))
        self.zoom_in_button.clicked.connect(lambda: self.zoom_by(ZOOM_STEP))
        self.fit_width_button.clicked.connect(self.fit_width)
        self.print_button.clicked.connect(lambda: print_pdf(self.pdf_path, self))
        self.save_button.clicked.connect(lambda: save_pdf_copy(self.pdf_path, self))
        self.open_button.clicked.connect(lambda: open_in_viewer(self.pdf_path, self))
        self.close_button.clicked.connect(self.reject)
        self.view.pageNavigator().currentPageChanged.connect(self._update_page_label)
        self.document.pageCountChanged.connect(self._update_page_label)
        self._update_page_label()
        self._size_to_screen()

    def _tool_button(self, text: str, tip: str, keys: QKeySequence.StandardKey) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setShortcut(QKeySequence(keys))
        button.setMinimumWidth(32)
        return button

    def _build_layout(self) -> None:
        tools = QHBoxLayout()
        tools.addWidget(QLabel("Zoom:"))
        tools.addWidget(self.zoom_out_button)
        tools.addWidget(self.zoom_in_button)
        tools.addWidget(self.fit_width_button)
        tools.addStretch(1)
        tools.addWidget(self.page_label)
        buttons = QHBoxLayout()
        for button in (self.print_button, self.save_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    def _size_to_screen(self) -> None:
        screen = self.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry() if screen else None
        if available is None:
            self.resize(860, 1000)
            return
        self.resize(min(900, int(available.width() * 0.9)), int(available.height() * 0.9))

    # Public ------------------------------------------------------------------------------------
    def page_count(self) -> int:
        return self.document.pageCount()

    def current_page(self) -> int:
        """1-based page number at the top of the view."""
        return self.view.pageNavigator().currentPage() + 1

    def effective_zoom(self) -> float:
        """The zoom factor as shown, also when the view is fitting the page to its width."""
        if self.view.zoomMode() == QPdfView.ZoomMode.Custom or self.page_count() == 0:
            return self.view.zoomFactor()
        page_width = self.document.pagePointSize(0).width() * self.view.logicalDpiX() / 72
        margins = self.view.documentMargins()
        usable = self.view.viewport().width() - margins.left() - margins.right()
        return max(MIN_ZOOM, usable / page_width) if page_width else 1.0

    def zoom_by(self, factor: float) -> None:
        zoom = min(MAX_ZOOM, max(MIN_ZOOM, self.effective_zoom() * factor))
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(zoom)

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self.load_error:
            error, self.load_error = self.load_error, ""
            show_error(self, "Letter preview", error)

    def done(self, result: int) -> None:
        """Release the file when the dialog closes (Windows cannot replace a file that is open)."""
        super().done(result)
        self.view.setDocument(None)
        self.document.close()

    def _update_page_label(self, *_args) -> None:
        count = self.page_count()
        self.page_label.setText(f"Page {self.current_page()} of {count}" if count else "No pages")
        self.print_button.setEnabled(count > 0)
        self.save_button.setEnabled(count > 0)
