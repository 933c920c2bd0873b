"""The quarterly HMICFRS progress report, laid out as a board paper (summary, recommendation, numbered
sections) on the letter's page templates: letterhead on page 1, continuation header after, "Page x of y".
Pure: no Qt, no database. Every user string goes through `markup()` (escaped, shown literally).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from ..domain.dates import format_letter_date, format_uk
from ..domain.finding_rows import FindingRow
from ..domain.progress_summary import ProgressSummary
from ..domain.tracker import RAG_HELP
from ..domain.vocabulary import KIND_LABELS
from .fonts import BOLD
from .page_furniture import numbered_canvas_class
from .render import FRAME_WIDTH, GREY, MARGIN_BOTTOM, RULE, _Doc, _styles, markup

TITLE = "HMICFRS recommendations and areas for improvement: progress report"
HEADER_BLUE = colors.HexColor("#1f3a5f")
TOTAL_SHADE = colors.HexColor("#e8edf3")
FLAG_RED = "#b3261e"
RAG_COLOURS = {"red": "#c62828", "amber": "#f9a825", "green": "#2e7d32", "blue": "#1565c0"}
MAX_LISTED = 200  # longer lists say how many more there are
SWATCH = 7 * mm


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
    demonstration: bool = False  # the demonstration office: "DEMONSTRATION" across every page


def _styles_for_report() -> dict[str, ParagraphStyle]:
    st = _styles()
    body = st["body"]
    st["title"] = ParagraphStyle("title", parent=body, fontName=BOLD, fontSize=14, leading=18, spaceAfter=4)
    st["meta"] = ParagraphStyle("meta", parent=body, textColor=GREY, spaceAfter=1)
    st["section"] = ParagraphStyle("section", parent=body, fontName=BOLD, fontSize=11.5, spaceBefore=10,
                                   spaceAfter=4, keepWithNext=1)
    st["subsection"] = ParagraphStyle("subsection", parent=body, fontName=BOLD, spaceBefore=4, spaceAfter=3,
                                      keepWithNext=1)
    st["intro"] = ParagraphStyle("intro", parent=body, keepWithNext=1)
    st["note"] = ParagraphStyle("note", parent=body, fontSize=9, leading=11.5, textColor=GREY, spaceBefore=3)
    st["num"] = ParagraphStyle("num", parent=st["cell"], alignment=TA_RIGHT)
    st["num_head"] = ParagraphStyle("num_head", parent=st["cell_head"], alignment=TA_RIGHT)
    return st


def _count(number: int, one: str, many: str) -> str:
    return f"{number:,} {one if number == 1 else many}"


def _short(text: str, limit: int = 300) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit].rsplit(" ", 1)[0] + "…"


def _inspection(row: FindingRow) -> str:
    return row.inspection_reference or row.inspection_title


def _table(header: list[str], rows: list[list[Any]], widths: list[float], st: dict[str, ParagraphStyle], numeric_from: int,
           total: list[Any] | None = None, extra_style: list[Any] | None = None) -> Table:
    """A header-shaded table; columns from `numeric_from` are right-aligned numbers. Cells are plain
    strings (escaped here) or ready flowables."""

    def cell(value: str | Flowable, column: int, head: bool = False) -> Flowable:
        if not isinstance(value, str):
            return value
        numeric = column >= numeric_from
        style = ("num_head" if numeric else "cell_head") if head else ("num" if numeric else "cell")
        return Paragraph(markup(value), st[style])

    data = [[cell(h, i, True) for i, h in enumerate(header)]]
    data += [[cell(v, i) for i, v in enumerate(row)] for row in rows]
    style = [("FONT", (0, 0), (-1, -1), st["cell"].fontName, st["cell"].fontSize),  # never the default Helvetica
             ("BACKGROUND", (0, 0), (-1, 0), HEADER_BLUE), ("GRID", (0, 0), (-1, -1), 0.4, RULE),
             ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 4),
             ("RIGHTPADDING", (0, 0), (-1, -1), 4)]
    if total is not None:
        data.append([Paragraph(f"<b>{markup(v)}</b>", st["num" if i >= numeric_from else "cell"])
                     for i, v in enumerate(total)])
        style.append(("BACKGROUND", (0, -1), (-1, -1), TOTAL_SHADE))
    table = Table(data, colWidths=[w * FRAME_WIDTH if w <= 1 else w for w in widths], repeatRows=1,
                  hAlign="LEFT")
    table.setStyle(TableStyle(style + (extra_style or [])))
    return table


def _summary_paragraph(s: ProgressSummary) -> str:
    q = s.quarter
    return (
        f"The office tracks {_count(s.total, 'finding', 'findings')} from HMICFRS inspections "
        f"(recommendations, areas for improvement and causes of concern); {s.open_count:,} "
        f"{'is' if s.open_count == 1 else 'are'} open. In {q.financial_label} ({q.months_label}) "
        f"{_count(s.opened_in_quarter, 'new finding was', 'new findings were')} published and "
        f"{f'{s.closed_in_quarter:,}' if s.closed_in_quarter else 'none'} closed. {_count(len(s.overdue), 'open finding is', 'open findings are')} "
        f"past the target date (the revised target where one was agreed), and "
        f"{_count(len(s.long_open), 'has', 'have')} been open for more than {s.months} months, "
        f"{s.long_open_without_target:,} of them without any target date.")


def _recommendation(s: ProgressSummary) -> str:
    asks = []
    if s.overdue:
        asks.append(f"the {_count(len(s.overdue), 'overdue finding', 'overdue findings')} in section 4")
    if s.long_open:
        asks.append(f"the {_count(len(s.long_open), 'finding', 'findings')} open for more than {s.months} months "
                    f"in section 5")
    if not asks:
        return "That the board notes the position set out in this report."
    return ("That the board notes the position set out in this report and seeks assurance from the force on "
            + " and ".join(asks) + ".")


def _glance(s: ProgressSummary, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    status = _table(["Status", "Findings"], [[v, f"{n:,}"] for v, n in s.by_status], [0.78, 0.22], st, 1,
                    total=["Total", f"{s.total:,}"])
    swatches = [RAG_COLOURS.get(value.strip().casefold()) for value, _n in s.by_rag]
    rag = _table(["", "RAG rating", "Open findings"], [["", v, f"{n:,}"] for v, n in s.by_rag],
                 [SWATCH, FRAME_WIDTH * 0.78 - SWATCH, 0.22], st, 2, total=["", "Total open", f"{s.open_count:,}"],
                 extra_style=[("BACKGROUND", (0, row), (0, row), colors.HexColor(colour))
                              for row, colour in enumerate(swatches, start=1) if colour])
    kind = _table(["Kind", "Findings"], [[KIND_LABELS.get(v, v), f"{n:,}"] for v, n in s.by_kind], [0.78, 0.22],
                  st, 1, total=["Total", f"{s.total:,}"])
    return [Paragraph("3. Position at a glance", st["section"]),
            Paragraph("3.1 All findings by status", st["subsection"]), status,
            Paragraph("3.2 Open findings by RAG rating", st["subsection"]), rag,
            Paragraph(markup(f"RAG: {RAG_HELP}."), st["note"]),
            Paragraph("3.3 All findings by kind", st["subsection"]), kind]


def _target_cell(row: FindingRow, st: dict[str, ParagraphStyle]) -> Paragraph:
    if row.effective_target is None:
        return Paragraph(f'<font color="{FLAG_RED}"><b>No target date</b></font>', st["cell"])
    text = markup(format_uk(row.effective_target))
    if row.revised_target_date:
        text += '<br/><font size="7">(revised)</font>'
    return Paragraph(text, st["cell"])


def _listing(title: str, intro: str, rows: list[list[Any]], header: list[str], widths: list[float], st: dict[str, ParagraphStyle], empty: str,
             numeric_from: int) -> list[Flowable]:
    parts: list[Flowable] = [Paragraph(markup(title), st["section"])]
    if not rows:
        return parts + [Paragraph(markup(empty), st["body"])]
    parts += [Paragraph(markup(intro), st["intro"]), _table(header, rows[:MAX_LISTED], widths, st, numeric_from)]
    if len(rows) > MAX_LISTED:
        parts += [Spacer(1, 2 * mm), Paragraph(markup(f"… and {len(rows) - MAX_LISTED:,} more."), st["note"])]
    return parts


def _story(data: ProgressReportData, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    s = data.summary
    meta = [f"{s.quarter.financial_label}: {s.quarter.months_label}",
            f"Position as at {format_letter_date(s.today)}"]
    if data.office_name:
        meta.append(f"A report by {data.office_name}")
    if data.force_name:
        meta.append(f"Force: {data.force_name}")
    story: list[Flowable] = [Paragraph(markup(TITLE), st["title"]), *[Paragraph(markup(m), st["meta"]) for m in meta],
                   Paragraph("1. Summary", st["section"]), Paragraph(markup(_summary_paragraph(s)), st["body"]),
                   Paragraph("2. Recommendation", st["section"]), Paragraph(markup(_recommendation(s)), st["body"])]
    story += _glance(s, st)
    story += _listing(
        "4. Overdue open findings",
        "Open findings past their target date (the revised target where one was agreed), most overdue first.",
        [[_inspection(r), r.reference, _short(r.text), r.owner, _target_cell(r, st), f"{days:,}"]
         for r, days in s.overdue],
        ["Inspection", "Ref", "Finding", "Force lead", "Target", "Days overdue"],
        [0.14, 0.10, 0.39, 0.13, 0.13, 0.11], st, "No open finding is past its target date.", 5)
    story += _listing(
        f"5. Open for more than {s.months} months",
        f"Open findings from reports published more than {s.months} months ago, whatever their target date; "
        "those with no target date at all are flagged.",
        [[_inspection(r), r.reference, _short(r.text), r.status, _target_cell(r, st), f"{r.days_open(s.today):,}"]
         for r in s.long_open],
        ["Inspection", "Ref", "Finding", "Status", "Target", "Days open"],
        [0.14, 0.10, 0.36, 0.16, 0.13, 0.11], st, f"No finding has been open for more than {s.months} months.", 5)
    story += _listing(
        "6. Progress by inspection", "Inspections with at least one open or overdue finding, most overdue first.",
        [[line.reference or "–", line.title, format_uk(line.published), f"{line.open:,}", f"{line.closed:,}",
          f"{line.overdue:,}"] for line in s.inspections],
        ["Reference", "Inspection", "Published", "Open", "Closed*", "Overdue"],
        [0.13, 0.42, 0.13, 0.10, 0.11, 0.11], st, "Every finding is closed.", 3)
    note = "* Closed, not for local action or not accepted."
    if s.inspections_all_closed:
        note += (f" {_count(s.inspections_all_closed, 'further inspection has', 'further inspections have')} no open "
                 f"finding and {'is' if s.inspections_all_closed == 1 else 'are'} not listed.")
    if s.inspections:
        story.append(Paragraph(markup(note), st["note"]))
    return story


def render_progress_report(data: ProgressReportData, out: str | Path | BinaryIO) -> int:
    """Write the report; return the number of pages."""
    st = _styles_for_report()
    target = str(out) if isinstance(out, (str, Path)) else out
    pages: list[int] = []
    _Doc(target, data, st, False).build(_story(data, st), canvasmaker=numbered_canvas_class(pages, MARGIN_BOTTOM, False, data.demonstration))  # type: ignore[arg-type]
    return pages[-1]


def render_progress_report_bytes(data: ProgressReportData) -> bytes:
    buffer = io.BytesIO()
    render_progress_report(data, buffer)
    return buffer.getvalue()
