"""The one way every read-only record list (a QTableView over a table model) is set up."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

CONTENTS_ROWS_MEASURED = 40  # "resize to contents" measures about a screenful of rows, not thousands


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
