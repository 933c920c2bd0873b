"""SQL for letter drafts and the append-only archive of issued letters (see schema_letters.py)."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from sqlite_utils import Database

from ..domain.letter_records import ArchivedLetter
from .mapping import inserted_id

_COLUMNS = ("id, inspection_id, inspection_reference, inspection_title, kind, version, letter_date, "
            "issued_at, approver_name, approver_title, recipients, sha256, pages")


def read_draft(db: Database, inspection_id: int, kind: str) -> str | None:
    row = db.execute("SELECT body FROM letter_drafts WHERE inspection_id = ? AND kind = ?",
                     [inspection_id, kind]).fetchone()
    return row[0] if row else None


def write_draft(db: Database, inspection_id: int, kind: str, body: str) -> None:
    db.execute(
        "INSERT INTO letter_drafts (inspection_id, kind, body) VALUES (?, ?, ?) "
        "ON CONFLICT (inspection_id, kind) DO UPDATE SET body = excluded.body, "
        "updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now')",
        [inspection_id, kind, body],
    )


def delete_draft(db: Database, inspection_id: int, kind: str) -> None:
    db.execute("DELETE FROM letter_drafts WHERE inspection_id = ? AND kind = ?", [inspection_id, kind])


def next_version(db: Database, inspection_id: int, kind: str) -> int:
    return int(db.execute("SELECT ifnull(max(version), 0) + 1 FROM letter_archive WHERE inspection_id = ? AND kind = ?",
                          [inspection_id, kind]).fetchone()[0])


def insert_archived(db: Database, record: ArchivedLetter, pdf: bytes) -> int:
    cursor = db.execute(
        "INSERT INTO letter_archive (inspection_id, inspection_reference, inspection_title, kind, version, "
        "letter_date, issued_at, approver_name, approver_title, recipients, sha256, pages, pdf) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [record.inspection_id, record.inspection_reference, record.inspection_title, record.kind, record.version,
         record.letter_date.isoformat(), record.issued_at.isoformat(timespec="seconds"), record.approver_name,
         record.approver_title, json.dumps(list(record.recipients), ensure_ascii=False), record.sha256,
         record.pages, pdf],
    )
    return inserted_id(cursor)


def _record(row: tuple[Any, ...]) -> ArchivedLetter:
    return ArchivedLetter(
        id=row[0], inspection_id=row[1], inspection_reference=row[2], inspection_title=row[3], kind=row[4],
        version=row[5], letter_date=date.fromisoformat(row[6]), issued_at=datetime.fromisoformat(row[7]),
        approver_name=row[8], approver_title=row[9], recipients=tuple(json.loads(row[10])), sha256=row[11],
        pages=row[12],
    )


def list_archived(db: Database, inspection_id: int) -> list[ArchivedLetter]:
    rows = db.execute(f"SELECT {_COLUMNS} FROM letter_archive WHERE inspection_id = ? ORDER BY id DESC",
                      [inspection_id]).fetchall()
    return [_record(row) for row in rows]


def get_archived(db: Database, archive_id: int) -> tuple[ArchivedLetter, bytes] | None:
    row = db.execute(f"SELECT {_COLUMNS}, pdf FROM letter_archive WHERE id = ?", [archive_id]).fetchone()
    return (_record(row), bytes(row[13])) if row else None
