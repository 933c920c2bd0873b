"""A report built the way generated PDFs usually are (ReportLab platypus: frames, paragraphs, bullet lists, a
two-frame page, a header and a "Page x of y" footer drawn on each page), in the shape of an HMICFRS thematic
report: cover, dotted contents, a cause of concern with "We recommend that, within six months, … should:" and
bullets, numbered areas for improvement, a national recommendation wrapped over lines, two columns."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import (
    BaseDocTemplate, Frame, FrameBreak, ListFlowable, ListItem, NextPageTemplate, PageBreak, PageTemplate, Paragraph,
    Spacer,
)

STYLES = getSampleStyleSheet()
WIDTH, HEIGHT = A4
NATIONAL = ("By 31 October 2024, the College of Policing, working with the National Police Chiefs’ Council lead for "
            "stalking, should update the authorised professional practice on stalking and harassment so that it "
            "reflects the changes in the law and the findings of this inspection, including the use of stalking "
            "protection orders by forces.")
BULLETS = ("make sure that call handlers identify stalking at first contact;",
           "review every open stalking investigation to check that victims are safeguarded; and",
           "train its officers in the use of stalking protection orders.")


def _header(canvas, doc) -> None:
    canvas.saveState()
    canvas.setFont("Helvetica", 8)
    canvas.drawString(2 * cm, HEIGHT - 1.2 * cm, "An inspection of the police response to stalking – Kent Police")
    canvas.drawRightString(WIDTH - 2 * cm, 1.2 * cm, f"Page {doc.page} of 9")
    canvas.restoreState()


def _p(text: str, style: str = "BodyText") -> Paragraph:
    return Paragraph(text, STYLES[style])


def write_platypus_report(path: Path) -> None:
    doc = BaseDocTemplate(str(path), pagesize=A4)
    one = Frame(2 * cm, 2 * cm, WIDTH - 4 * cm, HEIGHT - 4 * cm, id="one")
    half = (WIDTH - 4 * cm) / 2 - 6
    left = Frame(2 * cm, 2 * cm, half, HEIGHT - 4 * cm, id="left")
    right = Frame(WIDTH / 2 + 6, 2 * cm, half, HEIGHT - 4 * cm, id="right")
    doc.addPageTemplates([PageTemplate("cover", [one]), PageTemplate("body", [one], onPage=_header),
                          PageTemplate("two", [left, right], onPage=_header)])
    story = [_p("An inspection of the police response to stalking", "Title"), _p("Kent Police", "Heading1"),
             Spacer(1, 200), _p("Published: 12 March 2024"), _p("© HMICFRS 2024"), _p("ISBN: 978-1-83566-000-1"),
             NextPageTemplate("body"), PageBreak(), _p("Contents", "Heading1")]
    for title, page in (("Summary", 3), ("Causes of concern", 4), ("Recommendations", 4),
                        ("Areas for improvement", 5)):
        story.append(_p(f"{title} {'.' * 80} {page}"))
    story += [PageBreak(), _p("Summary", "Heading1")]
    story += [_p("We inspected how the force responds to reports of stalking and how it supports victims. " * 4)] * 3
    story += [_p("Cause of concern", "Heading2"),
              _p("The force doesn’t always recognise stalking when it is reported, so victims are not always "
                 "protected."),
              _p("Recommendations", "Heading2"), _p("We recommend that, within six months, Kent Police should:"),
              ListFlowable([ListItem(_p(text)) for text in BULLETS], bulletType="bullet"),
              _p("Area for improvement 1", "Heading2"),
              _p("The force should improve how it records the outcome of stalking investigations."),
              _p("Area for improvement 2", "Heading2"),
              _p("The force needs to make sure victims are told about the support available to them.")]
    story += [_p("Inspectors also reviewed a sample of case files. " * 6)] * 4
    story += [_p("National recommendations", "Heading2"), _p(NATIONAL), NextPageTemplate("two"), PageBreak(),
              _p("Area for improvement 3", "Heading2"),
              _p("The force should make sure its stalking single point of contact has enough time to review cases.")]
    story += [_p("The column continues with narrative text about the force's work. " * 5)] * 3
    story += [FrameBreak(), _p("Area for improvement 4", "Heading2"),
              _p("The force should review how it uses its digital forensics capacity for stalking cases.")]
    story += [_p("More narrative in the right column about findings and observations. " * 4)] * 3
    doc.build(story)


def write_response_table(path: Path) -> None:
    """An OPCC s.55 response: the recommendations in a table beside the force's response."""
    from reportlab.lib import colors
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    rows = [[_p("<b>Recommendation</b>"), _p("<b>Force response</b>")],
            [_p("1. By 30 April 2023, chief constables should ensure that all vetting decisions are recorded with "
                "their rationale."),
             _p("The force has introduced a new template and audits ten per cent of decisions each month.")],
            [_p("2. Forces should improve the quality of vetting interviews."),
             _p("Training for vetting officers was delivered in June 2023 and will be repeated annually.")]]
    table = Table(rows, colWidths=[240, 240])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    SimpleDocTemplate(str(path), pagesize=A4).build([
        _p("Response to HMICFRS report: An inspection of vetting, misconduct and misogyny", "Title"),
        _p("Published on: 2 November 2022"), Spacer(1, 12), table])
