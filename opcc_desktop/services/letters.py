"""Gather an inspection and the office settings into a letter, and render it to PDF (no Qt)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlite_utils import Database

from ..letters.compose import compose_home_secretary_letter
from ..letters.letter_data import LetterData
from ..letters.render import render_letter
from ..storage.settings import read_settings
from .inspections import InspectionService


def home_secretary_letter(db: Database, inspection_id: int, letter_date: date) -> LetterData:
    inspection = InspectionService(db).get(inspection_id)
    return compose_home_secretary_letter(inspection, read_settings(db), letter_date)


def write_letter_pdf(data: LetterData, out: Path) -> int:
    """Render to a temporary file beside `out`, then move it into place; returns the page count."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    try:
        pages = render_letter(data, tmp)
        tmp.replace(out)
    finally:
        if tmp.exists():
            tmp.unlink()
    return pages
