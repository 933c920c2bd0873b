"""Export findings to .csv or .xlsx so that no cell is ever evaluated as a formula.

Text beginning with `=`, `+`, `-`, `@`, a tab or a carriage return could be run by Excel as a
formula (CSV injection). In CSV such text gets a leading apostrophe, which Excel shows as text; in
xlsx every cell is written as a string and marked with Excel's quote prefix.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from ..domain.finding_rows import FindingRow
from ..domain.vocabulary import KIND_LABELS

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
HEADERS = ("Inspection reference", "Inspection", "Inspection type", "Published", "Finding reference", "Kind",
           "Level", "Finding", "Addressed to", "Owner", "Delivery lead", "OPCC lead", "Target date",
           "Revised target date", "Reason for revised date", "Status", "RAG", "Force response", "PCC response",
           "Closure basis", "Closure approved by", "Days open")


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def csv_safe(text: str) -> str:
    return "'" + text if is_formula_like(text) else text


def _cells(row: FindingRow, today: date) -> list[str]:
    return [row.inspection_reference, row.inspection_title, row.inspection_type, row.published.isoformat() if row.published else "",
            row.reference, KIND_LABELS.get(row.kind, row.kind), row.level, row.text, "; ".join(row.addressees),
            row.owner, row.delivery_lead, row.opcc_lead, _iso(row.target_date), _iso(row.revised_target_date),
            row.revised_target_reason, row.status, row.rag, row.force_response, row.pcc_response, row.closure_basis,
            row.closure_approved_by, str(row.days_open(today))]


def _iso(value: date | None) -> str:
    return value.isoformat() if value else ""


def export_findings(rows: list[FindingRow], path: Path, today: date) -> int:
    """Write .csv (UTF-8 with BOM, so Excel reads accents) or .xlsx by the file's extension."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(HEADERS)
            writer.writerows([csv_safe(cell) for cell in _cells(row, today)] for row in rows)
        return len(rows)
    if suffix == ".xlsx":
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.worksheets[0]
        sheet.title = "Findings"
        sheet.append(list(HEADERS))
        for row in rows:
            sheet.append(_cells(row, today))
        for line in sheet.iter_rows(min_row=2):
            for cell in line:
                cell.data_type = "s"  # a string, never a formula
                if isinstance(cell.value, str) and is_formula_like(cell.value):
                    cell.quotePrefix = True
        book.save(path)
        return len(rows)
    raise ValueError(f"choose a .csv or .xlsx file, not {path.name}")
