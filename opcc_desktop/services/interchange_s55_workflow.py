"""The optional per-inspection `s55_workflow` object of the JSON interchange format.

Optional on import (files without it import unchanged); written on export for every inspection that
has a checklist. Keys: the dates of `domain.s55_workflow.STEPS` (ISO dates or null), `response_url`
and `applicability_reason`. Bad values are reported with the same path style as the rest of the file.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from sqlite_utils import Database

from ..domain.s55_workflow import STEPS, S55Workflow
from ..storage import s55_workflow as store
from .interchange_format import _date, _label, _Problems, _text

KEY = "s55_workflow"
TEXT_FIELDS = ("response_url", "applicability_reason")


def parse_workflows(data: Any) -> tuple[dict[int, S55Workflow], list[str]]:
    """{index of the inspection in the file: its checklist}, and problems."""
    problems = _Problems()
    found: dict[int, S55Workflow] = {}
    inspections = data.get("inspections") if isinstance(data, dict) else None
    for number, raw in enumerate(inspections if isinstance(inspections, list) else []):
        if not isinstance(raw, dict) or raw.get(KEY) in (None, {}):
            continue
        where = f"inspections[{number}] ({_label(raw)}).{KEY}"
        record = raw[KEY]
        if not isinstance(record, dict):
            problems.items.append(f"{where}: must be an object")
            continue
        values: dict[str, Any] = {name: _date(record, name, where, problems, required=False) for name, _ in STEPS}
        values.update({name: _text(record, name, where, problems) for name in TEXT_FIELDS})
        found[number] = S55Workflow(**values)
    return found, problems.items


def workflow_to_json(workflow: S55Workflow) -> dict[str, Any]:
    return {f.name: (value.isoformat() if hasattr(value, "isoformat") else value)
            for f in fields(workflow) for value in [getattr(workflow, f.name)]}


def export_workflows(db: Database) -> dict[int, dict[str, Any]]:
    """{inspection id: its checklist as JSON}."""
    return {inspection_id: workflow_to_json(w) for inspection_id, w in store.all_workflows(db).items()}


def import_workflow(db: Database, inspection_id: int, workflow: S55Workflow | None) -> None:
    if workflow is not None:
        store.write_workflow(db, inspection_id, workflow)
