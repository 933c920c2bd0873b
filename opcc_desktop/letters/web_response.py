"""Gather the published response's words for its web page: the sheet the PDF prints, plus each finding
paired with its labelled responses and the dates as dates (for `<time>`). Pure: no Qt, no database."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

from opcc_desktop.domain import vocabulary as vocab
from opcc_desktop.domain.models import Finding, Inspection
from opcc_desktop.letters.compose import display_reference, setting_reader
from opcc_desktop.letters.html_page import split_paragraphs
from opcc_desktop.letters.letter_data import ResponseSheetData
from opcc_desktop.letters.response_html import WebAnswer, WebFinding, WebResponseData

_LEVEL = re.compile(r"(?:level\s*)?(\d+)", re.IGNORECASE)
FORCE_LABEL = "Force response"
COMMISSIONER_LABEL = "Commissioner’s response"


def web_finding(finding: Finding) -> WebFinding:
    answers = tuple(
        WebAnswer(label, split_paragraphs(value))
        for label, value in ((FORCE_LABEL, finding.force_response), (COMMISSIONER_LABEL, finding.pcc_response))
        if value.strip()
    )
    return WebFinding(
        kind_label=vocab.KIND_LABELS.get(finding.kind, finding.kind.capitalize()),
        reference=display_reference(finding.reference),
        level=_level(finding.level),
        text=finding.text.strip(),
        answers=answers,
    )


def _level(level: str) -> str:
    """"2" and "LEVEL 2" read as "Level 2"; anything else stays as given."""
    level = " ".join(level.split())
    match = _LEVEL.fullmatch(level)
    return f"Level {match.group(1)}" if match else level


def compose_web_response(inspection: Inspection, settings: Mapping[str, str], sheet: ResponseSheetData,
                         response_date: date | None) -> WebResponseData:
    """`sheet` is the published response as the PDF prints it (its body the saved draft, if any)."""
    setting = setting_reader(settings)
    findings = tuple(web_finding(f) for f in inspection.findings)
    paired = {" ".join(p.split()) for f in findings for a in f.answers for p in a.paragraphs}
    # The body may still carry the findings' responses (the old unpaired layout): they are printed under
    # their finding here, so they are not repeated in the commissioner's comments.
    comments = tuple(p for p in sheet.response_paragraphs if " ".join(p.split()) not in paired)
    title = inspection.title.strip()
    office = sheet.office_name
    return WebResponseData(
        document_title=f"{sheet.pdf_title} – {office}" if office else sheet.pdf_title,
        office_name=office,
        heading=sheet.heading,
        statutory_text=sheet.statutory_text,
        inspection_title=title,
        inspection_reference=inspection.reference.strip(),
        published=inspection.published,
        inspection_type=sheet.inspection_type,
        key_findings=sheet.key_findings,
        findings_heading=sheet.areas_heading,
        findings=findings,
        comments_heading=sheet.response_heading,
        comments=comments,
        signatory_name=sheet.signatory_name,
        signatory_title=sheet.signatory_title,
        response_date=response_date,
        logo_png=sheet.logo_png,
        logo_alt=setting("logo_alt_text"),
    )
