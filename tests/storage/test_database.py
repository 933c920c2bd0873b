import hashlib
import sqlite3

import pytest

from opcc_desktop.errors import DatabaseFileError, NewerSchemaError
from opcc_desktop.storage.database import check_database, open_database
from opcc_desktop.storage.migrations import known_migration_names


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_file_gets_the_whole_schema(db_path):
    db = open_database(db_path)
    assert {"settings", "lookup_values", "inspections", "findings"} <= set(db.table_names())
    health = check_database(db)
    assert health.ok
    assert health.schema_version == len(known_migration_names())
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(known_migration_names())
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_reopening_applies_nothing_twice(db_path):
    open_database(db_path).conn.close()
    db = open_database(db_path)
    rows = db.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0]
    assert rows == len(known_migration_names())


def test_seeded_lookups(db_path):
    db = open_database(db_path)
    statuses = [r[0] for r in db.execute("SELECT value FROM lookup_values WHERE lookup='finding_status'")]
    assert "Not for local action – monitoring national body" in statuses
    types = [r[0] for r in db.execute("SELECT value FROM lookup_values WHERE lookup='inspection_type'")]
    assert "PEEL spotlight report" in types


def test_foreign_keys_enforced(db_path):
    db = open_database(db_path)
    with pytest.raises(sqlite3.IntegrityError), db.atomic():
        db.execute("INSERT INTO findings (inspection_id, kind, text, status) VALUES (999, 'recommendation', 'x', 's')")


def test_newer_schema_is_refused_and_left_untouched(db_path):
    db = open_database(db_path)
    with db.atomic():
        db.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('opcc', 'm9999_future', 'x')"
        )
    db.conn.close()
    before = _digest(db_path)
    with pytest.raises(NewerSchemaError, match="newer version"):
        open_database(db_path)
    assert _digest(db_path) == before


def test_non_sqlite_file_is_refused_and_left_untouched(db_path):
    db_path.write_bytes(b"This is a Word document, honest.\n" * 10)
    before = _digest(db_path)
    with pytest.raises(DatabaseFileError, match="not an OPCC Desktop database"):
        open_database(db_path)
    assert _digest(db_path) == before


def test_foreign_sqlite_database_is_refused(db_path):
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseFileError, match="not an OPCC Desktop database"):
        open_database(db_path)
    conn = sqlite3.connect(db_path)
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")] == ["customers"]


def test_missing_file_without_create(db_path):
    with pytest.raises(DatabaseFileError, match="no database"):
        open_database(db_path, create=False)
    assert not db_path.exists()
