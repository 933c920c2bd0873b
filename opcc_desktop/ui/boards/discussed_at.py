"""`DiscussedAtPanel`: under an inspection, every board meeting and item that linked it or its findings."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from ...services.changes import Changes
from ...services.office import Office
from ..common.event_bus import EventBus
from ..common.column_fit import TextColumnFirst
from ..common.operations import quietly
from ..common.record_table import configure_record_table, fit_columns_to_text
from ..common.table_base import RowRole
from .board_models import DiscussionsModel

MAX_ROWS_SHOWN = 6


class DiscussedAtPanel(QGroupBox):
    """Double-click (or Enter on) a row to open that meeting."""

    open_meeting_requested = Signal(int)

    def __init__(self, office: Office, bus: EventBus, parent: QWidget | None = None):
        super().__init__("Discussed at board meetings", parent)
        self.setObjectName("discussedAt")
        self.office = office
        self._inspection_id: int | None = None
        self.model = DiscussionsModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("discussedAtTable")
        header = configure_record_table(self.table, self.model)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.column_fit = TextColumnFirst(self.table, 2)  # the item's title keeps its room
        self.empty_label = QLabel("Not yet on the agenda of any board meeting.", self)
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.approvals_label = QLabel(self)
        self.approvals_label.setObjectName("closureApprovals")
        self.approvals_label.setTextFormat(Qt.TextFormat.PlainText)
        self.approvals_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table)
        layout.addWidget(self.approvals_label)
        self.table.activated.connect(self._open)
        bus.changed.connect(self._on_changes)
        self.set_inspection(None)

    def set_inspection(self, inspection_id: int | None) -> None:
        self._inspection_id = inspection_id
        rows = self.office.boards.where_discussed(inspection_id=inspection_id) if inspection_id is not None else []
        self.model.set_rows(rows)
        fit_columns_to_text(self.table, skip=(2,))
        self.column_fit.remember()
        self.table.setVisible(bool(rows))
        self.empty_label.setVisible(not rows)
        shown = min(len(rows), MAX_ROWS_SHOWN)
        row_height = self.table.verticalHeader().defaultSectionSize()
        scroll_bar = self.table.horizontalScrollBar().sizeHint().height()  # room for it: never a clipped row
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height() + row_height * max(shown, 1)
                                  + 2 * self.table.frameWidth() + scroll_bar)
        approvals = self._approval_lines(inspection_id)
        self.approvals_label.setText("\n".join(approvals))
        self.approvals_label.setVisible(bool(approvals))

    def _approval_lines(self, inspection_id: int | None) -> list[str]:
        """ "Finding D-05: Closure approved by … (date, item n …)" for every finding a board approved closing."""
        if inspection_id is None:
            return []
        inspection = quietly(lambda: self.office.inspections.get(inspection_id), None)  # deleted meanwhile
        if inspection is None:
            return []
        findings = inspection.findings
        lines = []
        for number, finding in enumerate(findings, start=1):
            for entry in self.office.boards.closure_approvals_for_finding(finding.id):  # type: ignore[arg-type]
                lines.append(f"Finding {finding.reference or number}: {entry.text}")
        return lines

    def _open(self, index) -> None:
        discussion = index.data(RowRole)
        if discussion is not None:
            self.open_meeting_requested.emit(discussion.meeting_id)

    def _on_changes(self, changes: Changes) -> None:
        if changes.boards or changes.inspections or changes.deleted_inspections:
            self.set_inspection(self._inspection_id)
