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
from .cli_signing import SIGNING_COMMANDS, SIGNING_HANDLERS, add_signing_parsers
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
from .cli_propose import PROPOSE_COMMANDS, PROPOSE_HANDLERS, add_propose_parser
from .paths import default_database_path

log = logging.getLogger(__name__)
COMMANDS = ("demo", "import", "export", "due", "letter", "check", "smoke", "progress-report", *LETTER_COMMANDS,
            *SIGNING_COMMANDS, *BOARD_COMMANDS, *BACKUP_COMMANDS, *PROPOSE_COMMANDS)


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
    p_demo.add_argument("--remove", action="store_true",
                        help="take demonstration data loaded by an earlier version out of this office instead")
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
    add_signing_parsers(sub, common, _iso_date)
    add_smoke_parser(sub, common)  # run by app.py (it opens the window, so it needs Qt)
    add_board_commands(sub, common, _iso_date)
    add_backup_parsers(sub, common)
    add_propose_parser(sub, common)
    return parser


# Commands that write to the office hold the writer's lock until they end (a second writer is told who
# has the file and exits 1); the others read alongside a window through WAL. `restore` locks in cli_backup.
WRITE_COMMANDS = frozenset({"demo", "import"})


def _open(args: argparse.Namespace, *, create: bool = True):
    from .services.audit import AuditService
    from .services.who import current_user_name
    from .storage.database import open_database

    path = Path(args.db or default_database_path())
    if args.command in WRITE_COMMANDS:
        from datetime import datetime

        from .instance_lock import WriterLock, current_owner, held_here

        if held_here(path) is None:
            WriterLock.acquire(path, current_owner(datetime.now()))  # released when the command ends
    db = open_database(path, create=create)
    AuditService(db).set_actor(current_user_name())  # the audit trail names who ran the command
    return db


def _cmd_demo(args: argparse.Namespace, out: TextIO) -> int:
    from .services.demo import load_demo

    if args.remove:
        from .services.demo_removal import remove_demo_records

        print(remove_demo_records(_open(args, create=False), args.today or date.today()).summary(), file=out)
        return 0
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
    """Read-only and lean: a plain sqlite3 connection, no sqlite-utils, no audit actor (nothing is written)."""
    from .services.letters import find_inspection_id, home_secretary_letter, write_letter_pdf
    from .storage.database import open_connection

    conn = open_connection(args.db or default_database_path(), create=False)
    data = home_secretary_letter(conn, find_inspection_id(conn, args.reference), args.date or date.today())
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
    print(f"audit trail: {'; '.join(health.audit) or 'ok'}", file=out)
    print(f"inspections: {count_inspections(db)}", file=out)
    archive_ok = True
    if not health.pending:
        from .services.letter_desk import LetterDesk

        problems = LetterDesk(db).chain_problems()
        archive_ok = not problems
        print(f"letter archive: {'intact' if archive_ok else 'PROBLEMS FOUND'}", file=out)
        for problem in problems:
            print(f"  - {problem}", file=out)
    return 0 if health.ok and archive_ok else 1


HANDLERS = {"demo": _cmd_demo, "import": _cmd_import, "export": _cmd_export, "due": _cmd_due,
            "letter": _cmd_letter, "check": _cmd_check, **LETTER_HANDLERS, **SIGNING_HANDLERS, **BACKUP_HANDLERS,
            **PROPOSE_HANDLERS,
            "actions": lambda args, out: cmd_actions(args, out, _open),
            "board-paper": lambda args, out: cmd_board_paper(args, out, _open),
            "progress-report": lambda args, out: progress_report_command(args, out, _open)}


def _run_holding_locks(args: argparse.Namespace, out: TextIO) -> int:
    from .instance_lock import held_locks

    before = held_locks()
    try:
        return HANDLERS[args.command](args, out)
    finally:
        for lock in held_locks() - before:  # the writer's lock, if the command took it
            lock.release()


def run_command(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run one headless command; user-facing problems become a message and exit code 1."""
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        return _run_holding_locks(args, out)
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
