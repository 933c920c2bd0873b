"""Importing a findings tracker spreadsheet: which column holds which field, and the rows read as
inspections with findings. Pure: cells arrive as Python values (text, numbers, dates), problems and
warnings name the sheet, the row as Excel shows it and the column by its header.

Real trackers are read as they are: headers are matched loosely ("Target completion date", "Rec or AFI",
"Type of finding"); statuses such as "Complete", "Achieved", "Discharged" become the office's closed
status; the kind comes from a kind column or from "AFI"/"Recommendation" in any cell of the row; a date
cell that is not a date ("TBC", "Immediately") gives no date and a warning; columns mapped to no field
are kept, under their headers, as the finding's imported note (a history line); a row holding one text
only between findings names the report the following rows belong to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .spreadsheet_header import section_title
from .spreadsheet_values import cell_date, cell_text, closed_status
from .vocabulary import (
    AREA_FOR_IMPROVEMENT,
    CAUSE_OF_CONCERN,
    DEFAULT_FINDING_STATUS,
    RECOMMENDATION,
    normalise_kind,
)

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
    "closed_on": ("Date closed", ("date closed", "closed on", "closure date", "date completed", "completed on",
                                  "date discharged", "closed date")),
}
DATE_FIELDS = frozenset({"published", "target_date", "revised_target_date", "closed_on"})
NOTE_FIELD = "_note"  # the unmapped columns of a row, "Header: text" lines
INSPECTION_FIELDS = ("inspection_reference", "inspection_title", "inspection_type", "published")


def field_label(name: str) -> str:
    return FIELDS[name][0] if name in FIELDS else "(do not import)"


def _key(header: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", header.casefold().replace("_", " ")).split())


_BY_WORDS = {_key(word): name for name, (label, words) in FIELDS.items() for word in (label, *words)}
# Looser rules for the headers real trackers use, tried in order when no exact match is found.
_LOOSE: tuple[tuple[str, str], ...] = (
    (r"\b(?:type of finding|finding type|type of recommendation|rec(?:ommendation)? (?:or )?afi(?! (?:no|number|ref|reference|id)\b)|"
     + r"afi (?:or )?rec\w*|kind)\b", "kind"),
    (r"\b(?:date (?:closed|completed|discharged)|clos(?:ed|ure) (?:on|date))\b", "closed_on"),
    (r"\brevised\b.*\b(?:date|target|deadline)\b|\bnew (?:target|due) date\b", "revised_target_date"),
    ((r"\b(?:target|due|deadline|completion|implementation)\b.*\b(?:date|by)\b|^(?:target|due|deadline)\b|"
     r"\bdeadline\b|\btimescales?\b"), "target_date"),
    (r"\bpublish|\b(?:report|inspection)\s+date\b|\bdate\s+of\s+(?:the\s+)?(?:report|inspection)\b", "published"),
    (r"\b(?:hmicfrs|hmic|report|inspection) (?:ref|reference|no|number|id)\b", "inspection_reference"),
    (r"\b(?:report|inspection)\b", "inspection_title"),
    (r"\b(?:rec|afi|finding|action|recommendation|item)\s*(?:ref|reference|no|number|id)\b|^(?:ref|no|#)\b",
     "finding_reference"),
    (r"\b(?:opcc|pcc|commissioner)\b.*\b(?:response|comment|comments|update|lead|officer)\b", "pcc_response"),
    (r"\bdelivery\b.*\b(?:lead|owner)\b", "delivery_lead"),
    (r"\b(?:lead|owner|responsible|accountable|sro|senior responsible officer)\b", "owner"),
    (r"\brag\b", "rag"),
    (r"\bstatus\b", "status"),
    (r"\b(?:update|progress|comment|comments|response|action taken|activity|position|commentary|actions)\b",
     "force_response"),
    (r"\b(?:recommendation|area for improvement|areas for improvement|afi|finding|cause of concern)s?\b", "text"),
    (r"\bevidence\b", "closure_basis"),
    (r"\blevel\b", "level"),
)


def header_field(header: str) -> str | None:
    """The field a header names, exactly or by the looser rules; None when it names none."""
    key = _key(header)
    if not key:
        return None
    if key in _BY_WORDS:
        return _BY_WORDS[key]
    for pattern, name in _LOOSE:
        if re.search(pattern, key):
            return name
    return None


def propose_mapping(headers: list[str]) -> dict[int, str]:
    """Column index → field for every header recognised; each field is proposed once (exact matches first,
    then the leftmost loose match)."""
    proposal: dict[int, str] = {}
    for exact in (True, False):
        for index, header in enumerate(headers):
            name = _BY_WORDS.get(_key(header)) if exact else header_field(header)
            if name and index not in proposal and name not in proposal.values():
                proposal[index] = name
    return dict(sorted(proposal.items()))


def refine_with_values(mapping: dict[int, str], rows: list[list[Any]]) -> dict[int, str]:
    """A "Type" column whose cells are "AFI"/"Recommendation" holds the kind, not the inspection type."""
    refined = dict(mapping)
    for index, name in mapping.items():
        if name != "inspection_type" or "kind" in mapping.values():
            continue
        values = [cell_text(row[index]) for row in rows[:200] if index < len(row) and cell_text(row[index])]
        kinds = sum(1 for value in values if normalise_kind(value) or kind_in_cells([value]))
        if values and kinds >= 0.6 * len(values):
            refined[index] = "kind"
    return refined


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
    sheet: str = ""


@dataclass
class SheetInspection:
    key: str
    row: int
    reference: str = ""
    title: str = ""
    type: str = ""
    published: date | None = None
    findings: list[SheetFinding] = field(default_factory=list)
    sheet: str = ""


@dataclass
class SheetReading:
    inspections: list[SheetInspection]
    problems: list[str]
    rows_read: int = 0
    warnings: list[str] = field(default_factory=list)


_KIND_IN_CELL = (
    (re.compile(r"^\s*(?:afi|area\s+for\s+improvement|areas\s+for\s+improvement)\b", re.IGNORECASE),
     AREA_FOR_IMPROVEMENT),
    (re.compile(r"^\s*(?:cause\s+of\s+concern|coc)\b", re.IGNORECASE), CAUSE_OF_CONCERN),
    (re.compile(r"^\s*(?:rec|recommendation)s?\b", re.IGNORECASE), RECOMMENDATION),
)


def kind_in_cells(cells: list[str]) -> str | None:
    """"AFI" / "Area for improvement 3" / "Recommendation" in a cell of the row (or "AFI" in a reference)."""
    for text in cells:
        short = text[:40]
        for pattern, kind in _KIND_IN_CELL:
            if pattern.match(short) and (len(text) < 60 or pattern.match(text[:25])):
                return kind
    return None


def _infer_kind(values: dict[str, Any], cells: list[str]) -> str:
    clue = f"{values.get('finding_reference', '')} {values.get('level', '')}"
    if re.search(r"\bAFI\b|area for improvement", clue, re.IGNORECASE):
        return AREA_FOR_IMPROVEMENT
    return kind_in_cells(cells) or RECOMMENDATION


_RAG_WORDS = {"red", "amber", "green", "blue", "white", "grey", "gray"}


def _where(sheet: str, row: int, header: str = "") -> str:
    place = (f"sheet \"{sheet}\", " if sheet else "") + f"row {row}"
    return place + (f", column \"{header}\"" if header else "")


class _RowReader:
    def __init__(self, headers: list[str], mapping: dict[int, str], sheet: str) -> None:
        self.headers, self.mapping, self.sheet = headers, mapping, sheet
        self.problems: list[str] = []
        self.warnings: list[str] = []

    def convert(self, number: int, index: int, name: str, value: Any) -> Any:
        if name in DATE_FIELDS:
            try:
                return cell_date(value)
            except ValueError as error:
                what = "publication date" if name == "published" else field_label(name).lower()
                self.warnings.append(f"{_where(self.sheet, number, self.headers[index])}: {error}; "
                                     f"imported with no {what}")
                return None
        return cell_text(value)

    def note(self, cells: list[Any]) -> str:
        """The unmapped columns' text as "Header: text" lines (nothing a user typed is dropped)."""
        lines = []
        for index, header in enumerate(self.headers):
            if index in self.mapping or index >= len(cells):
                continue
            text = cell_text(cells[index])
            if text:
                lines.append(f"{header or f'Column {index + 1}'}: {text}")
        return "\n".join(lines)


def read_rows(headers: list[str], rows: list[list[Any]], mapping: dict[int, str], first_row: int = 2, *,
              sheet: str = "", default_title: str = "", default_status: str = "") -> SheetReading:
    """Group the rows into inspections (by reference, else title) with their findings. Without an inspection
    column, a row holding one text only names the report of the rows below it, else `default_title` does."""
    reader = _RowReader(headers, mapping, sheet)
    problems = reader.problems
    if "text" not in mapping.values():
        problems.append(f"{_where(sheet, first_row - 1)}: no column is mapped to the finding text")
        return SheetReading([], problems)
    has_inspection_column = bool({"inspection_reference", "inspection_title"} & set(mapping.values()))
    text_index = next(i for i, n in mapping.items() if n == "text")
    groups: dict[str, SheetInspection] = {}
    section = default_title
    read = 0
    for offset, cells in enumerate(rows):
        number = first_row + offset
        texts = [cell_text(c) for c in cells]
        if not any(texts):
            continue
        heading = section_title(cells)
        if heading and not (text_index < len(texts) and texts[text_index] and len(texts[text_index]) > 80):
            if not has_inspection_column:
                section = heading
            continue  # "PEEL 2018/19" above its findings, or "Closed recommendations": a heading
        read += 1
        values = {name: reader.convert(number, i, name, cells[i] if i < len(cells) else None)
                  for i, name in mapping.items()}
        reference = (values.get("inspection_reference") or "").lstrip("#")
        title = values.get("inspection_title") or ("" if has_inspection_column else section)
        if not reference and not title:
            problems.append(f"{_where(sheet, number)}: no inspection reference or title")
            continue
        key = f"ref:{reference.casefold()}" if reference else f"title:{title.casefold()}"
        group = groups.setdefault(key, SheetInspection(key=key, row=number, reference=reference, sheet=sheet))
        group.title = group.title or title
        group.type = group.type or values.get("inspection_type") or ""
        group.published = group.published or values.get("published")
        finding = {k: v for k, v in values.items() if k not in INSPECTION_FIELDS}
        if not (finding.get("text") or "").strip():
            problems.append(f"{_where(sheet, number, headers[text_index])}: the finding's text is required")
            continue
        kind_text = finding.get("kind") or ""
        kind = normalise_kind(kind_text) or kind_in_cells([kind_text]) if kind_text else None
        if kind is None:
            if kind_text:
                header = headers[next(i for i, n in mapping.items() if n == "kind")]
                reader.warnings.append(f"{_where(sheet, number, header)}: {kind_text!r} is not a finding kind; "
                                       "read from the row instead")
            kind = _infer_kind(finding, texts)
        finding["kind"] = kind
        status = finding.get("status") or ""
        if status.casefold() in _RAG_WORDS and not finding.get("rag"):  # "Status: AMBER" is a RAG rating
            finding["rag"], status = status.title(), ""
        finding["status"] = closed_status(status) or default_status or DEFAULT_FINDING_STATUS
        finding["reference"] = (finding.pop("finding_reference", "") or "").lstrip("#")
        if "addressees" in finding:
            finding["addressees"] = tuple(p.strip() for p in finding["addressees"].split(";") if p.strip())
        if note := reader.note(cells):
            finding[NOTE_FIELD] = note
        group.findings.append(SheetFinding(number, finding, sheet))
    return SheetReading(list(groups.values()), problems, read, reader.warnings)


__all__ = ["FIELDS", "IGNORE", "NOTE_FIELD", "MappingError", "SheetFinding", "SheetInspection", "SheetReading",
           "field_label", "header_field", "kind_in_cells", "mapping_from_names", "propose_mapping", "read_rows"]
