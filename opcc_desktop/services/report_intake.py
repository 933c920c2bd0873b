"""A report (PDF or text) → the inspection and findings it would become, for review. Writes nothing.

Shared by `opcc-desktop propose` and File → New inspection from report PDF…: the same parser as Paste findings
reads the text once page furniture is gone (domain/report_text.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..domain.paste_parse import ParsedFinding, parse_findings
from ..domain.report_text import InspectionProposal, PageText, clean_pages, propose_inspection
from ..errors import UserFacingError
from .report_pdf import Progress, read_pdf_pages

MAX_TEXT_BYTES = 50 * 1024 * 1024


@dataclass
class ReportProposal:
    inspection: InspectionProposal
    findings: list[ParsedFinding]
    warnings: list[str] = field(default_factory=list)
    pages: int = 0
    text: str = ""  # the text the findings were read from (page furniture removed)


def propose_from_pages(pages: list[PageText]) -> ReportProposal:
    text = clean_pages(pages)
    inspection = propose_inspection(pages, text)
    findings = _distinct(parse_findings(text))
    warnings = list(inspection.warnings)
    if not text.strip():
        warnings.append("The document has no text layer (a scanned image?): nothing could be read.")
    elif not findings:
        warnings.append("No recommendations, areas for improvement or causes of concern were recognised.")
    return ReportProposal(inspection, findings, warnings, len(pages), text)


def _distinct(findings: list[ParsedFinding]) -> list[ParsedFinding]:
    """A report that lists its findings twice (a summary, then the chapter) proposes each once."""
    seen: set[tuple[str, str]] = set()
    kept = []
    for item in findings:
        key = (item.kind, " ".join(item.text.casefold().replace("’", "'").split()).rstrip(".;"))
        if key not in seen:
            seen.add(key)
            kept.append(item)
    return kept


def propose_from_text(text: str) -> ReportProposal:
    pages = [PageText(page.split("\n")) for page in text.replace("\r\n", "\n").replace("\r", "\n").split("\f")]
    return propose_from_pages(pages)


def propose_from_pdf(path: Path, progress: Progress | None = None) -> ReportProposal:
    return propose_from_pages(read_pdf_pages(path, progress))


def read_text_file(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UserFacingError(f"Cannot read {path}: {exc.strerror or exc}") from exc
    if len(data) > MAX_TEXT_BYTES:
        raise UserFacingError(f"{path.name} is larger than {MAX_TEXT_BYTES // (1024 * 1024)} MB.")
    return decode_text(data)


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252 as Word and Excel save text on a UK PC."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def proposal_json(proposal: ReportProposal) -> dict[str, Any]:
    """The `propose --json` document: interchange keys, null where the document does not say."""
    inspection = proposal.inspection
    return {
        "inspection": {
            "reference": inspection.reference, "title": inspection.title, "type": inspection.type,
            "published": inspection.published.isoformat() if inspection.published else None,
            "forces": inspection.forces or None,
            "key_findings": None, "s55_applies": None, "response_published": None, "pcc_comments": None,
        },
        "findings": [{  # as the interchange format writes them: "" for no text, null for no date
            "kind": item.kind, "reference": item.reference, "level": item.level, "text": item.text,
            "addressees": list(item.addressees),
            "target_date": item.target_date.isoformat() if item.target_date else None,
            "force_response": item.force_response, "pcc_response": item.pcc_response,
        } for item in proposal.findings],
        "warnings": list(proposal.warnings),
    }


def proposal_lines(proposal: ReportProposal) -> list[str]:
    inspection = proposal.inspection
    lines = [f"Title: {inspection.title or '(not found)'}",
             f"Forces: {', '.join(inspection.forces) or '(not found)'}",
             f"Type: {inspection.type or '(not recognised)'}",
             f"HMICFRS reference: {inspection.reference or '(not found)'}",
             f"Published: {inspection.published.isoformat() if inspection.published else '(not stated)'}",
             f"Findings: {len(proposal.findings)}"]
    for item in proposal.findings:
        head = " ".join(part for part in (item.kind, item.reference, item.level) if part)
        extra = []
        if item.addressees:
            extra.append("to " + "; ".join(item.addressees))
        if item.target_date:
            extra.append(f"by {item.target_date.isoformat()}")
        lines.append(f"- [{head}] {' '.join(item.text.split())}" + (f" ({', '.join(extra)})" if extra else ""))
    lines.extend(f"Warning: {warning}" for warning in proposal.warnings)
    return lines
