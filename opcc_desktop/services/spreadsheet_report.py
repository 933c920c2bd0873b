"""What a tracker import would do (or did), for `import FILE --dry-run [--json]`: sheets and header rows used,
each source column → field or where its text goes, counts, warnings and problems with sheet/row/column."""

from __future__ import annotations

from typing import Any

from ..domain.spreadsheet_mapping import field_label
from .spreadsheet_import import ImportPreview

NOTE_TARGET = "the finding's history (an \"imported\" line under its header)"


def _columns(headers: list[str], mapping: dict[int, str]) -> list[dict[str, Any]]:
    columns = []
    for index, header in enumerate(headers):
        if not header and index not in mapping:
            continue
        name = mapping.get(index)
        columns.append({"column": header or f"Column {index + 1}", "field": name,
                        "goes_to": field_label(name) if name else NOTE_TARGET})
    return columns


def preview_json(preview: ImportPreview, file_name: str) -> dict[str, Any]:
    return {
        "file": file_name,
        "sheets": [{"name": use.name or None, "header_row": use.header_row, "rows": use.rows,
                    "columns": _columns(use.headers, use.mapping)} for use in preview.sheets],
        "skipped_sheets": [{"name": name, "reason": why} for name, why in preview.skipped],
        "inspections": {"create": preview.new_inspections, "update": preview.updated_inspections},
        "findings": {"create": preview.new_findings, "update": preview.updated_findings},
        "warnings": list(preview.warnings),
        "problems": list(preview.problems),
    }


def preview_lines(preview: ImportPreview, file_name: str) -> list[str]:
    lines = [f"File: {file_name}"]
    for use in preview.sheets:
        where = f"Sheet \"{use.name}\"" if use.name else "Sheet"
        lines.append(f"{where}: header row {use.header_row}, {use.rows} row{'s' if use.rows != 1 else ''} read")
        for column in _columns(use.headers, use.mapping):
            target = f"{column['goes_to']} ({column['field']})" if column["field"] else column["goes_to"]
            lines.append(f"  {column['column']} → {target}")
    lines.extend(f"Skipped sheet \"{name}\": {why}" for name, why in preview.skipped)
    lines.append(f"Would create {preview.new_inspections} and update {preview.updated_inspections} inspection(s); "
                 f"create {preview.new_findings} and update {preview.updated_findings} finding(s).")
    lines.extend(f"Warning: {warning}" for warning in preview.warnings)
    lines.extend(f"Problem: {problem}" for problem in preview.problems)
    if preview.problems:
        lines.append("Nothing would be imported until the problems are fixed.")
    return lines
