"""Board → HMICFRS progress report for a board paper…: choose the quarter and the "open longer than"
months, save the PDF (rendered on a worker thread behind a busy bar), then open it in the viewer if wanted."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QSpinBox, QWidget

from ...domain.progress_summary import MAX_MONTHS, Quarter, recent_quarters
from ...services.office import Office
from ...services.progress_report import write_progress_report
from ..common.error_dialogs import ask_yes_no
from ..common.pdf_output import ask_pdf_path, open_in_viewer
from ..common.operations import on_own_connection, run_op_in_background


class ProgressReportOptions(QDialog):
    def __init__(self, today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("HMICFRS progress report")
        self.quarter_combo = QComboBox()
        for quarter in recent_quarters(today):
            in_progress = " – in progress" if quarter.start <= today <= quarter.end else ""
            self.quarter_combo.addItem(quarter.label + in_progress, quarter)
        self.quarter_combo.setCurrentIndex(1)  # the last complete quarter, the one a paper usually covers
        self.months_spin = QSpinBox()
        self.months_spin.setRange(1, MAX_MONTHS)
        self.months_spin.setValue(6)
        self.months_spin.setSuffix(" months")
        form = QFormLayout(self)
        form.addRow("&Quarter reported on", self.quarter_combo)
        form.addRow("List findings open &longer than", self.months_spin)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Save as PDF…")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def quarter(self) -> Quarter:
        return self.quarter_combo.currentData()


def save_progress_report(parent: QWidget, office: Office, today_provider: Callable[[], date],
                         on_written: Callable[[Path, int], None] | None = None) -> None:
    today = today_provider()
    options = ProgressReportOptions(today, parent)
    if not options.exec():
        return
    path = ask_pdf_path(parent, f"hmicfrs-progress-{today:%Y-%m-%d}.pdf", "Save the progress report as PDF")
    if path is None:
        return
    quarter, months = options.quarter(), options.months_spin.value()

    def done(pages: int) -> None:
        if on_written is not None:
            on_written(path, pages)
        if ask_yes_no(parent, "Progress report saved",
                      f"Saved {path.name} ({pages} page{'s' if pages != 1 else ''}).\n\nOpen it now?", default_yes=True):
            open_in_viewer(path, parent)

    run_op_in_background(parent, "Progress report", on_own_connection(
        office.path, lambda o: write_progress_report(o.db, path, today, months, quarter)), done,
        progress=("Progress report", "Writing the progress report…"))
