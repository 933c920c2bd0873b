"""New meeting…: asks the meeting's date (today at first), warns when the board already meets that day,
and says that attendance starts from the board's members."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from ...domain.boards import Attendee, Board, Meeting, MeetingSummary
from ...domain.dates import format_uk
from .attendance_text import lines_to_text, text_to_attendees
from ..common.date_field import DateField
from ..common.error_label import ErrorLabel


def attendance_from_members(board: Board) -> tuple[Attendee, ...]:
    """The board's members ("Name; role" lines) as the new meeting's attendance, everyone present."""
    return text_to_attendees(lines_to_text(board.members))


def same_day_meetings(meetings: list[MeetingSummary], held_on: date | None) -> list[MeetingSummary]:
    return [m for m in meetings if held_on is not None and m.held_on == held_on]


class NewMeetingDialog(QDialog):
    def __init__(self, board: Board, meetings: list[MeetingSummary], today_provider: Callable[[], date],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("New meeting")
        self.board = board
        self.meetings = meetings
        self.date_field = DateField(today_provider=today_provider)
        self.date_field.set_value(today_provider())
        intro = QLabel(f"A new meeting of {board.name}.", self)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        members = attendance_from_members(board)
        self.attendance_label = QLabel(
            f"Attendance starts with the board's {len(members)} member{'s' if len(members) != 1 else ''}: "
            + ", ".join(a.name for a in members) if members else
            "The board has no members listed: add who attends in the meeting's Attendance tab.", self)
        self.attendance_label.setTextFormat(Qt.TextFormat.PlainText)
        self.attendance_label.setWordWrap(True)
        self.warning_label = ErrorLabel(self)
        form = QFormLayout()
        date_label = QLabel("Meeting &date", self)
        date_label.setBuddy(self.date_field.line_edit)
        form.addRow(date_label, self.date_field)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Create meeting")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.attendance_label)
        layout.addWidget(self.warning_label)
        layout.addWidget(self.buttons)
        self.date_field.changed.connect(self._check)
        self._check()
        self.date_field.line_edit.selectAll()

    def held_on(self) -> date | None:
        return self.date_field.value()

    def meeting(self) -> Meeting:
        held_on = self.held_on()
        assert held_on is not None
        return Meeting(board_id=self.board.id or 0, held_on=held_on, attendees=attendance_from_members(self.board))

    def _check(self) -> None:
        problem = self.date_field.problem()
        same_day = same_day_meetings(self.meetings, self.held_on())
        if problem:
            self.warning_label.show_message(f"Date {problem}")
        elif same_day:
            self.warning_label.show_message(
                f"{self.board.name} already has a meeting on {format_uk(same_day[0].held_on)}. "
                "Create a second one that day only if that is really meant (e.g. an extraordinary meeting).")
        else:
            self.warning_label.show_message("")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)
