"""The one way every read-only record list (a QTableView over a table model) is set up."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

CONTENTS_ROWS_MEASURED = 40  # "resize to contents" measures about a screenful of rows, not thousands
CELL_PADDING = 16  # the item's margins and focus frame, either side
HEADER_PADDING = 28  # room for the sort arrow


def configure_record_table(table: QTableView, model: QAbstractItemModel) -> QHeaderView:
    """Whole-row single selection, no in-place editing, compact rows; returns the header to finish."""
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setResizeContentsPrecision(CONTENTS_ROWS_MEASURED)
    return header


def fit_columns_to_text(table: QTableView, skip: tuple[int, ...] = (), rows: int = CONTENTS_ROWS_MEASURED) -> None:
    """Size each column (but `skip`) to its header and the text of its first `rows` rows, in one pass.

    Like "resize to contents", but measured once when the rows change: Qt's own measure asks the model
    for every role of every cell on each layout (10 ms of a start-up for one screenful of rows). The
    columns stay resizable by the user."""
    model = table.model()
    header = table.horizontalHeader()
    text_width = table.fontMetrics().horizontalAdvance
    header_width = header.fontMetrics().horizontalAdvance
    shown = min(rows, model.rowCount())
    for column in range(model.columnCount()):
        if column in skip:
            continue
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        widest = max((text_width(str(model.index(row, column).data() or "")) for row in range(shown)), default=0)
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, max(widest + CELL_PADDING, header_width(title) + HEADER_PADDING))
