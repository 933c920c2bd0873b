"""Change status…: move one finding through its lifecycle, with the date, who, on whose behalf and a
narrative, written with an append-only history line in one transaction (`office.tracker`).

Closing asks for the closure basis and who approved it; a superseded status asks what superseded
it. Problems are shown at the field; nothing is written until every field is right.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout,
    QWidget,
)

from ...domain.models import Finding
from ...domain.tracker import StatusChange, is_closed_status, is_superseded_status
from ...domain.vocabulary import FINDING_STATUS_LOOKUP, KIND_LABELS
from ...errors import ValidationError
from ...services.changes import Changes
from ...services.office import Office
from ...services.who import current_user_name
from ..common.operations import Failed, at_fields, run_op
from ..common.date_field import DateField
from ..common.error_label import ErrorLabel
from ..common.field_helpers import set_combo_text

APPROVERS = ("HMICFRS",)


def _editable_combo(values: list[str], current: str) -> QComboBox:
    combo = QComboBox()
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(30)
    combo.addItems(values)
    set_combo_text(combo, current)
    return combo


def finding_caption(finding: Finding) -> str:
    kind = KIND_LABELS.get(finding.kind, finding.kind)
    words = " ".join(finding.text.split())
    short = words if len(words) <= 160 else words[:160].rsplit(" ", 1)[0] + "…"
    return " ".join(part for part in (kind, finding.reference, finding.level) if part) + f": {short}"


class StatusChangeDialog(QDialog):
    def __init__(self, office: Office, finding_id: int, today_provider: Callable[[], date],
                 on_written: Callable[[Changes], None], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Change status")
        self.office = office
        self.finding_id = finding_id
        self.on_written = on_written
        self.finding = office.tracker.get(finding_id)
        self.written: Changes | None = None

        caption = QLabel(finding_caption(self.finding))
        caption.setTextFormat(Qt.TextFormat.PlainText)
        caption.setWordWrap(True)
        current = QLabel(f"Current status: {self.finding.status}" + (f" · RAG {self.finding.rag}" if self.finding.rag else ""))
        current.setTextFormat(Qt.TextFormat.PlainText)
        self.status_combo = _editable_combo(office.settings.lookup(FINDING_STATUS_LOOKUP), self.finding.status)
        self.date_field = DateField(today_provider=today_provider)
        self.date_field.set_value(today_provider())
        self.author_edit = QLineEdit(current_user_name())
        self.on_behalf_edit = QLineEdit()
        self.on_behalf_edit.setPlaceholderText("e.g. the Chief Executive, the force lead")
        self.rag_combo = _editable_combo(["", *office.tracker.rag_values()], self.finding.rag)
        self.narrative_edit = QPlainTextEdit()
        self.narrative_edit.setTabChangesFocus(True)
        self.narrative_edit.setPlaceholderText("What happened: evidence seen, progress, reasons")
        self.narrative_edit.setMinimumHeight(90)
        approvers = [*APPROVERS, *(b.name for b in office.boards.boards())]
        self.basis_edit = QLineEdit(self.finding.closure_basis)
        self.basis_edit.setPlaceholderText("e.g. evidence reviewed, re-inspection, HMICFRS confirmed")
        self.approved_combo = _editable_combo(["", *approvers], self.finding.closure_approved_by)
        self.superseded_edit = QLineEdit(self.finding.superseded_by)
        self.superseded_edit.setPlaceholderText("The later inspection or finding")

        self.errors: dict[str, ErrorLabel] = {}
        form = QFormLayout()
        for label, widget, field in (
            ("New &status", self.status_combo, "new_status"), ("&Date", self.date_field, "changed_on"),
            ("Recorded &by", self.author_edit, "author"), ("On be&half of", self.on_behalf_edit, "on_behalf_of"),
            ("&RAG", self.rag_combo, "rag"), ("&Narrative", self.narrative_edit, "narrative"),
            ("Closure b&asis", self.basis_edit, "closure_basis"),
            ("Closure a&pproved by", self.approved_combo, "closure_approved_by"),
            ("Superseded b&y", self.superseded_edit, "superseded_by"),
        ):
            column = QVBoxLayout()
            column.setSpacing(1)
            column.addWidget(widget)
            self.errors[field] = ErrorLabel()
            column.addWidget(self.errors[field])
            buddy_label = QLabel(label)
            buddy_label.setBuddy(widget if widget is not self.date_field else self.date_field.line_edit)
            form.addRow(buddy_label, column)
        self._form = form
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        record = buttons.button(QDialogButtonBox.StandardButton.Ok)
        record.setText("Record change")
        for button in buttons.buttons():  # a history line is permanent: a stray Enter must not write one
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
                button.setDefault(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(caption)
        layout.addWidget(current)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.status_combo.currentTextChanged.connect(lambda _t: self._show_closure_fields())
        self._show_closure_fields()
        self.status_combo.setFocus()

    def _show_closure_fields(self) -> None:
        status = self.status_combo.currentText()
        closing, superseded = is_closed_status(status), is_superseded_status(status)
        for widget, visible in ((self.basis_edit, closing), (self.approved_combo, closing),
                                (self.superseded_edit, superseded)):
            self._form.setRowVisible(self._row_of(widget), visible)

    def _row_of(self, widget: QWidget) -> int:
        for row in range(self._form.rowCount()):
            item = self._form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            layout = item.layout() if item is not None else None
            if layout is not None and layout.indexOf(widget) >= 0:
                return row
        return -1

    def change(self) -> StatusChange:
        rag = self.rag_combo.currentText().strip()
        return StatusChange(
            new_status=self.status_combo.currentText().strip(),
            changed_on=self.date_field.value(),  # None when not a date: the service says "is required"
            author=self.author_edit.text(),
            on_behalf_of=self.on_behalf_edit.text(),
            narrative=self.narrative_edit.toPlainText(),
            rag=rag if rag != self.finding.rag else None,
            closure_basis=self.basis_edit.text(),
            closure_approved_by=self.approved_combo.currentText(),
            superseded_by=self.superseded_edit.text(),
        )

    def accept(self) -> None:
        for label in self.errors.values():
            label.show_message("")
        if problem := self.date_field.problem():
            self.errors["changed_on"].show_message(f"Date {problem}")
            return
        if not self.narrative_edit.toPlainText().strip():  # the line is kept for good: say what happened
            self.errors["narrative"].show_message("Narrative is required: say what happened (the line is permanent)")
            self.narrative_edit.setFocus()
            return
        def at_the_fields(error: ValidationError) -> None:
            for field_error in error.errors:
                label = self.errors.get(field_error.field, self.errors["narrative"])
                label.show_message(f"{field_error.field.replace('_', ' ').capitalize()} {field_error.message}")

        written = run_op(self, "Change status", lambda: self.office.tracker.change_status(self.finding_id, self.change()),
                         failure=at_fields(at_the_fields))
        if isinstance(written, Failed):
            return
        self.written = written
        self.on_written(written)
        super().accept()
