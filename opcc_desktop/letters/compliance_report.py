"""A one-page (or longer) PDF of the s.55 compliance figures, for a board paper. Pure: no Qt, no DB."""

from __future__ import annotations

import io
from datetime import date

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from .. import __version__
from ..domain.compliance import YearCompliance, currently_overdue
from ..domain.dates import format_uk
from .fonts import BOLD, register_fonts
from .pdf_metadata import attach_xmp
from .render import markup

HEADER = ("Year", "Reports", "On time", "Late", "On time (decided cases)", "Open, overdue", "Open, in time",
          "Median days")


def _row(f: YearCompliance) -> list[str]:
    percent = f.on_time_text
    days = "–" if f.median_days is None else f"{f.median_days:g}"
    return [str(f.year), str(f.reports), str(f.published_on_time), str(f.published_late), percent,
            str(f.open_overdue), str(f.open_in_time), days]


def compliance_pdf(office_name: str, figures: list[YearCompliance], today: date, demonstration: bool = False) -> bytes:
    font = register_fonts()
    body = ParagraphStyle("body", fontName=font, fontSize=10, leading=13)
    heading = ParagraphStyle("heading", parent=body, fontName=BOLD, fontSize=14, leading=18, spaceAfter=4)
    buffer = io.BytesIO()
    # DejaVu from the first operator on (the default Helvetica is never embedded), language and XMP metadata.
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=20 * mm,
                            bottomMargin=20 * mm, title="Section 55 responses: compliance by year",
                            author=office_name, subject=f"Section 55 compliance figures as at {format_uk(today)}",
                            creator=f"OPCC Desktop {__version__}", lang="en-GB", displayDocTitle=1,
                            initialFontName=font, initialFontSize=10)
    table = Table([list(HEADER)] + [_row(f) for f in figures], repeatRows=1)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), font, 9),
        ("FONT", (0, 0), (-1, 0), BOLD, 9),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#1f3a5f")),
        ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9aa5b1")),
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    story = [
        Paragraph(markup(office_name), body),
        Paragraph("Section 55 responses: compliance by year of publication", heading),
        Paragraph(markup(f"As at {format_uk(today)}. A response is on time when published within 56 days, "
                         "counting the report's publication day as day 1. The percentage counts only decided "
                         "cases (responses published); reports still open are counted apart. Reports where s.55 "
                         f"does not apply are left out. Currently overdue: {currently_overdue(figures)}."), body),
        Spacer(1, 6 * mm),
        table,
    ]
    from .page_furniture import draw_demonstration_marking

    def first_page(canv: Canvas, _doc: object) -> None:
        attach_xmp(canv)
        later_pages(canv, _doc)

    def later_pages(canv: Canvas, _doc: object) -> None:
        if demonstration:
            draw_demonstration_marking(canv)

    doc.build(story, onFirstPage=first_page, onLaterPages=later_pages)
    return buffer.getvalue()
