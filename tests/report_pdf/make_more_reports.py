"""More ReportLab PDFs in real report shapes (issue 18 follow-up): a fire and rescue inspection with its areas
for improvement in a shaded box, a police custody inspection ("Causes of concern and recommendations", then
"Areas for improvement" bullets) whose numbered recommendations run over a page break under a running footer
"HMICFRS | Title", and an OPCC s.55 response ("Recommendation 1:" … "Force response:" … "PCC response:").
The wording follows real HMICFRS / HMI Prisons / OPCC text (see tests/paste/real/ and tests/paste/heldout/)."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import (
    KeepTogether, ListFlowable, ListItem, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle,
)

STYLES = getSampleStyleSheet()
WIDTH, HEIGHT = A4
FRS_TITLE = "Fire and Rescue Service 2023–25 Effectiveness, efficiency and people – Avon Fire and Rescue Service"
FRS_AFIS = (("The service should make sure its firefighters and fire control staff have good access to relevant "
             "and up-to-date risk information."),
            ("The service should make sure it has appropriate business continuity arrangements in place, which are "
             "regularly reviewed and tested."))
FRS_BOX_NOTE = "We set out our detailed findings below. These are the basis for our judgment."
CUSTODY_TITLE = "Report on an unannounced inspection visit to police custody suites in Kent"
CUSTODY_RECS = tuple(
    f"The force should {text}" for text in (
        "make sure that detainees are told about their rights in a language they understand.",
        "review the use of force in custody so that every use is recorded and justified.",
        "make sure that handovers between shifts include every detainee's risk assessment.",
        "improve the cleanliness of cells and showers in all of its custody suites.",
        "monitor how long detainees wait for a mental health assessment and act to reduce delays.",
        "make sure detainees released on bail have a safe way to get home, especially at night.",
    ))
CUSTODY_AFIS = ("The force should ensure that all custody staff receive refresher training in first aid.",
                "Detainees should be offered a shower and a change of clothing during long stays.")
NARRATIVE = ("Inspectors observed custody processes in each suite over two weeks, spoke to detainees and staff, "
             "and examined custody records, policies and data. ")


def _p(text: str, style: str = "BodyText") -> Paragraph:
    return Paragraph(text, STYLES[style])


def _footer(title: str):  # type: ignore[no-untyped-def]
    def draw(canvas, doc) -> None:  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(2 * cm, 1.2 * cm, f"HMICFRS | {title}")
        canvas.drawRightString(WIDTH - 2 * cm, 1.2 * cm, str(doc.page))
        canvas.restoreState()
    return draw


def _contents(entries: tuple[tuple[str, int], ...]) -> list[Paragraph]:
    return [_p(f"{title} {'.' * (90 - len(title))} {page}") for title, page in entries]


def write_fire_inspection(path: Path) -> None:
    doc = SimpleDocTemplate(str(path), pagesize=A4)
    box = Table([[_p("<b>Areas for improvement</b>")], *[[_p(text)] for text in FRS_AFIS]], colWidths=[15 * cm])
    box.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#E6EEF5")),
                             ("BOX", (0, 0), (-1, -1), 0.5, colors.HexColor("#1F4E79"))]))
    story = [_p("Fire and Rescue Service 2023–25", "Title"), _p("Effectiveness, efficiency and people", "Heading1"),
             _p("Avon Fire and Rescue Service", "Heading1"), Spacer(1, 120), _p("Published on: 16 January 2024"),
             _p("© HMICFRS 2024"), PageBreak(), _p("Contents", "Heading1"),
             *_contents((("Overall summary", 3), ("Understanding the risk of fire", 4), ("Areas for improvement", 4),
                         ("Preventing fires and other risks", 5))),
             PageBreak(), _p("Understanding the risk of fire and other emergencies", "Heading1"),
             _p("Each fire and rescue service should identify and assess all foreseeable fire and rescue-related "
                "risks that could affect its communities."),
             _p("Avon Fire and Rescue Service requires improvement at understanding fire and other risks."),
             Spacer(1, 8), box, Spacer(1, 8), _p(FRS_BOX_NOTE),
             _p("Cause of concern", "Heading2"),
             _p("The service hasn’t done enough to make sure that it carries out enough safe and well visits for "
                "the people most at risk of fire."),
             _p("Recommendation", "Heading2"),
             _p("By 31 March 2024, the service should:"),
             ListFlowable([ListItem(_p("make sure it targets its prevention work at the people most at risk; and")),
                           ListItem(_p("evaluate its prevention activity so that it understands what works."))],
                          bulletType="bullet")]
    story += [_p("The service works with partners to share information about vulnerable people. " * 5)] * 3
    doc.build(story, onFirstPage=lambda c, d: None, onLaterPages=_footer(FRS_TITLE))


def write_custody_inspection(path: Path) -> None:
    doc = SimpleDocTemplate(str(path), pagesize=A4)
    numbered = ListFlowable([ListItem(_p(text), value=index) for index, text in enumerate(CUSTODY_RECS, start=3)],
                            bulletType="1", bulletFormat="2.%s")
    story = [_p(CUSTODY_TITLE, "Title"), _p("by HM Inspectorate of Prisons and HM Inspectorate of Constabulary "
                                             "and Fire &amp; Rescue Services"), _p("4–14 September 2023"),
             PageBreak(), _p("Contents", "Heading1"),
             *_contents((("Section 1. Introduction", 5), ("Section 2. Causes of concern and recommendations", 7),
                         ("Section 7. Summary of recommendations", 33))),
             PageBreak(), _p("Section 2. Causes of concern and recommendations", "Heading1"),
             _p("Cause of concern", "Heading2"),
             _p("2.1 Detainees were held in custody for too long after they had been assessed as needing a bed in a "
                "mental health hospital."),
             _p("Recommendation", "Heading2"),
             _p("2.2 The force and its health partners should make sure that detainees who need a mental health "
                "bed are moved to hospital without delay."),
             _p("Recommendations", "Heading2")]
    story += [_p(NARRATIVE * 4)] * 5
    story += [numbered, _p("Areas for improvement", "Heading2"),
              ListFlowable([ListItem(_p(text)) for text in CUSTODY_AFIS], bulletType="bullet"),
              KeepTogether([_p("Section 3. Leadership, accountability and partnerships", "Heading1"),
                            _p(NARRATIVE * 3)])]
    doc.build(story, onFirstPage=lambda c, d: None, onLaterPages=_footer(CUSTODY_TITLE))


def write_section_55_response(path: Path) -> None:
    doc = SimpleDocTemplate(str(path), pagesize=A4)
    story = [_p("Police and Crime Commissioner for Kent", "Heading2"),
             _p("Response to HMICFRS report: An inspection of how well the police tackle serious youth violence",
                "Title"), _p("Published on: 20 February 2024"),
             _p("The Chief Constable has provided the following response to the recommendations of the report."),
             _p("<b>Recommendation 1:</b> By 31 October 2024, chief constables should make sure their forces record "
                "the age of every victim of serious violence."),
             _p("<b>Force response:</b> Kent Police has changed its crime recording system so that the age of the "
                "victim is a mandatory field."),
             _p("<b>PCC response:</b> I will monitor progress through my Performance and Accountability Board."),
             _p("<b>Recommendation 2:</b> By 31 October 2024, chief constables should review how their forces use "
                "violence reduction unit data."),
             _p("<b>Force response:</b> A review has started and will report in September 2024."),
             _p("<b>PCC response:</b> I welcome the review."),
             Spacer(1, 12), _p("Matthew Scott, Police and Crime Commissioner for Kent")]
    doc.build(story)
