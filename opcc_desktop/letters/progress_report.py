"""The quarterly HMICFRS progress report for a board paper, on the letter's page templates (letterhead
on page 1, continuation header after, "Page x of y"). Pure: no Qt, no database; user text via `markup()`.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from ..domain.dates import format_uk
from ..domain.progress_summary import ProgressSummary
from ..domain.vocabulary import KIND_LABELS
from .fonts import BOLD
from .page_furniture import numbered_canvas_class
from .render import FRAME_WIDTH, GREY, MARGIN_BOTTOM, _Doc, _styles, markup

HEADER_BLUE = colors.HexColor("#1f3a5f")
RAG_COLOURS = {"red": "#c62828", "amber": "#f9a825", "green": "#2e7d32", "blue": "#1565c0"}
MAX_LISTED = 200  # longer lists say how many more there are


@dataclass(frozen=True)
class ProgressReportData:
    """Letterhead fields shared with `LetterData`, so the letter's page templates draw it."""

    summary: ProgressSummary
    office_name: str
    office_address_lines: tuple[str, ...]
    office_contact_lines: tuple[str, ...]
    force_name: str
    subject: str
    pdf_title: str
    pdf_author: str
    pdf_subject: str
    logo_png: bytes | None = None


def _styles_for_report() -> dict[str, ParagraphStyle]:
    st = _styles()
    body = st["body"]
    st["title"] = ParagraphStyle("title", parent=body, fontName=BOLD, fontSize=14, leading=18, spaceAfter=2)
    st["meta"] = ParagraphStyle("meta", parent=body, textColor=GREY, spaceAfter=8)
    st["section"] = ParagraphStyle("section", parent=body, fontName=BOLD, fontSize=11.5, spaceBefore=8, spaceAfter=4,
                                   keepWithNext=1)
    return st


def _table(header: list[str], rows: list[list[str]], widths: list[float], st, right: int = 99,
           swatches: list[str | None] | None = None) -> Table:
    head = [Paragraph(markup(h), st["cell_head"]) for h in header]
    body = [[Paragraph(markup(c), st["cell"]) for c in row] for row in rows]
    table = Table([head, *body], colWidths=[w * FRAME_WIDTH for w in widths], repeatRows=1)
    style = [("BACKGROUND", (0, 0), (-1, 0), HEADER_BLUE), ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9aa5b1")),
             ("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (right, 1), (-1, -1), "RIGHT")]
    for number, colour in enumerate(swatches or [], start=1):
        if colour:
            style.append(("BACKGROUND", (0, number), (0, number), colors.HexColor(colour)))
            style.append(("TEXTCOLOR", (0, number), (0, number), colors.white))
    table.setStyle(TableStyle(style))
    return table


def _story(data: ProgressReportData, st) -> list:
    s = data.summary
    force = f" for {data.force_name}" if data.force_name else ""
    story: list = [
        Paragraph(markup("HMICFRS recommendations and areas for improvement: progress report"), st["title"]),
        Paragraph(markup(f"{s.quarter.label}{force}. Position as at {format_uk(s.today)}."), st["meta"]),
        Paragraph(markup(
            f"The office tracks {s.total:,} findings from HMICFRS inspections; {s.open_count:,} are open. "
            f"In the quarter {_count(s.opened_in_quarter, 'new finding was', 'new findings were')} published and "
            f"{s.closed_in_quarter:,} closed. {_count(len(s.overdue), 'open finding is', 'open findings are')} past the (revised) target "
            f"date, and {_count(len(s.long_open), 'has', 'have')} been open for more than {s.months} months, "
            f"{s.long_open_without_target:,} of them without any target date."), st["body"]),
        Paragraph("Findings by status", st["section"]),
        _table(["Status", "Findings"], [[v, f"{n:,}"] for v, n in s.by_status], [0.8, 0.2], st, right=1),
        Paragraph("Open findings by RAG rating", st["section"]),
        _table(["RAG", "Open findings"], [[v, f"{n:,}"] for v, n in s.by_rag], [0.8, 0.2], st, right=1,
               swatches=[RAG_COLOURS.get(v.casefold()) for v, _n in s.by_rag]),
        Paragraph("Findings by kind", st["section"]),
        _table(["Kind", "Findings"], [[KIND_LABELS.get(v, v), f"{n:,}"] for v, n in s.by_kind], [0.8, 0.2], st,
               right=1),
    ]
    story += _listing("Overdue open findings", [
        [r.inspection_reference or r.inspection_title, r.reference, _short(r.text), r.owner,
         format_uk(r.effective_target), f"{days:,}"] for r, days in s.overdue],
        ["Inspection", "Ref", "Finding", "Owner", "Target", "Days over"], [0.15, 0.09, 0.40, 0.14, 0.13, 0.09], st,
        "No open finding is past its target date.")
    story += _listing(f"Open for more than {s.months} months", [
        [r.inspection_reference or r.inspection_title, r.reference, _short(r.text), r.status,
         format_uk(r.effective_target) or "no target date", f"{r.days_open(s.today):,}"] for r in s.long_open],
        ["Inspection", "Ref", "Finding", "Status", "Target", "Days open"], [0.15, 0.09, 0.36, 0.17, 0.14, 0.09], st,
        f"No finding has been open for more than {s.months} months.")
    story += _listing("By inspection (open or overdue findings)", [
        [line.reference or "–", line.title, format_uk(line.published), f"{line.open:,}", f"{line.closed:,}",
         f"{line.overdue:,}"] for line in s.inspections],
        ["Reference", "Inspection", "Published", "Open", "Closed", "Overdue"], [0.14, 0.42, 0.14, 0.1, 0.1, 0.1], st,
        "Every finding is closed.", right=3)
    return story


def _short(text: str, limit: int = 300) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit].rsplit(" ", 1)[0] + "…"


def _count(number: int, one: str, many: str) -> str:
    return f"{number:,} {one if number == 1 else many}"


def _listing(title: str, rows: list[list[str]], header: list[str], widths: list[float], st, empty: str,
             right: int = 5) -> list:
    parts: list = [Paragraph(markup(title), st["section"])]
    if not rows:
        return parts + [Paragraph(markup(empty), st["body"])]
    parts.append(_table(header, rows[:MAX_LISTED], widths, st, right=right))
    if len(rows) > MAX_LISTED:
        parts += [Spacer(1, 2 * mm), Paragraph(markup(f"… and {len(rows) - MAX_LISTED:,} more."), st["meta"])]
    return parts


def render_progress_report(data: ProgressReportData, out: str | Path | BinaryIO) -> int:
    """Write the report; return the number of pages."""
    st = _styles_for_report()
    target = str(out) if isinstance(out, (str, Path)) else out
    pages: list[int] = []
    _Doc(target, data, st, False).build(_story(data, st), canvasmaker=numbered_canvas_class(pages, MARGIN_BOTTOM, False))  # type: ignore[arg-type]
    return pages[-1]


def render_progress_report_bytes(data: ProgressReportData) -> bytes:
    buffer = io.BytesIO()
    render_progress_report(data, buffer)
    return buffer.getvalue()
