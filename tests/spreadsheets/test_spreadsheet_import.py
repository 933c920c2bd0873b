"""Importing a findings tracker from .xlsx/.csv: mapping, preview, all or nothing, round trip, CLI."""

import json
from datetime import date, datetime

import pytest
from openpyxl import Workbook

from opcc_desktop.app import main
from opcc_desktop.domain.spreadsheet_mapping import propose_mapping
from opcc_desktop.errors import InterchangeError
from opcc_desktop.services.office import Office
from opcc_desktop.services.spreadsheet_export import HEADERS, export_findings
from opcc_desktop.services.spreadsheet_import import preview_sheet, read_sheet

TODAY = date(2026, 11, 22)
TRACKER_HEADERS = ["Report", "Date published", "Rec No", "Recommendation / AFI", "Category", "Action owner",
                   "Due date", "Progress update", "RAG status", "Notes"]


def _xlsx(path, headers, rows):
    book = Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    for line in sheet.iter_rows(min_row=2):
        for cell in line:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # typed as text in Excel, not a formula
    book.save(path)
    return path


def _count(office, table):
    return office.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


@pytest.fixture
def office(tmp_path):
    office = Office.open(tmp_path / "office.sqlite3")
    yield office
    office.close()


def test_the_apps_own_export_headers_map_themselves():
    mapping = propose_mapping(list(HEADERS))
    assert set(range(len(HEADERS) - 1)) == set(mapping)  # every column but "Days open"
    assert len(set(mapping.values())) == len(mapping)


def test_a_typical_tracker_is_proposed_a_mapping_and_imported_with_excel_dates(office, tmp_path):
    path = _xlsx(tmp_path / "tracker.xlsx", TRACKER_HEADERS, [
        ["PEEL 2023 Cumbria", datetime(2023, 11, 10), 29550, "AFI: analytical capacity <b>&</b>", "AFI",
         "Head of Intelligence", datetime(2024, 3, 31), "=SUM(A1) not a formula", "Amber", "x"],
        ["PEEL 2023 Cumbria", datetime(2023, 11, 10), 29551, "The force should improve its 4P plans", "",
         "DCS Crime", "31/05/2024", "Plans drafted", "Red", ""],
        [None, None, None, None, None, None, None, None, None, None],
        ["Custody thematic", "01/02/2022", "R1", "Chief constables should review custody ŵ שלום", "Recommendation",
         "", "March 2023", "", "", ""],
    ])
    sheet = read_sheet(path)
    preview = preview_sheet(office.db, sheet)
    fields = {sheet.headers[i]: f for i, f in preview.mapping.items()}
    assert fields["Report"] == "inspection_title" and fields["Rec No"] == "finding_reference"
    assert fields["Due date"] == "target_date" and fields["RAG status"] == "rag" and "Notes" not in fields
    assert (preview.new_inspections, preview.new_findings, preview.rows, preview.problems) == (2, 3, 3, [])
    report = office.import_spreadsheet(path)
    assert report.added == 2 and _count(office, "findings") == 3
    peel = next(s for s in office.inspections.summaries() if s.title == "PEEL 2023 Cumbria")
    first, second = office.inspections.get(peel.id).findings
    assert (first.reference, first.kind, first.target_date, first.rag) == (
        "29550", "area for improvement", date(2024, 3, 31), "Amber")
    assert first.text == "AFI: analytical capacity <b>&</b>" and first.force_response == "=SUM(A1) not a formula"
    assert second.kind == "recommendation" and second.target_date == date(2024, 5, 31)
    custody = office.inspections.find("Custody thematic")
    assert custody.findings[0].target_date == date(2023, 3, 31) and "ŵ שלום" in custody.findings[0].text
    # the same file again: nothing new, nothing doubled
    again = office.import_spreadsheet(path)
    assert again.added == 0 and _count(office, "findings") == 3 and _count(office, "inspections") == 2


def test_a_bad_row_writes_nothing_and_names_row_and_column(office, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("Report;Date published;Ref;Finding;Kind;Due date\n"
                    "Good report;01/02/2022;1;The force should act;Recommendation;31/12/2022\n"
                    "Good report;01/02/2022;2;The force should act again;Recommendation;31/02/2023\n"
                    "Good report;01/02/2022;3;;Recommendation;\n"
                    "Good report;01/02/2022;4;Text;Wish;\n", encoding="utf-8")
    with pytest.raises(InterchangeError) as caught:
        office.import_spreadsheet(path)
    message = str(caught.value)
    assert 'row 4, column "Finding": the finding\'s text is required' in message  # a real error: all or nothing
    assert "31/02/2023" not in message and "Wish" not in message  # only warnings (issue 18)
    assert _count(office, "inspections") == 0 and _count(office, "findings") == 0
    preview = preview_sheet(office.db, read_sheet(path))
    assert 'row 3, column "Due date": \'31/02/2023\' is not a real date; imported with no target date' in \
        preview.warnings
    assert 'row 5, column "Kind": \'Wish\' is not a finding kind; read from the row instead' in preview.warnings


def test_new_inspection_without_a_publication_date_is_imported_with_it_unknown(office, tmp_path):
    path = tmp_path / "nodate.csv"
    path.write_text("Inspection,Finding\nSome report,The force should act\n", encoding="utf-8")
    office.import_spreadsheet(path)  # issue 18: never a made-up date, never a failed import
    assert office.inspections.find("Some report").published is None


def test_exported_xlsx_and_csv_reimport_into_a_fresh_office_without_mapping(tmp_path):
    source = Office.open(tmp_path / "a.sqlite3")
    source.load_demo(TODAY)
    finding = source.inspections.find("29536").findings[1]
    from dataclasses import replace
    inspection = source.inspections.find("29536")
    hostile = replace(finding, owner="=cmd|' /C calc'!A0", delivery_lead="@SUM(1)", rag="Red",
                      revised_target_date=date(2027, 1, 31), revised_target_reason="-late")
    source.inspections.save(replace(inspection, findings=(inspection.findings[0], hostile, *inspection.findings[2:])))
    rows = source.findings.rows()
    for suffix in (".xlsx", ".csv"):
        path = tmp_path / f"out{suffix}"
        export_findings(rows, path, TODAY)
        target = Office.open(tmp_path / f"b{suffix}.sqlite3")
        report = target.import_spreadsheet(path)
        assert report.findings == len(rows)
        again = sorted(target.findings.rows(), key=lambda r: (r.inspection_title, r.reference, r.text))
        before = sorted(rows, key=lambda r: (r.inspection_title, r.reference, r.text))
        strip = lambda r: {k: v for k, v in r.__dict__.items() if k not in ("id", "inspection_id")}
        assert [strip(r) for r in again] == [strip(r) for r in before], suffix
        target.close()
    source.close()


def test_cli_imports_with_a_mapping_file_and_exports_by_extension(tmp_path, capsys):
    db = tmp_path / "cli.sqlite3"
    path = tmp_path / "odd.csv"
    path.write_text("Col A,Col B,Col C,Col D\nR-9,Odd report,2021-06-01,The force should do it\n", encoding="utf-8")
    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps({"columns": {"Col A": "inspection_reference", "Col B": "inspection_title",
                                               "Col C": "published", "Col D": "text"}}), encoding="utf-8")
    assert main(["--db", str(db), "import", str(path), "--mapping", str(mapping)]) == 0
    assert "1 new" in capsys.readouterr().out
    bad = tmp_path / "bad-mapping.json"
    bad.write_text(json.dumps({"columns": {"Col Z": "text"}}), encoding="utf-8")
    assert main(["--db", str(db), "import", str(path), "--mapping", str(bad)]) == 1
    assert 'column "Col Z" is not in the spreadsheet' in capsys.readouterr().err
    assert main(["--db", str(db), "export", str(tmp_path / "all.xlsx")]) == 0
    assert "Exported 1 finding" in capsys.readouterr().out
    assert main(["--db", str(db), "export", str(tmp_path / "all.json")]) == 0  # JSON unchanged
    assert json.loads((tmp_path / "all.json").read_text())["format"] == "opcc-desktop"
    assert main(["--db", str(db), "import", str(tmp_path / "missing.xlsx")]) == 1
