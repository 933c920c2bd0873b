"""Doing things with a finished PDF file: print it, save a copy, open it in the system's viewer."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, QUrl
from PySide6.QtGui import QDesktopServices, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from ...errors import UserFacingError
from .error_dialogs import show_error, show_warning
from .file_dialogs import remember_folder, suggested_path
from .operations import Failed, run_op

MAX_RASTER_DPI = 300  # a page at the printer's full 1200 dpi would be ~0.5 GB of pixels
PDF_FILTER = "PDF files (*.pdf)"


def load_pdf(path: Path, document: QPdfDocument) -> None:
    """Load `path` into `document`; UserFacingError with a plain reason when it cannot be read."""
    error = document.load(str(path))
    if error != QPdfDocument.Error.None_:
        raise UserFacingError(f"The PDF {path.name} could not be opened ({error.name.strip('_')}).")


def ask_pdf_path(parent: QWidget | None, default_name: str, caption: str = "Save letter as PDF") -> Path | None:
    """The Save dialog, suggesting `default_name` in the last folder used (Documents at first)."""
    chosen, _ = QFileDialog.getSaveFileName(parent, caption, suggested_path(default_name), PDF_FILTER)
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    remember_folder(path)
    return path


def save_pdf_copy(source: Path, parent: QWidget | None, default_name: str | None = None) -> Path | None:
    """Ask where, then copy `source` there. The copy's path, or None when cancelled or it failed."""
    target = ask_pdf_path(parent, default_name or source.name)
    if target is None:
        return None
    try:
        if target.resolve() != source.resolve():
            shutil.copyfile(source, target)
    except OSError as error:
        reason = error.strerror or str(error)
        show_error(parent, "Save letter as PDF", f"The letter could not be saved to {target}.\n\n{reason}")
        return None
    return target


def open_in_viewer(path: Path, parent: QWidget | None = None) -> bool:
    """Open the PDF in the program the system uses for PDFs."""
    opened = QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    if not opened:
        show_warning(parent, "Open in PDF viewer", f"No program could open {path}.\n\nIs a PDF viewer installed?")
    return opened


def print_pdf(path: Path, parent: QWidget | None = None) -> bool:
    """The Print dialog, then every chosen page of the PDF onto the printer (A4). True when printed."""
    document = QPdfDocument()
    if isinstance(run_op(parent, "Print letter", lambda: load_pdf(path, document)), Failed):
        return False
    pages = document.pageCount()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setDocName(path.stem)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Print letter")
    dialog.setMinMax(1, pages)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, True)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    try:
        return not isinstance(run_op(parent, "Print letter", lambda: paint_pdf_pages(document, printer)), Failed)
    finally:
        document.close()


def _fitted(sheet: QRectF, width: int, height: int) -> QRectF:
    """The largest rectangle of the image's shape that fits the sheet, centred on it."""
    scale = min(sheet.width() / width, sheet.height() / height)
    w, h = width * scale, height * scale
    return QRectF((sheet.width() - w) / 2, (sheet.height() - h) / 2, w, h)


def paint_pdf_pages(document: QPdfDocument, printer: QPrinter) -> int:
    """Draw each page in the printer's range, one PDF page per sheet; returns how many were drawn."""
    count = document.pageCount()
    first, last = 1, count
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first, last = max(1, printer.fromPage()), min(count, printer.toPage() or count)
    printer.setFullPage(True)  # the PDF carries its own margins
    dpi = min(printer.resolution(), MAX_RASTER_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        raise UserFacingError("The printer could not be started. Check that it is switched on and connected.")
    try:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        for number, page in enumerate(range(first - 1, last)):
            if number and not printer.newPage():
                raise UserFacingError("The printer stopped accepting pages.")
            points = document.pagePointSize(page)
            image = document.render(page, QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72)))
            sheet = printer.paperRect(QPrinter.Unit.DevicePixel)
            painter.drawImage(_fitted(sheet, image.width(), image.height()), image)
    finally:
        painter.end()
    return last - first + 1
