"""`PdfPane`: a PDF on screen with Qt's PDF viewer — zoom out/in, fit width, previous/next page."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget

from .pdf_output import load_pdf

ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.25, 5.0


def _tool_button(text: str, tip: str, keys: QKeySequence | QKeySequence.StandardKey | None = None) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    button.setToolTip(tip)
    if keys is not None:
        button.setShortcut(QKeySequence(keys))
    button.setMinimumWidth(32)
    return button


class PdfPane(QWidget):
    """Holds its `QPdfDocument`; `load(path)` shows a file (UserFacingError when it cannot be read)."""

    page_changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.zoom_out_button = _tool_button("−", "Zoom out (Ctrl+-)", QKeySequence.StandardKey.ZoomOut)
        self.zoom_in_button = _tool_button("+", "Zoom in (Ctrl++)", QKeySequence.StandardKey.ZoomIn)
        self.fit_width_button = QPushButton("Fit wid&th")
        self.fit_width_button.setToolTip("Fit the page to the width of the window")
        self.previous_button = _tool_button("◀", "Previous page (Page Up)", QKeySequence(Qt.Key.Key_PageUp))
        self.next_button = _tool_button("▶", "Next page (Page Down)", QKeySequence(Qt.Key.Key_PageDown))
        self.page_label = QLabel()
        self.page_label.setTextFormat(Qt.TextFormat.PlainText)
        tools = QHBoxLayout()
        tools.addWidget(QLabel("Zoom:"))
        for widget in (self.zoom_out_button, self.zoom_in_button, self.fit_width_button):
            tools.addWidget(widget)
        tools.addStretch(1)
        for control in (self.previous_button, self.page_label, self.next_button):
            tools.addWidget(control)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(tools)
        layout.addWidget(self.view, 1)
        self.zoom_out_button.clicked.connect(lambda: self.zoom_by(1 / ZOOM_STEP))
        self.zoom_in_button.clicked.connect(lambda: self.zoom_by(ZOOM_STEP))
        self.fit_width_button.clicked.connect(self.fit_width)
        self.previous_button.clicked.connect(lambda: self.go_to_page(self.current_page() - 1))
        self.next_button.clicked.connect(lambda: self.go_to_page(self.current_page() + 1))
        self.view.pageNavigator().currentPageChanged.connect(self._update_page_label)
        self.document.pageCountChanged.connect(self._update_page_label)
        self._update_page_label()

    def load(self, path: Path) -> None:
        """Show `path`, keeping the page the reader was on when the new file has it."""
        page = self.current_page()
        load_pdf(path, self.document)
        if 1 < page <= self.page_count():
            self.go_to_page(page)
        self._update_page_label()

    def release(self) -> None:
        """Close the file (Windows cannot replace a file that is open)."""
        self.view.setDocument(None)  # type: ignore[arg-type]  # Qt takes None; PySide6's stub does not say so
        self.document.close()

    def page_count(self) -> int:
        return self.document.pageCount()

    def current_page(self) -> int:
        """1-based page number at the top of the view."""
        return self.view.pageNavigator().currentPage() + 1

    def go_to_page(self, number: int) -> None:
        if 1 <= number <= self.page_count():
            self.view.pageNavigator().jump(number - 1, QPointF(), self.view.pageNavigator().currentZoom())

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

    def _update_page_label(self, *_args) -> None:
        count = self.page_count()
        current = self.current_page()
        self.page_label.setText(f"Page {current} of {count}" if count else "No pages")
        self.previous_button.setEnabled(current > 1)
        self.next_button.setEnabled(current < count)
        self.page_changed.emit()
