"""The quarterly HMICFRS progress report: summary arithmetic (today as a parameter), the PDF, CLI, window."""

import io
from dataclasses import replace
from datetime import date

from pypdf import PdfReader

from opcc_desktop.app import main
from opcc_desktop.domain.finding_rows import FindingRow
from opcc_desktop.domain.progress_summary import Quarter, previous_quarter, quarter_of, summarise
from opcc_desktop.services.office import Office
from opcc_desktop.services.progress_report import write_progress_report

TODAY = date(2026, 11, 22)


def _row(n, status="Accepted", published=date(2026, 1, 10), target=None, revised=None, rag="", closed=None):
    return FindingRow(n, 1 + n % 2, f"R{n % 2}", f"Report {n % 2}", "PEEL", published, "recommendation", str(n), "",
                      f"Finding {n}", "Owner", target, status, rag, revised, closed)


def test_quarters_and_financial_year_labels():
    assert quarter_of(date(2026, 11, 22)) == Quarter(date(2026, 10, 1), date(2026, 12, 31))
    assert previous_quarter(date(2026, 11, 22)).label == "Q2 2026–27 (July to September 2026)"
    assert quarter_of(date(2027, 2, 1)).label == "Q4 2026–27 (January to March 2027)"
    assert previous_quarter(date(2027, 1, 5)) == Quarter(date(2026, 10, 1), date(2026, 12, 31))


def test_summary_counts_overdue_long_open_and_quarter():
    rows = [
        _row(1, target=date(2026, 6, 30), rag="Red"),                                   # overdue
        _row(2, target=date(2026, 6, 30), revised=date(2027, 3, 31), rag="Amber"),      # revised: not overdue
        _row(3, status="Closed – complete", target=date(2026, 1, 1), closed=date(2026, 8, 1)),  # closed
        _row(4, published=date(2025, 1, 1)),                                            # long open, no target
        _row(5, status="Not for local action – monitoring national body", published=date(2020, 1, 1)),
        _row(6, published=date(2026, 8, 15), target=date(2026, 11, 21)),                # opened in Q2, overdue 1 day
    ]
    summary = summarise(rows, TODAY, months=6, status_order=["Accepted", "Closed – complete"],
                        rag_order=["Red", "Amber", "Green"])
    assert (summary.total, summary.open_count) == (6, 4)
    assert [(r.id, days) for r, days in summary.overdue] == [(1, 145), (6, 1)]
    assert [r.id for r in summary.long_open] == [4, 1, 2] and summary.long_open_without_target == 1
    assert summary.by_status[:2] == [("Accepted", 4), ("Closed – complete", 1)]
    assert summary.by_rag == [("Red", 1), ("Amber", 1), ("Not rated", 2)]
    assert (summary.opened_in_quarter, summary.closed_in_quarter) == (1, 1)
    assert summarise(rows, TODAY, months=20).long_open == [rows[3]]


def test_pdf_has_the_counts_the_overdue_reference_and_literal_text(tmp_path):
    office = Office.open(tmp_path / "office.sqlite3")
    office.load_demo(TODAY)
    inspection = office.inspections.find("29536")
    hostile = replace(inspection.findings[0], text="<b>Bold</b> & =SUM(A1) ŵ مرحبا", target_date=date(2025, 1, 31))
    office.inspections.save(replace(inspection, findings=(hostile, *inspection.findings[1:])))
    pages = write_progress_report(office.db, tmp_path / "progress.pdf", TODAY, months=6)
    text = "\n".join(page.extract_text() for page in PdfReader(tmp_path / "progress.pdf").pages)
    assert pages >= 1 and "progress report" in text and "Page 1 of" in text
    assert "<b>Bold</b> & =SUM(A1) ŵ" in text and "29550" in text  # the overdue AFI is listed
    assert "All findings by status" in text and "Open findings by RAG rating" in text
    office.close()


def test_cli_writes_the_report(tmp_path, capsys):
    db = tmp_path / "cli.sqlite3"
    assert main(["--db", str(db), "demo", "--today", "2026-11-22"]) == 0
    out = tmp_path / "p.pdf"
    assert main(["--db", str(db), "progress-report", "--out", str(out), "--today", "2026-11-22", "--months", "3"]) == 0
    assert "Wrote" in capsys.readouterr().out and PdfReader(io.BytesIO(out.read_bytes())).pages
    assert main(["--db", str(db), "progress-report", "--out", str(out), "--months", "0"]) == 1
