from datetime import date

from opcc_desktop.domain.board_rules import (
    carry_forward_item,
    format_action_number,
    item_numbers,
    move_item,
    next_action_number,
    open_actions_to_carry,
    validate_item,
    validate_meeting,
    with_carry_forward,
)
from opcc_desktop.domain.boards import PROGRESS_ITEM_TITLE, Action, AgendaItem, Meeting


def _items(*titles):
    return tuple(AgendaItem(title=t) for t in titles)


def test_move_item_reorders_and_renumbers_positions():
    moved = move_item(_items("A", "B", "C"), 2, -1)
    assert [i.title for i in moved] == ["A", "C", "B"]
    assert [i.position for i in moved] == [0, 1, 2]


def test_moves_past_either_end_change_nothing():
    items = _items("A", "B")
    assert [i.title for i in move_item(items, 0, -1)] == ["A", "B"]
    assert [i.title for i in move_item(items, 1, +1)] == ["A", "B"]
    assert [i.title for i in move_item(items, 5, -1)] == ["A", "B"]


def test_item_numbers_start_at_the_meetings_first_number():
    meeting = Meeting(board_id=1, held_on=date(2005, 7, 27), first_item_number=7, items=_items("Collaboration", "AOB"))
    assert item_numbers(meeting) == [7, 8]


def test_action_numbers_continue_from_the_highest_used():
    assert next_action_number([]) == 1
    assert next_action_number([1, 2, 5]) == 6
    assert format_action_number(2) == "002"


def test_only_open_actions_born_on_or_before_the_meeting_date_carry():
    actions = [
        Action(board_id=1, description=d, number=n, status=s, id=n)
        for n, d, s in [
            (1, "old open", "open"),
            (2, "old done", "complete"),
            (3, "same day", "open"),
            (4, "from a finding", "open"),
            (5, "later meeting", "open"),
        ]
    ]
    sources = {1: date(2005, 7, 27), 2: date(2005, 7, 27), 3: date(2005, 9, 28), 4: None, 5: date(2005, 12, 1)}
    carried = open_actions_to_carry(actions, sources, date(2005, 9, 28))
    assert [a.description for a in carried] == ["old open", "same day", "from a finding"]


def test_carry_forward_item_links_actions_and_goes_first_once():
    assert carry_forward_item([]) is None
    meeting = Meeting(board_id=1, held_on=date(2005, 9, 28), items=_items("Minutes"))
    carried = with_carry_forward(meeting, [11, 12])
    assert [i.title for i in carried.items] == [PROGRESS_ITEM_TITLE, "Minutes"]
    assert carried.items[0].carried_action_ids == (11, 12)
    assert with_carry_forward(carried, [13]) == carried


def test_exempt_items_need_a_ground_and_errors_name_the_item_number():
    item = AgendaItem(title="Surveillance", exempt=True)
    assert [e.field for e in validate_item(item)] == ["exempt_ground"]
    meeting = Meeting(board_id=1, held_on=date(2005, 7, 27), first_item_number=7, items=(item,))
    assert [e.field for e in validate_meeting(meeting)] == ["items[7].exempt_ground"]
    assert validate_item(AgendaItem(title="x", purpose="for fun"))[0].field == "purpose"
