from dataclasses import replace
from datetime import date

import pytest

from opcc_desktop.domain.boards import PROGRESS_ITEM_TITLE, Action, AgendaItem, Board, ClosureApproval, ItemLink
from opcc_desktop.errors import ValidationError
from opcc_desktop.services.office import Office

from .helpers import add_board, meeting, office_with_inspection


def test_boards_are_unique_by_name_and_editable(db_path):
    office = Office.open(db_path)
    board_id = add_board(office, "Joint Audit and Scrutiny Panel")
    with pytest.raises(ValidationError, match="already a board"):
        office.boards.save_board(Board(name="joint audit and scrutiny panel"))
    _, changes = office.boards.save_board(replace(office.boards.get_board(board_id), members=("Chair", "Member")))
    assert changes.boards
    assert office.boards.boards()[0].members == ("Chair", "Member")


def test_meeting_round_trips_with_ordered_items(db_path):
    office = Office.open(db_path)
    board_id = add_board(office)
    meeting_id, _ = office.boards.create_meeting(
        meeting(board_id, date(2005, 7, 27), "A", "B", "C", first_item_number=7, venue="Carleton Hall")
    )
    loaded = office.boards.get_meeting(meeting_id)
    assert [(i.title, i.position) for i in loaded.items] == [("A", 0), ("B", 1), ("C", 2)]
    reordered = replace(loaded, items=(loaded.items[2], loaded.items[0], loaded.items[1]))
    office.boards.save_meeting(reordered)
    again = office.boards.get_meeting(meeting_id)
    assert [i.title for i in again.items] == ["C", "A", "B"]
    assert [i.id for i in again.items] == [loaded.items[2].id, loaded.items[0].id, loaded.items[1].id]
    assert again.item_number(0) == 7 and again.venue == "Carleton Hall"


def _first_meeting_with_actions(office, board_id):
    meeting_id, _ = office.boards.create_meeting(meeting(board_id, date(2005, 7, 27), "Collaboration"))
    item_id = office.boards.get_meeting(meeting_id).items[0].id
    ids = []
    for text in ("Firearms training", "IT/IM", "Surveillance"):
        action_id, _ = office.boards.save_action(Action(board_id=board_id, description=text, item_id=item_id))
        ids.append(action_id)
    return meeting_id, item_id, ids


def test_actions_are_numbered_per_board(db_path):
    office = Office.open(db_path)
    board_id = add_board(office)
    other = add_board(office, "Other board")
    _, _, ids = _first_meeting_with_actions(office, board_id)
    assert [office.boards.get_action(i).number for i in ids] == [1, 2, 3]
    other_id, _ = office.boards.save_action(Action(board_id=other, description="x"))
    assert office.boards.get_action(other_id).number == 1
    with pytest.raises(ValidationError, match="already on this board"):
        office.boards.save_action(Action(board_id=board_id, description="dup", number=2))


def test_next_meeting_carries_open_actions_forward_as_links(db_path):
    office = Office.open(db_path)
    board_id = add_board(office)
    first_id, _, ids = _first_meeting_with_actions(office, board_id)
    office.boards.add_action_update(ids[1], date(2005, 9, 1), "Feasibility done", status="complete")
    second_id, _ = office.boards.create_meeting(meeting(board_id, date(2005, 9, 28), "Minutes"))
    second = office.boards.get_meeting(second_id)
    assert [i.title for i in second.items] == [PROGRESS_ITEM_TITLE, "Minutes"]
    assert second.items[0].carried_action_ids == (ids[0], ids[2])
    # linked, not copied: an update made later shows at the second meeting too
    office.boards.add_action_update(ids[0], date(2005, 9, 20), "Trainers met")
    log = office.boards.meeting_actions(second_id)
    assert [a.number for a in log] == [1, 3]
    assert log[0].latest_update == "Trainers met"
    assert log[0].source == "27/07/2005 item 1"
    assert len(office.boards.actions(board_id)) == 3
    assert [a.number for a in office.boards.meeting_actions(first_id)] == [1, 2, 3]


def test_a_meeting_without_open_actions_gets_no_progress_item(db_path):
    office = Office.open(db_path)
    board_id = add_board(office)
    meeting_id, _ = office.boards.create_meeting(meeting(board_id, date(2005, 9, 28), "Minutes"))
    assert [i.title for i in office.boards.get_meeting(meeting_id).items] == ["Minutes"]


def test_closure_approval_is_dated_and_shows_the_meeting_and_item(db_path):
    office, _inspection_id, finding_ids = office_with_inspection(db_path)
    board_id = add_board(office, "Joint Audit and Scrutiny Panel")
    meeting_id, _ = office.boards.create_meeting(meeting(board_id, date(2021, 3, 4), "Minutes", "HMICFRS update"))
    item = office.boards.get_meeting(meeting_id).items[1]
    office.boards.approve_closure(
        ClosureApproval(
            finding_id=finding_ids[1],
            meeting_id=meeting_id,
            item_id=item.id,
            approved_on=date(2021, 3, 4),
            note="Evidence seen",
        )
    )
    entries = office.boards.closure_approvals_for_finding(finding_ids[1])
    assert [(e.approved_on, e.board_name, e.item_number, e.note) for e in entries] == [
        (date(2021, 3, 4), "Joint Audit and Scrutiny Panel", 2, "Evidence seen")
    ]
    assert "HMICFRS update" in entries[0].text
    assert office.boards.closure_approvals_for_finding(finding_ids[0]) == []
    with pytest.raises(ValidationError):
        office.boards.approve_closure(
            ClosureApproval(finding_id=999, meeting_id=meeting_id, approved_on=date(2021, 3, 4))
        )


def test_where_discussed_lists_every_meeting_and_item(db_path):
    office, inspection_id, finding_ids = office_with_inspection(db_path)
    board_id = add_board(office)
    for held_on, link in (
        (date(2021, 1, 5), ItemLink(inspection_id)),
        (date(2021, 3, 4), ItemLink(inspection_id, finding_ids[0])),
    ):
        office.boards.create_meeting(
            replace(
                meeting(board_id, held_on),
                items=(AgendaItem(title="Apologies"), AgendaItem(title="HMICFRS", links=(link,), resolution="Noted")),
            )
        )
    found = office.boards.where_discussed(inspection_id=inspection_id)
    assert [(d.meeting_date, d.item_number, d.finding_label) for d in found] == [
        (date(2021, 1, 5), 2, ""),
        (date(2021, 3, 4), 2, "1"),
    ]
    assert [d.meeting_date for d in office.boards.where_discussed(finding_id=finding_ids[0])] == [date(2021, 3, 4)]
    assert office.boards.where_discussed(finding_id=finding_ids[1]) == []
    loaded = office.boards.get_meeting(found[0].meeting_id)
    assert loaded.items[1].links[0].label.startswith("#HY-2020 The Hard Yards")


def test_a_bad_link_writes_nothing(db_path):
    office, inspection_id, _finding_ids = office_with_inspection(db_path)
    board_id = add_board(office)
    bad = replace(
        meeting(board_id, date(2021, 1, 5)), items=(AgendaItem(title="x", links=(ItemLink(inspection_id + 5),)),)
    )
    with pytest.raises(ValidationError, match="no longer exists"):
        office.boards.create_meeting(bad)
    assert office.boards.meetings(board_id) == []


def test_deleting_an_inspection_removes_its_links(db_path):
    office, inspection_id, _ = office_with_inspection(db_path)
    board_id = add_board(office)
    meeting_id, _ = office.boards.create_meeting(
        replace(meeting(board_id, date(2021, 1, 5)), items=(AgendaItem(title="x", links=(ItemLink(inspection_id),)),))
    )
    office.inspections.delete(inspection_id)
    assert office.boards.get_meeting(meeting_id).items[0].links == ()
