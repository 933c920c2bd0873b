"""Each tracker shape of issue 18 imports with no hand edits; warnings name sheet, row and column."""

import json
from datetime import date

import pytest

from opcc_desktop.app import main
from opcc_desktop.domain.spreadsheet_values import cell_date, closed_status
from opcc_desktop.services.office import Office
from tests.spreadsheets import real_shapes

TODAY = date(2026, 11, 22)


@pytest.fixture
def office(tmp_path):
    office = Office.open(tmp_path / "office.sqlite3")
    yield office
    office.close()


def _import(office, path):
    from opcc_desktop.services.spreadsheet_import import import_preview, preview_book
    from opcc_desktop.services.spreadsheet_read import read_book

    preview = preview_book(office.db, read_book(path), today=TODAY)
    import_preview(office.db, preview)
    return preview


def test_uk_dates_as_trackers_write_them():
    assert cell_date("31/03/21") == cell_date("31.03.21") == date(2021, 3, 31)
    assert cell_date("Sept 2014") == date(2014, 9, 30) and cell_date("March 2021") == date(2021, 3, 31)
    assert cell_date("Q4 2023/24") == date(2024, 3, 31) and cell_date("Q1 2023/24") == date(2023, 6, 30)
    assert cell_date(45382) == date(2024, 3, 31) and cell_date("2023/24") == date(2024, 3, 31)
    for bad in ("TBC", "Immediately", "ongoing"):
        with pytest.raises(ValueError):
            cell_date(bad)
    assert [closed_status(s) for s in ("Complete", "Completed", "Achieved", "Discharged", "Closed - superseded",
                                       "Open")] == ["Closed – complete"] * 4 + ["Closed - superseded", "Open"]


def test_title_rows_above_the_header(office, tmp_path):
    preview = _import(office, real_shapes.title_rows_above_header(tmp_path / "a.xlsx"))
    assert preview.sheets[0].header_row == 4 and preview.new_inspections == 2 and preview.new_findings == 6
    peel = office.inspections.find("PEEL 2021/22: An inspection of Cumbria Constabulary")
    first, second, third = peel.findings
    assert [f.kind for f in peel.findings] == ["area for improvement", "area for improvement", "recommendation"]
    assert first.status == "Closed – complete" and first.target_date == date(2023, 3, 31)
    assert first.closed_on == date(2023, 2, 14) and first.owner == "DCI Smith"
    assert second.target_date == date(2024, 3, 31) and third.target_date is None
    cdi = office.inspections.find("Crime data integrity 2014")
    assert [f.kind for f in cdi.findings] == ["recommendation", "cause of concern", "recommendation"]
    assert cdi.findings[0].target_date == date(2014, 9, 30) and cdi.findings[2].target_date == date(2024, 3, 31)
    assert 'sheet "Tracker", row 7, column "Target Date": \'TBC\' is not a date; imported with no target date' \
        in preview.warnings
    assert any("'Immediately' is not a date" in w for w in preview.warnings)
    assert first.force_response == "Training delivered"
    notes = office.db.execute("SELECT narrative FROM finding_history WHERE finding_id = ? AND source = 'import' "
                              "AND narrative != ''", [first.id]).fetchall()
    assert notes == [("Notes: Checked at PAC",)]  # the unmapped column, under its header


def test_two_row_merged_header(office, tmp_path):
    preview = _import(office, real_shapes.two_row_merged_header(tmp_path / "b.xlsx"))
    assert preview.sheets[0].header_row == 2 and not preview.problems
    vmm = office.inspections.find("VMM22")
    assert [(f.reference, f.kind, f.rag) for f in vmm.findings] == [("1", "recommendation", "Green"),
                                                                    ("2", "area for improvement", "Amber")]
    assert vmm.findings[0].target_date == date(2023, 4, 30) and vmm.findings[1].target_date == date(2024, 3, 31)
    assert vmm.findings[0].force_response == "Done"


def test_open_and_closed_sheets_read_and_the_key_sheet_skipped(office, tmp_path):
    preview = _import(office, real_shapes.open_closed_and_key_sheets(tmp_path / "c.xlsx"))
    assert [s.name for s in preview.sheets] == ["Open", "Closed"]
    assert preview.skipped == [("Key", "a key or lookup sheet, not findings")]
    custody = office.inspections.find("Custody 2023")
    assert [(f.reference, f.kind, f.status) for f in custody.findings] == [
        ("A1", "recommendation", "In progress"), ("A2", "area for improvement", "Closed – complete")]
    assert office.inspections.find("Stalking 2017").findings[0].status == "Closed – complete"  # on the Closed sheet


def test_an_excel_cp1252_csv(office, tmp_path):
    preview = _import(office, real_shapes.excel_cp1252_csv(tmp_path / "d.csv"))
    peel = office.inspections.find("PEEL 2015 – Effectiveness")
    assert peel.findings[0].text == "The force should improve its response to victims’ calls"
    assert peel.findings[0].status == "Closed – complete" and peel.findings[0].target_date == date(2021, 3, 31)
    assert peel.findings[1].force_response == "“Delayed”" and not preview.warnings


def test_dry_run_on_the_command_line_writes_nothing_and_the_import_does_exactly_that(tmp_path, capsys):
    path = real_shapes.title_rows_above_header(tmp_path / "a.xlsx")
    db = tmp_path / "cli.sqlite3"
    assert main(["--db", str(db), "import", str(path), "--dry-run", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert not db.exists()
    assert report["sheets"][0]["header_row"] == 4 and report["findings"] == {"create": 6, "update": 0}
    columns = {c["column"]: c["field"] for c in report["sheets"][0]["columns"]}
    assert columns["Type of finding"] == "kind" and columns["Lead"] == "owner" and columns["Notes"] is None
    assert columns["Date closed"] == "closed_on" and columns["Target Date"] == "target_date"
    assert any('row 7, column "Target Date"' in w for w in report["warnings"])
    assert main(["--db", str(db), "import", str(path), "--dry-run"]) == 0
    text = capsys.readouterr().out
    assert "header row 4" in text and "Notes → the finding's history" in text
    assert main(["--db", str(db), "import", str(path)]) == 0
    assert "6 new" in capsys.readouterr().out
    assert main(["--db", str(db), "import", str(path), "--dry-run", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["findings"] == {"create": 0, "update": 6}


def test_report_names_on_rows_of_their_own_and_no_publication_date(office, tmp_path):
    preview = _import(office, real_shapes.city_of_london_appendix(tmp_path / "col.xlsx"))
    assert preview.sheets[0].header_row == 5 and not preview.problems
    peel = office.inspections.find("PEEL 2018/2019 A national report by HMICFRS")
    assert peel.published is None and [f.kind for f in peel.findings] == ["area for improvement"] * 2
    assert [(f.rag, f.status) for f in peel.findings] == [("Amber", "Not yet assessed"), ("Green", "Not yet assessed")]
    assert peel.findings[0].target_date is None and peel.findings[1].target_date == date(2019, 12, 31)
    cdi = office.inspections.find("Crime data integrity 2018")
    assert cdi.findings[0].kind == "recommendation" and cdi.findings[0].target_date == date(2019, 3, 31)
    assert any("No deadline set by HMICFRS" in w and "Due Date" in w for w in preview.warnings)
    assert any("has no publication date" in w for w in preview.warnings)
    [first_item, second_item] = sorted(office.due(TODAY), key=lambda item: item.title)
    assert first_item.due is None and second_item.due is None  # both listed: deadline unknown


def test_a_type_column_of_afis_holds_the_kind_and_other_usual_headers(office, tmp_path):
    path = tmp_path / "type.csv"
    path.write_text("Inspection,Inspection date,Type,Rec / AFI No.,Description,SRO,Original deadline,Latest position\n"
                    "Custody 2021,03/03/2021,AFI,1,The force should improve cell checks,Supt Custody,June 2021,Done\n"
                    "Custody 2021,03/03/2021,Recommendation,2,The force should train staff,Supt Custody,TBC,\n",
                    encoding="utf-8")
    preview = _import(office, path)
    columns = {use.headers[i]: name for use in preview.sheets for i, name in use.mapping.items()}
    assert columns == {"Inspection": "inspection_title", "Inspection date": "published", "Type": "kind",
                       "Rec / AFI No.": "finding_reference", "Description": "text", "SRO": "owner",
                       "Original deadline": "target_date", "Latest position": "force_response"}
    custody = office.inspections.find("Custody 2021")
    assert custody.published == date(2021, 3, 3)
    assert [(f.kind, f.reference, f.target_date) for f in custody.findings] == [
        ("area for improvement", "1", date(2021, 6, 30)), ("recommendation", "2", None)]
