"""Search everything: inspections (reference, title, type, key findings, comments) and findings
(kind, reference, level, text, responses, owner), through SQLite FTS5."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from ..storage import search as store


@dataclass(frozen=True)
class SearchHit:
    kind: str  # "inspection", "finding" or "update" (a line of a finding's history; record_id is the finding)
    record_id: int
    inspection_id: int
    inspection_reference: str
    inspection_title: str
    label: str  # the finding's "kind reference level", or the inspection's reference, title and type
    snippet: str  # matched words between « and »

    @property
    def where(self) -> str:
        report = self.inspection_reference or self.inspection_title
        if self.kind == "finding":
            return f"{report} / {' '.join(self.label.split())}"
        if self.kind == "update":
            return f"{report} / finding update ({' '.join(self.label.split())})"
        return report


def search(db: Database, text: str, limit: int = 200) -> list[SearchHit]:
    return [SearchHit(*row) for row in store.search(db, text, limit)]
