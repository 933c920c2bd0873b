from datetime import date

from opcc_desktop.domain.boards import PROGRESS_ITEM_TITLE
from opcc_desktop.services.office import Office

TODAY = date(2026, 11, 22)


def test_demo_has_the_2005_committee_item_with_its_scoping_actions(db_path):
    office = Office.open(db_path)
    office.load_demo(TODAY)
    committee = office.boards.find_board("Cumbria Police Authority Audit and Performance Committee")
    [summary] = office.boards.meetings(committee.id)
    meeting = office.boards.get_meeting(summary.id)
    assert meeting.held_on == date(2005, 7, 27) and meeting.item_number(0) == 7
    item = meeting.items[0]
    assert item.title == "Collaboration project with Lancashire Constabulary"
    assert item.presenter.startswith("A report by the Chief Constable") and item.purpose == "for decision"
    assert "a. Assess the scope for collaborative working with Lancashire Constabulary" in item.notes
    actions = office.boards.meeting_actions(meeting.id)
    assert [(a.number, a.owner) for a in actions] == [
        (1, "C: Chief Supt John Taylor; L: Supt D Copely"),
        (2, "C: Nathan Parry; L: S Fillingham"),
        (3, "C: Supt Jon Rush; L: DI J Middleham"),
    ]
    assert all(a.is_open and a.item_id == item.id for a in actions)


def test_demo_shows_carry_forward_closure_approval_and_where_discussed(db_path):
    office = Office.open(db_path)
    office.load_demo(TODAY)
    conference = office.boards.find_board("Public Accountability Conference")
    later = office.boards.get_meeting(office.boards.meetings(conference.id)[0].id)
    assert later.items[0].title == PROGRESS_ITEM_TITLE and len(later.items[0].carried_action_ids) == 1
    soc = office.inspections.find("29536")
    assert [d.item_number for d in office.boards.where_discussed(inspection_id=soc.id)] == [2, 2]
    custody = office.inspections.find("DEMO-003")
    [entry] = office.boards.closure_approvals_for_finding(custody.findings[0].id)
    assert entry.board_name == "Joint Audit and Scrutiny Panel" and entry.approved_on == date(2026, 11, 12)
    assert len(office.boards.boards()) == 5
