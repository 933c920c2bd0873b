"""`LetterArchivePanel`: the issued letters of one inspection — open, save a copy, check the hash."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTemporaryDir
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTableView, QVBoxLayout, QWidget

from ...domain.dates import format_uk
from ...domain.letter_records import DOCUMENT_KIND_LABELS, ArchivedLetter
from ...services.office import Office
from ..common.error_dialogs import show_error, show_info, show_warning
from .letter_preview import LetterPreviewDialog
from ..common.pdf_output import ask_pdf_path, print_pdf
from ..common.record_table import configure_record_table
from ..common.table_base import ALIGN_RIGHT, ColumnSpec, RowTableModel
from ..common.operations import Failed, run_op


class ArchiveModel(RowTableModel[ArchivedLetter]):
    def __init__(self, parent=None):
        super().__init__([
            ColumnSpec("Version", lambda r: str(r.version), align=ALIGN_RIGHT, sort_value=lambda r: r.version),
            ColumnSpec("Document", lambda r: DOCUMENT_KIND_LABELS.get(r.kind, r.kind)),
            ColumnSpec("Issued", lambda r: r.issued_at.strftime("%d/%m/%Y %H:%M"), sort_value=lambda r: r.issued_at),
            ColumnSpec("Letter date", lambda r: format_uk(r.letter_date), sort_value=lambda r: r.letter_date),
            ColumnSpec("Approved by", lambda r: r.approver_name),
            ColumnSpec("Sent to", lambda r: "; ".join(r.recipients)),
            ColumnSpec("Pages", lambda r: str(r.pages), align=ALIGN_RIGHT),
        ], parent)


def archive_file_name(record: ArchivedLetter) -> str:
    """"31027 Home Secretary letter 2024-02-20 v2.pdf" (the version only from the second one)."""
    from ...domain.file_names import letter_file_name

    version = f" v{record.version}" if record.version > 1 else ""
    return letter_file_name(record.inspection_reference, record.inspection_title, record.kind, record.letter_date, f"{version}.pdf")


class LetterArchivePanel(QWidget):
    def __init__(self, office: Office, parent: QWidget | None = None):
        super().__init__(parent)
        self.office = office
        self.inspection_id: int | None = None
        self.model = ArchiveModel(self)
        self.table = QTableView(self)
        self.table.setAccessibleName("Issued letters")
        configure_record_table(self.table, self.model).setStretchLastSection(True)
        self.open_button = QPushButton("&Open", self)
        self.print_button = QPushButton("P&rint…", self)
        self.save_button = QPushButton("Save &copy as PDF…", self)
        self.verify_button = QPushButton("Check u&nchanged", self)
        self.verify_button.setToolTip("Check that the archived letter is exactly the one issued (nothing has altered it since)")
        buttons = QHBoxLayout()
        for button in (self.open_button, self.print_button, self.save_button, self.verify_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.open_button.clicked.connect(self.open_selected)
        self.print_button.clicked.connect(self.print_selected)
        self.save_button.clicked.connect(self.save_selected)
        self.verify_button.clicked.connect(self.verify_selected)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._temp = QTemporaryDir()
        self.preview: LetterPreviewDialog | None = None
        self._update_buttons()

    def show_inspection(self, inspection_id: int) -> None:
        self.inspection_id = inspection_id
        self.refresh()

    def refresh(self) -> None:
        rows = self.office.letter_desk.archived(self.inspection_id) if self.inspection_id is not None else []
        self.model.set_rows(rows)
        if rows:
            self.table.selectRow(0)
        self._update_buttons()

    def selected(self) -> ArchivedLetter | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self, *_args) -> None:
        chosen = self.selected() is not None
        for button in (self.open_button, self.print_button, self.save_button, self.verify_button):
            button.setEnabled(chosen)

    def _bytes(self) -> tuple[ArchivedLetter, bytes] | None:
        record = self.selected()
        if record is None:
            return None
        found = run_op(self, "Issued letters", lambda: self.office.letter_desk.archived_pdf(record.id))
        return None if isinstance(found, Failed) else found

    def _temp_copy(self) -> Path | None:
        """The selected letter's exact archived bytes in a private temporary file (for viewing and printing)."""
        found = self._bytes()
        if found is None:
            return None
        record, pdf = found
        path = Path(self._temp.path()) / str(record.id) / archive_file_name(record)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pdf)
        return path

    def open_selected(self) -> None:
        if (path := self._temp_copy()) is not None:
            self.preview = LetterPreviewDialog(path, self)
            self.preview.open()

    def print_selected(self) -> None:
        if (path := self._temp_copy()) is not None:
            print_pdf(path, self)

    def save_selected(self) -> Path | None:
        found = self._bytes()
        if found is None:
            return None
        record, pdf = found
        target = ask_pdf_path(self, archive_file_name(record), "Save a copy of the issued letter")
        if target is None:
            return None
        try:
            target.write_bytes(pdf)
        except OSError as error:
            show_error(self, "Save a copy", f"The copy could not be saved to {target}.\n\n{error.strerror or error}")
            return None
        return target

    def verify_selected(self) -> bool | None:
        record = self.selected()
        if record is None:
            return None
        if self.office.letter_desk.verify(record.id):
            show_info(self, "Check unchanged", f"Version {record.version} is exactly as issued: nothing has altered it.")
            return True
        show_warning(self, "Check unchanged", f"Version {record.version} is NOT the letter that was issued: the archived "
                     "copy has been altered or damaged. Ask IT to restore it from a backup.")
        return False
