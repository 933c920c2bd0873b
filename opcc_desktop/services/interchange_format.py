"""The JSON interchange format, version 1: turn a parsed JSON document into domain records, or back.

Pure functions: no database. Every problem is reported with the record and field it is in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..domain.dates import parse_iso_date
from ..domain.models import Finding, Inspection
from ..domain.validation import validate_finding, validate_inspection
from .interchange_tracker import parse_tracker_fields, tracker_fields_to_json
from ..domain.vocabulary import DEFAULT_FINDING_STATUS, KIND_LABELS, SETTING_KEYS, normalise_kind

FORMAT_NAME = "opcc-desktop"
FORMAT_VERSION = 1
_S55_FROM_JSON = {True: "yes", False: "no", None: "unclear", "yes": "yes", "no": "no", "unclear": "unclear",
                  "true": "yes", "false": "no", "applies": "yes", "does not apply": "no"}
_S55_TO_JSON = {"yes": True, "no": False, "unclear": None}


@dataclass
class ParsedDocument:
    settings: dict[str, str] = field(default_factory=dict)
    inspections: list[Inspection] = field(default_factory=list)
    lookups: dict[str, list[str]] = field(default_factory=dict)
    ignored_settings: list[str] = field(default_factory=list)


class _Problems:
    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, where: str, name: str, message: str) -> None:
        self.items.append(f"{where}: field \"{name}\": {message}")


def _text(record: dict[str, Any], name: str, where: str, problems: _Problems, *, default: str = "") -> str:
    value = record.get(name, default)
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        problems.add(where, name, f"must be text, got {type(value).__name__}")
        return default
    return str(value)


def _date(record: dict[str, Any], name: str, where: str, problems: _Problems, *, required: bool) -> date | None:
    value = record.get(name)
    if value is None or value == "":
        if required:
            problems.add(where, name, "is required (an ISO date such as 2023-11-10)")
        return None
    try:
        return parse_iso_date(value)
    except ValueError as exc:
        problems.add(where, name, str(exc))
        return None


def _text_list(record: dict[str, Any], name: str, where: str, problems: _Problems) -> tuple[str, ...]:
    value = record.get(name)
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        parts = [p.strip() for chunk in value.splitlines() for p in chunk.split(";")]
        return tuple(p for p in parts if p)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        problems.add(where, name, "must be a list of text values")
        return ()
    return tuple(v.strip() for v in value if v.strip())


def _label(record: dict[str, Any]) -> str:
    for key in ("reference", "title", "text"):
        value = record.get(key)
        if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
            short = str(value).strip().replace("\n", " ")
            return f"{key} {short[:60]!r}"
    return "no reference"


def _parse_finding(raw: Any, where: str, problems: _Problems) -> Finding | None:
    if not isinstance(raw, dict):
        problems.items.append(f"{where}: must be an object")
        return None
    before = len(problems.items)
    kind_text = _text(raw, "kind", where, problems)
    kind = normalise_kind(kind_text) if kind_text else None
    if kind is None:
        expected = ", ".join(KIND_LABELS)
        problems.add(where, "kind", f"{kind_text!r} is not a finding kind (expected one of: {expected.lower()})"
                     if kind_text else "is required")
    tracker = parse_tracker_fields(raw, where, problems)
    force_lead = tracker.pop("force_lead")
    finding = Finding(
        kind=kind or "recommendation",
        text=_text(raw, "text", where, problems),
        reference=_text(raw, "reference", where, problems).strip().lstrip("#"),
        level=_text(raw, "level", where, problems),
        addressees=_text_list(raw, "addressees", where, problems),
        owner=_text(raw, "owner", where, problems) or force_lead,
        target_date=_date(raw, "target_date", where, problems, required=False),
        status=_text(raw, "status", where, problems).strip() or DEFAULT_FINDING_STATUS,
        force_response=_text(raw, "force_response", where, problems),
        pcc_response=_text(raw, "pcc_response", where, problems),
        **tracker,
    )
    for error in validate_finding(finding):
        if error.field != "kind":
            problems.add(where, error.field, error.message)
    return finding if len(problems.items) == before else None


def _parse_inspection(raw: Any, where: str, problems: _Problems) -> Inspection | None:
    if not isinstance(raw, dict):
        problems.items.append(f"{where}: must be an object")
        return None
    where = f"{where} ({_label(raw)})"
    before = len(problems.items)
    applies_raw = raw.get("s55_applies", True)
    key = applies_raw.strip().lower() if isinstance(applies_raw, str) else applies_raw
    applies = _S55_FROM_JSON.get(key) if isinstance(key, (str, bool)) or key is None else None
    if applies is None:
        problems.add(where, "s55_applies", "must be true, false or null (unclear)")
    # "published": null is a report whose date is not known yet (exported so); a missing key is an error.
    unknown = "published" in raw and raw["published"] is None
    published = None if unknown else _date(raw, "published", where, problems, required=True)
    findings_raw = raw.get("findings", [])
    if findings_raw is None:
        findings_raw = []
    if not isinstance(findings_raw, list):
        problems.add(where, "findings", "must be a list")
        findings_raw = []
    findings = [_parse_finding(f, f"{where}.findings[{n}]", problems) for n, f in enumerate(findings_raw)]
    inspection = Inspection(
        title=_text(raw, "title", where, problems),
        type=_text(raw, "type", where, problems).strip() or "Other",
        published=None if unknown else (published or date(1970, 1, 1)),
        reference=_text(raw, "reference", where, problems).strip().lstrip("#"),
        forces=_text_list(raw, "forces", where, problems),
        key_findings=_text(raw, "key_findings", where, problems),
        s55_applies=applies or "yes",
        response_published=_date(raw, "response_published", where, problems, required=False),
        pcc_comments=_text(raw, "pcc_comments", where, problems),
        findings=tuple(f for f in findings if f is not None),
    )
    if published is not None or unknown:
        for error in validate_inspection(inspection, published_required=False):
            if error.field not in ("s55_applies", "published"):
                problems.add(where, error.field, error.message)
    return inspection if len(problems.items) == before else None


def parse_document(data: Any) -> tuple[ParsedDocument, list[str]]:
    """Parse a whole interchange document. Returns the records and every problem found."""
    problems = _Problems()
    document = ParsedDocument()
    if not isinstance(data, dict):
        return document, ["the file must contain a JSON object"]
    if data.get("format") != FORMAT_NAME:
        problems.items.append(f"top level: field \"format\" must be {FORMAT_NAME!r}")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        problems.items.append("top level: field \"version\" must be a whole number such as 1")
    elif version > FORMAT_VERSION:
        problems.items.append(
            f"top level: version {version} was written by a newer OPCC Desktop (this one reads version {FORMAT_VERSION})"
        )
    settings = data.get("settings") or {}
    if not isinstance(settings, dict):
        problems.items.append("settings: must be an object")
        settings = {}
    for key, value in settings.items():
        if key not in SETTING_KEYS:
            document.ignored_settings.append(key)
        elif value is not None and not isinstance(value, str):
            problems.add("settings", key, "must be text")
        else:
            document.settings[key] = value or ""
    lookups = data.get("lookups") or {}
    if isinstance(lookups, dict):
        for name, values in lookups.items():
            if isinstance(values, list) and all(isinstance(v, str) for v in values):
                document.lookups[name] = [v for v in values if v.strip()]
            else:
                problems.add("lookups", name, "must be a list of text values")
    inspections = data.get("inspections", [])
    if not isinstance(inspections, list):
        problems.items.append("top level: field \"inspections\" must be a list")
        inspections = []
    seen: dict[str, str] = {}
    for number, raw in enumerate(inspections):
        where = f"inspections[{number}]"
        inspection = _parse_inspection(raw, where, problems)
        if inspection is None:
            continue
        if inspection.reference:
            if inspection.reference in seen:
                problems.add(where, "reference", f"{inspection.reference} appears twice (also {seen[inspection.reference]})")
                continue
            seen[inspection.reference] = where
        document.inspections.append(inspection)
    return document, problems.items


def finding_to_json(finding: Finding) -> dict[str, Any]:
    return {
        "kind": finding.kind,
        "reference": finding.reference,
        "level": finding.level,
        "text": finding.text,
        "addressees": list(finding.addressees),
        "owner": finding.owner,
        "target_date": finding.target_date.isoformat() if finding.target_date else None,
        "status": finding.status,
        "force_response": finding.force_response,
        "pcc_response": finding.pcc_response,
        **tracker_fields_to_json(finding),
    }


def inspection_to_json(inspection: Inspection) -> dict[str, Any]:
    return {
        "reference": inspection.reference,
        "title": inspection.title,
        "type": inspection.type,
        "published": inspection.published.isoformat() if inspection.published else None,
        "forces": list(inspection.forces),
        "key_findings": inspection.key_findings,
        "s55_applies": _S55_TO_JSON[inspection.s55_applies],
        "response_published": inspection.response_published.isoformat() if inspection.response_published else None,
        "pcc_comments": inspection.pcc_comments,
        "findings": [finding_to_json(f) for f in inspection.findings],
    }
