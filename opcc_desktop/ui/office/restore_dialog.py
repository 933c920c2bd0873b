"""Pick a backup to restore: each backup's date, kind and record counts, newest first."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QDialog, QDialogButtonBox, QLabel, QTableView, QVBoxLayout

from ...services.backups import BackupInfo
from ..common.table_base import ALIGN_RIGHT, ColumnSpec, RowTableModel
from ..common.screen_fit import fit_to_screen

KIND_LABELS = {"opcc-backup": "Backup", "before-restore": "Safety copy (before a restore)",
               "before-migration": "Copy before an upgrade"}


@dataclass(frozen=True)
class BackupRow:
    info: BackupInfo
    counts: dict[str, int]

    def count(self, table: str) -> str:
        return str(self.counts[table]) if table in self.counts else "unreadable"


COLUMNS: tuple[ColumnSpec[BackupRow], ...] = (
    ColumnSpec("Taken", lambda r: f"{r.info.taken:%d/%m/%Y %H:%M}", sort_value=lambda r: r.info.taken),
    ColumnSpec("Kind", lambda r: KIND_LABELS.get(r.info.kind, r.info.kind)),
    ColumnSpec("Inspections", lambda r: r.count("inspections"), align=ALIGN_RIGHT),
    ColumnSpec("Findings", lambda r: r.count("findings"), align=ALIGN_RIGHT),
    ColumnSpec("File", lambda r: r.info.path.name),
)


class BackupTableModel(RowTableModel[BackupRow]):
    def __init__(self, parent=None):
        super().__init__(COLUMNS, parent)


class RestoreDialog(QDialog):
    """Choose one backup; `chosen()` is its BackupInfo once accepted."""

    def __init__(self, backups: list[BackupInfo], folder: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Restore from a backup")
        self.model = BackupTableModel(self)
        self.model.set_rows([BackupRow(b, b.counts()) for b in backups])
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.resizeColumnsToContents()
        note = QLabel(
            f"Backups in {folder}.\n\nRestoring replaces every record with the backup's. A safety copy of the "
            "current database is taken first and appears in this list.", self)
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.restore_button = self.buttons.addButton("Restore…", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 0.9, 0.8, QSize(760, 380))
        if backups:
            self.table.selectRow(0)
        self.restore_button.setEnabled(bool(backups))

    def chosen(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()).info if rows else None
