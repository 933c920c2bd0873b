import copy
import json
from datetime import date

import pytest

from opcc_desktop.domain.boards import Action, AgendaItem, ClosureApproval, ItemLink, Meeting
from opcc_desktop.errors import InterchangeError
from opcc_desktop.services.interchange import export_document, import_document
from opcc_desktop.services.office import Office

from .helpers import add_board, office_with_inspection


def _rich_office(db_path):
    office, inspection_id, finding_ids = office_with_inspection(db_path)
    board_id = add_board(office, "Joint Audit and Scrutiny Panel <b>&")
    first_id, _ = office.boards.create_meeting(
        Meeting(
            board_id=board_id,
            held_on=date(2021, 1, 5),
            start_time="10:00",
            venue="Arnot Hill House",
            virtual=True,
            status="minutes approved",
            first_item_number=3,
            attendees=(),
            apologies=("Cllr Jones",),
            declarations=("None",),
            items=(
                AgendaItem(
                    title="Audit and Inspection",
                    presenter="A report by the Chief Constable",
                    purpose="for decision",
                    papers=("Report, pages 4–9",),
                    links=(ItemLink(inspection_id), ItemLink(inspection_id, finding_ids[1])),
                    notes="Cymraeg: Comisiynydd\nעברית",
                    resolution="RESOLVED – that the report be noted",
                ),
                AgendaItem(title="Exempt item", exempt=True, exempt_ground="Part I of Schedule 12A, paragraph 7"),
            ),
        )
    )
    first = office.boards.get_meeting(first_id)
    office.boards.save_action(
        Action(
            board_id=board_id, description="Report back", owner="DCC", due=date(2021, 3, 1), item_id=first.items[0].id
        )
    )
    office.boards.save_action(Action(board_id=board_id, description="From a finding", finding_id=finding_ids[0]))
    office.boards.add_action_update(1, date(2021, 2, 1), "Drafted")
    office.boards.approve_closure(
        ClosureApproval(
            finding_id=finding_ids[1],
            meeting_id=first_id,
            item_id=first.items[0].id,
            approved_on=date(2021, 1, 5),
            note="ok",
        )
    )
    office.boards.create_meeting(Meeting(board_id=board_id, held_on=date(2021, 3, 4)))
    return office


def _strip(document):
    return {k: document[k] for k in ("inspections", "boards")}


def test_boards_round_trip_through_json(tmp_path):
    source = _rich_office(tmp_path / "a.sqlite3")
    exported = export_document(source.db)
    board = exported["boards"][0]
    assert [m["date"] for m in board["meetings"]] == ["2021-01-05", "2021-03-04"]
    assert board["meetings"][1]["items"][0]["carried_actions"] == [1, 2]
    assert board["actions"][0]["finding"] == {"inspection": "HY-2020", "finding": "1"}
    assert board["meetings"][0]["items"][0]["closure_approvals"][0]["finding"] == "2"
    target = Office.open(tmp_path / "b.sqlite3")
    path = tmp_path / "out.json"
    path.write_text(json.dumps(exported, ensure_ascii=False), encoding="utf-8")
    report = target.import_json(path)
    assert report.boards == 1 and report.changes.boards
    assert _strip(export_document(target.db)) == _strip(exported)
    # importing again replaces the board rather than doubling it
    target.import_json(path)
    assert _strip(export_document(target.db)) == _strip(exported)


def test_old_files_without_boards_still_import(tmp_path):
    source = _rich_office(tmp_path / "a.sqlite3")
    document = export_document(source.db)
    del document["boards"]
    target = Office.open(tmp_path / "b.sqlite3")
    report = import_document(target.db, document)
    assert report.boards == 0 and target.boards.boards() == []


@pytest.mark.parametrize(
    "change, message",
    [
        (
            lambda b: b["meetings"][0].update(date="2021-02-30"),
            "boards[0] (name 'Joint Audit and Scrutiny Panel <b>&').meetings[0]: field \"date\"",
        ),
        (lambda b: b["meetings"][0]["items"][0].update(purpose="for fun"), '.meetings[0].items[0]: field "purpose"'),
        (
            lambda b: b["meetings"][1]["items"][0].update(carried_actions=[9]),
            'field "carried_actions": there is no action 9',
        ),
        (
            lambda b: b["meetings"][0]["items"][0]["links"][0].update(inspection="NOPE"),
            '.items[0].links[0]: field "inspection": no inspection',
        ),
        (lambda b: b["actions"][0]["finding"].update(finding="77"), '.actions[0].finding: field "finding"'),
        (lambda b: b["actions"][0].update(number=1), "appear more than once"),
        (lambda b: b.update(meetings="x"), 'field "meetings": must be a list'),
    ],
)
def test_bad_boards_import_nothing_and_say_where(tmp_path, change, message):
    source = _rich_office(tmp_path / "a.sqlite3")
    document = export_document(source.db)
    broken = copy.deepcopy(document)
    change(broken["boards"][0])
    target = Office.open(tmp_path / "b.sqlite3")
    with pytest.raises(InterchangeError, match="Nothing was imported") as caught:
        import_document(target.db, broken)
    assert message in str(caught.value)
    assert target.inspections.count() == 0 and target.boards.boards() == []
