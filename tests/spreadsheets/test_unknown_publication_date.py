"""A tracker without publication dates: the inspection is imported with its date unknown (never made up);
the dashboard lists its s.55 deadline as unknown; everything else that reads inspections carries on."""

import json
from datetime import date

import pytest

from opcc_desktop.app import main
from opcc_desktop.services.office import Office
from opcc_desktop.services.spreadsheet_export import export_findings

TODAY = date(2026, 11, 22)
CSV = ("Report,Rec No,Recommendation,Owner,Due date\n"
       "Stalking thematic,1,Chief constables should appoint stalking leads,DCI PPU,Q4 2024/25\n"
       "Stalking thematic,2,The force should train call handlers,Supt Contact,TBC\n")


@pytest.fixture
def office(tmp_path):
    office = Office.open(tmp_path / "office.sqlite3")
    (tmp_path / "t.csv").write_text(CSV, encoding="utf-8")
    office.import_spreadsheet(tmp_path / "t.csv")
    yield office
    office.close()


def test_imported_with_no_date_and_listed_on_the_dashboard(office):
    inspection = office.inspections.find("Stalking thematic")
    assert inspection.published is None and len(inspection.findings) == 2
    assert inspection.findings[0].target_date == date(2025, 3, 31)
    [item] = office.due(TODAY)
    assert item.published is None and item.due is None and item.title == "Stalking thematic"
    from opcc_desktop.ui.shell.due_model import UNKNOWN_DEADLINE, days_left_text
    assert days_left_text(item) == UNKNOWN_DEADLINE == "unknown — enter the publication date"
    assert office.inspections.validate(inspection)[0].field == "published"  # the editor asks for it on save


def test_the_rest_of_the_office_reads_it(office, tmp_path, capsys):
    db = str(office.path)
    assert main(["--db", db, "due", "--json", "--today", TODAY.isoformat()]) == 0
    assert json.loads(capsys.readouterr().out) == []  # the due command's promise is unchanged
    assert main(["--db", db, "due", "--kinds", "all", "--today", TODAY.isoformat()]) == 0
    capsys.readouterr()
    rows = office.findings.rows()
    assert len(rows) == 2 and rows[0].published is None and rows[0].days_open(TODAY) == 0
    export_findings(rows, tmp_path / "out.xlsx", TODAY)
    assert main(["--db", db, "export", str(tmp_path / "all.json")]) == 0
    document = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
    assert document["inspections"][0]["published"] is None
    fresh = tmp_path / "fresh.sqlite3"
    assert main(["--db", str(fresh), "import", str(tmp_path / "all.json")]) == 0  # round trip
    assert main(["--db", db, "progress-report", "--out", str(tmp_path / "p.pdf"), "--today", TODAY.isoformat()]) == 0
    assert main(["--db", db, "letter", "Stalking thematic", "--out", str(tmp_path / "l.pdf")]) == 0
    assert (tmp_path / "l.pdf").read_bytes().startswith(b"%PDF")
    summaries = office.inspections.summaries()
    from opcc_desktop.ui.inspections.inspections_model import s55_status_text
    assert s55_status_text(summaries[0], TODAY).startswith("Unknown")
