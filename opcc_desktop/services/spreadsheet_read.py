"""Reading a tracker file (.xlsx every sheet, .csv in UTF-8 or Excel's cp1252) into sheets with their header
row found (under title rows, or two rows merged). Sheets that only explain the tracker ("Key", "Lookup",
"Guidance" …) or hold no findings are skipped, and the reason is kept to be shown."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..domain.spreadsheet_header import find_header
from ..domain.spreadsheet_mapping import header_field
from ..errors import InterchangeError

FORMULA_APOSTROPHE_STARTS = ("'=", "'+", "'-", "'@", "'\t", "'\r")
NOT_FINDINGS_SHEET = re.compile(
    r"^(?:key|keys|lookups?|look-?ups?|lists?|legend|guidance|instructions?|read\s*me|notes?|drop-?downs?|"
    r"validation|data\s+validation|definitions?|glossary|contents|summary|dashboard|charts?|pivot.*|"
    r"rag\s+key|status\s+key|version\s+control|change\s+log)$", re.IGNORECASE)


@dataclass
class Sheet:
    headers: list[str]
    rows: list[list[Any]]
    name: str = ""
    header_row: int = 1  # as Excel numbers rows (the lower row of a two-row header)
    titles: list[str] = field(default_factory=list)  # text above the header row

    @property
    def first_row(self) -> int:
        return self.header_row + 1


@dataclass
class Book:
    sheets: list[Sheet]
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (sheet, why it is not read)
    name: str = ""


def _unquote(value: Any) -> Any:
    """The app's CSV export puts an apostrophe before formula-like text; take it off again."""
    if isinstance(value, str) and value.startswith(FORMULA_APOSTROPHE_STARTS):
        return value[1:]
    return value


def _recognised(header: str) -> bool:
    return header_field(header) is not None


def sheet_from_rows(lines: list[list[Any]], name: str = "") -> Sheet | None:
    """The sheet with its header row found; None when it has no non-empty row."""
    found = find_header(lines, _recognised)
    if not found.headers:
        return None
    rows = [[_unquote(c) for c in row] for row in lines[found.first_data:]]
    return Sheet([h.strip() for h in found.headers], rows, name, found.header_rows[-1] + 1, found.titles)


def read_book(path: Path) -> Book:
    suffix = path.suffix.lower()
    try:
        if suffix == ".xlsx":
            return _read_xlsx(path)
        if suffix == ".csv":
            return _read_csv(path.read_bytes(), path.name)
    except OSError as exc:
        raise InterchangeError(f"Cannot read {path}: {exc.strerror or exc}") from exc
    raise InterchangeError(f"{path.name}: expected a .xlsx or .csv file")


def _findings_sheet(sheet: Sheet) -> bool:
    return any(header_field(h) == "text" for h in sheet.headers)


def _read_xlsx(path: Path) -> Book:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        raise InterchangeError(f"{path.name} is not a readable Excel workbook ({exc}).") from exc
    book = Book([], name=path.name)
    try:
        for worksheet in workbook.worksheets:
            title = str(worksheet.title)
            if NOT_FINDINGS_SHEET.match(title.strip()):
                book.skipped.append((title, "a key or lookup sheet, not findings"))
                continue
            if getattr(worksheet, "sheet_state", "visible") != "visible":
                book.skipped.append((title, "a hidden sheet"))
                continue
            sheet = sheet_from_rows([list(row) for row in worksheet.iter_rows(values_only=True)], title)
            if sheet is None:
                book.skipped.append((title, "empty"))
            elif not _findings_sheet(sheet):
                book.skipped.append((title, "no column of finding text found"))
            else:
                book.sheets.append(sheet)
    finally:
        workbook.close()
    if not book.sheets and not book.skipped:
        raise InterchangeError(f"{path.name} is empty: no sheet holds any rows.")
    return book


def decode_csv(raw: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252 as Excel saves "CSV" on a UK PC."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _read_csv(raw: bytes, name: str = "the CSV file") -> Book:
    text = decode_csv(raw)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    sheet = sheet_from_rows([list(row) for row in csv.reader(io.StringIO(text), dialect)])
    if sheet is None:
        raise InterchangeError(f"{name} is empty: the first row must hold the column headers.")
    return Book([sheet], name=name)
