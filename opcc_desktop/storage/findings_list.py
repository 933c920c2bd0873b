"""SQL behind the all-findings tracker: count and page, filtered and sorted by SQLite."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlite_utils import Database

from ..domain.finding_rows import FindingRow, FindingsQuery
from .inspections import _escape_like
from .mapping import text_to_list
from .reminders import CLOSED_STATUS_PREFIXES, EFFECTIVE_TARGET
from .search import fts_query, typed_text

SORT_COLUMNS = {
    "inspection": "ifnull(i.reference, '') COLLATE NOCASE",
    "reference": "f.reference COLLATE NOCASE",
    "kind": "f.kind",
    "level": "f.level",
    "text": "f.text COLLATE NOCASE",
    "owner": "f.owner COLLATE NOCASE",
    "target_date": EFFECTIVE_TARGET,
    "rag": "f.rag COLLATE NOCASE",
    "status": "f.status COLLATE NOCASE",
    "days_open": "julianday(ifnull(f.closed_on, date('now'))) - julianday(i.published)",
}


def _where(query: FindingsQuery) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    for word in typed_text(query.text).split():
        match = fts_query(word)
        if not match:  # no letter or digit: nothing the index could find, so compare the text
            pattern = f"%{_escape_like(word)}%"
            clauses.append("(f.text LIKE ? ESCAPE '\\' OR f.reference LIKE ? ESCAPE '\\')")
            params += [pattern] * 2
            continue
        # Words are found through the full-text index (prefix match), in the finding, its responses,
        # leads and status, or in its inspection's reference, title and type. The record is read from the
        # row id (inspection id × 2, finding id × 2 + 1): reading the UNINDEXED columns would cost 30×.
        clauses.append("(f.id IN (SELECT (rowid - 1) / 2 FROM search_index WHERE search_index MATCH ? "
                       "AND rowid > 0 AND rowid % 2 = 1) OR f.inspection_id IN (SELECT rowid / 2 FROM search_index "
                       "WHERE search_index MATCH ? AND rowid > 0 AND rowid % 2 = 0))")
        params += [match, match]
    for column, value in (("f.status", query.status), ("f.kind", query.kind), ("i.type", query.inspection_type),
                          ("f.rag", query.rag)):
        if value:
            clauses.append(f"{column} = ?")
            params.append(value)
    owner = typed_text(query.owner).strip()
    if owner:
        clauses.append("f.owner LIKE ? ESCAPE '\\'")
        params.append(f"%{_escape_like(owner)}%")
    if query.overdue_on is not None:
        clauses.append(f"{EFFECTIVE_TARGET} < ? AND {EFFECTIVE_TARGET} != ''")
        params.append(query.overdue_on.isoformat())
        for prefix in CLOSED_STATUS_PREFIXES:
            clauses.append("lower(f.status) NOT LIKE ?")
            params.append(f"{prefix}%")
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


FROM = " FROM findings f JOIN live_inspections i ON i.id = f.inspection_id"


def count_findings(db: Database, query: FindingsQuery) -> int:
    where, params = _where(query)
    return int(db.execute(f"SELECT count(*){FROM}{where}", params).fetchone()[0])


_ROW_COLUMNS = (
    "f.id, f.inspection_id, ifnull(i.reference, ''), i.title, i.type, i.published, f.kind, f.reference, f.level, "
    "f.text, f.owner, f.target_date, f.status, f.rag, f.revised_target_date, f.closed_on, f.delivery_lead, "
    "f.opcc_lead, f.revised_target_reason, f.force_response, f.pcc_response, f.closure_basis, "
    "f.closure_approved_by, f.addressees"
)


def query_findings(db: Database, query: FindingsQuery, *, limit: int = -1, offset: int = 0) -> list[FindingRow]:
    """One page: the ids are sorted first (small sorter rows), then only that page's rows are read."""
    return _rows_by_id(db, _page_ids(db, query, limit, offset, with_total=False)[0])


def count_and_first_page(db: Database, query: FindingsQuery, limit: int) -> tuple[int, list[FindingRow]]:
    """The total and the first page. With words to match, one pass counts and sorts (a window count);
    otherwise the count and an index walk are each cheaper alone."""
    if not query.text.split():
        return count_findings(db, query), query_findings(db, query, limit=limit)
    ids, total = _page_ids(db, query, limit, 0, with_total=True)
    return total, _rows_by_id(db, ids)


def _page_ids(db: Database, query: FindingsQuery, limit: int, offset: int, *, with_total: bool) -> tuple[list[int], int]:
    where, params = _where(query)
    order = SORT_COLUMNS.get(query.sort, SORT_COLUMNS["target_date"])
    direction = "DESC" if query.descending else "ASC"
    total_column = ", count(*) OVER ()" if with_total else ""
    fetched = db.execute(
        f"SELECT f.id{total_column}{FROM}{where} ORDER BY {order} {direction}, f.id {direction} LIMIT ? OFFSET ?",
        [*params, limit, offset]).fetchall()
    total = fetched[0][1] if with_total and fetched else 0
    return [r[0] for r in fetched], total


def _rows_by_id(db: Database, ids: list[int]) -> list[FindingRow]:
    found: dict[int, tuple[Any, ...]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ", ".join("?" for _ in chunk)
        for r in db.execute(f"SELECT {_ROW_COLUMNS}{FROM} WHERE f.id IN ({marks})", chunk).fetchall():
            found[r[0]] = r
    rows = [found[i] for i in ids if i in found]
    return [FindingRow(r[0], r[1], r[2], r[3], r[4], _date(r[5]), r[6], r[7], r[8], r[9], r[10],
                       _date(r[11]), r[12], r[13], _date(r[14]), _date(r[15]), r[16], r[17], r[18], r[19], r[20], r[21],
                       r[22], text_to_list(r[23]))
            for r in rows]


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None
