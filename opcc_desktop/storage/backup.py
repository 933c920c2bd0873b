"""Copies of the database file taken with SQLite's online backup API (consistent even while in use)."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from ..errors import DatabaseFileError

SQLITE_HEADER = b"SQLite format 3\x00"
COUNTED_TABLES = ("inspections", "findings")


def _is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


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
    except sqlite3.DatabaseError as exc:
        raise DatabaseFileError(f"{path} cannot be read: {exc}.") from exc
    finally:
        conn.close()


def integrity_ok(path: Path) -> bool:
    if not _is_sqlite(path):
        return False
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    except sqlite3.DatabaseError:
        return False
    finally:
        conn.close()


def replace_database(backup: Path, target: Path) -> None:
    """Put the contents of `backup` in place of `target` (which must be closed): copy, then rename."""
    staged = target.with_name(target.name + ".restoring")
    copy_database(backup, staged)
    for suffix in ("-wal", "-shm"):  # a stale journal must never be replayed onto the restored file
        target.with_name(target.name + suffix).unlink(missing_ok=True)
    os.replace(staged, target)
