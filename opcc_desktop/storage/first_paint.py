"""The queries the window's first paint needs (open s.55 responses, is the office empty), kept in a
module that imports nothing heavy: the dashboard paints before the rest of storage is loaded."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite3

    from sqlite_utils import Database


def open_s55_rows(db: Database | sqlite3.Connection) -> list[tuple[int, str, str, str, str]]:
    """(id, reference, title, published, s55_applies) for every inspection still owing an s.55 response."""
    return db.execute(
        "SELECT id, ifnull(reference, ''), title, published, s55_applies FROM live_inspections "
        "WHERE s55_applies != 'no' AND response_published IS NULL ORDER BY published, id"
    ).fetchall()


def count_live_inspections(db: Database | sqlite3.Connection) -> int:
    return int(db.execute("SELECT count(*) FROM live_inspections").fetchone()[0])
