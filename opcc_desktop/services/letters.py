"""Gather an inspection and the office settings into a letter, and render it to PDF (no Qt).

Reads go through plain storage functions on whatever connection is given (a plain sqlite3 one is
enough): the `letter` command builds its letter without sqlite-utils or the signing code, which keeps
the whole command close to a bare ReportLab script (see bench/letter_command.py). `LetterDesk.document`
uses the same function, so the window's preview and the command print the same letter.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.letter_records import HOME_SECRETARY
from ..errors import NotFoundError
from ..letters.compose import compose_home_secretary_letter
from ..letters.letter_data import LetterData
from ..storage import inspections as repo
from ..storage.letter_archive import read_draft
from ..storage.office_mark import is_demonstration
from ..storage.settings import read_settings
from ..storage.signatories import read_image

if TYPE_CHECKING:
    from sqlite_utils import Database

    from ..storage.database import Connection

LOGO = "logo"


def find_inspection_id(db: Database | Connection, reference_or_title: str) -> int:
    """As `InspectionService.find`: the HMICFRS reference, or failing that exactly the title."""
    found = repo.find_inspection_id(db, reference_or_title.strip().lstrip("#"))  # type: ignore[arg-type]
    if found is None:
        by_title = repo.find_inspection_ids_by_title(db, reference_or_title.strip())  # type: ignore[arg-type]
        if len(by_title) == 1:
            found = by_title[0]
    if found is None:
        raise NotFoundError(f"No inspection has the HMICFRS reference {reference_or_title!r}.")
    return found


def home_secretary_letter(db: Database | Connection, inspection_id: int, letter_date: date,
                          body: str | None = None) -> LetterData:
    """The (unsigned) letter as the letter editor shows it: `body`, else the saved draft, else the default."""
    inspection = repo.get_inspection(db, inspection_id)  # type: ignore[arg-type]
    if inspection is None:
        raise NotFoundError(f"Inspection {inspection_id} no longer exists.")
    text = body if body is not None else read_draft(db, inspection_id, HOME_SECRETARY)  # type: ignore[arg-type]
    letter = compose_home_secretary_letter(inspection, read_settings(db), letter_date, text)  # type: ignore[arg-type]
    conn = getattr(db, "conn", db)
    return replace(letter, logo_png=read_image(db, LOGO),  # type: ignore[arg-type]
                   demonstration=is_demonstration(conn))


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
