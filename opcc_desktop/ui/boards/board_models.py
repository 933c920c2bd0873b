"""Table models for boards: boards, meetings, agenda items, the action log, updates and discussions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt

from ...domain.board_rules import format_action_number
from ...domain.boards import Action, ActionUpdate, AgendaItem, Board, Discussion, MeetingSummary
from ...domain.dates import format_uk
from ..common.table_base import ALIGN_RIGHT, ColumnSpec, RowTableModel, SortRole, Tone


def _one_line(text: str, limit: int = 120) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


class BoardsModel(RowTableModel[Board]):
    def __init__(self, parent=None):
        super().__init__(
            [
                ColumnSpec("Board", lambda b: b.name),
                ColumnSpec("Kind", lambda b: b.kind),
                ColumnSpec("Meets", lambda b: b.frequency),
                ColumnSpec(
                    "Members", lambda b: str(len(b.members)), align=ALIGN_RIGHT, sort_value=lambda b: len(b.members)
                ),
            ],
            parent,
        )


class MeetingsModel(RowTableModel[MeetingSummary]):
    def __init__(self, parent=None):
        super().__init__(
            [
                ColumnSpec("Date", lambda m: format_uk(m.held_on), sort_value=lambda m: m.held_on),
                ColumnSpec("Time", lambda m: m.start_time),
                ColumnSpec("Venue", lambda m: m.venue),
                ColumnSpec("Status", lambda m: m.status),
                ColumnSpec("Items", lambda m: str(m.item_count), align=ALIGN_RIGHT, sort_value=lambda m: m.item_count),
                ColumnSpec(
                    "Open actions",
                    lambda m: str(m.open_actions),
                    align=ALIGN_RIGHT,
                    sort_value=lambda m: m.open_actions,
                ),
            ],
            parent,
        )


class AgendaItemsModel(RowTableModel[AgendaItem]):
    """The agenda as edited: numbers follow the order and the meeting's first item number."""

    def __init__(self, parent=None):
        self.first_number = 1
        super().__init__(
            [
                ColumnSpec("No", lambda i: "", align=ALIGN_RIGHT),  # filled in by data(): the row's number
                ColumnSpec("Title", lambda i: i.title or "(new item: type its title)"),
                ColumnSpec("Presenter", lambda i: i.presenter),
                ColumnSpec("Purpose", lambda i: i.purpose),
                ColumnSpec("Open", lambda i: f"Exempt: {i.exempt_ground}" if i.exempt else "Open"),
                ColumnSpec("Resolution", lambda i: _one_line(i.resolution)),
            ],
            parent,
        )

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid() and index.column() == 0 and role in (Qt.ItemDataRole.DisplayRole, SortRole):
            return str(self.first_number + index.row())
        return super().data(index, role)

    def replace_row(self, row: int, item: AgendaItem) -> None:
        """Show an edited item in place (no reset, so the selection stays)."""
        self._rows[row] = item
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def sort(self, column, order=None) -> None:  # the agenda's order is the user's, never a sort
        return


class ActionsModel(RowTableModel[Action]):
    def __init__(self, today_provider: Callable[[], date], parent=None):
        self._today = today_provider
        super().__init__(
            [
                ColumnSpec("No", lambda a: format_action_number(a.number), sort_value=lambda a: a.number),
                ColumnSpec("Action", lambda a: _one_line(a.description)),
                ColumnSpec("Owner", lambda a: a.owner),
                ColumnSpec("Due", lambda a: format_uk(a.due), sort_value=lambda a: a.due or date.max),
                ColumnSpec("Status", lambda a: a.status),
                ColumnSpec("From", lambda a: a.source),
                ColumnSpec("Latest update", lambda a: _one_line(a.latest_update)),
            ],
            parent,
        )

    def tone(self, row: Action) -> Tone:
        if row.is_open and row.due is not None and row.due < self._today():
            return Tone.OVERDUE
        return Tone.NORMAL


class ActionUpdatesModel(RowTableModel[ActionUpdate]):
    def __init__(self, parent=None):
        super().__init__(
            [
                ColumnSpec("Date", lambda u: format_uk(u.on), sort_value=lambda u: u.on),
                ColumnSpec("Update", lambda u: _one_line(u.text, 300)),
            ],
            parent,
        )


class DiscussionsModel(RowTableModel[Discussion]):
    def __init__(self, parent=None):
        super().__init__(
            [
                ColumnSpec("Date", lambda d: format_uk(d.meeting_date), sort_value=lambda d: d.meeting_date),
                ColumnSpec("Board", lambda d: d.board_name),
                ColumnSpec("Item", lambda d: f"{d.item_number} {d.item_title}"),
                ColumnSpec("Finding", lambda d: d.finding_label or "whole inspection"),
                ColumnSpec("Resolution", lambda d: _one_line(d.resolution)),
            ],
            parent,
        )
