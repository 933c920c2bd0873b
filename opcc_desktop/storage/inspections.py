"""Inspection and finding repository: every SQL statement about inspections and findings lives here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..domain.models import Finding, Inspection, InspectionSummary
from .first_paint import open_s55_rows  # noqa: F401 - kept importable from here
from .mapping import finding_to_row, inserted_id, inspection_to_row, row_to_finding, row_to_inspection, row_to_summary

if TYPE_CHECKING:
    from sqlite_utils import Database

SUMMARY_SORT_COLUMNS: dict[str, str] = {
    "reference": "i.reference COLLATE NOCASE",
    "title": "i.title COLLATE NOCASE",
    "type": "i.type COLLATE NOCASE",
    "published": "i.published",
    "s55_last_day": "i.published",
    "response_published": "i.response_published",
    "finding_count": "finding_count",
    "s55_applies": "i.s55_applies",
}


@dataclass(frozen=True)
class SummaryQuery:
    """What the inspections list asks for: a free-text filter and an order, evaluated in SQL."""

    text: str = ""
    sort: str = "published"
    descending: bool = True
    open_s55_only: bool = False


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _where(query: SummaryQuery) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    from .search import typed_text

    for word in typed_text(query.text).split():
        pattern = f"%{_escape_like(word)}%"
        clauses.append(
            "(i.title LIKE ? ESCAPE '\\' OR ifnull(i.reference, '') LIKE ? ESCAPE '\\' "
            "OR i.type LIKE ? ESCAPE '\\' OR i.forces LIKE ? ESCAPE '\\')"
        )
        params += [pattern] * 4
    if query.open_s55_only:
        clauses.append("(i.s55_applies != 'no' AND i.response_published IS NULL)")
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def count_summaries(db: Database, query: SummaryQuery) -> int:
    where, params = _where(query)
    return int(db.execute(f"SELECT count(*) FROM live_inspections i{where}", params).fetchone()[0])


def query_summaries(db: Database, query: SummaryQuery, *, limit: int = -1, offset: int = 0) -> list[InspectionSummary]:
    """One page of the inspections list, filtered and sorted by SQLite."""
    where, params = _where(query)
    order = SUMMARY_SORT_COLUMNS.get(query.sort, "i.published")
    direction = "DESC" if query.descending else "ASC"
    sql = (
        "SELECT i.id, i.reference, i.title, i.type, i.published, i.s55_applies, i.response_published, "
        "(SELECT count(*) FROM findings f WHERE f.inspection_id = i.id) AS finding_count "
        f"FROM live_inspections i{where} ORDER BY {order} {direction}, i.id {direction} LIMIT ? OFFSET ?"
    )
    cursor = db.execute(sql, [*params, limit, offset])
    names = [d[0] for d in cursor.description]
    return [row_to_summary(dict(zip(names, row))) for row in cursor.fetchall()]


def _rows(db: Database, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cursor = db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def get_findings(db: Database, inspection_id: int) -> tuple[Finding, ...]:
    rows = _rows(db, "SELECT * FROM findings WHERE inspection_id = ? ORDER BY position, id", [inspection_id])
    return tuple(row_to_finding(r) for r in rows)


def get_inspection(db: Database, inspection_id: int, *, include_deleted: bool = False) -> Inspection | None:
    """The inspection with its findings; a soft-deleted one only when asked for."""
    table = "inspections" if include_deleted else "live_inspections"
    rows = _rows(db, f"SELECT * FROM {table} WHERE id = ?", [inspection_id])
    if not rows:
        return None
    return row_to_inspection(rows[0], get_findings(db, inspection_id))


def find_inspection_id(db: Database, reference: str) -> int | None:
    # the terms of the partial unique index, so that SQLite uses it (a scan otherwise)
    row = db.execute("SELECT id FROM inspections WHERE reference = ? AND reference IS NOT NULL AND reference != '' "
                     "AND deleted_at IS NULL", [reference]).fetchone()
    return row[0] if row else None


def find_inspection_ids_by_title(db: Database, title: str) -> list[int]:
    rows = db.execute("SELECT id FROM live_inspections WHERE title = ? COLLATE NOCASE", [title]).fetchall()
    return [r[0] for r in rows]


def all_inspection_ids(db: Database) -> list[int]:
    return [r[0] for r in db.execute("SELECT id FROM live_inspections ORDER BY published, id").fetchall()]


def count_inspections(db: Database) -> int:
    return int(db.execute("SELECT count(*) FROM live_inspections").fetchone()[0])


def _same(row: dict[str, Any]) -> str:
    """True when the stored row already holds these values: a no-op save writes nothing (and keeps the
    version, so nobody else's save is refused over it)."""
    return " AND ".join(f"{k} IS ?" for k in row)


def _write_findings(db: Database, inspection_id: int, findings: tuple[Finding, ...]) -> None:
    keep_ids = [f.id for f in findings if f.id is not None]
    existing = {r[0] for r in db.execute("SELECT id FROM findings WHERE inspection_id = ?", [inspection_id])}
    for stale in existing - set(keep_ids):
        db.execute("DELETE FROM findings WHERE id = ?", [stale])
    new_rows: list[dict[str, Any]] = []
    for position, finding in enumerate(findings):
        row = finding_to_row(finding, inspection_id, position)
        if finding.id is not None and finding.id in existing:
            sets = ", ".join(f"{k} = ?" for k in row)
            db.execute(
                f"UPDATE findings SET {sets}, version = version + 1, "
                f"updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now') WHERE id = ? AND NOT ({_same(row)})",
                [*row.values(), finding.id, *row.values()],
            )
        else:
            new_rows.append(row)
    if new_rows:  # in list order, so ids follow positions
        columns = ", ".join(new_rows[0])
        marks = ", ".join("?" for _ in new_rows[0])
        db.conn.executemany(f"INSERT INTO findings ({columns}) VALUES ({marks})", [list(r.values()) for r in new_rows])


def insert_inspection(db: Database, inspection: Inspection) -> int:
    """Insert the inspection and its findings; the caller holds the transaction."""
    row = inspection_to_row(inspection)
    columns = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    cursor = db.execute(f"INSERT INTO inspections ({columns}) VALUES ({marks})", list(row.values()))
    new_id = inserted_id(cursor)
    _write_findings(db, new_id, tuple(f.__class__(**{**f.__dict__, "id": None}) for f in inspection.findings))
    return new_id


def update_inspection(db: Database, inspection: Inspection) -> None:
    """Replace the inspection's fields and reconcile its findings; the caller holds the transaction."""
    assert inspection.id is not None
    row = inspection_to_row(inspection)
    sets = ", ".join(f"{k} = ?" for k in row)
    db.execute(
        f"UPDATE inspections SET {sets}, version = version + 1, "
        f"updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now') WHERE id = ? AND NOT ({_same(row)})",
        [*row.values(), inspection.id, *row.values()],
    )
    _write_findings(db, inspection.id, inspection.findings)


def delete_inspection(db: Database, inspection_id: int) -> bool:
    """Gone for good, with its findings, history and attachments (the Recently deleted list's "Delete")."""
    return db.execute("DELETE FROM inspections WHERE id = ?", [inspection_id]).rowcount > 0


def soft_delete_inspection(db: Database, inspection_id: int, who: str) -> bool:
    return db.execute("UPDATE inspections SET deleted_at = strftime('%Y-%m-%dT%H:%M:%S', 'now'), deleted_by = ? "
                      "WHERE id = ? AND deleted_at IS NULL", [who, inspection_id]).rowcount > 0


def restore_inspection(db: Database, inspection_id: int) -> bool:
    return db.execute("UPDATE inspections SET deleted_at = NULL, deleted_by = '' WHERE id = ? "
                      "AND deleted_at IS NOT NULL", [inspection_id]).rowcount > 0


def deleted_inspections(db: Database) -> list[tuple[int, str, str, str, str, int]]:
    """(id, reference, title, deleted at (UTC), deleted by, number of findings), newest first."""
    return db.execute(
        "SELECT i.id, ifnull(i.reference, ''), i.title, i.deleted_at, i.deleted_by, "
        "(SELECT count(*) FROM findings f WHERE f.inspection_id = i.id) FROM inspections i "
        "WHERE i.deleted_at IS NOT NULL ORDER BY i.deleted_at DESC, i.id DESC").fetchall()


def reference_in_use(db: Database, reference: str, except_id: int | None) -> bool:
    row = db.execute(
        "SELECT 1 FROM inspections WHERE reference = ? AND reference IS NOT NULL AND reference != '' "
        "AND deleted_at IS NULL AND id IS NOT ?", [reference, except_id]
    ).fetchone()
    return row is not None
