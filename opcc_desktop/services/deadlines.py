"""What is due: s.55 responses overdue or due within a window, seen from a given `today`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ..domain.deadlines import s55_state
from ..storage.first_paint import open_s55_rows

if TYPE_CHECKING:
    from sqlite_utils import Database

    from ..storage.database import Connection

S55_RESPONSE = "s55 response"


@dataclass(frozen=True)
class DueItem:
    what: str
    inspection_id: int
    inspection: str  # HMICFRS reference ("" when the report has none)
    title: str
    published: date | None  # None: the publication date is not known yet (nor, so, the s.55 deadline)
    due: date | None
    days_left: int
    overdue: bool
    s55_applies: str

    def as_json(self) -> dict[str, object]:
        return {
            "what": self.what,
            "inspection": self.inspection,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "due": self.due.isoformat() if self.due else None,
            "days_left": self.days_left,
            "overdue": self.overdue,
            "s55_applies": self.s55_applies,
        }


def due_items(db: Database | Connection, today: date, within_days: int | None = 28, *,
              include_unknown: bool = False) -> list[DueItem]:
    """Open s.55 responses that are overdue or whose last day falls within `within_days` of `today`.

    `within_days=None` lists every open response. `include_unknown`: also those whose publication date is
    not known yet (their deadline is unknown; listed first, `due` None) — the dashboard shows them.
    """
    items: list[DueItem] = []
    for inspection_id, reference, title, published_text, applies in open_s55_rows(db):
        if not published_text:
            if include_unknown:
                items.append(DueItem(S55_RESPONSE, inspection_id, reference, title, None, None, 0, False, applies))
            continue
        published = date.fromisoformat(published_text)
        state = s55_state(published, today)
        if within_days is not None and not state.overdue and state.days_left > within_days:
            continue
        items.append(
            DueItem(S55_RESPONSE, inspection_id, reference, title, published, state.last_day,
                    state.days_left, state.overdue, applies)
        )
    items.sort(key=lambda item: (item.due is not None, item.due or today, item.inspection_id))
    return items
