"""Business settings and editable lookups, stored in the database so that backups carry them."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: a read needs no sqlite-utils (the `letter` command's start-up)
    from sqlite_utils import Database

from ..domain.vocabulary import DEFAULT_SETTINGS


def read_settings(db: Database) -> dict[str, str]:
    """Every setting: stored values over declared defaults."""
    stored = dict(db.execute("SELECT key, value FROM settings").fetchall())
    return {**DEFAULT_SETTINGS, **stored}


def write_settings(db: Database, values: dict[str, str]) -> None:
    for key, value in values.items():
        db.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )


def lookup_values(db: Database, lookup: str) -> list[str]:
    rows = db.execute(
        "SELECT value FROM lookup_values WHERE lookup = ? ORDER BY position, id", [lookup]
    ).fetchall()
    return [r[0] for r in rows]


def add_lookup_value(db: Database, lookup: str, value: str) -> bool:
    """Append `value` to a lookup unless present; True when added."""
    next_position = db.execute(
        "SELECT ifnull(max(position), -1) + 1 FROM lookup_values WHERE lookup = ?", [lookup]
    ).fetchone()[0]
    cursor = db.execute(
        "INSERT OR IGNORE INTO lookup_values (lookup, value, position) VALUES (?, ?, ?)",
        [lookup, value, next_position],
    )
    return cursor.rowcount > 0


def replace_lookup_values(db: Database, lookup: str, values: list[str]) -> None:
    db.execute("DELETE FROM lookup_values WHERE lookup = ?", [lookup])
    for position, value in enumerate(values):
        db.execute(
            "INSERT INTO lookup_values (lookup, value, position) VALUES (?, ?, ?)", [lookup, value, position]
        )

