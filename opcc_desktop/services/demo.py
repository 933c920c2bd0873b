"""Demonstration records built from the seed documents plus a few invented, clearly-marked reports."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

from sqlite_utils import Database

from ..resources import resource_path
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


def load_demo(db: Database, today: date) -> ImportReport:
    """The demonstration records, settings and (invented) signatory, in one transaction."""
    with db.atomic():
        report = import_document(db, demo_document(today))
        add_demo_signatory(db)
        add_demo_drafts(db)
    return report


def is_empty(db: Database) -> bool:
    return count_inspections(db) == 0
