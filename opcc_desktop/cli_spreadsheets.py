"""The findings tracker on the command line: `import`/`export` of .xlsx / .csv (JSON files keep their own
path in cli.py) and `progress-report`."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TextIO

from .errors import UserFacingError

SPREADSHEET_SUFFIXES = (".xlsx", ".csv")


def is_spreadsheet(path: Path) -> bool:
    return path.suffix.lower() in SPREADSHEET_SUFFIXES


def add_spreadsheet_options(p_import: argparse.ArgumentParser, p_export: argparse.ArgumentParser) -> None:
    p_import.add_argument("--mapping", metavar="MAPPING.json", type=Path, default=None,
                          help='for .xlsx/.csv: {"columns": {"Header": "field"}} instead of the proposed mapping')
    p_import.add_argument("--dry-run", action="store_true",
                          help="for .xlsx/.csv: show the sheets, header rows, columns, counts and warnings; write nothing")
    p_import.add_argument("--json", action="store_true", help="for .xlsx/.csv: print that report as JSON")
    p_export.add_argument("--status", default="", help="for .xlsx/.csv: only findings with this status")
    p_export.add_argument("--kind", default="", help="for .xlsx/.csv: only this kind (e.g. 'area for improvement')")
    p_export.add_argument("--overdue", action="store_true", help="for .xlsx/.csv: only open findings past their date")


def import_spreadsheet_command(args: argparse.Namespace, out: TextIO, open_db: Callable) -> int:
    import json

    from .services.spreadsheet_import import import_preview, preview_book, read_mapping_file
    from .services.spreadsheet_read import read_book
    from .services.spreadsheet_report import preview_json, preview_lines

    book = read_book(args.file)  # read before opening, so a bad file never creates a database
    mapping = read_mapping_file(args.mapping, book.sheets[0].headers) if args.mapping and book.sheets else None
    if args.dry_run:
        preview = _dry_run(args, open_db, book, mapping)
        if args.json:
            print(json.dumps(preview_json(preview, args.file.name), ensure_ascii=False, indent=2), file=out)
        else:
            print("\n".join(preview_lines(preview, args.file.name)), file=out)
        return 0
    db = open_db(args)
    preview = preview_book(db, book, mapping, today=date.today())
    import_preview(db, preview)
    if args.json:
        print(json.dumps(preview_json(preview, args.file.name), ensure_ascii=False, indent=2), file=out)
        return 0
    for warning in preview.warnings:
        print(f"Warning: {warning}", file=out)
    print(f"Imported {preview.summary()}", file=out)
    return 0


def _dry_run(args: argparse.Namespace, open_db: Callable, book, mapping):
    """The preview against the database if it exists, else against an empty office; nothing is written."""
    import tempfile

    from .paths import default_database_path
    from .services.spreadsheet_import import preview_book
    from .storage.database import open_database

    if Path(args.db or default_database_path()).exists():
        db = open_db(args, create=False)
        try:
            return preview_book(db, book, mapping, today=date.today())
        finally:
            db.conn.close()
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "preview.sqlite3")
        try:
            return preview_book(db, book, mapping, today=date.today())
        finally:
            db.conn.close()


def export_spreadsheet_command(args: argparse.Namespace, out: TextIO, open_db: Callable) -> int:
    from .domain.finding_rows import FindingsQuery
    from .domain.vocabulary import normalise_kind
    from .services.findings_list import FindingsListService
    from .services.spreadsheet_export import export_findings

    kind = normalise_kind(args.kind) if args.kind else ""
    if kind is None:
        raise UserFacingError(f"--kind {args.kind!r} is not a finding kind")
    today = date.today()
    query = FindingsQuery(status=args.status, kind=kind, overdue_on=today if args.overdue else None,
                          sort="inspection")
    rows = FindingsListService(open_db(args, create=False)).rows(query)
    try:
        count = export_findings(rows, args.file, today)
    except OSError as exc:
        raise UserFacingError(f"Cannot write {args.file}: {exc.strerror or exc}") from exc
    print(f"Exported {count} finding{'s' if count != 1 else ''} to {args.file}.", file=out)
    return 0


def add_progress_report_parser(sub, common, iso_date) -> None:
    p = sub.add_parser("progress-report", parents=[common],
                       help="write the quarterly HMICFRS progress report (PDF) for a board paper")
    p.add_argument("--out", metavar="FILE.pdf", type=Path, required=True)
    p.add_argument("--today", type=iso_date, default=None, metavar="YYYY-MM-DD", help="position as at (default today)")
    p.add_argument("--months", type=int, default=6, metavar="N", help="list findings open longer than N months")
    p.add_argument("--quarter", type=iso_date, default=None, metavar="YYYY-MM-DD",
                   help="report on the quarter containing this date (default the last complete quarter)")


def progress_report_command(args: argparse.Namespace, out: TextIO, open_db: Callable) -> int:
    from .domain.progress_summary import MAX_MONTHS, quarter_of
    from .services.progress_report import write_progress_report

    if not 1 <= args.months <= MAX_MONTHS:
        raise UserFacingError(f"--months must be between 1 and {MAX_MONTHS}")
    quarter = quarter_of(args.quarter) if args.quarter else None
    pages = write_progress_report(open_db(args, create=False), args.out, args.today or date.today(), args.months,
                                  quarter)
    print(f"Wrote {args.out} ({pages} page{'s' if pages != 1 else ''}).", file=out)
    return 0
