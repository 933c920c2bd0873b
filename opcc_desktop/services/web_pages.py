"""Web pages (accessible HTML) of the published response, the agenda and the minutes, and writing them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..domain.letter_records import PUBLISHED_RESPONSE
from ..letters.letter_data import ResponseSheetData
from ..storage.settings import read_settings
from .boards import BoardService
from .letter_desk import LetterDesk


def published_response_page(desk: LetterDesk, inspection_id: int, response_date: date,
                            body: str | None = None) -> str:
    """The published response as a web page; `body` None means the saved draft (as for the PDF)."""
    from ..letters.web_response import response_web_page

    sheet = desk.document(inspection_id, PUBLISHED_RESPONSE, response_date, body)
    assert isinstance(sheet, ResponseSheetData)
    return response_web_page(sheet, read_settings(desk.db))


def published_response_fragment(desk: LetterDesk, inspection_id: int, response_date: date,
                                body: str | None = None) -> str:
    """The published response's content as HTML to paste into a website's editor (no page, no logo)."""
    from ..letters.response_html import response_html_fragment

    sheet = desk.document(inspection_id, PUBLISHED_RESPONSE, response_date, body)
    assert isinstance(sheet, ResponseSheetData)
    return response_html_fragment(sheet.paired, sheet.demonstration)


def board_paper_page(boards: BoardService, meeting_id: int, kind: str) -> str:
    """The agenda or minutes as a web page (the same words as the PDF)."""
    from ..letters.board_paper_html import render_board_paper_html
    from ..letters.compose import setting_reader

    paper = boards.paper(meeting_id, kind)
    alt = setting_reader(read_settings(boards.db))("logo_alt_text")
    return render_board_paper_html(paper, logo_alt=alt)


def write_web_page(html: str, out: Path) -> None:
    """Write beside `out`, then move into place: a failed write never leaves half a page."""
    tmp = out.with_name(out.name + ".part")
    try:
        tmp.write_text(html, encoding="utf-8", newline="\n")
        tmp.replace(out)
    finally:
        if tmp.exists():
            tmp.unlink()
