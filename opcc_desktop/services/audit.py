"""The audit trail as people read it: who changed what, when, for one inspection (with its findings,
their history, its s.55 steps and evidence) or one record. Written by triggers (storage/schema_audit.py)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, UTC
from typing import Any

from sqlite_utils import Database

from ..storage import audit as store

TABLE_LABELS = {"inspections": "Inspection", "findings": "Finding", "finding_history": "Finding history",
                "s55_workflow": "s.55 steps", "attachments": "Evidence", "letter_drafts": "Letter draft",
                "settings": "Setting", "lookup_values": "List value", "import": "Import",
                "office": "Office"}
FIELD_LABELS = {"reference": "reference", "title": "title", "type": "type", "published": "published",
                "forces": "forces", "key_findings": "key findings", "s55_applies": "s.55 applies",
                "response_published": "response published", "pcc_comments": "Commissioner's comments",
                "text": "text", "owner": "owner (force lead)", "target_date": "target date", "status": "status",
                "force_response": "force response", "pcc_response": "PCC response", "rag": "RAG",
                "delivery_lead": "delivery lead", "opcc_lead": "OPCC lead", "revised_target_date": "revised target date",
                "revised_target_reason": "reason for revised date", "closure_basis": "closure basis",
                "closure_approved_by": "closure approved by", "closed_on": "closed on", "deleted_at": "deleted at",
                "deleted_by": "deleted by", "original_name": "file"}
SHOWN = 120  # characters of a long value shown in the summary (the full value is in `changes`)


@dataclass(frozen=True)
class AuditLine:
    id: int
    at: datetime  # local time
    who: str
    table: str
    row_id: int | None
    action: str
    changes: dict[str, Any]
    inspection_id: int | None

    @property
    def what(self) -> str:
        return f"{TABLE_LABELS.get(self.table, self.table.replace('_', ' ').capitalize())} {self.action}"

    @property
    def summary(self) -> str:
        """"status: Accepted → Open – delayed; owner: … → …" for updates; the main fields otherwise."""
        if self.action in ("update", "soft delete", "restore"):
            parts = [f"{FIELD_LABELS.get(k, k.replace('_', ' '))}: {_short(v[0])} → {_short(v[1])}"
                     for k, v in self.changes.items() if isinstance(v, list) and len(v) == 2]
            return "; ".join(parts)
        keys = [k for k in ("reference", "title", "kind", "text", "new_status", "narrative", "original_name", "key",
                            "value", "name", "description", "summary", "body") if self.changes.get(k)]
        return "; ".join(f"{FIELD_LABELS.get(k, k.replace('_', ' '))}: {_short(self.changes[k])}" for k in keys[:3])


def _short(value: object) -> str:
    text = "(empty)" if value in (None, "") else " ".join(str(value).split())
    return text if len(text) <= SHOWN else text[:SHOWN] + "…"


def _line(row: tuple[Any, ...]) -> AuditLine:
    line_id, at, who, table, row_id, action, changes, inspection_id = row
    stamp = datetime.strptime(at, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC).astimezone().replace(tzinfo=None)
    try:
        parsed = json.loads(changes) if changes else {}
    except json.JSONDecodeError:
        parsed = {"summary": changes}
    return AuditLine(line_id, stamp, who or "unknown user", table, row_id, action, parsed, inspection_id)


class AuditService:
    def __init__(self, db: Database):
        self.db = db

    def set_actor(self, name: str) -> None:
        """Who the triggers record for this session's writes (the Windows user name)."""
        store.set_actor(self.db, name)

    def for_inspection(self, inspection_id: int) -> list[AuditLine]:
        return [_line(r) for r in store.lines_for_inspection(self.db, inspection_id)]

    def for_record(self, table: str, row_id: int) -> list[AuditLine]:
        return [_line(r) for r in store.lines_for_row(self.db, table, row_id)]

    def recent(self, limit: int = 500) -> list[AuditLine]:
        return [_line(r) for r in store.recent_lines(self.db, limit)]
