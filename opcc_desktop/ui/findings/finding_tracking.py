"""`FindingTrackingFields`: the tracker side of a finding (RAG, leads, revised target, closure),
shown on the "Tracking" tab of the finding editor.

Status changes with a narrative go through Change status… (the append-only history); these fields
are edited with the inspection and saved with it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QPushButton, QWidget

from ...domain.dates import format_uk
from ...domain.models import Finding
from ..common.date_field import DateField
from ..common.field_helpers import set_combo_text


def _label(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


def _line(placeholder: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    edit.setMaxLength(500)
    return edit


class FindingTrackingFields(QWidget):
    edited = Signal()
    change_status_requested = Signal()
    history_requested = Signal()

    def __init__(self, today_provider: Callable[[], date], parent: QWidget | None = None):
        super().__init__(parent)
        self._loading = False
        self.rag_combo = QComboBox()
        self.rag_combo.setEditable(True)
        self.rag_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.rag_combo.setToolTip("Red / Amber / Green; Blue = complete (the list is editable in Office settings)")
        self.delivery_lead_edit = _line("Who delivers it day to day")
        self.opcc_lead_edit = _line("Who follows it up in the OPCC")
        self.revised_target_field = DateField(optional=True, today_provider=today_provider)
        self.revised_reason_edit = _line("Why the target date moved (required with a revised date)")
        self.closure_basis_edit = _line("e.g. evidence reviewed, re-inspection, HMICFRS confirmed")
        self.closure_approved_edit = _line("A board or HMICFRS")
        self.superseded_by_edit = _line("The later inspection or finding that replaced it")
        self.closed_on_label = QLabel()
        self.closed_on_label.setTextFormat(Qt.TextFormat.PlainText)
        self.change_status_button = QPushButton("Change &status…")
        self.change_status_button.setToolTip("Record a status change with its date, author and narrative (Ctrl+Shift+S)")
        self.history_button = QPushButton("History…")  # Ctrl+H
        self.history_button.setToolTip("Every recorded status change and update of this finding")

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 4, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(3)
        grid.addWidget(_label("RA&G", self.rag_combo), 0, 0)
        grid.addWidget(_label("Del&ivery lead", self.delivery_lead_edit), 0, 1)
        grid.addWidget(_label("OPCC lea&d", self.opcc_lead_edit), 0, 2)
        grid.addWidget(self.rag_combo, 1, 0)
        grid.addWidget(self.delivery_lead_edit, 1, 1)
        grid.addWidget(self.opcc_lead_edit, 1, 2)
        grid.addWidget(_label("Revised target date", self.revised_target_field.line_edit), 2, 0)
        grid.addWidget(_label("Reason for the revised date", self.revised_reason_edit), 2, 1, 1, 2)
        grid.addWidget(self.revised_target_field, 3, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.revised_reason_edit, 3, 1, 1, 2, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(_label("Clos&ure basis", self.closure_basis_edit), 4, 0, 1, 2)
        grid.addWidget(_label("Closure approved by", self.closure_approved_edit), 4, 2)
        grid.addWidget(self.closure_basis_edit, 5, 0, 1, 2)
        grid.addWidget(self.closure_approved_edit, 5, 2)
        grid.addWidget(_label("Superseded by", self.superseded_by_edit), 6, 0, 1, 2)
        grid.addWidget(self.superseded_by_edit, 7, 0, 1, 2)
        grid.addWidget(self.closed_on_label, 7, 2)
        grid.addWidget(self.change_status_button, 8, 0)
        grid.addWidget(self.history_button, 8, 1, Qt.AlignmentFlag.AlignLeft)
        for column in range(3):
            grid.setColumnStretch(column, 1)
        grid.setRowStretch(9, 1)

        for edit in (self.delivery_lead_edit, self.opcc_lead_edit, self.revised_reason_edit, self.closure_basis_edit,
                     self.closure_approved_edit, self.superseded_by_edit):
            edit.textChanged.connect(self._changed)
        self.rag_combo.currentTextChanged.connect(self._changed)
        self.revised_target_field.changed.connect(self._changed)
        self.change_status_button.clicked.connect(self.change_status_requested)
        self.history_button.clicked.connect(self.history_requested)

    def set_rag_values(self, values: list[str]) -> None:
        current = self.rag_combo.currentText()
        loading, self._loading = self._loading, True
        self.rag_combo.clear()
        self.rag_combo.addItems(["", *values])
        set_combo_text(self.rag_combo, current)
        self._loading = loading

    def set_finding(self, finding: Finding) -> None:
        self._loading = True
        try:
            set_combo_text(self.rag_combo, finding.rag)
            self.delivery_lead_edit.setText(finding.delivery_lead)
            self.opcc_lead_edit.setText(finding.opcc_lead)
            self.revised_target_field.set_value(finding.revised_target_date)
            self.revised_reason_edit.setText(finding.revised_target_reason)
            self.closure_basis_edit.setText(finding.closure_basis)
            self.closure_approved_edit.setText(finding.closure_approved_by)
            self.superseded_by_edit.setText(finding.superseded_by)
            self.closed_on_label.setText(f"Closed on {format_uk(finding.closed_on)}" if finding.closed_on else "")
            self.revised_target_field.show_error("")
        finally:
            self._loading = False
        saved = finding.id is not None
        self.change_status_button.setEnabled(saved)
        self.history_button.setEnabled(saved)
        hint = "" if saved else "Save the inspection first: a new finding has no history yet."
        for button in (self.change_status_button, self.history_button):
            button.setStatusTip(hint)

    def apply_to(self, finding: Finding) -> Finding:
        revised = self.revised_target_field.value() if not self.revised_target_field.problem() \
            else finding.revised_target_date
        return replace(
            finding,
            rag=self.rag_combo.currentText().strip(),
            delivery_lead=self.delivery_lead_edit.text().strip(),
            opcc_lead=self.opcc_lead_edit.text().strip(),
            revised_target_date=revised,
            revised_target_reason=self.revised_reason_edit.text().strip(),
            closure_basis=self.closure_basis_edit.text().strip(),
            closure_approved_by=self.closure_approved_edit.text().strip(),
            superseded_by=self.superseded_by_edit.text().strip(),
        )

    def _changed(self, *_args) -> None:
        if not self._loading:
            self.revised_target_field.show_error(self.revised_target_field.problem())
            self.edited.emit()
