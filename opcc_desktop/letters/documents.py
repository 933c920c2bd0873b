"""One entry point for every kind of document: render to PDF bytes, whichever kind it is."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass

from opcc_desktop.letters.letter_data import LetterData, ResponseSheetData

Document = LetterData | ResponseSheetData


@dataclass(frozen=True)
class RenderedPdf:
    data: bytes
    pages: int

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def render_pdf(document: Document, *, invariant: bool = False) -> RenderedPdf:
    """Pure (no Qt, no database): safe on a worker thread."""
    from opcc_desktop.letters.render import render_letter  # imported when first needed: ReportLab costs ~100 ms of start-up
    from opcc_desktop.letters.render_response import render_response

    buffer = io.BytesIO()
    if isinstance(document, ResponseSheetData):
        pages = render_response(document, buffer, invariant=invariant)
    else:
        pages = render_letter(document, buffer, invariant=invariant)
    return RenderedPdf(buffer.getvalue(), pages)
