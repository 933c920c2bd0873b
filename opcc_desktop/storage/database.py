"""Open the SQLite file safely: check it is ours, refuse newer schemas, apply migrations, set pragmas."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from typing import TYPE_CHECKING

from ..database_location import refuse_unsafe_location
from ..errors import DatabaseFileError, NewerSchemaError
from .migration_names import MIGRATION_NAMES, MIGRATION_SET

if TYPE_CHECKING:  # sqlite-utils is imported only when a migration is pending or a service needs it
    from sqlite_utils import Database

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


def applied_migration_names(db: Database | sqlite3.Connection) -> list[str]:
    if not db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlite_migrations'").fetchone():
        return []
    rows = db.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid", [MIGRATION_SET]
    ).fetchall()
    return [row[0] for row in rows]


def _check_schema_not_newer(conn: sqlite3.Connection, path: Path | str, applied: list[str]) -> None:
    unknown = [name for name in applied if name not in MIGRATION_NAMES]
    if unknown:
        raise NewerSchemaError(
            f"{path} was written by a newer version of OPCC Desktop (schema {', '.join(unknown)}). "
            "Install the newer version to open it; the file was left untouched."
        )
    if not applied:
        user_tables = conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite!_%' ESCAPE '!'"
        ).fetchone()[0]
        if user_tables:
            raise DatabaseFileError(
                f"{path} is an SQLite file but not an OPCC Desktop database. It was left untouched."
            )


def pending_migration_names(applied: list[str]) -> list[str]:
    return [name for name in MIGRATION_NAMES if name not in applied]


def _backup_before_migrating(path: Path) -> Path:
    from datetime import datetime

    from ..paths import backup_dir
    from .backup import copy_database

    return copy_database(path, backup_dir() / f"before-migration-{datetime.now():%Y%m%d-%H%M%S}.sqlite3")


def _migrate(conn: sqlite3.Connection, path: Path, applied: list[str]) -> None:
    from sqlite_utils import Database

    from .migrations import migrations

    if applied:  # an existing office: keep a copy before upgrading it
        _backup_before_migrating(path)
    db = Database(conn, execute_plugins=False)
    migrations.apply(db)
    db.execute(f"PRAGMA user_version = {len(applied_migration_names(db))}")


def open_connection(path: Path | str, *, create: bool = True) -> sqlite3.Connection:
    """Open (creating if allowed) and migrate the database at `path`: a plain sqlite3 connection.

    An up-to-date file is opened without importing sqlite-utils (the window's cold start). Raises
    DatabaseFileError with a plain message."""
    path = Path(path)
    refuse_unsafe_location(path)  # never on a network share or in OneDrive (see database_location.py)
    if not create and not path.exists():
        raise DatabaseFileError(f"There is no database at {path}.")
    _check_is_sqlite(path)
    if create:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = _connect(path)
        applied = applied_migration_names(conn)
        _check_schema_not_newer(conn, path, applied)
        if pending_migration_names(applied):
            _migrate(conn, path, applied)
        conn.execute("PRAGMA journal_mode = WAL")
    except sqlite3.DatabaseError as exc:
        raise DatabaseFileError(f"{path} cannot be opened: {exc}. It was left untouched.") from exc
    return conn


Connection = sqlite3.Connection


def as_connection(db: Database | sqlite3.Connection) -> sqlite3.Connection:
    """The plain connection behind a sqlite-utils `Database`, or the connection itself."""
    return db if isinstance(db, sqlite3.Connection) else db.conn


def wrap(conn: sqlite3.Connection) -> Database:
    """The sqlite-utils view of an open connection (what the services write through)."""
    from sqlite_utils import Database

    return Database(conn, execute_plugins=False)


def open_database(path: Path | str, *, create: bool = True) -> Database:
    """Open (creating if allowed) and migrate the database at `path`. Raises DatabaseFileError."""
    return wrap(open_connection(path, create=create))


@dataclass(frozen=True)
class DatabaseHealth:
    integrity: str
    schema_version: int
    migrations: tuple[str, ...]
    pending: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return self.integrity == "ok" and not self.pending


def check_database(db: Database | sqlite3.Connection) -> DatabaseHealth:
    """`PRAGMA integrity_check` plus the schema version and applied migrations."""
    try:
        results = [row[0] for row in db.execute("PRAGMA integrity_check").fetchall()]
        fk_problems = db.execute("PRAGMA foreign_key_check").fetchall()
    except sqlite3.DatabaseError as exc:  # too damaged even to check ("database disk image is malformed")
        results, fk_problems = [str(exc)], []
    integrity = "ok" if results == ["ok"] and not fk_problems else "; ".join(results + [f"foreign key: {r}" for r in fk_problems])
    applied = applied_migration_names(db)
    pending = pending_migration_names(applied)
    return DatabaseHealth(integrity, len(applied), tuple(applied), tuple(pending))
