"""Take demonstration data back out of an office it was loaded into (before the demonstration had its
own file). Only what is still exactly as the demonstration made it is removed, so real work is kept:

- inspections with the demonstration's reference (or, without one, title), title and comments: soft
  deleted, so Edit → Recently deleted can bring any of them back;
- the demonstration's signatory (the same sealed signature), its boards (same name and members);
- settings still holding the demonstration's value (Cambridgeshire's letterhead, a Home Secretary who
  left office in 2022) go back to blank or the default, for the office to fill in its own.

All in one transaction.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from ..domain.vocabulary import DEFAULT_SETTINGS
from ..resources import resource_path
from ..errors import UserFacingError
from ..storage import signatories as signatory_store
from ..storage.settings import read_settings, write_settings
from .changes import Changes
from .demo import demo_document
from .demo_letters import DEMO_SIGNATORY_FILE

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class DemoRemoval:
    inspections: int
    signatories: int
    boards: int
    settings: tuple[str, ...]
    changes: Changes

    def summary(self) -> str:
        if not (self.inspections or self.signatories or self.boards or self.settings):
            return "No demonstration data was found in this office."
        parts = [f"{self.inspections} demonstration inspection(s) moved to Edit → Recently deleted",
                 f"{self.signatories} demonstration signatory(ies) and {self.boards} board(s) removed"]
        if self.settings:
            parts.append(f"{len(self.settings)} setting(s) that still held the demonstration's values cleared "
                         "(check File → Office settings)")
        return "; ".join(parts) + "."


def _is_demo_inspection(inspection: Any, record: dict[str, Any]) -> bool:
    return bool(inspection.title.strip() == record["title"].strip()
            and inspection.pcc_comments.strip() == str(record.get("pcc_comments", "")).strip())


def remove_demo_records(db: Database, today: date) -> DemoRemoval:
    from .boards import BoardService
    from .inspections import InspectionService

    document = demo_document(today)
    inspections = InspectionService(db)
    boards = BoardService(db)
    removed_inspections: set[int] = set()
    with db.atomic():
        for record in document["inspections"]:
            try:
                found = inspections.find(record.get("reference") or record["title"])
            except UserFacingError:  # not there (or ambiguous): nothing to remove
                continue
            if _is_demo_inspection(found, record) and found.id is not None:
                inspections.delete(found.id)
                removed_inspections.add(found.id)
        sealed = json.loads(resource_path(*DEMO_SIGNATORY_FILE).read_text(encoding="utf-8"))
        signatories = 0
        existing = signatory_store.find_signatory(db, sealed["name"])
        stored = signatory_store.read_sealed(db, existing.id) if existing else None
        if existing is not None and stored is not None and stored.passphrase_hash == sealed["passphrase_hash"]:
            signatory_store.delete_signatory(db, existing.id)
            signatories = 1
        demo_boards = {(b["name"], tuple(b.get("members", []))) for b in document.get("boards", [])}
        removed_boards = 0
        for board in boards.boards():
            if (board.name, tuple(board.members)) in demo_boards and board.id is not None:
                boards.delete_board(board.id)
                removed_boards += 1
        current = read_settings(db)
        cleared = {key: DEFAULT_SETTINGS.get(key, "") for key, value in document.get("settings", {}).items()
                   if key in DEFAULT_SETTINGS and value and current.get(key) == value
                   and value != DEFAULT_SETTINGS.get(key, "")}
        if cleared:
            write_settings(db, cleared)
    changes = Changes(deleted_inspections=frozenset(removed_inspections), settings=bool(signatories or cleared),
                      boards=bool(removed_boards))
    return DemoRemoval(len(removed_inspections), signatories, removed_boards, tuple(sorted(cleared)), changes)
