"""The `boards` section of the JSON interchange format: parse (pure, every problem with its path) and build.

"boards": [{"name", "kind", "frequency", "members": [..], "actions": [..actions not born at an item..],
            "meetings": [{"date", "start_time", "venue", "virtual", "status", "first_item_number",
                          "attendees": [{"name", "role", "present"}], "apologies": [..], "declarations": [..],
                          "items": [{"title", "presenter", "purpose", "exempt", "exempt_ground", "papers",
                                     "links": [{"inspection", "finding" | "finding_number"}],
                                     "notes", "resolution", "carried_actions": [numbers],
                                     "closure_approvals": [{"inspection", "finding" | "finding_number",
                                                            "date", "note"}],
                                     "actions": [{"number", "description", "owner", "due", "status",
                                                  "finding": {"inspection", "finding" | "finding_number"},
                                                  "updates": [{"date", "text"}]}]}]}]}]
"""

from __future__ import annotations

from collections import Counter

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from ..domain.board_rules import validate_action, validate_board, validate_item, validate_meeting
from ..domain.boards import Action, ActionUpdate, AgendaItem, Attendee, Board, Meeting
from .interchange_format import _date, _Problems, _text, _text_list


@dataclass(frozen=True)
class FindingRef:
    """An inspection (by reference, or title) and optionally one of its findings (by reference or 1-based number)."""

    where: str
    inspection: str
    finding: str = ""
    finding_number: int | None = None


@dataclass
class ParsedAction:
    action: Action
    finding: FindingRef | None = None


@dataclass
class ParsedItem:
    item: AgendaItem
    links: list[FindingRef] = field(default_factory=list)
    carried: list[int] = field(default_factory=list)
    approvals: list[tuple[FindingRef, date, str]] = field(default_factory=list)
    actions: list[ParsedAction] = field(default_factory=list)


@dataclass
class ParsedMeeting:
    meeting: Meeting
    items: list[ParsedItem] = field(default_factory=list)
    approvals: list[tuple[FindingRef, date, str]] = field(default_factory=list)  # not tied to an item


@dataclass
class ParsedBoard:
    board: Board
    actions: list[ParsedAction] = field(default_factory=list)
    meetings: list[ParsedMeeting] = field(default_factory=list)


def _list(raw: dict[str, Any], name: str, where: str, problems: _Problems) -> list[Any]:
    value = raw.get(name)
    if value is None:
        return []
    if not isinstance(value, list):
        problems.add(where, name, "must be a list")
        return []
    return value


def _object(raw: Any, where: str, problems: _Problems) -> dict[str, Any] | None:
    if not isinstance(raw, dict):
        problems.items.append(f"{where}: must be an object")
        return None
    return raw


def _bool(raw: dict[str, Any], name: str, where: str, problems: _Problems, default: bool) -> bool:
    value = raw.get(name, default)
    if value is None:
        return default
    if not isinstance(value, bool):
        problems.add(where, name, "must be true or false")
        return default
    return value


def _number(raw: dict[str, Any], name: str, where: str, problems: _Problems) -> int | None:
    value = raw.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        problems.add(where, name, "must be a whole number")
        return None
    return value


def _finding_ref(raw: Any, where: str, problems: _Problems) -> FindingRef | None:
    raw = _object(raw, where, problems)
    if raw is None:
        return None
    inspection = _text(raw, "inspection", where, problems).strip().lstrip("#")
    if not inspection:
        problems.add(where, "inspection", "is required (the inspection's reference or title)")
        return None
    return FindingRef(
        where,
        inspection,
        _text(raw, "finding", where, problems).strip().lstrip("#"),
        _number(raw, "finding_number", where, problems),
    )


def _approvals(raw: dict[str, Any], where: str, problems: _Problems) -> list[tuple[FindingRef, date, str]]:
    approvals = []
    for n, approval in enumerate(_list(raw, "closure_approvals", where, problems)):
        a_where = f"{where}.closure_approvals[{n}]"
        ref = _finding_ref(approval, a_where, problems)
        if ref is not None:
            on = _date(approval, "date", a_where, problems, required=True)
            approvals.append((ref, on or date.min, _text(approval, "note", a_where, problems)))
    return approvals


def _parse_action(raw: Any, board_id: int, where: str, problems: _Problems) -> ParsedAction | None:
    raw = _object(raw, where, problems)
    if raw is None:
        return None
    before = len(problems.items)
    updates = []
    for n, update in enumerate(_list(raw, "updates", where, problems)):
        u_where = f"{where}.updates[{n}]"
        if (update := _object(update, u_where, problems)) is not None:
            on = _date(update, "date", u_where, problems, required=True)
            updates.append(ActionUpdate(on=on or date.min, text=_text(update, "text", u_where, problems)))
    action = Action(
        board_id=board_id,
        description=_text(raw, "description", where, problems).strip(),
        owner=_text(raw, "owner", where, problems).strip(),
        due=_date(raw, "due", where, problems, required=False),
        status=_text(raw, "status", where, problems).strip() or "open",
        number=_number(raw, "number", where, problems) or 0,
        updates=tuple(updates),
    )
    for error in validate_action(action):
        problems.add(where, error.field, error.message)
    finding = _finding_ref(raw["finding"], f"{where}.finding", problems) if raw.get("finding") is not None else None
    return ParsedAction(action, finding) if len(problems.items) == before else None


def _parse_item(raw: Any, where: str, problems: _Problems) -> ParsedItem | None:
    raw = _object(raw, where, problems)
    if raw is None:
        return None
    before = len(problems.items)
    item = AgendaItem(
        title=_text(raw, "title", where, problems),
        presenter=_text(raw, "presenter", where, problems),
        purpose=_text(raw, "purpose", where, problems).strip() or "for noting",
        exempt=_bool(raw, "exempt", where, problems, False),
        exempt_ground=_text(raw, "exempt_ground", where, problems),
        papers=_text_list(raw, "papers", where, problems),
        notes=_text(raw, "notes", where, problems),
        resolution=_text(raw, "resolution", where, problems),
    )
    for error in validate_item(item):
        problems.add(where, error.field, error.message)
    parsed = ParsedItem(item)
    parsed.links = [
        ref
        for n, link in enumerate(_list(raw, "links", where, problems))
        if (ref := _finding_ref(link, f"{where}.links[{n}]", problems)) is not None
    ]
    for n, number in enumerate(_list(raw, "carried_actions", where, problems)):
        if isinstance(number, bool) or not isinstance(number, int):
            problems.add(f"{where}.carried_actions[{n}]", "number", "must be an action number such as 2")
        else:
            parsed.carried.append(number)
    parsed.approvals = _approvals(raw, where, problems)
    parsed.actions = [
        a
        for n, raw_action in enumerate(_list(raw, "actions", where, problems))
        if (a := _parse_action(raw_action, 0, f"{where}.actions[{n}]", problems)) is not None
    ]
    return parsed if len(problems.items) == before else None


def _parse_meeting(raw: Any, where: str, problems: _Problems) -> ParsedMeeting | None:
    raw = _object(raw, where, problems)
    if raw is None:
        return None
    before = len(problems.items)
    attendees = []
    for n, person in enumerate(_list(raw, "attendees", where, problems)):
        p_where = f"{where}.attendees[{n}]"
        if isinstance(person, str):
            attendees.append(Attendee(name=person))
        elif (person := _object(person, p_where, problems)) is not None:
            attendees.append(
                Attendee(
                    name=_text(person, "name", p_where, problems),
                    role=_text(person, "role", p_where, problems),
                    present=_bool(person, "present", p_where, problems, True),
                )
            )
    first = _number(raw, "first_item_number", where, problems)
    meeting = Meeting(
        board_id=0,
        held_on=_date(raw, "date", where, problems, required=True) or date.min,
        start_time=_text(raw, "start_time", where, problems),
        venue=_text(raw, "venue", where, problems),
        virtual=_bool(raw, "virtual", where, problems, False),
        status=_text(raw, "status", where, problems).strip() or "scheduled",
        first_item_number=1 if first is None else first,
        attendees=tuple(attendees),
        apologies=_text_list(raw, "apologies", where, problems),
        declarations=_text_list(raw, "declarations", where, problems),
    )
    for error in validate_meeting(meeting):
        problems.add(where, error.field, error.message)
    items = [
        _parse_item(item, f"{where}.items[{n}]", problems)
        for n, item in enumerate(_list(raw, "items", where, problems))
    ]
    if len(problems.items) != before:
        return None
    return ParsedMeeting(meeting, [i for i in items if i is not None], _approvals(raw, where, problems))


def _number_actions(board: ParsedBoard, where: str, problems: _Problems) -> None:
    """Give numberless actions the next free numbers (in file order); refuse duplicates and unknown carries."""
    every = board.actions + [a for m in board.meetings for i in m.items for a in i.actions]
    used = [a.action.number for a in every if a.action.number]
    duplicates = sorted(n for n, times in Counter(used).items() if times > 1)
    if duplicates:
        problems.add(where, "actions", f"action number(s) {', '.join(map(str, duplicates))} appear more than once")
    next_number = max(used, default=0)
    for parsed in every:
        if not parsed.action.number:
            next_number += 1
            parsed.action = replace(parsed.action, number=next_number)
    numbers = {a.action.number for a in every}
    for m_number, meeting in enumerate(board.meetings):
        for i_number, item in enumerate(meeting.items):
            for carried in item.carried:
                if carried not in numbers:
                    problems.add(
                        f"{where}.meetings[{m_number}].items[{i_number}]",
                        "carried_actions",
                        f"there is no action {carried} on this board's log",
                    )


def parse_boards(data: Any) -> tuple[list[ParsedBoard], list[str]]:
    """The optional top-level `boards` list (absent in older files: nothing to import)."""
    problems = _Problems()
    raw_boards = data.get("boards") if isinstance(data, dict) else None
    if raw_boards is None:
        return [], []
    if not isinstance(raw_boards, list):
        return [], ['top level: field "boards" must be a list']
    result: list[ParsedBoard] = []
    names: dict[str, str] = {}
    for number, raw in enumerate(raw_boards):
        where = f"boards[{number}]"
        if (raw := _object(raw, where, problems)) is None:
            continue
        where = f"{where} (name {str(raw.get('name', ''))[:60]!r})"
        before = len(problems.items)
        board = Board(
            name=_text(raw, "name", where, problems).strip(),
            kind=_text(raw, "kind", where, problems).strip() or "Other",
            frequency=_text(raw, "frequency", where, problems),
            members=_text_list(raw, "members", where, problems),
        )
        for error in validate_board(board):
            problems.add(where, error.field, error.message)
        if board.name.lower() in names:
            problems.add(where, "name", f"{board.name!r} appears twice (also {names[board.name.lower()]})")
        names[board.name.lower()] = where
        parsed = ParsedBoard(board)
        parsed.actions = [
            a
            for n, act in enumerate(_list(raw, "actions", where, problems))
            if (a := _parse_action(act, 0, f"{where}.actions[{n}]", problems)) is not None
        ]
        parsed.meetings = [
            m
            for n, meeting in enumerate(_list(raw, "meetings", where, problems))
            if (m := _parse_meeting(meeting, f"{where}.meetings[{n}]", problems)) is not None
        ]
        _number_actions(parsed, where, problems)
        if len(problems.items) == before:
            result.append(parsed)
    return result, problems.items
