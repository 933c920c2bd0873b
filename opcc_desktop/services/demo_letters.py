"""The demonstration office's invented signatory (stored pre-sealed so loading the demo stays fast)
and its letter drafts, which make the demo reproduce seeds 001 (letter) and 002 (published response).

Passphrase (demonstration only, printed in the README): see DEMO_PASSPHRASE.
"""

from __future__ import annotations

import base64
import json

from sqlite_utils import Database

from ..domain.letter_records import SealedSignature
from ..resources import resource_path
from ..storage import signatories as store
from ..storage.inspections import find_inspection_id, find_inspection_ids_by_title
from ..storage.letter_archive import read_draft, write_draft

DEMO_SIGNATORY_FILE = ("demo", "demo-signatory.json")
DEMO_LETTERS_FILE = ("demo", "demo-letters.json")
DEMO_PASSPHRASE = "demonstration only"


def add_demo_signatory(db: Database) -> bool:
    """Add the demonstration signatory unless someone of that name is already set up; True when added."""
    record = json.loads(resource_path(*DEMO_SIGNATORY_FILE).read_text(encoding="utf-8"))
    if store.find_signatory(db, record["name"]) is not None:
        return False
    sealed = SealedSignature(record["passphrase_hash"], base64.b64decode(record["key_salt"]),
                             base64.b64decode(record["nonce"]), base64.b64decode(record["sealed_signature"]))
    store.insert_signatory(db, record["name"], record["title"], sealed)
    return True


def add_demo_drafts(db: Database) -> int:
    """Store the demonstration drafts where none exists yet; returns how many were added."""
    added = 0
    for draft in json.loads(resource_path(*DEMO_LETTERS_FILE).read_text(encoding="utf-8"))["drafts"]:
        if "inspection_reference" in draft:
            found = find_inspection_id(db, draft["inspection_reference"])
            ids = [found] if found is not None else []
        else:
            ids = find_inspection_ids_by_title(db, draft["inspection_title"])
        for inspection_id in ids:
            if read_draft(db, inspection_id, draft["kind"]) is None:
                write_draft(db, inspection_id, draft["kind"], draft["body"])
                added += 1
    return added
