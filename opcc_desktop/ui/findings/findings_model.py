"""`FindingsTableModel`: the inspection editor's in-memory, ordered list of findings."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QStyle

from ...domain.dates import format_uk
from ...domain.models import Finding
from ...domain.vocabulary import KIND_LABELS
from ..common.table_base import ColumnSpec, Index, RowTableModel

TEXT_PREVIEW_LENGTH = 110


def kind_label(finding: Finding) -> str:
    return KIND_LABELS.get(finding.kind, finding.kind)


def text_preview(text: str, limit: int = TEXT_PREVIEW_LENGTH) -> str:
    """The first non-blank line, cut at `limit` characters with an ellipsis."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return first if len(first) <= limit else first[: limit - 1].rstrip() + "…"


FINDING_COLUMNS: tuple[ColumnSpec[Finding], ...] = (
    ColumnSpec("Kind", kind_label),
    ColumnSpec("Ref", lambda f: f.reference, tooltip="HMICFRS reference of the finding"),
    ColumnSpec("Level", lambda f: f.level),
    ColumnSpec("Text", lambda f: text_preview(f.text)),
    ColumnSpec("Owner", lambda f: f.owner),
    ColumnSpec("Target date", lambda f: format_uk(f.target_date)),
    ColumnSpec("Status", lambda f: f.status),
)
TEXT_COLUMN = 3


class FindingsTableModel(RowTableModel[Finding]):
    """Rows are `Finding`s in report order. The editor changes them through the methods below;
    rows with validation problems carry a warning icon."""

    def __init__(self, parent=None):
        super().__init__(FINDING_COLUMNS, parent)
        self._problem_rows: frozenset[int] = frozenset()

    # Editing the list ------------------------------------------------------------------------
    def findings(self) -> tuple[Finding, ...]:
        return tuple(self._rows)

    def set_findings(self, findings: tuple[Finding, ...] | list[Finding]) -> None:
        self._problem_rows = frozenset()
        self.set_rows(list(findings))

    def replace(self, row: int, finding: Finding) -> None:
        if self._rows[row] == finding:
            return
        self._rows[row] = finding
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def insert(self, row: int, finding: Finding) -> None:
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, finding)
        self.endInsertRows()

    def remove(self, row: int) -> Finding:
        self.beginRemoveRows(QModelIndex(), row, row)
        removed = self._rows.pop(row)
        self.endRemoveRows()
        return removed

    def move(self, row: int, to_row: int) -> bool:
        """Move one row to position `to_row`; False when that is outside the list."""
        if row == to_row or not (0 <= row < len(self._rows)) or not (0 <= to_row < len(self._rows)):
            return False
        destination = to_row + 1 if to_row > row else to_row  # Qt counts the gap before the move
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
        self._rows.insert(to_row, self._rows.pop(row))
        self.endMoveRows()
        return True

    def set_problem_rows(self, rows: set[int] | frozenset[int]) -> None:
        rows = frozenset(rows)
        if rows == self._problem_rows:
            return
        changed = rows ^ self._problem_rows
        self._problem_rows = rows
        for row in changed:
            if 0 <= row < len(self._rows):
                self.dataChanged.emit(self.index(row, 0), self.index(row, 0), [Qt.ItemDataRole.DecorationRole])

    # Qt model interface -----------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.isValid() and index.column() == 0 and index.row() in self._problem_rows:
                return "This finding has a problem: see the messages under the finding."
            return None  # user text is never shown as a tooltip (Qt would guess rich text)
        if role == Qt.ItemDataRole.DecorationRole:
            if index.isValid() and index.column() == 0 and index.row() in self._problem_rows:
                return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            return None
        return super().data(index, role)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._rows):
                return str(section + 1)
            return None
        return super().headerData(section, orientation, role)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Findings keep the report's order; the user reorders them with Move up / Move down."""
