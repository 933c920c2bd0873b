"""Convert between SQLite rows and domain dataclasses (dates as ISO text, lists as JSON) in one place."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from typing import Any

from ..domain.models import Finding, Inspection, InspectionSummary

TRACKER_TEXT_FIELDS = ("rag", "delivery_lead", "opcc_lead", "revised_target_reason", "closure_basis",
                       "closure_approved_by", "superseded_by")
TRACKER_DATE_FIELDS = ("revised_target_date", "closed_on")


def inserted_id(cursor: sqlite3.Cursor) -> int:
    """The id of the row an INSERT just made (sqlite3 types `lastrowid` as optional)."""
    if cursor.lastrowid is None:
        raise RuntimeError("the statement inserted no row")
    return cursor.lastrowid


def date_to_text(value: date | None) -> str | None:
    return value.isoformat() if value else None


def text_to_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def list_to_text(values: tuple[str, ...]) -> str:
    return json.dumps(list(values), ensure_ascii=False)


def text_to_list(value: str | None) -> tuple[str, ...]:
    return tuple(json.loads(value)) if value else ()


def inspection_to_row(inspection: Inspection) -> dict[str, Any]:
    return {
        "reference": inspection.reference.strip() or None,
        "title": inspection.title,
        "type": inspection.type,
        "published": date_to_text(inspection.published) or "",  # "" = not known (the column is NOT NULL)
        "forces": list_to_text(inspection.forces),
        "key_findings": inspection.key_findings,
        "s55_applies": inspection.s55_applies,
        "response_published": date_to_text(inspection.response_published),
        "pcc_comments": inspection.pcc_comments,
    }


def row_to_inspection(row: dict[str, Any], findings: tuple[Finding, ...]) -> Inspection:
    return Inspection(
        id=row["id"],
        reference=row["reference"] or "",
        title=row["title"],
        type=row["type"],
        published=text_to_date(row["published"]),
        forces=text_to_list(row["forces"]),
        key_findings=row["key_findings"],
        s55_applies=row["s55_applies"],
        response_published=text_to_date(row["response_published"]),
        pcc_comments=row["pcc_comments"],
        findings=findings,
        version=int(row.get("version") or 0),
        findings_seen=frozenset(f.id for f in findings if f.id is not None),
    )


def row_to_summary(row: dict[str, Any]) -> InspectionSummary:
    return InspectionSummary(
        id=row["id"],
        reference=row["reference"] or "",
        title=row["title"],
        type=row["type"],
        published=text_to_date(row["published"]),
        s55_applies=row["s55_applies"],
        response_published=text_to_date(row["response_published"]),
        finding_count=row["finding_count"],
    )


def finding_to_row(finding: Finding, inspection_id: int, position: int) -> dict[str, Any]:
    return {
        "inspection_id": inspection_id,
        "position": position,
        "kind": finding.kind,
        "reference": finding.reference,
        "level": finding.level,
        "text": finding.text,
        "addressees": list_to_text(finding.addressees),
        "owner": finding.owner,
        "target_date": date_to_text(finding.target_date),
        "status": finding.status,
        "force_response": finding.force_response,
        "pcc_response": finding.pcc_response,
        **{name: getattr(finding, name) for name in TRACKER_TEXT_FIELDS},
        **{name: date_to_text(getattr(finding, name)) for name in TRACKER_DATE_FIELDS},
    }


def row_to_finding(row: dict[str, Any]) -> Finding:
    tracker: dict[str, Any] = {name: row.get(name) or "" for name in TRACKER_TEXT_FIELDS}
    tracker.update({name: text_to_date(row.get(name)) for name in TRACKER_DATE_FIELDS})
    return Finding(
        id=row["id"],
        inspection_id=row["inspection_id"],
        position=row["position"],
        kind=row["kind"],
        reference=row["reference"],
        level=row["level"],
        text=row["text"],
        addressees=text_to_list(row["addressees"]),
        owner=row["owner"],
        target_date=text_to_date(row["target_date"]),
        status=row["status"],
        force_response=row["force_response"],
        pcc_response=row["pcc_response"],
        **tracker,
        version=int(row.get("version") or 0),
    )
