"""Lay out the published response (the office's template, seeds S0 and S2) as an A4 PDF.

A two-column table of labelled sections (Inspection Title, Date Published, Type of Inspection, Key
Findings, Areas for Improvement, the commissioner's and force's response). Rows split across pages,
so a response of thousands of words flows on. Every user string is escaped by `markup()`.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, KeepTogether, PageTemplate, Paragraph, Spacer, Table, TableStyle

from opcc_desktop import __version__
from opcc_desktop.letters.fonts import BOLD, register_fonts
from opcc_desktop.letters.letter_data import ResponseSheetData
from opcc_desktop.letters.page_furniture import (
    DRAFT_WORDS, GREY, image_flowable, image_is_usable, numbered_canvas_class,
)
from opcc_desktop.letters.render import fit_line, markup
from opcc_desktop.letters.response_pairing import NO_RESPONSE, PairedSection, split_paragraphs

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 15 * mm
MARGIN_BOTTOM = 20 * mm
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
LABEL_WIDTH = 48 * mm
HEADER_BLUE = colors.HexColor("#1f3a5f")
LABEL_FILL = colors.HexColor("#e6ecf3")


def _styles() -> dict[str, ParagraphStyle]:
    font = register_fonts()
    body = ParagraphStyle("rbody", fontName=font, fontSize=10, leading=13.2, spaceAfter=6)
    return {
        "body": body,
        "office": ParagraphStyle("roffice", parent=body, fontName=BOLD, fontSize=15, leading=19,
                                 textColor=HEADER_BLUE, spaceAfter=4),
        "heading": ParagraphStyle("rheading", parent=body, fontName=BOLD, fontSize=11.5, leading=15),
        "statute": ParagraphStyle("rstatute", parent=body, fontSize=9.5, leading=12.5, textColor=GREY),
        "label": ParagraphStyle("rlabel", parent=body, fontName=BOLD, spaceAfter=0),
        "cell": ParagraphStyle("rcell", parent=body, spaceAfter=5),
        "line": ParagraphStyle("rline", parent=body, spaceAfter=0),
        "response_label": ParagraphStyle("rresponse", parent=body, fontName=BOLD, spaceBefore=2, spaceAfter=2,
                                         textColor=HEADER_BLUE),
        "labelled": ParagraphStyle("rlabelled", parent=body, spaceBefore=2, spaceAfter=5),
        "band": ParagraphStyle("rband", parent=body, fontName=BOLD, textColor=colors.white, spaceAfter=0),
    }


def _cell(texts: tuple[str, ...] | list[str], st: dict[str, ParagraphStyle]) -> list[Paragraph]:
    return [Paragraph(markup(text), st["cell"]) for text in texts] or [Paragraph("—", st["cell"])]


def _finding_cell(section: PairedSection, st: dict[str, ParagraphStyle]) -> list[Paragraph]:
    """The finding's words, then each response under its own label (or a plain "No response recorded")."""
    cell = [Paragraph(markup(section.text), st["cell"])]
    for label, text in section.responses:
        # The label opens its first paragraph, so a page never ends on a label without its words.
        parts = list(split_paragraphs(text)) or [""]
        first = f'<font name="{BOLD}" color="#1f3a5f">{markup(label)}</font><br/>{markup(parts[0])}'
        cell.append(Paragraph(first, st["labelled"]))
        cell += [Paragraph(markup(part), st["cell"]) for part in parts[1:]]
    if not section.responses:
        cell.append(Paragraph(markup(NO_RESPONSE), st["response_label"]))
    return cell


def _finding_label(section: PairedSection, st: dict[str, ParagraphStyle]) -> list[Paragraph]:
    lines = [section.kind_label, section.reference, section.level_label]
    return [Paragraph("<br/>".join(markup(line) for line in lines if line), st["label"])]


def _sections(data: ResponseSheetData, st: dict[str, ParagraphStyle]) -> Table:
    doc = data.paired
    rows: list[list[Any]] = [[Paragraph(markup(f"{label}:"), st["label"]), _cell([value], st)]
                        for label, value in doc.details]
    rows.append([Paragraph("Key findings:", st["label"]), _cell(doc.key_findings, st)])
    rows.append([Paragraph(markup(f"{doc.comments_heading}:"), st["label"]), _cell(doc.comments, st)])
    spans = []
    if doc.sections:
        spans.append(len(rows))
        rows.append([Paragraph(markup(f"{doc.sections_heading}, each followed by the responses to it"),
                               st["band"]), ""])
        rows += [[_finding_label(section, st), _finding_cell(section, st)] for section in doc.sections]
    table = Table(rows, colWidths=[LABEL_WIDTH, FRAME_WIDTH - LABEL_WIDTH], splitByRow=1, splitInRow=1,
                  hAlign="LEFT")
    style: list[Any] = [
        ("FONT", (0, 0), (-1, -1), st["body"].fontName, st["body"].fontSize),
        ("BACKGROUND", (0, 0), (0, -1), LABEL_FILL),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#8a9bb0")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    for row in spans:
        style += [("SPAN", (0, row), (1, row)), ("BACKGROUND", (0, row), (1, row), HEADER_BLUE)]
    table.setStyle(TableStyle(style))
    return table


def _signature(data: ResponseSheetData, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    if not data.signatory_name and not data.signatory_title:
        return []
    block: list[Flowable] = [Spacer(1, 6 * mm)]
    if not data.draft and image_is_usable(data.signature_png):
        block.append(image_flowable(data.signature_png, 55 * mm, 16 * mm))
    elif data.draft:
        block += [Paragraph(f'<font color="#b3261e">[{DRAFT_WORDS}]</font>', st["line"]), Spacer(1, 3 * mm)]
    if data.signatory_name:
        block.append(Paragraph(f"<b>{markup(data.signatory_name)}</b>", st["line"]))
    if data.signatory_title:
        block.append(Paragraph(markup(data.signatory_title), st["line"]))
    block.append(Paragraph(markup(data.paired.response_date_text), st["line"]))
    return [KeepTogether(block)]


def _story(data: ResponseSheetData, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    story: list[Flowable] = []
    if image_is_usable(data.logo_png):
        story += [image_flowable(data.logo_png, FRAME_WIDTH * 0.4, 20 * mm, align="RIGHT"), Spacer(1, 2 * mm)]
    story += [Paragraph(markup(data.paired.office_name), st["office"]),
              Paragraph(markup(data.paired.heading), st["heading"]),
              Paragraph(markup(data.paired.statutory_text), st["statute"]),
              Spacer(1, 2 * mm),
              _sections(data, st)]
    return story + _signature(data, st)


class _Doc(BaseDocTemplate):
    def __init__(self, out: str | BinaryIO, data: ResponseSheetData, invariant: bool) -> None:
        super().__init__(
            out, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM, title=data.pdf_title, author=data.pdf_author, subject=data.pdf_subject,
            creator=f"OPCC Desktop {__version__}", lang="en-GB", displayDocTitle=1,
            invariant=1 if invariant else 0, initialFontName=register_fonts(), initialFontSize=10,
        )
        self.data = data
        height = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
        first = Frame(MARGIN_X, MARGIN_BOTTOM, FRAME_WIDTH, height, id="first", leftPadding=0, rightPadding=0,
                      topPadding=0, bottomPadding=0)
        later = Frame(MARGIN_X, MARGIN_BOTTOM, FRAME_WIDTH, height - 10 * mm, id="later", leftPadding=0,
                      rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([
            PageTemplate("first", [first], autoNextPageTemplate="later"),
            PageTemplate("later", [later], onPage=self._continuation),
        ])

    def _continuation(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        canv.saveState()
        font, size = register_fonts(), 8.5
        canv.setFont(font, size)
        canv.setFillColor(GREY)
        y = PAGE_HEIGHT - MARGIN_TOP - size
        office = fit_line(self.data.office_name, font, size, FRAME_WIDTH * 0.45)
        canv.drawString(MARGIN_X, y, office)
        rest = FRAME_WIDTH - stringWidth(office, font, size) - 6 * mm
        canv.drawRightString(PAGE_WIDTH - MARGIN_X, y, fit_line(self.data.inspection_title, font, size, rest))
        canv.setStrokeColor(colors.HexColor("#999999"))
        canv.line(MARGIN_X, y - 2.5 * mm, PAGE_WIDTH - MARGIN_X, y - 2.5 * mm)
        canv.restoreState()


def render_response(data: ResponseSheetData, out: str | Path | BinaryIO, *, invariant: bool = False) -> int:
    """Write the published response as a PDF; return the number of pages."""
    st = _styles()
    pages: list[int] = []
    target = str(out) if isinstance(out, (str, Path)) else out
    _Doc(target, data, invariant).build(_story(data, st),
                                        canvasmaker=numbered_canvas_class(pages, MARGIN_BOTTOM, data.draft,
                                                                                      data.demonstration))
    return pages[-1]


def render_response_bytes(data: ResponseSheetData, *, invariant: bool = False) -> bytes:
    buffer = io.BytesIO()
    render_response(data, buffer, invariant=invariant)
    return buffer.getvalue()
