"""Edit → Recently deleted…: inspections deleted (softly), newest first; Restore, or Delete permanently."""

from __future__ import annotations

from datetime import datetime, UTC

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget
from PySide6.QtCore import QSize, Qt

from ...services.office import Office
from ..common.error_dialogs import ask_yes_no
from ..common.event_bus import EventBus
from ..common.record_table import configure_record_table
from ..common.table_base import ALIGN_RIGHT, ColumnSpec, RowRole, RowTableModel
from ..common.screen_fit import fit_to_screen
from ..common.operations import Failed, run_op

Deleted = tuple[int, str, str, str, str, int]


def local_time(utc_text: str) -> str:
    try:
        stamp = datetime.fromisoformat(utc_text).replace(tzinfo=UTC).astimezone()
    except ValueError:
        return utc_text
    return stamp.strftime("%d/%m/%Y %H:%M")


class DeletedModel(RowTableModel[Deleted]):
    def __init__(self, parent=None):
        super().__init__([
            ColumnSpec("Reference", lambda r: r[1]),
            ColumnSpec("Title", lambda r: r[2]),
            ColumnSpec("Findings", lambda r: str(r[5]), align=ALIGN_RIGHT),
            ColumnSpec("Deleted", lambda r: local_time(r[3])),
            ColumnSpec("By", lambda r: r[4]),
        ], parent)


class RecentlyDeletedDialog(QDialog):
    def __init__(self, office: Office, bus: EventBus, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Recently deleted")
        fit_to_screen(self, 0.9, 0.8, QSize(720, 380))
        self.office, self.bus = office, bus
        self.model = DeletedModel(self)
        self.table = QTableView()
        self.table.setAccessibleName("Deleted inspections")
        header = configure_record_table(self.table, self.model)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.empty_label = QLabel("Nothing has been deleted.")
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.restore_button = QPushButton("&Restore")
        self.purge_button = QPushButton("Delete &permanently…")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.purge_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.restore_button.clicked.connect(self.restore_selected)
        self.purge_button.clicked.connect(self.purge_selected)
        self.table.activated.connect(lambda _i: self.restore_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._enable())
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(self.office.inspections.recently_deleted())
        self.empty_label.setVisible(self.model.rowCount() == 0)
        if self.model.rowCount():
            self.table.selectRow(0)
        self._enable()

    def _selected(self) -> Deleted | None:
        index = self.table.currentIndex()
        return index.data(RowRole) if index.isValid() else None

    def _enable(self) -> None:
        chosen = self._selected() is not None
        self.restore_button.setEnabled(chosen)
        self.purge_button.setEnabled(chosen)

    def restore_selected(self) -> bool:
        row = self._selected()
        if row is None:
            return False
        if isinstance(run_op(self, "Restore", lambda: self.office.inspections.restore(row[0]), self.bus), Failed):
            return False
        self.refresh()
        return True

    def purge_selected(self) -> bool:
        row = self._selected()
        if row is None or not ask_yes_no(
                self, "Delete permanently", f"Delete “{row[2]}” and its {row[5]} findings permanently?\n\n"
                                            "Its history and evidence records go too. This cannot be undone "
                                            "(except by restoring a backup)."):
            return False
        if isinstance(run_op(self, "Delete permanently", lambda: self.office.inspections.purge(row[0]), self.bus), Failed):
            return False
        self.refresh()
        return True
