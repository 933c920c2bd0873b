from opcc_desktop.app import main
from opcc_desktop.paths import backup_dir


def test_backup_to_the_data_folder_a_chosen_folder_and_a_file_then_restore(tmp_path, capsys):
    db = str(tmp_path / "office.sqlite3")
    assert main(["--db", db, "demo", "--today", "2026-11-22"]) == 0
    assert main(["--db", db, "backup"]) == 0
    assert "backed up to" in capsys.readouterr().out
    assert len(list(backup_dir().glob("opcc-backup-*.sqlite3"))) == 1
    assert main(["--db", db, "backup", str(tmp_path / "share")]) == 0
    assert len(list((tmp_path / "share").glob("*.sqlite3"))) == 1
    copy = tmp_path / "copy.sqlite3"
    assert main(["--db", db, "backup", str(copy)]) == 0
    out = capsys.readouterr().out
    assert "inspections" in out
    assert main(["--db", db, "backup", str(copy)]) == 1  # never overwrites
    (tmp_path / "office.sqlite3").write_bytes(b"broken")
    assert main(["--db", db, "restore", str(copy)]) == 0
    out = capsys.readouterr().out
    assert "previous database was kept" in out
    assert main(["--db", db, "check"]) == 0


def test_backup_and_restore_errors_are_plain_messages(tmp_path, capsys):
    db = str(tmp_path / "office.sqlite3")
    assert main(["--db", db, "backup"]) == 1
    assert "no database" in capsys.readouterr().err
    assert main(["--db", db, "restore", str(tmp_path / "nope.sqlite3")]) == 1
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"x" * 200)
    assert main(["--db", db, "restore", str(garbage)]) == 1
    assert "nothing was restored" in capsys.readouterr().err


def test_restore_is_refused_while_a_window_has_the_database_open(tmp_path, capsys):
    from datetime import datetime

    from opcc_desktop.instance_lock import InstanceLock, current_owner

    db = tmp_path / "office.sqlite3"
    assert main(["--db", str(db), "demo", "--today", "2026-11-22"]) == 0
    copy = tmp_path / "copy.sqlite3"
    assert main(["--db", str(db), "backup", str(copy)]) == 0
    lock = InstanceLock.acquire(db, current_owner(datetime(2026, 11, 22, 8, 15)))
    try:
        before = db.stat().st_ino  # a restore swaps the file in by rename; a WAL checkpoint would not
        assert main(["--db", str(db), "restore", str(copy)]) == 1
        assert "This database is open on" in capsys.readouterr().err
        assert db.stat().st_ino == before
    finally:
        lock.release()
    assert main(["--db", str(db), "restore", str(copy)]) == 0
