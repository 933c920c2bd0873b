from datetime import datetime, timedelta

import pytest

from opcc_desktop.errors import DatabaseFileError
from opcc_desktop.services import backups
from opcc_desktop.services.office import Office
from tests.crash.writer import record_for

NOW = datetime(2026, 11, 22, 9, 30)


def _office_with(db_path, n):
    office = Office.open(db_path)
    for i in range(n):
        office.inspections.save(record_for(i))
    return office


def test_backup_while_open_is_a_consistent_copy_with_counts(db_path, tmp_path):
    office = _office_with(db_path, 3)
    calls = []
    made = backups.back_up(db_path, tmp_path / "b", NOW, progress=lambda done, total: calls.append((done, total)))
    office.close()
    [info] = backups.list_backups(tmp_path / "b")
    assert info.path == made and info.taken == NOW
    assert info.counts() == {"inspections": 3, "findings": sum(len(record_for(i).findings) for i in range(3))}
    assert "3 inspections" in info.describe()
    assert calls and calls[-1][0] == calls[-1][1]
    assert not list((tmp_path / "b").glob("*.partial"))


def test_automatic_backup_happens_at_most_once_a_day(db_path, tmp_path):
    _office_with(db_path, 1).close()
    folder = tmp_path / "b"
    assert backups.automatic_backup(db_path, folder, NOW) is not None
    assert backups.automatic_backup(db_path, folder, NOW + timedelta(hours=3)) is None
    assert backups.automatic_backup(db_path, folder, NOW + timedelta(days=1)) is not None
    assert backups.automatic_backup(tmp_path / "missing.sqlite3", folder, NOW + timedelta(days=2)) is None


def test_rotation_keeps_a_bounded_set_over_a_year(db_path, tmp_path):
    _office_with(db_path, 0).close()
    folder = tmp_path / "b"
    for day in range(400):
        backups.back_up(db_path, folder, NOW - timedelta(days=400 - day))
    assert len(backups.list_backups(folder)) <= 7 + 4 + 12


def test_restore_takes_a_safety_copy_and_brings_back_the_old_records(db_path, tmp_path):
    folder = tmp_path / "b"
    office = _office_with(db_path, 2)
    old = backups.back_up(db_path, folder, NOW)
    office.inspections.save(record_for(99))
    office.close()
    safety = backups.restore(old, db_path, folder, NOW + timedelta(minutes=5))
    assert backups.list_backups(folder)[0].kind == backups.BEFORE_RESTORE
    assert backups.BackupInfo(safety, NOW, "x").counts()["inspections"] == 3
    reopened = Office.open(db_path)
    assert reopened.inspections.count() == 2
    assert reopened.health().integrity == "ok"
    reopened.close()


def test_restoring_a_damaged_backup_changes_nothing(db_path, tmp_path):
    _office_with(db_path, 1).close()
    before = db_path.read_bytes()
    bad = tmp_path / "opcc-backup-20261122-093000.sqlite3"
    bad.write_bytes(b"not a database at all")
    with pytest.raises(DatabaseFileError):
        backups.restore(bad, db_path, tmp_path / "b", NOW)
    assert db_path.read_bytes() == before


def test_restore_over_a_corrupt_file_keeps_the_corrupt_file_byte_for_byte(db_path, tmp_path):
    folder = tmp_path / "b"
    _office_with(db_path, 1).close()
    good = backups.back_up(db_path, folder, NOW)
    db_path.write_bytes(b"garbage" * 100)
    safety = backups.restore(good, db_path, folder, NOW + timedelta(minutes=1))
    assert safety.read_bytes() == b"garbage" * 100
    assert Office.open(db_path).inspections.count() == 1
