"""s.55 compliance by year (on the Reminders page): a small table, Save as PDF and Print."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from ...domain.compliance import YearCompliance, currently_overdue
from ...services.office import Office
from ..common.error_dialogs import show_error
from ..common.pdf_output import ask_pdf_path, print_pdf
from ..common.record_table import configure_record_table
from ..common.table_base import ALIGN_RIGHT, ColumnSpec, RowTableModel


COLUMNS: tuple[ColumnSpec[YearCompliance], ...] = (
    ColumnSpec("Year", lambda f: str(f.year)),
    ColumnSpec("Reports", lambda f: str(f.reports), align=ALIGN_RIGHT),
    ColumnSpec("On time", lambda f: str(f.published_on_time), align=ALIGN_RIGHT),
    ColumnSpec("Late", lambda f: str(f.published_late), align=ALIGN_RIGHT),
    ColumnSpec("On time (decided cases)", lambda f: f.on_time_text, align=ALIGN_RIGHT),
    ColumnSpec("Open, overdue", lambda f: str(f.open_overdue), align=ALIGN_RIGHT),
    ColumnSpec("Open, in time", lambda f: str(f.open_in_time), align=ALIGN_RIGHT),
    ColumnSpec("Median days", lambda f: "–" if f.median_days is None else f"{f.median_days:g}", align=ALIGN_RIGHT),
)


class CompliancePanel(QGroupBox):
    def __init__(self, office: Office, today_provider: Callable[[], date], parent: QWidget | None = None):
        super().__init__("s.55 compliance by year of publication", parent)
        self.office = office
        self.today_provider = today_provider
        self.model = RowTableModel(COLUMNS, self)
        self.table = QTableView(self)
        self.table.setAccessibleName("s.55 compliance by year")
        configure_record_table(self.table, self.model).setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMaximumHeight(170)
        self.summary_label = QLabel(self)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label.setWordWrap(True)  # never widens the window
        self.save_button = QPushButton("Save as &PDF…", self)
        self.print_button = QPushButton("Pr&int…", self)
        self.save_button.clicked.connect(lambda: self.save_pdf())
        self.print_button.clicked.connect(self.print_figures)
        row = QHBoxLayout()
        row.addWidget(self.summary_label, 1)
        row.addWidget(self.save_button)
        row.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(row)

    def refresh(self) -> None:
        self.show_figures(self.office.reminders.compliance(self.today_provider()))

    def show_figures(self, figures: list[YearCompliance]) -> None:
        """Figures read elsewhere (the Reminders page reads them on a worker with its reminders)."""
        self.model.set_rows(figures)
        self.summary_label.setText(f"Currently overdue: {currently_overdue(figures)}. "
                                   "On time = published within 56 days, publication day counted as day 1.")

    def _pdf(self) -> bytes:
        return self.office.reminders.compliance_pdf(self.today_provider())

    def save_pdf(self, path: Path | None = None) -> Path | None:
        target = path or ask_pdf_path(self, f"s55-compliance-{self.today_provider():%Y-%m-%d}.pdf",
                                      "Save s.55 compliance as PDF")
        if target is None:
            return None
        try:
            target.write_bytes(self._pdf())
        except OSError as error:
            show_error(self, "Save s.55 compliance", f"Could not write {target}:\n{error.strerror or error}")
            return None
        return target

    def print_figures(self) -> None:
        folder = Path(tempfile.mkdtemp(prefix="opcc-compliance-"))
        path = folder / "s55-compliance.pdf"
        path.write_bytes(self._pdf())
        print_pdf(path, self)
