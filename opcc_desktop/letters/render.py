"""Lay out a LetterData as an A4 PDF with ReportLab Platypus. Pure: no Qt, no database.

Every user string goes through `markup()`, which escapes it, so text is printed literally even when
it contains `&`, `<b>` or `<2024>`; only this module's own tags reach the Paragraph parser.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus.doctemplate import LayoutError
from reportlab.platypus import (
    BaseDocTemplate, Flowable, Frame, KeepTogether, PageBreak, PageTemplate, Paragraph, Spacer, Table,
    TableStyle,
)

from opcc_desktop import __version__
from opcc_desktop.domain.dates import format_letter_date
from opcc_desktop.letters.compose import APPENDIX_HEADING
from opcc_desktop.letters.fonts import BOLD, register_fonts
from opcc_desktop.letters.letter_data import AppendixEntry, LetterData
from opcc_desktop.letters.page_furniture import DRAFT_WORDS, image_flowable, image_is_usable, numbered_canvas_class

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 22 * mm
MARGIN_TOP = 15 * mm
MARGIN_BOTTOM = 20 * mm
CONTINUATION_HEADER = 16 * mm  # space kept at the top of later pages for the small header
SIGNATURE_SPACE = 20 * mm
LOGO_HEIGHT = 22 * mm
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
GREY = colors.HexColor("#555555")
RULE = colors.HexColor("#999999")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def markup(text: str) -> str:
    """Literal text as safe Paragraph markup: control characters dropped, escaped, newlines kept."""
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return escape(text).replace("\n", "<br/>")


def _styles() -> dict[str, ParagraphStyle]:
    font = register_fonts()
    body = ParagraphStyle("body", fontName=font, fontSize=10.5, leading=13.8, spaceAfter=8)
    small = ParagraphStyle("small", parent=body, fontSize=8.5, leading=10.5, spaceAfter=0)
    return {
        "body": body,
        "line": ParagraphStyle("line", parent=body, spaceAfter=0),
        "subject": ParagraphStyle("subject", parent=body, fontName=BOLD),
        "head_name": ParagraphStyle("head_name", parent=body, fontName=BOLD, fontSize=12.5,
                                    leading=15.5, alignment=TA_RIGHT, spaceAfter=1),
        "head_line": ParagraphStyle("head_line", parent=body, fontSize=9, leading=11.2,
                                    alignment=TA_RIGHT, spaceAfter=0),
        "appendix": ParagraphStyle("appendix", parent=body, fontName=BOLD, fontSize=14, leading=18,
                                   spaceAfter=4),
        "appendix_title": ParagraphStyle("appendix_title", parent=body, fontName=BOLD, spaceAfter=10),
        "cell": small,
        "cell_bold": ParagraphStyle("cell_bold", parent=small, fontName=BOLD),
        "cell_head": ParagraphStyle("cell_head", parent=small, fontName=BOLD, textColor=colors.white),
        "cell_note": ParagraphStyle("cell_note", parent=small, fontSize=7.5, leading=9.5,
                                    textColor=GREY),
    }


def _letterhead(data: LetterData, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    parts: list[Flowable] = []
    if image_is_usable(data.logo_png):
        parts.append(image_flowable(data.logo_png, FRAME_WIDTH * 0.4, LOGO_HEIGHT, align="RIGHT"))
    parts.append(Paragraph(markup(data.office_name), st["head_name"]))
    parts += [Paragraph(markup(line), st["head_line"])
              for line in (*data.office_address_lines, *data.office_contact_lines)]
    return parts


def _height(flowables: list[Flowable], width: float) -> float:
    return sum(f.wrap(width, PAGE_HEIGHT)[1] + f.getSpaceAfter() for f in flowables)


def fit_line(text: str, font: str, size: float, width: float) -> str:
    """`text` cut with an ellipsis so that it fits `width` on one line."""
    if stringWidth(text, font, size) <= width:
        return text
    fits, too_long = 0, len(text)  # the longest prefix that fits with "…", found by halving
    while too_long - fits > 1:
        middle = (fits + too_long) // 2
        if stringWidth(text[:middle] + "…", font, size) <= width:
            fits = middle
        else:
            too_long = middle
    return text[:fits].rstrip() + "…"


def _letter_story(data: LetterData, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    story: list[Flowable] = []
    if data.copy_note:
        story += [Paragraph(f"<b>{markup(data.copy_note)}</b>", st["body"]), Spacer(1, 2 * mm)]
    story += [Paragraph("<br/>".join(markup(line) for line in data.recipient_lines), st["line"]),
                   Spacer(1, 7 * mm),
                   Paragraph(markup(format_letter_date(data.letter_date, data.date_style)), st["body"]),
                   Spacer(1, 2 * mm),
                   Paragraph(markup(data.salutation), st["body"]),
                   Paragraph(markup(data.subject), st["subject"]),
                   Paragraph(markup(data.opening_paragraph), st["body"])]
    story += [Paragraph(markup(text), st["body"]) for text in data.body_paragraphs]
    signature = [Spacer(1, 2 * mm), Paragraph("Yours sincerely", st["line"]), *_signature_space(data, st)]
    if data.signatory_name:
        signature.append(Paragraph(f"<b>{markup(data.signatory_name)}</b>", st["line"]))
    if data.signatory_title:
        signature.append(Paragraph(markup(data.signatory_title), st["line"]))
    # Never leave the signature alone on a page: a short final paragraph travels with it.
    last = story[-1]
    if last.wrap(FRAME_WIDTH, PAGE_HEIGHT)[1] <= 6 * st["body"].leading:
        signature.insert(0, story.pop())
    if data.cc_lines:  # the cc line stays with the signature, never alone on a page
        signature += [Spacer(1, 8 * mm),
                      Paragraph("<br/>".join(markup(line) for line in data.cc_lines), st["line"])]
    story.append(KeepTogether(signature))
    return story


def _signature_space(data: LetterData, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    """The handwritten signature when approved; otherwise blank space marked DRAFT."""
    if not data.draft and image_is_usable(data.signature_png):
        return [Spacer(1, 2 * mm), image_flowable(data.signature_png, 60 * mm, SIGNATURE_SPACE - 4 * mm),
                Spacer(1, 2 * mm)]
    if data.draft:
        return [Spacer(1, SIGNATURE_SPACE / 2 - 5),
                Paragraph(f'<font color="#b3261e">[{DRAFT_WORDS}]</font>', st["line"]),
                Spacer(1, SIGNATURE_SPACE / 2 - 9)]
    return [Spacer(1, SIGNATURE_SPACE)]


def _response_cell(entry: AppendixEntry, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    # Two paragraphs, not one with <br/>: a paragraph of one plain style is broken into lines on
    # ReportLab's fast path; mixed markup takes a slower one for all of its text.
    cell: list[Flowable] = [Paragraph(markup(entry.force_response) if entry.force_response else "—", st["cell"])]
    if entry.pcc_response:
        cell += [Spacer(1, 4), Paragraph("Commissioner’s response:", st["cell_bold"]),
                 Paragraph(markup(entry.pcc_response), st["cell"])]
    return cell


def _kind_cell(entry: AppendixEntry, st: ParagraphStyle, width: float) -> str:
    """The kind and, under it, the level (e.g. national): plain lines broken to the column's width.
    A plain string cell is drawn as it is, without the markup parsing and repeated layout of a
    Paragraph (the kinds are the office's own short vocabulary)."""
    lines: list[str] = []
    for value in (entry.kind_label, entry.level):
        plain = _CONTROL.sub("", " ".join(value.split()))
        if plain:
            lines += simpleSplit(plain, st.fontName, st.fontSize, width) or [plain]
    return "\n".join(lines)


def _short_cell(text: str, st: ParagraphStyle, width: float) -> str | Paragraph:
    """A short value (a reference) as a plain string, drawn as it is, when it fits on one line; else a
    wrapping paragraph. Each Paragraph is laid out again on every page it may land on."""
    plain = _CONTROL.sub("", " ".join(text.split()))
    if stringWidth(plain, st.fontName, st.fontSize) <= width:
        return plain
    return Paragraph(markup(text), st)


def _appendix_story(data: LetterData, st: dict[str, ParagraphStyle], split_in_row: bool = False) -> list[Flowable]:
    # One paragraph per cell, and plain strings where nothing wraps (the header, short references):
    # the table lays out each paragraph on every page it might fall on, so fewer is much faster.
    ref_width, kind_width = 16 * mm - 8, 31 * mm - 8  # the columns less their padding
    rows: list[list[Any]] = [["Ref", "Kind", "Finding", "Force response"]]
    for entry in data.appendix_entries:
        rows.append([_short_cell(entry.reference, st["cell"], ref_width), _kind_cell(entry, st["cell"], kind_width),
                     Paragraph(markup(entry.text), st["cell"]), _response_cell(entry, st)])
    widths = [16 * mm, 31 * mm]
    rest = (FRAME_WIDTH - sum(widths)) / 2
    # splitInRow lets one row taller than a page flow on (without it ReportLab raises LayoutError); it
    # costs a third of the rendering time, so it is used only when a row needs it (see render_letter).
    table = Table(rows, colWidths=widths + [rest, rest], repeatRows=1, splitByRow=1,
                  splitInRow=1 if split_in_row else 0, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), st["cell"].fontName, st["cell"].fontSize, st["cell"].leading),  # else Helvetica
        ("FONT", (0, 0), (-1, 0), st["cell_head"].fontName, st["cell"].fontSize, st["cell"].leading),
        ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#1f3a5f")),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f1f4f8")]),
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    return [PageBreak(), Paragraph(APPENDIX_HEADING, st["appendix"]),
            Paragraph(markup(data.appendix_title), st["appendix_title"]), table]


class _Doc(BaseDocTemplate):
    """Two page templates: the first with the letterhead, later ones with a continuation header."""

    def __init__(self, out: str | BinaryIO, data: LetterData, st: dict[str, ParagraphStyle], invariant: bool) -> None:
        super().__init__(
            out, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM, title=data.pdf_title, author=data.pdf_author,
            subject=data.pdf_subject, creator=f"OPCC Desktop {__version__}", lang="en-GB",
            displayDocTitle=1, invariant=1 if invariant else 0, initialFontName=register_fonts(),
            initialFontSize=11,
        )
        self.data = data
        self._continuation: tuple[str, str] | None = None
        self.head = _letterhead(data, st)
        head_height = _height(self.head, FRAME_WIDTH)
        body_height = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
        first = Frame(MARGIN_X, MARGIN_BOTTOM, FRAME_WIDTH, body_height - head_height - 8 * mm,
                      id="first", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        later = Frame(MARGIN_X, MARGIN_BOTTOM, FRAME_WIDTH, body_height - CONTINUATION_HEADER,
                      id="later", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([
            PageTemplate("first", [first], onPage=self._draw_letterhead, autoNextPageTemplate="later"),
            PageTemplate("later", [later], onPage=self._draw_continuation),
        ])

    def _draw_letterhead(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        y = PAGE_HEIGHT - MARGIN_TOP
        for para in self.head:
            w, h = para.wrap(FRAME_WIDTH, PAGE_HEIGHT)
            x = MARGIN_X + (FRAME_WIDTH - w if getattr(para, "hAlign", "") == "RIGHT" else 0)
            para.drawOn(canv, x, y - h)
            y -= h + para.getSpaceAfter()

    def _continuation_texts(self, font: str, size: float) -> tuple[str, str]:
        """The office name and the subject, each cut to fit: the same on every page, so measured once."""
        if self._continuation is None:
            office = fit_line(self.data.office_name, font, size, FRAME_WIDTH * 0.55)
            gap = stringWidth(office, font, size) + 6 * mm
            self._continuation = (office, fit_line(self.data.subject, font, size, FRAME_WIDTH - gap))
        return self._continuation

    def _draw_continuation(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        canv.saveState()
        font, size = register_fonts(), 8.5
        canv.setFont(font, size)
        canv.setFillColor(GREY)
        y = PAGE_HEIGHT - MARGIN_TOP - size
        office, subject = self._continuation_texts(font, size)
        canv.drawString(MARGIN_X, y, office)
        canv.drawRightString(PAGE_WIDTH - MARGIN_X, y, subject)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(MARGIN_X, y - 2.5 * mm, PAGE_WIDTH - MARGIN_X, y - 2.5 * mm)
        canv.restoreState()


def _story(data: LetterData, st: dict[str, ParagraphStyle], split_in_row: bool = False) -> list[Flowable]:
    story = _letter_story(data, st)
    if data.appendix_entries:
        story += _appendix_story(data, st, split_in_row)
    return story


def _canvas(pages: list[int], data: LetterData) -> type[Canvas]:
    return numbered_canvas_class(pages, MARGIN_BOTTOM, data.draft, data.demonstration)


def render_letter(data: LetterData, out: str | Path | BinaryIO, *, invariant: bool = False) -> int:
    """Write the letter as a PDF to a path or binary file; return the number of pages.

    `invariant=True` fixes the creation date and document id so that output is byte-for-byte
    repeatable (for tests and comparisons).
    """
    st = _styles()
    pages: list[int] = []
    buffer = io.BytesIO()
    try:
        _Doc(buffer, data, st, invariant).build(
            _story(data, st), canvasmaker=_canvas(pages, data))
    except LayoutError:  # a finding longer than a page: let its row flow on to the next page
        pages.clear()
        buffer = io.BytesIO()
        _Doc(buffer, data, st, invariant).build(
            _story(data, st, split_in_row=True), canvasmaker=_canvas(pages, data))
    if isinstance(out, (str, Path)):
        Path(out).write_bytes(buffer.getvalue())
    else:
        out.write(buffer.getvalue())
    return pages[-1]


def render_letter_bytes(data: LetterData, *, invariant: bool = False) -> bytes:
    """The letter as PDF bytes."""
    buffer = io.BytesIO()
    render_letter(data, buffer, invariant=invariant)
    return buffer.getvalue()
