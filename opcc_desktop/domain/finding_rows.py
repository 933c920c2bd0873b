"""One row of the all-findings tracker, and the query that selects and orders rows. Pure data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class FindingRow:
    id: int
    inspection_id: int
    inspection_reference: str
    inspection_title: str
    inspection_type: str
    published: date | None  # None: the inspection's publication date is not known yet
    kind: str
    reference: str
    level: str
    text: str
    owner: str
    target_date: date | None
    status: str
    rag: str = ""
    revised_target_date: date | None = None
    closed_on: date | None = None
    delivery_lead: str = ""
    opcc_lead: str = ""
    revised_target_reason: str = ""
    force_response: str = ""
    pcc_response: str = ""
    closure_basis: str = ""
    closure_approved_by: str = ""
    addressees: tuple[str, ...] = ()

    @property
    def effective_target(self) -> date | None:
        """The revised target date when there is one, otherwise the original."""
        return self.revised_target_date or self.target_date

    def days_open(self, today: date) -> int:
        """Days from the report's publication until closure (or until today while open)."""
        if self.published is None:
            return 0
        return max(0, ((self.closed_on or today) - self.published).days)


@dataclass(frozen=True)
class FindingsQuery:
    """Filters combine (AND); empty means "any". `overdue_on` lists open findings past their date."""

    text: str = ""
    status: str = ""
    kind: str = ""
    owner: str = ""
    inspection_type: str = ""
    rag: str = ""
    overdue_on: date | None = None
    sort: str = "target_date"
    descending: bool = False
