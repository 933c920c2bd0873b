"""Command-line signing: `readiness` (the shared check), `signatory add` and `issue` (the window's approval path).

A passphrase is only ever read from standard input (`--passphrase-stdin`), never from the command line,
where other users of the PC could see it.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime
from pathlib import Path
from typing import TextIO

from .domain.letter_records import DOCUMENT_KINDS, HOME_SECRETARY
from .errors import UserFacingError

SIGNING_COMMANDS = ("readiness", "signatory", "issue")


def add_signing_parsers(sub, common: argparse.ArgumentParser, iso_date) -> None:
    p_ready = sub.add_parser("readiness", parents=[common],
                             help="what stops a letter being signed, and what needs a reason to sign anyway")
    p_ready.add_argument("reference", metavar="REF", help="the inspection's HMICFRS reference or exact title")
    p_ready.add_argument("--kind", choices=DOCUMENT_KINDS, default=HOME_SECRETARY)
    p_ready.add_argument("--json", action="store_true", help='print {"ready": …, "blocking": […], "warnings": […]}')
    p_ready.add_argument("--date", type=iso_date, default=None, metavar="YYYY-MM-DD",
                         help="the document's date (default: today)")
    p_ready.add_argument("--signatory", metavar="NAME", default=None, help="also check that NAME may sign")
    p_ready.add_argument("--today", type=iso_date, default=None, metavar="YYYY-MM-DD", help=argparse.SUPPRESS)

    p_sig = sub.add_parser("signatory", parents=[common], help="set up who may sign (for IT setting up an office)")
    sig_sub = p_sig.add_subparsers(dest="signatory_command", metavar="ACTION", required=True)
    p_add = sig_sub.add_parser("add", parents=[common], help="add a signatory with their signature image")
    p_add.add_argument("name", metavar="NAME")
    p_add.add_argument("--title", metavar="TITLE", default="")
    p_add.add_argument("--signature", metavar="IMAGE.png", type=Path, required=True)
    p_add.add_argument("--passphrase-stdin", action="store_true", required=True,
                       help="read the signatory's passphrase from standard input")
    p_add.add_argument("--authorised", action="store_true",
                       help="may sign on the commissioner's behalf (someone other than the commissioner)")
    sig_sub.add_parser("list", parents=[common], help="list the signatories")

    p_issue = sub.add_parser("issue", parents=[common], help="sign, issue and archive a letter (same checks as the window)")
    p_issue.add_argument("reference", metavar="REF", help="the inspection's HMICFRS reference or exact title")
    p_issue.add_argument("--kind", choices=DOCUMENT_KINDS, default=HOME_SECRETARY)
    p_issue.add_argument("--signatory", metavar="NAME", required=True)
    p_issue.add_argument("--passphrase-stdin", action="store_true", required=True,
                         help="read the signatory's passphrase from standard input")
    p_issue.add_argument("--date", type=iso_date, default=None, metavar="YYYY-MM-DD",
                         help="the document's date (default: today)")
    p_issue.add_argument("--out", metavar="FILE.pdf", type=Path, default=None, help="also save the issued PDF")
    p_issue.add_argument("--anyway", metavar="REASON", default="",
                         help="sign despite the warnings; the reason is recorded in the audit trail")
    p_issue.add_argument("--mark-published", action="store_true",
                         help="published response: also record today as the date it was published")


def _office(args: argparse.Namespace):
    from .cli import _open
    from .services.office import Office

    return Office(_open(args, create=False), Path(args.db or ""))


def _passphrase() -> str:
    line = sys.stdin.readline()
    passphrase = line.removesuffix("\n")
    if not passphrase:
        raise UserFacingError("No passphrase was given on standard input.")
    return passphrase.removesuffix("\r")


def _print_items(title: str, items: tuple[str, ...], out: TextIO) -> None:
    if items:
        print(title, file=out)
        for item in items:
            print(f"  - {item}", file=out)


def cmd_readiness(args: argparse.Namespace, out: TextIO) -> int:
    office = _office(args)
    inspection = office.inspections.find(args.reference)
    signatory_id = office.signatories.find(args.signatory).id if args.signatory else None
    today = args.today or date.today()
    readiness = office.letter_desk.readiness(inspection.id, args.kind, args.date or today, today=today,
                                             signatory_id=signatory_id)
    if args.json:
        print(json.dumps(readiness.as_json(), ensure_ascii=False, indent=2), file=out)
    else:
        print("Ready to sign." if readiness.ready else "Not ready to sign.", file=out)
        _print_items("Blocking:", readiness.blocking, out)
        _print_items("Warnings (sign anyway only with a reason):", readiness.warnings, out)
    return 0 if readiness.ready else 1


def cmd_signatory(args: argparse.Namespace, out: TextIO) -> int:
    office = _office(args)
    if args.signatory_command == "list":
        for signatory in office.signatories.list():
            authority = "\tauthorised to sign for the commissioner" if signatory.authorised_for_commissioner else ""
            print(f"{signatory.name}\t{signatory.title}{authority}", file=out)
        return 0
    try:
        image = args.signature.read_bytes()
    except OSError as exc:
        raise UserFacingError(f"Cannot read {args.signature}: {exc.strerror or exc}") from exc
    passphrase = _passphrase()
    office.signatories.add(args.name, args.title, image, passphrase, passphrase, args.authorised)
    print(f"Signatory added: {office.signatories.find(args.name).name}.", file=out)
    return 0


def cmd_issue(args: argparse.Namespace, out: TextIO) -> int:
    from .letters.documents import render_pdf
    from .services.letter_desk import NeedsReasonError, NotReadyError

    office = _office(args)
    inspection = office.inspections.find(args.reference)
    signatory = office.signatories.find(args.signatory)
    now = datetime.now().replace(microsecond=0)
    desk = office.letter_desk
    passphrase = _passphrase()
    try:
        approval = desk.approve(inspection.id, args.kind, args.date or now.date(), None, signatory.id, passphrase,
                                today=now.date(), anyway_reason=args.anyway)
    except (NotReadyError, NeedsReasonError) as refused:
        if isinstance(refused, NeedsReasonError):
            raise UserFacingError(f"{refused}\nGive --anyway REASON to sign anyway.") from None
        raise
    pdf = render_pdf(approval.document)
    if args.out is not None:  # written before archiving: an unwritable file leaves nothing issued
        try:
            args.out.write_bytes(pdf.data)
        except OSError as exc:
            raise UserFacingError(f"Cannot write {args.out}: {exc.strerror or exc}; nothing was issued.") from exc
    record, _ = desk.archive(approval, pdf, now, mark_published=args.mark_published)
    saved = f", saved as {args.out}" if args.out is not None else ""
    print(f"Issued version {record.version} signed by {record.approver_name}{saved}. SHA-256 {record.sha256}.",
          file=out)
    return 0


SIGNING_HANDLERS = {"readiness": cmd_readiness, "signatory": cmd_signatory, "issue": cmd_issue}
