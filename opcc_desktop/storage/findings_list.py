"""SQL behind the all-findings tracker: count and page, filtered and sorted by SQLite."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlite_utils import Database

from ..domain.finding_rows import FindingRow, FindingsQuery
from .inspections import _escape_like
from .mapping import text_to_list
from .reminders import CLOSED_STATUS_PREFIXES

SORT_COLUMNS = {
    "inspection": "ifnull(i.reference, '') COLLATE NOCASE",
    "reference": "f.reference COLLATE NOCASE",
    "kind": "f.kind",
    "level": "f.level",
    "text": "f.text COLLATE NOCASE",
    "owner": "f.owner COLLATE NOCASE",
    "target_date": "ifnull(nullif(f.revised_target_date, ''), ifnull(f.target_date, '9999-12-31'))",
    "rag": "f.rag COLLATE NOCASE",
    "status": "f.status COLLATE NOCASE",
    "days_open": "julianday(ifnull(f.closed_on, date('now'))) - julianday(i.published)",
}


def _where(query: FindingsQuery) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    for word in query.text.split():
        pattern = f"%{_escape_like(word)}%"
        clauses.append("(f.text LIKE ? ESCAPE '\\' OR f.reference LIKE ? ESCAPE '\\' OR ifnull(i.reference, '') "
                       "LIKE ? ESCAPE '\\' OR f.owner LIKE ? ESCAPE '\\' OR i.title LIKE ? ESCAPE '\\')")
        params += [pattern] * 5
    for column, value in (("f.status", query.status), ("f.kind", query.kind), ("i.type", query.inspection_type),
                          ("f.rag", query.rag)):
        if value:
            clauses.append(f"{column} = ?")
            params.append(value)
    if query.owner.strip():
        clauses.append("f.owner LIKE ? ESCAPE '\\'")
        params.append(f"%{_escape_like(query.owner.strip())}%")
    if query.overdue_on is not None:
        clauses.append("ifnull(nullif(f.revised_target_date, ''), nullif(f.target_date, '')) < ?")
        params.append(query.overdue_on.isoformat())
        for prefix in CLOSED_STATUS_PREFIXES:
            clauses.append("lower(f.status) NOT LIKE ?")
            params.append(f"{prefix}%")
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


FROM = " FROM findings f JOIN live_inspections i ON i.id = f.inspection_id"


def count_findings(db: Database, query: FindingsQuery) -> int:
    where, params = _where(query)
    return db.execute(f"SELECT count(*){FROM}{where}", params).fetchone()[0]


def query_findings(db: Database, query: FindingsQuery, *, limit: int = -1, offset: int = 0) -> list[FindingRow]:
    where, params = _where(query)
    order = SORT_COLUMNS.get(query.sort, SORT_COLUMNS["target_date"])
    direction = "DESC" if query.descending else "ASC"
    rows = db.execute(
        "SELECT f.id, f.inspection_id, ifnull(i.reference, ''), i.title, i.type, i.published, f.kind, f.reference, "
        f"f.level, f.text, f.owner, f.target_date, f.status, f.rag, f.revised_target_date, f.closed_on, "
        "f.delivery_lead, f.opcc_lead, f.revised_target_reason, f.force_response, f.pcc_response, f.closure_basis, "
        f"f.closure_approved_by, f.addressees{FROM}{where} "
        f"ORDER BY {order} {direction}, f.id {direction} LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    return [FindingRow(r[0], r[1], r[2], r[3], r[4], date.fromisoformat(r[5]), r[6], r[7], r[8], r[9], r[10],
                       _date(r[11]), r[12], r[13], _date(r[14]), _date(r[15]), *r[16:23], text_to_list(r[23]))
            for r in rows]


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None
