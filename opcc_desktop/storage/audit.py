"""SQL of the audit trail (migration m0013): who is writing, per-row auditing on/off, reading lines."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlite3

    from sqlite_utils import Database

_COLUMNS = "id, at, who, table_name, row_id, action, changes, inspection_id"


def set_actor(db: Database | sqlite3.Connection, name: str) -> None:
    """Record who writes from now on; reads first, so an unchanged name takes no write lock."""
    current = db.execute("SELECT name FROM audit_actor WHERE id = 1").fetchone()
    if current is None or current[0] != name:
        db.execute("UPDATE audit_actor SET name = ? WHERE id = 1 AND name IS NOT ?", [name, name])


def set_row_auditing(db: Database, enabled: bool) -> None:
    """Inside the caller's transaction: a bulk import writes one summary line instead of one per row."""
    db.execute("UPDATE audit_actor SET enabled = ? WHERE id = 1", [1 if enabled else 0])


def add_line(db: Database, table: str, row_id: int | None, action: str, changes_json: str,
             inspection_id: int | None = None) -> None:
    db.execute("INSERT INTO audit_log (who, table_name, row_id, action, changes, inspection_id) "
               "VALUES ((SELECT name FROM audit_actor), ?, ?, ?, ?, ?)",
               [table, row_id, action, changes_json, inspection_id])


def lines_for_inspection(db: Database, inspection_id: int, limit: int = 2000) -> list[tuple[Any, ...]]:
    """Every line about the inspection or anything belonging to it, newest first."""
    return db.execute(f"SELECT {_COLUMNS} FROM audit_log WHERE inspection_id = ? ORDER BY id DESC LIMIT ?",
                      [inspection_id, limit]).fetchall()


def lines_for_row(db: Database, table: str, row_id: int, limit: int = 2000) -> list[tuple[Any, ...]]:
    return db.execute(f"SELECT {_COLUMNS} FROM audit_log WHERE table_name = ? AND row_id = ? ORDER BY id DESC "
                      "LIMIT ?", [table, row_id, limit]).fetchall()


def recent_lines(db: Database, limit: int = 500) -> list[tuple[Any, ...]]:
    return db.execute(f"SELECT {_COLUMNS} FROM audit_log ORDER BY id DESC LIMIT ?", [limit]).fetchall()
