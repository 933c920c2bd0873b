"""Gather a meeting, its board, its action log and the office settings into an agenda or minutes PDF."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from sqlite_utils import Database

from ..letters.board_paper_compose import compose_board_paper
from ..letters.board_paper_data import BoardPaperData
from ..storage.settings import read_settings

PAPER_KINDS = ("agenda", "minutes")


def board_paper(db: Database, meeting_id: int, kind: str) -> BoardPaperData:
    from .boards import BoardService  # the service module imports this one for its delegating methods

    if kind not in PAPER_KINDS:
        raise ValueError(f"kind must be one of {PAPER_KINDS}")
    service = BoardService(db)
    meeting = service.get_meeting(meeting_id)
    board = service.get_board(meeting.board_id)
    from .signatories import SignatoryService

    paper = compose_board_paper(kind, board, meeting, service.meeting_actions(meeting_id), read_settings(db))
    from ..storage.office_mark import is_demonstration

    return replace(paper, logo_png=SignatoryService(db).logo(), demonstration=is_demonstration(db.conn))


def write_board_paper(data: BoardPaperData, out: Path) -> int:
    """Render beside `out`, then move into place; returns the page count."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    try:
        from ..letters.board_paper_render import render_board_paper  # lazily: ReportLab is slow to import

        pages = render_board_paper(data, tmp)
        tmp.replace(out)
    finally:
        if tmp.exists():
            tmp.unlink()
    return pages
