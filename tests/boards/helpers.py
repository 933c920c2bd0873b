"""Shared builders for board tests: an office with one inspection and a board."""

from __future__ import annotations

from datetime import date

from opcc_desktop.domain.boards import AgendaItem, Board, Meeting
from opcc_desktop.domain.models import Finding, Inspection
from opcc_desktop.services.office import Office

COMMITTEE = "Cumbria Police Authority Audit and Performance Committee"


def office_with_inspection(db_path) -> tuple[Office, int, list[int]]:
    office = Office.open(db_path)
    inspection_id, _ = office.inspections.save(
        Inspection(
            reference="HY-2020",
            title="The Hard Yards – Police-to-Police Collaboration",
            type="PEEL spotlight",
            published=date(2020, 7, 2),
            findings=(
                Finding(kind="recommendation", reference="1", text="Central repository"),
                Finding(kind="recommendation", reference="2", text="Benefits methodology"),
            ),
        )
    )
    finding_ids = [f.id for f in office.inspections.get(inspection_id).findings]
    return office, inspection_id, finding_ids


def add_board(office: Office, name: str = COMMITTEE) -> int:
    board_id, _ = office.boards.save_board(Board(name=name, kind="Police authority committee"))
    return board_id


def meeting(board_id: int, held_on: date, *titles: str, **fields) -> Meeting:
    return Meeting(board_id=board_id, held_on=held_on, items=tuple(AgendaItem(title=t) for t in titles), **fields)
