"""`LetterController`: make the s.55 letter for a saved inspection, then preview, print or save it.

The letter's words are gathered on the GUI thread (that reads the database); the PDF is rendered on
a worker thread (pure ReportLab, no database), with a busy indicator, and the result comes back to
the GUI thread.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTemporaryDir, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from ...services.office import Office
from ..common.error_dialogs import plain_message_box, show_error
from .letter_preview import LetterPreviewDialog
from ..common.pdf_output import ask_pdf_path, open_in_viewer, print_pdf
from ..common.workers import run_in_background
from ..common.operations import Failed, quietly, run_op

log = logging.getLogger(__name__)


class LetterController(QObject):
    """`preview`, `print_letter`, `save_as` and `open_in_viewer` each take a saved inspection's id.
    `pdf_ready` (path) fires whenever a PDF has been written; `failed` (message) when it could not be."""

    pdf_ready = Signal(str)
    failed = Signal(str)

    def __init__(self, office: Office, parent_widget: QWidget, today_provider: Callable[[], date]):
        super().__init__(parent_widget)
        self.office = office
        self.parent_widget = parent_widget
        self.today_provider = today_provider
        self.preview_dialog: LetterPreviewDialog | None = None
        self.last_pdf: Path | None = None
        self._temp_dir: QTemporaryDir | None = None
        self._busy: QProgressDialog | None = None
        self._serial = itertools.count(1)

    # Actions ---------------------------------------------------------------------------------------
    def preview(self, inspection_id: int) -> None:
        self._make(inspection_id, self._temp_path(inspection_id), self._show_preview)

    def print_letter(self, inspection_id: int) -> None:
        self._make(inspection_id, self._temp_path(inspection_id), lambda path: print_pdf(path, self.parent_widget))

    def open_in_viewer(self, inspection_id: int) -> None:
        self._make(inspection_id, self._temp_path(inspection_id), lambda path: open_in_viewer(path, self.parent_widget))

    def save_as(self, inspection_id: int) -> None:
        target = ask_pdf_path(self.parent_widget, self.file_name(inspection_id))
        if target is not None:
            self._make(inspection_id, target, self._confirm_saved)

    def is_busy(self) -> bool:
        return self._busy is not None

    def file_name(self, inspection_id: int) -> str:
        """"31027 Home Secretary letter 2024-02-20.pdf" (the HMICFRS reference, else the report's title)."""
        from ...domain.file_names import letter_file_name
        from ...domain.letter_records import HOME_SECRETARY

        inspection = quietly(lambda: self.office.inspections.get(inspection_id), None)  # None: deleted meanwhile
        reference, title = (inspection.reference, inspection.title) if inspection else ("", "Inspection")
        return letter_file_name(reference, title, HOME_SECRETARY, self.today_provider())

    # Internals -------------------------------------------------------------------------------------
    def _temp_path(self, inspection_id: int) -> Path:
        """A fresh folder per letter, so an earlier copy still open elsewhere is never overwritten."""
        if self._temp_dir is None or not self._temp_dir.isValid():
            self._temp_dir = QTemporaryDir()
        folder = Path(self._temp_dir.path()) / str(next(self._serial))
        return folder / self.file_name(inspection_id)

    def _make(self, inspection_id: int, out: Path, then: Callable[[Path], object]) -> None:
        if self._busy is not None:
            return  # one letter at a time; the busy dialog is showing
        data = run_op(self.parent_widget, "Letter", lambda: self.office.letter(inspection_id, self.today_provider()))
        if isinstance(data, Failed):
            return
        self._busy = self._busy_dialog()
        run_in_background(
            lambda: Office.write_letter(data, out),
            lambda _pages: self._written(out, then),
            lambda error: self._not_written(out, error),
        )

    def _busy_dialog(self) -> QProgressDialog:
        dialog = QProgressDialog("Preparing the letter…", "", 0, 0, self.parent_widget)
        dialog.setWindowTitle("Letter")
        dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.show()
        return dialog

    def _close_busy(self) -> None:
        if self._busy is not None:
            self._busy.close()
            self._busy.deleteLater()
            self._busy = None

    def _written(self, out: Path, then: Callable[[Path], object]) -> None:
        self._close_busy()
        self.last_pdf = out
        self.pdf_ready.emit(str(out))
        then(out)

    def _not_written(self, out: Path, error: BaseException) -> None:
        self._close_busy()
        log.error("Could not write the letter to %s", out, exc_info=error)
        if isinstance(error, OSError):
            reason = error.strerror or str(error)
            message = f"The letter could not be written to {out}.\n\n{reason}\n\nIs the file open in another program?"
        else:
            message = f"The letter could not be made.\n\n{type(error).__name__}: {error}"
        self.failed.emit(message)
        show_error(self.parent_widget, "Letter", message)

    def _show_preview(self, path: Path) -> None:
        if self.preview_dialog is not None:
            self.preview_dialog.close()
            self.preview_dialog.deleteLater()
        self.preview_dialog = LetterPreviewDialog(path, self.parent_widget)
        self.preview_dialog.open()  # window-modal, does not block

    def _confirm_saved(self, path: Path) -> None:
        box = plain_message_box(
            self.parent_widget, QMessageBox.Icon.Information, "Letter saved", f"The letter was saved as {path}.",
            buttons=QMessageBox.StandardButton.Close,
        )
        open_button = box.addButton("Open in PDF viewer", QMessageBox.ButtonRole.ActionRole)
        box.exec()
        if box.clickedButton() is open_button:
            open_in_viewer(path, self.parent_widget)
