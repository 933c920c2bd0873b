"""Restore under Windows' file rules (behind a seam), restore checks, and backups that never collide."""

from __future__ import annotations

import os
import sqlite3
import time
from datetime import datetime, timedelta

import pytest

from opcc_desktop.app import main
from opcc_desktop.errors import DatabaseFileError
from opcc_desktop.services import backups
from opcc_desktop.services.office import Office
from opcc_desktop.storage.backup import REPLACE_ATTEMPTS

NOW = datetime(2026, 11, 22, 9, 0)


@pytest.fixture
def office_file(tmp_path):
    path = tmp_path / "office.sqlite3"
    office = Office.open(path)
    office.load_demo(NOW.date())
    office.close()
    return path


def _windows_replace(held_for: int):
    """os.replace as on Windows while another program (antivirus, a second window) has the file open."""
    calls = []

    def replace(source, target):
        calls.append(target)
        if len(calls) <= held_for:
            raise PermissionError(13, "The process cannot access the file because it is being used by another "
                                      "process", str(target))
        os.replace(source, target)

    return replace, calls


def test_restore_retries_while_another_program_holds_the_file_then_succeeds(office_file, tmp_path):
    backup = backups.back_up(office_file, tmp_path / "backups", NOW)
    replace, calls = _windows_replace(held_for=3)
    pauses = []
    backups.restore(backup, office_file, tmp_path / "backups", NOW, replace=replace, sleep=pauses.append)
    assert len(calls) == 4 and len(pauses) == 3
    assert not office_file.with_name(office_file.name + ".restoring").exists()


def test_restore_names_the_problem_in_plain_words_when_the_file_stays_held(office_file, tmp_path):
    backup = backups.back_up(office_file, tmp_path / "backups", NOW)
    before = office_file.read_bytes()
    replace, calls = _windows_replace(held_for=10_000)
    with pytest.raises(DatabaseFileError) as caught:
        backups.restore(backup, office_file, tmp_path / "backups", NOW, replace=replace, sleep=lambda s: None)
    assert len(calls) == REPLACE_ATTEMPTS
    message = str(caught.value)
    assert message.startswith("Nothing was restored: another program is holding office.sqlite3 open")
    assert "antivirus" in message and office_file.read_bytes() == before
    assert not office_file.with_name(office_file.name + ".restoring").exists()


def test_restore_refuses_a_foreign_file_and_a_newer_schema_and_changes_nothing(office_file, tmp_path):
    foreign = tmp_path / "foreign.sqlite3"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    newer = backups.back_up(office_file, tmp_path / "copies", NOW)
    conn = sqlite3.connect(newer)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('opcc', 'm9999_future', '')")
    conn.commit()
    conn.close()
    before = office_file.read_bytes()
    with pytest.raises(DatabaseFileError, match="not an OPCC Desktop database"):
        backups.restore(foreign, office_file, tmp_path / "backups", NOW)
    with pytest.raises(DatabaseFileError, match="newer version of OPCC Desktop .schema m9999_future"):
        backups.restore(newer, office_file, tmp_path / "backups", NOW)
    assert office_file.read_bytes() == before and not list((tmp_path / "backups").glob("before-restore-*"))


def test_a_restore_writes_a_line_to_the_audit_trail_with_the_record_counts(office_file, tmp_path, capsys):
    backup = tmp_path / "copy.sqlite3"
    assert main(["--db", str(office_file), "backup", str(backup)]) == 0
    capsys.readouterr()
    assert main(["--db", str(office_file), "restore", str(backup)]) == 0
    assert "(5 inspections, 10 findings)" in capsys.readouterr().out
    office = Office.open(office_file)
    try:
        [line] = [line for line in office.audit.recent(5) if line.action == "restored from a backup"]
        assert line.changes["counts"] == {"inspections": 5, "findings": 10} and "copy.sqlite3" in line.summary
        assert office.health().audit == ()
    finally:
        office.close()


def test_two_backups_in_one_second_both_survive_and_rotation_keeps_the_one_just_made(office_file, tmp_path):
    folder = tmp_path / "backups"
    for days in (40, 39, 38):
        backups.back_up(office_file, folder, NOW - timedelta(days=days))
    made = [backups.back_up(office_file, folder, NOW) for _ in range(3)]  # three in the same second
    assert len(set(made)) == 3 and all(p.exists() for p in made)  # each one reported is there
    assert [b.path for b in backups.list_backups(folder)][:3] != []
    later = backups.back_up(office_file, folder, NOW + timedelta(hours=2))  # the day's rotation tidies up
    assert later.exists() and not any(p.exists() for p in made)
    assert backups.rotate(folder, NOW + timedelta(hours=3), keep_path=later) == [] and later.exists()


def test_leftover_partial_copies_are_cleaned_at_start_but_not_one_being_written(tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    stale = folder / "opcc-backup-20261121-090000.sqlite3.partial"
    fresh = folder / "opcc-backup-20261122-085959.sqlite3.partial"
    restoring = folder / "office.sqlite3.restoring"
    for path in (stale, fresh, restoring):
        path.write_bytes(b"x" * 1000)
    an_hour_ago = time.time() - 3600
    os.utime(stale, (an_hour_ago, an_hour_ago))
    os.utime(restoring, (an_hour_ago, an_hour_ago))
    removed = backups.clean_partial_copies(folder, datetime.now())
    assert sorted(removed) == sorted([stale, restoring]) and fresh.exists()


def test_the_program_holding_the_file_is_named_when_windows_can_say(office_file, tmp_path):
    from opcc_desktop.storage.backup import replace_database

    backup = backups.back_up(office_file, tmp_path / "backups", NOW)
    replace, _calls = _windows_replace(held_for=10_000)
    with pytest.raises(DatabaseFileError) as caught:
        replace_database(backup, office_file, replace=replace, sleep=lambda s: None,
                         holders=lambda path: ["MsMpEng.exe (process 4242)"])
    assert "(MsMpEng.exe (process 4242) has it open)" in str(caught.value)
