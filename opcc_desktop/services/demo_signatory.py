"""The demonstration office's invented signatory, stored pre-sealed so loading the demo stays fast.

Passphrase (demonstration only, printed in the README): see DEMO_PASSPHRASE.
"""

from __future__ import annotations

import base64
import json

from sqlite_utils import Database

from ..domain.letter_records import SealedSignature
from ..resources import resource_path
from ..storage import signatories as store

DEMO_SIGNATORY_FILE = ("demo", "demo-signatory.json")
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
