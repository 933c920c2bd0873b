"""The append-only `finding_history` table (insert and read, never UPDATE or DELETE), and the one
finding read/update the lifecycle service needs."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlite_utils import Database

from ..domain.tracker import HistoryEntry
from .mapping import inserted_id

_COLUMNS = "id, finding_id, changed_on, author, on_behalf_of, old_status, new_status, narrative, source"


def _entry(row: tuple[Any, ...]) -> HistoryEntry:
    return HistoryEntry(
        id=row[0], finding_id=row[1], changed_on=date.fromisoformat(row[2]), author=row[3], on_behalf_of=row[4],
        old_status=row[5], new_status=row[6], narrative=row[7], source=row[8],
    )


def append_history(db: Database, finding_id: int, entry: HistoryEntry) -> int:
    cursor = db.execute(
        "INSERT INTO finding_history (finding_id, changed_on, author, on_behalf_of, old_status, new_status, "
        "narrative, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [finding_id, entry.changed_on.isoformat(), entry.author, entry.on_behalf_of, entry.old_status,
         entry.new_status, entry.narrative, entry.source],
    )
    return inserted_id(cursor)


def append_histories(db: Database, entries: list[tuple[int, HistoryEntry]]) -> None:
    """Many lines in one statement (an import)."""
    db.conn.executemany(
        "INSERT INTO finding_history (finding_id, changed_on, author, on_behalf_of, old_status, new_status, "
        "narrative, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(finding_id, e.changed_on.isoformat(), e.author, e.on_behalf_of, e.old_status, e.new_status, e.narrative,
          e.source) for finding_id, e in entries],
    )


def history_for(db: Database, finding_id: int) -> list[HistoryEntry]:
    rows = db.execute(
        f"SELECT {_COLUMNS} FROM finding_history WHERE finding_id = ? ORDER BY changed_on, id", [finding_id]
    ).fetchall()
    return [_entry(r) for r in rows]


def history_by_finding(db: Database, finding_ids: Iterable[int]) -> dict[int, list[HistoryEntry]]:
    ids = list(finding_ids)
    found: dict[int, list[HistoryEntry]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ", ".join("?" for _ in chunk)
        rows = db.execute(
            f"SELECT {_COLUMNS} FROM finding_history WHERE finding_id IN ({marks}) ORDER BY changed_on, id", chunk
        ).fetchall()
        for row in rows:
            found.setdefault(row[1], []).append(_entry(row))
    return found


def finding_ids_in_order(db: Database, inspection_id: int) -> list[int]:
    return [r[0] for r in db.execute(
        "SELECT id FROM findings WHERE inspection_id = ? ORDER BY position, id", [inspection_id]).fetchall()]


def statuses_of(db: Database, inspection_id: int) -> dict[int, str]:
    return dict(db.execute("SELECT id, status FROM findings WHERE inspection_id = ?", [inspection_id]).fetchall())


def record_edited_statuses(db: Database, before: dict[int, str], inspection_id: int, source: str,
                           author: str = "") -> int:
    """After the inspection editor saved: one history line per finding whose status it changed,
    dated today by the database. Returns how many lines were written."""
    written = 0
    for finding_id, status in statuses_of(db, inspection_id).items():
        old = before.get(finding_id)
        if old is not None and old != status:
            db.execute(
                "INSERT INTO finding_history (finding_id, changed_on, author, old_status, new_status, narrative, source) "
                "VALUES (?, date('now', 'localtime'), ?, ?, ?, ?, ?)",
                [finding_id, author, old, status, f"Status changed in the {source}." if source == "inspection editor"
                 else f"Status changed by {source}.", source],
            )
            written += 1
    return written


def get_finding_row(db: Database, finding_id: int) -> dict[str, Any] | None:
    cursor = db.execute("SELECT * FROM findings WHERE id = ?", [finding_id])
    row = cursor.fetchone()
    return dict(zip([d[0] for d in cursor.description], row)) if row else None


def update_finding_lifecycle(db: Database, finding_id: int, values: dict[str, Any]) -> None:
    sets = ", ".join(f"{k} = ?" for k in values)
    db.execute(f"UPDATE findings SET {sets}, updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now') WHERE id = ?",
               [*values.values(), finding_id])


def stamp_closed_on(db: Database, inspection_id: int) -> None:
    """Closed findings without a closing date get today's; findings moved back to an open status lose it."""
    db.execute("UPDATE findings SET closed_on = date('now', 'localtime') WHERE inspection_id = ? "
               "AND lower(status) LIKE 'closed%' AND closed_on IS NULL", [inspection_id])
    db.execute("UPDATE findings SET closed_on = NULL WHERE inspection_id = ? "
               "AND lower(status) NOT LIKE 'closed%' AND closed_on IS NOT NULL", [inspection_id])
