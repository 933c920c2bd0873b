"""The published response in the office's template (seeds S0 and S2), and the HMICFRS copy of the letter."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from opcc_desktop.domain import vocabulary as vocab
from opcc_desktop.domain.dates import format_uk
from opcc_desktop.domain.models import Finding, Inspection
from opcc_desktop.letters.compose import DEFAULT_CC, display_reference, setting_reader, split_lines, split_paragraphs
from opcc_desktop.letters.letter_data import LetterData, ResponseSheetData

# The seeds cite "Section 33"; the duty is in section 55 (domain.md §2.1), so the template says 55.
STATUTORY_TEXT = (
    "Section 55 of the Police Act 1996 (as amended by section 37 of the Policing and Crime Act 2017) "
    "requires local policing bodies to respond to recommendations in inspectors’ reports within 56 days."
)
_AREA_HEADINGS = {
    vocab.AREA_FOR_IMPROVEMENT: "Areas for Improvement",
    vocab.RECOMMENDATION: "Recommendations",
}
_SHORT_KINDS = {
    vocab.RECOMMENDATION: "REC",
    vocab.AREA_FOR_IMPROVEMENT: "AFI",
    vocab.CAUSE_OF_CONCERN: "CAUSE OF CONCERN",
    vocab.ACCELERATED_CAUSE_OF_CONCERN: "ACCELERATED CAUSE OF CONCERN",
    vocab.INNOVATIVE_PRACTICE: "INNOVATIVE PRACTICE",
}


def area_line(finding: Finding) -> str:
    """"AFI LEVEL 3 #29550 - There isn’t enough …", as the Cumbria template lists them."""
    parts = [_SHORT_KINDS.get(finding.kind, finding.kind.upper())]
    if finding.level.strip():
        parts.append(finding.level.strip().upper())
    if finding.reference.strip():
        parts.append(display_reference(finding.reference))
    return f"{' '.join(parts)} - {finding.text.strip()}"


def default_response_body(inspection: Inspection) -> str:
    """The commissioner's comments, then each finding's force response (the chief officer's comments)."""
    parts = list(split_paragraphs(inspection.pcc_comments))
    for finding in inspection.findings:
        if finding.force_response.strip():
            parts.append(finding.force_response.strip())
        if finding.pcc_response.strip():
            parts.append(finding.pcc_response.strip())
    return "\n\n".join(parts)


def _areas_heading(findings: tuple[Finding, ...]) -> str:
    kinds = {f.kind for f in findings}
    if len(kinds) == 1:
        return _AREA_HEADINGS.get(next(iter(kinds)), "Findings")
    return "Recommendations and Areas for Improvement" if kinds else "Areas for Improvement"


def compose_published_response(
    inspection: Inspection, settings: Mapping[str, str], body_text: str | None = None
) -> ResponseSheetData:
    setting = setting_reader(settings)
    short = setting("commissioner_short_title")
    title_without_acting = setting("commissioner_title").removeprefix("Acting ").strip()
    force = setting("force_name") or "the force"
    heading = setting("response_heading") or (
        f"{title_without_acting} ({short}) response to inspections of {force} published by His Majesty’s "
        "Inspectorate of Constabulary and Fire and Rescue Services (HMICFRS)"
    )
    reference = inspection.reference.strip()
    title = f"{display_reference(reference)} – {inspection.title.strip()}" if reference else inspection.title.strip()
    findings = tuple(inspection.findings)
    body = default_response_body(inspection) if body_text is None else body_text
    subject = "Report and Recommendations" if findings else "Report"
    return ResponseSheetData(
        office_name=setting("office_name"),
        heading=heading,
        statutory_text=STATUTORY_TEXT,
        inspection_title=title,
        date_published=format_uk(inspection.published),
        inspection_type=inspection.type.strip(),
        key_findings=split_lines(inspection.key_findings),
        areas_heading=_areas_heading(findings),
        areas=tuple(area_line(f) for f in findings),
        response_heading=f"{short} & Constabulary Response to {subject}",
        response_paragraphs=split_paragraphs(body),
        signatory_name=setting("commissioner_name"),
        signatory_title=setting("commissioner_title"),
        pdf_title=f"{short} response: {inspection.title.strip()}",
        pdf_author=setting("office_name"),
    )


def compose_hmicfrs_copy(letter: LetterData, settings: Mapping[str, str]) -> LetterData:
    """The same letter, marked as the copy sent to the inspectorate under s.55(6)."""
    address = setting_reader(settings)("hmicfrs_copy_address") or DEFAULT_CC
    return replace(letter, copy_note=f"Copy to HMICFRS under section 55(6) of the Police Act 1996: {address}",
                   pdf_title=f"Copy to HMICFRS – {letter.pdf_title}")
