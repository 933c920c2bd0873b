"""JSON v1 keeps working; the tracker's keys and history round-trip."""

import json
from datetime import date

import pytest

from opcc_desktop.domain.tracker import StatusChange
from opcc_desktop.errors import InterchangeError
from opcc_desktop.services.demo import demo_document
from opcc_desktop.services.interchange import export_document, import_document
from opcc_desktop.services.office import Office

from .conftest import TODAY, finding_id


def _strip(document):
    """The records only: not which program, which office file or which version of each record wrote it."""
    inspections = [{k: v for k, v in i.items() if k != "record_version"} for i in document.get("inspections", [])]
    return {**{k: v for k, v in document.items() if k not in ("app_version", "office_uid")}, "inspections": inspections}


def test_tracker_fields_and_history_round_trip(demo, tmp_path):
    fid = finding_id(demo, "29551")
    demo.db.execute(
        "UPDATE findings SET owner = 'DCC', delivery_lead = 'Head of SOC', opcc_lead = 'Chief Executive', "
        "revised_target_date = '2027-03-31', revised_target_reason = 'Regional template late =SUM(1)' WHERE id = ?",
        [fid])
    demo.tracker.change_status(fid, StatusChange("Open – delayed", date(2026, 10, 1), "Me", "PCC", "Slipped", "Amber"))
    demo.tracker.change_status(fid, StatusChange(
        "Closed – complete", date(2026, 11, 1), "Me", narrative="Done", closure_basis="Evidence reviewed",
        closure_approved_by="JASP"))
    exported = export_document(demo.db)
    afi = next(f for i in exported["inspections"] for f in i["findings"] if f["reference"] == "29551")
    assert afi["owner"] == "DCC" and afi["rag"] == "Amber" and afi["closed_on"] == "2026-11-01"
    assert afi["revised_target_date"] == "2027-03-31" and afi["closure_approved_by"] == "JASP"
    assert [h["new_status"] for h in afi["history"]] == ["Open – delayed", "Closed – complete"]
    assert afi["history"][0] == {"date": "2026-10-01", "author": "Me", "on_behalf_of": "PCC",
                                 "old_status": "Open – in progress", "new_status": "Open – delayed",
                                 "narrative": "Slipped", "source": "status change"}
    assert "Amber" in exported["lookups"]["rag_values"]
    target = Office.open(tmp_path / "b.sqlite3")
    import_document(target.db, json.loads(json.dumps(exported)))
    assert _strip(export_document(target.db)) == _strip(exported)
    # importing the same file again replaces, without doubling the history
    import_document(target.db, json.loads(json.dumps(exported)))
    assert _strip(export_document(target.db)) == _strip(exported)


def test_old_files_without_tracker_keys_import_unchanged(tmp_path):
    office = Office.open(tmp_path / "a.sqlite3")
    document = demo_document(TODAY)
    for inspection in document["inspections"]:
        for raw in inspection["findings"]:
            raw.pop("rag", None)  # a file written before the tracker existed
    import_document(office.db, document)
    finding = office.inspections.find("29536").findings[1]
    assert finding.rag == "" and finding.delivery_lead == "" and finding.revised_target_date is None
    assert office.tracker.history(finding.id) == []


def test_bad_tracker_keys_are_reported_and_nothing_is_written(tmp_path):
    office = Office.open(tmp_path / "a.sqlite3")
    document = demo_document(TODAY)
    finding = document["inspections"][0]["findings"][0]
    finding["revised_target_date"] = "31/02/2027"
    finding["history"] = [{"date": "yesterday", "new_status": "x"}, "nonsense"]
    finding["rag"] = ["Red"]
    with pytest.raises(InterchangeError) as caught:
        import_document(office.db, document)
    message = str(caught.value)
    assert "revised_target_date" in message and "history[0]" in message and "history[1]" in message
    assert '"rag"' in message
    assert office.db.execute("SELECT count(*) FROM inspections").fetchone()[0] == 0
