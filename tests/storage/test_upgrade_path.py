"""Installing a newer version over an older one: the older database is migrated on open, data kept.

The first released schema is `m0001_core_schema` alone (version 0.1.0). This builds such a file with
the migrations that existed then, fills it as 0.1.0 would have, and opens it with today's code: every
later migration applies, every record and setting survives, and opening again changes nothing.
"""

import sqlite3

from sqlite_utils import Database

from opcc_desktop.services.office import Office
from opcc_desktop.storage.database import applied_migration_names, check_database
from opcc_desktop.storage.migrations import known_migration_names, migrations

FIRST_RELEASE = ["m0001_core_schema"]


def make_first_release_database(path):
    db = Database(sqlite3.connect(str(path)))
    later = [name for name in known_migration_names() if name not in FIRST_RELEASE]
    migrations.apply(db, stop_before=later[0] if later else None)
    assert applied_migration_names(db) == FIRST_RELEASE
    db.execute("INSERT INTO settings (key, value) VALUES ('office_name', 'OPCC for Kent <& Medway>')")
    db.execute("INSERT INTO inspections (reference, title, type, published, forces) VALUES "
               "('29536', 'North-west regional response', 'PEEL', '2023-11-10', '[\"Cumbria\"]')")
    db.execute("INSERT INTO findings (inspection_id, kind, text, status) VALUES "
               "(1, 'area for improvement', 'Improve 4P plans', 'Open – in progress')")
    db.conn.commit()
    db.conn.close()


def test_an_older_database_is_migrated_and_keeps_its_records(tmp_path):
    path = tmp_path / "opcc-desktop.sqlite3"
    make_first_release_database(path)
    office = Office.open(path)
    try:
        health = check_database(office.db)
        assert health.ok and health.migrations == tuple(known_migration_names())
        assert office.settings.all()["office_name"] == "OPCC for Kent <& Medway>"
        inspection = office.inspections.find("29536")
        assert inspection.title == "North-west regional response" and inspection.forces == ("Cumbria",)
        assert [f.text for f in office.inspections.get(inspection.id).findings] == ["Improve 4P plans"]
    finally:
        office.close()
    reopened = Office.open(path)
    try:
        assert check_database(reopened.db).pending == ()
        assert reopened.inspections.count() == 1
    finally:
        reopened.close()


def test_upgrading_takes_a_backup_of_the_old_file_first(tmp_path):
    from opcc_desktop.paths import backup_dir
    from opcc_desktop.storage.backup import record_counts

    path = tmp_path / "opcc-desktop.sqlite3"
    make_first_release_database(path)
    Office.open(path).close()
    [copy] = list(backup_dir().glob("before-migration-*.sqlite3"))
    conn = sqlite3.connect(copy)
    assert [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations")] == FIRST_RELEASE
    conn.close()
    assert record_counts(copy) == {"inspections": 1, "findings": 1}
    Office.open(path).close()  # nothing pending: no second copy
    assert len(list(backup_dir().glob("before-migration-*.sqlite3"))) == 1
