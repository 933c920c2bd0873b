"""Turn an inspection and the office settings into the words of a s.55 letter to the Home Secretary."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date

from opcc_desktop.domain import vocabulary as vocab
from opcc_desktop.domain.dates import format_letter_date
from opcc_desktop.domain.models import Finding, Inspection
from opcc_desktop.letters.letter_data import AppendixEntry, LetterData
from opcc_desktop.letters.response_pairing import level_label

DEFAULT_CC = "HM Inspectorate of Constabulary and Fire & Rescue Services"
APPENDIX_HEADING = "Appendix 1"
NBSP = "\u00a0"  # keeps "Appendix 1" on one line

# (singular, plural) as the phrase reads in a sentence; innovative practice is uncountable.
_KIND_PHRASES: dict[str, tuple[str, str]] = {
    vocab.RECOMMENDATION: ("recommendation", "recommendations"),
    vocab.AREA_FOR_IMPROVEMENT: ("area for improvement", "areas for improvement"),
    vocab.CAUSE_OF_CONCERN: ("cause of concern", "causes of concern"),
    vocab.ACCELERATED_CAUSE_OF_CONCERN: ("accelerated cause of concern", "accelerated causes of concern"),
    vocab.INNOVATIVE_PRACTICE: ("innovative practice", "innovative practice"),
}
_BLANK_LINES = re.compile(r"\n[ \t]*\n")


def _lines(text: str) -> tuple[str, ...]:
    """Non-empty, stripped lines of a multi-line setting."""
    return tuple(line.strip() for line in text.replace("\r\n", "\n").split("\n") if line.strip())


def _paragraphs(text: str) -> tuple[str, ...]:
    """Split free text on blank lines; single line breaks inside a paragraph are kept."""
    parts = _BLANK_LINES.split(text.replace("\r\n", "\n").replace("\r", "\n"))
    return tuple(part.strip() for part in parts if part.strip())


def _join_words(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def display_reference(reference: str) -> str:
    """A finding reference as printed: "29550" becomes "#29550"; "1.0" or "R3" stay as given."""
    ref = reference.strip()
    return f"#{ref}" if ref.isdigit() else ref


def _kinds_phrase(findings: tuple[Finding, ...]) -> str:
    """"recommendations and areas for improvement", in the vocabulary's order of kinds."""
    phrases = []
    for kind in vocab.FINDING_KINDS:
        count = sum(1 for f in findings if f.kind == kind)
        if count:
            singular, plural = _KIND_PHRASES[kind]
            phrases.append(singular if count == 1 else plural)
    unknown = sum(1 for f in findings if f.kind not in _KIND_PHRASES)
    if unknown:
        phrases.append("finding" if unknown == 1 else "findings")
    return _join_words(phrases)


def _appendix_sentence(findings: tuple[Finding, ...]) -> str:
    verb = "is" if len(findings) == 1 else "are"
    return (
        f"The HMICFRS {_kinds_phrase(findings)}, with the force’s response, "
        f"{verb} set out in {APPENDIX_HEADING.replace(' ', NBSP)}."
    )


def _appendix_title(findings: tuple[Finding, ...]) -> str:
    kinds = {f.kind for f in findings}
    if kinds == {vocab.RECOMMENDATION}:
        return "HMICFRS recommendations and force response"
    if kinds == {vocab.AREA_FOR_IMPROVEMENT}:
        return "HMICFRS areas for improvement and force response"
    return "HMICFRS findings and force response"


def report_phrase(inspection_type: str) -> str:
    """How the subject line names the report: a type that already says what the report is ("PEEL spotlight
    report", as seed 001 has it) is used; a category code ("Force-specific", "National thematic") is not."""
    kind = " ".join(inspection_type.split())
    return kind if kind.casefold().endswith("report") else "report"


def _entry(finding: Finding) -> AppendixEntry:
    return AppendixEntry(
        reference=display_reference(finding.reference),
        kind_label=vocab.KIND_LABELS.get(finding.kind, finding.kind.capitalize()),
        level=level_label(finding.level),
        text=finding.text.strip(),
        force_response=finding.force_response.strip(),
        pcc_response=finding.pcc_response.strip(),
    )


def setting_reader(settings: Mapping[str, str]) -> Callable[[str], str]:
    """`setting(key)`: the stripped value, or the declared default when missing or blank."""

    def setting(key: str) -> str:
        value = settings.get(key)
        value = value.strip() if isinstance(value, str) else ""
        return value or vocab.DEFAULT_SETTINGS.get(key, "")

    return setting


def default_letter_body(inspection: Inspection) -> str:
    """The body paragraphs the editor starts from: the commissioner's comments, then the appendix pointer."""
    body = _paragraphs(inspection.pcc_comments)
    if inspection.findings:
        body += (_appendix_sentence(tuple(inspection.findings)),)
    return "\n\n".join(body)


def compose_home_secretary_letter(
    inspection: Inspection, settings: Mapping[str, str], letter_date: date, body_text: str | None = None
) -> LetterData:
    """The s.55 letter for `inspection`; missing or blank settings fall back to the defaults.

    `body_text` (paragraphs separated by blank lines) replaces the default body when given.
    """
    setting = setting_reader(settings)

    date_style = setting("date_style").lower()
    if date_style not in vocab.DATE_STYLES:
        date_style = "ordinal"

    contacts = []
    for label, key in (("Tel", "office_telephone"), ("Email", "office_email"), ("Web", "office_web")):
        if setting(key):
            contacts.append(f"{label}: {setting(key)}")
    contacts += _lines(setting("office_social"))

    secretary = setting("home_secretary_name")
    first_line = f"Rt Hon {secretary} MP" if secretary else "The Home Secretary"
    recipient: tuple[str, ...] = (first_line, "Home Secretary") if secretary else (first_line,)
    recipient += _lines(setting("home_office_address"))

    title = inspection.title.strip()
    subject = f"Response to HMICFRS {report_phrase(inspection.type)}: “{title}”"
    if inspection.reference.strip():
        subject += f" (HMICFRS reference {inspection.reference.strip()})"

    commissioner_title = setting("commissioner_title")
    opening = (
        f"Under section 55 of the Police Act 1996, as {commissioner_title} I am pleased to provide "
        f"my formal response to HMICFRS’s report entitled “{title}”"
        + (f", published on {format_letter_date(inspection.published, date_style)}." if inspection.published
           else ".")
    )

    body = _paragraphs(default_letter_body(inspection) if body_text is None else body_text)
    findings = tuple(inspection.findings)

    copy_to = setting("hmicfrs_copy_address") or DEFAULT_CC
    office_name = setting("office_name")

    return LetterData(
        office_name=office_name,
        office_address_lines=_lines(setting("office_address")),
        office_contact_lines=tuple(contacts),
        recipient_lines=recipient,
        letter_date=letter_date,
        date_style=date_style,
        salutation=setting("salutation"),
        subject=subject,
        opening_paragraph=opening,
        body_paragraphs=body,
        signatory_name=setting("commissioner_name"),
        signatory_title=commissioner_title,
        cc_lines=(f"cc {copy_to}",),
        appendix_title=_appendix_title(findings) if findings else "",
        appendix_entries=tuple(_entry(f) for f in findings),
        pdf_title=subject,
        pdf_author=office_name,
        pdf_subject=f"Section 55 response: {title}",
    )


split_lines = _lines
split_paragraphs = _paragraphs
