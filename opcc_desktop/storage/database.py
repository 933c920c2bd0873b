"""Open the SQLite file safely: check it is ours, refuse newer schemas, apply migrations, set pragmas."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from ..database_location import refuse_unsafe_location
from ..errors import DatabaseFileError, NewerSchemaError
from .migrations import MIGRATION_SET, known_migration_names, migrations

SQLITE_HEADER = b"SQLite format 3\x00"


def _check_is_sqlite(path: Path) -> None:
    if not path.exists() or path.stat().st_size == 0:
        return
    if path.is_dir():
        raise DatabaseFileError(f"{path} is a folder, not a database file.")
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise DatabaseFileError(f"{path} is not an OPCC Desktop database (it is not an SQLite file). It was left untouched.")


def _connect(path: Path | str) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), timeout=10)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 10000")
    return conn


def applied_migration_names(db: Database) -> list[str]:
    if not db["_sqlite_migrations"].exists():
        return []
    rows = db.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid", [MIGRATION_SET]
    ).fetchall()
    return [row[0] for row in rows]


def _check_schema_not_newer(db: Database, path: Path | str) -> None:
    applied = applied_migration_names(db)
    unknown = [name for name in applied if name not in known_migration_names()]
    if unknown:
        raise NewerSchemaError(
            f"{path} was written by a newer version of OPCC Desktop (schema {', '.join(unknown)}). "
            "Install the newer version to open it; the file was left untouched."
        )
    if not applied:
        user_tables = [t for t in db.table_names() if not t.startswith("sqlite_")]
        if user_tables:
            raise DatabaseFileError(
                f"{path} is an SQLite file but not an OPCC Desktop database. It was left untouched."
            )


def _backup_before_migrating(path: Path) -> Path:
    from datetime import datetime

    from ..paths import backup_dir
    from .backup import copy_database

    return copy_database(path, backup_dir() / f"before-migration-{datetime.now():%Y%m%d-%H%M%S}.sqlite3")


def open_database(path: Path | str, *, create: bool = True) -> Database:
    """Open (creating if allowed) and migrate the database at `path`. Raises DatabaseFileError."""
    path = Path(path)
    refuse_unsafe_location(path)  # never on a network share or in OneDrive (see database_location.py)
    if not create and not path.exists():
        raise DatabaseFileError(f"There is no database at {path}.")
    _check_is_sqlite(path)
    if create:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = _connect(path)
        db = Database(conn, execute_plugins=False)
        _check_schema_not_newer(db, path)
        if migrations.pending(db):
            if applied_migration_names(db):  # an existing office: keep a copy before upgrading it
                _backup_before_migrating(path)
            migrations.apply(db)
            db.execute(f"PRAGMA user_version = {len(applied_migration_names(db))}")
        conn.execute("PRAGMA journal_mode = WAL")
    except sqlite3.DatabaseError as exc:
        raise DatabaseFileError(f"{path} cannot be opened: {exc}. It was left untouched.") from exc
    return db


@dataclass(frozen=True)
class DatabaseHealth:
    integrity: str
    schema_version: int
    migrations: tuple[str, ...]
    pending: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return self.integrity == "ok" and not self.pending


def check_database(db: Database) -> DatabaseHealth:
    """`PRAGMA integrity_check` plus the schema version and applied migrations."""
    results = [row[0] for row in db.execute("PRAGMA integrity_check").fetchall()]
    fk_problems = db.execute("PRAGMA foreign_key_check").fetchall()
    integrity = "ok" if results == ["ok"] and not fk_problems else "; ".join(results + [f"foreign key: {r}" for r in fk_problems])
    applied = applied_migration_names(db)
    pending = [m.name for m in migrations.pending(db)]
    return DatabaseHealth(integrity, len(applied), tuple(applied), tuple(pending))
