"""The all-findings tracker: SQL filters combine, sort, page; exports never evaluate formulas."""

import csv
from dataclasses import replace
from datetime import date, timedelta

import pytest
from openpyxl import load_workbook

from opcc_desktop.domain.finding_rows import FindingsQuery
from opcc_desktop.services.office import Office
from opcc_desktop.services.spreadsheet_export import HEADERS, export_findings

TODAY = date(2026, 11, 22)


@pytest.fixture
def office(tmp_path):
    office = Office.open(tmp_path / "office.sqlite3")
    office.load_demo(TODAY)
    yield office
    office.close()


def test_filters_combine(office):
    everything = office.findings.rows()
    assert len(everything) == office.findings.count() == 10
    afis = office.findings.rows(FindingsQuery(kind="area for improvement"))
    assert {r.kind for r in afis} == {"area for improvement"} and len(afis) == 5
    both = office.findings.rows(FindingsQuery(kind="area for improvement", text="4P"))
    assert [r.reference for r in both] == ["29551"]
    assert office.findings.count(FindingsQuery(kind="recommendation", text="4P")) == 0
    peel = office.findings.rows(FindingsQuery(inspection_type="PEEL force inspection"))
    assert peel and {r.inspection_reference for r in peel} == {"DEMO-001"}
    assert office.findings.count(FindingsQuery(text="100%_\\")) == 0  # LIKE wildcards are literal


def test_overdue_means_open_and_past_its_date(office):
    overdue = office.findings.rows(FindingsQuery(overdue_on=TODAY))
    assert [r.reference for r in overdue] == ["2.0"]  # the Hard Yards recommendation due March 2021
    demo1 = office.inspections.find("DEMO-001")
    late = replace(demo1.findings[0], target_date=TODAY - timedelta(days=1))
    office.inspections.save(replace(demo1, findings=(late, *demo1.findings[1:])))
    assert len(office.findings.rows(FindingsQuery(overdue_on=TODAY))) == 2
    saved = office.inspections.find("DEMO-001")  # as stored now (a stale copy would be refused as a conflict)
    closed = replace(saved.findings[0], status="Closed – complete", closure_basis="Evidence reviewed",
                     closure_approved_by="JASP")
    office.inspections.save(replace(saved, findings=(closed, *saved.findings[1:])))
    assert len(office.findings.rows(FindingsQuery(overdue_on=TODAY))) == 1


def test_sort_and_paging_in_sql(office):
    by_ref = [r.reference for r in office.findings.rows(FindingsQuery(sort="reference"))]
    assert by_ref == sorted(by_ref, key=str.casefold)
    first, second = (office.findings.rows(FindingsQuery(sort="reference"), limit=4, offset=o) for o in (0, 4))
    assert [r.reference for r in first + second] == by_ref[:8]


def test_exports_are_formula_safe(office, tmp_path):
    demo1 = office.inspections.find("DEMO-001")
    nasty = ("=HYPERLINK(\"http://evil\")", "+1+1", "-2", "@SUM(A1)", "\tTAB", "<b>bold</b> & Cymraeg ŵ")
    findings = tuple(replace(demo1.findings[0], id=None, reference=f"N{n}", text=t, owner=t)
                     for n, t in enumerate(nasty))
    office.inspections.save(replace(demo1, findings=findings))
    rows = office.findings.rows(FindingsQuery(text="N"))
    rows = [r for r in rows if r.reference.startswith("N")]
    export_findings(rows, tmp_path / "out.xlsx", TODAY)
    sheet = load_workbook(tmp_path / "out.xlsx").active
    text_column = HEADERS.index("Finding") + 1
    texts = [sheet.cell(row=n, column=text_column) for n in range(2, sheet.max_row + 1)]
    assert sorted(c.value for c in texts) == sorted(nasty)
    assert all(c.data_type == "s" for c in texts)
    assert all(c.quotePrefix for c in texts if c.value[0] in "=+-@\t")
    export_findings(rows, tmp_path / "out.csv", TODAY)
    with (tmp_path / "out.csv").open(encoding="utf-8-sig", newline="") as handle:
        cells = [line[text_column - 1] for line in csv.reader(handle)][1:]
    assert all(not c.startswith(("=", "+", "-", "@", "\t")) for c in cells)
    assert "'=HYPERLINK(\"http://evil\")" in cells and "<b>bold</b> & Cymraeg ŵ" in cells
