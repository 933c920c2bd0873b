"""Import and export the whole office as one JSON document; imports are all or nothing."""

from __future__ import annotations

import json
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from .. import __version__
from ..domain.tracker import RAG_LOOKUP
from ..domain.vocabulary import FINDING_STATUS_LOOKUP, INSPECTION_TYPE_LOOKUP
from ..errors import InterchangeError
from ..storage import inspections as inspection_repo
from ..storage import audit as audit_store
from ..storage import record_versions as versions_store
from ..storage import settings as settings_store
from ..storage.search_rebuild import bulk_page_cache, search_triggers_suspended
from .changes import Changes
from .interchange_tracker import with_history, write_imported_history
from ..domain.s55_workflow import S55Workflow
from .interchange_boards_format import ParsedBoard
from .interchange_format import FORMAT_NAME, FORMAT_VERSION, ParsedDocument, inspection_to_json, parse_document
from .inspections import InspectionService
from .interchange_boards import export_boards, import_boards, parse_boards
from .interchange_s55_workflow import KEY, export_workflows, import_workflow, parse_workflows

BULK_ROWS = 2_000  # findings + history lines from which a full index rebuild beats per-row indexing
_LOOKUP_KEYS = {"inspection_types": INSPECTION_TYPE_LOOKUP, "finding_statuses": FINDING_STATUS_LOOKUP,
                "rag_values": RAG_LOOKUP}


@dataclass
class ImportReport:
    added: int = 0
    replaced: int = 0
    findings: int = 0
    boards: int = 0
    new_lookup_values: list[str] = field(default_factory=list)
    ignored_settings: list[str] = field(default_factory=list)
    changes: Changes = field(default_factory=Changes)

    def summary(self) -> str:
        text = f"Imported {self.added + self.replaced} inspections ({self.added} new, {self.replaced} replaced) with {self.findings} findings."
        if self.boards:
            text += f" Imported {self.boards} board{'s' if self.boards != 1 else ''} with their meetings and actions."
        if self.new_lookup_values:
            text += f" Added to lists: {', '.join(self.new_lookup_values)}."
        if self.ignored_settings:
            text += f" Ignored unknown settings: {', '.join(self.ignored_settings)}."
        return text


def export_document(db: Database) -> dict[str, Any]:
    """Every record and setting, in interchange format version 1."""
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "app_version": __version__,
        "settings": settings_store.read_settings(db),
        "lookups": {key: settings_store.lookup_values(db, name) for key, name in _LOOKUP_KEYS.items()},
        "inspections": _inspections_json(db),
        "boards": export_boards(db),
        "office_uid": versions_store.office_uid(db),  # with each inspection's record_version: see import
    }


def _inspections_json(db: Database) -> list[dict[str, Any]]:
    workflows = export_workflows(db)
    return [{**inspection_to_json(with_history(db, i)), "record_version": i.version,
             **({KEY: workflows[i.id]} if i.id in workflows else {})}
            for i in InspectionService(db).all()]


def export_to_file(db: Database, path: Path) -> int:
    document = export_document(db)
    text = json.dumps(document, ensure_ascii=False, indent=2)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text + "\n", encoding="utf-8")
    tmp.replace(path)
    return len(document["inspections"])


def read_json_file(path: Path) -> Any:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InterchangeError(f"Cannot read {path}: {exc.strerror or exc}") from exc
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise InterchangeError(f"{path} is not UTF-8 text (byte {exc.start}).") from exc
    except json.JSONDecodeError as exc:
        raise InterchangeError(f"{path} is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}.") from exc


def existing_inspection_id(db: Database, reference: str, title: str, published: str | None) -> int | None:
    """The stored inspection with this reference; without one, with this title and publication date."""
    if reference:
        return inspection_repo.find_inspection_id(db, reference)
    for candidate in inspection_repo.find_inspection_ids_by_title(db, title):
        found = inspection_repo.get_inspection(db, candidate)
        if found and not found.reference and (found.published.isoformat() if found.published else None) == published:
            return candidate
    return None


def import_document(db: Database, data: Any) -> ImportReport:
    """Validate the whole document first; write it in one transaction or not at all."""
    document, problems = parse_document(data)
    boards, board_problems = parse_boards(data)
    workflows, workflow_problems = parse_workflows(data)
    problems = problems + board_problems + workflow_problems
    if problems:
        shown = problems[:50]
        more = f"\n… and {len(problems) - 50} more" if len(problems) > 50 else ""
        raise InterchangeError("Nothing was imported. Problems:\n" + "\n".join(f"  {p}" for p in shown) + more)
    _refuse_stale_records(db, data, document)
    report = ImportReport(ignored_settings=document.ignored_settings)
    touched: set[int] = set()
    rows = sum(len(i.findings) + sum(len(f.history) for f in i.findings) for i in document.inspections)
    bulk = rows >= BULK_ROWS
    with (bulk_page_cache(db) if bulk else nullcontext()), db.atomic(), \
            (search_triggers_suspended(db) if bulk else nullcontext()):
        with audit_store.row_auditing_paused(db):  # one summary line below instead of one per row
            _write_document(db, document, workflows, boards, report, touched)
        audit_store.add_line(db, "import", None, "import", json.dumps({"summary": report.summary()}))
    report.changes = Changes(inspections=frozenset(touched), settings=bool(document.settings),
                             lookups=bool(report.new_lookup_values), boards=bool(boards))
    return report


def _refuse_stale_records(db: Database, data: dict[str, Any], document: ParsedDocument) -> None:
    """A file exported from this office whose inspection has changed here since: a conflict, nothing is
    imported (a file from another office, or without record versions, replaces by reference as ever)."""
    if data.get("office_uid") != versions_store.office_uid(db) or not data.get("office_uid"):
        return
    conflicts: list[str] = []
    for raw, inspection in zip(data.get("inspections") or [], document.inspections, strict=False):
        exported = raw.get("record_version") if isinstance(raw, dict) else None
        existing = existing_inspection_id(db, inspection.reference, inspection.title,
                                         inspection.published.isoformat() if inspection.published else None)
        if isinstance(exported, int) and existing is not None:
            stored = versions_store.inspection_version(db, existing)
            if stored is not None and stored != exported:
                conflicts.append(f"  {inspection.reference or inspection.title}: changed in this office since the "
                                 f"file was exported (version {stored} here, {exported} in the file)")
    if conflicts:
        raise InterchangeError("Nothing was imported. Conflicts (export again, or remove their record_version "
                               "to replace them anyway):\n" + "\n".join(conflicts[:50]))


def _write_document(db: Database, document: ParsedDocument, workflows: dict[int, S55Workflow], boards: list[ParsedBoard],
                    report: ImportReport, touched: set[int]) -> None:
    if document.settings:
        settings_store.write_settings(db, document.settings)
    for key, values in document.lookups.items():
        name = _LOOKUP_KEYS.get(key)
        if name is None:
            continue
        for value in values:
            if settings_store.add_lookup_value(db, name, value):
                report.new_lookup_values.append(value)
    for index, inspection in enumerate(document.inspections):
        for name, value in [(INSPECTION_TYPE_LOOKUP, inspection.type)] + [
            (FINDING_STATUS_LOOKUP, f.status) for f in inspection.findings
        ] + [(RAG_LOOKUP, f.rag) for f in inspection.findings if f.rag]:
            if settings_store.add_lookup_value(db, name, value):
                report.new_lookup_values.append(value)
        existing = existing_inspection_id(db, inspection.reference, inspection.title,
                                          inspection.published.isoformat() if inspection.published else None)
        if existing is None:
            existing = inspection_repo.insert_inspection(db, inspection)
            report.added += 1
        else:
            fresh = replace(inspection, id=existing, findings=tuple(replace(f, id=None) for f in inspection.findings))
            inspection_repo.update_inspection(db, fresh)
            report.replaced += 1
        touched.add(existing)
        write_imported_history(db, existing, inspection)
        import_workflow(db, existing, workflows.get(index))
        report.findings += len(inspection.findings)
    report.boards = import_boards(db, boards)


def import_from_file(db: Database, path: Path) -> ImportReport:
    return import_document(db, read_json_file(path))
