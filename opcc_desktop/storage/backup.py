"""Copies of the database file taken with SQLite's online backup API (consistent even while in use)."""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from ..errors import DatabaseFileError
from .migration_names import MIGRATION_NAMES, MIGRATION_SET

COUNTED_TABLES = ("inspections", "findings")


def _is_sqlite(path: Path) -> bool:
    """Asked of SQLite, never by opening the file by hand: on POSIX, closing any handle on a database
    drops every lock this process holds on it (the window's own connection included)."""
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return False
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except (OSError, sqlite3.Error):
        return False
    try:
        conn.execute("PRAGMA schema_version").fetchone()
        return True
    except sqlite3.DatabaseError:
        return False
    finally:
        conn.close()


def office_problem(path: Path) -> str | None:
    """Why `path` cannot be restored: not an OPCC Desktop database, or one of a newer schema (None: fine)."""
    if not _is_sqlite(path):
        return "it is not an OPCC Desktop database (it is not an SQLite file)"
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = '_sqlite_migrations'").fetchone():
            return "it is an SQLite file but not an OPCC Desktop database"
        applied = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations WHERE migration_set = ?",
                                              [MIGRATION_SET])]
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        return f"it cannot be read ({exc})"
    finally:
        conn.close()
    if MIGRATION_NAMES[0] not in applied:
        return "it is an SQLite file but not an OPCC Desktop database"
    newer = [name for name in applied if name not in MIGRATION_NAMES]
    if newer:
        return f"it was written by a newer version of OPCC Desktop (schema {', '.join(newer)})"
    return None


def copy_database(source: Path, dest: Path, progress: Callable[[int, int], None] | None = None) -> Path:
    """Copy `source` to `dest` page by page, into a temporary name first, then rename atomically."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    partial = dest.with_name(dest.name + ".partial")
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=10)
    try:
        out = sqlite3.connect(partial)
        try:
            def report(_status: int, remaining: int, total: int) -> None:
                if progress:
                    progress(total - remaining, total)

            src.backup(out, pages=256, progress=report)
        finally:
            out.close()
        os.replace(partial, dest)
    except sqlite3.DatabaseError as exc:
        partial.unlink(missing_ok=True)
        raise DatabaseFileError(f"{source} could not be copied: {exc}.") from exc
    finally:
        src.close()
    return dest


def record_counts(path: Path) -> dict[str, int]:
    """How many inspections and findings a database (or backup) file holds; raises DatabaseFileError."""
    if not _is_sqlite(path):
        raise DatabaseFileError(f"{path} is not an OPCC Desktop database (it is not an SQLite file).")
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        return {t: conn.execute(f"SELECT count(*) FROM [{t}]").fetchone()[0] for t in COUNTED_TABLES if t in tables}
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        raise DatabaseFileError(f"{path} cannot be read: {exc}.") from exc
    finally:
        conn.close()


def integrity_ok(path: Path) -> bool:
    if not _is_sqlite(path):
        return False
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    except (sqlite3.DatabaseError, UnicodeDecodeError):  # garbled text in the schema decodes badly
        return False
    finally:
        conn.close()


REPLACE_ATTEMPTS = 10
REPLACE_PAUSE = 0.3  # seconds: an antivirus scan or a backup program usually lets go within a second or two


def replace_database(backup: Path, target: Path, *, replace: Callable[[Path, Path], None] = os.replace,
                     unlink: Callable[[Path], None] = lambda p: p.unlink(missing_ok=True),
                     sleep: Callable[[float], None] = time.sleep,
                     holders: Callable[[Path], list[str]] | None = None) -> None:
    """Put the contents of `backup` in place of `target` (which must be closed): copy, then rename.

    On Windows a file another program holds open cannot be replaced (PermissionError): retried for a
    few seconds, then DatabaseFileError in plain words. `replace`, `unlink` and `sleep` are seams for
    tests of that Windows behaviour on any system; `holders` names the programs holding a file (Windows'
    Restart Manager by default)."""
    staged = target.with_name(target.name + ".restoring")
    copy_database(backup, staged)
    for attempt in range(REPLACE_ATTEMPTS):
        try:
            for suffix in ("-wal", "-shm"):  # a stale journal must never be replayed onto the restored file
                unlink(target.with_name(target.name + suffix))
            replace(staged, target)
            return
        except PermissionError as exc:
            if attempt + 1 < REPLACE_ATTEMPTS:
                sleep(REPLACE_PAUSE)
                continue
            staged.unlink(missing_ok=True)
            held = Path(exc.filename) if exc.filename else target
            if holders is None:
                from ..file_holders import programs_holding

                holders = programs_holding
            names = holders(held)
            who = (f"{', '.join(names)} {'has' if len(names) == 1 else 'have'} it open" if names else
                   "another OPCC Desktop window or command, a backup or antivirus program, or a file sync tool")
            raise DatabaseFileError(
                f"Nothing was restored: another program is holding {held.name} open ({who}). Close it and try "
                f"again. The database in {target.parent} was left as it was.") from exc
