"""Command-line letters: `document` (any kind, PDF or Word) and `issued` (the archive: list, save, verify)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TextIO

from .domain.letter_records import DOCUMENT_KINDS, HOME_SECRETARY
from .errors import UserFacingError

LETTER_COMMANDS = ("document", "issued")


def add_letter_parsers(sub, common: argparse.ArgumentParser, iso_date) -> None:
    p_doc = sub.add_parser("document", parents=[common],
                           help="write a letter, published response or HMICFRS copy (DRAFT) as PDF or Word; "
                                "the published response also as a web page (.html)")
    p_doc.add_argument("reference", metavar="REF", help="the inspection's HMICFRS reference or exact title")
    p_doc.add_argument("--kind", choices=DOCUMENT_KINDS, default=HOME_SECRETARY)
    p_doc.add_argument("--out", metavar="FILE.pdf|FILE.docx|FILE.html", type=Path, required=True)
    p_doc.add_argument("--date", type=iso_date, default=None, metavar="YYYY-MM-DD",
                       help="date printed on the letter (default: today)")
    p_issued = sub.add_parser("issued", parents=[common], help="list the issued (archived) letters of an inspection")
    p_issued.add_argument("reference", metavar="REF", help="the inspection's HMICFRS reference or exact title")
    p_issued.add_argument("--save", metavar="ID", type=int, default=None, help="write archived letter ID to --out")
    p_issued.add_argument("--out", metavar="FILE.pdf", type=Path, default=None)
    p_issued.add_argument("--verify", action="store_true",
                          help="check every archived letter's hashes and the whole archive's chain")


def _office(args: argparse.Namespace):
    from .cli import _open
    from .services.office import Office

    db = _open(args, create=False)
    return Office(db, Path(args.db or ""))


def cmd_document(args: argparse.Namespace, out: TextIO) -> int:
    from .letters.docx_export import export_docx
    from .letters.documents import render_pdf

    office = _office(args)
    inspection = office.inspections.find(args.reference)
    if args.out.suffix.lower() in {".html", ".htm"}:
        return _web_page(office, inspection.id, args, out)
    document = office.letter_desk.document(inspection.id, args.kind, args.date or date.today())
    try:
        if args.out.suffix.lower() == ".docx":
            export_docx(document, args.out)
            print(f"Wrote {args.out} (Word).", file=out)
        else:
            pdf = render_pdf(document)
            args.out.write_bytes(pdf.data)
            print(f"Wrote {args.out} ({pdf.pages} page{'s' if pdf.pages != 1 else ''}, DRAFT).", file=out)
    except OSError as exc:
        raise UserFacingError(f"Cannot write {args.out}: {exc.strerror or exc}") from exc
    return 0


def _web_page(office, inspection_id: int, args: argparse.Namespace, out: TextIO) -> int:
    from .domain.letter_records import PUBLISHED_RESPONSE
    from .services.web_pages import published_response_page, write_web_page

    if args.kind != PUBLISHED_RESPONSE:
        raise UserFacingError("Only the published response is made as a web page: use --kind published_response "
                              "with an .html file, or .pdf or .docx for this kind.")
    page = published_response_page(office.letter_desk, inspection_id, args.date or date.today())
    try:
        write_web_page(page, args.out)
    except OSError as exc:
        raise UserFacingError(f"Cannot write {args.out}: {exc.strerror or exc}") from exc
    print(f"Wrote {args.out} (web page).", file=out)
    return 0


def cmd_issued(args: argparse.Namespace, out: TextIO) -> int:
    office = _office(args)
    inspection = office.inspections.find(args.reference)
    desk = office.letter_desk
    if args.save is not None:
        if args.out is None:
            raise UserFacingError("--save needs --out FILE.pdf")
        record, pdf = desk.archived_pdf(args.save)
        if record.inspection_id != inspection.id:
            raise UserFacingError(f"Archived letter {args.save} does not belong to {args.reference}.")
        try:
            args.out.write_bytes(pdf)
        except OSError as exc:
            raise UserFacingError(f"Cannot write {args.out}: {exc.strerror or exc}") from exc
        print(f"Wrote {args.out} (version {record.version}, SHA-256 {record.sha256}).", file=out)
        return 0
    bad = 0
    for record in desk.archived(inspection.id):
        state = ""
        if args.verify:
            ok = desk.verify(record.id)
            bad += not ok
            state = "\tintact" if ok else "\tHASH MISMATCH"
        print(f"{record.id}\t{record.kind}\tv{record.version}\t{record.issued_at.isoformat(sep=' ')}\t"
              f"{record.approver_name}\t{record.sha256}{state}", file=out)
    if args.verify:  # the whole archive's chain: a change anywhere shows here
        problems = desk.chain_problems()
        print("Archive chain: intact." if not problems else "Archive chain: PROBLEMS FOUND", file=out)
        for problem in problems:
            print(f"  - {problem}", file=out)
        bad += len(problems)
    return 1 if bad else 0


LETTER_HANDLERS = {"document": cmd_document, "issued": cmd_issued}
