"""An editable Word copy (.docx, python-docx) of a letter or published response: same words, same order.

Text is added as runs, never parsed, so `<b>` and `&` stay literal. The signature is never put in the
Word copy: an editable file must not carry a signature that could be reused.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import BinaryIO

from docx import Document as new_docx
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_PARAGRAPH_ALIGNMENT
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph as DocxParagraph

from opcc_desktop.domain.dates import format_letter_date
from opcc_desktop.letters.compose import APPENDIX_HEADING
from opcc_desktop.letters.letter_data import LetterData, ResponseSheetData
from opcc_desktop.letters.page_furniture import image_is_usable

_CONTROL = dict.fromkeys([*range(9), 11, 12, *range(14, 32), 127])  # XML cannot hold these


def _clean(text: str) -> str:
    return text.translate(_CONTROL)


def _para(doc: DocxDocument, text: str = "", *, bold: bool = False, align: WD_PARAGRAPH_ALIGNMENT | None = None,
          size: float | None = None) -> DocxParagraph:
    paragraph = doc.add_paragraph()
    lines = _clean(text).split("\n")
    for number, line in enumerate(lines):
        run = paragraph.add_run(line)
        run.bold = bold
        if size:
            run.font.size = Pt(size)
        if number < len(lines) - 1:
            run.add_break()
    if align is not None:
        paragraph.alignment = align
    return paragraph


def _logo(doc: DocxDocument, png: bytes | None) -> None:
    if image_is_usable(png):
        doc.add_picture(io.BytesIO(png), height=Mm(20))
        doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _letter(doc: DocxDocument, data: LetterData) -> None:
    _logo(doc, data.logo_png)
    _para(doc, data.office_name, bold=True, align=WD_ALIGN_PARAGRAPH.RIGHT, size=13)
    _para(doc, "\n".join((*data.office_address_lines, *data.office_contact_lines)), align=WD_ALIGN_PARAGRAPH.RIGHT)
    if data.copy_note:
        _para(doc, data.copy_note, bold=True)
    _para(doc, "\n".join(data.recipient_lines))
    _para(doc, format_letter_date(data.letter_date, data.date_style))
    _para(doc, data.salutation)
    _para(doc, data.subject, bold=True)
    for text in (data.opening_paragraph, *data.body_paragraphs):
        _para(doc, text)
    _para(doc, "Yours sincerely")
    _para(doc, "\n\n")
    _para(doc, data.signatory_name, bold=True)
    _para(doc, data.signatory_title)
    if data.cc_lines:
        _para(doc, "\n".join(data.cc_lines))
    if data.appendix_entries:
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)  # add_page_break(), which is untyped
        _para(doc, APPENDIX_HEADING, bold=True, size=14)
        _para(doc, data.appendix_title, bold=True)
        table = doc.add_table(rows=1, cols=4)
        table.style = "Table Grid"
        for cell, label in zip(table.rows[0].cells, ("Ref", "Kind", "Finding", "Force response")):
            cell.paragraphs[0].add_run(label).bold = True
        for entry in data.appendix_entries:
            response = entry.force_response or "—"
            if entry.pcc_response:
                response += f"\nCommissioner’s response: {entry.pcc_response}"
            kind = f"{entry.kind_label}\n{entry.level}" if entry.level else entry.kind_label
            for cell, text in zip(table.add_row().cells, (entry.reference, kind, entry.text, response)):
                cell.paragraphs[0].add_run(_clean(text))


def _response(doc: DocxDocument, data: ResponseSheetData) -> None:
    _logo(doc, data.logo_png)
    _para(doc, data.office_name, bold=True, size=15)
    _para(doc, data.heading, bold=True)
    _para(doc, data.statutory_text)
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    rows = (("Inspection Title:", (data.inspection_title,)), ("Date Published:", (data.date_published,)),
            ("Type of Inspection:", (data.inspection_type,)), ("Key Findings", data.key_findings),
            (f"{data.areas_heading}:", data.areas), (f"{data.response_heading}:", data.response_paragraphs))
    for label, texts in rows:
        label_cell, text_cell = table.add_row().cells
        label_cell.paragraphs[0].add_run(label).bold = True
        for number, text in enumerate(texts or ("—",)):
            target = text_cell.paragraphs[0] if number == 0 else text_cell.add_paragraph()
            target.add_run(_clean(text))
    _para(doc, "")
    _para(doc, data.signatory_name, bold=True)
    _para(doc, data.signatory_title)


def export_docx(data: LetterData | ResponseSheetData, out: str | Path | BinaryIO) -> None:
    doc = new_docx()
    style = doc.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(10.5)
    for section in doc.sections:
        section.page_height, section.page_width = Mm(297), Mm(210)
        section.left_margin = section.right_margin = Mm(22)
    doc.core_properties.title = _clean(data.pdf_title)
    doc.core_properties.author = _clean(data.pdf_author)
    if isinstance(data, ResponseSheetData):
        _response(doc, data)
    else:
        _letter(doc, data)
    doc.save(str(out) if isinstance(out, (str, Path)) else out)
