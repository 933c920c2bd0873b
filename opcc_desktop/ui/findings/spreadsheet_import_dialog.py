"""File → Import tracker spreadsheet…: pick a .xlsx/.csv, confirm which column holds what (the app
proposes it from the headers), preview what would be created, then import all or nothing.

Every sheet holding findings is read; the user may untick sheets. Sheets that only explain the tracker
(Key, Lookup …) are skipped and the preview says so, with every warning (sheet, row, column).

Reading the file and the import run on a worker thread behind a busy bar; the preview is computed on
the window's connection (it only reads).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QGridLayout, QLabel, QPlainTextEdit, QPushButton,
    QScrollArea, QVBoxLayout, QWidget,
)

from ...domain.spreadsheet_mapping import FIELDS, IGNORE, field_label, propose_mapping, refine_with_values
from ...services.spreadsheet_import import ImportPreview, import_preview, preview_book
from ...services.spreadsheet_read import Book, Sheet, read_book
from ..common.error_dialogs import show_error, show_info
from ..common.operations import on_own_connection, run_op_in_background
from ..common.screen_fit import fit_to_screen

if TYPE_CHECKING:
    from ..common.window_services import WindowServices

SPREADSHEET_FILTER = "Spreadsheets (*.xlsx *.csv);;Excel workbook (*.xlsx);;CSV (*.csv)"
SAMPLE_WIDTH = 60


def _plain(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class SpreadsheetImportDialog(QDialog):
    """The mapping step and the preview. `accept()` imports (nothing is written before)."""

    def __init__(self, window: WindowServices, path: Path, book: Book | Sheet):
        super().__init__(window.window())
        self.window_ = window
        self.book = book if isinstance(book, Book) else Book([book])
        sheet = self.book.sheets[0]
        self.path, self.sheet = path, sheet
        self.preview: ImportPreview | None = None
        self.setWindowTitle(f"Import {path.name}")
        fit_to_screen(self, 0.9, 0.92, QSize(760, 620))
        proposal = refine_with_values(propose_mapping(sheet.headers), sheet.rows)
        self.sheet_boxes: list[QCheckBox] = []
        for each in self.book.sheets:
            box = QCheckBox(f"Sheet “{each.name}” (header row {each.header_row}, {len(each.rows)} rows)"
                            if each.name else f"Header row {each.header_row}")
            box.setChecked(True)
            box.toggled.connect(lambda _on: self._mapping_changed())
            self.sheet_boxes.append(box)
        intro = _plain("Check which field each column holds (the proposal comes from the headers), then "
                       "press Preview. Nothing is written until you press Import, and nothing at all if any row "
                       "has a problem.")
        intro.setWordWrap(True)
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        for column, title in enumerate(("Column", "First values", "Import as")):
            heading = _plain(title)
            heading.setStyleSheet("font-weight: bold;")
            grid.addWidget(heading, 0, column)
        self.combos: list[QComboBox] = []
        for index, header in enumerate(sheet.headers):
            combo = QComboBox()
            combo.addItem(field_label(IGNORE), IGNORE)
            for name in FIELDS:
                combo.addItem(field_label(name), name)
            combo.setCurrentIndex(max(0, combo.findData(proposal.get(index, IGNORE))))
            combo.setAccessibleName(f"Import column {header or index + 1} as")
            combo.currentIndexChanged.connect(lambda _i: self._mapping_changed())
            samples = " · ".join(str(row[index]) for row in sheet.rows[:3] if index < len(row) and row[index] not in (None, ""))
            sample = _plain(samples[:SAMPLE_WIDTH] + ("…" if len(samples) > SAMPLE_WIDTH else ""))
            sample.setStyleSheet("color: palette(mid);")
            grid.addWidget(_plain(header or f"(column {index + 1})"), index + 1, 0)
            grid.addWidget(sample, index + 1, 1)
            grid.addWidget(combo, index + 1, 2)
            self.combos.append(combo)
        grid.setColumnStretch(1, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_host)
        self.preview_button = QPushButton("&Preview")
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setAccessibleName("Preview of the import")
        self.report.setPlaceholderText("Press Preview to see what would be created.")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText("&Import")
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.preview_button.clicked.connect(self.run_preview)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        if len(self.sheet_boxes) > 1 or self.book.skipped:
            for box in self.sheet_boxes:
                layout.addWidget(box)
            for name, why in self.book.skipped:
                layout.addWidget(_plain(f"Sheet “{name}” is not read: {why}."))
            layout.addWidget(_plain(f"Columns of sheet “{sheet.name}” (other sheets follow the same headers):"))
        layout.addWidget(scroll, 3)
        layout.addWidget(self.preview_button)
        layout.addWidget(self.report, 2)
        layout.addWidget(self.buttons)

    def mapping(self) -> dict[int, str]:
        return {index: combo.currentData() for index, combo in enumerate(self.combos) if combo.currentData()}

    def _mapping_changed(self) -> None:
        self.preview = None
        self.import_button.setEnabled(False)
        self.report.setPlainText("The mapping changed: press Preview again.")

    def chosen_sheets(self) -> set[str]:
        return {sheet.name for sheet, box in zip(self.book.sheets, self.sheet_boxes) if box.isChecked()}

    def _preview(self, db, today) -> ImportPreview:
        return preview_book(db, self.book, self.mapping(), today=today, sheets=self.chosen_sheets())

    def run_preview(self) -> ImportPreview:
        used = list(self.mapping().values())
        doubled = sorted({field_label(n) for n in used if used.count(n) > 1})
        self.preview = self._preview(self.window_.office.db, self.window_.today_provider())
        lines = [self.preview.summary()]
        lines += [f"Sheet “{name}” not read: {why}." for name, why in self.preview.skipped]
        if self.preview.warnings:
            lines += ["", f"{len(self.preview.warnings)} warning(s) (the rows are imported all the same):",
                      *(f"  {w}" for w in self.preview.warnings[:200])]
        if doubled:
            self.preview.problems.insert(0, f"more than one column is mapped to: {', '.join(doubled)}")
        if self.preview.problems:
            lines += ["", (f"{len(self.preview.problems)} problem(s); nothing can be imported until they are fixed "
                          "in the spreadsheet or the mapping:"), *(f"  {p}" for p in self.preview.problems[:200])]
        else:
            lines += ["", "Ready to import."]
        self.report.setPlainText("\n".join(lines))
        self.import_button.setEnabled(not self.preview.problems)
        return self.preview

    def accept(self) -> None:
        preview = self.preview or self.run_preview()
        if preview.problems:
            return
        window = self.window_

        today = window.today_provider()
        super().accept()
        run_op_in_background(window.window(), "Nothing was imported", on_own_connection(
            window.office.path, lambda office: import_preview(office.db, self._preview(office.db, today))),
            lambda _report: show_info(window.window(), "Import finished", f"Imported {preview.summary()}"),
            window.bus, progress=("Importing", f"Importing {self.path.name}…"))


def import_tracker_spreadsheet(window: WindowServices) -> None:
    """Pick the file, read it on a worker, then show the mapping step."""
    from ..common.file_dialogs import remember_folder, start_folder as last_folder

    if not window.editors_can_close():
        return
    parent = window.window()
    name, _ = QFileDialog.getOpenFileName(parent, "Import a findings tracker", last_folder(), SPREADSHEET_FILTER)
    if not name:
        return
    chosen = Path(name)
    remember_folder(chosen)

    def read(book: Book) -> None:
        if not book.sheets:
            show_error(parent, "Cannot import", f"{chosen.name}: no sheet holds findings ("
                       + "; ".join(f"{name}: {why}" for name, why in book.skipped) + ").")
            return
        dialog = SpreadsheetImportDialog(window, chosen, book)
        setattr(window, "spreadsheet_import_dialog", dialog)  # noqa: B010 - not part of WindowServices
        dialog.open()

    run_op_in_background(parent, "Cannot import", lambda: read_book(chosen), read,
                         progress=("Reading", f"Reading {chosen.name}…"))
