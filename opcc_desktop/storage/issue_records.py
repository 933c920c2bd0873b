"""SQL for what issuing a document records: the s.55 checklist's copy steps and the response-published date."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: a read needs no sqlite-utils (the `letter` command's start-up)
    from sqlite_utils import Database

_COPY_STEPS = ("copy_home_secretary_on", "copy_hmicfrs_on")


def record_copy_step(db: Database, inspection_id: int, step: str, on: date) -> bool:
    """Set a checklist copy step when it is still empty; True when it was set now."""
    if step not in _COPY_STEPS:
        raise ValueError(step)
    db.execute("INSERT INTO s55_workflow (inspection_id) VALUES (?) ON CONFLICT (inspection_id) DO NOTHING",
               [inspection_id])
    cursor = db.execute(f"UPDATE s55_workflow SET {step} = ? WHERE inspection_id = ? AND {step} IS NULL",
                        [on.isoformat(), inspection_id])
    return cursor.rowcount > 0


def set_response_published(db: Database, inspection_id: int, on: date) -> None:
    db.execute("UPDATE inspections SET response_published = ? WHERE id = ?", [on.isoformat(), inspection_id])
