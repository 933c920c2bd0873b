"""Rules for boards: agenda ordering and numbering, action numbering, carry-forward, validation."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date

from .boards import (
    ACTION_STATUSES,
    MEETING_STATUSES,
    PROGRESS_ITEM_TITLE,
    PURPOSES,
    Action,
    AgendaItem,
    Board,
    Meeting,
)
from .models import FieldError
from .validation import MAX_TEXT_LENGTH, MAX_TITLE_LENGTH, _text_errors

MAX_ITEM_NUMBER = 9999


# Agenda ordering ---------------------------------------------------------------------------------
def renumber(items: Sequence[AgendaItem]) -> tuple[AgendaItem, ...]:
    """The items in the given order with positions 0, 1, 2 …; printed numbers follow positions."""
    return tuple(replace(item, position=n) for n, item in enumerate(items))


def move_item(items: Sequence[AgendaItem], index: int, delta: int) -> tuple[AgendaItem, ...]:
    """Move one item up (delta -1) or down (+1); out-of-range moves leave the agenda as it was."""
    target = index + delta
    if not (0 <= index < len(items)) or not (0 <= target < len(items)):
        return renumber(items)
    order = list(items)
    order.insert(target, order.pop(index))
    return renumber(order)


def item_numbers(meeting: Meeting) -> list[int]:
    return [meeting.item_number(n) for n in range(len(meeting.items))]


# Action log --------------------------------------------------------------------------------------
def next_action_number(existing: Iterable[int]) -> int:
    """Actions are numbered per board: one more than the highest number the board has used."""
    return max(existing, default=0) + 1


def format_action_number(number: int) -> str:
    """ "Action 002" style references, as in the Nottinghamshire JASP action tracker."""
    return f"{number:03d}"


def open_actions_to_carry(
    actions: Iterable[Action], source_dates: dict[int, date | None], held_on: date
) -> list[Action]:
    """Open actions that a new meeting on `held_on` reviews: born at a meeting on or before that date
    (a meeting created on the day of the last one still picks its actions up), or from a finding.

    `source_dates` maps an action id to the date of the meeting it was born at (None: from a finding).
    """
    carried = []
    for action in actions:
        born = source_dates.get(action.id) if action.id is not None else None
        if action.is_open and (born is None or born <= held_on):
            carried.append(action)
    return sorted(carried, key=lambda a: a.number)


def carry_forward_item(action_ids: Sequence[int]) -> AgendaItem | None:
    """The "Progress against the action log" item linking the open actions, or None if there are none."""
    if not action_ids:
        return None
    return AgendaItem(title=PROGRESS_ITEM_TITLE, purpose="for noting", carried_action_ids=tuple(action_ids))


def with_carry_forward(meeting: Meeting, action_ids: Sequence[int]) -> Meeting:
    """The meeting with a progress item first (after any item already about the action log)."""
    if any(item.title == PROGRESS_ITEM_TITLE for item in meeting.items):
        return meeting
    item = carry_forward_item(action_ids)
    if item is None:
        return meeting
    return replace(meeting, items=renumber((item, *meeting.items)))


# Validation --------------------------------------------------------------------------------------
def validate_board(board: Board) -> list[FieldError]:
    errors = _text_errors("name", board.name, required=True, max_length=MAX_TITLE_LENGTH)
    errors += _text_errors("kind", board.kind, required=False, max_length=MAX_TITLE_LENGTH)
    errors += _text_errors("frequency", board.frequency, required=False, max_length=MAX_TITLE_LENGTH)
    for member in board.members:
        errors += _text_errors("members", member, required=True, max_length=MAX_TITLE_LENGTH)
    return errors


def validate_item(item: AgendaItem) -> list[FieldError]:
    errors = _text_errors("title", item.title, required=True, max_length=MAX_TITLE_LENGTH)
    for name in ("presenter", "exempt_ground"):
        errors += _text_errors(name, getattr(item, name), required=False, max_length=MAX_TITLE_LENGTH)
    for name in ("notes", "resolution"):
        errors += _text_errors(name, getattr(item, name), required=False, max_length=MAX_TEXT_LENGTH)
    for paper in item.papers:
        errors += _text_errors("papers", paper, required=True, max_length=MAX_TITLE_LENGTH)
    if item.purpose not in PURPOSES:
        errors.append(FieldError("purpose", f"must be one of: {', '.join(PURPOSES)}"))
    if item.exempt and not item.exempt_ground.strip():
        errors.append(
            FieldError("exempt_ground", "is required for an exempt item (the ground for excluding the public)")
        )
    return errors


def validate_meeting(meeting: Meeting) -> list[FieldError]:
    errors: list[FieldError] = []
    if meeting.held_on is None:
        errors.append(FieldError("held_on", "is required"))
    errors += _text_errors("start_time", meeting.start_time, required=False, max_length=40)
    errors += _text_errors("venue", meeting.venue, required=False, max_length=MAX_TITLE_LENGTH)
    if meeting.status not in MEETING_STATUSES:
        errors.append(FieldError("status", f"must be one of: {', '.join(MEETING_STATUSES)}"))
    if not (isinstance(meeting.first_item_number, int) and 0 <= meeting.first_item_number <= MAX_ITEM_NUMBER):
        errors.append(FieldError("first_item_number", f"must be a whole number from 0 to {MAX_ITEM_NUMBER}"))
    for attendee in meeting.attendees:
        errors += _text_errors("attendees", attendee.name, required=True, max_length=MAX_TITLE_LENGTH)
        errors += _text_errors("attendees", attendee.role, required=False, max_length=MAX_TITLE_LENGTH)
    for name in ("apologies", "declarations"):
        for value in getattr(meeting, name):
            errors += _text_errors(name, value, required=True, max_length=MAX_TEXT_LENGTH)
    for number, item in zip(item_numbers(meeting), meeting.items):
        errors += [FieldError(f"items[{number}].{e.field}", e.message) for e in validate_item(item)]
    return errors


def validate_action(action: Action) -> list[FieldError]:
    errors = _text_errors("description", action.description, required=True, max_length=MAX_TEXT_LENGTH)
    errors += _text_errors("owner", action.owner, required=False, max_length=MAX_TITLE_LENGTH)
    if action.status not in ACTION_STATUSES:
        errors.append(FieldError("status", f"must be one of: {', '.join(ACTION_STATUSES)}"))
    if action.number < 0:
        errors.append(FieldError("number", "must be a positive whole number"))
    for update in action.updates:
        errors += _text_errors("updates", update.text, required=True, max_length=MAX_TEXT_LENGTH)
        if update.on is None:
            errors.append(FieldError("updates", "every update needs a date"))
    return errors
