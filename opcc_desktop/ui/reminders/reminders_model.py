"""Reminders, most urgent first: urgency group, what, reference, title, due date and days left."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from ...domain.dates import format_uk
from ...domain.reminders import KIND_LABELS, Reminder, Urgency
from ..common.table_base import ColumnSpec, Index, RowTableModel, Tone

HIDDEN_MARK = " · hidden"

COLUMNS: tuple[ColumnSpec[Reminder], ...] = (
    ColumnSpec("Urgency", lambda r: r.urgency.label, sort_value=lambda r: (r.urgency, r.thing.due)),
    ColumnSpec("What", lambda r: KIND_LABELS.get(r.thing.kind, r.thing.kind)),
    ColumnSpec("Reference", lambda r: r.thing.reference),
    ColumnSpec("Title", lambda r: r.thing.title, sort_value=lambda r: r.thing.title.casefold()),
    ColumnSpec("Due", lambda r: format_uk(r.thing.due), sort_value=lambda r: (r.thing.due, r.thing.key)),
    ColumnSpec("Days", lambda r: r.describe(), sort_value=lambda r: (r.days_left, r.thing.key)),
)
TITLE_COLUMN = 3


class RemindersTableModel(RowTableModel[Reminder]):
    """A few hundred rows at most (only what is within the lead time), so sorting is in memory."""

    def __init__(self, parent=None):
        super().__init__(COLUMNS, parent)
        self.hidden_keys: frozenset[str] = frozenset()  # acknowledged or snoozed (listed under "Show hidden")

    def set_hidden_keys(self, keys: frozenset[str]) -> None:
        self.hidden_keys = keys
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 0))

    def is_hidden(self, row: Reminder) -> bool:
        return row.thing.key in self.hidden_keys

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        value = super().data(index, role)
        if (index.isValid() and index.column() == 0 and role == Qt.ItemDataRole.DisplayRole
                and self.is_hidden(self.row_at(index.row()))):
            return f"{value}{HIDDEN_MARK}"
        return value

    def tone(self, row: Reminder) -> Tone:
        if row.urgency is Urgency.OVERDUE:
            return Tone.OVERDUE
        return Tone.SOON if row.urgency in (Urgency.TODAY, Urgency.THIS_WEEK) else Tone.NORMAL
