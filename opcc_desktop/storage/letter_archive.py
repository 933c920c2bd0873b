"""SQL for letter drafts and the append-only archive of issued letters (see schema_letters.py)."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # annotations only: a read needs no sqlite-utils (the `letter` command's start-up)
    from sqlite_utils import Database

from ..domain.archive_chain import GENESIS, StoredEntry
from ..domain.letter_records import ArchivedLetter
from .mapping import inserted_id

_COLUMNS = ("id, inspection_id, inspection_reference, inspection_title, kind, version, letter_date, "
            "issued_at, approver_name, approver_title, recipients, sha256, pages")


# A PDF stored as text (not bytes) is read as NULL: decoding it as UTF-8 would fail, and it is not the PDF.
_PDF_IF_BLOB = "CASE WHEN typeof(pdf) = 'blob' THEN pdf END"


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


def last_entry_hash(db: Database) -> str:
    """The chain's newest entry hash (GENESIS for an empty archive): the next entry's previous hash."""
    row = db.execute("SELECT entry_hash FROM letter_archive ORDER BY id DESC LIMIT 1").fetchone()
    return row[0] if row and row[0] else GENESIS


def insert_archived(db: Database, record: ArchivedLetter, pdf: bytes, previous_hash: str, sealed_hash: str) -> int:
    cursor = db.execute(
        "INSERT INTO letter_archive (inspection_id, inspection_reference, inspection_title, kind, version, "
        "letter_date, issued_at, approver_name, approver_title, recipients, sha256, pages, pdf, previous_hash, "
        "entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [record.inspection_id, record.inspection_reference, record.inspection_title, record.kind, record.version,
         record.letter_date.isoformat(), record.issued_at.isoformat(timespec="seconds"), record.approver_name,
         record.approver_title, json.dumps(list(record.recipients), ensure_ascii=False), record.sha256,
         record.pages, pdf, previous_hash, sealed_hash],
    )
    return inserted_id(cursor)


def read_chain(db: Database) -> list[StoredEntry]:
    """Every entry in issue order, each readable or with the reason it is not (never raises on bad rows)."""
    rows = db.execute(f"SELECT {_COLUMNS}, {_PDF_IF_BLOB}, previous_hash, entry_hash FROM letter_archive "
                      "ORDER BY id").fetchall()
    entries = []
    for row in rows:
        pdf = bytes(row[13]) if isinstance(row[13], (bytes, bytearray, memoryview)) else None
        try:
            record, problem = _record(row), ""
        except (TypeError, ValueError, json.JSONDecodeError) as error:
            record, problem = None, f"a stored value is not valid ({error})"
        entries.append(StoredEntry(id=row[0], record=record, pdf=pdf, previous_hash=str(row[14] or ""),
                                   entry_hash=str(row[15] or ""), problem=problem))
    return entries


class ArchiveUnreadableError(Exception):
    """The archive table itself cannot be read (not one bad row: those are reported per entry)."""


def read_chain_and_triggers(db: Database) -> tuple[list[StoredEntry], set[str], dict[int, str]]:
    try:
        return read_chain(db), trigger_names(db), recorded_entry_hashes(db)
    except sqlite3.Error as error:
        raise ArchiveUnreadableError(str(error)) from error


ISSUE_ACTION = "issue"


def recorded_entry_hashes(db: Database) -> dict[int, str]:
    """Archive id → the entry hash the audit trail recorded when it was issued (lines that are not
    readable are skipped: the audit trail's own checks report those)."""
    rows = db.execute("SELECT row_id, changes FROM audit_log WHERE table_name = 'letter_archive' AND action = ?",
                      [ISSUE_ACTION]).fetchall()
    recorded = {}
    for row_id, changes in rows:
        try:
            value = json.loads(changes).get("entry_hash")
        except (TypeError, ValueError, AttributeError):
            continue
        if isinstance(row_id, int) and isinstance(value, str):
            recorded[row_id] = value
    return recorded


def trigger_names(db: Database) -> set[str]:
    rows = db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'letter_archive'")
    return {row[0] for row in rows.fetchall()}


def _record(row: tuple[Any, ...]) -> ArchivedLetter:
    if not isinstance(row[10], str) or not isinstance(row[11], str):
        raise TypeError("the recipients or hash are not text")
    return ArchivedLetter(
        id=row[0], inspection_id=row[1], inspection_reference=row[2], inspection_title=row[3], kind=row[4],
        version=row[5], letter_date=date.fromisoformat(row[6]), issued_at=datetime.fromisoformat(row[7]),
        approver_name=row[8], approver_title=row[9], recipients=tuple(json.loads(row[10])), sha256=row[11],
        pages=row[12],
    )


def list_archived(db: Database, inspection_id: int) -> list[ArchivedLetter]:
    rows = db.execute(f"SELECT {_COLUMNS} FROM letter_archive WHERE inspection_id = ? ORDER BY id DESC",
                      [inspection_id]).fetchall()
    records = []
    for row in rows:
        try:
            records.append(_record(row))
        except (TypeError, ValueError):
            continue  # unreadable: `issued --verify` and `check` report it
    return records


def get_archived(db: Database, archive_id: int) -> tuple[ArchivedLetter, bytes] | None:
    row = db.execute(f"SELECT {_COLUMNS}, {_PDF_IF_BLOB} FROM letter_archive WHERE id = ?", [archive_id]).fetchone()
    if row is None:
        return None
    try:
        record = _record(row)
    except (TypeError, ValueError):
        return None
    if not isinstance(row[13], (bytes, bytearray, memoryview)):
        return None
    return record, bytes(row[13])
