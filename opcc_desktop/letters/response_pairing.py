"""The published response as plain data: each finding in report order, followed by its labelled responses.

Renderer-neutral (no ReportLab, no python-docx, no HTML): the PDF, the Word copy and the web page are
all laid out from a `PairedDocument`, so they say the same words in the same order. Every string is
literal text, never markup. s.55(5)/(5B): a reader can check each recommendation was answered,
because each one is followed by the force's and the commissioner's response under their own labels.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from opcc_desktop.domain import vocabulary as vocab
from opcc_desktop.domain.dates import format_letter_date, format_uk
from opcc_desktop.domain.models import Finding, Inspection

FORCE_RESPONSE = "Force response"
COMMISSIONER_RESPONSE = "Commissioner’s response"
NO_RESPONSE = "No response recorded."

# Printed before the statutory text; the seeds cite "Section 33", the duty is in section 55 (domain.md §2.1).
STATUTORY_TEXT = (
    "Section 55 of the Police Act 1996 (as amended by section 37 of the Policing and Crime Act 2017) "
    "requires local policing bodies to respond to recommendations in inspectors’ reports within 56 days."
)
_BLANK_LINES = re.compile(r"\n[ \t]*\n")
_LEVEL = re.compile(r"^\s*(?:level|lvl|l)?\s*[:.\-]?\s*(\d+)\s*$", re.IGNORECASE)


class LabelledResponse(NamedTuple):
    """("Force response", "The force has …"): a (label, text) pair."""

    label: str
    text: str


@dataclass(frozen=True)
class PairedSection:
    """One recommendation, area for improvement or cause of concern, then its responses."""

    kind: str  # the vocabulary code, e.g. "recommendation"
    kind_label: str  # "Recommendation", "Area for improvement", …
    reference: str  # as printed: "#29550", "R3" or ""
    level_label: str  # "Level 2", or "" when the finding has no level
    text: str
    responses: tuple[LabelledResponse, ...]  # force first, then the commissioner; empty when none

    @property
    def heading(self) -> str:
        """"Area for improvement #29550 (Level 3)": kind and reference, as a heading or label reads."""
        words = " ".join(part for part in (self.kind_label, self.reference) if part)
        return f"{words} ({self.level_label})" if self.level_label else words


@dataclass(frozen=True)
class PairedDocument:
    """Everything the published response says, in reading order."""

    office_name: str
    heading: str  # "Police and Crime Commissioner (PCC) response to inspections of …"
    statutory_text: str
    title: str  # "#29536 – An inspection of …"
    report_title: str  # the report's own title, without its reference
    report_reference: str  # as printed ("#29536"), or ""
    published: date | None  # None while the publication date is not known yet
    response_date: date | None  # None only while neither it nor the publication date is known
    details: tuple[tuple[str, str], ...]  # (label, value) rows: title, dates, type, reference
    key_findings: tuple[str, ...]
    comments_heading: str  # "PCC & Constabulary response to the report"
    comments: tuple[str, ...]  # the commissioner's general comments, one string per paragraph
    sections_heading: str  # "Recommendations and areas for improvement"
    sections: tuple[PairedSection, ...]
    signatory_name: str
    signatory_title: str

    @property
    def published_text(self) -> str:
        return format_uk(self.published)

    @property
    def response_date_text(self) -> str:
        return format_letter_date(self.response_date, "plain") if self.response_date else ""


def display_reference(reference: str) -> str:
    """"29550" prints as "#29550"; "1.0" or "R3" stay as given."""
    ref = reference.strip()
    return f"#{ref}" if ref.isdigit() else ref


def level_label(level: str) -> str:
    """"2", "L2", "level 2" → "Level 2"; anything else is printed as typed; blank stays blank."""
    text = " ".join(level.split())
    match = _LEVEL.match(text)
    return f"Level {match.group(1)}" if match else text


def split_paragraphs(text: str) -> tuple[str, ...]:
    """Free text split on blank lines; single line breaks inside a paragraph are kept."""
    parts = _BLANK_LINES.split(text.replace("\r\n", "\n").replace("\r", "\n"))
    return tuple(part.strip() for part in parts if part.strip())


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.replace("\r\n", "\n").split("\n") if line.strip())


def paired_section(finding: Finding) -> PairedSection:
    responses = []
    if finding.force_response.strip():
        responses.append(LabelledResponse(FORCE_RESPONSE, finding.force_response.strip()))
    if finding.pcc_response.strip():
        responses.append(LabelledResponse(COMMISSIONER_RESPONSE, finding.pcc_response.strip()))
    return PairedSection(
        kind=finding.kind,
        kind_label=vocab.KIND_LABELS.get(finding.kind, finding.kind.replace("_", " ").capitalize()),
        reference=display_reference(finding.reference),
        level_label=level_label(finding.level),
        text=finding.text.strip(),
        responses=tuple(responses),
    )


def _sections_heading(findings: tuple[Finding, ...]) -> str:
    kinds = {f.kind for f in findings}
    if kinds == {vocab.RECOMMENDATION}:
        return "Recommendations"
    if kinds == {vocab.AREA_FOR_IMPROVEMENT}:
        return "Areas for improvement"
    if kinds <= {vocab.RECOMMENDATION, vocab.AREA_FOR_IMPROVEMENT}:
        return "Recommendations and areas for improvement"
    return "Findings and responses"


def _ordered(findings: tuple[Finding, ...]) -> tuple[Finding, ...]:
    """Report order: the findings' saved position, then the order they were given in."""
    return tuple(f for _, f in sorted(enumerate(findings), key=lambda pair: (pair[1].position, pair[0])))


def pair_responses(inspection: Inspection, settings: Mapping[str, str], response_date: date | None,
                   comments_text: str | None = None) -> PairedDocument:
    """The published response for `inspection`; `comments_text` None means the commissioner's saved comments."""

    def setting(key: str) -> str:
        value = settings.get(key)
        value = value.strip() if isinstance(value, str) else ""
        return value or vocab.DEFAULT_SETTINGS.get(key, "")

    short = setting("commissioner_short_title")
    title_without_acting = setting("commissioner_title").removeprefix("Acting ").strip()
    force = setting("force_name") or "the force"
    heading = setting("response_heading") or (
        f"{title_without_acting} ({short}) response to inspections of {force} published by His Majesty’s "
        "Inspectorate of Constabulary and Fire and Rescue Services (HMICFRS)"
    )
    reference = display_reference(inspection.reference)
    report_title = inspection.title.strip()
    title = f"{reference} – {report_title}" if reference else report_title
    details = [("Inspection title", title), ("Date published", format_uk(inspection.published)),
               ("Type of inspection", inspection.type.strip() or "Not stated"),
               ("Date of this response", format_letter_date(response_date, "plain") if response_date else "")]
    findings = _ordered(tuple(inspection.findings))
    comments = split_paragraphs(inspection.pcc_comments if comments_text is None else comments_text)
    return PairedDocument(
        office_name=setting("office_name"),
        heading=heading,
        statutory_text=STATUTORY_TEXT,
        title=title,
        report_title=report_title,
        report_reference=reference,
        published=inspection.published,
        response_date=response_date,
        details=tuple(details),
        key_findings=_lines(inspection.key_findings),
        comments_heading=f"{short} & Constabulary response to the report",
        comments=comments,
        sections_heading=_sections_heading(findings),
        sections=tuple(paired_section(f) for f in findings),
        signatory_name=setting("commissioner_name"),
        signatory_title=setting("commissioner_title"),
    )
