"""Open the SQLite file safely: check it is ours, refuse newer schemas, apply migrations, set pragmas."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path

from typing import TYPE_CHECKING

from ..database_location import refuse_unsafe_location
from ..errors import DatabaseFileError, NewerSchemaError, UnusableFileError
from .migration_names import MIGRATION_NAMES, MIGRATION_SET

if TYPE_CHECKING:  # sqlite-utils is imported only when a migration is pending or a service needs it
    from sqlite_utils import Database

def _refuse_odd_file(path: Path) -> None:
    """Only `stat`: the file is never opened by hand (on POSIX, closing any handle on a database drops
    every SQLite lock this process holds on it; another process could then delete the WAL under it)."""
    if path.is_dir():
        raise DatabaseFileError(f"{path} is a folder, not a database file.")
    if path.exists() and path.stat().st_size == 0:
        raise UnusableFileError(f"{path} is empty (0 bytes): it is not an OPCC Desktop database. "
                                "It was left untouched.")


SQLITE_CORRUPT, SQLITE_NOTADB = 11, 26


def _unusable(path: Path | str, exc: BaseException) -> DatabaseFileError:
    """UnusableFileError (the restore offer) only for a file that is damaged or not SQLite; a locked,
    busy or unreadable file is a plain DatabaseFileError: restoring a backup over it would lose work."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code == SQLITE_NOTADB or (code is None and "not a database" in str(exc)):
        return UnusableFileError(f"{path} is not an OPCC Desktop database (it is not an SQLite file). "
                                 "It was left untouched.")
    if isinstance(exc, UnicodeDecodeError) or code == SQLITE_CORRUPT or "malformed" in str(exc):
        what = str(exc) if isinstance(exc, sqlite3.DatabaseError) else "its contents cannot be read"
        return UnusableFileError(f"{path} is damaged and cannot be opened ({what}). It was left untouched.")
    return DatabaseFileError(f"{path} cannot be opened: {exc}. It was left untouched.")


def _connect(path: Path | str) -> sqlite3.Connection:
    from .audit_session import AuditedConnection

    conn = sqlite3.connect(str(path), timeout=10, factory=AuditedConnection)
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
            raise UnusableFileError(
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

    An up-to-date file is opened without importing sqlite-utils (the window's cold start). Creating or
    upgrading the file holds the writer's lock. Raises DatabaseFileError (UnusableFileError for an
    empty, damaged or foreign file) with a plain message."""
    path = Path(path)
    refuse_unsafe_location(path)  # never on a network share or in OneDrive (see database_location.py)
    if not create and not path.exists():
        raise DatabaseFileError(f"There is no database at {path}.")
    if create and not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        with _writing(path):  # two first starts at once: one creates, the other then opens
            if not path.exists():
                return _open_checked(path, migrate=True)
    if path.exists() and path.stat().st_size == 0:
        with _writing(path):  # another process may be creating it this instant
            _refuse_odd_file(path)
    _refuse_odd_file(path)
    conn = _open_checked(path, migrate=False)
    try:
        if not pending_migration_names(applied_migration_names(conn)):
            return conn
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        conn.close()
        raise _unusable(path, exc) from exc
    conn.close()
    with _writing(path):  # an upgrade writes: never alongside another writer
        return _open_checked(path, migrate=True)


def _writing(path: Path) -> AbstractContextManager[None]:
    from ..instance_lock import writing

    return writing(path)


def _open_checked(path: Path, *, migrate: bool) -> sqlite3.Connection:
    conn = _connect(path)
    try:
        applied = applied_migration_names(conn)  # through SQLite: "file is not a database" for a foreign file
        _check_schema_not_newer(conn, path, applied)
        if migrate and pending_migration_names(applied):
            _migrate(conn, path, applied)
        conn.execute("PRAGMA journal_mode = WAL")
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        conn.close()
        raise _unusable(path, exc) from exc
    except BaseException:
        conn.close()
        raise
    return conn


Connection = sqlite3.Connection


def as_connection(db: Database | sqlite3.Connection) -> sqlite3.Connection:
    """The plain connection behind a sqlite-utils `Database`, or the connection itself."""
    return db if isinstance(db, sqlite3.Connection) else db.conn


def wrap(conn: sqlite3.Connection) -> Database:
    """The sqlite-utils view of an open connection (what the services write through)."""
    database: Database = _immediate_database_class()(conn, execute_plugins=False)
    return database


_IMMEDIATE: type | None = None


def _immediate_database_class() -> type:
    """sqlite-utils' Database whose `atomic()` starts with BEGIN IMMEDIATE: the write lock is taken (waiting
    up to the busy timeout) before the transaction reads anything. A deferred BEGIN that reads and then
    writes fails at once with "database is locked" when another process committed in between (WAL
    cannot wait for a snapshot that is already stale), and a second process always writes sometimes:
    a command, a worker's connection, a migration."""
    global _IMMEDIATE
    if _IMMEDIATE is None:
        from contextlib import contextmanager

        from sqlite_utils import Database

        class ImmediateDatabase(Database):
            @contextmanager
            def atomic(self) -> Iterator[Database]:
                if self.conn.in_transaction:
                    with super().atomic():
                        yield self
                    return
                self.conn.execute("BEGIN IMMEDIATE")
                try:
                    yield self
                except BaseException:
                    self.rollback()
                    raise
                else:
                    try:
                        self.conn.execute("COMMIT")
                    except BaseException:
                        self.rollback()
                        raise

        _IMMEDIATE = ImmediateDatabase
    return _IMMEDIATE


def open_database(path: Path | str, *, create: bool = True) -> Database:
    """Open (creating if allowed) and migrate the database at `path`. Raises DatabaseFileError."""
    return wrap(open_connection(path, create=create))


@dataclass(frozen=True)
class DatabaseHealth:
    integrity: str
    schema_version: int
    migrations: tuple[str, ...]
    pending: tuple[str, ...]
    audit: tuple[str, ...] = ()  # where the audit trail's chain or triggers are broken (empty: whole)

    @property
    def ok(self) -> bool:
        return self.integrity == "ok" and not self.pending and not self.audit


def check_database(db: Database | sqlite3.Connection) -> DatabaseHealth:
    """`PRAGMA integrity_check` plus the schema version and applied migrations."""
    try:
        results = [row[0] for row in db.execute("PRAGMA integrity_check").fetchall()]
        fk_problems = db.execute("PRAGMA foreign_key_check").fetchall()
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:  # too damaged even to check ("malformed")
        results, fk_problems = [str(exc)], []
    integrity = "ok" if results == ["ok"] and not fk_problems else "; ".join(results + [f"foreign key: {r}" for r in fk_problems])
    applied = applied_migration_names(db)
    pending = pending_migration_names(applied)
    from .audit_chain import audit_problems

    try:
        audit = tuple(audit_problems(as_connection(db))) if integrity == "ok" else ()
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        audit = (f"the audit trail cannot be read: {exc}",)
    return DatabaseHealth(integrity, len(applied), tuple(applied), tuple(pending), audit)
