"""The inspections list: summaries fetched lazily from SQLite in pages, filtered and sorted by SQL."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from ...domain.dates import format_uk
from ...domain.deadlines import s55_last_day, s55_state
from ...domain.models import InspectionSummary
from ...services.inspections import SummaryQuery
from ...services.office import Office
from ..common.table_base import ALIGN_RIGHT, ColumnSpec, RowTableModel, Tone

BATCH_SIZE = 200
SOON_DAYS = 7


def s55_status_text(summary: InspectionSummary, today: date) -> str:
    """"Does not apply", "12 days left", "Unclear – 3 days overdue", "Published in time"…"""
    if summary.s55_applies == "no":
        return "Does not apply"
    if summary.published is None:
        return "Unknown – enter the publication date"
    text = s55_state(summary.published, today, summary.response_published).describe()
    return f"Unclear – {text}" if summary.s55_applies == "unclear" else text


def s55_tone(summary: InspectionSummary, today: date) -> Tone:
    if summary.s55_applies == "no" or summary.response_published is not None:
        return Tone.NORMAL
    if summary.published is None:
        return Tone.SOON
    state = s55_state(summary.published, today)
    if state.overdue:
        return Tone.OVERDUE
    return Tone.SOON if state.days_left <= SOON_DAYS else Tone.NORMAL


class InspectionsTableModel(RowTableModel[InspectionSummary]):
    """Loads `BATCH_SIZE` rows at a time (`canFetchMore`/`fetchMore`); never sorts in Python."""

    def __init__(self, office: Office, today_provider: Callable[[], date] = date.today, parent=None):
        self._office = office
        self._today_provider = today_provider
        self._today = today_provider()
        self._summary_query = SummaryQuery()
        self._total = 0
        super().__init__(self._columns(), parent)
        self.refresh()

    def _columns(self) -> list[ColumnSpec[InspectionSummary]]:
        today = lambda: self._today
        return [
            ColumnSpec("Ref", lambda s: s.reference, "reference"),
            ColumnSpec("Title", lambda s: s.title, "title"),
            ColumnSpec("Type", lambda s: s.type, "type"),
            ColumnSpec("Published", lambda s: format_uk(s.published), "published", sort_value=lambda s: s.published),
            ColumnSpec("s.55 last day", lambda s: "" if s.s55_applies == "no" else (
                           format_uk(s55_last_day(s.published)) if s.published else "unknown"),
                       "s55_last_day", sort_value=lambda s: s.published,
                       tooltip="Last day to publish the s.55 response (publication day + 55 days)"),
            ColumnSpec("s.55 status", lambda s: s55_status_text(s, today()), "s55_last_day",
                       sort_value=lambda s: s.published),
            ColumnSpec("Findings", lambda s: str(s.finding_count), "finding_count", ALIGN_RIGHT,
                       sort_value=lambda s: s.finding_count),
            ColumnSpec("Response published", lambda s: format_uk(s.response_published), "response_published",
                       sort_value=lambda s: s.response_published or date.min),
        ]

    # Query ----------------------------------------------------------------------------------
    @property
    def summary_query(self) -> SummaryQuery:
        return self._summary_query

    def total(self) -> int:
        """How many inspections match the current filter (loaded or not)."""
        return self._total

    def set_summary_query(self, summary_query: SummaryQuery) -> None:
        if summary_query != self._summary_query:
            self._summary_query = summary_query
            self.refresh(keep_loaded=False)

    def set_filter_text(self, text: str) -> None:
        self.set_summary_query(replace(self._summary_query, text=text.strip()))

    def set_open_s55_only(self, only_open: bool) -> None:
        self.set_summary_query(replace(self._summary_query, open_s55_only=only_open))

    def sort_column(self) -> int:
        """The column whose SQL ordering is in force (the first with that sort key)."""
        keys = [c.sort_key for c in self.columns]
        return keys.index(self._summary_query.sort) if self._summary_query.sort in keys else -1

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Re-query with the column's SQL ordering."""
        sort_key = self.columns[column].sort_key if 0 <= column < len(self.columns) else None
        if sort_key is None:
            return
        descending = Qt.SortOrder(order) == Qt.SortOrder.DescendingOrder
        self.set_summary_query(replace(self._summary_query, sort=sort_key, descending=descending))

    def refresh(self, *, keep_loaded: bool = True) -> None:
        """Re-read from the database. With `keep_loaded`, as many rows as were already shown are reloaded."""
        self._today = self._today_provider()
        wanted = max(BATCH_SIZE, len(self._rows)) if keep_loaded else BATCH_SIZE
        self.beginResetModel()
        self._total = self._office.inspections.count(self._summary_query)
        self._rows = self._office.inspections.summaries(self._summary_query, limit=wanted, offset=0)
        self.endResetModel()

    # Lazy loading ------------------------------------------------------------------------------
    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:
        if parent.isValid():
            return
        batch = self._office.inspections.summaries(self._summary_query, limit=BATCH_SIZE, offset=len(self._rows))
        if not batch:
            self._total = len(self._rows)  # the table shrank since we counted
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(batch) - 1)
        self._rows.extend(batch)
        self.endInsertRows()

    # Lookups -----------------------------------------------------------------------------------
    def row_of(self, inspection_id: int) -> int:
        """The loaded row showing this inspection, or -1."""
        return next((n for n, s in enumerate(self._rows) if s.id == inspection_id), -1)

    def tone(self, row: InspectionSummary) -> Tone:
        return s55_tone(row, self._today)
