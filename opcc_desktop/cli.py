"""The headless command line: demo, import, export, due, letter, check. No Qt is imported here."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from datetime import date
from pathlib import Path
from typing import TextIO

from . import __version__
from .cli_letters import LETTER_COMMANDS, LETTER_HANDLERS, add_letter_parsers
from .cli_due import add_due_options
from .cli_boards import BOARD_COMMANDS, add_board_commands, cmd_actions, cmd_board_paper
from .domain.dates import parse_iso_date
from .errors import UserFacingError
from .cli_smoke import add_smoke_parser
from .cli_spreadsheets import (
    add_progress_report_parser, add_spreadsheet_options, export_spreadsheet_command, import_spreadsheet_command,
    is_spreadsheet, progress_report_command,
)
from .cli_backup import BACKUP_COMMANDS, BACKUP_HANDLERS, add_backup_parsers
from .paths import default_database_path

log = logging.getLogger(__name__)
COMMANDS = ("demo", "import", "export", "due", "letter", "check", "smoke", "progress-report", *LETTER_COMMANDS, *BOARD_COMMANDS, *BACKUP_COMMANDS)


def _iso_date(text: str) -> date:
    try:
        return parse_iso_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _non_negative(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number of days, got {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError("the number of days cannot be negative")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="opcc-desktop",
        description="OPCC Desktop: HMICFRS inspections, s.55 deadlines and letters to the Home Secretary.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--db", metavar="FILE", type=Path, default=None,
                        help="database file (default: the per-user data folder)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="FILE", type=Path, default=argparse.SUPPRESS,
                        help="database file (may also be given before the command)")
    p_demo = sub.add_parser("demo", parents=[common], help="load demonstration records built from the seed documents")
    p_demo.add_argument("--today", type=_iso_date, default=None, metavar="YYYY-MM-DD",
                        help="date the invented reports are dated from (default: today)")
    p_import = sub.add_parser("import", parents=[common],
                              help="import records from a JSON file, or a findings tracker from .xlsx/.csv (all or nothing)")
    p_import.add_argument("file", metavar="FILE.json|FILE.xlsx|FILE.csv", type=Path)
    p_export = sub.add_parser("export", parents=[common],
                              help="export every record and setting to a JSON file, or the findings to .xlsx/.csv")
    p_export.add_argument("file", metavar="FILE.json|FILE.xlsx|FILE.csv", type=Path)
    add_spreadsheet_options(p_import, p_export)
    add_progress_report_parser(sub, common, _iso_date)
    p_due = sub.add_parser("due", parents=[common], help="s.55 deadlines overdue or due within DAYS")
    p_due.add_argument("--today", type=_iso_date, default=None, metavar="YYYY-MM-DD")
    p_due.add_argument("--within", type=_non_negative, default=None, metavar="DAYS",
                       help="overdue or due within DAYS (default 28; for --format ics: every open deadline)")
    p_due.add_argument("--json", action="store_true", help="print JSON instead of text (same as --format json)")
    add_due_options(p_due)
    p_letter = sub.add_parser("letter", parents=[common], help="write the Home Secretary letter for an inspection")
    p_letter.add_argument("reference", metavar="REF", help="the inspection's HMICFRS reference")
    p_letter.add_argument("--out", metavar="FILE.pdf", type=Path, required=True)
    p_letter.add_argument("--date", type=_iso_date, default=None, metavar="YYYY-MM-DD",
                          help="date printed on the letter (default: today)")
    sub.add_parser("check", parents=[common], help="integrity check and schema version")
    add_letter_parsers(sub, common, _iso_date)
    add_smoke_parser(sub, common)  # run by app.py (it opens the window, so it needs Qt)
    add_board_commands(sub, common, _iso_date)
    add_backup_parsers(sub, common)
    return parser


def _open(args: argparse.Namespace, *, create: bool = True):
    from .services.audit import AuditService
    from .services.who import current_user_name
    from .storage.database import open_database

    db = open_database(args.db or default_database_path(), create=create)
    try:
        AuditService(db).set_actor(current_user_name())  # the audit trail names who ran the command
    except Exception:  # a read-only file can still be read; a write will say why it fails
        log.debug("the audit trail's actor was not recorded", exc_info=True)
    return db


def _cmd_demo(args: argparse.Namespace, out: TextIO) -> int:
    from .services.demo import load_demo

    report = load_demo(_open(args), args.today or date.today())
    print(f"Demonstration records loaded. {report.summary()}", file=out)
    return 0


def _cmd_import(args: argparse.Namespace, out: TextIO) -> int:
    from .services.interchange import import_document, read_json_file

    if is_spreadsheet(args.file):
        return import_spreadsheet_command(args, out, _open)

    data = read_json_file(args.file)  # read before opening, so a bad file never creates a database
    db = _open(args)
    print(import_document(db, data).summary(), file=out)
    return 0


def _cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    from .services.interchange import export_to_file

    if is_spreadsheet(args.file):
        return export_spreadsheet_command(args, out, _open)

    try:
        count = export_to_file(_open(args, create=False), args.file)
    except OSError as exc:
        raise UserFacingError(f"Cannot write {args.file}: {exc.strerror or exc}") from exc
    print(f"Exported {count} inspections to {args.file}.", file=out)
    return 0


def _cmd_due(args: argparse.Namespace, out: TextIO) -> int:
    from .cli_due import run_due

    return run_due(args, out, _open)


def _cmd_letter(args: argparse.Namespace, out: TextIO) -> int:
    from .services.inspections import InspectionService
    from .services.letters import home_secretary_letter, write_letter_pdf

    db = _open(args, create=False)
    inspection = InspectionService(db).find(args.reference)
    data = home_secretary_letter(db, inspection.saved_id, args.date or date.today())
    try:
        pages = write_letter_pdf(data, args.out)
    except OSError as exc:
        raise UserFacingError(f"Cannot write {args.out}: {exc.strerror or exc}") from exc
    print(f"Wrote {args.out} ({pages} page{'s' if pages != 1 else ''}).", file=out)
    return 0


def _cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    from .storage.database import check_database
    from .storage.inspections import count_inspections

    db = _open(args, create=False)
    health = check_database(db)
    print(f"database: {args.db or default_database_path()}", file=out)
    print(f"integrity: {health.integrity}", file=out)
    print(f"schema version: {health.schema_version} ({', '.join(health.migrations)})", file=out)
    if health.pending:
        print(f"pending migrations: {', '.join(health.pending)}", file=out)
    print(f"inspections: {count_inspections(db)}", file=out)
    return 0 if health.ok else 1


HANDLERS = {"demo": _cmd_demo, "import": _cmd_import, "export": _cmd_export, "due": _cmd_due,
            "letter": _cmd_letter, "check": _cmd_check, **LETTER_HANDLERS, **BACKUP_HANDLERS,
            "actions": lambda args, out: cmd_actions(args, out, _open),
            "board-paper": lambda args, out: cmd_board_paper(args, out, _open),
            "progress-report": lambda args, out: progress_report_command(args, out, _open)}


def run_command(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run one headless command; user-facing problems become a message and exit code 1."""
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        return HANDLERS[args.command](args, out)
    except UserFacingError as exc:
        print(f"opcc-desktop: error: {exc}", file=err)
        return 1
    except BrokenPipeError:  # e.g. `opcc-desktop due | head`: the reader left; not an error of ours
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, out.fileno())
        return 0
    except KeyboardInterrupt:
        print("opcc-desktop: interrupted", file=err)
        return 130
    except Exception as exc:
        log.exception("unexpected error in %s", args.command)
        print(f"opcc-desktop: unexpected error ({type(exc).__name__}: {exc}). This is a bug; please report it.",
              file=err)
        return 3
