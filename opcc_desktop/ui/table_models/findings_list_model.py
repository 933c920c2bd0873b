"""All findings across inspections, fetched lazily in pages; SQLite filters and sorts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from ...domain.dates import format_uk
from ...domain.finding_rows import FindingRow, FindingsQuery
from ...domain.vocabulary import KIND_LABELS
from ...services.office import Office
from .base import ALIGN_RIGHT, ColumnSpec, RowTableModel, Tone

BATCH_SIZE = 200
CLOSED_PREFIXES = ("closed", "not for local action", "not accepted")


def short_text(text: str, limit: int = 140) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit].rsplit(" ", 1)[0] + "…"


def _target_text(row: FindingRow) -> str:
    if row.revised_target_date is None:
        return format_uk(row.target_date)
    return f"{format_uk(row.revised_target_date)} (revised)"


class FindingsListModel(RowTableModel[FindingRow]):
    def __init__(self, office: Office, today_provider: Callable[[], date] = date.today, parent=None):
        self._office = office
        self._today_provider = today_provider
        self._today = today_provider()
        self._query = FindingsQuery()
        self._total = 0
        super().__init__(self._columns(), parent)
        self.refresh()

    def _columns(self) -> list[ColumnSpec[FindingRow]]:
        return [
            ColumnSpec("Inspection", lambda r: r.inspection_reference or short_text(r.inspection_title, 40), "inspection"),
            ColumnSpec("Ref", lambda r: r.reference, "reference"),
            ColumnSpec("Kind", lambda r: KIND_LABELS.get(r.kind, r.kind), "kind"),
            ColumnSpec("Level", lambda r: r.level, "level"),
            ColumnSpec("Finding", lambda r: short_text(r.text), "text"),
            ColumnSpec("Owner", lambda r: r.owner, "owner"),
            ColumnSpec("Target date", _target_text, "target_date"),
            ColumnSpec("Status", lambda r: r.status, "status"),
            ColumnSpec("RAG", lambda r: r.rag, "rag"),
            ColumnSpec("Days open", lambda r: str(r.days_open(self._today)), "days_open", ALIGN_RIGHT),
        ]

    @property
    def findings_query(self) -> FindingsQuery:
        return self._query

    def total(self) -> int:
        return self._total

    def set_query(self, query: FindingsQuery) -> None:
        if query != self._query:
            self._query = query
            self.refresh(keep_loaded=False)

    def sort_column(self) -> int:
        keys = [c.sort_key for c in self.columns]
        return keys.index(self._query.sort) if self._query.sort in keys else -1

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not (0 <= column < len(self.columns)) or self.columns[column].sort_key is None:
            return
        descending = Qt.SortOrder(order) == Qt.SortOrder.DescendingOrder
        self.set_query(replace(self._query, sort=self.columns[column].sort_key, descending=descending))

    def refresh(self, *, keep_loaded: bool = True) -> None:
        self._today = self._today_provider()
        wanted = max(BATCH_SIZE, len(self._rows)) if keep_loaded else BATCH_SIZE
        self.beginResetModel()
        self._total, self._rows = self._office.findings.count_and_first_page(self._query, wanted)
        self.endResetModel()

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:
        if parent.isValid():
            return
        batch = self._office.findings.rows(self._query, limit=BATCH_SIZE, offset=len(self._rows))
        if not batch:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(batch) - 1)
        self._rows.extend(batch)
        self.endInsertRows()

    def tone(self, row: FindingRow) -> Tone:
        closed = row.status.lower().startswith(CLOSED_PREFIXES)
        if row.effective_target is None or closed:
            return Tone.NORMAL
        left = (row.effective_target - self._today).days
        return Tone.OVERDUE if left < 0 else Tone.SOON if left <= 28 else Tone.NORMAL
