"""The letter archive's hash chain. Pure: no storage, no clock.

Each issued document's entry hash covers its PDF's SHA-256 and its metadata (kind, inspection, version,
approver, dates, recipients, pages) and the previous entry's hash, so changing any entry, or removing
one, breaks the chain from there on. The first entry's "previous hash" is GENESIS.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from .letter_records import ArchivedLetter

GENESIS = "0" * 64
PROTECTION_TRIGGERS = ("letter_archive_no_update", "letter_archive_no_delete")


def entry_hash(record: ArchivedLetter, previous_hash: str) -> str:
    """SHA-256 of the entry's canonical JSON (sorted keys, UTF-8): metadata + PDF hash + previous hash."""
    fields = {
        "inspection_id": record.inspection_id,
        "inspection_reference": record.inspection_reference,
        "inspection_title": record.inspection_title,
        "kind": record.kind,
        "version": record.version,
        "letter_date": record.letter_date.isoformat(),
        "issued_at": record.issued_at.isoformat(timespec="seconds"),
        "approver_name": record.approver_name,
        "approver_title": record.approver_title,
        "recipients": list(record.recipients),
        "pages": record.pages,
        "pdf_sha256": record.sha256,
        "previous_hash": previous_hash,
    }
    canonical = json.dumps(fields, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class StoredEntry:
    """One archive row as read back: the record (None when unreadable), its PDF and chain hashes."""

    id: int
    record: ArchivedLetter | None
    pdf: bytes | None  # None when the PDF is not stored as bytes
    previous_hash: str
    entry_hash: str
    problem: str = ""  # why the row could not be read, in plain words


def _label(entry: StoredEntry) -> str:
    if entry.record is None:
        return f"Archived document {entry.id}"
    return f"Archived document {entry.id} ({entry.record.kind.replace('_', ' ')}, version {entry.record.version})"


def entry_problems(entry: StoredEntry, expected_previous: str) -> list[str]:
    """Everything wrong with one entry, given the hash the entry before it ends with."""
    label = _label(entry)
    if entry.problem:
        return [f"{label} cannot be read: {entry.problem}."]
    problems = []
    if entry.pdf is None:
        problems.append(f"{label}: its PDF is not stored as a file's bytes (it may have been replaced by text).")
    elif entry.record is not None and hashlib.sha256(entry.pdf).hexdigest() != entry.record.sha256:
        problems.append(f"{label}: its PDF has changed since it was issued (the SHA-256 does not match).")
    if entry.previous_hash != expected_previous:
        problems.append(f"{label}: the chain is broken here; an entry before it was changed, removed or "
                        "inserted.")
    if entry.record is not None and entry_hash(entry.record, entry.previous_hash) != entry.entry_hash:
        problems.append(f"{label}: its details or PDF hash have changed since it was issued (the entry's "
                        "hash does not match).")
    return problems


def chain_problems(entries: list[StoredEntry], triggers_present: set[str],
                   recorded: dict[int, str] | None = None) -> list[str]:
    """Walk the archive in issue order; every break, missing trigger or unreadable entry, in plain words.

    `recorded`: archive id → the entry hash the audit trail kept when it was issued. An entry whose hash
    differs from it, or one the audit trail has but the archive has lost, is reported too."""
    problems = [f"The archive's protection against {'changes' if name.endswith('update') else 'deletions'} "
                f"(trigger {name}) is missing." for name in PROTECTION_TRIGGERS if name not in triggers_present]
    recorded = recorded or {}
    previous = GENESIS
    for entry in entries:
        problems += entry_problems(entry, previous)
        kept = recorded.get(entry.id)
        if kept is not None and kept != entry.entry_hash:
            problems.append(f"{_label(entry)}: its hash is not the one the audit trail recorded when it was "
                            "issued; the entry was replaced.")
        previous = entry.entry_hash
    present = {entry.id for entry in entries}
    problems += [f"Archived document {missing} was issued (the audit trail records it) but is no longer in the "
                 "archive." for missing in sorted(set(recorded) - present)]
    return problems
