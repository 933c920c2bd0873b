"""DDL and back-fill of migrations m0020 (signatories: authorised to sign for the commissioner, names
normalised) and m0021 (the letter archive's hash chain: previous entry's hash and this entry's hash).

m0021 seals the entries already archived when the file is upgraded: their hashes are computed from what
is stored then, in issue order. The archive's update trigger is dropped for the back-fill only and
recreated in the same transaction.
"""

from __future__ import annotations

from sqlite_utils import Database

from ..domain.archive_chain import GENESIS, entry_hash
from ..domain.letter_readiness import name_key, normalise_name

NO_UPDATE_TRIGGER = """CREATE TRIGGER letter_archive_no_update BEFORE UPDATE ON letter_archive
    BEGIN SELECT RAISE(ABORT, 'issued letters are archived and cannot be changed'); END"""


def add_signatory_authority(db: Database) -> None:
    db.execute("ALTER TABLE signatories ADD COLUMN authorised_for_commissioner INTEGER NOT NULL DEFAULT 0")
    rows = db.execute("SELECT id, name FROM signatories ORDER BY id").fetchall()
    taken: set[str] = set()
    for signatory_id, name in rows:
        key = name_key(name)
        if key in taken:
            continue  # an old look-alike keeps its name; the newest rule applies to new signatories
        taken.add(key)
        if normalise_name(name) != name and normalise_name(name):
            db.execute("UPDATE signatories SET name = ? WHERE id = ?", [normalise_name(name), signatory_id])


def add_archive_chain(db: Database) -> None:
    from .letter_archive import read_chain  # the reader knows the row layout

    db.execute("ALTER TABLE letter_archive ADD COLUMN previous_hash TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE letter_archive ADD COLUMN entry_hash TEXT NOT NULL DEFAULT ''")
    db.execute("DROP TRIGGER IF EXISTS letter_archive_no_update")
    previous = GENESIS
    for entry in read_chain(db):
        if entry.record is None:
            continue  # unreadable already: left unsealed, so verification reports it
        sealed = entry_hash(entry.record, previous)
        db.execute("UPDATE letter_archive SET previous_hash = ?, entry_hash = ? WHERE id = ?",
                   [previous, sealed, entry.id])
        previous = sealed
    db.execute(NO_UPDATE_TRIGGER)
