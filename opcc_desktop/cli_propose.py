"""`propose FILE.pdf|FILE.txt|- [--json]`: what a report would become (inspection and findings); writes nothing."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TextIO

from .errors import UserFacingError

PROPOSE_COMMANDS = ("propose",)


def add_propose_parser(sub, common) -> None:
    p = sub.add_parser("propose", parents=[common],
                       help="show the inspection and findings a report PDF or text would become (writes nothing)")
    p.add_argument("file", metavar="FILE.pdf|FILE.txt|-", help="a report PDF, a text file, or - for standard input")
    p.add_argument("--json", action="store_true", help="print JSON: inspection, findings, warnings")


def propose_command(args: argparse.Namespace, out: TextIO) -> int:
    from .services.report_intake import (
        proposal_json,
        proposal_lines,
        propose_from_pdf,
        propose_from_text,
        read_text_file,
    )

    if args.file == "-":
        data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode("utf-8")
        proposal = _propose_bytes(data)
    else:
        path = Path(args.file)
        if not path.is_file():
            raise UserFacingError(f"{path} is not a file")
        with path.open("rb") as handle:
            is_pdf = handle.read(1024).lstrip().startswith(b"%PDF")
        proposal = propose_from_pdf(path) if is_pdf or path.suffix.lower() == ".pdf" \
            else propose_from_text(read_text_file(path))
    if args.json:
        print(json.dumps(proposal_json(proposal), ensure_ascii=False, indent=2), file=out)
    else:
        print("\n".join(proposal_lines(proposal)), file=out)
    return 0


def _propose_bytes(data: bytes):
    """Standard input: a PDF's bytes, or text (UTF-8, else Windows-1252)."""
    import tempfile

    from .services.report_intake import decode_text, propose_from_pdf, propose_from_text

    if data.lstrip()[:5] == b"%PDF-":
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "standard-input.pdf"
            path.write_bytes(data)
            return propose_from_pdf(path)
    return propose_from_text(decode_text(data))


PROPOSE_HANDLERS = {"propose": propose_command}
