"""Import a findings tracker from .xlsx or .csv: read, propose a mapping, preview, then write it all in
one transaction or nothing at all (the same rule as the JSON import).

An inspection that already exists (same reference; or same title and publication date) gets the
rows' findings added, or updated when a finding with the same reference (or, without one, the same
text) is already there; only the mapped columns change an existing finding. Importing the same file
twice changes nothing the second time. A spreadsheet exported by the app maps itself.

Every sheet that holds findings is read (the caller may leave some out); the mapping chosen for one sheet
applies to every sheet by header, other headers are proposed. Warnings (a date cell that is not a date, a
kind read from the row) never stop an import; problems (no text, no inspection) stop all of it. The text of
columns mapped to no field becomes an "imported" history line of each new finding, under its headers.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from ..domain.models import FieldError, Finding, Inspection
from ..domain.spreadsheet_mapping import (
    NOTE_FIELD,
    MappingError,
    SheetInspection,
    _key,
    field_label,
    mapping_from_names,
    propose_mapping,
    read_rows,
    refine_with_values,
)
from ..domain.spreadsheet_values import CLOSED_COMPLETE
from ..domain.tracker import RAG_LOOKUP, SOURCE_IMPORT, HistoryEntry
from ..domain.validation import validate_finding, validate_inspection
from ..domain.vocabulary import FINDING_STATUS_LOOKUP, INSPECTION_TYPE_LOOKUP
from ..errors import InterchangeError
from ..storage import inspections as repo
from ..storage import settings as settings_store
from .changes import Changes
from .finding_edits import record_status_edits
from .interchange import ImportReport, existing_inspection_id
from .interchange_tracker import write_imported_history
from .spreadsheet_read import Book, Sheet, read_book

MAX_PROBLEMS_SHOWN = 50


@dataclass
class SheetUse:
    """How one sheet was read: its header row and where each column goes."""
    name: str
    header_row: int
    headers: list[str]
    mapping: dict[int, str]
    rows: int = 0


@dataclass
class ImportPreview:
    headers: list[str]
    mapping: dict[int, str]
    samples: list[list[str]]
    new_inspections: int = 0
    updated_inspections: int = 0
    new_findings: int = 0
    updated_findings: int = 0
    rows: int = 0
    problems: list[str] = field(default_factory=list)
    plan: list[tuple[int | None, Inspection]] = field(default_factory=list, repr=False)
    warnings: list[str] = field(default_factory=list)
    sheets: list[SheetUse] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.rows:,} rows: {self.new_inspections:,} new and {self.updated_inspections:,} existing "
                f"inspections; {self.new_findings:,} new and {self.updated_findings:,} updated findings.")


def read_sheet(path: Path) -> Sheet:
    """The first sheet that holds findings (callers that read one sheet); see `read_book` for all."""
    book = read_book(path)
    if not book.sheets:
        raise InterchangeError(f"{path.name}: no sheet holds findings ("
                               + "; ".join(f"{name}: {why}" for name, why in book.skipped) + ").")
    return book.sheets[0]


def read_mapping_file(path: Path, headers: list[str]) -> dict[int, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise InterchangeError(f"Cannot read the mapping {path}: {exc.strerror or exc}") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InterchangeError(f"The mapping {path} is not valid JSON ({exc}).") from exc
    columns = data.get("columns") if isinstance(data, dict) else None
    if not isinstance(columns, dict):
        raise InterchangeError('The mapping file must look like {"columns": {"Header": "field", …}}.')
    try:
        return mapping_from_names(headers, columns)
    except MappingError as exc:
        raise InterchangeError(f"Mapping: {exc}") from exc


def _merge(existing: Finding | None, values: dict[str, Any]) -> Finding:
    if existing is None:
        return Finding(**values)
    return replace(existing, **values)


def _match(findings: list[Finding], values: dict[str, Any]) -> int | None:
    reference = values.get("reference", "")
    for index, finding in enumerate(findings):
        if reference and finding.reference == reference:
            return index
        if not reference and not finding.reference and finding.text.strip() == values["text"].strip():
            return index
    return None


def _existing_id(db: Database, group: SheetInspection) -> int | None:
    published = group.published.isoformat() if group.published else None
    found = existing_inspection_id(db, group.reference, group.title, published)
    if found is None and published is None and not group.reference:  # no date in the tracker: same title
        found = next(iter(repo.find_inspection_ids_by_title(db, group.title)), None)
    return found


def _note_entry(values: dict[str, Any], today: date | None) -> tuple[HistoryEntry, ...]:
    note = values.get(NOTE_FIELD, "")
    if not note or today is None:
        return ()
    return (HistoryEntry(changed_on=today, new_status=values.get("status", ""), narrative=note,
                         source=SOURCE_IMPORT),)


def _plan_one(db: Database, group: SheetInspection, preview: ImportPreview, today: date | None = None) -> None:
    existing_id = _existing_id(db, group)
    where = (f"sheet \"{group.sheet}\", " if group.sheet else "") + f"row {group.row}"
    if existing_id is None:
        if not group.title:
            preview.problems.append(f"{where}: a new inspection needs its title (map an inspection title column)")
            return
        if group.published is None:
            preview.warnings.append(f"{where}: \"{group.title}\" has no publication date; imported with its s.55 "
                                    "deadline unknown — enter the publication date")
        inspection = Inspection(title=group.title, type=group.type or "Other", published=group.published,
                                reference=group.reference)
        preview.new_inspections += 1
    else:
        stored = repo.get_inspection(db, existing_id)
        if stored is None:  # deleted since it was matched
            preview.problems.append(f"{where}: the inspection it matched no longer exists")
            return
        inspection = stored
        preview.updated_inspections += 1
    findings = list(inspection.findings)
    for sheet_finding in group.findings:
        values = {k: v for k, v in sheet_finding.values.items() if k != NOTE_FIELD}
        index = _match(findings, values)
        merged = _merge(findings[index] if index is not None else None, values)
        place = (f"sheet \"{sheet_finding.sheet}\", " if sheet_finding.sheet else "") + f"row {sheet_finding.row}"
        errors: list[FieldError] = validate_finding(merged)
        for error in errors:
            preview.problems.append(f"{place}, field \"{field_label(_field_name(error.field))}\": {error.message}")
        if index is None:
            findings.append(replace(merged, history=_note_entry(sheet_finding.values, today)))
            preview.new_findings += 1
        else:
            findings[index] = merged
            preview.updated_findings += 1
    inspection = replace(inspection, findings=tuple(findings))
    for error in validate_inspection(inspection, published_required=False):
        preview.problems.append(f"{where}, inspection \"{group.title or group.reference}\": "
                                f"{error.field} {error.message}")
    preview.plan.append((existing_id, inspection))


def _field_name(name: str) -> str:
    return {"reference": "finding_reference"}.get(name, name)


def _mapping_for(sheet: Sheet, base: Sheet | None, mapping: dict[int, str] | None) -> dict[int, str]:
    """The chosen mapping applied to `sheet` by header (other headers proposed), or the proposal."""
    if mapping is None or base is None:
        return refine_with_values(propose_mapping(sheet.headers), sheet.rows)
    if sheet is base:
        return dict(mapping)
    chosen = {_key(base.headers[i]): name for i, name in mapping.items() if i < len(base.headers)}
    unmapped = {_key(h) for i, h in enumerate(base.headers) if i not in mapping}
    proposal = refine_with_values(propose_mapping(sheet.headers), sheet.rows)
    result: dict[int, str] = {}
    for index, header in enumerate(sheet.headers):
        key = _key(header)
        name = chosen.get(key) if key in chosen else (None if key in unmapped else proposal.get(index))
        if name and name not in result.values():
            result[index] = name
    return result


def preview_book(db: Database, book: Book, mapping: dict[int, str] | None = None, *, today: date | None = None,
                 sheets: set[str] | None = None) -> ImportPreview:
    """What importing the book would do. `mapping` is for the first sheet read (others follow it by header);
    `sheets` leaves out the sheets not named."""
    chosen = [sheet for sheet in book.sheets if sheets is None or sheet.name in sheets]
    base = chosen[0] if chosen else None
    first_mapping = _mapping_for(base, base, mapping) if base else {}
    samples = [[("" if c is None else str(c)) for c in row] for row in (base.rows[:5] if base else [])]
    preview = ImportPreview(headers=base.headers if base else [], mapping=first_mapping, samples=samples)
    preview.skipped = list(book.skipped) + [(s.name, "left out") for s in book.sheets if s not in chosen]
    groups: dict[str, SheetInspection] = {}
    for sheet in chosen:
        used = _mapping_for(sheet, base, mapping)
        closed_sheet = re.search(r"\b(?:closed|complete[d]?|archived?|discharged|achieved)\b", sheet.name, re.IGNORECASE)
        reading = read_rows(sheet.headers, sheet.rows, used, sheet.first_row, sheet=sheet.name,
                            default_title=(sheet.titles[0] if sheet.titles else ""),
                            default_status=CLOSED_COMPLETE if closed_sheet else "")
        preview.sheets.append(SheetUse(sheet.name, sheet.header_row, sheet.headers, used, reading.rows_read))
        preview.rows += reading.rows_read
        preview.problems.extend(reading.problems)
        preview.warnings.extend(reading.warnings)
        for group in reading.inspections:  # an inspection on the "Open" and the "Closed" sheet is one
            merged = groups.setdefault(group.key, group)
            if merged is not group:
                merged.findings.extend(group.findings)
                merged.published = merged.published or group.published
                merged.type = merged.type or group.type
    if not chosen:
        preview.problems.append("no sheet to import" + (": " + "; ".join(f"{n}: {why}" for n, why in book.skipped)
                                                         if book.skipped else ""))
    for group in groups.values():
        _plan_one(db, group, preview, today)
    if not preview.problems and preview.new_findings + preview.updated_findings == 0:
        preview.problems.append("no findings found in the file")
    return preview


def preview_sheet(db: Database, sheet: Sheet, mapping: dict[int, str] | None = None, *,
                  today: date | None = None) -> ImportPreview:
    return preview_book(db, Book([sheet]), mapping, today=today)


def import_preview(db: Database, preview: ImportPreview) -> ImportReport:
    """Write what the preview planned, all or nothing; InterchangeError when any row is bad."""
    if preview.problems:
        shown = preview.problems[:MAX_PROBLEMS_SHOWN]
        more = f"\n… and {len(preview.problems) - MAX_PROBLEMS_SHOWN} more" if len(preview.problems) > len(shown) else ""
        raise InterchangeError("Nothing was imported. Problems:\n" + "\n".join(f"  {p}" for p in shown) + more)
    report = ImportReport()
    touched: set[int] = set()
    with db.atomic():
        for existing_id, inspection in preview.plan:
            for lookup, value in [(INSPECTION_TYPE_LOOKUP, inspection.type)] + [
                    (FINDING_STATUS_LOOKUP, f.status) for f in inspection.findings] + [
                    (RAG_LOOKUP, f.rag) for f in inspection.findings if f.rag]:
                if settings_store.add_lookup_value(db, lookup, value):
                    report.new_lookup_values.append(value)
            if existing_id is None:
                existing_id = repo.insert_inspection(db, inspection)
                before: dict[int, str] = {}
                report.added += 1
            else:
                before = {f.id: f.status for f in repo.get_findings(db, existing_id) if f.id is not None}
                repo.update_inspection(db, inspection)
                report.replaced += 1
            write_imported_history(db, existing_id, inspection)
            record_status_edits(db, before, existing_id, SOURCE_IMPORT)
            touched.add(existing_id)
        report.findings = preview.new_findings + preview.updated_findings
    report.changes = Changes(inspections=frozenset(touched), lookups=bool(report.new_lookup_values))
    return report


def import_spreadsheet(db: Database, path: Path, mapping: dict[int, str] | None = None,
                       mapping_file: Path | None = None, *, today: date | None = None) -> ImportReport:
    book = read_book(path)
    if mapping_file is not None and book.sheets:
        mapping = read_mapping_file(mapping_file, book.sheets[0].headers)
    return import_preview(db, preview_book(db, book, mapping, today=today))
