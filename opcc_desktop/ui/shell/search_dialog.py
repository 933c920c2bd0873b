"""Edit → Search everything (Ctrl+Shift+F): full-text search over inspections and findings, then the
boards: boards, meetings, agenda items and minutes, and the action log. "No matches" when none.

Typing searches after a short pause; every word is matched as typed (quotes, `*`, `-`, NEAR… are
plain text). Enter or double-click opens the inspection, with the finding selected.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QSize, QTimer, Qt
from PySide6.QtWidgets import QDialog, QHeaderView, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget

from ...services.office import Office
from ...services.search import BoardHit, SearchHit
from ..common.column_fit import TextColumnFirst
from ..common.record_table import configure_record_table
from ..common.table_base import ColumnSpec, RowRole, RowTableModel
from ..common.screen_fit import fit_to_screen

log = logging.getLogger(__name__)

TYPING_PAUSE_MS = 200
Hit = SearchHit | BoardHit
COLUMNS: tuple[ColumnSpec[Hit], ...] = (
    ColumnSpec("Found in", lambda h: h.where),
    ColumnSpec("Report or board", lambda h: h.inspection_title if isinstance(h, SearchHit) else
               f"{h.kind.capitalize()} of {h.board_name}" if h.kind != "board" else "Board"),
    ColumnSpec("Matching text", lambda h: " ".join(h.snippet.split())),
)


class SearchDialog(QDialog):
    def __init__(self, office: Office, open_record: Callable[[int, int | None], None], parent: QWidget | None = None,
                 open_meeting: Callable[[int], None] | None = None, open_board: Callable[[int], None] | None = None):
        super().__init__(parent)
        self.open_meeting = open_meeting
        self.open_board = open_board
        self.setWindowTitle("Search everything")
        self.office = office
        self.open_record = open_record
        self.query_edit = QLineEdit(self)
        self.query_edit.setPlaceholderText("Words in reports, findings, responses, boards, minutes, actions… "
                                           "(e.g. 4P plans)")
        self.query_edit.setAccessibleName("Search for")
        self.query_edit.setClearButtonEnabled(True)
        self.model = RowTableModel(COLUMNS, self)
        self.table = QTableView(self)
        self.table.setAccessibleName("Search results")
        header = configure_record_table(self.table, self.model)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        width = self.fontMetrics().horizontalAdvance("x")
        self.table.setColumnWidth(0, width * 34)
        self.table.setColumnWidth(1, width * 34)
        self.column_fit = TextColumnFirst(self.table, 2)  # the matching text keeps its room
        self.count_label = QLabel(self)
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query_edit)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        fit_to_screen(self, 0.9, 0.8, QSize(980, 520))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.run_search)
        self.query_edit.textChanged.connect(lambda _text: self._timer.start())
        self.query_edit.returnPressed.connect(self._enter_in_query)
        self.table.activated.connect(lambda _index: self.open_selected())

    def run_search(self) -> list[Hit]:
        self._timer.stop()
        text = self.query_edit.text()
        hits: list[Hit] = []
        try:
            if text.strip():
                hits.extend(self.office.search(text))
                hits.extend(self.office.search_boards(text))
        except Exception as exc:  # noqa: BLE001 - whatever was pasted, the dialog says so and stays open
            log.warning("Search for %r failed: %s", text, exc)
            self.model.set_rows([])
            self.count_label.setText("That search could not be run; try other words.")
            return []
        self.model.set_rows(hits)
        if hits:
            self.table.selectRow(0)
        if not text.strip():
            self.count_label.setText("")
        elif not hits:
            self.count_label.setText(f"No matches for “{text.strip()}” in reports, findings, boards, minutes or actions.")
        else:
            self.count_label.setText(f"{len(hits)} match{'es' if len(hits) != 1 else ''}"
                                     + (" (first 200 of each kind)" if len(hits) >= 200 else ""))
        return hits

    def _enter_in_query(self) -> None:
        if self._timer.isActive() or not self.model.rowCount():
            self.run_search()
        else:
            self.open_selected()

    def open_selected(self) -> None:
        index = self.table.currentIndex()
        hit: Hit | None = index.data(RowRole) if index.isValid() else None
        if hit is None:
            return
        self.accept()
        if isinstance(hit, SearchHit):
            self.open_record(hit.inspection_id, hit.record_id if hit.kind in ("finding", "update") else None)
        elif hit.meeting_id is not None and self.open_meeting is not None:
            self.open_meeting(hit.meeting_id)
        elif self.open_board is not None:
            self.open_board(hit.record_id if hit.kind == "board" else self.office.boards.get_action(hit.record_id).board_id)

    def done(self, result: int) -> None:
        self._timer.stop()
        super().done(result)
