"""Every PDF the app makes: fonts embedded, title/author/subject/language and XMP metadata, and text that
reads in order when extracted (read back with pypdf)."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from opcc_desktop.app import main
from opcc_desktop.letters.board_paper_render import render_board_paper_bytes
from opcc_desktop.letters.documents import render_pdf
from opcc_desktop.services.office import Office
from opcc_desktop.services.progress_report import write_progress_report

TODAY = date(2026, 11, 22)
KINDS = ("home_secretary", "published_response", "hmicfrs_copy", "agenda", "minutes", "progress", "compliance")


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("pdfs")
    db = folder / "office.sqlite3"
    assert main(["--db", str(db), "demo", "--today", TODAY.isoformat()]) == 0
    office = Office.open(db)
    try:
        inspection = office.inspections.find("29536").id
        made = {kind: render_pdf(office.letter_desk.document(inspection, kind, date(2023, 12, 20))).data
                for kind in KINDS[:3]}
        meetings = [m for b in office.boards.boards() for m in office.boards.meetings(b.id)]
        meeting = max(meetings, key=lambda m: len(office.boards.meeting_actions(m.id))).id
        for kind in ("agenda", "minutes"):
            made[kind] = render_board_paper_bytes(office.boards.paper(meeting, kind))
        write_progress_report(office.db, folder / "progress.pdf", TODAY)
        made["progress"] = (folder / "progress.pdf").read_bytes()
        made["compliance"] = office.reminders.compliance_pdf(TODAY)
    finally:
        office.close()
    return made


def _font_descriptor(font):
    descriptor = font.get("/FontDescriptor")
    if descriptor is None and "/DescendantFonts" in font:
        descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
    return descriptor.get_object() if descriptor is not None else None


@pytest.mark.parametrize("kind", KINDS)
def test_every_font_on_every_page_is_embedded(pdfs, kind):
    reader = PdfReader(io.BytesIO(pdfs[kind]))
    seen = set()
    for page in reader.pages:
        for ref in (page["/Resources"].get("/Font") or {}).values():
            font = ref.get_object()
            descriptor = _font_descriptor(font)
            seen.add(str(font["/BaseFont"]))
            assert descriptor is not None, f"{kind}: {font['/BaseFont']} is not embedded"
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), font["/BaseFont"]
    assert seen and not any("Helvetica" in name for name in seen)


@pytest.mark.parametrize("kind", KINDS)
def test_document_information_language_and_xmp(pdfs, kind):
    reader = PdfReader(io.BytesIO(pdfs[kind]))
    info = reader.metadata
    for key in ("/Title", "/Author", "/Subject"):
        assert info.get(key) and info[key] not in {"untitled", "anonymous", "unspecified", "(unspecified)"}, key
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    xmp = reader.xmp_metadata
    assert xmp is not None, kind
    assert xmp.dc_title["x-default"] == info["/Title"]
    assert xmp.dc_creator == [info["/Author"]]
    assert xmp.dc_description["x-default"] == info["/Subject"]
    assert xmp.dc_language == ["en-GB"]
    assert xmp.pdf_producer == info["/Producer"]
    assert xmp.xmp_create_date is not None
    stream = reader.trailer["/Root"]["/Metadata"].get_object()
    assert stream["/Subtype"] == "/XML" and "/Filter" not in stream  # plain, as PDF/A asks


def _text(pdf: bytes, page: int = 0) -> str:
    return " ".join(PdfReader(io.BytesIO(pdf)).pages[page].extract_text().split())


def _in_order(text: str, *parts: str) -> bool:
    positions = [text.find(part) for part in parts]
    return all(p >= 0 for p in positions) and positions == sorted(positions)


def test_letters_read_in_order_draft_marking_first_page_number_last(pdfs):
    letter = _text(pdfs["home_secretary"])
    assert letter.startswith("DRAFT – NOT SIGNED Office of the Police and Crime Commissioner")
    assert _in_order(letter, "PO Box 688", "Home Secretary", "Dear Home Secretary", "Under section 55")
    assert _in_order(letter, "Under section 55", "Page 1 of 3")  # the page number after the text
    response = _text(pdfs["published_response"])
    assert _in_order(response, "DRAFT – NOT SIGNED", "Inspection title:", "Date published:", "Key findings:")
    assert _in_order(_text(pdfs["hmicfrs_copy"]), "Inspection title:", "Date published:", "Key findings:")
    assert _in_order(_text(pdfs["agenda"]), "PO Box 688", "Agenda", "Collaboration project", "Page 1 of 1")
    assert _in_order(_text(pdfs["minutes"]), "Minutes", "Present:", "Collaboration project", "Action log")
    assert _in_order(_text(pdfs["progress"]), "progress report", "1. Summary", "2. Recommendation")
    assert _in_order(_text(pdfs["compliance"]), "Section 55 responses", "Median days", "2026 3", "2023 1")
