"""Board → Save agenda / minutes as PDF for the open meeting, named like the office files them
("Joint Audit Committee agenda 2024-02-20.pdf")."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ...domain.boards import Meeting
from ...domain.file_names import document_file_name
from ...services.office import Office
from ..common.operations import run_op
from ..common.pdf_output import ask_pdf_path


def save_paper_pdf(parent: QWidget, office: Office, meeting: Meeting, kind: str) -> None:
    """Ask where (Documents, then the last folder used), then write the agenda or minutes there."""
    board = office.boards.get_board(meeting.board_id).name
    name = document_file_name(board, kind, meeting.held_on, ".pdf")
    path = ask_pdf_path(parent, name, "Save agenda as PDF" if kind == "agenda" else "Save minutes as PDF")
    if path is None or meeting.id is None:
        return
    meeting_id = meeting.id
    run_op(parent, "Cannot write the PDF", lambda: office.boards.write_paper(meeting_id, kind, path), disk=True)
