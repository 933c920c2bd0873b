"""The progress report PDF read back with pypdf: letterhead from settings, the counts, overdue and long-open
items, the RAG swatches, "Page x of y", and hostile / Welsh / Arabic text printed literally."""

import re
from datetime import date

import pytest
from pypdf import PdfReader

from opcc_desktop.domain.models import Finding, Inspection
from opcc_desktop.domain.vocabulary import AREA_FOR_IMPROVEMENT
from opcc_desktop.errors import UserFacingError
from opcc_desktop.services.office import Office
from opcc_desktop.services.progress_report import progress_summary, write_progress_report

TODAY = date(2026, 11, 22)
HOSTILE = "<b>&amp; not bold</b> & <font color=red>x</font>"
WELSH = "Gwasanaeth Heddlu Dyfed-Powys: ŵ ŷ â ê î ô û"
ARABIC = "مرحبا بالعالم"


def _finding(reference, text, **fields):
    return Finding(kind=fields.pop("kind", "recommendation"), text=text, reference=reference, owner="DCC", **fields)


def build_office(path):
    """Two inspections: overdue, revised, no-target, closed-in-quarter and recent findings; hostile text."""
    office = Office.open(path)
    office.settings.update({"office_name": f"Swyddfa {HOSTILE}", "force_name": WELSH,
                            "office_address": "Blwch Post 99\nCaerfyrddin"})
    office.inspections.save(Inspection(
        title=f"Thematic {HOSTILE}", type="National thematic", published=date(2025, 3, 1), reference="TH-1",
        findings=(
            _finding("R-OVER", f"Overdue {HOSTILE} {ARABIC}", status="Open – in progress", rag="Red",
                     target_date=date(2026, 1, 31)),
            _finding("R-REV", "Revised into the future", status="Open – delayed", rag="Amber",
                     target_date=date(2026, 1, 31), revised_target_date=date(2027, 6, 30),
                     revised_target_reason="New system"),
            _finding("R-NOTGT", f"No target {WELSH}", status="Accepted", rag="Green"),
            _finding("R-DONE", "Done", status="Closed – complete", rag="Blue", target_date=date(2025, 9, 1),
                     closure_basis="Evidence seen", closure_approved_by="Board", closed_on=date(2026, 8, 14)),
        )))
    office.inspections.save(Inspection(
        title="PEEL 2026", type="PEEL force inspection", published=date(2026, 8, 2), reference="PEEL-26",
        findings=(_finding("AFI-1", "Recent", kind=AREA_FOR_IMPROVEMENT, rag="Amber"),)))
    return office


@pytest.fixture
def office(tmp_path):
    office = build_office(tmp_path / "office.sqlite3")
    yield office
    office.close()


def _text(path):
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_summary_through_storage(office):
    summary = progress_summary(office.db, TODAY, months=6)
    assert (summary.total, summary.open_count, summary.closed_in_quarter, summary.opened_in_quarter) == (5, 4, 1, 1)
    assert [r.reference for r, _days in summary.overdue] == ["R-OVER"]
    assert [r.reference for r in summary.long_open] == ["R-NOTGT", "R-OVER", "R-REV"]  # oldest, then by ref
    assert summary.by_rag == [("Red", 1), ("Amber", 2), ("Green", 1)]


def test_pdf_has_letterhead_counts_overdue_item_and_page_numbers(office, tmp_path):
    path = tmp_path / "progress.pdf"
    pages = write_progress_report(office.db, path, TODAY, months=6)
    text = " ".join(_text(path).split())
    reader = PdfReader(path)
    assert pages == len(reader.pages) and f"Page {pages} of {pages}" in text
    assert "HMICFRS recommendations and areas for improvement:" in text and "Q2 2026–27" in text
    assert "July to September 2026" in text and "Position as at 22nd November 2026" in text
    assert "Blwch Post 99" in text and "Caerfyrddin" in text
    assert "tracks 5 findings" in text and "4 are open" in text and "1 new finding was published and 1 closed" in text
    assert "1 open finding is past the target date" in text and "3 have been open for more than 6 months" in text
    assert "1 of them without any target date" in text
    assert re.search(r"Open – in progress\s*1", text) and re.search(r"Total open\s*4", text)
    assert "R-OVER" in text and "31/01/2026" in text and "295" in text  # days overdue: 31 Jan → 22 Nov
    assert "R-REV" in text and "30/06/2027" in text and "(revised)" in text
    assert "No target date" in text and "R-NOTGT" in text
    assert "That the board notes the position" in text and "the 1 overdue finding in section 4" in text
    assert reader.metadata.title == "HMICFRS progress report — Q2 2026–27 (July to September 2026)"


def test_user_text_is_printed_literally_in_every_place(office, tmp_path):
    path = tmp_path / "progress.pdf"
    write_progress_report(office.db, path, TODAY, months=6)
    flat = " ".join(_text(path).split())
    assert flat.count(HOSTILE) >= 3  # office name (letterhead and "A report by"), inspection title, finding text
    assert f"Force: {WELSH}" in flat and f"No target {WELSH}" in flat
    # Every Arabic word survives whole. ReportLab lays it out in logical order (no bidi/shaping without
    # rlbidi/uharfbuzz) and pypdf reverses right-to-left runs when extracting, so either order.
    assert all(word in flat or word[::-1] in flat for word in ARABIC.split())


def test_rag_swatches_are_coloured(office, tmp_path):
    path = tmp_path / "progress.pdf"
    write_progress_report(office.db, path, TODAY, months=6)
    streams = "".join(page.get_contents().get_data().decode("latin-1") for page in PdfReader(path).pages)
    for red, green, blue in ((0xC6, 0x28, 0x28), (0xF9, 0xA8, 0x25), (0x2E, 0x7D, 0x32)):
        fill = " ".join(f"{c / 255:.6f}".rstrip("0").lstrip("0") or "0" for c in (red, green, blue)) + " rg"
        assert fill in streams
    assert ".082353 .396078 .752941 rg" not in streams  # Blue counts only closed findings here: no swatch


def test_other_quarter_and_months_and_an_empty_office(office, tmp_path):
    from opcc_desktop.domain.progress_summary import quarter_of

    path = tmp_path / "q3.pdf"
    write_progress_report(office.db, path, TODAY, months=24, quarter=quarter_of(TODAY))
    text = _text(path)
    assert "Q3 2026–27" in text and "October to December 2026" in text
    assert "No finding has been open for more than 24 months." in text
    empty = Office.open(tmp_path / "empty.sqlite3")
    try:
        assert write_progress_report(empty.db, tmp_path / "empty.pdf", TODAY) == 1
        assert "No open finding is past its target date." in _text(tmp_path / "empty.pdf")
    finally:
        empty.close()


def test_unwritable_path_is_a_plain_error_and_leaves_nothing(office, tmp_path):
    with pytest.raises(UserFacingError, match="Cannot write"):
        write_progress_report(office.db, tmp_path / "missing" / "p.pdf", TODAY)
    assert not list(tmp_path.glob("**/*.part"))
