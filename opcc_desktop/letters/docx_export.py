"""An editable Word copy (.docx, python-docx) of a letter or published response: same words, same order.

Accessible, so that Word's "Save as PDF" with document structure tags makes a tagged PDF: Heading styles
for the structure, real list styles, table header rows that repeat and are marked as headers, alt text on
the logo, language en-GB, title/subject/author properties dated today, "Page x of y" fields in the footer,
spacing set on paragraphs (no empty paragraphs), columns as wide as the PDF's. Text is added as runs,
never parsed, so `<b>` and `&` stay literal. The signature is never put in the Word copy: an editable
file must not carry a signature that could be reused.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from typing import Any

from docx import Document as new_docx
from docx.document import Document as WordDocument
from docx.text.paragraph import Paragraph
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt, RGBColor

from opcc_desktop.domain.dates import format_letter_date
from opcc_desktop.letters.compose import APPENDIX_HEADING
from opcc_desktop.letters.docx_parts import (
    add_image, add_text, clean, header_marking, is_list_item, list_text, mark_header_row, page_x_of_y_footer,
    paragraph, set_language, set_properties, set_widths, shade,
)
from opcc_desktop.letters.letter_data import LetterData, ResponseSheetData
from opcc_desktop.letters.page_furniture import DEMONSTRATION_WORDS, image_is_usable
from opcc_desktop.letters.response_pairing import NO_RESPONSE, split_paragraphs

FONT = "Arial"
NAVY = "1F3A5F"
# The PDF's columns (letters/render.py and render_response.py), in millimetres.
LETTER_MARGIN, RESPONSE_MARGIN = 22.0, 18.0
APPENDIX_WIDTHS = [16.0, 31.0, 59.5, 59.5]
RESPONSE_WIDTHS = [48.0, 210.0 - 2 * RESPONSE_MARGIN - 48.0]
_HEADINGS = {"Heading 1": 13.0, "Heading 2": 11.5, "Heading 3": 10.5, "Heading 4": 10.0}


def _styles(doc: WordDocument) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(6)
    for name, size in _HEADINGS.items():
        style = doc.styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.italic = False
        style.font.color.rgb = RGBColor.from_string(NAVY)
        style.paragraph_format.space_before = Pt(10 if name != "Heading 4" else 4)
        style.paragraph_format.space_after = Pt(4)
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}rFonts")
        if fonts is not None:  # the template names theme fonts; the PDF's face is Arial-like
            for attribute in list(fonts.attrib):
                if attribute.endswith("Theme"):
                    del fonts.attrib[attribute]
    doc.styles["List Bullet"].font.name = FONT


def _lines_or_list(doc: WordDocument, lines: tuple[str, ...] | list[str]) -> None:
    for line in lines:
        if is_list_item(line):
            paragraph(doc, list_text(line), "List Bullet")
        else:
            paragraph(doc, line)


def _optional(doc: WordDocument, text: str, **options: Any) -> Paragraph | None:
    """A paragraph only when there is something to say: an empty one would be a blank line."""
    return paragraph(doc, text, **options) if text.strip() else None


def _signatory(doc: WordDocument, name: str, title: str, before: float) -> None:
    """The signatory's name and title, kept on the page of the paragraph before them (never alone)."""
    if doc.paragraphs:
        doc.paragraphs[-1].paragraph_format.keep_with_next = True
    first = _optional(doc, name, bold=True, before=before, after=0)
    second = _optional(doc, title, before=None if first is not None else before, after=0)
    for para in (first, second):
        if para is not None:
            para.paragraph_format.keep_with_next = True


def _logo(doc: WordDocument, png: bytes | None, office: str) -> None:
    if image_is_usable(png):
        assert png is not None
        add_image(doc, png, 20, f"Logo of {office}" if office else "Office logo")


def _letter(doc: WordDocument, data: LetterData) -> None:
    _logo(doc, data.logo_png, data.office_name)
    _optional(doc, data.office_name, bold=True, align=WD_ALIGN_PARAGRAPH.RIGHT, size=13, after=1)
    _optional(doc, "\n".join((*data.office_address_lines, *data.office_contact_lines)),
              align=WD_ALIGN_PARAGRAPH.RIGHT, size=9, after=18)
    _optional(doc, data.copy_note, bold=True)
    _optional(doc, "\n".join(data.recipient_lines), after=18)
    paragraph(doc, format_letter_date(data.letter_date, data.date_style))
    _optional(doc, data.salutation)
    paragraph(doc, data.subject, "Heading 1", before=2)
    for text in (data.opening_paragraph, *data.body_paragraphs):
        paragraph(doc, text)
    paragraph(doc, "Yours sincerely", before=4, after=0)
    _signatory(doc, data.signatory_name, data.signatory_title, before=48)  # room for a handwritten signature
    if data.cc_lines:
        paragraph(doc, "\n".join(data.cc_lines), before=12)
    if data.appendix_entries:
        heading = paragraph(doc, APPENDIX_HEADING, "Heading 1")
        heading.paragraph_format.page_break_before = True  # no page-break paragraph, so no blank page
        paragraph(doc, data.appendix_title, "Heading 2")
        _appendix(doc, data)


def _appendix(doc: WordDocument, data: LetterData) -> None:
    table = doc.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, label in zip(table.rows[0].cells, ("Ref", "Kind", "Finding", "Force response")):
        add_text(cell.paragraphs[0], label, bold=True, size=8.5, colour="FFFFFF")
        shade(cell, NAVY)
    mark_header_row(table.rows[0])
    for entry in data.appendix_entries:
        cells = table.add_row().cells
        for cell, text in zip(cells[:3], (entry.reference, "\n".join(filter(None, (entry.kind_label, entry.level))),
                                          entry.text)):
            add_text(cell.paragraphs[0], text, size=8.5)
        response = cells[3]
        add_text(response.paragraphs[0], entry.force_response or "—", size=8.5)
        if entry.pcc_response:
            label = response.add_paragraph()
            label.paragraph_format.space_before = Pt(4)
            add_text(label, "Commissioner’s response:", bold=True, size=8.5)
            add_text(response.add_paragraph(), entry.pcc_response, size=8.5)
    set_widths(table, APPENDIX_WIDTHS)


def _response(doc: WordDocument, data: ResponseSheetData) -> None:
    paired = data.paired
    _logo(doc, data.logo_png, paired.office_name)
    office = _optional(doc, paired.office_name, bold=True, size=15, after=4)
    if office is not None:
        office.runs[0].font.color.rgb = RGBColor.from_string(NAVY)
    paragraph(doc, paired.heading, "Heading 1", before=0)
    paragraph(doc, paired.statutory_text, size=9.5)
    paragraph(doc, "The report", "Heading 2")
    table = doc.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    for cell, label in zip(table.rows[0].cells, ("Detail", "As published")):
        add_text(cell.paragraphs[0], label, bold=True, colour="FFFFFF")
        shade(cell, NAVY)
    mark_header_row(table.rows[0])
    for label, value in paired.details:
        label_cell, value_cell = table.add_row().cells
        add_text(label_cell.paragraphs[0], f"{label}:", bold=True)
        shade(label_cell, "E6ECF3")
        add_text(value_cell.paragraphs[0], value)
    set_widths(table, RESPONSE_WIDTHS)
    paragraph(doc, "Key findings", "Heading 2")
    _lines_or_list(doc, paired.key_findings or ("—",))
    paragraph(doc, paired.comments_heading, "Heading 2")
    for text in paired.comments or ("—",):
        paragraph(doc, text)
    if paired.sections:
        paragraph(doc, f"{paired.sections_heading}, each followed by the responses to it", "Heading 2")
    for section in paired.sections:
        paragraph(doc, section.heading, "Heading 3")
        paragraph(doc, section.text)
        for label, text in section.responses:
            paragraph(doc, label, "Heading 4")
            for part in split_paragraphs(text):
                paragraph(doc, part)
        if not section.responses:
            paragraph(doc, NO_RESPONSE).runs[0].italic = True
    _signatory(doc, data.signatory_name, data.signatory_title, before=30)
    paragraph(doc, paired.response_date_text, before=0 if data.signatory_name or data.signatory_title else 30)


def export_docx(data: LetterData | ResponseSheetData, out: str | Path | BinaryIO, *,
                now: datetime | None = None) -> None:
    """Write the Word copy; `now` dates its properties (default: the moment it is written)."""
    doc = new_docx()
    _styles(doc)
    set_language(doc)
    margin = RESPONSE_MARGIN if isinstance(data, ResponseSheetData) else LETTER_MARGIN
    for section in doc.sections:
        section.page_height, section.page_width = Mm(297), Mm(210)
        section.left_margin = section.right_margin = Mm(margin)
        section.top_margin, section.bottom_margin = Mm(15), Mm(20)
        page_x_of_y_footer(section)
        if data.demonstration:
            header_marking(section, DEMONSTRATION_WORDS)
    subject = data.pdf_subject or data.pdf_title
    set_properties(doc, data.pdf_title, subject, data.pdf_author, now or datetime.now())
    if isinstance(data, ResponseSheetData):
        _response(doc, data)
    else:
        _letter(doc, data)
    doc.save(str(out) if isinstance(out, (str, Path)) else out)


__all__ = ["clean", "export_docx"]
