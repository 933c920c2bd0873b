"""The Word copy, read back with python-docx: accessible structure (issue 20) and the faults of issue 16
(long titles, page numbers, dates, column widths, no blank pages)."""

from __future__ import annotations

import io
from datetime import date, datetime

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm
from PIL import Image

from opcc_desktop.domain import vocabulary as vocab
from opcc_desktop.domain.models import Finding
from opcc_desktop.letters.compose import compose_home_secretary_letter
from opcc_desktop.letters.compose_response import compose_published_response
from opcc_desktop.letters.docx_export import APPENDIX_WIDTHS, export_docx

from .test_response_sheet import CUMBRIA, soc
import itertools

NOW = datetime(2026, 11, 22, 9, 30)


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (200, 80), (31, 58, 95)).save(buffer, "PNG")
    return buffer.getvalue()


def write(data, tmp_path, name="out.docx"):
    path = tmp_path / name
    export_docx(data, path, now=NOW)
    return Document(str(path))


def inspection(title: str | None = None, **kw):
    from dataclasses import replace

    return replace(soc(**kw), title=title) if title is not None else soc(**kw)


def letter(title: str | None = None, **kw):
    from dataclasses import replace

    return replace(compose_home_secretary_letter(inspection(title, **kw), CUMBRIA, date(2023, 12, 21)),
                   logo_png=png())


def response(title: str | None = None, **kw):
    from dataclasses import replace

    return replace(compose_published_response(inspection(title, **kw), CUMBRIA, None, date(2023, 12, 20)),
                   logo_png=png())


@pytest.mark.parametrize("length", [188, 189, 255, 256, 1000])
def test_titles_of_any_length_are_written(tmp_path, length):
    title = ("An inspection of how well the police tackle serious and organised crime " * 20)[:length]
    for data in (letter(title=title), response(title=title)):
        doc = write(data, tmp_path)
        assert 0 < len(doc.core_properties.title) <= 255 and 0 < len(doc.core_properties.subject) <= 255
        body = "".join(t.text or "" for t in doc.element.body.iter(qn("w:t")))
        assert title.strip() in body  # the full title is still in the text


def test_properties_dated_today_with_title_subject_author_and_language(tmp_path):
    doc = write(letter(), tmp_path)
    props = doc.core_properties
    assert props.created.replace(tzinfo=None) == props.modified.replace(tzinfo=None) == NOW  # not the template's 2013
    assert props.last_printed is None and props.revision == 1
    assert props.title.startswith("Response to HMICFRS") and props.subject.startswith("Section 55 response")
    assert props.author == "Cumbria Office of Police Fire and Crime Commissioner" and props.language == "en-GB"
    defaults = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert defaults.find(qn("w:lang")).get(qn("w:val")) == "en-GB"


def test_heading_styles_give_the_structure(tmp_path):
    headings = [(p.style.name, p.text) for p in write(response(), tmp_path).paragraphs
                if p.style.name.startswith("Heading")]
    assert headings[0][0] == "Heading 1" and "response to inspections of Cumbria Constabulary" in headings[0][1]
    assert ("Heading 2", "Key findings") in headings
    assert ("Heading 3", "Area for improvement #29550 (Level 3)") in headings
    assert ("Heading 4", "Force response") in headings
    levels = [int(name.split()[-1]) for name, _ in headings]
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels))  # never skips a level
    letter_headings = [(p.style.name, p.text) for p in write(letter(), tmp_path).paragraphs
                       if p.style.name.startswith("Heading")]
    assert [name for name, _ in letter_headings] == ["Heading 1", "Heading 1", "Heading 2"]
    assert letter_headings[1][1] == "Appendix 1"


def test_table_header_rows_repeat_and_columns_are_as_wide_as_the_pdfs(tmp_path):
    doc = write(letter(), tmp_path)
    table = doc.tables[0]
    tr_pr = table.rows[0]._tr.trPr
    assert tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None
    assert [c.text for c in table.rows[0].cells] == ["Ref", "Kind", "Finding", "Force response"]
    widths = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert widths == [int(Mm(w).twips) for w in APPENDIX_WIDTHS]  # not four equal columns
    assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    details = write(response(), tmp_path).tables[0]
    assert details.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


def test_logo_has_alt_text_and_no_signature_is_included(tmp_path):
    doc = write(letter(), tmp_path)
    assert len(doc.inline_shapes) == 1
    doc_pr = doc.inline_shapes[0]._inline.docPr
    assert doc_pr.get("descr") == "Logo of Cumbria Office of Police Fire and Crime Commissioner"


def test_footer_has_page_x_of_y_fields(tmp_path):
    footer = write(letter(), tmp_path).sections[0].footer
    instructions = [t.text.strip() for t in footer._element.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"] and "Page" in footer.paragraphs[0].text


def test_real_lists_and_no_empty_paragraphs_or_page_break_paragraphs(tmp_path):
    doc = write(response(key_findings="HMICFRS inspected SOC.\n- Regional findings\n- Force findings"), tmp_path)
    bullets = [p.text for p in doc.paragraphs if p.style.name == "List Bullet"]
    assert bullets == ["Regional findings", "Force findings"]
    for data in (letter(), response()):
        doc = write(data, tmp_path)
        assert not [p for p in doc.paragraphs if not p.text.strip() and not p._p.xpath(".//w:drawing")]
        assert not doc.element.body.xpath(".//w:br[@w:type='page']")
    appendix = next(p for p in write(letter(), tmp_path).paragraphs if p.text == "Appendix 1")
    assert appendix.paragraph_format.page_break_before


def test_the_published_response_pairs_in_word_too(tmp_path):
    findings = (Finding(kind=vocab.RECOMMENDATION, reference="R1", text="Fix triage.", force_response="Done.",
                        pcc_response="Assured."),)
    texts = [(p.style.name, p.text) for p in write(response(findings=findings), tmp_path).paragraphs]
    start = texts.index(("Heading 3", "Recommendation R1"))
    assert texts[start + 1:start + 5] == [("Normal", "Fix triage."), ("Heading 4", "Force response"),
                                          ("Normal", "Done."), ("Heading 4", "Commissioner’s response")]


@pytest.mark.skipif(__import__("shutil").which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_lays_the_word_copy_out_without_blank_pages(tmp_path):
    import subprocess

    from pypdf import PdfReader

    findings = tuple(Finding(kind=vocab.RECOMMENDATION, reference=f"R{n}", text=f"Finding {n}. " * 30,
                             force_response=f"Answer {n}. " * 40) for n in range(20))
    for name, data in (("letter", letter(findings=findings)), ("response", response(findings=findings))):
        path = tmp_path / f"{name}.docx"
        export_docx(data, path, now=NOW)
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                       check=True, capture_output=True, timeout=240)
        pages = PdfReader(tmp_path / f"{name}.pdf").pages
        blank = [n for n, page in enumerate(pages, start=1) if len(page.extract_text().split()) < 10]
        assert len(pages) > 1 and blank == [], f"{name}: blank pages {blank}"
        assert "Page 2 of" in pages[1].extract_text()
