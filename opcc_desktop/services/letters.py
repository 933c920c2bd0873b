"""Gather an inspection and the office settings into a letter, and render it to PDF (no Qt)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlite_utils import Database

from ..domain.letter_records import HOME_SECRETARY
from ..letters.letter_data import LetterData
from .letter_desk import LetterDesk


def home_secretary_letter(db: Database, inspection_id: int, letter_date: date) -> LetterData:
    """The (unsigned) letter as the letter editor shows it: the saved draft body, if any, and the logo."""
    document = LetterDesk(db).document(inspection_id, HOME_SECRETARY, letter_date)
    if not isinstance(document, LetterData):
        raise TypeError(f"a letter to the Home Secretary, not {type(document).__name__}")
    return document


def write_letter_pdf(data: LetterData, out: Path) -> int:
    """Render to a temporary file beside `out`, then move it into place; returns the page count."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    try:
        from ..letters.render import render_letter  # lazily: ReportLab costs ~100 ms of start-up

        pages = render_letter(data, tmp)
        tmp.replace(out)
    finally:
        if tmp.exists():
            tmp.unlink()
    return pages
