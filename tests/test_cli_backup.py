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
