"""All findings across inspections, fetched lazily in pages; SQLite filters and sorts.

With `background=True` (the Findings page) a query with words to search is answered on a worker
with its own connection: a common word across ten years of records takes longer than a frame
(~130 ms at ten times a usual office), and the window must not freeze while the user types. Until
the answer arrives the previous rows stay and `is_loading()` is true; an answer to an older query is
dropped. Queries without words read an index and are answered at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

import logging

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal

from ...domain.dates import format_uk
from ...domain.finding_rows import FindingRow, FindingsQuery
from ...domain.vocabulary import KIND_LABELS
from ...services.office import Office
from ..common.progress_task import run_on_own_connection
from ..common.workers import run_in_background
from ..common.table_base import ALIGN_RIGHT, ColumnSpec, RowTableModel, Tone

log = logging.getLogger(__name__)

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
    loaded = Signal()  # the answer to the current query arrived (rows and total are up to date)

    def __init__(self, office: Office, today_provider: Callable[[], date] = date.today, parent=None, *,
                 background: bool = False):
        self._office = office
        self._today_provider = today_provider
        self._today = today_provider()
        self._query = FindingsQuery()
        self._total = 0
        self._background = background
        self._asked = 0  # which request the rows answer; a newer one makes older answers stale
        self._loading = False
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
        sort_key = self.columns[column].sort_key if 0 <= column < len(self.columns) else None
        if sort_key is None:
            return
        descending = Qt.SortOrder(order) == Qt.SortOrder.DescendingOrder
        self.set_query(replace(self._query, sort=sort_key, descending=descending))

    def is_loading(self) -> bool:
        return self._loading

    def _on_worker(self) -> bool:
        return self._background and bool(self._query.text.strip())

    def refresh(self, *, keep_loaded: bool = True) -> None:
        self._today = self._today_provider()
        wanted = max(BATCH_SIZE, len(self._rows)) if keep_loaded else BATCH_SIZE
        self._asked += 1
        asked, query = self._asked, self._query
        if not self._on_worker():
            self._show_first_page(asked, self._office.findings.count_and_first_page(query, wanted))
            return
        self._loading = True
        self._ask_worker(lambda office: office.findings.count_and_first_page(query, wanted),
                         lambda answer: self._show_first_page(asked, answer), asked)

    def _ask_worker(self, work, deliver, asked: int) -> None:
        def failed(error: BaseException) -> None:
            log.warning("Findings not loaded: %s", error)
            if asked == self._asked:
                self._loading = False
                self.loaded.emit()

        run_in_background(run_on_own_connection(self._office.path, work),
                          lambda answer: None if self._office.closed else deliver(answer), failed)

    def _show_first_page(self, asked: int, answer: tuple[int, list[FindingRow]]) -> None:
        if asked != self._asked:
            return  # the user has asked something else since
        self._loading = False
        self.beginResetModel()
        self._total, self._rows = answer[0], list(answer[1])
        self.endResetModel()
        self.loaded.emit()

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:
        return not parent.isValid() and not self._loading and len(self._rows) < self._total

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:
        if parent.isValid() or self._loading:
            return
        asked, query, offset = self._asked, self._query, len(self._rows)
        if not self._on_worker():
            self._append(asked, offset, self._office.findings.rows(query, limit=BATCH_SIZE, offset=offset))
            return
        self._loading = True
        self._ask_worker(lambda office: office.findings.rows(query, limit=BATCH_SIZE, offset=offset),
                         lambda batch: self._append(asked, offset, batch), asked)

    def _append(self, asked: int, offset: int, batch: list[FindingRow]) -> None:
        if asked != self._asked or offset != len(self._rows):
            return
        self._loading = False
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
