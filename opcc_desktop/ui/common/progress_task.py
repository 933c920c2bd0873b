"""Long whole-office work (import, export) on a worker thread, behind a busy progress dialog.

The window's own database connection belongs to the GUI thread, so the work opens its own
connection to the same file (`Office.open(path)`) on the worker and closes it when done. SQLite's
WAL mode lets the window keep reading meanwhile; the dialog is modal so nobody edits mid-import.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from ...services.office import Office
from .workers import run_in_background

SHOW_AFTER_MS = 300  # quick jobs finish without a flash of a dialog


def run_on_own_connection(database: Path, work: Callable[[Office], Any]) -> Callable[[], Any]:
    """A job for a pool thread: open the database file afresh, run `work(office)`, always close."""

    def job() -> Any:
        office = Office.open(database)
        try:
            return work(office)
        finally:
            office.close()

    return job


def run_with_progress(parent: QWidget, title: str, label: str, job: Callable[[], Any],
                      on_done: Callable[[Any], None], on_error: Callable[[BaseException], None]) -> QProgressDialog:
    """Show a busy bar (no cancel: an import is all or nothing and must finish) while `job` runs."""
    dialog = QProgressDialog(label, "", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoClose(False)

    def finished(result: Any) -> None:
        dialog.close()
        on_done(result)

    def failed(error: BaseException) -> None:
        dialog.close()
        on_error(error)

    run_in_background(job, finished, failed)
    return dialog
