"""The inspections list: a filter box, an "only open s.55" switch, the table and New/Open/Delete."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...services.changes import Changes
from ...services.office import Office
from ..common import ui_state
from ..common.error_dialogs import ask_yes_no
from ..common.event_bus import EventBus
from ..common.column_fit import TextColumnFirst
from ..common.record_table import configure_record_table
from ..common.table_base import RowRole
from .inspections_model import InspectionsTableModel
from ..common.undo_bar import UndoBar
from ..common.page_heading import page_heading
from ..common.operations import Failed, publish, run_op

FILTER_DELAY_MS = 250
TITLE_COLUMN = 1
COLUMN_SAMPLES = {  # a typical value per column, to size it; the title column takes the rest
    0: "DEMO-0000", 2: "PEEL force inspection", 3: "00/00/0000", 4: "00/00/0000",
    5: "Unclear – 10 days overdue", 6: "00", 7: "00/00/0000",
}
HEADER_STATE_KEY = "inspections/header"
FILTER_TEXT_KEY = "inspections/filter"


class InspectionsPage(QWidget):
    open_requested = Signal(int)
    new_requested = Signal()

    def __init__(self, office: Office, bus: EventBus, today_provider: Callable[[], date] = date.today, parent=None):
        super().__init__(parent)
        self._office = office
        self._bus = bus
        self.model = InspectionsTableModel(office, today_provider, self)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("inspectionsFilter")
        self.filter_edit.setAccessibleName("Filter inspections")
        self.filter_edit.setPlaceholderText("Filter by title, reference, type or force (Ctrl+F)")
        self.filter_edit.setClearButtonEnabled(True)
        self.open_only_check = QCheckBox("Only open s.55 responses", self)
        self.count_label = QLabel(self)
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)

        self.table = QTableView(self)
        self.table.setObjectName("inspectionsTable")
        self.table.setAccessibleName("Inspections")
        self._setup_table()

        self.new_button = QPushButton("&New inspection", self)
        self.open_button = QPushButton("&Open", self)
        self.delete_button = QPushButton("&Delete…", self)
        self.undo_bar = UndoBar(self.undo_delete, self)
        self._layout()
        self._connect()
        self._update_count()
        self._update_buttons()

    # Construction ------------------------------------------------------------------------------
    def _setup_table(self) -> None:
        table = self.table
        header = configure_record_table(table, self.model)
        header.setSectionsMovable(True)
        header.setMinimumSectionSize(48)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TITLE_COLUMN, QHeaderView.ResizeMode.Stretch)
        for column, sample in COLUMN_SAMPLES.items():
            table.setColumnWidth(column, self._column_width(column, sample))
        self.column_fit = TextColumnFirst(table, TITLE_COLUMN, keep=(0, 3, 4))  # narrow: others shrink first
        header.setSortIndicator(self.model.sort_column(), Qt.SortOrder.DescendingOrder)
        table.setSortingEnabled(True)

    def _column_width(self, column: int, sample: str) -> int:
        """Wide enough for the header (with its sort arrow) and for a typical value."""
        header_text = str(self.model.headerData(column, Qt.Orientation.Horizontal))
        header_width = self.table.horizontalHeader().fontMetrics().horizontalAdvance(header_text) + 30
        return max(header_width, self.table.fontMetrics().horizontalAdvance(sample) + 16)

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.open_only_check)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label)
        buttons.addStretch(1)
        for button in (self.new_button, self.open_button, self.delete_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(page_heading("Inspections", self))
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.undo_bar)
        layout.addLayout(buttons)

    def _connect(self) -> None:
        self.filter_edit.textChanged.connect(self._filter_timer.start)
        self.filter_edit.returnPressed.connect(self.apply_filter_now)
        self._filter_timer.timeout.connect(self.apply_filter_now)
        self.open_only_check.toggled.connect(self._on_open_only_toggled)
        self.table.activated.connect(self._on_activated)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.model.modelReset.connect(self._after_reset)
        self.model.rowsInserted.connect(self._update_count)
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self.open_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.setWhatsThis("Delete the inspection")  # listed by Help → Keyboard shortcuts
        delete_key.activated.connect(self.delete_selected)
        self._bus.changed.connect(self._on_changes)

    # Public ------------------------------------------------------------------------------------
    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def apply_filter_now(self) -> None:
        self._filter_timer.stop()
        self.model.set_filter_text(self.filter_edit.text())

    def refresh(self) -> None:
        selected = self.selected_id()
        self.model.refresh()
        if selected is not None:
            self.select_id(selected)

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()).id if rows else None

    def select_id(self, inspection_id: int) -> bool:
        row = self.model.row_of(inspection_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def open_selected(self) -> None:
        inspection_id = self.selected_id()
        if inspection_id is not None:
            self.open_requested.emit(inspection_id)

    def delete_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        summary = self.model.row_at(rows[0].row())
        findings = f" and its {summary.finding_count} finding{'s' if summary.finding_count != 1 else ''}"
        question = f"Delete the inspection “{summary.title}”{findings if summary.finding_count else ''}?\n\n" \
                   "You can undo this, or restore it later from Edit ▸ Recently deleted."
        if not ask_yes_no(self, "Delete inspection", question):
            return
        if isinstance(run_op(self, "Could not delete the inspection", lambda: self._office.inspections.delete(summary.id),
                             self._bus), Failed):
            self.refresh()
            return
        self.undo_bar.offer(summary.id, summary.title)

    def undo_delete(self) -> bool:
        """Bring back the inspection deleted last (the Undo button, Ctrl+Z on this page)."""
        inspection_id = self.undo_bar.inspection_id
        if inspection_id is None:
            return False
        restored = run_op(self, "Could not restore the inspection", lambda: self._office.inspections.restore(inspection_id))
        if isinstance(restored, Failed):
            return False
        self.undo_bar.clear()
        publish(self._bus, restored)
        return True

    def save_state(self) -> None:
        self._filter_timer.stop()  # closing: a pending filter must not query the file after it is closed
        ui_state.save_widget_state(HEADER_STATE_KEY, self.table.horizontalHeader())
        ui_state.save_text(FILTER_TEXT_KEY, self.filter_edit.text())

    def restore_state(self) -> None:
        ui_state.restore_widget_state(HEADER_STATE_KEY, self.table.horizontalHeader())
        self.table.horizontalHeader().setSectionResizeMode(TITLE_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.column_fit.remember()
        self.filter_edit.setText(ui_state.load_text(FILTER_TEXT_KEY))
        self.apply_filter_now()

    # Slots -------------------------------------------------------------------------------------
    def _on_open_only_toggled(self, checked: bool) -> None:
        self.model.set_open_s55_only(checked)

    def _on_activated(self, index: QModelIndex) -> None:
        summary = index.data(RowRole)
        if summary is not None:
            self.open_requested.emit(summary.id)

    def _on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_buttons()

    def _on_changes(self, changes: Changes) -> None:
        if changes.inspections or changes.deleted_inspections:
            self.refresh()

    def _after_reset(self) -> None:
        self._update_count()
        self._update_buttons()

    def _update_count(self) -> None:
        total = self.model.total()
        self.count_label.setText(f"{total} inspection{'s' if total != 1 else ''}")

    def _update_buttons(self) -> None:
        has_selection = self.table.selectionModel().hasSelection()
        self.open_button.setEnabled(has_selection)
        self.delete_button.setEnabled(has_selection)
