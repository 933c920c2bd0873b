"""Importing a findings tracker spreadsheet: which column holds which field, and the rows read as
inspections with findings. Pure: cells arrive as Python values (text, numbers, dates), problems name
the row as Excel shows it (the header is row 1) and the column by its header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .spreadsheet_values import cell_date, cell_text
from .vocabulary import AREA_FOR_IMPROVEMENT, DEFAULT_FINDING_STATUS, RECOMMENDATION, normalise_kind

IGNORE = ""
# field name → (label shown in the mapping step, header words that propose it)
FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "inspection_reference": ("Inspection reference", ("inspection reference", "report reference", "report ref",
                                                      "inspection ref", "hmicfrs reference", "report id")),
    "inspection_title": ("Inspection (report title)", ("inspection", "report", "report title", "inspection title",
                                                       "report name", "title", "inspection name", "source report")),
    "inspection_type": ("Inspection type", ("inspection type", "report type", "type", "type of inspection")),
    "published": ("Report published", ("published", "date published", "publication date", "report date",
                                       "published date", "date of report", "report published")),
    "finding_reference": ("Finding reference", ("finding reference", "reference", "ref", "rec no", "rec number",
                                                "recommendation number", "afi number", "no", "number", "id",
                                                "finding ref", "rec ref", "4action ref", "action ref")),
    "kind": ("Kind", ("kind", "finding type", "category", "rec or afi", "recommendation or afi", "classification")),
    "level": ("Level", ("level", "priority level")),
    "text": ("Finding text", ("finding", "text", "recommendation", "area for improvement", "afi", "description",
                              "recommendation text", "finding text", "recommendation afi", "detail", "wording")),
    "addressees": ("Addressed to", ("addressees", "addressed to", "addressee", "for")),
    "owner": ("Force lead (owner)", ("owner", "force lead", "lead", "action owner", "responsible officer",
                                     "chief officer lead", "lead officer", "responsible")),
    "delivery_lead": ("Delivery lead", ("delivery lead", "delivery owner", "action lead", "department")),
    "opcc_lead": ("OPCC lead", ("opcc lead", "opcc owner", "pcc lead", "opcc officer")),
    "target_date": ("Target date", ("target date", "due date", "deadline", "target", "due", "completion date")),
    "revised_target_date": ("Revised target date", ("revised target date", "revised date", "new target date",
                                                    "revised due date", "revised deadline")),
    "revised_target_reason": ("Reason for revised date", ("revised target reason", "reason for revised date",
                                                          "reason for revision", "reason for delay")),
    "status": ("Status", ("status", "current status", "progress status", "state")),
    "rag": ("RAG", ("rag", "rag status", "rag rating", "red amber green")),
    "force_response": ("Force response / update", ("force response", "update", "progress update", "progress",
                                                   "latest update", "force update", "response", "comments")),
    "pcc_response": ("PCC response", ("pcc response", "commissioner response", "opcc response", "pcc comments",
                                      "opcc comments")),
    "closure_basis": ("Closure basis", ("closure basis", "basis for closure", "closure evidence", "evidence")),
    "closure_approved_by": ("Closure approved by", ("closure approved by", "approved by", "closed by")),
}
DATE_FIELDS = frozenset({"published", "target_date", "revised_target_date"})
INSPECTION_FIELDS = ("inspection_reference", "inspection_title", "inspection_type", "published")


def field_label(name: str) -> str:
    return FIELDS[name][0] if name in FIELDS else "(do not import)"


def _key(header: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", header.casefold().replace("_", " ")).split())


_BY_WORDS = {_key(word): name for name, (label, words) in FIELDS.items() for word in (label, *words)}


def propose_mapping(headers: list[str]) -> dict[int, str]:
    """Column index → field for every header recognised; each field is proposed once (leftmost wins)."""
    proposal: dict[int, str] = {}
    for index, header in enumerate(headers):
        name = _BY_WORDS.get(_key(header))
        if name and name not in proposal.values():
            proposal[index] = name
    return proposal


class MappingError(ValueError):
    """A mapping file names a column or a field that does not exist."""


def mapping_from_names(headers: list[str], columns: dict[str, str]) -> dict[int, str]:
    """A mapping file's {"header": "field"} as column index → field; unknown headers/fields are errors."""
    keys = {_key(h): i for i, h in reversed(list(enumerate(headers)))}
    mapping: dict[int, str] = {}
    for header, name in columns.items():
        if not isinstance(header, str) or not isinstance(name, str):
            raise MappingError("the mapping's \"columns\" must map header text to a field name")
        if name and name not in FIELDS:
            raise MappingError(f"column \"{header}\": {name!r} is not a field (fields: {', '.join(FIELDS)})")
        if _key(header) not in keys:
            raise MappingError(f"column \"{header}\" is not in the spreadsheet (its columns: {', '.join(headers)})")
        if name:
            mapping[keys[_key(header)]] = name
    return mapping


@dataclass
class SheetFinding:
    row: int
    values: dict[str, Any]  # finding fields, already converted


@dataclass
class SheetInspection:
    key: str
    row: int
    reference: str = ""
    title: str = ""
    type: str = ""
    published: date | None = None
    findings: list[SheetFinding] = field(default_factory=list)


@dataclass
class SheetReading:
    inspections: list[SheetInspection]
    problems: list[str]
    rows_read: int = 0


def _infer_kind(values: dict[str, Any]) -> str:
    clue = f"{values.get('finding_reference', '')} {values.get('level', '')} {values.get('text', '')[:20]}"
    return AREA_FOR_IMPROVEMENT if re.search(r"\bAFI\b|area for improvement", clue, re.IGNORECASE) else RECOMMENDATION


def _convert(row_number: int, header: str, name: str, value: Any, problems: list[str]) -> Any:
    if name in DATE_FIELDS:
        try:
            return cell_date(value)
        except ValueError as error:
            problems.append(f"row {row_number}, column \"{header}\": {error}")
            return None
    return cell_text(value)


def read_rows(headers: list[str], rows: list[list[Any]], mapping: dict[int, str], first_row: int = 2) -> SheetReading:
    """Group the rows into inspections (by reference, else title) with their findings."""
    problems: list[str] = []
    if "text" not in mapping.values():
        problems.append("no column is mapped to the finding text")
    if not {"inspection_reference", "inspection_title"} & set(mapping.values()):
        problems.append("no column is mapped to the inspection reference or title")
    if problems:
        return SheetReading([], problems)
    groups: dict[str, SheetInspection] = {}
    read = 0
    for offset, cells in enumerate(rows):
        number = first_row + offset
        if all(cell_text(c) == "" for c in cells):
            continue
        read += 1
        values = {name: _convert(number, headers[i], name, cells[i] if i < len(cells) else None, problems)
                  for i, name in mapping.items()}
        reference = (values.get("inspection_reference") or "").lstrip("#")
        title = values.get("inspection_title") or ""
        key = f"ref:{reference.casefold()}" if reference else f"title:{title.casefold()}"
        if not reference and not title:
            problems.append(f"row {number}: no inspection reference or title")
            continue
        group = groups.setdefault(key, SheetInspection(key=key, row=number, reference=reference))
        group.title = group.title or title
        group.type = group.type or values.get("inspection_type") or ""
        group.published = group.published or values.get("published")
        finding = {k: v for k, v in values.items() if k not in INSPECTION_FIELDS}
        if not (finding.get("text") or "").strip():
            header = headers[next(i for i, n in mapping.items() if n == "text")]
            problems.append(f"row {number}, column \"{header}\": the finding's text is required")
            continue
        kind_text = finding.get("kind") or ""
        kind = normalise_kind(kind_text) if kind_text else _infer_kind(finding)
        if kind is None:
            header = headers[next(i for i, n in mapping.items() if n == "kind")]
            problems.append(f"row {number}, column \"{header}\": {kind_text!r} is not a finding kind "
                            "(recommendation, area for improvement, cause of concern…)")
            continue
        finding["kind"] = kind
        finding["status"] = finding.get("status") or DEFAULT_FINDING_STATUS
        finding["reference"] = (finding.pop("finding_reference", "") or "").lstrip("#")
        if "addressees" in finding:
            finding["addressees"] = tuple(p.strip() for p in finding["addressees"].split(";") if p.strip())
        group.findings.append(SheetFinding(number, finding))
    return SheetReading(list(groups.values()), problems, read)


__all__ = ["FIELDS", "IGNORE", "MappingError", "SheetFinding", "SheetInspection", "SheetReading", "field_label",
           "mapping_from_names", "propose_mapping", "read_rows"]
