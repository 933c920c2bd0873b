"""Bulk writes: a larger page cache for the duration, and no per-row full-text indexing: drop the search triggers inside the caller's
transaction, write, then rebuild the whole index with three INSERT … SELECTs and put the triggers back.

Per-row FTS5 inserts through triggers cost ~60 µs a row; a bulk rebuild costs a third of that, so a
large import is much faster. Everything happens in the caller's transaction: a failure rolls the
triggers and the index back with the data.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlite_utils import Database

from .schema_search import INSPECTION_ROW
from .schema_tracker import FINDING_ROW, HISTORY_ROW

_COLUMNS = "rowid, kind, record_id, inspection_id, title, body"


# Each source in ascending order of its index rowid: FTS5 writes out its pending terms whenever a
# rowid is not larger than the one before, and history rows are indexed as -id, so in id order every
# one of them forced a write (250,000 history lines: 23 s; in -id order: 2.6 s).
_SOURCES = ((INSPECTION_ROW, "inspections", "NEW.id"), (FINDING_ROW, "findings", "NEW.id"),
            (HISTORY_ROW, "finding_history", "NEW.id DESC"))


def rebuild_search_index(db: Database) -> None:
    db.execute("DELETE FROM search_index")
    for expression, source, order in _SOURCES:
        db.execute(f"INSERT INTO search_index ({_COLUMNS}) SELECT {expression} FROM {source} AS NEW ORDER BY {order}")


@contextmanager
def search_triggers_suspended(db: Database) -> Iterator[None]:
    """Call inside `db.atomic()`."""
    triggers = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search\\_%' "
                          "ESCAPE '\\' ORDER BY name").fetchall()
    for name, _sql in triggers:
        db.execute(f'DROP TRIGGER "{name}"')
    yield
    rebuild_search_index(db)
    for _name, sql in triggers:
        db.execute(sql)


BULK_CACHE_KIB = 256 * 1024  # pages of a large import stay in memory until the commit instead of spilling


@contextmanager
def bulk_page_cache(db: Database, kib: int = BULK_CACHE_KIB) -> Iterator[None]:
    """A bigger page cache while a large import writes (scale-10 office: writes 8.4 → 4.7 s); the usual
    size comes back afterwards, so the memory is only held during the import."""
    before = db.execute("PRAGMA cache_size").fetchone()[0]
    db.execute(f"PRAGMA cache_size = -{int(kib)}")
    try:
        yield
    finally:
        db.execute(f"PRAGMA cache_size = {int(before)}")
        db.execute("PRAGMA shrink_memory")
