"""SQL for signatories (passphrase hash and sealed signature image) and office images (the logo)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # annotations only: a read needs no sqlite-utils (the `letter` command's start-up)
    from sqlite_utils import Database

from ..domain.letter_records import SealedSignature, Signatory
from .mapping import inserted_id

_FIELDS = "id, name, title, authorised_for_commissioner"


def _signatory(row: tuple[Any, ...]) -> Signatory:
    return Signatory(row[0], row[1], row[2], bool(row[3]))


def list_signatories(db: Database) -> list[Signatory]:
    rows = db.execute(f"SELECT {_FIELDS} FROM signatories ORDER BY name COLLATE NOCASE").fetchall()
    return [_signatory(row) for row in rows]


def get_signatory(db: Database, signatory_id: int) -> Signatory | None:
    row = db.execute(f"SELECT {_FIELDS} FROM signatories WHERE id = ?", [signatory_id]).fetchone()
    return _signatory(row) if row else None


def find_signatory(db: Database, name: str) -> Signatory | None:
    row = db.execute(f"SELECT {_FIELDS} FROM signatories WHERE name = ?", [name]).fetchone()
    return _signatory(row) if row else None


def set_authorised(db: Database, signatory_id: int, authorised: bool) -> None:
    db.execute("UPDATE signatories SET authorised_for_commissioner = ?, "
               "updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now') WHERE id = ?", [1 if authorised else 0, signatory_id])


def read_sealed(db: Database, signatory_id: int) -> SealedSignature | None:
    row = db.execute("SELECT passphrase_hash, key_salt, nonce, sealed_signature FROM signatories WHERE id = ?",
                     [signatory_id]).fetchone()
    return SealedSignature(row[0], bytes(row[1]), bytes(row[2]), bytes(row[3])) if row else None


def insert_signatory(db: Database, name: str, title: str, sealed: SealedSignature, authorised: bool = False) -> int:
    cursor = db.execute(
        "INSERT INTO signatories (name, title, passphrase_hash, key_salt, nonce, sealed_signature, "
        "authorised_for_commissioner) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [name, title, sealed.passphrase_hash, sealed.key_salt, sealed.nonce, sealed.sealed, 1 if authorised else 0],
    )
    return inserted_id(cursor)


def update_signatory(db: Database, signatory_id: int, title: str, sealed: SealedSignature) -> None:
    db.execute(
        "UPDATE signatories SET title = ?, passphrase_hash = ?, key_salt = ?, nonce = ?, sealed_signature = ?, "
        "updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now') WHERE id = ?",
        [title, sealed.passphrase_hash, sealed.key_salt, sealed.nonce, sealed.sealed, signatory_id],
    )


def delete_signatory(db: Database, signatory_id: int) -> None:
    db.execute("DELETE FROM signatories WHERE id = ?", [signatory_id])


def read_image(db: Database, name: str) -> bytes | None:
    row = db.execute("SELECT data FROM office_images WHERE name = ?", [name]).fetchone()
    return bytes(row[0]) if row else None


def write_image(db: Database, name: str, media_type: str, data: bytes) -> None:
    db.execute(
        "INSERT INTO office_images (name, media_type, data) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET "
        "media_type = excluded.media_type, data = excluded.data, updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now')",
        [name, media_type, data],
    )


def delete_image(db: Database, name: str) -> None:
    db.execute("DELETE FROM office_images WHERE name = ?", [name])
