"""Opening the window's database: in use elsewhere, newer, damaged (offer to restore), never modified."""

from datetime import datetime

from PySide6.QtWidgets import QMessageBox

from opcc_desktop import paths
from opcc_desktop.instance_lock import InstanceLock, current_owner, owner_path
from opcc_desktop.services import backups
from opcc_desktop.services.office import Office
from opcc_desktop.ui.shell.startup_checks import open_for_window
from tests.crash.writer import record_for

NOW = datetime(2026, 11, 22, 9, 0)


def _office_file(db_path, n=2):
    office = Office.open(db_path)
    for i in range(n):
        office.inspections.save(record_for(i))
    office.close()


def test_a_second_window_on_the_same_file_is_told_who_has_it(qapp, db_path, answer_message_boxes):
    shown = answer_message_boxes()
    _office_file(db_path)
    office, lock = open_for_window(db_path, NOW)
    try:
        assert open_for_window(db_path, NOW) is None
        title, text = shown[-1]
        owner = current_owner(NOW)
        assert title == "The database is already open"
        assert f"This database is open on {owner.machine} by {owner.user} since 22/11/2026 09:00." in text
    finally:
        office.close()
        lock.release()
    assert not owner_path(db_path).exists()


def test_a_garbage_file_is_never_modified_when_the_restore_is_declined(qapp, db_path, answer_message_boxes):
    from PySide6.QtWidgets import QMessageBox

    _office_file(db_path)
    backups.back_up(db_path, paths.backup_dir(), NOW)
    db_path.write_bytes(b"This is not a database. " * 50)
    before = db_path.read_bytes()
    shown = answer_message_boxes(QMessageBox.StandardButton.No)
    assert open_for_window(db_path, NOW) is None
    assert "not an SQLite file" in shown[-1][1] and "Restore the newest backup, taken 22/11/2026 at 09:00" in shown[-1][1]
    assert db_path.read_bytes() == before
    assert not owner_path(db_path).exists()


def test_a_damaged_file_can_be_restored_from_the_newest_backup_and_is_kept(qapp, db_path, answer_message_boxes):
    _office_file(db_path, 3)
    backups.back_up(db_path, paths.backup_dir(), NOW)
    raw = bytearray(db_path.read_bytes())
    raw[4096:8192] = b"\xff" * 4096  # wreck a page after the header
    db_path.write_bytes(bytes(raw))
    shown = answer_message_boxes()
    office, lock = open_for_window(db_path, NOW.replace(hour=10))
    try:
        assert office.inspections.count() == 3
        assert [t for t, _ in shown] == ["OPCC Desktop cannot open its database", "Restored from a backup"]
        [kept] = [b for b in backups.list_backups(paths.backup_dir()) if b.kind == backups.BEFORE_RESTORE]
        assert kept.path.read_bytes() == bytes(raw)
    finally:
        office.close()
        lock.release()


def test_no_backup_means_a_plain_message_and_nothing_touched(qapp, db_path, answer_message_boxes):
    db_path.write_bytes(b"\x00" * 100)
    shown = answer_message_boxes()
    assert open_for_window(db_path, NOW) is None
    assert "There is no backup to restore from." in shown[-1][1]
    assert db_path.read_bytes() == b"\x00" * 100


def test_held_lock_is_released_when_the_window_closes(qapp, db_path):
    office, lock = open_for_window(db_path, NOW)
    assert isinstance(lock, InstanceLock) and owner_path(db_path).exists()
    office.close()
    lock.release()
    assert not owner_path(db_path).exists()


def test_a_large_file_opens_at_once_and_damage_found_later_offers_a_restore(qapp, qtbot, db_path, monkeypatch,
                                                                            answer_message_boxes):
    from opcc_desktop.ui.shell import startup_checks
    from opcc_desktop.ui.shell.application import build_main_window

    _office_file(db_path, 3)
    raw = bytearray(db_path.read_bytes())
    raw[4096:8192] = b"\xff" * 4096
    db_path.write_bytes(bytes(raw))
    monkeypatch.setattr(startup_checks, "SYNC_CHECK_MAX_BYTES", 0)  # every file counts as large
    shown = answer_message_boxes(QMessageBox.StandardButton.No)  # decline the restore
    office, lock = open_for_window(db_path, NOW)
    try:
        assert shown == []  # no check (and no question) before the window
        window = build_main_window(office, lambda: NOW.date())
        qtbot.addWidget(window)
        startup_checks.check_integrity_in_background(window)
        qtbot.waitUntil(lambda: [t for t, _ in shown] == ["The database is damaged"], timeout=10_000)
        assert "damaged" in shown[0][1] and "Restore" in shown[0][1]
        assert db_path.read_bytes() == bytes(raw)  # declined: nothing touched
        window.hide()
    finally:
        office.close()
        lock.release()
