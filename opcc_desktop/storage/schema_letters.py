"""DDL for migration m0005_letters_archive: office images, signatories, letter drafts and the archive.

The archive is append-only: triggers refuse every UPDATE and DELETE, so an issued letter's bytes,
hash, approver and recipients can never be changed or removed through SQL. A re-issue is a new row
with the next version number. Archive rows keep a copy of the inspection's reference and title and
have no foreign key, so deleting an inspection leaves its issued letters on record.
"""

from __future__ import annotations

from sqlite_utils import Database

_NOW = "(strftime('%Y-%m-%dT%H:%M:%S', 'now'))"

LETTERS_ARCHIVE_STATEMENTS: tuple[str, ...] = (
    f"""CREATE TABLE office_images (
        name TEXT PRIMARY KEY,
        media_type TEXT NOT NULL,
        data BLOB NOT NULL,
        updated_at TEXT NOT NULL DEFAULT {_NOW}
    )""",
    f"""CREATE TABLE signatories (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
        title TEXT NOT NULL DEFAULT '',
        passphrase_hash TEXT NOT NULL,
        key_salt BLOB NOT NULL,
        nonce BLOB NOT NULL,
        sealed_signature BLOB NOT NULL,
        created_at TEXT NOT NULL DEFAULT {_NOW},
        updated_at TEXT NOT NULL DEFAULT {_NOW}
    )""",
    f"""CREATE TABLE letter_drafts (
        inspection_id INTEGER NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        body TEXT NOT NULL,
        updated_at TEXT NOT NULL DEFAULT {_NOW},
        PRIMARY KEY (inspection_id, kind)
    )""",
    """CREATE TABLE letter_archive (
        id INTEGER PRIMARY KEY,
        inspection_id INTEGER NOT NULL,
        inspection_reference TEXT NOT NULL DEFAULT '',
        inspection_title TEXT NOT NULL,
        kind TEXT NOT NULL,
        version INTEGER NOT NULL CHECK (version >= 1),
        letter_date TEXT NOT NULL,
        issued_at TEXT NOT NULL,
        approver_name TEXT NOT NULL,
        approver_title TEXT NOT NULL DEFAULT '',
        recipients TEXT NOT NULL DEFAULT '[]',
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        pages INTEGER NOT NULL,
        pdf BLOB NOT NULL,
        UNIQUE (inspection_id, kind, version)
    )""",
    "CREATE INDEX letter_archive_inspection ON letter_archive (inspection_id, id)",
    """CREATE TRIGGER letter_archive_no_update BEFORE UPDATE ON letter_archive
    BEGIN SELECT RAISE(ABORT, 'issued letters are archived and cannot be changed'); END""",
    """CREATE TRIGGER letter_archive_no_delete BEFORE DELETE ON letter_archive
    BEGIN SELECT RAISE(ABORT, 'issued letters are archived and cannot be deleted'); END""",
)


def create_letters_archive(db: Database) -> None:
    """Run each statement on its own (trigger bodies contain semicolons, so no splitting)."""
    for statement in LETTERS_ARCHIVE_STATEMENTS:
        db.execute(statement)
