"""Change history…: the audit trail of one inspection (with its findings, their status history, its
s.55 steps and evidence): when, who, what and which fields changed from what to what."""

from __future__ import annotations

import json

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHeaderView, QLabel, QPlainTextEdit, QSplitter, QTableView, QVBoxLayout, QWidget,
)

from ...services.audit import AuditLine
from ...services.office import Office
from ..common.record_table import configure_record_table
from ..common.table_base import ColumnSpec, RowRole, RowTableModel
from ..common.screen_fit import fit_to_screen


class AuditModel(RowTableModel[AuditLine]):
    def __init__(self, parent=None):
        super().__init__([
            ColumnSpec("When", lambda a: a.at.strftime("%d/%m/%Y %H:%M:%S")),
            ColumnSpec("Who", lambda a: a.who),
            ColumnSpec("What", lambda a: a.what),
            ColumnSpec("Changes", lambda a: a.summary),
        ], parent)


class AuditHistoryDialog(QDialog):
    def __init__(self, office: Office, inspection_id: int, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Change history")
        fit_to_screen(self, 0.9, 0.85, QSize(820, 520))
        caption = QLabel(title)
        caption.setTextFormat(Qt.TextFormat.PlainText)
        caption.setWordWrap(True)
        caption.setStyleSheet("font-weight: bold;")
        self.model = AuditModel(self)
        self.table = QTableView()
        self.table.setAccessibleName("Change history")
        header = configure_record_table(self.table, self.model)
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.detail.setAccessibleName("The selected change in full")
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setSizes([340, 140])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(caption)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _p: self._show(current))
        self.model.set_rows(office.audit.for_inspection(inspection_id))
        if self.model.rowCount():
            self.table.selectRow(0)

    def _show(self, index) -> None:
        line: AuditLine | None = index.data(RowRole) if index.isValid() else None
        if line is None:
            self.detail.clear()
            return
        self.detail.setPlainText(f"{line.what} by {line.who} at {line.at:%d/%m/%Y %H:%M:%S}\n\n"
                                 + json.dumps(line.changes, ensure_ascii=False, indent=2))
