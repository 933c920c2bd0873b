"""Word building blocks for the Word copy: fields, table widths and header rows, language, alt text, lists.

python-docx has no API for some of what an accessible document needs (PAGE/NUMPAGES fields, repeating
header rows, alt text, the document language), so those are set as the WordprocessingML elements Word
itself writes. Text is always added as runs, never parsed.
"""

from __future__ import annotations

import io
from datetime import datetime

from typing import Any

from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.section import Section
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

LANGUAGE = "en-GB"
MAX_PROPERTY = 255  # Word's limit for title, subject and the other core properties
_CONTROL = dict.fromkeys([*range(9), 11, 12, *range(14, 32), 127])  # XML cannot hold these


def clean(text: str) -> str:
    return text.translate(_CONTROL)


def property_text(text: str) -> str:
    """A core property value Word accepts: control characters dropped, at most 255 characters."""
    value = " ".join(clean(text).split())
    return value if len(value) <= MAX_PROPERTY else value[:MAX_PROPERTY - 1].rstrip() + "…"


def add_text(paragraph: Paragraph, text: str, *, bold: bool = False, size: float | None = None,
             colour: str | None = None) -> Paragraph:
    """Literal text as runs; a line break inside the text becomes a line break, not a new paragraph."""
    lines = clean(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, line in enumerate(lines):
        run = paragraph.add_run(line)
        run.bold = bold or None
        if size:
            run.font.size = Pt(size)
        if colour:
            run.font.color.rgb = RGBColor.from_string(colour)
        if number < len(lines) - 1:
            run.add_break()
    return paragraph


def paragraph(container: Any, text: str = "", style: str | None = None, *, bold: bool = False,
              align: Any = None, size: float | None = None, before: float | None = None,
              after: float | None = None) -> Paragraph:
    """A paragraph with its spacing set on the paragraph itself (never an empty paragraph as a spacer)."""
    para: Paragraph = container.add_paragraph(style=style)
    add_text(para, text, bold=bold, size=size)
    if align is not None:
        para.alignment = align
    if before is not None:
        para.paragraph_format.space_before = Pt(before)
    if after is not None:
        para.paragraph_format.space_after = Pt(after)
    return para


def is_list_item(line: str) -> bool:
    return line.lstrip().startswith(("- ", "• ", "* ", "– "))


def list_text(line: str) -> str:
    return line.lstrip()[2:].strip()


def _field(paragraph: Paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice fill in when the page is laid out: one run
    per part, as Word writes it, so each carries the footer's font size."""
    for kind, text in (("begin", None), (None, instruction), ("separate", None), (None, "1"), ("end", None)):
        run = paragraph.add_run()
        if kind is not None:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == instruction:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {instruction} "
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)


def page_x_of_y_footer(section: Section, size: float = 8.5) -> None:
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Page ")
    _field(footer, "PAGE")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES")
    for run in footer.runs:
        run.font.size = Pt(size)


def header_marking(section: Section, words: str) -> None:
    para = section.header.paragraphs[0]
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_text(para, words, bold=True, size=9, colour="8A4B00")


def set_language(document: Document, language: str = LANGUAGE) -> None:
    """The document's default language (styles' run defaults and Normal), plus the core property."""
    styles = document.styles.element
    rpr_default = styles.find(qn("w:docDefaults"))
    targets = []
    if rpr_default is not None:
        rpr = rpr_default.find(qn("w:rPrDefault"))
        if rpr is not None and rpr.find(qn("w:rPr")) is not None:
            targets.append(rpr.find(qn("w:rPr")))
    targets.append(document.styles["Normal"].element.get_or_add_rPr())
    for rpr in targets:
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            rpr.append(lang)
        for attribute in ("w:val", "w:eastAsia", "w:bidi"):
            lang.set(qn(attribute), language)
    document.core_properties.language = language


def set_properties(document: Document, title: str, subject: str, author: str, now: datetime) -> None:
    props = document.core_properties
    props.title = property_text(title)
    props.subject = property_text(subject)
    props.author = property_text(author)
    props.last_modified_by = property_text(author)
    props.comments = ""
    props.keywords = ""
    props.category = ""
    props.revision = 1
    props.created = props.modified = now.replace(microsecond=0, tzinfo=None)
    props._element._remove_lastPrinted()


def set_widths(table: Table, widths_mm: list[float]) -> None:
    """Fixed column widths, as the PDF has them (Word otherwise shares the width equally)."""
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    grid = table._tbl.tblGrid
    for column, width in zip(grid.findall(qn("w:gridCol")), widths_mm):
        column.set(qn("w:w"), str(int(Mm(width).twips)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm):
            cell.width = Mm(width)


def mark_header_row(row: _Row) -> None:
    """Repeat the row at the top of each page; Word's "Save as PDF" tags it as the table's header (TH)."""
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)
    cant_split = OxmlElement("w:cantSplit")
    tr_pr.append(cant_split)


def shade(cell: _Cell, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    tc_pr.append(shading)


def add_image(document: Document, png: bytes, height_mm: float, alt_text: str,
              align: Any = WD_ALIGN_PARAGRAPH.RIGHT) -> None:
    """An image in its own paragraph, with alt text (descr and title) for screen readers."""
    para = document.add_paragraph()
    para.alignment = align
    shape = para.add_run().add_picture(io.BytesIO(png), height=Mm(height_mm))
    doc_pr = shape._inline.docPr
    doc_pr.set("descr", property_text(alt_text))
    doc_pr.set("title", property_text(alt_text))
