"""Open s.55 deadlines for the dashboard: what, which report, last day and how long is left."""

from __future__ import annotations

from datetime import date

from ...domain.dates import format_uk
from ...services.deadlines import S55_RESPONSE, DueItem
from ..common.table_base import ColumnSpec, RowTableModel, Tone

SOON_DAYS = 7
WHAT_LABELS = {S55_RESPONSE: "s.55 response"}


UNKNOWN_DEADLINE = "unknown — enter the publication date"


def days_left_text(item: DueItem) -> str:
    if item.due is None:
        return UNKNOWN_DEADLINE
    if item.overdue:
        n = -item.days_left
        return f"{n} day{'s' if n != 1 else ''} overdue"
    if item.days_left == 0:
        return "Last day today"
    return f"{item.days_left} day{'s' if item.days_left != 1 else ''} left"


def _title(item: DueItem) -> str:
    return f"{item.title} (s.55 applicability unclear)" if item.s55_applies == "unclear" else item.title


COLUMNS: tuple[ColumnSpec[DueItem], ...] = (
    ColumnSpec("What", lambda d: WHAT_LABELS.get(d.what, d.what)),
    ColumnSpec("Ref", lambda d: d.inspection),
    ColumnSpec("Title", _title, sort_value=lambda d: d.title.casefold()),
    ColumnSpec("Last day", lambda d: format_uk(d.due) if d.due else "unknown",
               sort_value=lambda d: (d.due is not None, d.due or date.min, d.inspection_id)),
    ColumnSpec("Days left / overdue", days_left_text,
               sort_value=lambda d: (d.due is not None, d.days_left, d.inspection_id)),
)
LAST_DAY_COLUMN = 3


class DueTableModel(RowTableModel[DueItem]):
    """In-memory (a handful of rows), so sorting here is a plain Python sort."""

    def __init__(self, parent=None):
        super().__init__(COLUMNS, parent)

    def tone(self, row: DueItem) -> Tone:
        if row.overdue or row.due is None:
            return Tone.OVERDUE if row.overdue else Tone.SOON
        return Tone.SOON if row.days_left <= SOON_DAYS else Tone.NORMAL
