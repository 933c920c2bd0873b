"""`FindingsPanel`: the findings table with Add / Remove / Move buttons and the editor of the selected one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView,
    QVBoxLayout, QWidget,
)

from ...domain.models import Finding
from ...domain.vocabulary import RECOMMENDATION
from ..common.error_dialogs import ask_yes_no
from ..common.record_table import configure_record_table
from .findings_model import TEXT_COLUMN, FindingsTableModel, kind_label, text_preview
from ..common.error_label import ErrorLabel
from .finding_editor import FindingEditor
from .paste_findings_dialog import PasteFindingsDialog

ADD_FINDING_SHORTCUT = "Ctrl+Shift+N"
PASTE_FINDINGS_SHORTCUT = "Ctrl+Shift+V"
VISIBLE_ROWS_MIN, VISIBLE_ROWS_MAX = 3, 8
COLUMN_SAMPLES = {0: "Accelerated cause of concern", 1: "29550 ", 2: "LEVEL 3 ", 4: "Head of Intelligence ",
                  5: "Target date ", 6: "Open – in progress   "}


class FindingsPanel(QGroupBox):
    """Owns the inspection's in-memory list of findings (the table model). `changed` fires whenever
    that list changes: a finding added, removed, moved or edited."""

    changed = Signal()

    def __init__(self, today_provider: Callable[[], date], parent: QWidget | None = None):
        super().__init__("Findings", parent)
        self.model = FindingsTableModel(self)
        self.table = QTableView()
        header = configure_record_table(self.table, self.model)
        self.table.verticalHeader().setVisible(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        for column, sample in COLUMN_SAMPLES.items():
            header.resizeSection(column, self.table.fontMetrics().horizontalAdvance(sample) + 16)
        header.setSectionResizeMode(TEXT_COLUMN, QHeaderView.ResizeMode.Stretch)
        for signal in (self.model.rowsInserted, self.model.rowsRemoved, self.model.modelReset):
            signal.connect(self._fit_table_height)
        self._fit_table_height()
        self.table.setAccessibleName("Findings")

        self.add_button = QPushButton("&Add finding")
        self.add_button.setToolTip(f"Add a finding after the selected one ({ADD_FINDING_SHORTCUT})")
        self.paste_button = QPushButton("Paste findings…")  # (its shortcut is shown in its tooltip)
        self.paste_button.setToolTip(f"Paste a report's list of recommendations or AFIs ({PASTE_FINDINGS_SHORTCUT})")
        self.remove_button = QPushButton("Remove finding…")
        self.remove_button.setToolTip("Remove the selected finding (Delete)")
        self.move_up_button = QPushButton("Move up")
        self.move_up_button.setToolTip("Move the selected finding one place up")
        self.move_down_button = QPushButton("Move down")
        self.move_down_button.setToolTip("Move the selected finding one place down")

        self.finding_heading = QLabel()
        self.finding_heading.setTextFormat(Qt.TextFormat.PlainText)
        self.finding_heading.setStyleSheet("font-weight: bold;")
        self.finding_editor = FindingEditor(today_provider)
        self.errors_label = ErrorLabel()
        self._build_layout()

        self._current_row: int | None = None
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.add_button.clicked.connect(self.add_finding)
        self.paste_button.clicked.connect(self.paste_findings)
        paste_shortcut = QShortcut(QKeySequence(PASTE_FINDINGS_SHORTCUT), self, self.paste_findings)
        paste_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        paste_shortcut.setWhatsThis("Paste findings from the report's text")  # listed by Help → Keyboard shortcuts
        self.remove_button.clicked.connect(lambda: self.remove_selected())
        self.move_up_button.clicked.connect(lambda: self.move_selected(-1))
        self.move_down_button.clicked.connect(lambda: self.move_selected(+1))
        self.finding_editor.edited.connect(self._finding_edited)
        add_shortcut = QShortcut(QKeySequence(ADD_FINDING_SHORTCUT), self, self.add_finding)
        add_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        add_shortcut.setWhatsThis("Add a finding")
        delete_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table, self.remove_selected)
        delete_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_shortcut.setWhatsThis("Remove the finding")
        self._show_selected()

    def _build_layout(self) -> None:
        buttons = QVBoxLayout()
        for button in (self.add_button, self.paste_button, self.remove_button, self.move_up_button,
                       self.move_down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.table, 1)
        top.addLayout(buttons)
        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(rule)
        layout.addWidget(self.finding_heading)
        layout.addWidget(self.finding_editor)
        layout.addWidget(self.errors_label)

    # The list ------------------------------------------------------------------------------------
    def set_findings(self, findings: tuple[Finding, ...], select_row: int | None = 0) -> None:
        self._current_row = None
        self.model.set_findings(findings)
        if findings and select_row is not None:
            self.select_row(min(select_row, len(findings) - 1))
        else:
            self._show_selected()

    def findings(self) -> tuple[Finding, ...]:
        return self.model.findings()

    def set_statuses(self, statuses: list[str]) -> None:
        self.finding_editor.set_statuses(statuses)

    def selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)
        if self._current_row != row:  # e.g. after a move, the selection followed the row silently
            self._current_row = row
            self._show_selected()

    def add_finding(self) -> None:
        """A new, empty finding after the selected one (of the same kind), selected and ready to type."""
        selected = self.selected_row()
        row = self.model.rowCount() if selected is None else selected + 1
        kind = self.model.row_at(row - 1).kind if row > 0 else RECOMMENDATION
        self.model.insert(row, FindingEditor.new_finding(kind))
        self.select_row(row)
        self.finding_editor.focus_text()
        self.changed.emit()

    def paste_findings(self) -> int:
        """Paste findings…: add the findings the user accepts after the last one; how many were added."""
        dialog = PasteFindingsDialog(self, existing=list(self.findings()))
        if not dialog.exec():
            return 0
        return self.append_findings(dialog.findings())

    def append_findings(self, findings: list[Finding]) -> int:
        first = self.model.rowCount()
        for offset, finding in enumerate(findings):
            self.model.insert(first + offset, finding)
        if findings:
            self.select_row(first)
            self.changed.emit()
        return len(findings)

    def remove_selected(self, confirm: bool = True) -> bool:
        row = self.selected_row()
        if row is None:
            return False
        finding = self.model.row_at(row)
        if confirm and (finding.text.strip() or finding.reference or finding.id is not None):
            summary = " ".join(part for part in (kind_label(finding), finding.reference) if part)
            question = f"Remove finding {row + 1} ({summary})?"
            if finding.text.strip():
                question += f"\n\n{text_preview(finding.text, 200)}"
            question += "\n\nIt is deleted from the database when you save the inspection."
            if not ask_yes_no(self, "Remove finding", question):
                return False
        self._current_row = None
        self.model.remove(row)
        if self.model.rowCount():
            self.select_row(min(row, self.model.rowCount() - 1))
        else:
            self._show_selected()
        self.changed.emit()
        return True

    def move_selected(self, delta: int) -> bool:
        row = self.selected_row()
        if row is None or not self.model.move(row, row + delta):
            return False
        self.select_row(row + delta)
        self.changed.emit()
        return True

    # Messages --------------------------------------------------------------------------------------
    def show_problems(self, messages: list[str], rows: set[int]) -> None:
        """Finding errors ("Finding 2: Text is required") under the editor, a warning icon on each row."""
        self.errors_label.show_message("\n".join(messages))
        self.model.set_problem_rows(rows)

    def target_date_problem(self) -> tuple[int, str] | None:
        """(row, message) when the selected finding's target date is not a date as typed."""
        problem = self.finding_editor.target_date_problem()
        if self._current_row is None or not problem:
            return None
        return self._current_row, problem

    # Internals -------------------------------------------------------------------------------------
    def _fit_table_height(self, *_args) -> None:
        """Tall enough for the findings (between 3 and 8 rows), so the page does not waste space."""
        rows = min(VISIBLE_ROWS_MAX, max(VISIBLE_ROWS_MIN, self.model.rowCount()))
        header = self.table.horizontalHeader().sizeHint().height()
        scroll_bar = self.table.horizontalScrollBar().sizeHint().height()
        frame = 2 * self.table.frameWidth()
        self.table.setFixedHeight(header + rows * self.table.verticalHeader().defaultSectionSize() + frame + scroll_bar)

    def _selection_changed(self, *_args) -> None:
        self._current_row = self.selected_row()
        self._show_selected()

    def _show_selected(self) -> None:
        row = self._current_row
        count = self.model.rowCount()
        self.finding_editor.set_finding(self.model.row_at(row) if row is not None else None)
        self.finding_editor.target_date_field.show_error("")
        if row is None:
            self.finding_heading.setText(
                "Select a finding to edit it, or add one." if count else "No findings yet: use Add finding."
            )
        else:
            self.finding_heading.setText(f"Finding {row + 1} of {count}")
        self.remove_button.setEnabled(row is not None)
        self.move_up_button.setEnabled(row is not None and row > 0)
        self.move_down_button.setEnabled(row is not None and row < count - 1)

    def _finding_edited(self) -> None:
        row = self._current_row
        edited = self.finding_editor.finding()
        if row is None or edited is None:
            return
        if self.finding_editor.target_date_problem():  # keep the last good date until the text is a date
            edited = replace(edited, target_date=self.model.row_at(row).target_date)
        self.model.replace(row, edited)
        self.changed.emit()
