"""Empty, garbled and foreign files take one path: a plain message and, in the window, the offer to restore."""

from __future__ import annotations

import sqlite3
from datetime import datetime

import pytest

from opcc_desktop.app import main
from opcc_desktop.errors import UnusableFileError
from opcc_desktop.services.office import Office

NOW = datetime(2026, 11, 22, 9, 0)


def _office(path):
    office = Office.open(path)
    office.load_demo(NOW.date())
    office.close()


def _garbled(path):
    """A real office whose schema table holds bytes that are not UTF-8 text (a bad sector, a bad tool)."""
    _office(path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET name = CAST(X'C3FFFE' AS TEXT) WHERE name = 'inspections_live'")
    conn.commit()
    conn.close()


def _foreign(path):
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()


ODD_FILES = {
    "empty": lambda p: p.write_bytes(b""),
    "text": lambda p: p.write_text("This is not a database. " * 40, encoding="utf-8"),
    "header then noise": lambda p: p.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 16),
    "garbled": _garbled,
    "foreign": _foreign,
}


@pytest.mark.parametrize("kind", ODD_FILES)
def test_every_odd_file_is_refused_in_plain_words_and_left_untouched(kind, tmp_path, capsys):
    db = tmp_path / "office.sqlite3"
    ODD_FILES[kind](db)
    before = db.read_bytes()
    with pytest.raises(UnusableFileError) as caught:
        Office.open(db).close()
    assert "It was left untouched" in str(caught.value)
    for command in (["check"], ["due", "--today", "2026-11-22"], ["export", str(tmp_path / "x.json")],
                    ["import", str(tmp_path / "x.json")]):
        capsys.readouterr()
        assert main(["--db", str(db), *command]) == 1, command
        err = capsys.readouterr().err
        assert err.startswith("opcc-desktop: error:") and "Traceback" not in err and "unexpected" not in err
    assert db.read_bytes() == before  # even `check` never set up an empty file as an office


def test_a_zero_byte_file_is_not_an_office_even_for_check(tmp_path, capsys):
    db = tmp_path / "office.sqlite3"
    db.write_bytes(b"")
    assert main(["--db", str(db), "check"]) == 1
    assert "is empty (0 bytes): it is not an OPCC Desktop database" in capsys.readouterr().err
    assert db.stat().st_size == 0


def test_a_locked_file_is_not_taken_for_a_damaged_one(tmp_path):
    """A busy file must never get the offer to restore a backup over it (that would lose work)."""
    import sqlite3

    from opcc_desktop.errors import DatabaseFileError
    from opcc_desktop.storage import database

    error = sqlite3.OperationalError("database is locked")
    error.sqlite_errorcode = 5  # SQLITE_BUSY
    problem = database._unusable(tmp_path / "office.sqlite3", error)
    assert isinstance(problem, DatabaseFileError) and not isinstance(problem, UnusableFileError)
    corrupt = sqlite3.DatabaseError("database disk image is malformed")
    corrupt.sqlite_errorcode = 11
    assert isinstance(database._unusable(tmp_path / "office.sqlite3", corrupt), UnusableFileError)
