"""The quarterly "HMICFRS progress" summary for a board paper: counts by status, RAG and kind,
overdue items, items open longer than N months (with or without a target date), per inspection.

Pure: built from `FindingRow`s with `today` as a parameter. "Open" means not closed, not "not for
local action" and not "not accepted"; overdue uses the revised target date when there is one.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date


from .dates import shift
from .finding_rows import FindingRow

# The same prefixes as storage.reminders.CLOSED_STATUS_PREFIXES (a test keeps the two equal).
NOT_OPEN_PREFIXES = ("closed", "not for local action", "not accepted")
MAX_MONTHS = 240  # "open longer than" at most 20 years back (further would leave the calendar)
QUARTER_NAMES = ("January to March", "April to June", "July to September", "October to December")


def is_open(row: FindingRow) -> bool:
    return not row.status.strip().casefold().startswith(NOT_OPEN_PREFIXES)


@dataclass(frozen=True)
class Quarter:
    start: date
    end: date

    @property
    def financial_label(self) -> str:
        """"Q3 2026–27": UK financial years run April to March, so January to March is Q4 of the year before."""
        number = (self.start.month - 4) % 12 // 3 + 1
        first_year = self.start.year if self.start.month >= 4 else self.start.year - 1
        return f"Q{number} {first_year}–{str(first_year + 1)[-2:]}"

    @property
    def months_label(self) -> str:
        """"October to December 2026"."""
        return f"{QUARTER_NAMES[(self.start.month - 1) // 3]} {self.start.year}"

    @property
    def label(self) -> str:
        """"Q3 2026–27 (October to December 2026)"."""
        return f"{self.financial_label} ({self.months_label})"

    def contains(self, day: date | None) -> bool:
        return day is not None and self.start <= day <= self.end


def quarter_of(day: date) -> Quarter:
    start = date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    return Quarter(start, shift(start, months=3, days=-1))


def previous_quarter(day: date) -> Quarter:
    """The last complete quarter before `day` (the one a board paper usually reports on)."""
    return quarter_of(shift(quarter_of(day).start, days=-1))


def recent_quarters(today: date, count: int = 5) -> list[Quarter]:
    """Newest first: the quarter in progress, the last complete one, then `count - 2` earlier ones."""
    return [quarter_of(shift(quarter_of(today).start, months=-3 * n)) for n in range(count)]


@dataclass(frozen=True)
class InspectionLine:
    reference: str
    title: str
    published: date | None
    open: int
    closed: int
    overdue: int


@dataclass(frozen=True)
class ProgressSummary:
    today: date
    quarter: Quarter
    months: int
    total: int
    open_count: int
    by_status: list[tuple[str, int]]
    by_rag: list[tuple[str, int]]
    by_kind: list[tuple[str, int]]
    opened_in_quarter: int
    closed_in_quarter: int
    overdue: list[tuple[FindingRow, int]]  # (row, days overdue), most overdue first
    long_open: list[FindingRow]  # open for more than `months`, oldest first
    inspections: list[InspectionLine]  # those with an open or overdue finding, most overdue first
    inspections_all_closed: int = 0  # inspections left out of `inspections`: every finding closed

    @classmethod
    def build(cls, rows: list[FindingRow], today: date, months: int = 6, quarter: Quarter | None = None,
              status_order: list[str] | None = None, rag_order: list[str] | None = None) -> ProgressSummary:
        return summarise(rows, today, months=months, quarter=quarter, status_order=status_order,
                         rag_order=rag_order)

    @property
    def not_open_count(self) -> int:
        return self.total - self.open_count

    @property
    def long_open_without_target(self) -> int:
        return sum(1 for row in self.long_open if row.effective_target is None)


def _ordered(counts: Counter[str], order: list[str]) -> list[tuple[str, int]]:
    known = [(value, counts[value]) for value in order if counts.get(value)]
    rest = sorted((value, n) for value, n in counts.items() if value not in order)
    return known + rest


def summarise(rows: list[FindingRow], today: date, *, months: int = 6, quarter: Quarter | None = None,
              status_order: list[str] | None = None, rag_order: list[str] | None = None) -> ProgressSummary:
    if not 1 <= months <= MAX_MONTHS:
        raise ValueError(f"months must be between 1 and {MAX_MONTHS}, not {months}")
    quarter = quarter or previous_quarter(today)
    open_rows = [r for r in rows if is_open(r)]
    cutoff = shift(today, months=-months)
    overdue = sorted(((r, (today - r.effective_target).days) for r in open_rows
                      if r.effective_target is not None and r.effective_target < today),
                     key=lambda pair: (-pair[1], pair[0].inspection_reference, pair[0].reference))
    long_open = sorted((r for r in open_rows if r.published is not None and r.published < cutoff),
                       key=lambda r: (r.published or cutoff, r.reference))
    per_inspection: dict[int, list[FindingRow]] = {}
    for row in rows:
        per_inspection.setdefault(row.inspection_id, []).append(row)
    overdue_ids = {r.id for r, _days in overdue}
    lines = [InspectionLine(group[0].inspection_reference, group[0].inspection_title, group[0].published,
                            sum(1 for r in group if is_open(r)), sum(1 for r in group if not is_open(r)),
                            sum(1 for r in group if r.id in overdue_ids))
             for group in per_inspection.values()]
    lines.sort(key=lambda line: (-line.overdue, -line.open, line.published or today))
    rag = Counter((r.rag or "Not rated") for r in open_rows)
    return ProgressSummary(
        today=today, quarter=quarter, months=months, total=len(rows), open_count=len(open_rows),
        by_status=_ordered(Counter(r.status for r in rows), status_order or []),
        by_rag=_ordered(rag, [*(rag_order or []), "Not rated"]),
        by_kind=_ordered(Counter(r.kind for r in rows), []),
        opened_in_quarter=sum(1 for r in rows if r.published is not None and quarter.contains(r.published)),
        closed_in_quarter=sum(1 for r in rows if quarter.contains(r.closed_on) and not is_open(r)),
        overdue=overdue, long_open=long_open, inspections=[line for line in lines if line.open or line.overdue],
        inspections_all_closed=sum(1 for line in lines if not (line.open or line.overdue)),
    )
