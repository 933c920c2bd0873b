"""No silent lost update: two offices (two processes' worth of connections) saving the same inspection."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from opcc_desktop.domain.conflicts import inspection_conflicts, rebased, version_text
from opcc_desktop.errors import ConflictError, InterchangeError
from opcc_desktop.services.office import Office

TODAY = date(2026, 11, 22)


@pytest.fixture
def two(tmp_path):
    path = tmp_path / "office.sqlite3"
    first = Office.open(path)
    first.load_demo(TODAY)
    second = Office.open(path)  # another window or command on the same file
    yield first, second
    first.close()
    second.close()


def test_a_stale_save_is_refused_and_both_versions_are_there_to_choose(two):
    window, other = two
    mine = window.inspections.find("29536")
    theirs = other.inspections.find("29536")
    other.inspections.save(replace(theirs, pcc_comments="Agreed at the board"))  # the other edit lands first
    with pytest.raises(ConflictError) as caught:
        window.inspections.save(replace(mine, title="My new title"))
    error = caught.value
    assert "changed elsewhere" in str(error) and "Nothing was saved" in str(error)
    assert error.theirs.pcc_comments == "Agreed at the board" and error.mine.title == "My new title"
    stored = window.inspections.find("29536")
    assert stored.pcc_comments == "Agreed at the board" and stored.title == mine.title  # nothing lost
    assert "▶ Title: My new title" in version_text(error.mine, error.theirs)
    window.inspections.save(rebased(error.mine, error.theirs))  # "Keep mine", chosen after seeing both
    assert window.inspections.find("29536").title == "My new title"


def test_versions_go_up_on_each_real_write_and_not_on_a_no_op(two):
    window, _ = two
    first = window.inspections.find("29536")
    window.inspections.save(first)
    assert window.inspections.find("29536").version == first.version
    window.inspections.save(replace(first, title="Changed"))
    again = window.inspections.find("29536")
    assert again.version == first.version + 1
    assert [f.version for f in again.findings] == [f.version for f in first.findings]


def test_a_finding_changed_added_or_deleted_elsewhere_is_a_conflict(two):
    window, other = two
    mine = window.inspections.find("29536")
    theirs = other.inspections.find("29536")
    changed = replace(theirs.findings[0], owner="Someone else")
    added = replace(theirs.findings[0], id=None, reference="NEW", text="Added elsewhere")
    other.inspections.save(replace(theirs, findings=(changed, *theirs.findings[1:], added)))
    stored = window.inspections.find("29536")
    reasons = inspection_conflicts(mine, stored)
    assert any("was changed" in r for r in reasons) and any("NEW was added" in r for r in reasons)
    with pytest.raises(ConflictError):
        window.inspections.save(replace(mine, findings=mine.findings[1:]))
    assert len(window.inspections.find("29536").findings) == len(theirs.findings) + 1


def test_a_tracker_status_change_elsewhere_also_bumps_the_version(two):
    window, other = two
    mine = window.inspections.find("29536")
    other.db.execute("UPDATE findings SET owner = 'Script' WHERE id = ?", [mine.findings[0].id])  # any writer
    other.db.conn.commit()
    with pytest.raises(ConflictError, match="was changed"):
        window.inspections.save(replace(mine, title="x"))


def test_an_import_whose_record_changed_since_its_export_reports_the_conflict(two, tmp_path):
    window, other = two
    exported = tmp_path / "out.json"
    window.export_json(exported)
    document = json.loads(exported.read_text(encoding="utf-8"))
    assert all("record_version" in i for i in document["inspections"])  # added to the format, never required
    other.inspections.save(replace(other.inspections.find("29536"), pcc_comments="Edited after the export"))
    with pytest.raises(InterchangeError, match="changed in this office since the file was exported"):
        window.import_json(exported)
    assert window.inspections.find("29536").pcc_comments == "Edited after the export"
    for inspection in document["inspections"]:
        del inspection["record_version"]  # files from before record versions import as they always did
    exported.write_text(json.dumps(document), encoding="utf-8")
    window.import_json(exported)


def test_a_windows_stale_save_no_longer_reverts_a_command_line_import(tmp_path, capsys):
    from opcc_desktop.app import main

    path = tmp_path / "office.sqlite3"
    window = Office.open(path)
    window.load_demo(TODAY)
    loaded = window.inspections.find("29536")  # the form shows it
    exported = tmp_path / "edited.json"
    assert main(["--db", str(path), "export", str(exported)]) == 0
    document = json.loads(exported.read_text(encoding="utf-8"))
    for inspection in document["inspections"]:
        if inspection["reference"] == "29536":
            inspection["pcc_comments"] = "Updated by the IT script"
    exported.write_text(json.dumps(document), encoding="utf-8")
    assert main(["--db", str(path), "import", str(exported)]) == 0  # while the window is open on it
    with pytest.raises(ConflictError):
        window.inspections.save(replace(loaded, title="Typed in the window"))
    assert window.inspections.find("29536").pcc_comments == "Updated by the IT script"
    window.close()
