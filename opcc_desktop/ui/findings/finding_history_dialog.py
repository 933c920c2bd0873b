"""History…: every recorded line of one finding's life (status changes, editor edits, imports,
board closure approvals), oldest first, with the selected line's narrative shown in full."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHeaderView, QLabel, QPlainTextEdit, QPushButton, QSplitter, QTableView,
    QVBoxLayout, QWidget,
)

from ...domain.dates import format_uk
from ...domain.tracker import HistoryEntry
from ...services.changes import Changes
from ...services.office import Office
from ..common.record_table import configure_record_table
from ..common.table_base import ColumnSpec, RowRole, RowTableModel
from .status_change_dialog import StatusChangeDialog, finding_caption
from ..common.screen_fit import fit_to_screen


def status_text(entry: HistoryEntry) -> str:
    if entry.old_status and entry.new_status and entry.old_status != entry.new_status:
        return f"{entry.old_status} → {entry.new_status}"
    return entry.new_status or "(update)"


def who_text(entry: HistoryEntry) -> str:
    return f"{entry.author} for {entry.on_behalf_of}" if entry.on_behalf_of else entry.author


class FindingHistoryModel(RowTableModel[HistoryEntry]):
    def __init__(self, parent=None):
        super().__init__([
            ColumnSpec("Date", lambda e: format_uk(e.changed_on)),
            ColumnSpec("Status", status_text),
            ColumnSpec("By", who_text),
            ColumnSpec("Recorded through", lambda e: e.source),
            ColumnSpec("Narrative", lambda e: " ".join(e.narrative.split())),
        ], parent)


class FindingHistoryDialog(QDialog):
    def __init__(self, office: Office, finding_id: int, today_provider: Callable[[], date],
                 on_written: Callable[[Changes], None], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Finding history")
        fit_to_screen(self, 0.9, 0.85, QSize(760, 460))
        self.office, self.finding_id = office, finding_id
        self.today_provider, self.on_written = today_provider, on_written
        self.caption = QLabel()
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.caption.setWordWrap(True)
        self.model = FindingHistoryModel(self)
        self.table = QTableView()
        self.table.setAccessibleName("History of the finding")
        header = configure_record_table(self.table, self.model)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(1, self.fontMetrics().horizontalAdvance("Open – in progress → Open – delayed") + 12)
        header.resizeSection(2, self.fontMetrics().horizontalAdvance("Policy Officer for Chief Executive") + 12)
        self.narrative = QPlainTextEdit()
        self.narrative.setReadOnly(True)
        self.narrative.setAccessibleName("Narrative of the selected line")
        self.empty_label = QLabel("Nothing recorded yet. Use Change status… to record the first step.")
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.narrative)
        splitter.setSizes([300, 120])
        self.change_button = QPushButton("Change &status…")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.change_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.empty_label)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _previous: self._show(current))
        self.change_button.clicked.connect(self.change_status)
        self.refresh()

    def refresh(self) -> None:
        finding = self.office.tracker.get(self.finding_id)
        self.caption.setText(finding_caption(finding) + f"\nStatus now: {finding.status}")
        entries = self.office.tracker.history(self.finding_id)
        self.model.set_rows(entries)
        self.empty_label.setVisible(not entries)
        if entries:
            self.table.selectRow(len(entries) - 1)
        else:
            self.narrative.clear()

    def _show(self, index) -> None:
        entry = index.data(RowRole) if index.isValid() else None
        self.narrative.setPlainText(entry.narrative if entry is not None else "")

    def change_status(self) -> None:
        dialog = StatusChangeDialog(self.office, self.finding_id, self.today_provider, self._written, self)
        dialog.exec()

    def _written(self, changes: Changes) -> None:
        self.on_written(changes)
        self.refresh()
