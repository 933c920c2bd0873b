"""SQL of the audit trail (migration m0013): who is writing, per-row auditing on/off, reading lines."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from .audit_session import state_of

if TYPE_CHECKING:
    from sqlite_utils import Database

_COLUMNS = "id, at, who, table_name, row_id, action, changes, inspection_id"


def set_actor(db: Database | sqlite3.Connection, name: str) -> None:
    """Who this connection writes for from now on (the connection's own, never shared; no write)."""
    state = state_of(db)
    if state is not None:
        state.actor = name


@contextmanager
def row_auditing_paused(db: Database | sqlite3.Connection) -> Iterator[None]:
    """Inside the caller's transaction: a bulk import writes one summary line instead of one per row.
    On this connection only, and switched back on however the block ends."""
    state = state_of(db)
    if state is None:
        yield
        return
    state.row_audit = False
    try:
        yield
    finally:
        state.row_audit = True


def add_line(db: Database | sqlite3.Connection, table: str, row_id: int | None, action: str, changes_json: str,
             inspection_id: int | None = None) -> None:
    db.execute("INSERT INTO audit_log (who, table_name, row_id, action, changes, inspection_id) "
               "VALUES (opcc_actor(), ?, ?, ?, ?, ?)",
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
