"""The audit trail (who, when, what changed) and soft delete with restore."""

import json
import sqlite3
from dataclasses import replace
from datetime import date

import pytest

from opcc_desktop.domain.finding_rows import FindingsQuery
from opcc_desktop.errors import NotFoundError, ValidationError
from opcc_desktop.services.interchange import export_document, import_document
from opcc_desktop.services.office import Office
from opcc_desktop.services.who import current_user_name

TODAY = date(2026, 11, 22)


@pytest.fixture
def office(tmp_path):
    office = Office.open(tmp_path / "office.sqlite3")
    office.load_demo(TODAY)
    office.audit.set_actor("CAMBS\\j.clerk")
    yield office
    office.close()


def _lines(office):
    return office.db.execute("SELECT count(*) FROM audit_log").fetchone()[0]


def test_no_op_save_writes_no_line_and_one_change_writes_one(office):
    inspection = office.inspections.find("29536")
    before = _lines(office)
    office.inspections.save(inspection)
    assert _lines(office) == before
    changed = replace(inspection.findings[1], owner="DCS <b>Crime</b>")
    office.inspections.save(replace(inspection, findings=(inspection.findings[0], changed, *inspection.findings[2:])))
    [line] = office.audit.for_inspection(inspection.id)[:1]
    assert _lines(office) == before + 1
    assert (line.who, line.table, line.action, line.row_id) == ("CAMBS\\j.clerk", "findings", "update", changed.id)
    assert line.changes == {"owner": [inspection.findings[1].owner, "DCS <b>Crime</b>"]}
    assert "owner (force lead): " in line.summary and "DCS <b>Crime</b>" in line.summary


def test_insert_and_soft_delete_and_restore_are_recorded(office):
    new_id, _ = office.inspections.save(replace(office.inspections.find("29536"), id=None, reference="NEW-1",
                                                findings=()))
    office.inspections.delete(new_id)
    office.inspections.restore(new_id)
    actions = [line.action for line in office.audit.for_inspection(new_id)]
    assert actions == ["restore", "soft delete", "insert"]
    soft = office.audit.for_inspection(new_id)[1]
    assert soft.who == "CAMBS\\j.clerk" and soft.changes["deleted_by"][1] == current_user_name()


def test_audit_log_is_append_only(office):
    office.inspections.save(replace(office.inspections.find("29536"), title="Changed"))
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        office.db.execute("UPDATE audit_log SET who = 'someone else'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        office.db.execute("DELETE FROM audit_log")


def test_soft_deleted_inspection_vanishes_everywhere_and_comes_back_whole(office, tmp_path):
    inspection = office.inspections.find("29536")
    from opcc_desktop.domain.tracker import StatusChange
    office.tracker.change_status(inspection.findings[1].id, StatusChange("Open – delayed", TODAY, "Me", narrative="zebra"))
    before_export = export_document(office.db)
    office.inspections.delete(inspection.id)
    assert inspection.id not in [s.id for s in office.inspections.summaries()]
    assert all(r.inspection_id != inspection.id for r in office.findings.rows(FindingsQuery()))
    assert office.search("zebra") == [] and office.search("4P plans") == []
    assert "29536" not in [i["reference"] for i in export_document(office.db)["inspections"]]
    with pytest.raises(NotFoundError):
        office.inspections.find("29536")
    assert [row[1] for row in office.inspections.recently_deleted()] == ["29536"]
    office.inspections.restore(inspection.id)
    strip = lambda d: {k: v for k, v in d.items() if k != "app_version"}
    assert strip(export_document(office.db)) == strip(before_export)
    assert [h.kind for h in office.search("zebra")] == ["update"]


def test_restore_is_refused_when_the_reference_was_reused(office):
    inspection = office.inspections.find("29536")
    office.inspections.delete(inspection.id)
    office.inspections.save(replace(inspection, id=None, findings=()))  # the reference is free again
    with pytest.raises(ValidationError, match="now used by another inspection"):
        office.inspections.restore(inspection.id)


def test_json_import_writes_one_summary_line(office, tmp_path):
    document = export_document(office.db)
    target = Office.open(tmp_path / "b.sqlite3")
    target.audit.set_actor("importer")
    import_document(target.db, json.loads(json.dumps(document)))
    lines = target.audit.recent()
    imports = [line for line in lines if line.table == "import"]
    assert len(imports) == 1 and imports[0].who == "importer" and "Imported 5 inspections" in imports[0].summary
    assert not [line for line in lines if line.table == "findings"]
    target.close()
