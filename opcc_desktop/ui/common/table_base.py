"""`RowTableModel`: a read-only table of Python objects, one per row, described by `ColumnSpec`s.

`SortRole` gives a comparable value for a cell, `RowRole` the row object itself. Deadline
highlighting (`Tone`) picks colours from the current palette so that dark themes stay readable.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QGuiApplication

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex

SortRole = Qt.ItemDataRole.UserRole + 1
RowRole = Qt.ItemDataRole.UserRole + 2

ALIGN_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
ALIGN_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class ColumnSpec(Generic[R]):
    """One column: its header, how a row is shown, and how it sorts.

    `sort_key` names an SQL ordering (for models that sort in the database); `sort_value` gives a
    Python value for `SortRole` (defaults to the displayed text).
    """

    header: str
    display: Callable[[R], str]
    sort_key: str | None = None
    align: Qt.AlignmentFlag = ALIGN_LEFT
    sort_value: Callable[[R], Any] | None = None
    tooltip: str = ""


class Tone(Enum):
    """How urgent a row looks."""

    NORMAL = "normal"
    SOON = "soon"  # due within a week
    OVERDUE = "overdue"


def literal_tooltip(text: str) -> str | None:
    """Tooltips guess rich text; escape the text and mark it rich so it shows exactly as typed."""
    import html  # on first hover, not at start-up (html.entities is a large table)

    return f"<p>{html.escape(text)}</p>" if text else None


def _dark_palette() -> bool:
    app = QGuiApplication.instance()
    if app is None:
        return False
    return QGuiApplication.palette().base().color().lightness() < 128


def tone_foreground(tone: Tone) -> QColor | None:
    """The text colour of an urgent row. A QColor, not a QBrush: views accept either, and a QBrush
    would make PySide build its gradient enums (some 200 values) during start-up."""
    if tone is Tone.NORMAL:
        return None
    dark = _dark_palette()
    if tone is Tone.OVERDUE:
        return QColor("#ff8a80" if dark else "#a4161a")
    return QColor("#ffd180" if dark else "#7a4a00")


def tone_background(tone: Tone) -> QColor | None:
    """A faint tint over the row's normal background (translucent, so alternating rows still show)."""
    if tone is Tone.NORMAL:
        return None
    color = QColor("#e53935") if tone is Tone.OVERDUE else QColor("#ffb300")
    color.setAlpha(60 if _dark_palette() else 34)
    return color


_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole.value
_FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
_BACKGROUND = Qt.ItemDataRole.BackgroundRole.value
_ANSWERED_ROLES = frozenset({_DISPLAY, _TOOLTIP, _ALIGNMENT, _FOREGROUND, _BACKGROUND, SortRole, RowRole})


class RowTableModel(QAbstractTableModel, Generic[R]):
    """Rows are whatever objects the subclass lists; columns come from `ColumnSpec`s. Read-only."""

    def __init__(self, columns: Sequence[ColumnSpec[R]], parent=None):
        super().__init__(parent)
        self.columns: tuple[ColumnSpec[R], ...] = tuple(columns)
        self._rows: list[R] = []

    # Rows ----------------------------------------------------------------------------------
    @property
    def rows(self) -> list[R]:
        return list(self._rows)

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def tone(self, row: R) -> Tone:
        """Subclasses mark urgent rows."""
        return Tone.NORMAL

    # Qt model interface -------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        # Called for every role of every painted cell: plain int roles, unanswered roles leave first.
        if role not in _ANSWERED_ROLES or not index.isValid():
            return None
        number = index.row()
        if not 0 <= number < len(self._rows):
            return None
        row = self._rows[number]
        column = self.columns[index.column()]
        if role == _DISPLAY:
            return column.display(row)
        if role == _FOREGROUND:
            return tone_foreground(self.tone(row))
        if role == _BACKGROUND:
            return tone_background(self.tone(row))
        if role == _ALIGNMENT:
            return column.align
        if role == _TOOLTIP:
            return literal_tooltip(column.display(row))
        if role == SortRole:
            return column.sort_value(row) if column.sort_value else column.display(row)
        return row  # RowRole

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not (0 <= section < len(self.columns)):
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.header
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip or column.header
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return column.align
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """In-memory sort on `SortRole` values (models backed by SQL override this)."""
        if not (0 <= column < len(self.columns)):
            return
        spec = self.columns[column]
        key = spec.sort_value or spec.display
        self.layoutAboutToBeChanged.emit()
        old = self._rows
        descending = Qt.SortOrder(order) == Qt.SortOrder.DescendingOrder
        ranking = sorted(range(len(old)), key=lambda n: key(old[n]), reverse=descending)
        self._rows = [old[n] for n in ranking]
        new_position = {old_row: new_row for new_row, old_row in enumerate(ranking)}
        for persistent in self.persistentIndexList():
            target = self.index(new_position[persistent.row()], persistent.column())
            self.changePersistentIndex(persistent, target)
        self.layoutChanged.emit()
