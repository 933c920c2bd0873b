"""SQL for the s.55 checklist (one row per inspection, absent until something is recorded)."""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from typing import Any

from sqlite_utils import Database

from ..domain.s55_workflow import S55Workflow

COLUMNS = tuple(f.name for f in fields(S55Workflow))
TEXT_COLUMNS = ("response_url", "applicability_reason")


def _to_row(workflow: S55Workflow) -> list[str | None]:
    return [value if name in TEXT_COLUMNS else (value.isoformat() if value else None)
            for name, value in ((n, getattr(workflow, n)) for n in COLUMNS)]


def _from_row(row: tuple[Any, ...]) -> S55Workflow:
    values: dict[str, Any] = {name: (value if name in TEXT_COLUMNS else (date.fromisoformat(value) if value else None))
              for name, value in zip(COLUMNS, row)}
    return S55Workflow(**values)


def read_workflow(db: Database, inspection_id: int) -> S55Workflow:
    row = db.execute(f"SELECT {', '.join(COLUMNS)} FROM s55_workflow WHERE inspection_id = ?", [inspection_id]).fetchone()
    return _from_row(row) if row else S55Workflow()


def write_workflow(db: Database, inspection_id: int, workflow: S55Workflow) -> None:
    if workflow.is_empty():
        db.execute("DELETE FROM s55_workflow WHERE inspection_id = ?", [inspection_id])
        return
    placeholders = ", ".join("?" for _ in COLUMNS)
    updates = ", ".join(f"{c} = excluded.{c}" for c in COLUMNS)
    db.execute(
        f"INSERT INTO s55_workflow (inspection_id, {', '.join(COLUMNS)}) VALUES (?, {placeholders}) "
        f"ON CONFLICT (inspection_id) DO UPDATE SET {updates}",
        [inspection_id, *_to_row(workflow)],
    )


def all_workflows(db: Database) -> dict[int, S55Workflow]:
    rows = db.execute(f"SELECT inspection_id, {', '.join(COLUMNS)} FROM s55_workflow").fetchall()
    return {row[0]: _from_row(row[1:]) for row in rows}


def open_cc_reply_dates(db: Database, until: date | None = None) -> list[tuple[int, str, str, str]]:
    """(inspection id, reference, title, reply due) where the chief constable's comments are awaited."""
    return db.execute(
        "SELECT i.id, ifnull(i.reference, ''), i.title, w.cc_reply_due FROM s55_workflow w "
        "JOIN live_inspections i ON i.id = w.inspection_id WHERE w.cc_reply_due IS NOT NULL "
        "AND w.cc_comments_received_on IS NULL AND i.response_published IS NULL AND w.cc_reply_due <= ? "
        "ORDER BY w.cc_reply_due",
        [until.isoformat() if until else "9999-12-31"],
    ).fetchall()
