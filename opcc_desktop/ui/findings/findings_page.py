"""Findings: every recommendation, AFI and cause of concern across inspections, in one lazy list.

Filters combine: words (text, references, owner, report title), status, kind, owner, inspection
type and "only overdue". They and the column layout are remembered between runs. Enter opens the
inspection at the finding; Export writes the filtered list to .xlsx or .csv (formula-safe).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.finding_rows import FindingsQuery
from ...domain.vocabulary import FINDING_KINDS, FINDING_STATUS_LOOKUP, INSPECTION_TYPE_LOOKUP, KIND_LABELS
from ...services.changes import Changes
from ...services.office import Office
from ...services.spreadsheet_export import export_findings
from ..common import ui_state
from ..common.error_dialogs import show_error, show_info
from ..common.event_bus import EventBus
from .finding_lifecycle_actions import change_status, show_history
from ..common.column_fit import TextColumnFirst
from ..common.record_table import configure_record_table
from ..common.table_base import RowRole
from .findings_list_model import FindingsListModel
from ..common.page_heading import page_heading

TEXT_COLUMN = 4
COLUMN_SAMPLES = {0: "DEMO-001", 1: "29550", 2: "Recommendation", 3: "LEVEL 3", 5: "Head of Crime",
                  6: "31/03/2021", 7: "Open – in progress", 8: "Amber", 9: "Days open"}
STATE_PREFIX = "findings_page/"
ANY = "(any)"
EXPORT_FILTER = "Excel workbook (*.xlsx);;CSV (*.csv)"
CHANGE_STATUS_KEYS, HISTORY_KEYS = "Ctrl+Shift+S", "Ctrl+H"


def _combo(items: list[tuple[str, str]]) -> QComboBox:
    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(12)  # long statuses must not widen the window
    for label, value in [(ANY, ""), *items]:
        combo.addItem(label, value)
    return combo


class FindingsPage(QWidget):
    open_requested = Signal(int, int)  # inspection id, finding id

    def __init__(self, office: Office, bus: EventBus, today_provider: Callable[[], date], parent=None):
        super().__init__(parent)
        self.office = office
        self.today_provider = today_provider
        self.model = FindingsListModel(office, today_provider, self, background=True)  # words: on a worker
        self._reselect_id: int | None = None
        self.table = QTableView(self)
        self.table.setAccessibleName("All findings")
        header = configure_record_table(self.table, self.model)
        header.setSectionsMovable(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TEXT_COLUMN, QHeaderView.ResizeMode.Stretch)
        metrics = self.table.fontMetrics()
        for column, sample in COLUMN_SAMPLES.items():  # short columns leave the room to the finding's text
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 18)
        self.column_fit = TextColumnFirst(self.table, TEXT_COLUMN, keep=(1, 6))  # narrow window: short columns shrink first
        header.setSortIndicator(self.model.sort_column(), Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.text_edit = QLineEdit(self)
        self.text_edit.setPlaceholderText("Filter by words in the finding, references, owner or report")
        self.text_edit.setClearButtonEnabled(True)
        self.status_combo = _combo([])
        self.kind_combo = _combo([(KIND_LABELS.get(k, k), k) for k in FINDING_KINDS])
        self.type_combo = _combo([])
        self.owner_edit = QLineEdit(self)
        self.owner_edit.setPlaceholderText("Owner")
        self.overdue_check = QCheckBox("Only &overdue", self)
        for widget, name in ((self.text_edit, "Filter findings"), (self.status_combo, "Status"),
                             (self.kind_combo, "Kind"), (self.type_combo, "Inspection type"),
                             (self.owner_edit, "Owner")):
            widget.setAccessibleName(name)
        self.count_label = QLabel(self)
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.export_button = QPushButton("E&xport…", self)
        self.change_status_button = QPushButton("Change &status…", self)
        self.change_status_button.setToolTip(f"Record a status change of the selected finding ({CHANGE_STATUS_KEYS})")
        self.history_button = QPushButton("H&istory…", self)
        self.history_button.setToolTip(f"Everything recorded about the selected finding ({HISTORY_KEYS})")
        self._bus = bus
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._layout()
        self._connect(bus)
        self._fill_lookups()
        self.apply_filters()

    def _layout(self) -> None:
        words = QHBoxLayout()
        words.addWidget(self.text_edit, 3)
        words.addWidget(self.owner_edit, 1)
        words.addWidget(self.overdue_check)
        filters = QHBoxLayout()
        for label, widget in (("S&tatus", self.status_combo), ("&Kind", self.kind_combo), ("T&ype", self.type_combo)):
            caption = QLabel(label, self)
            caption.setBuddy(widget)
            filters.addWidget(caption)
            filters.addWidget(widget, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.change_status_button)
        bottom.addWidget(self.history_button)
        bottom.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(page_heading("Findings", self))
        layout.addLayout(words)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    def _connect(self, bus: EventBus) -> None:
        self._timer.timeout.connect(self.apply_filters)
        for edit in (self.text_edit, self.owner_edit):
            edit.textChanged.connect(lambda _t: self._timer.start())
        for combo in (self.status_combo, self.kind_combo, self.type_combo):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.overdue_check.toggled.connect(lambda _on: self.apply_filters())
        self.table.activated.connect(lambda _index: self.open_selected())
        self.export_button.clicked.connect(lambda: self.export())
        self.change_status_button.clicked.connect(lambda: self._lifecycle(change_status))
        self.history_button.clicked.connect(lambda: self._lifecycle(show_history))
        for keys, action, what in ((CHANGE_STATUS_KEYS, change_status, "Change the finding's status"),
                                   (HISTORY_KEYS, show_history, "The finding's history")):
            shortcut = QShortcut(QKeySequence(keys), self, lambda action=action: self._lifecycle(action))
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.setWhatsThis(what)  # listed by Help → Keyboard shortcuts
        bus.changed.connect(self._on_changes)
        self.model.loaded.connect(self._on_loaded)

    def _fill_lookups(self) -> None:
        for combo, lookup in ((self.status_combo, FINDING_STATUS_LOOKUP), (self.type_combo, INSPECTION_TYPE_LOOKUP)):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(ANY, "")
            for value in self.office.settings.lookup(lookup):
                combo.addItem(value, value)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def current_query(self) -> FindingsQuery:
        return replace(self.model.findings_query, text=self.text_edit.text().strip(), status=self.status_combo.currentData(),
                       kind=self.kind_combo.currentData(), inspection_type=self.type_combo.currentData(),
                       owner=self.owner_edit.text().strip(),
                       overdue_on=self.today_provider() if self.overdue_check.isChecked() else None)

    def apply_filters(self) -> None:
        self._timer.stop()
        self.model.set_query(self.current_query())
        self._show_count()

    def _show_count(self) -> None:
        if self.model.is_loading():
            self.count_label.setText("Searching…")
            return
        shown = self.model.total()
        self.count_label.setText(f"{shown:,} finding{'s' if shown != 1 else ''}")

    def _on_loaded(self) -> None:
        self._show_count()
        if self._reselect_id is not None:
            self._reselect(self._reselect_id)

    def open_selected(self) -> None:
        index = self.table.currentIndex()
        row = index.data(RowRole) if index.isValid() else None
        if row is not None:
            self.open_requested.emit(row.inspection_id, row.id)

    def selected_finding_id(self) -> int | None:
        index = self.table.currentIndex()
        row = index.data(RowRole) if index.isValid() else None
        return row.id if row is not None else None

    def _lifecycle(self, action) -> None:
        finding_id = self.selected_finding_id()
        if finding_id is None:
            show_info(self, "Findings", "Select a finding in the list first.")
            return
        action(self, self.office, self._bus, finding_id, self.today_provider)

    def export(self, path: Path | None = None) -> Path | None:
        if path is None:
            from ..common.file_dialogs import remember_folder, suggested_path

            chosen, _ = QFileDialog.getSaveFileName(self, "Export findings",
                                                    suggested_path(f"Findings {self.today_provider():%Y-%m-%d}.xlsx"),
                                                    EXPORT_FILTER)
            if not chosen:
                return None
            path = Path(chosen)
            remember_folder(path)
            if path.suffix.lower() not in (".xlsx", ".csv"):
                path = path.with_name(path.name + ".xlsx")
        rows = self.office.findings.rows(self.model.findings_query)
        try:
            count = export_findings(rows, path, self.today_provider())
        except (OSError, ValueError) as error:
            show_error(self, "Export findings", f"Could not write {path}:\n{getattr(error, 'strerror', None) or error}")
            return None
        show_info(self, "Export findings", f"Exported {count:,} finding{'s' if count != 1 else ''} to\n{path}")
        return path

    def _on_changes(self, changes: Changes) -> None:
        if changes.lookups:
            self._fill_lookups()
        if changes.inspections or changes.deleted_inspections or changes.lookups:
            selected = self.selected_finding_id()
            self._reselect_id = selected  # (again when a search on a worker answers)
            self.model.refresh()
            self.apply_filters()
            self._reselect(selected)

    def _reselect(self, finding_id: int | None) -> None:
        """Keep the same finding selected after the list refreshed (if it is still loaded)."""
        for row_number, row in enumerate(self.model.rows):
            if row.id == finding_id:
                self.table.selectRow(row_number)
                return

    # Remembered between runs ---------------------------------------------------------------------
    def save_state(self) -> None:
        self._timer.stop()
        ui_state.save_widget_state(STATE_PREFIX + "header", self.table.horizontalHeader())
        for name, value in (("text", self.text_edit.text()), ("owner", self.owner_edit.text()),
                            ("status", self.status_combo.currentData()), ("kind", self.kind_combo.currentData()),
                            ("type", self.type_combo.currentData()),
                            ("overdue", "1" if self.overdue_check.isChecked() else "")):
            ui_state.save_text(STATE_PREFIX + name, value or "")

    def restore_state(self) -> None:
        ui_state.restore_widget_state(STATE_PREFIX + "header", self.table.horizontalHeader())
        self.table.horizontalHeader().setSectionResizeMode(TEXT_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.column_fit.remember()
        for widget, name in ((self.text_edit, "text"), (self.owner_edit, "owner")):
            widget.blockSignals(True)
            widget.setText(ui_state.load_text(STATE_PREFIX + name))
            widget.blockSignals(False)
        for combo, name in ((self.status_combo, "status"), (self.kind_combo, "kind"), (self.type_combo, "type")):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(ui_state.load_text(STATE_PREFIX + name))))
            combo.blockSignals(False)
        self.overdue_check.blockSignals(True)
        self.overdue_check.setChecked(ui_state.load_text(STATE_PREFIX + "overdue") == "1")
        self.overdue_check.blockSignals(False)
        self.apply_filters()
