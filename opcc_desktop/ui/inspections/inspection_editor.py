"""`InspectionEditor`: load, edit, validate and save one inspection with its findings; make its letter.

The layout lives in `InspectionEditorView`; this class is the behaviour. Every write goes through
`office.inspections.save`, and the `Changes` it returns are published on the event bus.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QMessageBox, QVBoxLayout, QWidget

from ...domain.models import Inspection
from ...domain.vocabulary import FINDING_STATUS_LOOKUP, INSPECTION_TYPE_LOOKUP
from ...domain.conflicts import rebased
from ...errors import ConflictError, ValidationError
from ...services.changes import Changes
from ...services.office import Office
from ..boards.discussed_at import DiscussedAtPanel
from ..common.error_dialogs import ask_to_save, plain_message_box, show_error
from ..common.operations import Failed, publish, run_op
from ..common.event_bus import EventBus
from ..letters.letter_actions import LetterController
from ..letters.letter_editor import LetterEditorDialog
from ..common.field_helpers import join_list, set_combo_text, split_list
from .attachments_panel import AttachmentsPanel
from ..findings.finding_lifecycle_actions import change_status, show_history
from .inspection_form import InspectionEditorView
from .s55_checklist import S55ChecklistPanel
from ..common.problems import Problems, describe_problems, local_errors

Button = QMessageBox.StandardButton
NEW_HEADING = "New inspection"


def heading_for(inspection: Inspection | None) -> str:
    """"#29536 An inspection of …", the title alone without a reference, or "New inspection"."""
    if inspection is None or inspection.id is None:
        return NEW_HEADING
    return f"#{inspection.reference} {inspection.title}" if inspection.reference else inspection.title


class InspectionEditor(QWidget):
    saved = Signal(int)
    dirty_changed = Signal(bool)
    heading_changed = Signal(str)

    def __init__(self, office: Office, bus: EventBus, today_provider: Callable[[], date], parent=None):
        super().__init__(parent)
        self.office = office
        self.bus = bus
        self.today_provider = today_provider
        self.view = InspectionEditorView(today_provider)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.letters = LetterController(office, self, today_provider)
        self.discussed_at = DiscussedAtPanel(office, bus, self)  # boards: where this inspection was discussed
        self.view.page_column.insertWidget(3, self.discussed_at)
        self.s55_checklist = S55ChecklistPanel(office, bus, today_provider, self)  # the s.55 steps: saved by Save
        self.s55_checklist.save_button.hide()  # one Save per page
        self.view.page_column.insertWidget(3, self.s55_checklist)
        self.evidence = AttachmentsPanel(office, bus, self._selected_saved_finding, self._finding_labels, self)
        self.view.page_column.addWidget(self.evidence)

        self._loaded: Inspection | None = None  # the saved record shown, None for a new one
        self._baseline: Inspection | None = None  # what the form collected right after loading
        self._dirty = False
        self._populating = False
        self._reveal_all = False  # show "is required" for untouched fields too
        self._touched: set[str] = set()
        self.problems = Problems()
        self._connect()
        self._refill_lookups()
        self.load_new()

    def _connect(self) -> None:
        v = self.view
        for name, signal in (
            ("reference", v.reference_edit.textChanged), ("title", v.title_edit.textChanged),
            ("type", v.type_combo.currentTextChanged), ("published", v.published_field.changed),
            ("forces", v.forces_edit.textChanged), ("s55_applies", v.s55_combo.currentIndexChanged),
            ("response_published", v.response_field.changed), ("key_findings", v.key_findings_edit.textChanged),
            ("pcc_comments", v.comments_edit.textChanged),
        ):
            signal.connect(lambda *_args, name=name: self._edited(name))
        v.findings_panel.changed.connect(lambda: self._edited("findings"))
        self.s55_checklist.dirty_changed.connect(lambda: self._edited("s55_checklist"))
        tracking = v.findings_panel.finding_editor.tracking
        tracking.change_status_requested.connect(lambda: self._finding_lifecycle(change_status))
        tracking.history_requested.connect(lambda: self._finding_lifecycle(show_history))
        v.save_button.clicked.connect(self.save)
        v.revert_button.clicked.connect(self.revert)
        v.preview_button.clicked.connect(self.preview_letter)
        v.print_button.clicked.connect(self.print_letter)
        v.save_pdf_button.clicked.connect(self.save_letter_as)
        v.letters_button.clicked.connect(self.open_letter_editor)
        self.bus.changed.connect(self._on_changes)

    # Loading ---------------------------------------------------------------------------------------
    def load_new(self) -> None:
        self._populate(None)
        self.view.scroll_area.verticalScrollBar().setValue(0)

    def load(self, inspection_id: int) -> None:
        self._populate(self.office.inspections.get(inspection_id))
        self.view.scroll_area.verticalScrollBar().setValue(0)

    def current_id(self) -> int | None:
        return self._loaded.id if self._loaded is not None else None

    def revert(self) -> None:
        """Show the saved record again (or an empty form for a new one), keeping the selected finding."""
        self._populate(self._loaded, select_row=self.view.findings_panel.selected_row() or 0)

    def _populate(self, inspection: Inspection | None, select_row: int | None = 0) -> None:
        v = self.view
        self._populating = True
        try:
            shown = inspection or Inspection(title="", type="", published=None)
            v.reference_edit.setText(shown.reference)
            v.title_edit.setText(shown.title)
            set_combo_text(v.type_combo, shown.type)
            v.published_field.set_value(shown.published)
            v.forces_edit.setText(join_list(shown.forces))
            v.s55_combo.setCurrentIndex(max(0, v.s55_combo.findData(shown.s55_applies)))
            v.response_field.set_value(shown.response_published)
            v.key_findings_edit.setPlainText(shown.key_findings)
            v.comments_edit.setPlainText(shown.pcc_comments)
            v.findings_panel.set_findings(shown.findings, select_row)
        finally:
            self._populating = False
        self._loaded = inspection
        self.discussed_at.set_inspection(inspection.id if inspection else None)
        self.s55_checklist.set_inspection(inspection.id if inspection else None)
        self.evidence.set_inspection(inspection.id if inspection else None)
        self._touched.clear()
        self._reveal_all = inspection is not None
        self._baseline = self.collect()
        heading = heading_for(inspection)
        v.heading_label.setText(heading)
        self._set_dirty(False)
        self._refresh()
        self.heading_changed.emit(heading)

    def collect(self) -> Inspection:
        """The inspection as the form shows it now (dates that are not dates become None)."""
        v = self.view
        findings = v.findings_panel.findings()
        # Start from the saved record so fields this form does not show are carried, never wiped.
        base = self._loaded or Inspection(title="", type="", published=None)
        return replace(
            base,
            reference=v.reference_edit.text().strip().lstrip("#").strip(),
            title=v.title_edit.text().strip(),
            type=v.type_combo.currentText().strip(),
            published=v.published_field.value(),  # None until valid
            forces=split_list(v.forces_edit.text()),
            s55_applies=v.s55_combo.currentData(),
            response_published=v.response_field.value(),
            key_findings=v.key_findings_edit.toPlainText(),
            pcc_comments=v.comments_edit.toPlainText(),
            findings=tuple(replace(f, position=n) for n, f in enumerate(findings)),
        )

    # State -----------------------------------------------------------------------------------------
    def is_dirty(self) -> bool:
        return self._dirty

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    def _edited(self, name: str) -> None:
        if self._populating:
            return
        self._touched.add(name)
        self._set_dirty(self.collect() != self._baseline or self.s55_checklist.is_dirty())
        self._refresh()

    def _refresh(self, problems: Problems | None = None) -> None:
        """Validate what is on screen, show the messages, and update the deadline panel and buttons."""
        v = self.view
        candidate = self.collect()
        if problems is None:
            problems = describe_problems(
                local_errors(candidate),
                {"published": v.published_field.problem(), "response_published": v.response_field.problem()},
                v.findings_panel.target_date_problem(),
            )
        self.problems = problems
        visible = 0
        for name, label in v.field_errors.items():
            shown = name in self._touched or self._reveal_all
            message = problems.fields.get(name, "") if shown else ""
            visible += bool(message)
            label.show_message(message)
        v.findings_panel.show_problems([m for _, m in problems.findings], problems.finding_rows())
        visible += len(problems.findings) + len(problems.other)
        others = "\n".join(problems.other)
        v.problems_label.show_message(
            others or (f"{visible} problem{'s' if visible != 1 else ''} to fix before saving" if visible else "")
        )
        v.s55_panel.show_state(
            candidate.published, candidate.s55_applies, candidate.response_published, self.today_provider()
        )
        v.save_button.setEnabled(self._dirty and not visible)
        v.revert_button.setEnabled(self._dirty)
        saved = self.current_id() is not None
        for button in (v.preview_button, v.print_button, v.save_pdf_button, v.letters_button):
            button.setEnabled(saved)
        v.status_label.setText("Unsaved changes" if self._dirty else ("Saved" if saved else ""))

    # Saving ----------------------------------------------------------------------------------------
    def save(self) -> bool:
        """Validate everything (including that the reference is unused); save only when all is well."""
        v = self.view
        candidate = self.collect()
        if not self._dirty and candidate.id is not None:
            return True
        self._reveal_all = True
        date_problems = {"published": v.published_field.problem(), "response_published": v.response_field.problem()}
        problems = describe_problems(
            self.office.inspections.validate(candidate), date_problems, v.findings_panel.target_date_problem()
        )
        if problems:
            self._refresh(problems)
            self._focus_first_problem(problems)
            return False
        if self.s55_checklist.is_dirty() and not self.s55_checklist.save():  # its problems show at the panel
            self.view.scroll_area.ensureWidgetVisible(self.s55_checklist)
            return False
        if candidate.id is not None and candidate == self._baseline:  # only the checklist had changed
            self._set_dirty(False)
            self._refresh()
            self.saved.emit(candidate.id)
            return True
        selected = v.findings_panel.selected_row()
        conflict: list[ConflictError] = []

        def not_saved(error: Exception) -> bool:
            if isinstance(error, ConflictError):  # changed elsewhere since loaded: the user sees both and chooses
                conflict.append(error)
                return True
            if isinstance(error, ValidationError):  # e.g. a reference taken meanwhile
                self._refresh(describe_problems(error.errors, date_problems))
                return True
            return False

        saved = run_op(self, "Save inspection", lambda: self.office.inspections.save(candidate), failure=not_saved)
        if conflict:
            return self._resolve_conflict(conflict[0], candidate, selected)
        if isinstance(saved, Failed):
            return False
        return self._after_save(saved[0], saved[1], selected)

    def _after_save(self, new_id: int, changes: Changes, selected: int | None) -> bool:
        self._populate(self.office.inspections.get(new_id), select_row=selected or 0)
        publish(self.bus, changes, initiator=self)  # ours: the echo is not reloaded (see _on_changes)
        self.saved.emit(new_id)
        return True

    def _resolve_conflict(self, error: ConflictError, candidate: Inspection, selected: int | None) -> bool:
        from . import conflict_dialog  # (inspections/conflict_dialog.py)

        theirs = error.theirs
        assert isinstance(theirs, Inspection)
        choice = conflict_dialog.ask_which_version(self, str(error), candidate, theirs)
        if choice == conflict_dialog.TAKE_THEIRS:
            self._populate(theirs, select_row=selected or 0)
            return True
        if choice != conflict_dialog.KEEP_MINE:
            return False
        # My fields over the stored record, as chosen (refused again if it changed once more).
        saved = run_op(self, "Save inspection", lambda: self.office.inspections.save(rebased(candidate, theirs)))
        if isinstance(saved, Failed):
            return False
        return self._after_save(saved[0], saved[1], selected)

    def _focus_first_problem(self, problems: Problems) -> None:
        for name in self.view.field_errors:
            widget = self.view.field_widget(name)
            if name in problems.fields and widget is not None:
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                self.view.scroll_area.ensureWidgetVisible(widget)
                return
        if problems.findings:
            panel = self.view.findings_panel
            panel.select_row(problems.findings[0][0])
            self.view.scroll_area.ensureWidgetVisible(panel.errors_label)

    def can_close(self) -> bool:
        """True when it is fine to leave this record: nothing unsaved, saved now, or discarded."""
        if not self._dirty:
            return True
        return ask_to_save(self, self.view.heading_label.text(), self.save, self.revert)

    def _on_changes(self, changes: Changes) -> None:
        if changes.lookups:
            self._refill_lookups()
        current = self.current_id()
        if current is None or self.bus.made_by(self):  # the echo of our own save
            return
        if current in changes.deleted_inspections:
            if self._dirty:  # keep the user's work as a new, unsaved record
                self._loaded = None
                self._refresh()
            else:
                self.load_new()
        elif current in changes.inspections and not self._dirty:
            self._populate(self.office.inspections.get(current), self.view.findings_panel.selected_row() or 0)

    def _refill_lookups(self) -> None:
        combo = self.view.type_combo
        typed = combo.currentText()
        populating, self._populating = self._populating, True
        combo.clear()
        combo.addItems(self.office.settings.lookup(INSPECTION_TYPE_LOOKUP))
        set_combo_text(combo, typed)
        self.view.findings_panel.set_statuses(self.office.settings.lookup(FINDING_STATUS_LOOKUP))
        self.view.findings_panel.finding_editor.set_rag_values(self.office.tracker.rag_values())
        self._populating = populating

    def _selected_saved_finding(self) -> tuple[int, str] | None:
        panel = self.view.findings_panel
        row = panel.selected_row()
        finding = panel.findings()[row] if row is not None and row < len(panel.findings()) else None
        return (finding.id, self._finding_labels().get(finding.id, "")) if finding and finding.id else None

    def _finding_labels(self) -> dict[int, str]:
        return {f.id: f"finding {f.reference or number}" for number, f in
                enumerate(self.view.findings_panel.findings(), start=1) if f.id is not None}

    def show_change_history(self) -> None:
        """Edit ▸ Change history: who changed what in this inspection, its findings and its s.55 steps."""
        from .audit_history_dialog import AuditHistoryDialog

        inspection_id = self.current_id()
        if inspection_id is None:
            show_error(self, "Change history", "Open a saved inspection first: a new one has no history yet.")
            return
        self.audit_dialog = AuditHistoryDialog(self.office, inspection_id, heading_for(self._loaded), self)
        self.audit_dialog.exec()

    # Finding lifecycle -----------------------------------------------------------------------------
    def _finding_lifecycle(self, action) -> None:
        """Change status… / History… of the selected finding: they work on the saved record."""
        panel = self.view.findings_panel
        row = panel.selected_row()
        if row is None or self._saved_first("The finding's status is changed on the saved inspection.") is None:
            return
        finding = panel.findings()[min(row, len(panel.findings()) - 1)]
        if finding.id is not None:
            action(self, self.office, self.bus, finding.id, self.today_provider)

    # Letters ---------------------------------------------------------------------------------------
    def preview_letter(self) -> None:
        if (inspection_id := self._saved_for_letter()) is not None:
            self.letters.preview(inspection_id)

    def print_letter(self) -> None:
        if (inspection_id := self._saved_for_letter()) is not None:
            self.letters.print_letter(inspection_id)

    def save_letter_as(self) -> None:
        if (inspection_id := self._saved_for_letter()) is not None:
            self.letters.save_as(inspection_id)

    def open_letter_editor(self) -> None:
        if (inspection_id := self._saved_for_letter()) is not None:
            self.letter_editor = LetterEditorDialog(self.office, self.bus, inspection_id, self.today_provider,
                                                    parent=self)
            self.letter_editor.open()

    def _saved_for_letter(self) -> int | None:
        """The letter is made from the saved record: offer to save unsaved changes first."""
        return self._saved_first("The letter is made from the saved inspection.")

    def _saved_first(self, why: str) -> int | None:
        """The saved inspection's id, offering to save unsaved changes first (None when not saved)."""
        if not self._dirty and self.current_id() is not None:
            return self.current_id()
        box = plain_message_box(
            self, QMessageBox.Icon.Question, "Save first",
            f"{why} Save your changes first?",
            buttons=Button.Save | Button.Cancel, default=Button.Save,
        )
        if box.exec() == Button.Save and self.save():
            return self.current_id()
        return None

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._refresh()  # the s.55 panel counts from today, which may have moved on
