"""`MeetingEditor`: edit one meeting — details, attendance, agenda with notes and resolutions — and its action log.

The meeting and its whole agenda are saved together (`office.boards.save_meeting`); actions, their
updates and closure approvals are saved as soon as their dialog is accepted. Every write publishes its
`Changes` on the event bus.
"""

from __future__ import annotations

from functools import partial

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QMessageBox, QVBoxLayout, QWidget

from ...domain.board_rules import format_action_number, move_item, renumber
from ...domain.boards import Action, AgendaItem, ClosureApproval, Meeting
from ...domain.dates import format_uk
from ...domain.models import FieldError
from ...errors import ValidationError
from ...services.changes import Changes
from ...services.office import Office
from ..common.error_dialogs import ask_to_save, ask_yes_no
from ..common.event_bus import EventBus
from ..common.operations import Failed, at_fields, publish, quietly, run_op
from ..common.table_base import RowRole
from ..common.web_page_output import save_board_paper_page
from .action_dialog import ActionDialog
from .attendance_text import attendees_to_text, lines_to_text, text_to_attendees, text_to_lines
from .link_dialogs import ClosureDialog, LinkDialog
from .meeting_papers import save_paper_pdf
from .meeting_view import MeetingView

Button = QMessageBox.StandardButton
_ITEM_FIELD = re.compile(r"items\[(\d+)\]\.(.*)")


def describe_error(error: FieldError) -> str:
    """ "items[7].exempt_ground: is required" reads "Item 7: exempt ground is required"."""
    found = _ITEM_FIELD.match(error.field)
    if found:
        return f"Item {found[1]}: {found[2].replace('_', ' ')} {error.message}"
    return f"{error.field.replace('_', ' ').capitalize()} {error.message}"


class MeetingEditor(QWidget):
    heading_changed = Signal(str)
    back_requested = Signal()

    def __init__(self, office: Office, bus: EventBus, today_provider: Callable[[], date], parent=None):
        super().__init__(parent)
        self.office = office
        self.bus = bus
        self.today_provider = today_provider
        self.view = MeetingView(today_provider, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self._meeting: Meeting | None = None
        self._items: list[AgendaItem] = []
        self._dirty = False
        self._populating = False
        self.ask = lambda dialog: dialog.exec()  # tests replace this to drive dialogs
        self._connect()
        self._show(None)

    def _connect(self) -> None:
        v = self.view
        for signal in (
            v.date_field.changed,
            v.time_edit.textChanged,
            v.venue_edit.textChanged,
            v.virtual_check.toggled,
            v.status_combo.currentIndexChanged,
            v.first_number_spin.valueChanged,
            v.attendees_edit.textChanged,
            v.apologies_edit.textChanged,
            v.declarations_edit.textChanged,
        ):
            signal.connect(self._edited)
        v.first_number_spin.valueChanged.connect(self._renumber_view)
        v.items_table.selectionModel().currentRowChanged.connect(lambda *_: self._show_item())
        v.item_form.changed.connect(self._item_edited)
        v.item_form.link_requested.connect(self.link_record)
        v.item_form.unlink_requested.connect(self.unlink_last)
        v.add_item_button.clicked.connect(self.add_item)
        v.remove_item_button.clicked.connect(self.remove_item)
        v.up_button.clicked.connect(lambda: self.move_item(-1))
        v.down_button.clicked.connect(lambda: self.move_item(+1))
        v.closure_button.clicked.connect(self.approve_closure)
        v.new_action_button.clicked.connect(self.new_action)
        v.edit_action_button.clicked.connect(self.edit_action)
        v.actions_table.activated.connect(lambda _index: self.edit_action())
        v.save_button.clicked.connect(self.save)
        v.revert_button.clicked.connect(self.revert)
        v.back_button.clicked.connect(self.back_requested)
        v.agenda_pdf_button.clicked.connect(lambda: self.save_paper("agenda"))
        v.minutes_pdf_button.clicked.connect(lambda: self.save_paper("minutes"))
        v.agenda_web_button.clicked.connect(lambda: self.save_paper_web_page("agenda"))
        v.minutes_web_button.clicked.connect(lambda: self.save_paper_web_page("minutes"))
        for keys, slot, what in (  # `what` is listed by Help → Keyboard shortcuts
            ("Alt+Up", lambda: self.move_item(-1), "Move the agenda item up"),
            ("Alt+Down", lambda: self.move_item(+1), "Move the agenda item down"),
            ("Ctrl+Shift+I", self.add_item, "Add an agenda item"),
            ("Ctrl+Shift+A", self.new_action, "New action"),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.setWhatsThis(what)
            shortcut.activated.connect(slot)
        for table, slot, what in ((v.items_table, self.remove_item, "Remove the agenda item"),
                                  (v.actions_table, self.delete_action, "Delete the action")):
            delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), table)
            delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
            delete_key.setWhatsThis(what)
            delete_key.activated.connect(slot)
        self.bus.changed.connect(self._on_changes)

    # Loading -----------------------------------------------------------------------------------
    def load(self, meeting_id: int) -> None:
        self._show(self.office.boards.get_meeting(meeting_id))

    def current_id(self) -> int | None:
        return self._meeting.id if self._meeting else None

    def revert(self) -> None:
        self._show(self.office.boards.get_meeting(self._meeting.id) if self._meeting and self._meeting.id else None)

    def heading(self) -> str:
        if self._meeting is None:
            return "Meeting"
        board = self.office.boards.get_board(self._meeting.board_id)
        return f"{board.name} — {format_uk(self._meeting.held_on)}"

    def _show(self, meeting: Meeting | None, select_row: int = 0) -> None:
        v = self.view
        self._populating = True
        try:
            self._meeting = meeting
            shown = meeting or Meeting(board_id=0, held_on=self.today_provider())
            v.date_field.set_value(shown.held_on)
            v.time_edit.setText(shown.start_time)
            v.venue_edit.setText(shown.venue)
            v.virtual_check.setChecked(shown.virtual)
            v.status_combo.setCurrentIndex(max(0, v.status_combo.findText(shown.status)))
            v.first_number_spin.setValue(shown.first_item_number)
            v.attendees_edit.setPlainText(attendees_to_text(shown.attendees))
            v.apologies_edit.setPlainText(lines_to_text(shown.apologies))
            v.declarations_edit.setPlainText(lines_to_text(shown.declarations))
            self._items = list(shown.items)
            self._reload_items(select_row)
        finally:
            self._populating = False
        self._refresh_actions()
        self._set_dirty(False)
        self.setEnabled(meeting is not None)
        v.heading_label.setText(self.heading())
        self.heading_changed.emit(self.heading() if meeting else "")

    def _reload_items(self, select_row: int | None) -> None:
        v = self.view
        v.items_model.first_number = v.first_number_spin.value()
        v.items_model.set_rows(self._items)
        if self._items and select_row is not None:
            v.items_table.selectRow(max(0, min(select_row, len(self._items) - 1)))
        self._show_item()

    def _renumber_view(self, *_args) -> None:
        self._reload_items(self.selected_row())

    def selected_row(self) -> int | None:
        index = self.view.items_table.currentIndex()
        return index.row() if index.isValid() else None

    def _show_item(self) -> None:
        row = self.selected_row()
        item = self._items[row] if row is not None and row < len(self._items) else None
        carried = ""
        if item is not None and item.carried_action_ids:
            meeting_id = self._meeting.id if self._meeting else None
            actions = {a.id: a for a in self.office.boards.meeting_actions(meeting_id)} if meeting_id is not None else {}
            lines = [
                f"Action {format_action_number(actions[i].number)} ({actions[i].status}): {actions[i].description}"
                for i in item.carried_action_ids
                if i in actions
            ]
            carried = "Actions reviewed under this item (see the Action log tab):\n" + "\n".join(lines)
        self.view.item_form.set_item(item, carried)
        v = self.view
        v.remove_item_button.setEnabled(item is not None)
        v.up_button.setEnabled(row is not None and row > 0)
        v.down_button.setEnabled(row is not None and row < len(self._items) - 1)
        v.closure_button.setEnabled(item is not None and bool(item.links) and item.id is not None)

    # Editing -----------------------------------------------------------------------------------
    def is_dirty(self) -> bool:
        return self._dirty

    def _set_dirty(self, dirty: bool) -> None:
        self._dirty = dirty
        self.view.status_label.setText("Unsaved changes" if dirty else "")

    def _edited(self, *_args) -> None:
        if not self._populating:
            self._set_dirty(True)

    def _item_edited(self) -> None:
        row = self.selected_row()
        item = self.view.item_form.item()
        if row is None or item is None or self._populating:
            return
        self._items[row] = item
        self.view.items_model.replace_row(row, item)
        self._set_dirty(True)

    def add_item(self) -> None:
        if self._meeting is None:
            return
        self._items.append(AgendaItem(title=""))  # the form's placeholder invites the title
        self._items = list(renumber(self._items))
        self._reload_items(len(self._items) - 1)
        self.view.tabs.setCurrentIndex(1)
        self.view.item_form.title_edit.setFocus()
        self.view.item_form.title_edit.selectAll()
        self._set_dirty(True)

    def remove_item(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        del self._items[row]
        self._items = list(renumber(self._items))
        self._reload_items(row)
        self._set_dirty(True)

    def move_item(self, delta: int) -> None:
        row = self.selected_row()
        if row is None or not (0 <= row + delta < len(self._items)):
            return
        self._items = list(move_item(self._items, row, delta))
        self._reload_items(row + delta)
        self._set_dirty(True)

    def link_record(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        dialog = LinkDialog(self.office, self)
        link = dialog.link() if self.ask(dialog) == QDialog.DialogCode.Accepted else None
        if link is None:
            return
        item = self._items[row]
        self.view.item_form.set_links(replace(item, links=(*item.links, link)))

    def unlink_last(self) -> None:
        item = self.view.item_form.item()
        if item is not None and item.links:
            self.view.item_form.set_links(replace(item, links=item.links[:-1]))

    def collect(self) -> Meeting:
        assert self._meeting is not None
        v = self.view
        held_on = v.date_field.value()
        if held_on is None:
            raise ValueError("save() checks the meeting's date before collecting it")
        return replace(
            self._meeting,
            held_on=held_on,
            start_time=v.time_edit.text().strip(),
            venue=v.venue_edit.text().strip(),
            virtual=v.virtual_check.isChecked(),
            status=v.status_combo.currentText(),
            first_item_number=v.first_number_spin.value(),
            attendees=text_to_attendees(v.attendees_edit.toPlainText()),
            apologies=text_to_lines(v.apologies_edit.toPlainText()),
            declarations=text_to_lines(v.declarations_edit.toPlainText()),
            items=renumber(self._items),
        )

    def save(self) -> bool:
        if self._meeting is None:
            return False
        problem = self.view.date_field.problem()
        if problem or self.view.date_field.value() is None:
            self.view.error_label.show_message(f"Date: {problem or 'is required'}")
            self.view.tabs.setCurrentIndex(0)
            return False
        def at_the_fields(exc: ValidationError) -> None:
            self.view.error_label.show_message("Not saved. " + "; ".join(describe_error(e) for e in exc.errors))
            self._go_to_problem(exc.errors[0].field)

        saved = run_op(self, "Cannot save the meeting", lambda: self.office.boards.save_meeting(self.collect()),
                       failure=at_fields(at_the_fields))
        if isinstance(saved, Failed):
            return False
        meeting_id, _changes = saved
        self.view.error_label.show_message("")
        row = self.selected_row() or 0
        self._show(self.office.boards.get_meeting(meeting_id), row)
        publish(self.bus, saved, initiator=self)  # shown already: the echo is not reloaded
        return True

    def _go_to_problem(self, field: str) -> None:
        found = _ITEM_FIELD.match(field)
        if found:
            row = int(found[1]) - self.view.first_number_spin.value()
            self.view.tabs.setCurrentIndex(1)
            if 0 <= row < len(self._items):
                self.view.items_table.selectRow(row)
        else:
            self.view.tabs.setCurrentIndex(0)

    def can_close(self) -> bool:
        if not self._dirty:
            return True
        return ask_to_save(self, self.heading(), self.save, self.revert)

    # Actions and closure approvals (saved at once) ---------------------------------------------
    def _refresh_actions(self) -> None:
        actions = self.office.boards.meeting_actions(self._meeting.id) if self._meeting and self._meeting.id else []
        self.view.actions_model.set_rows(actions)

    def _saved_item_choices(self) -> list[tuple[int, str]]:
        meeting = self._meeting
        if meeting is None:
            return []
        return [
            (item.id, f"{meeting.item_number(n)} {item.title}")
            for n, item in enumerate(meeting.items)
            if item.id is not None
        ]

    def _linked_findings(self) -> list[tuple[int, str]]:
        """Findings the meeting's items link (directly, or through their whole inspection)."""
        choices: dict[int, str] = {}
        for item in self._meeting.items if self._meeting else ():
            for link in item.links:
                inspection = quietly(partial(self.office.inspections.get, link.inspection_id), None)
                if inspection is None:  # deleted meanwhile
                    continue
                for number, finding in enumerate(inspection.findings, start=1):
                    if link.finding_id in (None, finding.id) and finding.id is not None:
                        short = " ".join(finding.text.split())[:60]
                        choices[finding.id] = (
                            f"{inspection.reference or inspection.title[:30]} / {finding.reference or number}: {short}"
                        )
        return list(choices.items())

    def new_action(self) -> None:
        if self._meeting is None or (self._dirty and not self.save()):
            return
        row = self.selected_row()
        item = self._meeting.items[row] if row is not None and row < len(self._meeting.items) else None
        self._run_action_dialog(
            Action(
                board_id=self._meeting.board_id,
                description="",
                item_id=item.id if item and not item.carried_action_ids else None,
            )
        )

    def edit_action(self) -> None:
        index = self.view.actions_table.currentIndex()
        action = index.data(RowRole) if index.isValid() else None
        if action is not None:
            self._run_action_dialog(action)

    def delete_action(self) -> None:
        index = self.view.actions_table.currentIndex()
        action = index.data(RowRole) if index.isValid() else None
        if action is None or not ask_yes_no(
            self, "Delete action", f"Delete action {format_action_number(action.number)} from the board's log?"
        ):
            return
        self._write(lambda: self.office.boards.delete_action(action.id), "Cannot delete the action")

    def _run_action_dialog(self, action: Action) -> None:
        dialog = ActionDialog(action, self._saved_item_choices(), self.today_provider, self, self._linked_findings())
        if self.ask(dialog) != QDialog.DialogCode.Accepted:
            return
        self._write(lambda: self.office.boards.save_action(dialog.action())[1], "Cannot save the action")

    def approve_closure(self) -> None:
        row = self.selected_row()
        if self._meeting is None or row is None or (self._dirty and not self.save()):
            return
        item = self._meeting.items[row]
        dialog = ClosureDialog(self.office, item.links, self._meeting.held_on, self.today_provider, self)
        if self.ask(dialog) != QDialog.DialogCode.Accepted:
            return
        approval = ClosureApproval(
            finding_id=dialog.finding_combo.currentData(),
            meeting_id=self._meeting.id,  # type: ignore[arg-type]
            item_id=item.id,
            approved_on=dialog.date_field.value(),  # type: ignore[arg-type]
            note=dialog.note_edit.text().strip(),
        )
        self._write(lambda: self.office.boards.approve_closure(approval)[1], "Cannot record the approval")

    def _write(self, write: Callable[[], Changes], title: str) -> None:
        run_op(self, title, write, self.bus)

    def _on_changes(self, changes: Changes) -> None:
        if self._meeting is None or self._meeting.id is None:
            return
        if changes.boards or changes.inspections or changes.deleted_inspections:
            self._refresh_actions()
            if not self._dirty and not self.bus.made_by(self):
                meeting_id = self._meeting.id
                self._show(quietly(lambda: self.office.boards.get_meeting(meeting_id), None),  # None: deleted
                           self.selected_row() or 0)

    # Papers (written by `meeting_papers`) -----------------------------------------------------
    def save_paper(self, kind: str) -> None:
        if self._meeting is not None and (not self._dirty or self.save()) and self._meeting.id is not None:
            save_paper_pdf(self, self.office, self._meeting, kind)

    def save_paper_web_page(self, kind: str) -> None:
        if self._meeting is not None and (not self._dirty or self.save()):
            save_board_paper_page(self, self.office, self._meeting.id, self._meeting.held_on, kind)  # type: ignore[arg-type]
