"""The s.55 checklist panel in the inspection editor: dated steps, web address, and the reason when
s.55 does not apply. Saved in one transaction by the inspection's Save (one Save per page: the panel's
own button is hidden there); problems show at the panel, and "Ready to publish" names every
recommendation still without a response."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from ...domain.s55_workflow import STEPS, S55Workflow
from ...errors import ConflictError, ValidationError
from ...services.office import Office
from ..common.date_field import DateField
from ..common.error_dialogs import ask_yes_no
from ..common.error_label import ErrorLabel
from ..common.event_bus import EventBus
from ..common.operations import Failed, publish, run_op

LABELS = dict(STEPS) | {"response_url": "Published at (web address)",
                        "applicability_reason": "Why s.55 does not apply / is unclear"}


class S55ChecklistPanel(QGroupBox):
    dirty_changed = Signal()  # edited, saved or reloaded: the page's Save asks `is_dirty()`

    def __init__(self, office: Office, bus: EventBus, today_provider: Callable[[], date], parent: QWidget | None = None):
        super().__init__("s.55 checklist", parent)
        self.office = office
        self.bus = bus
        self.inspection_id: int | None = None
        self._dirty = False
        self._loading = False
        self.dates: dict[str, DateField] = {}
        form = QFormLayout()
        for name, label in STEPS:
            field = DateField(optional=True, today_provider=today_provider)
            field.line_edit.setAccessibleName(label)
            field.changed.connect(self._edited)
            self.dates[name] = field
            form.addRow(label, field)
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("https://… where the response is published")
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText("Only when s.55 does not apply or is unclear")
        for edit, name in ((self.url_edit, "response_url"), (self.reason_edit, "applicability_reason")):
            edit.setAccessibleName(LABELS[name])
            edit.textEdited.connect(lambda _text: self._edited())
            form.addRow(LABELS[name], edit)
        note = QLabel("The publication date itself is \"Response published\" above.")
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setWordWrap(True)
        form.addRow("", note)
        self.error_label = ErrorLabel(self)
        self.save_button = QPushButton("Save chec&klist")
        self.save_button.clicked.connect(self.save)
        self.status_label = QLabel()
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.status_label, 1)
        form.addRow(self.error_label)
        form.addRow(buttons)
        self.setLayout(form)
        self.set_inspection(None)

    def set_inspection(self, inspection_id: int | None) -> None:
        self.inspection_id = inspection_id
        workflow = self.office.s55_workflow.get(inspection_id) if inspection_id is not None else S55Workflow()
        self.loaded = workflow  # what a save is checked against (someone else may change it meanwhile)
        self._loading = True
        try:
            for name, field in self.dates.items():
                field.set_value(getattr(workflow, name))
            self.url_edit.setText(workflow.response_url)
            self.reason_edit.setText(workflow.applicability_reason)
        finally:
            self._loading = False
        self._set_dirty(False)
        self.error_label.show_message("")
        self.setEnabled(inspection_id is not None)
        self.status_label.setText("" if inspection_id is not None else "Save the inspection first.")
        self.save_button.setEnabled(False)

    def collect(self) -> S55Workflow:
        return S55Workflow(**{name: field.value() for name, field in self.dates.items()},
                           response_url=self.url_edit.text().strip(),
                           applicability_reason=self.reason_edit.text().strip())

    def is_dirty(self) -> bool:
        return self._dirty

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit()

    def _edited(self) -> None:
        if self._loading:
            return
        self.save_button.setEnabled(self.inspection_id is not None)
        self.status_label.setText("Unsaved changes")
        self._set_dirty(self.inspection_id is not None)

    def save(self) -> bool:
        if self.inspection_id is None:
            return False
        bad_dates = [f"{LABELS[name]}: {field.problem()}" for name, field in self.dates.items() if field.problem()]
        if bad_dates:
            self.error_label.show_message("\n".join(bad_dates))
            return False
        conflict: list[ConflictError] = []

        def at_the_panel(error: Exception) -> bool:  # every problem is shown here, none in a box
            if isinstance(error, ConflictError):
                conflict.append(error)
                return True
            errors = error.errors if isinstance(error, ValidationError) else []
            self.error_label.show_message("\n".join(f"{LABELS.get(e.field, e.field)}: {e.message}" for e in errors)
                                          or str(error))
            return True

        inspection_id = self.inspection_id
        changes = run_op(self, "Save checklist", lambda: self.office.s55_workflow.save(
            inspection_id, self.collect(), expected=self.loaded), failure=at_the_panel)
        if conflict:
            if not ask_yes_no(self, "Changed elsewhere", f"{conflict[0]}\n\nSave your checklist over it (Yes), or "
                              "show the saved one instead (No)?"):
                self.set_inspection(self.inspection_id)
                return False
            assert isinstance(conflict[0].theirs, S55Workflow)
            self.loaded = conflict[0].theirs
            return self.save()
        if isinstance(changes, Failed):
            return False
        self._set_dirty(False)
        publish(self.bus, changes)  # the editor may reload: the panel then shows what was saved
        self.error_label.show_message("")
        self.save_button.setEnabled(False)
        self.status_label.setText("Checklist saved")
        return True
