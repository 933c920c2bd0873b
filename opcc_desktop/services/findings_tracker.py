"""Findings lifecycle use cases: one finding, its history, and status changes.

History is read through `history_sources`: the tracker's own `finding_history` table is the first
source, and other modules (e.g. boards recording a closure approval at a meeting) may append a
callable `finding_id -> list[HistoryEntry]`; `history()` merges them in date order.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlite_utils import Database

from ..domain.models import FieldError, Finding
from ..domain.tracker import RAG_LOOKUP, HistoryEntry, StatusChange, apply_status_change, validate_status_change
from ..domain.vocabulary import FINDING_STATUS_LOOKUP
from ..errors import NotFoundError, ValidationError
from ..storage import finding_history as history_store
from ..storage import settings as settings_store
from ..storage.mapping import date_to_text, row_to_finding
from .changes import Changes

if TYPE_CHECKING:
    from .boards import BoardService

HistorySource = Callable[[int], list[HistoryEntry]]


class FindingTrackerService:
    def __init__(self, db: Database):
        self.db = db
        self.history_sources: list[HistorySource] = [lambda finding_id: history_store.history_for(db, finding_id)]

    # Reads -------------------------------------------------------------------------------------
    def get(self, finding_id: int) -> Finding:
        row = history_store.get_finding_row(self.db, finding_id)
        if row is None:
            raise NotFoundError(f"Finding {finding_id} no longer exists.")
        return row_to_finding(row)

    def history(self, finding_id: int) -> list[HistoryEntry]:
        """Every source's entries, oldest first (stable within a day)."""
        entries = [entry for source in self.history_sources for entry in source(finding_id)]
        return sorted(entries, key=lambda e: e.changed_on)

    def rag_values(self) -> list[str]:
        return settings_store.lookup_values(self.db, RAG_LOOKUP)

    # Writes ------------------------------------------------------------------------------------
    def validate_change(self, finding_id: int, change: StatusChange) -> list[FieldError]:
        return validate_status_change(self.get(finding_id), change)

    def change_status(self, finding_id: int, change: StatusChange) -> Changes:
        """Write the new status (and closure fields) and append the history line, in one transaction."""
        with self.db.atomic():  # read and write under one write lock: another process cannot change it between
            current = self.get(finding_id)
            errors = validate_status_change(current, change)
            if errors:
                raise ValidationError(errors)
            updated, entry = apply_status_change(current, change)
            history_store.update_finding_lifecycle(self.db, finding_id, {
                "status": updated.status, "rag": updated.rag, "closure_basis": updated.closure_basis,
                "closure_approved_by": updated.closure_approved_by, "closed_on": date_to_text(updated.closed_on),
                "superseded_by": updated.superseded_by,
            })
            history_store.append_history(self.db, finding_id, entry)
            lookups = settings_store.add_lookup_value(self.db, FINDING_STATUS_LOOKUP, updated.status)
            if updated.rag:
                lookups = settings_store.add_lookup_value(self.db, RAG_LOOKUP, updated.rag) or lookups
        touched = frozenset() if current.inspection_id is None else frozenset({current.inspection_id})
        return Changes(inspections=touched, lookups=lookups)


def board_approvals_as_history(boards: BoardService) -> HistorySource:
    """A history source: each board meeting that approved the finding's closure, as a dated line."""
    def entries(finding_id: int) -> list[HistoryEntry]:
        return [HistoryEntry(changed_on=a.approved_on, new_status="", narrative=a.text, source="board meeting",
                             author=a.board_name, finding_id=finding_id)
                for a in boards.closure_approvals_for_finding(finding_id)]
    return entries
