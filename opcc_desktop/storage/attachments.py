"""SQL for evidence attachments (migration m0012): rows only; the files are the service's business."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from .mapping import inserted_id

_COLUMNS = ("id, inspection_id, finding_id, original_name, stored_path, size_bytes, sha256, description, "
            "attached_by, attached_at")


@dataclass(frozen=True)
class Attachment:
    id: int
    inspection_id: int
    finding_id: int | None
    original_name: str
    stored_path: str  # relative to the data folder, forward slashes
    size_bytes: int
    sha256: str
    description: str
    attached_by: str
    attached_at: str  # ISO timestamp, local time


def insert_attachment(db: Database, values: dict[str, Any]) -> int:
    names = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    return inserted_id(db.execute(f"INSERT INTO attachments ({names}) VALUES ({marks})", list(values.values())))


def _select(db: Database, where: str, params: list[Any]) -> list[Attachment]:
    rows = db.execute(f"SELECT {_COLUMNS} FROM attachments WHERE {where} ORDER BY attached_at, id", params).fetchall()
    return [Attachment(*row) for row in rows]


def attachments_of_inspection(db: Database, inspection_id: int) -> list[Attachment]:
    """The inspection's own attachments and its findings'."""
    return _select(db, "inspection_id = ?", [inspection_id])


def get_attachment(db: Database, attachment_id: int) -> Attachment | None:
    found = _select(db, "id = ?", [attachment_id])
    return found[0] if found else None


def stored_paths_under(db: Database, prefix: str) -> set[str]:
    rows = db.execute("SELECT stored_path FROM attachments WHERE stored_path LIKE ? ESCAPE '\\'",
                      [prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"]).fetchall()
    return {r[0] for r in rows}


def delete_attachment(db: Database, attachment_id: int) -> bool:
    return db.execute("DELETE FROM attachments WHERE id = ?", [attachment_id]).rowcount > 0


def all_attachments(db: Database) -> list[Attachment]:
    return _select(db, "1 = 1", [])
