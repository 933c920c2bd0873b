"""SQL of migration m0022: the one-row mark that says a file is the demonstration office, and what an
office file already holds (so the demonstration is never loaded over a real office)."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: a read needs no sqlite-utils (the `letter` command's start-up)
    from sqlite_utils import Database

from ..domain.vocabulary import DEFAULT_SETTINGS

OFFICE_MARK_STATEMENTS = (
    "CREATE TABLE office_mark (id INTEGER PRIMARY KEY CHECK (id = 1), demonstration INTEGER NOT NULL DEFAULT 0)",
    "INSERT INTO office_mark (id, demonstration) VALUES (1, 0)",
)


def is_demonstration(conn: sqlite3.Connection | Database) -> bool:
    """A plain sqlite3 connection (the window's title reads it before sqlite-utils is loaded) or a Database."""
    conn = getattr(conn, "conn", conn)
    try:
        row = conn.execute("SELECT demonstration FROM office_mark WHERE id = 1").fetchone()
    except sqlite3.OperationalError:  # a file from before m0022
        return False
    return bool(row and row[0])


def mark_demonstration(db: Database) -> None:
    db.execute("INSERT INTO office_mark (id, demonstration) VALUES (1, 1) "
               "ON CONFLICT (id) DO UPDATE SET demonstration = 1")


def office_contents(db: Database) -> dict[str, int]:
    """How many inspections (deleted ones too), signatories, boards and changed settings the file holds."""
    counts = {
        "inspections": db.execute("SELECT count(*) FROM inspections").fetchone()[0],
        "signatories": db.execute("SELECT count(*) FROM signatories").fetchone()[0],
        "boards": db.execute("SELECT count(*) FROM boards").fetchone()[0],
    }
    stored = db.execute("SELECT key, value FROM settings").fetchall()
    counts["settings"] = sum(1 for key, value in stored if value.strip() and value != DEFAULT_SETTINGS.get(key, ""))
    return counts
