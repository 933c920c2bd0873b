"""The audit trail is tamper-evident: a chain of hashes, the triggers checked, no switch, a "who" per connection."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date

import pytest

from opcc_desktop.app import main
from opcc_desktop.services.office import Office
from opcc_desktop.storage.audit_chain import audit_problems

TODAY = date(2026, 11, 22)


@pytest.fixture
def office_file(tmp_path):
    path = tmp_path / "office.sqlite3"
    office = Office.open(path)
    office.load_demo(TODAY)
    office.audit.set_actor("CAMBS\\j.clerk")
    inspection = office.inspections.find("29536")
    for n in range(3):
        inspection = office.inspections.find("29536")
        office.inspections.save(replace(inspection, pcc_comments=f"Edit {n}"))
    office.close()
    return path


def _tamper(path, *statements):
    """What someone with the sqlite3 shell could do: drop the guard triggers, then change lines."""
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


def _check(path, capsys) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["--db", str(path), "check"])
    return code, capsys.readouterr().out


def test_a_whole_trail_checks_ok(office_file, capsys):
    code, out = _check(office_file, capsys)
    assert code == 0 and "audit trail: ok" in out


def test_an_edited_line_is_found(office_file, capsys):
    _tamper(office_file, "DROP TRIGGER audit_log_no_update",
            "UPDATE audit_log SET who = 'someone else' WHERE id = (SELECT max(id) - 1 FROM audit_log)")
    code, out = _check(office_file, capsys)
    assert code == 1 and "trigger audit_log_no_update is missing" in out and "was altered after it was written" in out


def test_a_removed_line_is_found_even_with_the_trigger_put_back(office_file, capsys):
    from opcc_desktop.storage.audit_chain import FIXED_TRIGGERS

    _tamper(office_file, "DROP TRIGGER audit_log_no_delete",
            "DELETE FROM audit_log WHERE id = (SELECT max(id) - 1 FROM audit_log)",
            FIXED_TRIGGERS["audit_log_no_delete"])
    code, out = _check(office_file, capsys)
    assert code == 1 and "does not follow the line before it" in out and "trigger" not in out.split("audit trail:")[1]


def test_a_dropped_audit_trigger_and_an_unrecorded_edit_are_found(office_file, capsys):
    _tamper(office_file, "DROP TRIGGER audit_inspections_update",
            "UPDATE inspections SET title = 'Quietly changed' WHERE reference = '29536'")
    code, out = _check(office_file, capsys)
    assert code == 1 and "trigger audit_inspections_update is missing" in out


def test_switching_auditing_off_is_refused(office_file):
    office = Office.open(office_file)
    try:
        with pytest.raises(sqlite3.DatabaseError, match="auditing cannot be switched off"):
            office.conn.execute("UPDATE audit_actor SET enabled = 0")
    finally:
        office.close()


def test_a_program_without_the_audit_functions_cannot_write_unrecorded(office_file):
    conn = sqlite3.connect(office_file)  # e.g. the sqlite3 shell, a script
    try:
        with pytest.raises(sqlite3.OperationalError, match="no such function"):
            conn.execute("UPDATE inspections SET title = 'Quietly' WHERE reference = '29536'")
    finally:
        conn.close()


def test_each_connection_writes_for_its_own_user(office_file):
    window = Office.open(office_file)
    window.audit.set_actor("CAMBS\\window.user")
    command = Office.open(office_file)
    command.audit.set_actor("CAMBS\\it.script")  # a second user's command used to relabel the window's writes
    command.inspections.save(replace(command.inspections.find("29536"), title="By the script"))
    window.inspections.save(replace(window.inspections.find("29536"), pcc_comments="By the window"))
    whos = [(line.who, line.summary) for line in window.audit.for_inspection(window.inspections.find("29536").id)[:2]]
    window.close()
    command.close()
    assert whos[0][0] == "CAMBS\\window.user" and "By the window" in whos[0][1]
    assert whos[1][0] == "CAMBS\\it.script" and "By the script" in whos[1][1]


def test_the_chain_holds_after_an_import_and_after_an_upgrade_of_old_lines(tmp_path):
    office = Office.open(tmp_path / "office.sqlite3")
    office.load_demo(TODAY)
    exported = tmp_path / "out.json"
    office.export_json(exported)
    office.import_json(exported)
    assert audit_problems(office.conn) == []
    assert office.conn.execute("SELECT count(*) FROM audit_log WHERE hash = ''").fetchone()[0] == 0
    office.close()
