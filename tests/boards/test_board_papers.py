import re
from datetime import date

from pypdf import PdfReader

from opcc_desktop.domain.boards import Action, AgendaItem, Attendee, Meeting
from opcc_desktop.services.office import Office

from .helpers import add_board


def _text(path):
    reader = PdfReader(str(path))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return len(reader.pages), re.sub(r"[ \u00a0]+", " ", text)


def _office(db_path, items=None):
    office = Office.open(db_path)
    board_id = add_board(office, "Panel <b>& =SUM(1)")
    items = items or (
        AgendaItem(
            title="Collaboration <i>project</i> & more",
            presenter="A report by the Chief Constable",
            purpose="for decision",
            notes="Cymraeg: Comisiynydd Heddlu",
            resolution="RESOLVED – approved",
        ),
    )
    meeting_id, _ = office.boards.create_meeting(
        Meeting(
            board_id=board_id,
            held_on=date(2005, 7, 27),
            first_item_number=7,
            status="minutes approved",
            attendees=(Attendee("Chair"), Attendee("Member B", present=False)),
            items=items,
        )
    )
    item_id = office.boards.get_meeting(meeting_id).items[0].id
    office.boards.save_action(
        Action(
            board_id=board_id,
            description="Scope firearms training",
            owner="C: Chief Supt John Taylor",
            due=date(2005, 10, 1),
            item_id=item_id,
        )
    )
    return office, meeting_id


def test_minutes_print_items_literally_with_the_action_log(db_path, tmp_path):
    office, meeting_id = _office(db_path)
    pages, text = (office.boards.write_paper(meeting_id, "minutes", tmp_path / "m.pdf"), _text(tmp_path / "m.pdf")[1])
    assert pages == 1
    for expected in (
        "Panel <b>& =SUM(1)",
        "Minutes",
        "Wednesday 27 July 2005",
        "7. Collaboration <i>project</i> & more",
        "RESOLVED – approved",
        "Action log",
        "001",
        "C: Chief Supt John",
        "01/10/2005",
        "Absent: Member B",
        "Page 1 of 1",
        "Cymraeg: Comisiynydd Heddlu",
    ):
        assert expected in text, expected


def test_agenda_lists_items_without_minutes_and_long_agendas_run_on(db_path, tmp_path):
    items = tuple(
        AgendaItem(
            title=f"Item title {n}",
            presenter="Report of the Treasurer",
            notes="Secret notes",
            papers=(f"Paper {n}, pages 1–20",),
        )
        for n in range(40)
    )
    office, meeting_id = _office(db_path, items)
    pages = office.boards.write_paper(meeting_id, "agenda", tmp_path / "a.pdf")
    count, text = _text(tmp_path / "a.pdf")
    assert pages == count > 1 and f"Page {count} of {count}" in text
    assert "46. Item title 39" in text and "Secret notes" not in text and "Action log" not in text
