"""The all-findings tracker: count and pages of findings across every inspection, for the window."""

from __future__ import annotations

from sqlite_utils import Database

from ..domain.finding_rows import FindingRow, FindingsQuery
from ..storage import findings_list as store


class FindingsListService:
    def __init__(self, db: Database):
        self.db = db

    def count(self, query: FindingsQuery = FindingsQuery()) -> int:
        return store.count_findings(self.db, query)

    def rows(self, query: FindingsQuery = FindingsQuery(), *, limit: int = -1, offset: int = 0) -> list[FindingRow]:
        return store.query_findings(self.db, query, limit=limit, offset=offset)

    def count_and_first_page(self, query: FindingsQuery, limit: int) -> tuple[int, list[FindingRow]]:
        return store.count_and_first_page(self.db, query, limit)
