"""Import a findings tracker from .xlsx or .csv: read, propose a mapping, preview, then write it all in
one transaction or nothing at all (the same rule as the JSON import).

An inspection that already exists (same reference; or same title and publication date) gets the
rows' findings added, or updated when a finding with the same reference (or, without one, the same
text) is already there; only the mapped columns change an existing finding. Importing the same file
twice changes nothing the second time. A spreadsheet exported by the app maps itself.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from ..domain.models import FieldError, Finding, Inspection
from ..domain.spreadsheet_mapping import (
    MappingError, SheetInspection, field_label, mapping_from_names, propose_mapping, read_rows,
)
from ..domain.tracker import RAG_LOOKUP, SOURCE_IMPORT
from ..domain.validation import validate_finding, validate_inspection
from ..domain.vocabulary import FINDING_STATUS_LOOKUP, INSPECTION_TYPE_LOOKUP
from ..errors import InterchangeError
from ..storage import inspections as repo
from ..storage import settings as settings_store
from .changes import Changes
from .finding_edits import record_status_edits
from .interchange import ImportReport, existing_inspection_id

FORMULA_APOSTROPHE_STARTS = ("'=", "'+", "'-", "'@", "'\t", "'\r")
MAX_PROBLEMS_SHOWN = 50


@dataclass
class Sheet:
    headers: list[str]
    rows: list[list[Any]]


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

    def summary(self) -> str:
        return (f"{self.rows:,} rows: {self.new_inspections:,} new and {self.updated_inspections:,} existing "
                f"inspections; {self.new_findings:,} new and {self.updated_findings:,} updated findings.")


def _unquote(value: Any) -> Any:
    """The app's CSV export puts an apostrophe before formula-like text; take it off again."""
    if isinstance(value, str) and value.startswith(FORMULA_APOSTROPHE_STARTS):
        return value[1:]
    return value


def read_sheet(path: Path) -> Sheet:
    suffix = path.suffix.lower()
    try:
        if suffix == ".xlsx":
            return _read_xlsx(path)
        if suffix == ".csv":
            return _read_csv(path.read_bytes())
    except OSError as exc:
        raise InterchangeError(f"Cannot read {path}: {exc.strerror or exc}") from exc
    raise InterchangeError(f"{path.name}: expected a .xlsx or .csv file")


def _read_xlsx(path: Path) -> Sheet:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        raise InterchangeError(f"{path.name} is not a readable Excel workbook ({exc}).") from exc
    try:
        lines = [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]
    finally:
        book.close()
    return _sheet(lines, path.name)


def _read_csv(raw: bytes) -> Sheet:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    return _sheet([[_unquote(c) for c in row] for row in csv.reader(io.StringIO(text), dialect)], "the CSV file")


def _sheet(lines: list[list[Any]], name: str) -> Sheet:
    while lines and all(c in (None, "") for c in lines[0]):
        lines.pop(0)  # blank lines above the header row
    if not lines:
        raise InterchangeError(f"{name} is empty: the first row must hold the column headers.")
    headers = [("" if h is None else str(h)).strip() for h in lines[0]]
    rows = [[_unquote(c) for c in row] for row in lines[1:]]
    return Sheet(headers, rows)


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


def _plan_one(db: Database, group: SheetInspection, preview: ImportPreview) -> None:
    existing_id = existing_inspection_id(db, group.reference, group.title,
                                         group.published.isoformat() if group.published else None)
    where = f"row {group.row}"
    if existing_id is None:
        if group.published is None:
            preview.problems.append(f"{where}: a new inspection needs its publication date (map a \"published\" column)")
        if not group.title:
            preview.problems.append(f"{where}: a new inspection needs its title (map an inspection title column)")
        if group.published is None or not group.title:
            return
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
        index = _match(findings, sheet_finding.values)
        merged = _merge(findings[index] if index is not None else None, sheet_finding.values)
        errors: list[FieldError] = validate_finding(merged)
        for error in errors:
            preview.problems.append(f"row {sheet_finding.row}, field \"{field_label(_field_name(error.field))}\": "
                                    f"{error.message}")
        if index is None:
            findings.append(merged)
            preview.new_findings += 1
        else:
            findings[index] = merged
            preview.updated_findings += 1
    inspection = replace(inspection, findings=tuple(findings))
    for error in validate_inspection(inspection):
        preview.problems.append(f"{where}, inspection \"{group.title or group.reference}\": {error.field} {error.message}")
    preview.plan.append((existing_id, inspection))


def _field_name(name: str) -> str:
    return {"reference": "finding_reference"}.get(name, name)


def preview_sheet(db: Database, sheet: Sheet, mapping: dict[int, str] | None = None) -> ImportPreview:
    used = propose_mapping(sheet.headers) if mapping is None else mapping
    samples = [[("" if c is None else str(c)) for c in row] for row in sheet.rows[:5]]
    preview = ImportPreview(headers=sheet.headers, mapping=used, samples=samples)
    reading = read_rows(sheet.headers, sheet.rows, used)
    preview.rows, preview.problems = reading.rows_read, list(reading.problems)
    for group in reading.inspections:
        _plan_one(db, group, preview)
    return preview


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
            record_status_edits(db, before, existing_id, SOURCE_IMPORT)
            touched.add(existing_id)
        report.findings = preview.new_findings + preview.updated_findings
    report.changes = Changes(inspections=frozenset(touched), lookups=bool(report.new_lookup_values))
    return report


def import_spreadsheet(db: Database, path: Path, mapping: dict[int, str] | None = None,
                       mapping_file: Path | None = None) -> ImportReport:
    sheet = read_sheet(path)
    if mapping_file is not None:
        mapping = read_mapping_file(mapping_file, sheet.headers)
    return import_preview(db, preview_sheet(db, sheet, mapping))
