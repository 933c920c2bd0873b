"""The archive is tamper-evident: each kind of tampering, done through sqlite3 directly, is reported in plain
words by `issued --verify` and `check` (exit 1, never a traceback)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import date, datetime

import pytest

from opcc_desktop.app import main
from opcc_desktop.domain.letter_records import HOME_SECRETARY, PUBLISHED_RESPONSE

from .helpers import PASSPHRASE, make_office

LETTER_DATE = date(2026, 11, 20)


@pytest.fixture
def archive(tmp_path):
    path = tmp_path / "office.sqlite3"
    office, inspection_id, commissioner, _ = make_office(path)
    for kind, hour in ((HOME_SECRETARY, 9), (PUBLISHED_RESPONSE, 10), (HOME_SECRETARY, 11)):
        office.letter_desk.issue(inspection_id, kind, LETTER_DATE, None, commissioner, PASSPHRASE,
                                 datetime(2026, 11, 22, hour))
    office.close()
    return path


def tamper(path, *statements: str, params=()) -> None:
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER letter_archive_no_update")
    conn.execute("DROP TRIGGER letter_archive_no_delete")
    for statement in statements:
        conn.execute(statement, params if "?" in statement else ())
    conn.execute("""CREATE TRIGGER letter_archive_no_update BEFORE UPDATE ON letter_archive
        BEGIN SELECT RAISE(ABORT, 'issued letters are archived and cannot be changed'); END""")
    conn.execute("""CREATE TRIGGER letter_archive_no_delete BEFORE DELETE ON letter_archive
        BEGIN SELECT RAISE(ABORT, 'issued letters are archived and cannot be deleted'); END""")
    conn.commit()
    conn.close()


def run(path, capsys, *command: str) -> tuple[int, str]:
    code = main(["--db", str(path), *command])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out
    return code, captured.out + captured.err


def verify_and_check(path, capsys) -> tuple[str, str]:
    code, verify = run(path, capsys, "issued", "30001", "--verify")
    assert code == 1
    code, check = run(path, capsys, "check")
    assert code == 1 and "letter archive: PROBLEMS FOUND" in check
    return verify, check


def test_an_untouched_archive_is_intact(archive, capsys):
    code, verify = run(archive, capsys, "issued", "30001", "--verify")
    assert code == 0 and verify.count("\tintact") == 3 and "Archive chain: intact." in verify
    code, check = run(archive, capsys, "check")
    assert code == 0 and "letter archive: intact" in check


def test_changing_the_approver_is_noticed_though_the_pdf_is_untouched(archive, capsys):
    tamper(archive, "UPDATE letter_archive SET approver_name = 'Someone Else' WHERE id = 1")
    verify, check = verify_and_check(archive, capsys)
    assert "Archived document 1 (home secretary, version 1): its details or PDF hash have changed" in verify
    assert "Archived document 1" in check


def test_changing_the_letter_date_is_noticed(archive, capsys):
    tamper(archive, "UPDATE letter_archive SET letter_date = '2026-01-01' WHERE id = 2")
    verify, _ = verify_and_check(archive, capsys)
    assert "Archived document 2 (published response, version 1): its details" in verify


def test_replacing_bytes_and_hash_together_is_noticed(archive, capsys):
    fake = b"%PDF-1.4 a different letter"
    tamper(archive, "UPDATE letter_archive SET pdf = ?, sha256 = ? WHERE id = 1",
           params=(fake, hashlib.sha256(fake).hexdigest()))
    verify, _ = verify_and_check(archive, capsys)
    assert "Archived document 1 (home secretary, version 1): its details or PDF hash have changed" in verify


def forge_entry(archive, entry_id: int, content: bytes) -> None:
    """Replace an entry's PDF and approver and store its own, correctly recomputed, entry hash."""
    from opcc_desktop.domain.archive_chain import entry_hash
    from opcc_desktop.domain.letter_records import ArchivedLetter

    conn = sqlite3.connect(archive)
    row = conn.execute("SELECT inspection_id, inspection_reference, inspection_title, kind, version, letter_date, "
                       "issued_at, approver_title, recipients, pages, previous_hash FROM letter_archive WHERE id = ?",
                       [entry_id]).fetchone()
    conn.close()
    forged = ArchivedLetter(0, row[0], row[1], row[2], row[3], row[4], date.fromisoformat(row[5]),
                            datetime.fromisoformat(row[6]), "Forger", row[7], tuple(json.loads(row[8])),
                            hashlib.sha256(content).hexdigest(), row[9])
    tamper(archive, "UPDATE letter_archive SET pdf = ?, sha256 = ?, approver_name = 'Forger', entry_hash = ? "
           "WHERE id = ?", params=(content, forged.sha256, entry_hash(forged, row[10]), entry_id))


def test_replacing_an_entry_and_its_own_hash_breaks_the_chain_at_the_next_entry(archive, capsys):
    forge_entry(archive, 1, b"%PDF-1.4 forged")
    verify, _ = verify_and_check(archive, capsys)
    assert "Archived document 1 (home secretary, version 1): its details" not in verify  # itself consistent…
    assert "Archived document 2 (published response, version 1): the chain is broken here" in verify  # …not the next
    assert "Archived document 1 (home secretary, version 1): its hash is not the one the audit trail recorded" in verify


def test_forging_the_newest_entry_with_its_own_hash_disagrees_with_the_audit_trail(archive, capsys):
    forge_entry(archive, 3, b"%PDF-1.4 forged newest")
    verify, check = verify_and_check(archive, capsys)
    assert "Archived document 3 (home secretary, version 2): its hash is not the one the audit trail recorded" in check
    assert "\tHASH MISMATCH" in verify


def test_a_deleted_entry_breaks_the_chain(archive, capsys):
    tamper(archive, "DELETE FROM letter_archive WHERE id = 2")
    verify, check = verify_and_check(archive, capsys)
    assert "Archived document 3 (home secretary, version 2): the chain is broken here" in verify
    assert "Archived document 2 was issued (the audit trail records it) but is no longer in the archive." in check


def test_a_dropped_protection_trigger_is_reported(archive, capsys):
    conn = sqlite3.connect(archive)
    conn.execute("DROP TRIGGER letter_archive_no_update")
    conn.commit()
    conn.close()
    verify, check = verify_and_check(archive, capsys)
    assert "The archive's protection against changes (trigger letter_archive_no_update) is missing." in check
    assert "letter_archive_no_update" in verify


def test_a_pdf_stored_as_text_is_reported_not_a_crash(archive, capsys):
    tamper(archive, "UPDATE letter_archive SET pdf = CAST(pdf AS TEXT) WHERE id = 3")
    verify, check = verify_and_check(archive, capsys)
    assert "Archived document 3 (home secretary, version 2): its PDF is not stored as a file's bytes" in check
    assert "its PDF is not stored as a file's bytes" in verify


def test_an_unreadable_entry_is_reported(archive, capsys):
    tamper(archive, "UPDATE letter_archive SET issued_at = 'yesterday-ish', recipients = 'not json' WHERE id = 2")
    _verify, check = verify_and_check(archive, capsys)
    assert "Archived document 2 cannot be read: a stored value is not valid" in check


def test_upgrading_an_archive_from_before_the_chain_seals_what_it_holds(archive, capsys):
    """A file from before m0021: its archived letters are sealed into a chain when it is upgraded."""
    conn = sqlite3.connect(archive)
    conn.execute("DROP TRIGGER letter_archive_no_update")
    conn.execute("ALTER TABLE letter_archive DROP COLUMN previous_hash")
    conn.execute("ALTER TABLE letter_archive DROP COLUMN entry_hash")
    conn.execute("""CREATE TRIGGER letter_archive_no_update BEFORE UPDATE ON letter_archive
        BEGIN SELECT RAISE(ABORT, 'issued letters are archived and cannot be changed'); END""")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm0021_archive_chain'")
    conn.commit()
    conn.close()
    code, verify = run(archive, capsys, "issued", "30001", "--verify")  # opening upgrades the file
    assert code == 0 and verify.count("\tintact") == 3 and "Archive chain: intact." in verify
    with sqlite3.connect(archive) as conn:
        hashes = conn.execute("SELECT previous_hash, entry_hash FROM letter_archive ORDER BY id").fetchall()
        triggers = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                               "AND tbl_name = 'letter_archive'")}
    assert hashes[0][0] == "0" * 64 and hashes[1][0] == hashes[0][1] and hashes[2][0] == hashes[1][1]
    assert {"letter_archive_no_update", "letter_archive_no_delete"} <= triggers
