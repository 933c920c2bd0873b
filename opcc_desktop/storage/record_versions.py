"""DDL of m0016_record_versions and the versions a save is checked against (optimistic concurrency).

`version` starts at 1 and goes up by one on every write of the row. The repository's own updates set
`version = version + 1`; the triggers below catch every other write (tracker edits, status changes,
soft delete, a script), so a record can never change without its version changing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

VERSIONED_TABLES = ("inspections", "findings")


UNVERSIONED_COLUMNS = ("version", "updated_at", "created_at", "deleted_at", "deleted_by")  # deleting is not editing


def _bump_trigger(db: Database, table: str) -> str:
    columns = [r[1] for r in db.execute(f"PRAGMA table_info({table})").fetchall() if r[1] not in UNVERSIONED_COLUMNS]
    changed = " OR ".join(f'OLD."{c}" IS NOT NEW."{c}"' for c in columns)
    return (f"CREATE TRIGGER {table}_version_bump AFTER UPDATE ON {table} WHEN NEW.version IS OLD.version "
            f"AND ({changed}) BEGIN UPDATE {table} SET version = OLD.version + 1 WHERE id = NEW.id; END")


def refresh_version_triggers(db: Database) -> None:
    """(Re)create the bump triggers from the tables' current columns (a migration adding columns calls it)."""
    for table in VERSIONED_TABLES:
        db.execute(f"DROP TRIGGER IF EXISTS {table}_version_bump")
        db.execute(_bump_trigger(db, table))


def apply_record_versions(db: Database) -> None:
    from .schema_audit import refresh_audit_triggers

    for table in VERSIONED_TABLES:
        db.execute(f"ALTER TABLE {table} ADD COLUMN version INTEGER NOT NULL DEFAULT 1")
    refresh_version_triggers(db)
    # Which office a JSON export came from: record versions are compared only on a round trip.
    db.execute("CREATE TABLE office_identity (id INTEGER PRIMARY KEY CHECK (id = 1), office_uid TEXT NOT NULL)")
    db.execute("INSERT INTO office_identity (id, office_uid) VALUES (1, lower(hex(randomblob(16))))")
    refresh_audit_triggers(db)  # `version` is a skipped column: the triggers are regenerated without it


def office_uid(db: Database) -> str:
    row = db.execute("SELECT office_uid FROM office_identity WHERE id = 1").fetchone()
    return str(row[0]) if row else ""


def inspection_version(db: Database, inspection_id: int) -> int | None:
    row = db.execute("SELECT version FROM inspections WHERE id = ?", [inspection_id]).fetchone()
    return None if row is None else int(row[0])


def finding_versions(db: Database, inspection_id: int) -> dict[int, int]:
    rows = db.execute("SELECT id, version FROM findings WHERE inspection_id = ?", [inspection_id]).fetchall()
    return {int(r[0]): int(r[1]) for r in rows}
