"""Demonstration records built from the seed documents plus a few invented, clearly-marked reports."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

from sqlite_utils import Database

from ..errors import UserFacingError
from ..resources import resource_path
from ..storage.office_mark import is_demonstration, mark_demonstration, office_contents
from ..storage.inspections import count_inspections
from .demo_letters import add_demo_drafts, add_demo_signatory
from .demo_boards import demo_boards
from .interchange import ImportReport, import_document

DEMO_FILE = ("demo", "demo-office.json")


def demo_document(today: date) -> dict[str, Any]:
    """The demonstration office; invented reports are dated relative to `today` so deadlines are live."""
    document: dict[str, Any] = json.loads(resource_path(*DEMO_FILE).read_text(encoding="utf-8"))
    for inspection in document["inspections"]:
        days_ago = inspection.pop("_demo_days_ago", None)
        if days_ago is not None:
            inspection["published"] = (today - timedelta(days=days_ago)).isoformat()
        workflow = inspection.pop("_demo_s55_workflow", None)
        if workflow:  # day offsets from today (negative: in the past), so the checklist is live too
            inspection["s55_workflow"] = {key: (today + timedelta(days=value)).isoformat() if isinstance(value, int)
                                          else value for key, value in workflow.items()}
    document["boards"] = demo_boards(today)
    return document


class OfficeAlreadyHeldError(UserFacingError):
    """The demonstration is never loaded into a file that already holds an office."""


def _held(db: Database) -> str:
    """"12 inspections, 2 signatories and office settings", or "" when the file holds no office."""
    counts = office_contents(db)
    parts = [f"{n} {name[:-1] if n == 1 else name}" for name, n in counts.items() if n and name != "settings"]
    if counts["settings"]:
        parts.append("office settings")
    return ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1] if parts else ""


def load_demo(db: Database, today: date) -> ImportReport:
    """The demonstration records, settings and (invented) signatory, in one transaction, into an empty file
    (or one that is already the demonstration office), which is then marked as the demonstration office.

    A file that already holds an office is refused (OfficeAlreadyHeldError) and left untouched: the
    demonstration's settings, signatory and boards would otherwise mix into the real office.
    """
    held = _held(db)
    if held and not is_demonstration(db.conn):
        raise OfficeAlreadyHeldError(
            f"This database already holds an office ({held}), so the demonstration was not loaded: its invented "
            "reports, settings, signatory and boards would mix into that office. The demonstration office has its "
            "own file: choose File → Open the demonstration office, or run `opcc-desktop --db FILE demo` with a "
            "new FILE.")
    with db.atomic():
        mark_demonstration(db)
        report = import_document(db, demo_document(today))
        add_demo_signatory(db)
        add_demo_drafts(db)
    return report


def is_empty(db: Database) -> bool:
    return count_inspections(db) == 0
